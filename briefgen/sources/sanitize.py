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
# Counted but not warned about: they change no visible character.
SILENT = frozenset({"crlf", "nfc", "whitespace"})

LONG_WHITESPACE = 80
_LONG_SPACE = re.compile(r"\s{%d,}" % (LONG_WHITESPACE + 1))
_LINE_BREAKS = re.compile("[\u2028\u2029\x85\x0c\x0b]")
_NONCHARS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_CLASSES: tuple[tuple[str, str], ...] = (
    ("control", "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"),
    ("noncharacter", _NONCHARS),
    ("surrogate", "\ud800-\udfff"),
    ("bidi", "\u202a-\u202e\u2066-\u2069"),
    ("invisible", "\u200b\u2060\ufeff\u180e\u00ad\U000e0001\U000e0020-\U000e007f"),
)
_REMOVE = re.compile("[" + "".join(chars for _, chars in _CLASSES) + "]")
# One character class per pattern, needed only where a character is removed (rare): compiled then
# (and kept in ``re``'s cache), not at every start.
_CLASS_OF = [(name, f"[{chars}]") for name, chars in _CLASSES]


def _classify(ch: str) -> str:
    for name, pattern in _CLASS_OF:
        if re.match(pattern, ch):
            return name
    raise AssertionError(f"unclassified {ch!r}")  # pragma: no cover


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
    text, n = _LINE_BREAKS.subn("\n", text)
    bump("line_break", n)

    if _REMOVE.search(text):
        found: dict[str, int] = {}

        def drop(m: re.Match[str]) -> str:
            name = _classify(m.group())
            found[name] = found.get(name, 0) + 1
            return ""

        text = _REMOVE.sub(drop, text)
        for name, n in found.items():
            bump(name, n)

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
