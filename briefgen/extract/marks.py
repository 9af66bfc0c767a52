"""Stage 2b: the quotations of the article, paired before anything reads them.

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

from briefgen.extract.normalize import CLOSERS, OPENERS
from briefgen.extract.lexicon import QUOTE_VERBS
from briefgen.extract.state import State
from briefgen.extract.wordre import LazyPattern, Phrases

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


_SENTENCE_END = LazyPattern(r"[.?!]\s*$")
# A quotation whose opening mark was lost at the paragraph start: 'It took decades," Rhodes said.'
_VERB_AFTER = Phrases(QUOTE_VERBS)
_SPACES = LazyPattern(r"\s*")
_LOST_WORD = LazyPattern(r"[\w.'-]+\s+")


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


# British style quotes in single curly marks: ‘...’. The closing mark is also the apostrophe,
# so it closes only where no letter follows ("China’s" is a word, "...markets’ said" a close).
_SINGLE_OPEN = "\u2018"
_SINGLE_CLOSE = "\u2019"


def pair_single(text: str, paragraphs) -> list[tuple[int, int, bool]]:
    """Content ranges of quotations in single curly marks, paragraph by paragraph; an opening
    mark with no close in its paragraph is skipped."""
    out = []
    for para in paragraphs:
        i = text.find(_SINGLE_OPEN, para.start, para.end)
        while i != -1:
            if i > para.start and not (text[i - 1].isspace() or text[i - 1] in "([-\u2014\u2013\"'"):
                i = text.find(_SINGLE_OPEN, i + 1, para.end)
                continue
            j = i + 1
            close = -1
            while True:
                j = text.find(_SINGLE_CLOSE, j, para.end)
                if j == -1:
                    break
                after = text[j + 1] if j + 1 < para.end else " "
                if not after.isalpha() and not text[j - 1].isspace():
                    close = j
                    break
                j += 1
            if close == -1:
                # "He said: ‘...¶‘...¶‘...’": a paragraph reopened by the next runs on into it.
                nxt = next((q for q in paragraphs if q.start >= para.end), None)
                if nxt is not None and text.startswith(_SINGLE_OPEN, nxt.start) and text[i + 1:para.end].strip():
                    out.append(_trim(text, i + 1, para.end, True))
                break
            if text[i + 1:close].strip():
                out.append(_trim(text, i + 1, close, False))
            i = text.find(_SINGLE_OPEN, close + 1, para.end)
    return out


def _title(norm: str, s: int, e: int) -> bool:
    """A quoted title ("Pathways to a New Nigeria", "RFE/RL Central Asia Report"): nearly every
    longer word capitalised. A title is not something anyone said."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", norm[s:e]) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) and \
        len(words) <= 12


def run(state: State) -> State:
    """Sets quoted."""
    spans = pair_marks(state.text, state.norm, state.paragraphs)
    if _SINGLE_OPEN in state.text:
        doubles = [(s, e) for s, e, _ in spans]
        spans += [q for q in pair_single(state.text, state.paragraphs)
                  if not any(s - 1 <= q[0] < e + 1 for s, e in doubles)]
        spans.sort()
    return state.replace(quoted=tuple(q for q in spans if not _title(state.norm, q[0], q[1])))
