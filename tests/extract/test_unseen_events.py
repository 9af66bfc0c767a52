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
    # negotiations over a spending bill, and leaders meeting about it
    "Lawmakers inch toward budget deal\n\nWASHINGTON - Congressional leaders met at the Capitol on Tuesday as "
    "negotiations over a spending bill dragged into a second week. House Speaker Tom Ruiz said a deal was close.",
])
def test_domestic_bargaining_is_no_event(stages, text):
    st = stages(text, until="event")
    assert st.event.kind is None and st.event.principal is None
    assert st.warnings == ("no visit, summit or talks found (talks on a domestic bargain, not between "
                           "governments)",)


@pytest.mark.parametrize("text", [
    "City council approves new budget\n\nThe city council on Tuesday approved a $4.2 billion budget after weeks "
    "of debate. Mayor Ann Roe said the budget protects services.",
    "County Council Backs Road Plan\n\nThe county council voted on Monday to repair rural roads. Council "
    "leader Tom Ruiz said work would start in May.",
])
def test_a_local_council_vote_is_no_event(stages, text):
    st = stages(text, until="event")
    assert st.event.kind is None and st.event.principal is None


def test_a_named_council_is_a_venue(stages):
    st = stages("European Council opens in Brussels\n\nEU leaders gathered in Brussels on Thursday for the "
                "European Council. Chancellor Ann Roe said the agenda was long.", until="event")
    assert st.event.kind is not None


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


WED = date(2026, 3, 4)  # a Wednesday


@pytest.mark.parametrize("text, today, status", [
    # an arrival as a noun: the visit is under way
    ("Minister in Oslo\n\nUpon arrival in Oslo, Foreign Minister Nikos Petrou was greeted by Espen Lund, a "
     "state secretary. Petrou is expected to discuss fisheries.", WED, "ongoing"),
    # a timetable: due in a city on a day ahead
    ("Minister due in Oslo\n\nJapanese Foreign Minister Kenji Ito is due in Oslo on Monday.", WED, "upcoming"),
    ("Minister due in Oslo\n\nJapanese Foreign Minister Kenji Ito is due in Oslo on Monday.", None, "upcoming"),
    # a present-tense timetable, with and without a date to read it against
    ("Iran talks\n\nVIENNA (Wire) - Iranian and European negotiators resume talks on Monday over the nuclear "
     "deal, diplomats said.", None, "upcoming"),
    ("Iran talks\n\nVIENNA (Wire) - Iranian and European negotiators resume talks on Monday over the nuclear "
     "deal, diplomats said.", WED, "upcoming"),
    # talks that continue on a day are under way, read the day before or on the day
    ("Fishing talks go on\n\nOSLO - Talks between Norway and Russia on fishing quotas continue on Thursday, "
     "officials said. Negotiators met for three hours on Wednesday.", WED, "ongoing"),
    ("Fishing talks go on\n\nOSLO - Talks between Norway and Russia on fishing quotas continue on Thursday, "
     "officials said. Negotiators met for three hours on Wednesday.", date(2026, 3, 5), "ongoing"),
    # stalled talks are not over, even when the sides meet again next week
    ("Peace talks stall\n\nGENEVA - Peace talks between the government of Ruritania and rebel groups stalled "
     "on Tuesday, mediators said. The sides will meet again next week.", WED, "ongoing"),
])
def test_status_of_timetables_and_stalled_talks(stages, text, today, status):
    assert stages(text, until="event", today=today).event.status == status


@pytest.mark.parametrize("today, status, iso", [
    (date(2026, 2, 20), "upcoming", "2026-03-02"),
    (date(2026, 3, 5), "concluded", "2026-03-02"),
    # read weeks or months later, "visits on March 2" was this year's, not next year's
    (date(2026, 3, 20), "concluded", "2026-03-02"),
    (date(2026, 7, 1), "concluded", "2026-03-02"),
])
def test_a_yearless_date_stays_within_half_a_year_of_the_memo_date(stages, today, status, iso):
    text = ("Minister visits Oslo\n\nForeign Minister Kenji Ito visits Oslo on March 2 for talks with Prime "
            "Minister Espen Lund.")
    ev = stages(text, until="event", today=today).event
    assert ev.status == status and [d.iso for d in ev.dates] == [iso]


