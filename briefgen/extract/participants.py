"""Stage 6b: who takes part: the principal and the people they meet, with roles.

Reads ``norm``, ``sentences``, ``people``, ``mentions``, ``principal_key``,
``quotes``; sets ``participants``.

A person takes part when they are the principal, or share a sentence with a
meeting cue ("met", "talks with", "counterpart", "summit with", "hosted",
"accompany", "delegation") together with another participant or the event.
People only mentioned ("then-President Nixon", a founder met by someone
else) stay out; officials who speak about the talks are kept at a lower score.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Participant, Span
from .state import State

_MEETING = re.compile(
    r"\b(?:met|meet|meets|meeting|talks with|talks between|held talks|hold talks|holds talks|"
    r"sit down with|summit (?:with|between)|counterpart|host(?:s|ed|ing)?|welcom\w+|receiv\w+|"
    r"accompan\w+|delegation|visit\w*|negotiat\w+|emerged from talks|discuss\w* with|"
    r"shake hands|shook hands|signed|banquet|joined|attend\w*|lead the|led the|talks in|"
    r"told (?:his|her) \w+ counterpart)\b", re.I)
_SIDE = re.compile(r"\b([A-Z][a-z]+(?:an|ese|ish|ian|i|ch))\b")


def run(state: State) -> State:
    """Sets participants."""
    norm = state.norm
    scores: dict[int, float] = {}
    if state.principal_key is not None:
        scores[state.principal_key] = 1.0
    by_sentence: dict[int, set[int]] = {}
    for m in state.mentions:
        sent = state.sentence_at(m.start)
        if sent is None:
            continue
        if norm.count('"', sent.start, m.start) % 2:
            continue
        by_sentence.setdefault(sent.index, set()).add(m.person)
    for sent in state.sentences:
        who = by_sentence.get(sent.index, set())
        if len(who) < 1:
            continue
        if not _MEETING.search(norm, sent.start, sent.end):
            continue
        # With a body as principal ("United Nations talks"), a titled person at the talks takes part.
        body_led = state.principal_key is None
        linked = state.principal_key in who or len(who) >= 2 or body_led
        if not linked:
            continue
        for k in who:
            p = state.person(k)
            if p is None or p.historic or (body_led and len(who) < 2 and not p.role):
                continue
            base = 0.8 if state.principal_key in who else 0.6
            scores[k] = max(scores.get(k, 0.0), base)
    for q in state.quotes:
        if q.person is not None and q.person not in scores:
            p = state.person(q.person)
            if p is not None and p.role and not p.historic:
                scores[q.person] = 0.4
    out = []
    for k, sc in scores.items():
        p = state.person(k)
        if p is None or p.historic:
            continue
        if not p.role and sc < 0.8 and " " not in p.name:
            continue
        ev = [p.first]
        if p.role_span is not None and p.role_span != p.first:
            ev.append(p.role_span)
        side = None
        if p.role:
            m = _SIDE.search(p.role)
            side = m.group(1) if m else None
        out.append(Participant(name=p.name, role=p.role, evidence=tuple(sorted(set(ev))), side=side,
                               score=round(sc, 3)))
    out.sort(key=lambda x: (-x.score, x.evidence[0].start))
    return replace(state, participants=tuple(out))
