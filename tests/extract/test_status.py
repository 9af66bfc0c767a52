"""Status (upcoming / ongoing / concluded) from time: the article's date against the dates it
names, and the tense of the verbs about the event. Short invented sentences, many outlets' ways."""
from datetime import date

import pytest

WED = date(2021, 3, 10)  # a Wednesday, as --date


@pytest.mark.parametrize("text, status", [
    # a visit begun, or one of its days: under way, whatever past verb tells its steps
    ("Minister Ana Ruiz kicked off a three-day visit to Norway on Tuesday with talks on energy.", "ongoing"),
    ("On the second day of her visit to Norway, Minister Ana Ruiz toured a platform with Per Dahl.",
     "ongoing"),
    ("Talks between Spain and Norway on gas prices entered a second day in Oslo on Tuesday.", "ongoing"),
    ("Minister Ana Ruiz holds talks with Prime Minister Per Dahl in Oslo, seeking a gas deal.", "ongoing"),
    # the end told by a departure or by the talks breaking up
    ("Minister Ana Ruiz wound up her tour of Scandinavia in Oslo on Friday.", "concluded"),
    ("Minister Ana Ruiz left Oslo on Wednesday after talks with Prime Minister Per Dahl.", "concluded"),
    ("Minister Ana Ruiz flew home from Oslo on Friday after talks that yielded no deal.", "concluded"),
    ("Talks between Spain and Norway on gas prices broke up in Oslo without agreement.", "concluded"),
    # leaving for a visit is its start, not its end
    ("Minister Ana Ruiz left Madrid for Oslo on Tuesday on a two-day visit.", "ongoing"),
    # heading or departing for it: ahead
    ("Minister Ana Ruiz heads to Oslo on Thursday, seeking a deal on gas with Norway.", "upcoming"),
    ("Minister Ana Ruiz departs for Oslo on Sunday for a two-day visit.", "upcoming"),
    # a visit carried on, or paid now; the eve of talks is before them
    ("Minister Ana Ruiz, who is paying an official visit to Norway, held talks with Per Dahl on Tuesday.",
     "ongoing"),
    ("Minister Ana Ruiz continued her visit to Norway on Tuesday with a stop in Bergen.", "ongoing"),
    ("Minister Ana Ruiz set off for Oslo on Sunday on a two-day visit to Norway.", "ongoing"),
    ("Per Dahl hosted Minister Ana Ruiz for dinner on Tuesday, on the eve of talks on gas prices.", "upcoming"),
])
def test_status_from_the_verb_about_the_event(stages, text, status):
    assert stages("Headline\n\n" + text, until="event").event.status == status


def test_an_agreement_to_meet_looks_ahead(stages):
    # "agreed" is past, but what it agreed to, the meeting on Friday, is ahead
    text = ("Headline\n\nMinister Ana Ruiz and Prime Minister Per Dahl agreed last month to meet in Oslo "
            "on Friday for talks on gas.")
    st = stages(text, until="event", today=WED)
    assert st.event.status == "upcoming"
    assert {d.text: d.iso for d in st.event.dates}["on Friday"] == "2021-03-12"


def test_after_visiting_is_over(stages):
    text = ("Headline\n\nA week after visiting Oslo for talks with Prime Minister Per Dahl, Minister Ana Ruiz "
            "said gas prices would fall.")
    assert stages(text, until="event").event.status == "concluded"


def test_a_reporting_verbs_date_is_not_the_events(stages):
    # "said on Monday" dates the announcement; the visit on Friday is still ahead
    text = "Headline\n\nA spokesman said on Monday that Minister Ana Ruiz will visit Oslo on Friday."
    assert stages(text, until="event", today=WED).event.status == "upcoming"


@pytest.mark.parametrize("dateline, status", [
    ("OSLO, March 8 (Agency) - ", "upcoming"),   # the visit on March 15 is a week ahead
    ("OSLO, March 20 (Agency) - ", "concluded"),  # and days past
])
def test_a_dateline_without_a_year_still_orders_months_and_days(stages, dateline, status):
    text = (f"Visit\n\n{dateline}Minister Ana Ruiz visits Oslo on March 15 and 16 for talks "
            "with Prime Minister Per Dahl.")
    assert stages(text, until="event").event.status == status


def test_a_yearless_dateline_does_not_invent_weekdays(stages):
    # without a year a weekday cannot be placed: the first day of a visit is under way
    text = ("Visit\n\nOSLO, March 10 (Agency) - Minister Ana Ruiz met Prime Minister Per Dahl on "
            "Wednesday on the first day of a three-day visit to Norway.")
    assert stages(text, until="event").event.status == "ongoing"