@pytest.mark.parametrize("text, principal", [
    # the subject of "continue" or "stalled" names the sides, not the reporting clause after it
    ("Fishing talks go on\n\nOSLO - Talks between Norway and Russia on fishing quotas continue on Thursday, "
     "officials said.", "Norway and Russia"),
    ("Peace talks stall\n\nGENEVA - Peace talks between the government of Ruritania and rebel groups stalled "
     "on Tuesday, mediators said.", "government of Ruritania and rebel groups"),
])
def test_the_sides_of_talks_lead_them(stages, text, principal):
    assert stages(text, until="event", today=WED).event.principal == principal


@pytest.mark.parametrize("text, principal", [
    # the host's own sentence names a "visiting" guest: the guest is the visitor
    ("Roe hosts Kay\n\nLIMA (Newswire) -- President Ann Roe hosted visiting Ruritanian President Bo Kay on "
     "Tuesday at the palace. Roe said the two countries were good friends. Roe spoke at length.", "Bo Kay"),
    # "during Brandt's first official visit": the visit is his
    ("Roe meets chancellor\n\nANKARA - President Ann Roe met Chancellor Olaf Brandt in Ankara on Monday during "
     "Brandt's first official visit to Turkey. Roe said she wanted closer ties. Roe spoke for an hour.",
     "Olaf Brandt"),
    # "is to receive": a visit in other words
    ("Kay to receive Roe\n\nPresident Bo Kay is to receive Prime Minister Ann Roe of Ruritania at the palace "
     "on Friday, his office said. Kay will raise trade. Kay said so.", "Ann Roe"),
])
def test_the_host_is_not_the_visitor(stages, text, principal):
    st = stages(text, until="event", today=WED)
    assert st.warnings == () and st.event.principal == principal


@pytest.mark.parametrize("text, status", [
    ("Talks continue\n\nTalks between Ruritania and Borduria continue on Thursday, the mediator said.",
     "ongoing"),
    ("Talks drag on\n\nGENEVA - Negotiators from Ruritania and Borduria pressed on with talks in Geneva on "
     "Wednesday, officials said.", "ongoing"),
])
def test_a_later_day_or_the_day_itself_is_under_way(stages, text, status):
    assert stages(text, until="event", today=WED).event.status == status


@pytest.mark.parametrize("text", [
    # a bloc's budget talks, or two countries' pay talks, cross borders: diplomacy
    "EU budget talks\n\nBRUSSELS - EU finance ministers met in Brussels on Monday for budget talks. Minister "
    "Ann Roe said a deal was close.",
    "Pay talks\n\nPeruvian and Chilean ministers held talks on pay for border guards in Lima on Friday.",
])
def test_talks_across_borders_stay_an_event(stages, text):
    st = stages(text, until="event")
    assert st.warnings == () and st.event.kind is not None


@pytest.mark.parametrize("text, principal, kind, status", [
    # the lead is about the meeting; the next sentence says who arrived
    ("Roe, Kay agree to boost ties\n\nPrime Minister Ann Roe and her Ruritanian counterpart Bo Kay agreed on "
     "Wednesday to strengthen security ties as they met in Lima. Kay, who arrived in Peru on Tuesday for a "
     "three-day visit, said the two countries shared values.", "Bo Kay", "visit", "ongoing"),
    # a wire's "met with", the visit said outright two sentences on, with its days
    ("Premier meets Ruritanian PM\n\nLIMA, March 4 (Newswire) -- Premier Ann Roe met with Ruritanian Prime "
     "Minister Bo Kay in Lima on Wednesday. Roe said Peru stands ready to deepen cooperation. Kay, who is on an "
     "official visit to Peru from March 3 to 6, said ties were good.", "Bo Kay", "visit", "ongoing"),
])
def test_a_visitor_named_after_the_lead(stages, text, principal, kind, status):
    ev = stages(text, until="event", today=date(2026, 3, 20)).event
    assert (ev.principal, ev.kind, ev.status) == (principal, kind, status)


@pytest.mark.parametrize("today, iso", [
    (date(2026, 2, 20), "2025-03-02"),  # "met" is past: last year's March 2, not one ahead
    (date(2026, 12, 6), "2026-03-02"),  # months later, still this year's: the tense keeps it past
])
def test_a_past_tense_keeps_a_yearless_date_past(stages, today, iso):
    text = "Minister in Oslo\n\nForeign Minister Kenji Ito met Prime Minister Espen Lund in Oslo on March 2."
    ev = stages(text, until="event", today=today).event
    assert ev.status == "concluded" and [d.iso for d in ev.dates] == [iso]


