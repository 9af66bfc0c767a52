"""Stage 3: the quotations of the article, paired before anything reads them.

Reads ``text``, ``norm``, ``paragraphs``; sets ``quoted`` (content ranges of
every balanced quotation, and whether it runs on into the next paragraph).

People and quotes both need to know what is inside quotation marks: a name
or a pronoun inside a quotation is the speaker's word, not the reporter's,
and a sentence may start in the middle of a quotation ("... lazy. We've
kind of ...," he said), so counting marks within one sentence is not enough.

Marks are paired first (curly marks say which side they are on; straight
ones alternate), within a paragraph or across paragraphs when the next one
reopens the quote (the newspaper convention). An unbalanced mark ends the
search in that paragraph: the quote is skipped, never half-parsed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from briefgen.extract.normalize import CLOSERS, OPENERS
from briefgen.extract.lexicon import QUOTE_VERBS
from briefgen.extract.state import State
from briefgen.extract.wordre import Phrases

def _marks(text: str, norm: str, s: int, e: int) -> list[tuple[int, str]]:
    """(offset, side) for each double quotation mark; side is "open", "close" or "?".

    Curly marks say their side. A straight mark after a space (or at the start)
    and before a word opens; one after a word or punctuation and before a space,
    punctuation or the end closes; anything else is "?" (toggles).
    """
    out = []
    i = norm.find('"', s, e)
    while i != -1:
        c = text[i]
        if c in OPENERS:
            side = "open"
        elif c in CLOSERS:
            side = "close"
        else:
            before = norm[i - 1] if i > s else " "
            after = norm[i + 1] if i + 1 < e else " "
            if (before.isspace() or before in "([-") and not after.isspace():
                side = "open"
            elif not before.isspace() and (after.isspace() or after in ".,;:!?)-"):
                side = "close"
            else:
                side = "?"
        out.append((i, side))
        i = norm.find('"', i + 1, e)
    return out


_SENTENCE_END = re.compile(r"[.?!]\s*$")
# A quotation whose opening mark was lost at the paragraph start: 'It took decades," Rhodes said.'
_VERB_AFTER = Phrases(QUOTE_VERBS)
_SPACES = re.compile(r"\s*")
_LOST_WORD = re.compile(r"[\w.'-]+\s+")


def _lost_open(norm: str, pos: int, endpos: int) -> bool:
    r"""A verb within five words: as ``\s*(?:[\w.'-]+\s+){0,4}?(?:VERBS)\b`` matched at
    ``pos`` (each word fills the run up to the next space, so the words are read one way)."""
    p = _SPACES.match(norm, pos, endpos).end()
    for k in range(5):
        if _VERB_AFTER.end_at(norm, p, endpos) >= 0:
            return True
        w = _LOST_WORD.match(norm, p, endpos) if k < 4 else None
        if w is None:
            return False
        p = w.end()
    return False


def pair_marks(text: str, norm: str, paragraphs) -> list[tuple[int, int, bool]]:
    """Content ranges (start, end, continues_next_paragraph) of balanced quotations.

    Newspaper conventions handled: a quotation reopened at a new sentence without
    being closed ('... France. "There can be ...') ends where the next one opens;
    a paragraph that opens a quotation and does not close it continues in the
    next paragraph when that one starts with a mark; a paragraph that starts
    inside a quotation whose opening mark was lost ('It took decades," Rhodes
    said') is taken from its start when a reporting verb follows the mark.
    Anything else unbalanced ends the search in that paragraph: the quotations
    paired before it are kept, the rest is skipped, never half-parsed.
    """
    out: list[tuple[int, int, bool]] = []
    for pi, para in enumerate(paragraphs):
        marks = _marks(text, norm, para.start, para.end)
        open_at = None
        segs: list[tuple[int, int, bool]] = []
        for pos, side in marks:
            if side == "?":
                side = "open" if open_at is None else "close"
            if side == "open":
                if open_at is not None:
                    if not _SENTENCE_END.search(norm, open_at + 1, pos):
                        open_at = None
                        break
                    segs.append((open_at + 1, pos, False))  # reopened at a new sentence
                open_at = pos
                continue
            if open_at is None:
                if not segs and pos > para.start and norm[para.start] != '"' and \
                        norm[pos - 1] in ",.?!" and _lost_open(norm, pos + 1, para.end):
                    segs.append((para.start, pos, False))
                    continue
                break
            if pos > open_at + 1:
                segs.append((open_at + 1, pos, False))
            open_at = None
        if open_at is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt is not None and norm[nxt.start] == '"' and text[nxt.start] not in CLOSERS:
                segs.append((open_at + 1, para.end, True))
        out.extend(segs)
    return [_trim(norm, s, e, c) for s, e, c in out if norm[s:e].strip()]


def _trim(norm: str, s: int, e: int, cont: bool) -> tuple[int, int, bool]:
    while s < e and norm[s].isspace():
        s += 1
    while e > s and (norm[e - 1].isspace() or norm[e - 1] in ",;:-"):
        e -= 1
    return s, e, cont




def inside(quoted, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation (its marks included)."""
    i = bisect_right(quoted, (pos + 1,)) - 1
    return i >= 0 and quoted[i][0] - 1 <= pos < quoted[i][1] + 1


def run(state: State) -> State:
    """Sets quoted."""
    return replace(state, quoted=tuple(pair_marks(state.text, state.norm, state.paragraphs)))
