"""Table-driven tests for the section rules: agenda triggers and labels, clause cues,
the background default for context, the host rule for the principal, and the
fast cue matcher. Every sentence here is written for the test."""
import re

import pytest

from briefgen.extract import cues
from briefgen.extract.classify import clauses


def _agenda(stages, text):
    st = stages("Envoy arrives for talks\n\n" + text, until="agenda")
    return [i.text for i in st.agenda]


@pytest.mark.parametrize("text, expected", [
    # the topic before a passive cue
    ("Officials confirmed that water security was discussed.", ["water security"]),
    ("Fishing quotas are also on the agenda.", ["Fishing quotas"]),
    # "talks/deal/agreement on X", "X-day" inserted
    ("The ministers held talks on Monday about fisheries quotas.", ["fisheries quotas"]),
    # press/urge/ask somebody to/for X
    ("She will press Canada to lift the ban on pork imports.", ["ban on pork imports"]),
    ("They urged Japan for faster tariff cuts.", ["faster tariff cuts"]),
    # co-operation in a list; "such regional issues as"
    ("He hoped to deepen co-operation in mining, forestry and fisheries.", ["mining", "forestry", "fisheries"]),
    ("They stressed such regional issues as piracy.", ["piracy"]),
    # a list only after a topic word: "basic goods, including" is not the agenda
    ("Residents lack basic goods, including bread and milk.", []),
    ("Talks will cover several issues, including bread prices and milk quotas.", ["bread prices", "milk quotas"]),
    # a reporting tail ends the label
    ("The talks will focus on fishing rights, the minister said.", ["fishing rights"]),
    ("They will discuss port fees, Mr Lang told reporters.", ["port fees"]),
    # an "and" inside an earlier comma part is a fixed pair
    ("They will discuss trade, science and technology, as well as tourism.",
     ["trade", "science and technology", "tourism"]),
    # a comma that is not a list comma ends the list
    ("The minister is using the trip to boost tourism and cultural exchanges, a year after the floods.",
     ["tourism", "cultural exchanges"]),  # a topic is the goal verb's object
    # one-word modifier sharing the head stays whole
    ("On the agenda are rail and road links.", ["rail and road links"]),
    # "range from A to B"
    ("Topics range from rice to satellites.", ["rice", "satellites"]),
    # a vague head is trimmed: "a preliminary list of"
    ("Delegates discussed a preliminary list of 12 bridge projects.", ["12 bridge projects"]),
    # not topics: a person, a name containing the trigger, a time, a bare preposition phrase
    ("He raised the matter with Foreign Minister Jan Novak.", []),
    ("He praised the General Agreement on Tariffs and Trade.", []),
    ("They will discuss on Friday.", []),
    # dash list after a topic word, asyndetic
    ("Both sides named areas for cooperation - fisheries, tourism, shipping - in a statement.",
     ["fisheries", "tourism", "shipping"]),
])
def test_agenda_rules(stages, text, expected):
    assert _agenda(stages, text) == expected


def _section_of(stages, text, sentence):
    st = stages("Headline\n\nThe president arrived in Lima on Monday for talks. " + text, until="rank")
    start = st.text.index(sentence)
    return {name for name in ("purpose", "expectations", "context")
            if any(i.evidence[0].start <= start < i.evidence[0].end for i in getattr(st, name))}


@pytest.mark.parametrize("sentence, section, present", [
    ("The mission to revive the ceasefire talks began in May.", "purpose", True),
    ("Mr Tan made a trip to Vietnam last week.", "purpose", False),  # a destination, not a goal
    ("There is little prospect of a deal this year.", "expectations", True),
    ("Both sides are on the verge of an accord.", "expectations", True),
])
def test_clause_sections(stages, sentence, section, present):
    assert (section in _section_of(stages, sentence, sentence)) is present


def _prob(stages, sentence: str, section: str) -> float:
    st = stages("Headline\n\nThe president arrived in Lima on Monday for talks. " + sentence, until="rank")
    start = st.text.index(sentence)
    return max(dict(p)[section] for c, p in zip(st.candidates, st.probs) if c.start <= start < c.end)


NEUTRAL = "Farmers grow tea on the slopes near the border."


def test_plain_narrative_leans_to_background(stages):
    """Past the lead, a clause no cue claims is background rather than a goal or an outcome."""
    probs = {s: _prob(stages, NEUTRAL, s) for s in ("purpose", "expectations", "context")}
    assert probs["context"] > 3 * max(probs["purpose"], probs["expectations"])


