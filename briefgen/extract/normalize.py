"""Stage 1: fold typographic variants into a same-length working copy.

Reads ``article``; sets ``text`` (Article.text, untouched) and ``norm``.
Curly quotes become straight, dashes become "-", odd spaces become " ".
Because every replacement is one character for one character, an offset in
``norm`` is the same offset in ``text``: spans stay verbatim slices.

A pattern matched on ``norm`` therefore lists no curly quote or long dash: it would never
match one, and a character class holding a character beyond Latin-1 next to other ranges
costs ``re`` a 64K-entry table to compile (about 0.2 ms each, at every start).
"""
from __future__ import annotations

from briefgen.extract.state import State

FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\t": " ",
    "\u200b": " ", "\ufeff": " ",
})

# Curly marks say which side they are on; straight ones do not. Keep that fact.
OPENERS = frozenset("\u201c\u201e\u00ab")
CLOSERS = frozenset("\u201d\u00bb")


def fold(text: str) -> str:
    """Same-length folded copy of ``text``. Replacing only the characters present is
    several times faster than ``str.translate`` on a mostly-ASCII article."""
    for ch, to in FOLD.items():
        if chr(ch) in text:
            text = text.replace(chr(ch), to)
    return text


def run(state: State) -> State:
    """Sets text and norm."""
    text = state.article.text
    norm = fold(text)
    assert len(norm) == len(text)
    return state.replace(text=text, norm=norm)
