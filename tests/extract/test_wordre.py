"""wordre: word-list lookups that promise to match exactly as the regex alternation they stand for."""
from __future__ import annotations

import itertools
import re

import pytest

from briefgen.extract.lexicon import REPORTING_VERBS
from briefgen.extract.wordre import LazyPattern, Phrases, find_word, first_word, fold

VERBS = Phrases(REPORTING_VERBS)
# The regexes Phrases documents itself as: an alternation sorted longest first.
_ALT = "|".join(sorted((re.escape(v) for v in REPORTING_VERBS), key=len, reverse=True))
AT = re.compile(rf"(?:{_ALT})\b")
ANYWHERE = re.compile(rf"\b(?:{_ALT})\b")

TEXTS = [
    'He met Wang Yi, the Chinese official said on Monday.', 'relations, Mr Blinken told reporters',
    'trade, it was quoted as saying', ' said Wang', ' has also told', ', had said', ' Said', ' saidx',
    ' said2', ' saidé', ' said_', 'according to Wang,', 'unsaid', 'he reportedly said',
    '"It took decades," Rhodes said.', ' she added, noting that', 'sa\u0130d \u0131t ſaid \u212aing',
    'SAID, ADDING', 'He was, said one, late.', 'he pointed out', 'he pointed',
]


def _windows(text: str):
    return itertools.combinations_with_replacement(range(len(text) + 1), 2)


@pytest.mark.parametrize("text", TEXTS)
def test_phrases_match_like_the_alternation(text):
    for i, j in _windows(text):
        m = AT.match(text, i, j)
        assert VERBS.end_at(text, i, j) == (m.end() if m else -1), (i, j)
        assert [(m.start(), m.end(), m.group()) for m in VERBS.finditer(text, i, j)] == \
            [(m.start(), m.end(), m.group()) for m in ANYWHERE.finditer(text, i, j)], (i, j)


@pytest.mark.parametrize("text, pos, end", [
    ("he said so", 3, 7), ("he pointed out", 3, 14), ("he pointed", 3, -1), ("he saidx", 3, -1),
    ("he said_", 3, -1), ("he Said", 3, -1),
])
def test_end_at(text, pos, end):
    assert Phrases(["said", "pointed out"]).end_at(text, pos) == end


def test_end_at_sees_endpos_as_the_end():
    assert Phrases(["said"]).end_at("saidx", 0, 4) == 4


def test_ends_before_needs_a_word_boundary():
    phrases = Phrases(["pointed out", "said"])
    assert phrases.ends_before("he pointed out", 14)
    assert phrases.ends_before("he said", 7)
    assert not phrases.ends_before("unsaid", 6)
    assert not phrases.ends_before("he said", 7, pos=4)


def test_fold_is_what_ignorecase_sees():
    assert fold("SAID \u0130 \u0131 \u017f \u212a Éé") == "said i i s k Éé"
    assert len(fold("\u0130stanbul")) == len("\u0130stanbul")


def test_phrases_refuse_what_they_cannot_match_like_a_regex():
    with pytest.raises(ValueError):
        Phrases(["n't"])


def test_lazy_pattern_behaves_as_the_compiled_pattern():
    rx = LazyPattern(r"\bsummit\b", re.I)
    assert rx.search("The SUMMIT ended").start() == 4
    assert rx.match("summit talks").group() == "summit"
    assert [m.start() for m in rx.finditer("summit, Summit")] == [0, 8]


def test_holds_any_is_a_substring_test():
    from briefgen.extract.wordre import holds_any
    assert holds_any("the talks covered trade", ("cover", "spanning"))
    assert not holds_any("the talks were short", ("cover", "spanning"))
    assert not holds_any("anything", ())
    assert holds_any("a \u2022 b", "\u2022\u25cf")


@pytest.mark.parametrize("text, pos, endpos, word", [
    ("Said the minister", 0, None, "said"),
    ("\u0130n addition, x", 0, None, "in"),  # folded as re.IGNORECASE reads it
    ("  and then", 0, None, ""),  # opens on a space
    ("x, though she", 3, None, "though"),
    ("although", 0, 5, "altho"),
])
def test_first_word(text, pos, endpos, word):
    assert first_word(text, pos, endpos) == word


@pytest.mark.parametrize("word", ["Blinken", "Li", "Xi", "Al-Sisi", "O'Neill", "Jr.", "'s", "_x", "Kerry", "é"])
def test_find_word_finds_what_a_word_pattern_finds(word):
    """find_word replaces a pattern compiled for each name: the same first whole-word match."""
    texts = ["Blinken met Li, Xi and Al-Sisi; Blinkens, xLi, Li_ Li2 Li.", "O'Neill's aide Jr. Jr.s",
             "Kerry's trip; Kerryé Kerry", "an _x _xy x_x", "é ée é", "Blinken", "", "LiLi Li"]
    for text in texts:
        m = re.search(r"\b" + re.escape(word) + r"\b", text)
        assert find_word(text, word) == (m.start() if m else -1), (text, word)
