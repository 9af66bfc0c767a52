"""Invented short articles in several outlets' styles: the event stage on prose it was not
written against (a host and a guest, domestic bargaining, arrivals and timetables)."""
from datetime import date

import pytest


@pytest.mark.parametrize("text, principal", [
    # the guest of a visit, not the host who receives them
    ("Leader to host prince\n\nWASHINGTON (Wire) - President Ann Roe will host Crown Prince Bo bin Kay at "
     "the White House on Tuesday, the administration said. Roe said she looked forward to the meeting.",
     "Bo bin Kay"),
    ("PM hosts sultan\n\nPrime Minister Ann Roe hosted Sultan Tariq Dune of Ruritania in Lima on Monday. "
     "Roe said the talks were useful. Roe added that she would keep talking.", "Tariq Dune"),
    # the host of a summit still leads it
    ("Summit opens\n\nPresident Ann Roe will host leaders of ten nations at a summit in Lima on Friday. "
     "King Bo Kay said he would attend.", "Ann Roe"),
])
def test_the_guest_of_a_visit_is_the_principal(stages, text, principal):
    st = stages(text, until="event", today=date(2026, 3, 1))
    assert st.event.principal == principal


@pytest.mark.parametrize("text", [
    # budget talks in a legislature, wage talks with a union: bargaining at home, no diplomacy
    "Budget talks drag on\n\nCongressional negotiators resumed budget talks on Monday as House Speaker Tom "
    "Ruiz and Senate leader Ann Brooks tried to avert a shutdown. Ruiz said the two sides were close.",
    "Teachers' talks stall\n\nTalks between the state teachers' union and Governor Kim Pell stalled on "
    "Tuesday over pay. Union leader Joe Dorn said members would strike on Friday.",
    "Port strike looms\n\nPort operators and dockworkers held wage talks in Rotterdam on Friday. Minister "
    "Ann Roe urged both sides to settle.",
])
def test_domestic_bargaining_is_no_event(stages, text):
    st = stages(text, until="event")
    assert st.event.kind is None and st.event.principal is None
    assert st.warnings == ("no visit, summit or talks found (talks on a domestic bargain, not between "
                           "governments)",)


@pytest.mark.parametrize("text, principal, place", [
    # signing an accord brings its parties together
    ("Ruritania, Norway sign energy deal\n\nRuritanian Prime Minister Bo Kay and his Norwegian counterpart "
     "Erna Dahl signed an energy accord in Oslo on Tuesday. The accord covers gas supplies.", "Bo Kay", "Oslo"),
    # an arrival written as a noun
    ("Minister in Oslo\n\nUpon arrival in Oslo, Foreign Minister Nikos Petrou was greeted by Espen Lund, "
     "a state secretary. Petrou laid a wreath.", "Nikos Petrou", "Oslo"),
    # a timetable: "is due in"
    ("Minister due in Oslo\n\nJapanese Foreign Minister Kenji Ito is due in Oslo on Monday. Ito hopes to "
     "buy more gas.", "Kenji Ito", "Oslo"),
])
def test_events_found_in_other_words(stages, text, principal, place):
    st = stages(text, until="event", today=date(2026, 3, 4))
    assert st.warnings == ()
    assert (st.event.principal, st.event.location) == (principal, place)
