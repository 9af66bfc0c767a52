"""Cues matched by word look-up (and, written as plain words, without a regex) give exactly
the offsets of ``finditer`` with their pattern."""
import re

import pytest

from briefgen.extract import cues

TEXT = ("They seek to mend ties; she seeks  to build. Don't expect a deal; no one expects it, "
        "they can 't. In 1987 and 2004, not 120045. Optimism, optimistic; hope to go, shop to buy. "
        "Seekers seek to. Aimed at aims at aim to. A_seek to.")


@pytest.mark.parametrize("pattern", [
    r"\bseeks?\s+to\b",
    r"\b(?:not|n't|no one|nobody|few)\b[^.]{0,30}\bexpect",
    r"\b(?:19|20)\d\d\b",
    r"\boptimis\w+|\bhop(?:e|es|ed|ing) to\b",
    r"\baim(?:s|ed|ing)?\s+(?:at|to)\b",
    r"\bseek\w*|\bseekers\b",  # two alternatives at one word: the first that matches wins
])
def test_lookup_matches_like_finditer(pattern):
    cue = cues.Cue(pattern)
    assert cue.prefixes  # matched by look-up, not by a scan
    low = cues.lower(TEXT)
    for a, b in [(0, None), (5, 60), (13, len(TEXT)), (100, 140), (0, 7)]:
        end = len(TEXT) if b is None else b
        expected = [m.start() for m in re.compile(pattern, re.I).finditer(TEXT, a, end)]
        assert cue.starts(TEXT, low, a, b) == expected, (a, b)


@pytest.mark.parametrize("pattern", [
    r"\b(?:un)?likely\b",  # an optional leading group: no literal prefix
    r"\b(?=[mt])(?:mission|trip)\b",
    r"(?-i:\bMonday\b)",
    r"expect",  # no leading \b
])
def test_other_cues_are_scanned(pattern):
    cue = cues.Cue(pattern)
    assert cue.prefixes is None
    text = "Unlikely, likely; a mission, a trip on Monday, monday; expected."
    assert cue.starts(text, cues.lower(text)) == [m.start() for m in re.finditer(pattern, text, re.I)]


def test_a_cue_without_candidates_still_has_its_pattern():
    cue = cues.Cue(r"\bclinched\b")
    text = "Nothing here, clinch; unclinched."
    assert cue.starts(text, cues.lower(text)) == []
    assert cue.rx.match("clinched.")  # compiled on demand (explain shows what matched)


ODD = ("hope\tto, hope\xa0to hope_to _hope to hopes  to\n\nbuild; 19\u0663\u0661 2001x 2001_ 1987's "
       "pledges pledg pledg_ committed commitments won't can 't n't expect aimed   at aim\nto "
       "follow-up follow- up long-standing \u212aey \u017fince since\u00e9 HOPE TO Hoped to. "
       "little hope, no real chance; slim  chances good\tprospects no_x chance little  hopes_ is widely "
       "expected to, are also  expected to; to finalise to finalize in mid-2004 in early 2001 then-.")


@pytest.mark.parametrize("pattern", [
    r"\bhop(?:e|es|ed|ing) to\b",
    r"\bpledg\w+|\bcommit(?:ted|ment|s)?\b",
    r"\baim(?:s|ed|ing)?\s+(?:at|to)\b",
    r"\bin (?:19|20)\d\d\b|\b(?:19|20)\d\d\b",
    r"\bwill\b|\bwon't\b|\bn't\b",
    r"\boutcomes?\b|\bfollow-up\b|\blong-standing\b|\bsince\b",
    r"\bvow\w*|\bhope\b|\bhopes?\b",
    r"\b(?:little|no|slim|good)\s+(?:\w+\s+)?(?:chance|prospect|hope)s?\b",
    r"\b(?:is|are)\s+(?:widely\s+|also\s+)?expected to\b",
    r"\bto (?:finali[sz]e|build)\b|\bin (?:(?:early|mid)[- ])?(?:19|20)\d\d\b|\bthen-",
])
def test_word_cues_are_looked_up_with_the_offsets_of_finditer(pattern):
    cue = cues.Cue(pattern)
    assert cue.prefixes is not None  # matched at looked-up candidates, not by a scan
    low = cues.lower(ODD)
    for a, b in [(0, None), (3, 50), (20, len(ODD) - 3), (60, 61)]:
        end = len(ODD) if b is None else b
        # the contract: the pattern on the ASCII-lowered text (re.I would also take "\u017f" for "s")
        expected = [m.start() for m in re.compile(pattern).finditer(low, a, end)]
        assert cue.starts(ODD, low, a, b) == expected, (a, b)


@pytest.mark.parametrize("sentence", [
    "The visit will further cement the strategic partnership.",  # an adverb before the goal verb
    "The trip would greatly strengthen ties.",
    "It is a chance to deepen our partnership.",
])
def test_purpose_said_otherwise_is_a_purpose_cue(sentence):
    low = cues.lower(sentence)
    assert any(cue.starts(sentence, low) for cue, _ in cues.PURPOSE)


PLAIN = ("Amid amidst amid_ amidsts; had been, has been has  been, have beenx was were; in order to "
         "in order tone; at the same time at the same timer, meanwhile; a chance to the chance to2 "
         "unlikely to likely to probably; tried to try to tries to pave the way \u017fince since\u00e9 since")


@pytest.mark.parametrize("pattern", [
    r"\bamid\b|\bamidst\b",
    r"\b(?:had|has been|have been|was|were)\b",
    r"\bin order to\b",
    r"\bmeanwhile\b|\bat the same time\b",
    r"\b(?:a|the) chance to\b",
    r"\bunlikely to\b|\blikely to\b|\bprobably\b",
    r"\b(?:try|tries|trying|tried) to\b|\bas a way to\b|\b(?:pave|paving|open|opening) the way\b",
    r"\bsince\b",
    r"\bhas\b|\bhas been\b",  # the first phrase that matches wins, as in an alternation
])
def test_plain_word_cues_match_like_finditer_without_a_pattern(pattern):
    cue = cues.Cue(pattern)
    assert cue.words is not None  # no regex: phrases compared at the looked-up candidates
    low = cues.lower(PLAIN)
    for a, b in [(0, None), (3, 50), (20, len(PLAIN) - 3), (60, 61), (0, 4), (0, 3), (95, 103)]:
        end = len(PLAIN) if b is None else b
        expected = [m.start() for m in re.compile(pattern).finditer(low, a, end)]
        assert cue.starts(PLAIN, low, a, b) == expected, (a, b)


def test_the_lexicons_plain_word_cues_match_like_their_patterns():
    plain = [cue for lex in (cues.PURPOSE, cues.EXPECT, cues.CONTEXT) for cue, _ in lex if cue.words]
    assert len(plain) >= 10
    text = PLAIN + " " + ODD + " " + TEXT + " Agreed, signed; struck won't. Earlier, already previously."
    low = cues.lower(text)
    for cue in plain:
        assert cue.starts(text, low) == [m.start() for m in re.compile(cue.source).finditer(low)], cue.source


@pytest.mark.parametrize("pattern", [r"\bseeks?\s+to\b", r"\bexpectations?\b", r"\bwill\b|\bwon't\b", r"\bin \b"])
def test_other_looked_up_cues_keep_their_pattern(pattern):
    assert cues.Cue(pattern).words is None