def test_a_timetable_read_most_of_a_year_later_looks_ahead(stages):
    # read in December, "visits on March 2" can only be next March's
    text = "Minister visits Oslo\n\nForeign Minister Kenji Ito visits Oslo on March 2 for talks."
    ev = stages(text, until="event", today=date(2026, 12, 6)).event
    assert ev.status == "upcoming" and [d.iso for d in ev.dates] == ["2027-03-02"]


@pytest.mark.parametrize("text, principal, status", [
    # a feature-style lead: stepping off the plane is an arrival, being greeted a meeting
    ("Roe arrives in Lima\n\nIt was a moment heavy with symbolism. When Secretary of State Ann Roe stepped off "
     "her plane in Lima on Sunday, she was greeted by Foreign Minister Bo Kay. Kay said the visit marked a new "
     "chapter.", "Ann Roe", "ongoing"),
    # a guest welcomed under a title in small letters
    ("Kay in Paris\n\nFrench President Ann Roe welcomed Ruritanian leader Bo Kay to Paris on Tuesday for a "
     "state visit marked by pomp. Roe said the two countries were old friends. Roe hosted a banquet.",
     "Bo Kay", "ongoing"),
])
def test_leads_in_other_styles(stages, text, principal, status):
    st = stages(text, until="event")
    assert st.warnings == () and (st.event.principal, st.event.status) == (principal, status)


@pytest.mark.parametrize("text", [
    # a bloc's name is no union bargaining
    "Union talks\n\nEuropean Union talks on migration opened in Brussels on Monday.",
    "Talks with the African Union\n\nPresident Ann Roe held talks with the African Union in Addis Ababa on Monday.",
    # an accord is signed together
    "Leaders sign pact\n\nPresident Ann Roe and President Bo Kay signed a border pact in Lima on Monday.",
])
def test_blocs_and_pacts_are_events(stages, text):
    st = stages(text, until="event")
    assert st.warnings == () and st.event.kind is not None


def test_signing_a_bill_is_no_meeting(stages):
    st = stages("Law signed\n\nGovernor Ann Roe signed a bill on school meals in the state capital on Monday.",
                until="event")
    assert st.event.kind is None


@pytest.mark.parametrize("text, place", [
    # an earlier round or another leg does not move the venue
    ("Roe in Japan\n\nTreasury Secretary Ann Roe met Japanese Finance Minister Bo Kay in Tokyo on Monday, a day "
     "after talks in Seoul.", "Tokyo"),
    ("Talks resume\n\nNegotiators from Peru and Chile resumed talks in Geneva on Monday after a two-month break "
     "in Vienna.", "Geneva"),
    # an arrival after "after" is here
    ("Roe in Lima\n\nAfter arriving in Lima on Sunday, Secretary Ann Roe met President Bo Kay at the palace, "
     "before heading to Santiago.", "Lima"),
])
def test_another_leg_is_not_the_venue(stages, text, place):
    assert stages(text, until="event").event.location == place


def test_meeting_voters_is_campaigning(stages):
    st = stages("Senator courts Iowa voters\n\nDES MOINES - Senator Ann Roe campaigned across Iowa on Saturday, "
                "meeting voters at diners and county fairs. Roe told supporters that jobs came first.",
                until="event")
    assert st.event.kind is None and st.warnings


def test_countries_coordinated_lead_their_talks(stages):
    st = stages("India, Pakistan hold talks\n\nIndia and Pakistan held their first formal talks in three years in "
                "Islamabad on Tuesday. Foreign Secretary Ann Roe led the Indian delegation.", until="event")
    assert st.event.principal == "India and Pakistan"


def test_wars_elsewhere_are_a_topic_not_the_venue(stages):
    st = stages("Summit opens\n\nLeaders gathered in Lima on Monday for a two-day summit overshadowed by wars in "
                "Ukraine and the Middle East.", until="event")
    assert st.event.location == "Lima"


