"""Status of undated invented leads, as the scorer reads them (no --date, no article date): the
tense and time words of news prose alone decide upcoming / ongoing / concluded."""
from datetime import date

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


@pytest.mark.parametrize("status, text", [
    ("concluded",
     'Roe, Kay agree on gas\n\nPresident Ann Roe and Prime Minister Bo Kay agreed on Tuesday to build a '
     'gas pipeline, capping two days of talks in Lima. The two leaders will meet again in June to '
     'review progress. Kay said he expected the pipeline to open in 2028.'),
    ("upcoming",
     'Roe heads to Asia\n\nPresident Ann Roe will leave on Sunday for a week-long trip to Japan and '
     'South Korea, where she is expected to discuss trade and North Korea. Roe last visited the region'
     ' in 2023. Officials said no major agreements were expected.'),
    ("ongoing",
     'Roe in Tokyo\n\nTOKYO (AP) - President Ann Roe met Japanese Prime Minister Bo Kay on Monday, the '
     'second day of a week-long Asian tour. The two leaders agreed to expand defense cooperation. Roe '
     'travels to Seoul on Wednesday.'),
    ("concluded",
     'Roe ends Asia trip\n\nPresident Ann Roe returned to Washington on Saturday after a week-long trip '
     'to Asia that yielded a defense pact with Japan. Critics said she achieved little in South Korea.'),
    ("upcoming",
     'Summit preview\n\nLeaders of the Group of Seven will gather in Bavaria this weekend for a summit '
     'expected to be dominated by the war in Ukraine. Chancellor Ann Roe will host the meeting at a '
     "castle. Last year's summit ended in acrimony."),
    ("ongoing",
     'Talks go on\n\nVIENNA (Reuters) - Iran and world powers resumed talks on Tuesday on reviving the '
     'nuclear deal, with diplomats saying gaps remained. The talks, now in their eighth round, are '
     'expected to last several days.'),
    ("concluded",
     'Talks fail\n\nTalks between Peru and Chile on their maritime border broke down on Friday, '
     'officials said, with both sides blaming each other. No date was set for a new round.'),
    ("ongoing",
     'Pope in Iraq\n\nPope Leo celebrated Mass in Baghdad on Saturday on the second day of his historic '
     'visit to Iraq. The pontiff will travel to Mosul on Sunday.'),
    ("upcoming",
     'Kay to visit\n\nRuritanian President Bo Kay is expected in Lima next month for a state visit, the '
     'foreign ministry said on Friday. It will be the first visit by a Ruritanian head of state since '
     '1998. Kay and President Ann Roe met briefly in New York last year.'),
    ("concluded",
     'Readout\n\nPresident Ann Roe spoke today with Prime Minister Bo Kay of Ruritania. The leaders '
     'discussed energy security and the war in Ukraine. President Roe reaffirmed the strong '
     'partnership between the two countries.'),
    ("ongoing",
     'Minister in Beijing\n\nBEIJING - Foreign Minister Ann Roe held talks with her Chinese counterpart '
     'Wang Lin in Beijing on Monday, at the start of a three-day visit aimed at easing tensions. Roe '
     'will meet President Xi Jinping on Tuesday.'),
    ("upcoming",
     'Talks set\n\nNegotiators from Peru and Chile will meet in Geneva next week for a new round of '
     'talks on their maritime border, the United Nations said on Thursday. The last round, in March, '
     'ended without agreement.'),
])
def test_status_of_undated_articles(stages, status, text):
    """Whole short articles: mixed tenses (a follow-up ahead in a concluded story, background
    behind a preview), and the lead decides."""
    assert stages(text, until="event").event.status == status


def test_a_date_of_something_else_after_the_lead_does_not_date_the_event(stages):
    # a yearless dateline; the second sentence dates the guest's inauguration, not the visit
    text = ("Roe to host Kay\n\nLIMA, Feb 9 (Wire) - President Ann Roe will host President Bo Kay in Lima on "
            "Friday, officials said.\n\nKay, who took office on Jan. 1 after a close election, is seeking "
            "support for a new port.")
    assert stages(text, until="event", today=date(2026, 12, 6)).event.status == "upcoming"