@pytest.mark.parametrize("dated, when, status", [
    ("2021-03-16", "on March 15 and 16", "ongoing"),  # its last day is the article's
    ("2021-03-16", "from 15 to 17 March", "ongoing"),
    ("2021-03-14", "from 15 to 17 March", "upcoming"),
    ("2021-03-20", "on March 15-17", "concluded"),
])
def test_a_range_of_days_against_the_articles_date(dated, when, status):
    from briefgen.extract import run_stages
    from tests.extract.conftest import article

    text = f"Visit\n\nMinister Ana Ruiz visits Oslo {when} for talks with Prime Minister Per Dahl."
    assert run_stages(article(text, date=dated), until="event").event.status == status


@pytest.mark.parametrize("text, later", [
    ("on March 15 and 16 for talks", "2021-03-16"),
    ("on March 15-17, officials said", "2021-03-17"),
    ("from 15 to 17 March", "2021-03-15"),
    ("on March 15 and 16 March", None),   # two dates, not a range
    ("on March 15 to 16.5 percent", None),
])
def test_the_other_end_of_a_range_of_days(text, later):
    from briefgen.extract.dates import DATE_RE, range_days, resolve
    m = DATE_RE.search(text)
    days = range_days(text, m, resolve(m, date(2021, 3, 10), 0))
    assert [d.isoformat() for d in days] == ([later] if later else [])


@pytest.mark.parametrize("text, status", [
    # the end stated belongs to another event; the principal's own verb looks ahead
    ("Minister Ana Ruiz said she would travel to Oslo next week, after talks in Stockholm ended without a "
     "deal.", "upcoming"),
    ("Having ended her visit to Sweden, Minister Ana Ruiz heads to Oslo on Thursday for talks with Per Dahl.",
     "upcoming"),
    ("Minister Ana Ruiz, who wrapped up talks in Stockholm on Monday, will travel to Oslo next week.",
     "upcoming"),
    # and where it is the principal's own, the end stands
    ("Minister Ana Ruiz, who arrived in Oslo on Monday, wrapped up her visit on Wednesday with a gas deal.",
     "concluded"),
])
def test_the_principals_own_verb_outweighs_other_clauses(stages, text, status):
    assert stages("Headline\n\n" + text, until="event").event.status == status


@pytest.mark.parametrize("sentence, status", [
    ("Ana Ruiz, who met Dahl last year, will travel to Oslo.", "upcoming"),
    ("Ana Ruiz told reporters on Monday that she had wrapped up her talks.", "concluded"),
    ("Ana Ruiz arrived in Oslo on Tuesday.", "ongoing"),
    ("Ana Ruiz reached Oslo on Tuesday.", "arrived"),
    ("Ana Ruiz met Per Dahl.", None),  # a past meeting verb alone is left to the other evidence
    ("Per Dahl will travel to Oslo.", None),  # not the subject's verb
])
def test_main_verb(sentence, status):
    from briefgen.extract.timing import main_verb
    assert main_verb(sentence, "Ruiz") == status


@pytest.mark.parametrize("text, status", [
    # the day it ends is ahead: under way
    ("Minister Ana Ruiz, in Oslo for talks with Per Dahl, will wrap up her visit on Friday.", "ongoing"),
    ("Minister Ana Ruiz's visit to Norway, her first since taking office, ends on Thursday.", "ongoing"),
    ("European leaders meeting in Oslo are set to close their two-day summit on Thursday.", "ongoing"),
    # and it ended before the article's date: over, however long it lasted
    ("Minister Ana Ruiz's three-day visit to Norway ended on Tuesday with a gas deal.", "concluded"),
    # begun within its length of the article's date: under way; begun longer ago: over
    ("A two-day summit of European leaders opened in Oslo on Wednesday with a call for lower gas prices.",
     "ongoing"),
    ("Minister Ana Ruiz's three-day visit to Norway began on Monday with talks on gas.", "ongoing"),
    ("Minister Ana Ruiz's two-day visit to Norway began on March 1 with talks on gas.", "concluded"),
    # a progressive with a date is an arrangement: ahead
    ("Prime Minister Per Dahl is hosting Minister Ana Ruiz on Friday for talks on gas prices.", "upcoming"),
])
def test_status_from_the_events_days_against_the_memo_date(stages, text, status):
    assert stages("Headline\n\n" + text, until="event", today=WED).event.status == status


@pytest.mark.parametrize("text", [
    "Minister Ana Ruiz, who last visited Oslo on 3 June 2019, will travel there on Friday for talks.",
    "Minister Ana Ruiz will travel to Oslo on Friday for talks. The two last met in Madrid on 3 June 2019.",
])
def test_a_date_of_an_earlier_meeting_does_not_make_a_preview_ongoing(text):
    from briefgen.extract import run_stages
    from tests.extract.conftest import article

    st = run_stages(article("Headline\n\n" + text, date="2021-03-08"), until="event")
    assert st.event.status == "upcoming"
