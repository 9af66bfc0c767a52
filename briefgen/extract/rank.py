"""Stage 8: choose, rank and de-duplicate the items of each section.

Reads ``text``, ``candidates``, ``quotes``, ``agenda``, ``event``,
``principal_key``; sets ``purpose``, ``expectations``, ``context``,
``quote_items`` and re-ranks ``agenda``.

A clause goes to the section it fits best (a second section only on a strong
cue); items below a section's threshold are dropped, overlapping items are
merged, and every score is mapped to [0, 1] so the memo can cut from the
bottom.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Item, Quote, Span
from .state import State

# Tuned on the dev set as a whole (no per-article rule): context is the analyst's
# catch-all, so it takes most clauses that carry any background cue; purpose and
# expectations need a real cue. MARGIN: how far another section may outscore a
# clause before it is left to that section (a clause may serve two sections).
THRESHOLDS = {"purpose": 0.7, "expectations": 0.5, "context": 0.1}
MARGIN = {"purpose": 2.0, "expectations": 2.0, "context": 2.0}
STRONG = 1.2
CAPS = {"purpose": 3, "expectations": 6, "context": 16, "agenda": 10, "quotes": 8}
_MIN_QUOTE_WORDS = 3


def _overlaps(a: Span, b: Span) -> bool:
    return min(a.end, b.end) - max(a.start, b.start) > 0


def _pick(state: State, section: str, taken: tuple[Item, ...] = ()) -> tuple[Item, ...]:
    """The section's items; a clause already ``taken`` by a more specific section needs a strong cue."""
    chosen: list[tuple[float, int, int]] = []
    for c in state.candidates:
        sc = c.score(section)
        if sc < THRESHOLDS[section]:
            continue
        if sc < STRONG and any(_overlaps(Span(c.start, c.end), sp) for it in taken for sp in it.evidence):
            continue
        others = [c.score(s) for s in THRESHOLDS if s != section]
        if others and max(others) > sc + MARGIN[section] and sc < STRONG:
            continue
        chosen.append((sc, c.start, c.end))
    chosen.sort(key=lambda x: (-x[0], x[1]))
    out: list[tuple[float, Span]] = []
    for sc, s, e in chosen:
        span = Span(s, e)
        if any(_overlaps(span, o) for _, o in out):
            continue
        out.append((sc, span))
        if len(out) >= CAPS[section]:
            break
    out.sort(key=lambda x: x[1].start)
    return tuple(Item(text=state.text[sp.start:sp.end], evidence=(sp,), score=round(min(sc / 2.0, 1.0), 3))
                 for sc, sp in out)


def _quotes(state: State) -> tuple[Quote, ...]:
    roles = {p.key: p.role for p in state.people}
    parts = {p.name for p in state.participants}
    out = []
    for q in state.quotes:
        words = state.norm[q.start:q.end].split()
        if len(words) < _MIN_QUOTE_WORDS:
            continue
        score = 0.35 + min(len(words), 25) / 100
        if q.speaker:
            score += 0.15
        if q.person is not None and q.person == state.principal_key:
            score += 0.2
        elif q.speaker in parts:
            score += 0.1
        out.append(Quote(text=state.text[q.start:q.end], speaker=q.speaker,
                         evidence=(Span(q.start, q.end),),
                         speaker_role=roles.get(q.person) if q.person is not None else None,
                         score=round(min(score, 1.0), 3)))
    return tuple(out)


def run(state: State) -> State:
    """Sets purpose, expectations, context, quote_items; caps agenda."""
    agenda = tuple(sorted(state.agenda, key=lambda i: -i.score)[:CAPS["agenda"]])
    agenda = tuple(sorted(agenda, key=lambda i: i.evidence[0].start))
    purpose = _pick(state, "purpose")
    expectations = _pick(state, "expectations", purpose)  # a goal clause is not also an outcome
    context = _pick(state, "context")
    return replace(state, purpose=purpose, expectations=expectations,
                   context=context, quote_items=_quotes(state), agenda=agenda)


del re
