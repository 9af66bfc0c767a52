"""Table-driven tests for how clauses are selected and scored (rank, classify, cues),
for the status words, and for the speed helpers that must not change results.
Every sentence here is written for the test."""
import re

import pytest

from briefgen.extract import cues, features
from briefgen.extract.event import status_scores
from briefgen.extract.normalize import fold
from briefgen.extract.state import Candidate


def _expectations(stages, body):
    st = stages("Headline\n\nThe minister arrived in Lima on Monday for talks. " + body, until="rank")
    return [i.text for i in st.expectations]


@pytest.mark.parametrize("body, expected", [
    # what is (not) expected of the event
    ("Officials said no breakthrough is expected.", ["Officials said no breakthrough is expected."]),
    ("The two sides are expected to sign a fishing accord.", ["The two sides are expected to sign a fishing accord."]),
    # an outcome once concluded
    ("The two sides signed a fishing accord.", ["The two sides signed a fishing accord."]),
    # a lone weak cue ("deal") is not enough
    ("The farmers liked the old deal.", []),
])
def test_expectation_cues(stages, body, expected):
    assert _expectations(stages, body) == expected


def test_purpose_keeps_items_relative_to_the_articles_best(stages):
    """A weak goal cue late in the article does not stand beside a strong one in the lead."""
    text = ("Headline\n\nThe minister arrived in Lima on Monday for talks aimed at ending the fishing "
            "dispute in a bid to restore trust. Local farmers want to sell more maize.")
    st = stages(text, until="rank")
    assert [i.text[:22] for i in st.purpose] == ["The minister arrived i"]


@pytest.mark.parametrize("text", [
    # the lead names the talks and the topics, an outcome and an infinitive, but no goal
    "Headline\n\nSingapore and Thailand have agreed to speed up discussions on a green lane for "
    "business travel, officials said on Monday. The two ministers met in Singapore for two hours.",
    "Headline\n\nThe president's office said that all bilateral matters including trade and fisheries "
    "are expected to be discussed during the visit to New Delhi.",
])
def test_an_article_that_states_no_goal_has_no_purpose(stages, text):
    """Purpose is a goal the article states: with no clause stating one, the section stays empty
    instead of taking the likeliest-looking clause."""
    st = stages(text, until="rank")
    assert st.purpose == ()
    assert all(dict(p)["purpose"] == 0.0 for p, f in zip(st.probs, st.features) if not features.states("purpose", f))


def test_purpose_takes_a_plain_goal_clause(stages):
    text = "Headline\n\nThe minister arrived in Lima on Monday. The mission to revive the ceasefire talks began in May."
    st = stages(text, until="rank")
    assert [i.text for i in st.purpose] == ["The mission to revive the ceasefire talks began in May."]


def test_candidate_scores_leave_position_out_and_memo_scores_keep_it(stages):
    text = ("Headline\n\nThe talks will end the row over fish quotas. Many ports were shut. "
            "Some boats sank. The talks will end the row over port fees.")
    st = stages(text, until="rank")
    first, last = [c for c in st.candidates if "will end the row" in st.norm[c.start:c.end]]
    assert first.score("expectations") == last.score("expectations")
    assert first.position > last.position
    # the memo score of the same raw score falls with the position
    from briefgen.extract import rank
    from briefgen.model.briefing import Span

    items = rank._items(st, [(0.6, Span(first.start, first.end)), (0.6, Span(last.start, last.end))])
    assert items[0].score > items[1].score


@pytest.mark.parametrize("text, status", [
    ("The minister will travel to Lima next week.", "upcoming"),
    ("The minister arrived in Lima on Sunday and is visiting ports.", "ongoing"),
    ("The minister wrapped up talks in Lima and returned from the region.", "concluded"),
])
def test_status_words(text, status):
    scores = status_scores([(text, 1.0)])
    assert max(scores, key=scores.get) == status


@pytest.mark.parametrize("alt, expected", [
    (r"(?:willing|ready)\s+to\b", [r"willing\s+to\b", r"ready\s+to\b"]),
    (r"(?:a|(?:b|c)d)e", ["ae", "bde", "cde"]),
    (r"(?:un)?likely", [r"(?:un)?likely"]),  # an optional group stays whole
    (r"to (?:go|stay)", [r"to (?:go|stay)"]),  # only a leading group is spread
])
def test_distribute_leading_group(alt, expected):
    assert cues.distribute(alt) == expected


@pytest.mark.parametrize("pattern, text", [
    (r"\b(?:willing|ready|prepared)\s+to\b|\blook(?:s|ing)?\s+forward\b",
     "Ready to go; unready to stay; looking forward; WILLING TO talk; prepared  to."),
    (r"\bin (?:19|20)\d\d\b|\b(?:19|20)\d\d\b", "In 1987 and 2004, not 120045, in 2010."),
])
def test_distributed_cue_matches_like_plain_regex(pattern, text):
    cue = cues.Cue(pattern)
    assert cue.starts(text, cues.lower(text)) == [m.start() for m in re.finditer(pattern, text, re.I)]


def test_hits_count_each_cue_once_per_span():
    lexicon = (cues.Cue(r"\bhope\b"), 0.5), (cues.Cue(r"\bdeal\b"), 0.25)
    text = "hope, hope and a deal. hope."
    hits = cues.Hits(lexicon, text, cues.lower(text))
    assert hits.score(0, 22) == 0.75
    assert hits.score(0, 10) == 0.5
    assert hits.score(23, len(text)) == 0.5
    assert hits.score(10, 16) == 0.0


@pytest.mark.parametrize("text", ["plain ascii\ttext", "\u201cQuoted\u201d \u2013 it\u2019s\u00a0here", ""])
def test_fold_is_same_length_and_matches_translate(text):
    from briefgen.extract.normalize import FOLD
    assert fold(text) == text.translate(FOLD)
    assert len(fold(text)) == len(text)


def test_candidate_position_defaults_to_lead():
    assert Candidate(0, 1, 0, ()).position == 1.0


def test_an_item_opening_on_a_pronoun_ranks_below_a_named_one(stages):
    from briefgen.extract import rank
    from briefgen.model.briefing import Span

    text = "Headline\n\nX. The minister expects a deal. He expects a deal."
    st = stages(text, until="agenda")
    named = st.text.index("The minister expects")
    pron = st.text.index("He expects")
    items = rank._items(st, [(0.6, Span(named, named + 27)), (0.6, Span(pron, pron + 16))])
    # the later sentence loses a little for its position (at most 1 - POSITION / 2), and the
    # pronoun costs UNNAMED on top
    assert items[1].score < items[0].score * (1 - rank.POSITION / 4) * 0.95