@pytest.mark.parametrize("sentence, section", [
    # a goal cue raises the purpose score well above plain narrative, whether or not the clause
    # clears the trained threshold on its own
    ("She hoped to enhance farm exports.", "purpose"),
    ("Officials are searching for fresh gas supplies to secure the winter.", "purpose"),
    ("She seeks to sell more maize to the region.", "purpose"),
    ("There is little prospect of a deal this year.", "expectations"),
    ("The two sides are expected to sign a fishing accord.", "expectations"),
    ("The visit comes amid a row over fishing rights.", "context"),
])
def test_cues_raise_their_section_over_plain_narrative(stages, sentence, section):
    # odds, not probabilities: plain narrative past the lead already leans to context (above
    # 0.5), where a doubled probability cannot exist; a cue at least doubles the odds
    def odds(p):
        return p / (1 - p)
    assert odds(_prob(stages, sentence, section)) > 2 * odds(_prob(stages, NEUTRAL, section))


def test_quoted_sentence_is_not_background(stages):
    text = 'Headline\n\nThe president arrived in Lima for talks.\n\n"We are ready for anything at all," she said.'
    st = stages(text, until="rank")
    q = st.text.index("We are")
    assert not any(i.evidence[0].start <= q < i.evidence[0].end for i in st.context)


@pytest.mark.parametrize("sentence, split", [
    ("The visit is meant to mend ties after months of bitter tensions.", True),
    ("She is the first leader to visit the island since 1960.", False),
    ("The visit follows a deal after a long row over fishing.", False),
    ("The envoy met the rebels, aiming to secure a truce.", True),
])
def test_clause_joints(sentence, split):
    assert (len(clauses(sentence, 0, len(sentence))) > 1) is split


@pytest.mark.parametrize("text, principal", [
    # the host of the meeting leads it, even when the lead is about someone else
    ("Rebel leader Omar Said has rejected the plan. Mr Said spoke on Monday. "
     "Next week's meeting on the plan is being hosted by Prime Minister Ana Silva.", "Ana Silva"),
    ("The bloc has ruled out a new pact. "
     "President Tom Ruiz meets leaders of the bloc at a summit in Lima on Friday.", "Tom Ruiz"),
])
def test_host_is_principal(stages, text, principal):
    st = stages("Headline\n\n" + text, until="event")
    assert st.event.principal == principal


@pytest.mark.parametrize("pattern, text", [
    (r"\brow\b|\bstrain\w*", "A row grew; the strain and a growing row; Row."),
    (r"\b(?:not|no)\b[^.]{0,30}\bexpect", "They cannot, no one expects it. Not expected."),
    (r"\bhop(?:e|es|ed|ing) to\b", "Hopes: we hoped to win, hope to go, shop to buy."),
    (r"\bto (?:build|mend)\b", "to build, to mend, auto build, TO BUILD."),
])
def test_cue_matches_like_plain_regex(pattern, text):
    cue = cues.Cue(pattern)
    plain = [m.start() for m in re.finditer(pattern, text, re.I)]
    assert cue.starts(text, cues.lower(text)) == plain


@pytest.mark.parametrize("text, expected", [
    # a compound adjective is not part of the name
    ("Italian-born Pope Leo met Prime Minister Ana Silva.", {"Leo": "Pope", "Ana Silva": "Prime Minister"}),
    # "the Daily Courier, Mr Lang said": a newspaper is not a person with the role "Mr Lang"
    ("In an interview with the Courier, Mr Lang said Foreign Minister Ana Silva was right.",
     {"Ana Silva": "Foreign Minister"}),
    # reverse apposition with a complement: "the UN special envoy to Yemen, Omar Bakri"
    ("He held talks with the UN special envoy to Peru, Omar Bakri, on Sunday.",
     {"Omar Bakri": "UN special envoy to Peru"}),
])
def test_people_names_and_roles(stages, text, expected):
    st = stages("Headline\n\n" + text, until="people")
    got = {p.name: p.role for p in st.people if p.name in expected}
    assert got == expected
    assert "Courier" not in {p.name for p in st.people}


def test_titled_people_at_body_led_talks_take_part(stages):
    text = ("Headline\n\nUnited Nations talks on the border have been postponed. The talks were due "
            "to open on Monday.\n\nRebel President Omar Said laid out his demands to attend the talks.")
    st = stages(text, until="participants")
    assert st.event.principal == "United Nations"
    assert [p.name for p in st.participants] == ["Omar Said"]
