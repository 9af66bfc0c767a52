"""Word-list lookups that replace giant regex alternations.

A pattern such as ``(?:said|says|told|...|was quoted as saying)\\b`` costs
about a millisecond to compile in a fresh process, and the reporting-verb list
was embedded in seven patterns. Start-up time matters (``briefgen extract`` is
run as a fresh process), so the stages match a short generic pattern and look
the words up here instead.

``Phrases`` reproduces the regex semantics exactly: a phrase matches where its
literal text starts (the longest phrase first, as in an alternation sorted
longest first) and is followed by a word boundary, with ``endpos`` treated as
the end of the text and the character before ``pos`` still seen by a leading
``\\b`` (as ``re`` does).
"""
from __future__ import annotations

import re

from collections.abc import Iterable, Iterator


_WORD_START = re.compile(r"\b[A-Za-z]+")
_LETTERS = re.compile(r"[A-Za-z]+")

# re.IGNORECASE matches an ASCII letter against its capital and against four
# other characters ("İ", "ı" ~ i, "ſ" ~ s, Kelvin sign ~ k). Folding those to
# lower case (same length, so offsets hold) lets a lower-case phrase be
# compared without re.I and with exactly the same result.
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                       "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """Lower-case as re.IGNORECASE sees ASCII letters; same length as ``text``."""
    return text.translate(_FOLD)


# The characters fold() turns into a-z: a run of them folds to a run of lower-case letters.
_FOLDABLE_RUN = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]+")


def first_word(text: str, pos: int = 0, endpos: int | None = None) -> str:
    """The folded letters that open text[pos:endpos] ("" when it opens on another character):
    the word a prefilter looks up before running (and compiling) a pattern that opens on it."""
    m = _FOLDABLE_RUN.match(text, pos, len(text) if endpos is None else endpos)
    return fold(m.group()) if m else ""


def holds_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds any of ``words`` as a substring: the cheap check that decides
    whether a pattern is worth running (and compiling) at all."""
    return any(map(text.__contains__, words))


def _is_word_char(ch: str) -> bool:
    """``\\w`` of ``re`` on str patterns."""
    return ch.isalnum() or ch == "_"


def _boundary(text: str, k: int) -> bool:
    """``\\b`` at offset ``k``: a word character on one side only."""
    before = k > 0 and _is_word_char(text[k - 1])
    return before != (k < len(text) and _is_word_char(text[k]))


def find_word(text: str, word: str) -> int:
    """Where ``re.search(r"\\b" + re.escape(word) + r"\\b", text)`` starts, or -1: a name
    found as a whole word without compiling a pattern for each name an article holds."""
    i = text.find(word)
    while i >= 0 and not (_boundary(text, i) and _boundary(text, i + len(word))):
        i = text.find(word, i + 1)
    return i


def _boundary_after(text: str, end: int, endpos: int) -> bool:
    """``\\b`` right after a phrase (which always ends in a letter)."""
    return end >= endpos or not _is_word_char(text[end])


def _boundary_before(text: str, start: int) -> bool:
    """``\\b`` right before a phrase (which always starts with a letter)."""
    return start == 0 or not _is_word_char(text[start - 1])


class PhraseMatch:
    """The part of ``re.Match`` the stages use: start(), end(), group()."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start:self._end]


class Phrases:
    """A fixed set of phrases (words separated by single spaces, each opening and
    closing on an ASCII letter), found by their first or last word in a dict."""

    __slots__ = ("_by_first", "_by_last")

    def __init__(self, phrases: Iterable[str]):
        by_first: dict[str, list[str]] = {}
        by_last: dict[str, list[str]] = {}
        for p in sorted(set(phrases), key=len, reverse=True):
            words = p.split(" ")
            if not all(_WORD_START.fullmatch(w) for w in words):
                raise ValueError(f"not a plain phrase: {p!r}")
            by_first.setdefault(words[0], []).append(p)
            by_last.setdefault(words[-1], []).append(p)
        self._by_first = {k: tuple(v) for k, v in by_first.items()}
        self._by_last = {k: tuple(v) for k, v in by_last.items()}

    def end_at(self, text: str, pos: int, endpos: int | None = None) -> int:
        """End of the longest phrase at ``pos`` followed by a word boundary, or -1:
        ``re.compile(r"(?:PHRASES)\\b").match(text, pos, endpos)``."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        run = _LETTERS.match(text, pos, endpos)
        return -1 if run is None else self._end_from(text, pos, run.group(), endpos)

    def _end_from(self, text: str, pos: int, first: str, endpos: int) -> int:
        """``end_at`` once the run of letters at ``pos`` (``first``) is known."""
        for p in self._by_first.get(first, ()):
            end = pos + len(p)
            if text.startswith(p, pos, endpos) and _boundary_after(text, end, endpos):
                return end
        return -1

    def ends_before(self, text: str, end: int, pos: int = 0) -> bool:
        """Whether a phrase starting at a word boundary at or after ``pos`` ends at ``end``."""
        i = end
        while i > 0 and text[i - 1].isascii() and text[i - 1].isalpha():
            i -= 1
        for p in self._by_last.get(text[i:end], ()):
            start = end - len(p)
            if start >= pos and text.startswith(p, start, end) and _boundary_before(text, start):
                return True
        return False

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[PhraseMatch]:
        """``re.compile(r"\\b(?:PHRASES)\\b").finditer(text, pos, endpos)``."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        last = pos
        by_first = self._by_first
        for w in _WORD_START.finditer(text, pos, endpos):
            first = w.group()
            if first not in by_first or w.start() < last:
                continue  # the common case: one dict look-up per word
            s = w.start()
            end = self._end_from(text, s, first, endpos)
            if end >= 0:
                last = end
                yield PhraseMatch(text, s, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> PhraseMatch | None:
        """First match of ``finditer``, or None."""
        return next(self.finditer(text, pos, endpos), None)


class LazyPattern:
    """A regex compiled on first use, for a pattern that only a rare branch needs (an
    event named without a subject, a dash list): unused, it costs nothing at start-up.
    Behaves as the compiled pattern (``search``, ``match``, ``finditer``, ...)."""

    __slots__ = ("_source", "_flags", "_rx")

    def __init__(self, source: str, flags: int = 0):
        self._source, self._flags, self._rx = source, flags, None

    def __getattr__(self, name: str):
        if self._rx is None:
            self._rx = re.compile(self._source, self._flags)
        return getattr(self._rx, name)
