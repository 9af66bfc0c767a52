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
    # hosting a person is a visit by the guest; hosting a gathering at home is a meeting
    ("President Ann Roe will host President Bo Kay in Lima on Friday.", "visit"),
    ("Prime Minister Ann Roe will host European leaders in Lima on Sunday. The meeting will discuss security.",
     "talks"),
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


@pytest.mark.parametrize("text, status", [
    # a visit under way: arrival outweighs a past "met" inside it
    ("Foreign Minister Ann Roe arrived in Lima on Monday for a three-day visit. She met President Kay.", "ongoing"),
    ("During his two-day visit, Minister Bo Lin met Prime Minister Ann Roe.", "ongoing"),
    # arriving on the eve of a meeting still to come is ahead of it
    ("Minister Bo Lin reached Lima on Tuesday to attend a meeting of ministers, which will be held on Friday.",
     "upcoming"),
    # the end stated: over, whatever else the lead says
    ("Capping a three-day visit to Lima, Minister Bo Lin said the two sides would work together.", "concluded"),
    ("The leaders of two countries have met in a border village.", "concluded"),
    ("Minister Bo Lin is to make an official visit to Lima next month.", "upcoming"),
])
def test_status_from_time_words(stages, text, status):
    assert stages("Headline\n\n" + text, until="event").event.status == status


def test_status_from_the_articles_own_date(stages):
    # the page's date against a date the lead names: the visit is ahead of it
    text = ("A visit\n\npublish date: 2019-04-23 10:00\n\nMinister Bo Lin of Peru visits Chile "
            "from 3 June 2019 for talks with President Kay.")
    assert stages(text, until="event").event.status == "upcoming"


@pytest.mark.parametrize("text, principal", [
    # the visitor, not the host named more often
    ("Minister Ann Roe landed in Lima on Friday for talks with President Bo Kay. Kay said he was glad. "
     "Kay added that Kay would speak.", "Ann Roe"),
    ("President Bo Kay welcomed Chancellor Ann Roe on Monday for a state visit. Mr. Kay spoke. Mr. Kay smiled.",
     "Ann Roe"),
    # coordinated travellers: the first named
    ("Trade Representative Ann Roe and Finance Secretary Bo Kay are set to travel to Lima. Kay said so. "
     "Kay agreed.", "Ann Roe"),
    # sides, not a person, as the lead's subject
    ("Northern and Southern negotiators gathered on Monday for talks in Lima. Envoy Ann Roe spoke.",
     "Northern and Southern negotiators"),
    # the visitor named by "who is on a state visit" or "visiting", not the host who holds the talks
    ("President Bo Kay on Thursday held talks with President of Peru Ann Roe, who is on a state visit "
     "to Lima, at the palace. Kay said so. Kay smiled. Kay spoke.", "Ann Roe"),
    ("President Bo Kay on Thursday held talks with visiting Ruritanian President Ann Roe at the palace. "
     "Kay said so. Kay smiled. Kay spoke.", "Ann Roe"),
    # a titled source who is only quoted does not lead: the body the lead is about does
    ("The Andean Community that will be born this week in Lima will mark its debut with 32 projects. "
     "The new bloc will comprise ten countries. "
     '"We had always foreseen it," bloc secretary-general Bo Kay told reporters. "We built on it," he added. '
     '"It is a step," Kay said. "More will come," Kay said.', "Andean Community"),
    ("The Andean community that will be born this week in Lima will mark its debut with 32 projects. "
     "The new bloc will comprise ten countries. It will sign its charter in Lima.", "Andean community"),
    # whoever stays away does not lead the summit
    ("Ruritania's King Bo Kay will not attend a summit of leaders in Lima, his envoy said. Kay sent regrets. "
     "Kay is ill. President Ann Roe will host the leaders on Thursday.", "Ann Roe"),
])
def test_principal_is_the_visitor_or_the_sides(stages, text, principal):
    assert stages("Headline\n\n" + text, until="event").event.principal == principal


