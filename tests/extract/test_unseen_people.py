"""Invented short articles: roles of leaders the lead names without a title. A role comes from
the article (an apposition, a copula, a description that goes on about them) or stays empty."""
from datetime import date

import pytest


def _roles(stages, text):
    return {p.name: p.role for p in stages(text, until="people", today=date(2026, 3, 4)).people}


@pytest.mark.parametrize("text, name, role", [
    # no title anywhere: the role stays empty, never invented
    ("Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday for talks on trade. Roe said ties were good.",
     "Ann Roe", None),
    # an apposition with a time phrase after the title: the title alone
    ("Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday. Roe said ties were good. Kay, Ruritania's "
     "president since 2023, smiled.", "Bo Kay", "Ruritania's president"),
    ("Roe hosts Kay\n\nAnn Roe hosted Bo Kay in Lima on Friday. Kay said the talks were frank. Roe, "
     "Peru's leader for two decades, said Peru wanted peace.", "Ann Roe", "Peru's leader"),
    # a copula with another clause after it: the role ends before the next person
    ("Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday. Roe is Peru's president and Kay is "
     "Ruritania's. Roe said ties were good.", "Ann Roe", "Peru's president"),
    # a description opening the next sentence goes on about the previous sentence's subject
    ("Roe in Lima\n\nLIMA - Ann Roe arrived in Lima on Monday for a summit with Bo Kay. The Ruritanian prime "
     "minister will meet business leaders. Kay said he welcomed the visit.", "Ann Roe",
     "Ruritanian prime minister"),
    # a description that owns a visit is the visitor: the guest of a host, never the host
    ("Roe hosts Kay\n\nAnn Roe will host Bo Kay in Lima this week as the two try to agree a fishing deal. "
     "The Ruritanian president's three-day state visit will include a banquet.", "Bo Kay", "Ruritanian president"),
    ("Roe hosts Kay\n\nAnn Roe will host Bo Kay in Lima this week as the two try to agree a fishing deal. "
     "The Ruritanian president's three-day state visit will include a banquet.", "Ann Roe", None),
    # a symmetric meeting says nothing of who visits: no guess
    ("Roe meets Kay\n\nAnn Roe will meet Bo Kay in Lima this week as the two try to agree a fishing deal. "
     "The Ruritanian president's three-day state visit will include a banquet.", "Ann Roe", None),
])
def test_roles_of_leaders_named_without_a_title(stages, text, name, role):
    roles = _roles(stages, text)
    assert roles[name] == role


@pytest.mark.parametrize("head", ["director-general", "attorney-general", "governor-general"])
def test_a_compound_general_is_a_title(stages, head):
    """A title whose head is "X-general" makes the speaker of a quotation a participant with a role."""
    text = ("Talks end in Brussels\n\nBRUSSELS - Negotiators from the bloc and Ruritania wrapped up a week of "
            f"talks in Brussels on Friday.\n\n\"We made progress,\" said Ann Roe, Ruritania's {head} for trade.")
    assert _roles(stages, text).get("Ann Roe") == f"Ruritania's {head} for trade"


@pytest.mark.parametrize("text, name, role", [
    # two portfolios joined in one title
    ("Roe meets Kay\n\nBusiness and Trade Secretary Ann Roe met Bo Kay in Lima on Tuesday.", "Ann Roe",
     "Business and Trade Secretary"),
    # a name before "and" is a person of their own, not a portfolio
    ("Roe meets Kay\n\nPresident Cy Dee and Foreign Secretary Ann Roe met Bo Kay in Lima on Tuesday.", "Ann Roe",
     "Foreign Secretary"),
])
def test_titles_of_two_portfolios(stages, text, name, role):
    roles = _roles(stages, text)
    assert roles[name] == role


@pytest.mark.parametrize("text, name, role", [
    # a style of address between the office and the name is no office
    ("Ruiz receives Kay\n\nPresident His Highness Sheikh Ana Ruiz received Prime Minister Bo Kay at the "
     "palace in Lima today.", "Ana Ruiz", "President"),
    ("Ruiz receives Kay\n\nPresident Ana Ruiz received Foreign Minister H.E. Bo Kay in Lima today.", "Bo Kay",
     "Foreign Minister"),
    # "Deputy Ruler" is an office, not a person called Ruler
    ("Ruiz receives Kay\n\nPresident Ana Ruiz received Bo Kay in Lima today. The meeting was attended by "
     "Sheikh Cy Dee, Deputy Ruler of Lima.", "Cy Dee", "Deputy Ruler of Lima"),
    # after a title, "He" is a surname
    ("Talks in Lima\n\nVice Premier He Lifeng met Treasury Secretary Ann Roe in Lima on Monday.", "He Lifeng",
     "Vice Premier"),
])
def test_styles_of_address_and_titles_of_other_traditions(stages, text, name, role):
    roles = _roles(stages, text)
    assert roles.get(name) == role and "Ruler" not in roles


def test_a_name_after_at_is_a_venue(stages):
    text = ("UAE President receives Indian Prime Minister\n\nABU DHABI, 13th February, 2024 (WAM) -- President His "
            "Highness Sheikh Mohamed bin Zayed Al Nahyan received Prime Minister Narendra Modi of India, who is on an "
            "official visit to the UAE, at Qasr Al Watan in Abu Dhabi today.")
    assert "Qasr Al Watan" not in _roles(stages, text)


def test_a_title_with_its_country_says_more_than_the_bare_title(stages):
    text = ("Roe in Lima\n\nAnn Roe will meet President Bo Kay on Monday.\n\nRoe arrived in Lima on Saturday. "
            "She will meet Peruvian President Bo Kay and business leaders.")
    assert _roles(stages, text)["Bo Kay"] == "Peruvian President"


