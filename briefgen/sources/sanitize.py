"""Sanitise article text once, at ingest, to NFC, XML-1.0-safe plain text.

Every offset in briefgen (``Span``) refers to the text *after* this step,
i.e. ``Article.text``. For a clean UTF-8 file that is byte for byte the text
Python's universal-newline reading gives, so nothing moves; only files that
carried the characters below differ, and each removal class is counted so the
user is told (one warning per class) instead of losing text silently.

What happens, in order:

1. CRLF and lone CR become LF (silently: that is universal-newline reading).
2. Unusual line breaks (U+2028, U+2029, NEL U+0085, form feed, vertical tab)
   become LF.
3. Removed: C0/C1 controls except TAB and LF, DEL; Unicode noncharacters;
   lone surrogates; bidi embeddings/overrides/isolates (U+202A-202E,
   U+2066-2069, the "Trojan Source" set); invisible characters that break
   word matching (ZERO WIDTH SPACE, WORD JOINER, a BOM inside the text,
   MONGOLIAN VOWEL SEPARATOR, SOFT HYPHEN, tag characters).
   Kept on purpose: ZWJ/ZWNJ (needed by emoji and by Indic/Persian
   scripts), LRM/RLM (harmless marks), NBSP, TAB, private-use characters.
4. NFC normalisation (silently: it changes no visible character).
5. A run of more than 80 whitespace characters (padding, a page of trailing
   spaces) becomes one break of its kind: a blank line if it held two or more
   line breaks, a line break if one, else a space. Silently: nothing visible
   is lost, and the size budgets (read.py) then measure text, not padding.
   Shorter runs stay, so a clean article's offsets are its file's.

U+FFFD (a replacement character that was already in the input) is kept, but
reported, since it usually means the text was mis-decoded before it got here.
"""
from __future__ import annotations

import re

import unicodedata
from bisect import bisect_right
from collections.abc import Mapping


# Order of the warnings, and their wording (singular, plural).
_LABELS: dict[str, tuple[str, str]] = {
    "control": ("removed {n} control character", "removed {n} control characters"),
    "noncharacter": ("removed {n} Unicode noncharacter", "removed {n} Unicode noncharacters"),
    "surrogate": ("removed {n} lone surrogate", "removed {n} lone surrogates"),
    "bidi": (
        "removed {n} bidirectional override/isolate character",
        "removed {n} bidirectional override/isolate characters",
    ),
    "invisible": (
        "removed {n} zero-width or invisible formatting character",
        "removed {n} zero-width or invisible formatting characters",
    ),
    "line_break": (
        "converted {n} unusual line break (U+2028/U+2029, NEL, form feed or vertical tab) to a newline",
        "converted {n} unusual line breaks (U+2028/U+2029, NEL, form feed or vertical tab) to newlines",
    ),
    "replacement": (
        "the text contains {n} replacement character (U+FFFD); it may have been mis-decoded before",
        "the text contains {n} replacement characters (U+FFFD); it may have been mis-decoded before",
    ),
}
# "crlf", "nfc" and "whitespace" are counted but not warned about: they change no visible character.

LONG_WHITESPACE = 80
_LONG_SPACE = re.compile(r"\s{%d,}" % (LONG_WHITESPACE + 1))
# Unusual line breaks, each replaced by "\n" (counted with str.count: no pattern to compile).
_LINE_BREAKS = ("\u2028", "\u2029", "\x85", "\x0c", "\x0b")
# What is removed, by class: (first, last) code point ranges. Looked up per distinct character
# of the text (a text holds a hundred or so) rather than matched by a regex: a character class
# reaching past U+00FF compiles into a 64K bitmap (a millisecond at every start) and is scanned
# at ~80 ns a character, four times the cost of the rest of sanitize.
_CLASSES: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("control", ((0x00, 0x08), (0x0E, 0x1F), (0x7F, 0x84), (0x86, 0x9F))),
    ("noncharacter", ((0xFDD0, 0xFDEF), *((plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF)
                                           for plane in range(17)))),
    ("surrogate", ((0xD800, 0xDFFF),)),
    ("bidi", ((0x202A, 0x202E), (0x2066, 0x2069))),
    ("invisible", ((0x200B, 0x200B), (0x2060, 0x2060), (0xFEFF, 0xFEFF), (0x180E, 0x180E),
                   (0x00AD, 0x00AD), (0xE0001, 0xE0001), (0xE0020, 0xE007F))),
)
_RANGES = sorted((first, last, name) for name, ranges in _CLASSES for first, last in ranges)
_FIRSTS = [first for first, _, _ in _RANGES]


def removed_class(ch: str) -> str | None:
    """The class of a character sanitize removes, or None for one it keeps."""
    cp = ord(ch)
    i = bisect_right(_FIRSTS, cp) - 1
    return _RANGES[i][2] if i >= 0 and cp <= _RANGES[i][1] else None


def sanitize(text: str) -> tuple[str, dict[str, int]]:
    """Return the sanitised text and how many characters of each class changed.

    Pure and idempotent: ``sanitize(sanitize(t)[0])[0] == sanitize(t)[0]``.
    The counts only hold classes that occurred.
    """
    counts: dict[str, int] = {}

    def bump(name: str, n: int) -> None:
        if n:
            counts[name] = counts.get(name, 0) + n

    if "\r" in text:
        bump("crlf", text.count("\r"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    n = sum(map(text.count, _LINE_BREAKS))
    if n:
        for ch in _LINE_BREAKS:
            text = text.replace(ch, "\n")
        bump("line_break", n)

    removed = [ch for ch in set(text) if removed_class(ch) is not None]
    if removed:
        # counted in the order each class first occurs in the text
        removed.sort(key=text.index)
        for ch in removed:
            bump(removed_class(ch), text.count(ch))
        for ch in removed:
            text = text.replace(ch, "")

    if not unicodedata.is_normalized("NFC", text):
        normalised = unicodedata.normalize("NFC", text)
        bump("nfc", 1)
        text = normalised
    text, n = _LONG_SPACE.subn(_one_break, text)
    bump("whitespace", n)
    bump("replacement", text.count("\ufffd"))
    return text, counts


def _one_break(m: re.Match[str]) -> str:
    breaks = m.group().count("\n")
    return "\n\n" if breaks >= 2 else "\n" if breaks else " "


def warnings_for(counts: Mapping[str, int]) -> tuple[str, ...]:
    """One human warning per reported class, in a fixed order."""
    out = []
    for name, (one, many) in _LABELS.items():
        n = counts.get(name, 0)
        if n:
            out.append((one if n == 1 else many).format(n=f"{n:,}"))
    return tuple(out)


_SPACES = re.compile(r"\s+")


def clean_field(value: object, *, limit: int = 300) -> str | None:
    """A metadata value (title, author, outlet...) as one sanitised line, or None.

    Values longer than ``limit`` are not metadata (a page's whole text in its
    <title>, say) and are dropped rather than cut mid-word.
    """
    if value is None:
        return None
    text, _ = sanitize(str(value))
    text = _SPACES.sub(" ", text).strip()
    if not text or len(text) > limit:
        return None
    return text
