"""Stage 6: score each clause of the body against the section cue lexicons.

Reads ``norm``, ``sentences``, ``quotes``, ``principal_key``, ``mentions``,
``event``; sets ``candidates`` and ``cue_hits`` (the cue matches, kept for narrow).

Sentences are cut into clauses at the joints where news prose changes topic
(", which", "; ", " - ", ", but", " amid", ", after", ", with ...ing"), so that
"a visit meant to steer relations ... after months of tensions" yields a
purpose clause and a context clause. Scores add cue weights, adjusted for
who is named (a goal in a sentence about the event or its principal counts
more) and time (an "agreed" dated to another year is history). The lead's
position is kept apart (``Candidate.position``): rank uses it for the memo
score only. These rule scores are one input of the section ranker (features.py,
``hand:<section>``), which decides the selection.
"""
from __future__ import annotations

import re

from briefgen.extract import cues
from briefgen.extract.state import Candidate, State

_JOINT = re.compile(
    r",\s+(?=(?:while|whereas|but|although|though|as|after|amid|with|adding|saying|"
    r"noting|where|when|since|despite|because|according|aiming|seeking|hoping|in a bid|in an effort|"
    r"in order|to try)\b)"
    r"|;\s+|\s+-{1,2}\s+|\s+(?=(?:amid|because|despite|whereas)\s)"
    r"|\s+(?=(?:after|since) (?:months|years|weeks|decades|days) of\b)"
    r"|,?\s+(?=but\s)|(?<=[a-z]),\s+(?=and\s+(?:the|a|he|she|they|it|its|his|her)\b)")
_MIN_WORDS = 4


def clauses(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """Clause ranges in [s, e); short pieces stay glued to their neighbour."""
    cuts = [s]
    for m in _JOINT.finditer(norm, s, e):
        # Do not cut inside a quotation.
        if norm.count('"', s, m.start()) % 2:
            continue
        cuts.append(m.start())
    cuts.append(e)
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and (norm[a] in " ,;-" or norm[a].isspace()):
            a += 1
        while b > a and (norm[b - 1] in " ,;-" or norm[b - 1].isspace()):
            b -= 1
        if b > a:
            pieces.append([a, b])
    merged: list[list[int]] = []
    for p in pieces:
        if merged and len(norm[p[0]:p[1]].split()) < _MIN_WORDS:
            merged[-1][1] = p[1]
        elif merged and len(norm[merged[-1][0]:merged[-1][1]].split()) < _MIN_WORDS:
            merged[-1][1] = p[1]
        else:
            merged.append(p)
    return [(a, b) for a, b in merged]


_EVENT_WORDS = re.compile(r"\b(?:visit\w*|trip|tour|talks|summit|meeting|meet|met|negotiat\w+|"
                          r"conference|mission|session)\b", re.I)


# Credit every narrative clause past the lead gets as context (see rank.THRESHOLDS).
BACKGROUND = 0.15
# A clause dated to another time ("in late 2022", "last year", "years ago") tells history:
# its "agreed"/"signed" is background, not what this event is expected to yield.
_OTHER_TIME = re.compile(r"\b(?:in|since|during)\s+(?:(?:early|late|mid)[- ])?(?:19|20)\d\d\b|"
                         r"\blast (?:year|decade)\b|\byears? ago\b|\bdecades? ago\b|\bthen-")
OTHER_TIME_FACTOR = 0.5
# A goal stated in a sentence about the visit/talks is their purpose more surely.
EVENT_PURPOSE = 1.25


def _quoted_share(quoted: list[tuple[int, int]], a: int, b: int) -> float:
    inside = sum(max(0, min(b, qe) - max(a, qs)) for qs, qe in quoted)
    return inside / max(b - a, 1)


def run(state: State) -> State:
    """Sets candidates, cue_hits."""
    norm = state.norm
    body = [s for s in state.sentences if not s.caption]
    n = max(len(body), 1)
    principal_mentions = {m.start for m in state.mentions if m.person == state.principal_key}
    out = []
    lexicons = (("purpose", cues.PURPOSE), ("expectations", cues.EXPECT), ("context", cues.CONTEXT))
    low = cues.lower(norm)
    found = {name: cues.Hits(pats, norm, low) for name, pats in lexicons}
    quoted = [(q.start, q.end) for q in state.quotes]
    for rank, sent in enumerate(body):
        position = 1.0 - 0.5 * rank / n  # the lead carries more weight
        sent_text = norm[sent.start:sent.end]
        eventish = bool(_EVENT_WORDS.search(sent_text))
        by_principal = any(sent.start <= p < sent.end for p in principal_mentions)
        for a, b in clauses(norm, sent.start, sent.end):
            sc = {name: found[name].score(a, b) for name, _ in lexicons}
            # Background is the analyst's default: any narrative clause past the lead
            # that is not mostly a quotation is context unless a section claims it.
            if _quoted_share(quoted, a, b) >= 0.5:
                sc["context"] = 0.0  # a quotation is shown as a quote, not as background
            elif rank > 0:
                sc["context"] += BACKGROUND
            if _OTHER_TIME.search(norm, a, b):
                sc["expectations"] *= OTHER_TIME_FACTOR  # "when they agreed in 2022": history, not outcome
            if eventish or by_principal:
                sc["purpose"] *= EVENT_PURPOSE
            sc = {k: round(v, 4) for k, v in sc.items()}
            out.append(Candidate(a, b, sent.index, tuple(sorted(sc.items())), round(position, 4)))
    return state.replace(candidates=tuple(out), cue_hits=tuple(found.items()))
