"""sanitize(): each class of character counted and removed or converted; clean text untouched."""
from __future__ import annotations

import re
import unicodedata

import pytest

from briefgen.sources.sanitize import clean_field, removed_class, sanitize, warnings_for

CASES = [
    # (input, expected text, expected counts)
    ("plain text\nline two", "plain text\nline two", {}),
    ("a\r\nb\rc", "a\nb\nc", {"crlf": 2}),
    ("a\u2028b\u2029c\x85d\x0ce\x0bf", "a\nb\nc\nd\ne\nf", {"line_break": 5}),
    ("nul\x00 bell\x07 esc\x1b del\x7f c1\x9b", "nul bell esc del c1", {"control": 5}),
    ("tab\tkept", "tab\tkept", {}),
    ("non\ufdd0char\ufffe\uffff\U0001fffe", "nonchar", {"noncharacter": 4}),
    ("lone\ud800sur\udfffrogate", "lonesurrogate", {"surrogate": 2}),
    ("bidi\u202eevil\u202c and \u2066iso\u2069", "bidievil and iso", {"bidi": 4}),
    ("zero\u200bwidth\u2060join\ufeffbom soft\u00adhyphen", "zerowidthjoinbom softhyphen", {"invisible": 4}),
    ("tag\U000e0041\U000e0001s", "tags", {"invisible": 2}),
    ("emoji \U0001f468\u200d\U0001f469 zwnj\u200cok lrm\u200e",
     "emoji \U0001f468\u200d\U0001f469 zwnj\u200cok lrm\u200e", {}),
    ("nbsp\u00a0kept", "nbsp\u00a0kept", {}),
    ("cafe\u0301", "caf\u00e9", {"nfc": 1}),
    ("bad \ufffd char", "bad \ufffd char", {"replacement": 1}),
    ("", "", {}),
    ("end." + " " * 100_000, "end. ", {"whitespace": 1}),
    ("a" + " \n" * 50 + "b", "a\n\nb", {"whitespace": 1}),
    ("a" + " " * 90 + "\n" + "\t" * 5 + "b", "a\nb", {"whitespace": 1}),
    ("a" + "\u00a0" * 81 + "b" + " " * 80 + "c", "a b" + " " * 80 + "c", {"whitespace": 1}),
]


# The removal classes as the character classes of a regex (what sanitize matched before it looked
# characters up in ranges): the look-up must give the same class to every code point.
REMOVED_AS_PATTERNS = {
    "control": "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]",
    "noncharacter": "[\ufdd0-\ufdef" + "".join(
        chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17)) + "]",
    "surrogate": "[\ud800-\udfff]",
    "bidi": "[\u202a-\u202e\u2066-\u2069]",
    "invisible": "[\u200b\u2060\ufeff\u180e\u00ad\U000e0001\U000e0020-\U000e007f]",
}


def test_removed_class_matches_the_patterns_on_every_code_point() -> None:
    every = "".join(map(chr, range(0x110000)))
    expected: dict[int, str] = {}
    for name, pattern in REMOVED_AS_PATTERNS.items():
        for m in re.finditer(pattern, every):
            assert ord(m.group()) not in expected
            expected[ord(m.group())] = name
    assert len(expected) == 59 + 66 + 2048 + 9 + 102  # by class, in the order above
    got = {cp: c for cp, c in ((cp, removed_class(ch)) for cp, ch in enumerate(every)) if c is not None}
    assert got == expected


def test_removal_counts_follow_first_occurrence() -> None:
    _, counts = sanitize("a\u200bb\x00c\u202ed\x01")
    assert list(counts) == ["invisible", "control", "bidi"]
    assert counts == {"invisible": 1, "control": 2, "bidi": 1}


@pytest.mark.parametrize(("raw", "text", "counts"), CASES)
def test_sanitize_classes(raw: str, text: str, counts: dict[str, int]) -> None:
    out, got = sanitize(raw)
    assert out == text
    assert got == counts


@pytest.mark.parametrize(("raw", "_text", "_counts"), CASES)
def test_sanitize_is_idempotent_and_xml_safe(raw: str, _text: str, _counts: dict) -> None:
    once, _ = sanitize(raw)
    twice, counts = sanitize(once)
    assert twice == once
    assert not set(counts) - {"replacement"}  # nothing left to remove or convert
    assert unicodedata.is_normalized("NFC", once)
    for ch in once:  # XML 1.0 Char production
        o = ord(ch)
        assert o in (0x9, 0xA) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF


def test_warnings_one_per_class_and_silent_ones_skipped() -> None:
    _, counts = sanitize("a\x00b\x01c\u202ed\r\ne\u2028f\u200b")
    assert warnings_for(counts) == (
        "removed 2 control characters",
        "removed 1 bidirectional override/isolate character",
        "removed 1 zero-width or invisible formatting character",
        "converted 1 unusual line break (U+2028/U+2029, NEL, form feed or vertical tab) to a newline",
    )
    assert warnings_for({"crlf": 5, "nfc": 1}) == ()


def test_offsets_refer_to_sanitised_text() -> None:
    text, _ = sanitize("Blinken\u200b met \x00Wang\u202e Yi")
    assert text == "Blinken met Wang Yi"
    start = text.index("Wang Yi")
    assert text[start:start + 7] == "Wang Yi"


@pytest.mark.parametrize(("value", "expected"), [
    ("  The  Daily\nExample ", "The Daily Example"),
    ("evil\u202etitle\x00", "eviltitle"),
    ("", None),
    (None, None),
    ("x" * 301, None),
])
def test_clean_field(value, expected) -> None:
    assert clean_field(value) == expected
