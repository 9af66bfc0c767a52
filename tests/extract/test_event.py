from datetime import date

import pytest

@pytest.mark.parametrize("text, status", [
    ("Prime Minister Jane Doe will travel to Paris next week for talks with President Roe.", "upcoming"),
    ("Prime Minister Jane Doe arrived in Paris on Sunday for talks with President Roe.", "ongoing"),
    ("Prime Minister Jane Doe has returned from Paris after talks with President Roe. They signed a deal.",
     "concluded"),
])
def test_status_from_tense(stages, text, status):
    assert stages("Headline\n\n" + text, until="event").event.status == status


@pytest.mark.parametrize("text, kind", [
    ("President Lee will make a state visit to China next week.", "state-visit"),
    ("Leaders gather for the summit in Lima.", "summit"),
    ("Trade talks between the two ministers opened on Monday.", "trade-talks"),
    ("The peace talks in Geneva were postponed.", "peace-talks"),
    ("Foreign Minister Ann Roe arrived in Tokyo for a visit.", "visit"),
])
def test_kind(stages, text, kind):
    assert stages("Headline\n\n" + text, until="event").event.kind == kind


def test_principal_location_and_dates(stages):
    st = stages("Headline\n\nUS Secretary of State Antony Blinken arrived in Beijing on Sunday. "
                "He meets President Xi on Monday.", until="event", today=date(2023, 6, 18))
    ev = st.event
    assert (ev.principal, ev.location) == ("Antony Blinken", "Beijing")
    isos = {d.text: d.iso for d in ev.dates}
    assert isos["on Sunday"] == "2023-06-18" and isos["on Monday"] == "2023-06-19"


def test_body_principal_when_no_person_leads(stages):
    st = stages("Headline\n\nUnited Nations talks to end the conflict in Yemen have been postponed.",
                until="event")
    assert st.event.principal == "United Nations"