@pytest.mark.parametrize("text, principal, status", [
    # the guest in the passive, future and past
    ("Kay to Lima\n\nRuritanian President Bo Kay will be hosted by President Ann Roe in Lima on Friday for talks "
     "on energy. Roe said she looked forward to it. Roe spoke.", "Bo Kay", "upcoming"),
    ("Kay in Lima\n\nRuritanian President Bo Kay was welcomed with full military honours at the palace in Lima "
     "on Monday by President Ann Roe. Roe said so. Roe spoke. Roe smiled.", "Bo Kay", None),
    # playing host, receiving "her counterpart", inviting: the other one is the guest
    ("Roe plays host\n\nPresident Ann Roe plays host to Ruritanian President Bo Kay in Lima this week. Roe said "
     "so. Roe spoke. Roe smiled.", "Bo Kay", "ongoing"),
    ("Roe to receive Kay\n\nPresident Ann Roe will receive her Ruritanian counterpart Bo Kay at the palace on "
     "Friday. Roe said so. Roe spoke. Roe smiled.", "Bo Kay", "upcoming"),
    ("Kay to visit\n\nAt the invitation of President Ann Roe, Ruritanian President Bo Kay will pay a state visit "
     "to Peru from March 3 to 5, the foreign ministry said. Roe said so. Roe spoke.", "Bo Kay", "upcoming"),
])
def test_the_guest_in_other_words(stages, text, principal, status):
    ev = stages(text, until="event").event
    assert ev.principal == principal and (status is None or ev.status == status)


def test_a_relational_role_is_no_office_for_the_subject(stages):
    b = stages("Roe, Kay agree\n\nPrime Minister Ann Roe and her Ruritanian counterpart Bo Kay agreed on Friday to "
               "strengthen ties as they met in Lima. Kay, who arrived in Peru on Thursday for a three-day visit, "
               "said the two countries shared values.").briefing
    assert b.event.principal == "Bo Kay" and b.event.principal_role is None
    assert "counterpart" not in b.subject


@pytest.mark.parametrize("status, principal, place, text", [
    # tass-style
    ('upcoming', 'Lavrov', 'Beijing',
     'Lavrov to hold talks with Chinese counterpart\n\nMOSCOW, March 4. /TASS/. Russian Foreign '
     'Minister Sergey Lavrov will hold talks with Chinese Foreign Minister Wang Yi in Beijing on '
     'Thursday, Russian Foreign Ministry Spokeswoman Maria Zakharova said at a briefing on '
     'Wednesday.'),
    # anadolu-style
    ('concluded', 'Ibrahim', 'Ankara',
     'Erdogan receives Malaysian premier\n\nANKARA - Turkish President Recep Tayyip Erdogan on '
     'Monday received Malaysian Prime Minister Anwar Ibrahim at the Presidential Complex in '
     'Ankara. The two leaders discussed bilateral relations and regional issues, according to a '
     'statement from the Turkish Communications Directorate.'),
    # bernama-style
    ('upcoming', 'Anwar Ibrahim', 'Jakarta',
     'PM Anwar to visit Indonesia\n\nKUALA LUMPUR, March 4 (Bernama) -- Prime Minister Datuk Seri '
     'Anwar Ibrahim will undertake a two-day official visit to Indonesia beginning Thursday, Wisma'
     ' Putra said in a statement today. During the visit, Anwar is scheduled to hold a bilateral '
     'meeting with President Prabowo Subianto in Jakarta.'),
    # toi-style
    ('upcoming', 'Jaishankar', 'Tokyo',
     'Jaishankar to visit Japan\n\nNEW DELHI: External affairs minister S Jaishankar will travel to '
     'Tokyo on Sunday for a three-day visit during which he will hold talks with his Japanese '
     'counterpart Yoko Kamikawa, the ministry of external affairs (MEA) said on Friday.'),
    # kyodo-style
    ('concluded', 'Kishida', 'Washington',
     'Kishida, Biden agree to upgrade alliance\n\nWASHINGTON, April 10 Kyodo - Prime Minister Fumio '
     "Kishida and U.S. President Joe Biden agreed Wednesday to upgrade their countries' security "
     "alliance, as they held talks at the White House during Kishida's state visit to the United "
     'States.'),
    # guardian-style
    ('upcoming', 'Starmer', 'India',
     'Starmer to lead trade mission to India\n\nKeir Starmer will fly to India next week with more '
     'than 100 business leaders, in his first trip to the country as prime minister, as Downing '
     'Street seeks to capitalise on the trade deal signed earlier this year.'),
    # arabnews-style
    ('ongoing', 'Faisal', 'Washington',
     "Saudi FM in Washington for talks\n\nWASHINGTON: Saudi Arabia's Foreign Minister Prince Faisal "
     'bin Farhan is in Washington for talks with senior US officials on Gaza and regional '
     'security, the Saudi Press Agency reported on Tuesday.'),
    # scmp-style
    ('concluded', 'Wang', 'Canberra',
     'Wang Yi wraps up Australia trip\n\nChinese Foreign Minister Wang Yi wrapped up a three-day '
     'trip to Australia on Thursday, after meeting his Australian counterpart Penny Wong in '
     'Canberra and pledging to keep stabilising ties.'),
])
def test_wire_and_paper_styles(stages, status, principal, place, text):
    """Datelines with an agency tag (/TASS/, Bernama, Kyodo), small-letter titles, styles and
    honorifics before names: the event's who, where and when as any outlet writes them."""
    ev = stages(text, until="event").event
    assert (ev.status, ev.location) == (status, place) and principal in (ev.principal or "")