@pytest.mark.parametrize("text, missing", [
    # a sports report: no official, no visit or talks
    ("Rovers beat United 3-1 on Saturday\n\nRovers beat United 3-1 at home on Saturday, with striker Tom Bale "
     "scoring twice. Coach Sam Reed said his side played well. The clubs meet again in May.",
     "no meeting verb with a named official"),
    # a domestic campaign story: a politician, rallies and voters, but nobody met
    ("Candidate rallies voters in the north\n\nCandidate Jo Park spoke to supporters at a rally in a "
     "town hall on Tuesday, promising lower taxes. Park told the crowd that jobs come first. Her campaign "
     "will hold more rallies this month.",
     "no visit, meeting or talks named in the headline or the lead"),
    # company results with a conference call, and a storm with a news conference: no talks
    ("Lima Corp shares climb\n\nLima Corp shares rose 4% on Thursday after record sales. Chief Executive "
     "Tom Bale told analysts on a conference call that demand was strong.",
     "no meeting verb with a named official"),
    ("Storm batters coast\n\nA storm knocked out power on Sunday. Governor Jo Park declared an emergency "
     "at a news conference in the state capital.",
     "no meeting verb with a named official"),
    # a book about a visit of another year
    ("Book recalls a visit\n\nA new book recalls President Bo Kay's 1972 visit to Beijing. It goes on sale "
     "next month.",
     "no meeting verb with a named official"),
])
def test_no_event_is_told_apart(stages, text, missing):
    st = stages(text, until="event")
    ev = st.event
    assert (ev.principal, ev.location, ev.kind, ev.status) == (None, None, None, None)
    assert st.warnings == (f"no visit, summit or talks found ({missing})",)


def test_travel_dated_to_another_year_is_no_event(stages):
    st = stages("Germany needs a new energy policy\n\nWhen the chancellor flew to Qatar in 2022, he came back "
                "with promises of gas but few contracts. Europe has since learned that such promises are "
                "cheap.\n\nThe lesson is that energy cannot be bought on a single trip.",
                until="event", today=date(2024, 12, 6))
    assert st.event.kind is None and any("no visit" in w for w in st.warnings)
    st = stages("Headline\n\nThe chancellor will fly to Qatar in 2025 for talks on gas.", until="event",
                today=date(2024, 12, 6))
    assert st.event.kind is not None


def test_no_event_warning_reaches_the_briefing(stages):
    b = stages("Rovers beat United\n\nRovers beat United 3-1 at home on Saturday.").briefing
    assert b.event.principal is None and any("no visit, summit or talks found" in w for w in b.warnings)


def test_no_event_subject_is_the_headline(stages):
    b = stages("Rovers beat United\n\nRovers beat United 3-1 at home on Saturday.").briefing
    assert b.subject == "Rovers beat United"


def test_an_all_capitals_run_is_no_principal_in_the_subject(stages):
    b = stages("PRESIDENT RUIZ TO VISIT CHILE\n\nSANTIAGO (AFP) - PRESIDENT ANA RUIZ WILL VISIT CHILE NEXT WEEK "
               "FOR TALKS ON LITHIUM AND FISHING, HER OFFICE SAID ON MONDAY.\n").briefing
    assert "WILL VISIT" not in b.subject


@pytest.mark.parametrize("title, text, status", [
    # a headline's infinitive is its future; a bare "to visit" in the body is not
    ("Minister to visit Lima", "Minister Bo Lin has said little about the trip to Lima.", "upcoming"),
    ("Lin in Lima", "Minister Bo Lin has become the first minister to visit Lima since 1990, holding talks "
     "there.", "ongoing"),
    # "due to" a cause and "at the end of 2014" a date: neither says when the event is
    ("Lin in Lima", "Minister Bo Lin landed in Lima on Friday for a visit, due to the crisis. A deal may "
     "hold until the end of 2014.", "ongoing"),
    # parties in talks, on the verge of a deal
    ("Two sides in peace talks", "The two parties are on the verge of a deal.", "ongoing"),
])
def test_status_headline_and_false_friends(stages, title, text, status):
    assert stages(f"{title}\n\n{text}", until="event").event.status == status


@pytest.mark.parametrize("text, place", [
    # a place the lexicon does not know, after a strong venue cue
    ("President Bo Kay will make a historic visit to Hiroshima on Friday.", "Hiroshima"),
    ("The two leaders met in Bavaria before the summit, amid the aggression in Ukraine.", "Bavaria"),
    # a seat of government named instead of its city; as a mere source it counts for little
    ("Prime Minister Bo Kay hosted the talks at Downing Street on Monday.", "London"),
    ("The White House said President Kay will meet the Pope at the Vatican in March.", "Vatican"),
    # a country named in two words
    ("President Kay will make a state visit to the United Kingdom in June.", "United Kingdom"),
    # "reached" is a travel verb: the envoy for a neighbour does not move the venue
    ("Minister Bo Kay reached China on Tuesday to attend a meeting of envoys for Afghanistan.", "China"),
    # "the resort of X" names a place; "Kremlin spokesman" is a source, not the venue
    ("President Bo Kay hosted Ann Roe at his residence in the seaside resort of Varna. Kremlin spokesman "
     "Cy Dee said the talks lasted three hours.", "Varna"),
    # the city of an attack is a topic
    ("Mr Kay condemned the bombing in the Ruritanian city of Tel Aviv ahead of a meeting in London on "
     "Tuesday.", "London"),
    # a building named after a place is weak evidence of the venue: the dateline's city wins ...
    ("New Delhi: Prime Minister Bo Kay and his counterpart Ann Roe held their annual summit at Hyderabad "
     "House on Saturday.", "New Delhi"),
    # ... and, alone, it still names the place
    ("Minister Bo Kay held talks with Ann Roe at the Beijing Hotel on Monday.", "Beijing"),
    # a tour of three stops or more is the list of its stops; two stops keep the first
    ("Secretary Bo Kay will travel to Chile, Peru, Bolivia and Ecuador next week.", "Chile, Peru, Bolivia and Ecuador"),
    ("President Bo Kay is on a five-day state visit to Beijing and Shanghai.", "Beijing"),
    ("Secretary Bo Kay will travel to Chile, Peru, the Andes and Ecuador next week.", "Chile"),
    ("Secretary Bo Kay will travel to Chile, Peru, Bolivia, Ecuador, Colombia, Brazil and Cuba.", "Chile"),
])
def test_location_where_it_happens(stages, text, place):
    assert stages("Headline\n\n" + text, until="event").event.location == place