@pytest.mark.parametrize("text, name, role", [
    # the headline titles a name the body leaves untitled
    ("President Roe welcomes Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday for talks on trade. Roe said ties "
     "were good.", "Ann Roe", "President"),
    # a title-case headline's capitals say nothing
    ("Readout Of The Meeting Between Roe And Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday for talks on trade. "
     "Roe said ties were good.", "Ann Roe", None),
])
def test_a_headline_title(stages, text, name, role):
    assert _roles(stages, text)[name] == role


def test_the_subject_of_a_meeting_verb_is_a_person(stages):
    # named once, untitled, as the one who met someone: a person, and the description after is theirs
    roles = _roles(stages, "Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday for talks on trade. The "
                           "Peruvian leader said ties were good.")
    assert roles == {"Ann Roe": "Peruvian leader", "Bo Kay": None}


@pytest.mark.parametrize("verb", ["will host", "will meet", "is due to meet", "will hold talks with", "welcomed"])
def test_both_sides_of_a_meeting_verb_are_people_in_any_tense(stages, verb):
    roles = _roles(stages, f"Roe and Kay\n\nAnn Roe {verb} Bo Kay in Lima this week as the two try to agree "
                           "a fishing deal.")
    assert set(roles) == {"Ann Roe", "Bo Kay"}


def test_two_people_meeting_is_an_event_titled_or_not(stages):
    st = stages("Roe meets Kay\n\nAnn Roe met Bo Kay in Lima on Tuesday. Roe said ties were good.",
                until="event", today=date(2026, 3, 4))
    assert st.warnings == () and st.event.principal == "Ann Roe" and st.event.location == "Lima"


@pytest.mark.parametrize("text, name", [
    ("Ministers sign accord\n\nCzech Foreign Minister Jan Rovny and his Norwegian counterpart Erna Dahl signed "
     "an energy accord in Oslo on Tuesday.", "Jan Rovny"),
])
def test_a_month_abbreviation_that_is_a_given_name(stages, text, name):
    assert _roles(stages, text)[name] == "Czech Foreign Minister"


def test_jan_before_a_day_is_a_month(stages):
    st = stages("Talks\n\nForeign Minister Ann Roe met Bo Kay on Jan. 5 and Jan 9 in Lima.", until="people")
    assert all("Jan" not in p.name for p in st.people)


def test_calling_on_a_leader_takes_part(stages):
    st = stages("Minister leaves for Tehran\n\nISLAMABAD: Foreign Minister Bo Kay left for Tehran on Sunday on a "
                "two-day visit. Mr Kay will also call on President Ann Roe.")
    assert ("Ann Roe", "President") in {(p.name, p.role) for p in st.participants}


@pytest.mark.parametrize("text, names", [
    # a past time in a relative clause ("which reached X last year") dates the thing, not the talks
    ("Bloc meets Kay\n\nLIMA - Pacific Union leaders met Ruritanian President Bo Kay in Lima on Thursday for "
     "a summit.\n\nUnion Commission President Ann Roe and Union Council President Cy Dee told Kay that the "
     "bloc's deficit with Ruritania, which reached 40 billion euros last year, was too large.",
     {"Bo Kay", "Ann Roe", "Cy Dee"}),
    # a spokesman who reports the meeting does not sit at it
    ("Roe meets Kay\n\nSecretary of State Ann Roe met Foreign Minister Bo Kay in Lima on Monday, a State "
     "Department spokesman, Tom Dale, told reporters. Roe said the talks were useful.", {"Ann Roe", "Bo Kay"}),
    # people only mentioned: a president back home, a historical figure, an analyst
    ("Roe meets Kay\n\nSecretary of State Ann Roe met Foreign Minister Bo Kay in Lima on Monday. President Tom "
     "Dale, back in Washington, said he hoped for progress. The visit comes 50 years after then-President Cy Dee "
     "visited Peru.", {"Ann Roe", "Bo Kay"}),
    # whoever travels with the principal takes part
    ("Roe meets Kay\n\nSecretary of State Ann Roe met Foreign Minister Bo Kay in Lima on Monday. Roe was "
     "accompanied by Commerce Secretary Cy Dee.", {"Ann Roe", "Bo Kay", "Cy Dee"}),
])
def test_who_takes_part(stages, text, names):
    assert {p.name for p in stages(text).participants} == names


@pytest.mark.parametrize("text, name", [
    ("Talks\n\nNorth Korean leader Kim Jong Un met President Ann Roe in Hanoi on Wednesday. Kim said he was "
     "ready.", "Kim Jong Un"),
    ("Talks\n\nDutch Prime Minister Mark van der Berg met Chancellor Olaf Brandt in Berlin on Monday.",
     "Mark van der Berg"),
])
def test_names_stay_whole(stages, text, name):
    assert stages(text, until="event").event.principal == name


def test_no_event_no_participants(stages):
    st = stages("Budget talks drag on\n\nCongressional negotiators resumed budget talks on Monday as House Speaker "
                "Tom Ruiz and Senate leader Ann Brooks tried to avert a shutdown.")
    assert st.event.kind is None and st.participants == ()


@pytest.mark.parametrize("text, name, role", [
    ("T\n\nSaudi Arabia's Foreign Minister Prince Faisal bin Farhan met Ann Roe in Washington on Monday.",
     "Faisal bin Farhan", "Saudi Arabia's Foreign Minister"),
    ("T\n\nSaudi Crown Prince Mohammed bin Salman met Ann Roe in Riyadh on Monday.", "Mohammed bin Salman",
     "Saudi Crown Prince"),
])
def test_a_style_after_an_office_goes_with_the_name(stages, text, name, role):
    assert _roles(stages, text)[name] == role