def test_a_group_named_by_where_it_comes_from(stages):
    st = stages("Talks resume\n\nGENEVA - Negotiators from Peru and Chile resumed talks in Geneva on Monday.",
                until="event")
    assert st.event.principal == "Negotiators from Peru and Chile"


def test_the_guests_of_a_summit_are_no_visitor(stages):
    # a list of leaders "welcomed by host X": one summit with many guests, not the last one's visit
    text = ("Leaders gather in Lima\n\nLIMA (Wire) - Leaders of the Pacific Forum opened a two-day summit in "
            "Lima on Thursday, with fishing quotas and port fees topping the agenda.\n\nPresident Ann Roe, "
            "Prime Minister Bo Kay, Chancellor Cy Dee and President Di Eng were welcomed by host Fay Gill, "
            "Peru's president.")
    st = stages(text, until="event", today=date(2026, 3, 6))
    assert st.event.kind == "summit" and st.event.principal != "Di Eng"


def test_a_phone_call_is_talks_whatever_summit_it_follows(stages):
    text = ("Roe and Kay speak\n\nLIMA, April 2 (Wire) - President Ann Roe and President Bo Kay held a 90-minute "
            "phone call on Tuesday, their first conversation since a summit in Quito in November.")
    st = stages(text, until="event", today=date(2026, 4, 2))
    assert st.event.kind == "talks"


def test_someone_not_expected_to_travel_does_not_take_part(stages):
    text = ("Trade talks resume\n\nNegotiators from Peru and Chile began a new round of trade talks in Lima on "
            "Monday.\n\nTrade Minister Ann Roe said the talks were useful. Chilean Trade Minister Bo Kay is not "
            "expected to travel to Lima for this round.")
    names = {p.name for p in stages(text, today=date(2026, 3, 2)).participants}
    assert "Bo Kay" not in names


@pytest.mark.parametrize("text, event", [
    # a government's own body meeting at home is no diplomacy
    ("Cabinet meets on energy\n\nThe cabinet met on Wednesday to approve a package to help households with "
     "energy bills, Prime Minister Ann Roe's office said. Ministers discussed the cost of the scheme.", False),
    ("Parliament meets\n\nParliament met in emergency session on Monday to debate the budget, Speaker Bo Kay "
     "said.", False),
    ("Congress meets\n\nCongress met in a joint session on Monday to hear President Ann Roe, Speaker Bo Kay "
     "said.", False),
    # ... but its members meeting another government's are
    ("Ministers in Beijing\n\nCabinet ministers met their Chinese counterparts in Beijing on Monday for talks "
     "on trade, Foreign Minister Ann Roe said.", True),
])
def test_a_home_body_meeting_is_no_event(stages, text, event):
    st = stages(text, until="event", today=date(2026, 3, 4))
    assert (st.event.kind is not None) == event


def test_landing_in_a_capital_is_a_visit(stages):
    text = ("Roe in Lima\n\nFor President Ann Roe, who landed in Lima on Sunday, the moment was the payoff of years "
            "of quiet diplomacy. She met Prime Minister Bo Kay, and the two leaders signed a fishing pact.")
    assert stages(text, until="event", today=date(2026, 3, 2)).event.kind == "visit"
