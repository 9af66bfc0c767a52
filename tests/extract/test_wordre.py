"""Word-list lookups must behave exactly as the regex alternations they replace."""
from __future__ import annotations

import itertools
import re

import pytest

from briefgen.extract import agenda, marks, names, quotes, roles
from briefgen.extract.lexicon import REPORTING_VERBS, TITLE_HEADS
from briefgen.extract.wordre import LazyPattern, Phrases, fold

_SPEECH = "|".join(sorted((re.escape(v) for v in REPORTING_VERBS), key=len, reverse=True))
_VERB = "|".join(re.escape(v) for v in quotes._VERBS)
_TITLES = "|".join(sorted((h.capitalize() for h in TITLE_HEADS), key=len, reverse=True))

# The patterns as they were before the word lists replaced the alternations.
OLD_TAIL = re.compile(rf",\s+(?:(?:[A-Z][\w.'-]*|the|a|an|[a-z]+'s)\s+){{1,5}}(?:{_SPEECH})\b"
                      rf"|,\s+(?:he|she|they|it|officials?)\s+(?:{_SPEECH})\b")
OLD_REPORT_IN = re.compile(rf"\b(?:{_SPEECH}|saying|adding|noting)\b", re.I)
OLD_SPEAKS_AFTER = re.compile(rf"\s*(?:,\s*)?(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:{_SPEECH})\b")
OLD_SPEAKS_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according\s+to)\s*,?\s*$")
OLD_TITLED_AHEAD = re.compile(rf"\s+(?:[A-Z][\w.'’-]*\s+){{0,4}}(?:{_TITLES})\s+[A-Z][a-z]")
OLD_VERB_RE = re.compile(rf"\b(?:{_VERB}|[Aa]ccording to)\b")
OLD_LOST_OPEN = re.compile(rf"\s*(?:[\w.'-]+\s+){{0,4}}?(?:{_VERB})\b")
OLD_WEAK = re.compile(r"^(?:it|this|that|them|they|things?|ways?|matters?|issues?|a range|range|relations|ties|"
                      r"the issue|other issues|each other|one another|anything|something|reporters|officials?|"
                      r"him|her|us|we|journalists|everything|idea|plans?|proposals?|moves?|subject|situation|"
                      r"question|progress)$", re.I)
OLD_BAD_START = re.compile(r"(?:in|on|at|with|by|from|for|during|than|worth|encompassing|into|after|before|since|"
                           r"until|when|while|where|to|he|she|they|we|i|you|there|of|as|is|are|was|were|has|have|"
                           r"had|be|been|being|tomorrow|today|yesterday)\b", re.I)
OLD_TIME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                      r"April|June|July|August|September|October|November|December|tomorrow|today|yesterday|"
                      r"tonight|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|^[\d$.,%\s]+$")
OLD_OF_HEAD = re.compile(r"\b(?:flow|flows|pace|scope|level|levels|number|future|impact|implications|question|"
                         r"issue|recognition|status|supply|supplies|price|prices|export|exports|import|imports|"
                         r"use|cost|costs|reduction|removal|lifting|easing|implementation|release|return|"
                         r"destruction|protection|transfer|sale|sales|freedom)$", re.I)

TEXTS = [
    'He met Wang Yi, the Chinese official said on Monday.',
    'relations, Mr Blinken told reporters', 'ties, he said', 'ties, officials said.',
    'trade, China\'s foreign ministry said', 'trade, A B C D E F said', 'trade, A B C D E said',
    'trade,  the  US  pointed out', 'trade, he pointed', 'trade, it was quoted as saying',
    ' said Wang', ' has also told', ', had said', ' Said', ' saidx', ' said2', ' saidé', ' said_',
    'according to Wang,', 'as the minister said ,  ', 'unsaid', 'he reportedly said', ' according  to',
    ' and Foreign Minister Wang Yi', ' and US Secretary of State Antony', ' Vice-President Harris',
    ' and Gen. Li', ' A B C D President Xi', ' A B C D E President Xi', ' President xi', ' Minister,',
    '"It took decades," Rhodes said.', ' she added, noting that', 'sa\u0130d \u0131t ſaid \u212aing',
    'SAID, ADDING', 'According to the minister', 'the envoy dubbed it', 'He was, said one, late.',
]
LABELS = [
    'it', 'IT', '\u0130t', 'the issue', 'The Issue', 'a range', 'range\n', 'things', 'progress made',
    'In Asia', 'inflation', 'i', 'I think', 'Monday talks', 'monday', 'May', 'Sept. 9', 'Sep', 'todays',
    '12', '$5 bn', '3.5%\n', 'the flow', 'the FLOW', 'price of oil', 'reuse', '2use', 'éuse', 'the uſe',
]


