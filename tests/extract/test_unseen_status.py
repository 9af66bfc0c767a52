"""Status of undated invented leads, as the scorer reads them (no --date, no article date): the
tense and time words of news prose alone decide upcoming / ongoing / concluded."""
import pytest


@pytest.mark.parametrize("status, body", [
    ("concluded", "President Ann Roe on Tuesday wrapped up a two-day visit to Lima with a pledge to expand trade."),
    ("ongoing", "Prime Minister Ann Roe arrived in Hanoi on Monday on the first leg of an Asian tour."),
    ("upcoming", "Foreign Minister Ann Roe will travel to Oslo next week for talks on Arctic fishing."),
    ("ongoing", "Ann Roe and Bo Kay held talks in Lima on Monday, the second day of Roe's visit to Peru."),
    ("ongoing", "Chancellor Ann Roe is visiting Peru this week to promote German exports."),
    ("concluded", "President Ann Roe met Prime Minister Bo Kay on Tuesday and agreed to expand gas sales."),
    ("ongoing", "Prime Minister Ann Roe began a three-day visit to Peru on Monday."),
    ("upcoming", "Secretary of State Ann Roe heads to Peru this week for talks on trade."),
    ("concluded", "Prime Minister Ann Roe left Lima on Wednesday after a three-day visit."),
    ("upcoming", "A summit of Pacific leaders opens on Thursday in Lima."),
    ("ongoing", "Leaders gathered in Lima on Thursday for a two-day summit on Pacific trade."),
    ("ongoing", "President Ann Roe kicked off a tour of Africa in Nairobi on Sunday."),
    ("concluded", "Talks between Peru and Chile ended in Lima on Friday without agreement."),
    ("upcoming", "President Ann Roe is scheduled to meet Prime Minister Bo Kay on Friday."),
    ("ongoing", "Secretary of State Ann Roe was in Tokyo on Tuesday for talks with Japanese officials."),
    ("ongoing", "Chancellor Ann Roe's two-day visit to Peru ends on Tuesday."),
    ("concluded", "President Ann Roe hosted Prime Minister Bo Kay at the White House on Monday."),
    ("upcoming", "Foreign ministers of Peru and Chile will meet in Lima on Thursday to prepare for a summit."),
    ("ongoing", "Secretary of State Ann Roe landed in Lima late on Sunday, the first stop on a week-long trip."),
    ("upcoming", "President Ann Roe said on Monday she would visit Peru next month."),
    ("ongoing", "President Ann Roe is on a three-nation tour of South America."),
    ("upcoming", "President Ann Roe's trip to Peru has been postponed until next year."),
    ("concluded", "President Ann Roe sat down with Prime Minister Bo Kay in Lima on Monday."),
    ("concluded", "During talks in Lima on Monday, Ann Roe and Bo Kay agreed to open a new border crossing."),
    ("upcoming", "Prime Minister Ann Roe is due to arrive in Lima on Sunday for a three-day visit."),
    ("ongoing", "Negotiators from Peru and Chile pressed on with talks in Geneva on Wednesday."),
    ("ongoing", "Pope Leo is in Lebanon on a three-day visit, his first trip abroad."),
    ("ongoing", "Chinese President Xi Jinping is in Moscow for talks with Vladimir Putin."),
    ("upcoming", "Vice President Ann Roe will lead the U.S. delegation to the inauguration in Lima on Sunday."),
    ("ongoing", "Visiting Chinese Premier Li Wen and Prime Minister Ann Roe held talks in Lima on Monday."),
    ("concluded", "Prime Minister Ann Roe returned home on Friday from a week-long trip to Asia."),
    ("upcoming", "Prime Minister Ann Roe is expected to visit Lima in March, officials said on Monday."),
    ("concluded", "The leaders of Peru and Chile signed a border treaty in Lima on Tuesday."),
    ("ongoing", "Prime Minister Ann Roe continued her tour of Asia on Tuesday with a stop in Hanoi."),
    ("upcoming", "Ann Roe will become the first Peruvian president to visit Chile in a decade when she travels "
                 "to Santiago on Friday."),
])
def test_status_of_an_undated_lead(stages, status, body):
    assert stages("Headline\n\n" + body, until="event").event.status == status