@pytest.mark.parametrize("text, place", [
    ("VIENNA, Feb. 2 (Newswire) -- Foreign Minister Bo Kay will visit Oslo next week for talks with his "
     "counterpart, the ministry said.", "Oslo"),
    # a summit venue the lexicon does not know still beats the reporter's dateline
    ("VIENNA, Oct 7 (Newswire) -- Prime Minister Bo Kay will attend the Regional Summit in Qartavo this "
     "week, where leaders will discuss trade.", "Qartavo"),
])
def test_a_travel_destination_beats_the_dateline(stages, text, place):
    assert stages(text, until="event").event.location == place


def test_a_traveller_is_the_principal_and_a_seat_acting_is_no_venue(stages):
    st = stages("Headline\n\nBo Kay will fly to India next week for talks with Prime Minister Ann Roe, as "
                "Downing Street seeks to close a trade agreement.\n\nThe visit follows months of talks.",
                until="event")
    assert st.event.principal == "Bo Kay"
    assert st.event.location == "India"


def test_location_from_a_headline_that_says_where(stages):
    st = stages("Secretary General visits Lisbon\n\nSecretary General Ann Roe met ministers on Thursday.",
                until="event")
    assert st.event.location == "Lisbon"


def test_weekdays_read_by_their_own_sentence(stages):
    st = stages("Headline\n\nMinister Bo Lin met Foreign Minister Ann Roe on Saturday. Lin meets President "
                "Kay on Tuesday.", until="event", today=date(2015, 5, 16))
    isos = {d.text: d.iso for d in st.event.dates}
    assert isos == {"on Saturday": "2015-05-16", "on Tuesday": "2015-05-19"}
    assert st.event.status == "ongoing"


def test_a_weekday_takes_the_tense_of_its_own_clause(stages):
    st = stages("Headline\n\nMinister Bo Lin has already met Ann Roe as he plans to sit down with President "
                "Kay on Monday.", until="event", today=date(2023, 6, 18))
    assert {d.text: d.iso for d in st.event.dates}["on Monday"] == "2023-06-19"


@pytest.mark.parametrize("text", [
    "Leader talks by phone\n\nPresident Ann Roe on Tuesday urged calm during a phone call with President Bo Kay.",
    "Leaders speak\n\nPresident Ann Roe spoke by telephone with President Bo Kay on Monday.",
    "Minister on tour\n\nForeign Minister Ann Roe began a tour of three African states on Monday.",
    "Roe in Lima\n\nForeign Minister Ann Roe is in Lima, where she will open a trade fair.",
    "Bank meets\n\nThe annual meeting of the Andean Development Bank opened on Monday.",
    "Leaders meet\n\nThe regional forum will open this week in Peru.",
    "Press event\n\nMinister Ann Roe spoke at a news conference with Bo Kay on Monday.",
])
def test_real_events_are_not_mistaken_for_no_event(stages, text):
    st = stages(text, until="event")
    assert st.warnings == () and st.event.kind is not None


@pytest.mark.parametrize("text, status", [
    ("Minister Bo Lin said the summit in Lima was useful.", "concluded"),
    ("Minister Bo Lin says the summit in Lima is useful.", "ongoing"),
])
def test_status_falls_back_on_the_lead_sentences_tense(stages, text, status):
    assert stages("Headline\n\n" + text, until="event").event.status == status


def test_sources_as_the_leads_subject_do_not_lead(stages):
    st = stages("Headline\n\nRuritanian officials said on Tuesday that talks with President Bo Kay were useful.",
                until="event")
    assert st.event.principal == "Bo Kay"