def _windows(text: str):
    for i, j in itertools.combinations_with_replacement(range(len(text) + 1), 2):
        yield i, j


@pytest.mark.parametrize("text", TEXTS)
def test_reporting_tail_matches_old_alternation(text):
    for i, j in _windows(text):
        if text.startswith(",", i):
            assert agenda._reporting_tail(text, i, j) == bool(OLD_TAIL.match(text, i, j)), (i, j)


@pytest.mark.parametrize("text", TEXTS)
def test_stage_lookups_match_old_patterns(text):
    for i, j in _windows(text):
        window = text[i:j]
        assert names.speaks_after(text, i, j) == bool(OLD_SPEAKS_AFTER.match(text, i, j)), window
        assert names.speaks_before(text, i, j) == bool(OLD_SPEAKS_BEFORE.search(text, i, j)), window
        assert roles.titled_name_ahead(text, i, j) == bool(OLD_TITLED_AHEAD.match(text, i, j)), window
        assert marks._lost_open(text, i, j) == bool(OLD_LOST_OPEN.match(text, i, j)), window
        assert [(m.start(), m.end(), m.group()) for m in quotes._VERB_RE.finditer(text, i, j)] == \
            [(m.start(), m.end(), m.group()) for m in OLD_VERB_RE.finditer(text, i, j)], window
        assert (agenda._REPORT_IN.search(fold(window)) is not None) == bool(OLD_REPORT_IN.search(window)), window


@pytest.mark.parametrize("label", LABELS)
def test_label_filters_match_old_patterns(label):
    assert agenda._is_weak(label) == bool(OLD_WEAK.match(label))
    assert (agenda._BAD_START.end_at(fold(label), 0) >= 0) == bool(OLD_BAD_START.match(label))
    assert agenda._is_time(label) == bool(OLD_TIME.search(label))
    text = "x " + label
    for i, j in _windows(text):
        assert agenda._of_head(text, i, j) == bool(OLD_OF_HEAD.search(text, i, j)), (i, j)


def test_stop_at_keeps_the_first_break():
    text = "climate change, Mr Wang said, and trade which matters"
    assert agenda._stop_at(text, 0, len(text)) == text.index(",")
    assert agenda._stop_at(text, 16, len(text)) == text.index(" said")  # "\s+said" of _STOP_AT
    assert agenda._stop_at("climate change", 0, 14) is None


@pytest.mark.parametrize("text, pos, end", [
    ("he said so", 3, 7), ("he pointed out", 3, 14), ("he pointed", 3, -1), ("he saidx", 3, -1),
    ("he said_", 3, -1), ("he Said", 3, -1),
])
def test_end_at(text, pos, end):
    assert Phrases(["said", "pointed out"]).end_at(text, pos) == end


def test_end_at_sees_endpos_as_the_end():
    assert Phrases(["said"]).end_at("saidx", 0, 4) == 4


def test_fold_is_what_ignorecase_sees():
    assert fold("SAID \u0130 \u0131 \u017f \u212a Éé") == "said i i s k Éé"
    assert len(fold("\u0130stanbul")) == len("\u0130stanbul")


def test_phrases_refuse_what_they_cannot_match_like_a_regex():
    with pytest.raises(ValueError):
        Phrases(["n't"])


def test_lazy_pattern_compiles_on_first_use():
    rx = LazyPattern(r"\bsummit\b", re.I)
    assert rx._rx is None
    assert rx.search("The SUMMIT ended").start() == 4
    assert rx._rx is not None