@pytest.mark.parametrize("text, place", [
    # the city the article gives for the event beats the country it lies in ...
    ("Ruritania and Freedonia, in their second day of talks in Switzerland, reached a deal on Saturday. "
     "Secretary Ann Roe and Minister Bo Kay stood side by side in Geneva as they set out the plan.", "Geneva"),
    ("President Ann Roe held talks in China on Monday. She was received in Beijing with full honours.",
     "Beijing"),
    # ... but not a city in another country ...
    ("Ruritania and Freedonia held talks in Uzbekistan on Monday. Officials in Washington welcomed them.",
     "Uzbekistan"),
    # ... nor the city the reporter writes from.
    ("President Ann Roe is in Brazil for five days of talks. She emerged from talks all smiles, "
     "according to our correspondent in Sao Paulo.", "Brazil"),
])
def test_location_prefers_the_city_within_the_country(stages, text, place):
    assert stages("Headline\n\n" + text, until="event").event.location == place


@pytest.mark.parametrize("phrase, way, iso", [
    ("November 14", -1, "2025-11-14"),  # "met on November 14", read on 1 January: last November
    ("November 14", 0, "2026-11-14"),  # no tense: the anchor's year
    ("January 3", -1, "2026-01-03"),  # within a week of the anchor: kept
    ("March 2", 1, "2026-03-02"),
    ("12 December", 1, "2026-12-12"),
])
def test_a_yearless_date_takes_the_year_its_tense_says(phrase, way, iso):
    from datetime import date

    from briefgen.extract.dates import DATE_RE, resolve
    assert resolve(DATE_RE.search(phrase), date(2026, 1, 1), way) == iso


@pytest.mark.parametrize("phrase, way, iso", [
    ("February 3", 1, "2027-02-03"),  # "will meet on February 3", read on 20 December
    ("December 1", -1, "2026-12-01"),
])
def test_a_yearless_date_ahead_crosses_the_new_year(phrase, way, iso):
    from datetime import date

    from briefgen.extract.dates import DATE_RE, resolve
    assert resolve(DATE_RE.search(phrase), date(2026, 12, 20), way) == iso


def test_a_readout_of_a_past_meeting_is_concluded_whatever_the_memo_date(stages):
    from datetime import date
    st = stages("Headline\n\nPresident Ann Roe met on November 14 with President Bo Kay in Lima. "
                "The two leaders discussed trade.", until="event", today=date(2026, 1, 1))
    assert st.event.status == "concluded"


@pytest.mark.parametrize("today", [None, "2026-01-01"])
def test_the_articles_own_date_anchors_its_weekdays_not_the_memo_date(today):
    from datetime import date

    from briefgen.extract import run_stages
    from tests.extract.conftest import article
    text = ("Headline\n\nPresident Ann Roe on Sunday left for Ruritania on a four-day official visit. "
            "She will meet President Bo Kay on Monday.")
    st = run_stages(article(text, date="2015-02-15"), until="event",
                    today=date.fromisoformat(today) if today else None)
    assert st.event.status != "concluded"
    assert [d.iso[:4] for d in st.event.dates if d.iso] == ["2015", "2015"]


@pytest.mark.parametrize("text, iso", [
    # The verb right before the date decides, not the sentence's other tense cues.
    ("Ann Roe is expected to discuss trade with Bo Kay, a spokesman said on Friday.", "2023-01-27"),
    ("Ann Roe will visit Lima, her spokesman told reporters on Friday.", "2023-01-27"),
    ("Bo Kay took office on January 1 after an October runoff.", "2023-01-01"),
    ("The accord is expected to be signed on Friday.", "2023-02-03"),
])
def test_a_past_verb_right_before_a_date_reads_it_backwards(text, iso):
    from datetime import date

    from briefgen.extract import run_stages
    from tests.extract.conftest import article
    st = run_stages(article("Headline\n\nAnn Roe will travel to Lima on Monday for talks with Bo Kay. " + text,
                            date="2023-01-28"), until="event", today=date(2026, 1, 1))
    assert [d.iso for d in st.event.dates] == ["2023-01-30", iso]


def test_sides_named_with_a_number_and_a_title_modifier_lead(stages):
    text = ("Headline\n\nForeign ministers from the 10 countries of the Andean Nations said Saturday that they "
            "were concerned. At the end of their retreat in Lima, they noted their worries.")
    assert stages(text, until="event").event.principal == "Foreign ministers from the 10 countries of the Andean Nations"
    # a title's modifier alone is never the principal
    text = "Headline\n\nForeign ministers of the bloc met in Lima on Saturday to discuss trade."
    assert stages(text, until="event").event.principal != "Foreign"


def test_a_lowercase_body_after_the_is_no_principal_named_the(stages):
    st = stages("Headline\n\nThe city council on Tuesday approved a budget after a six-hour meeting.",
                until="event")
    assert st.event.principal != "The"
