"""Weighted cue lexicons for the sections of a briefing (purpose, expectations, context, agenda).

Each entry is (pattern, weight). Weights near 1.0 are cues an analyst would
call decisive ("aimed at", "not expected", "comes amid"); lower weights are
hints that need support from another cue or from position.
"""
from __future__ import annotations

import re
from bisect import bisect_left


def _compile(entries: list[tuple[str, float]]) -> tuple[tuple[re.Pattern, float], ...]:
    return tuple((re.compile(p, re.I), w) for p, w in entries)


PURPOSE = _compile([
    (r"\baim(?:s|ed|ing)?\s+(?:at|to)\b", 1.0),
    (r"\b(?:meant|intended|designed|expected)\s+to\s+(?:steer|build|boost|strengthen|improve|"
     r"restore|defuse|repair|mend|resolve|end|establish|expand|deepen|push|secure|bring|help|review|"
     r"shore|reduce|ease|forge|promote|revive|resurrect|discuss)\b", 1.0),
    (r"\b(?:meant|intended|designed)\s+to\b", 0.9),
    (r"\bin (?:a|an) (?:bid|effort|attempt)\s+to\b", 1.0),
    (r"\b(?:seeks?|seeking|sought)\s+to\b", 0.9),
    (r"\bin order to\b", 0.8),
    (r"\b(?:the\s+)?(?:goal|aim|purpose|objective)\s+(?:of|is|was|will be)\b", 1.0),
    (r"\bto try to\b", 1.0),
    (r"\b(?:mission|trip|visit|talks|summit|meeting|tour)\s+(?:to|aimed|meant)\b", 0.7),
    (r"\bwhat we(?:'re| are) working (?:to do|on)\b", 1.0),
    (r"\bwant(?:s|ed)? to (?:make sure|ensure|end|build|boost|see|progress)\b", 0.7),
    (r"\b(?:wanted|wants) to progress\b", 0.8),
    (r"\bto (?:discuss|explore|establish|strengthen|boost|improve|promote|restore|resolve|secure|"
     r"defuse|build|expand|deepen|review|bolster|reduce|open|win|seek|press|push|lobby|accelerate|"
     r"carry forward|reform|resurrect|revive|end|cut|steer)\b", 0.6),
    (r"\bpress(?:ing|es|ed)?\s+(?:\w+\s+){0,3}(?:to|for)\b", 0.6),
    (r"\bto help\b", 0.4),
    (r"\bhop(?:e|es|ing) to\b", 0.5),
])

EXPECT = _compile([
    (r"\b(?:not|n't|no one|nobody|few)\b[^.]{0,30}\bexpect", 1.0),
    (r"\bexpectations?\b", 1.0),
    (r"\b(?:is|are|was|were)\s+(?:widely\s+|also\s+)?expected to\b", 0.9),
    (r"\bexpect(?:s|ed|ing)?\b", 0.8),
    (r"\bdeliverables?\b|\bbreakthrough\b", 1.0),
    (r"\b(?:un)?likely to\b|\bprobably\b", 0.8),
    (r"\bhop(?:e|es|ed|ing)\b|\bhopeful\b|\boptimis\w+|\bpessimis\w+", 0.8),
    (r"\bagreed\b|\bsigned\b|\bstruck\b|\bwon\b|\bclinched\b|\bsealed\b|\badopted\b", 0.8),
    (r"\bagreement\b|\baccord\b|\bdeal\b|\bmemorand\w+|\bcommuniqu\w+|\bresolution\b|\bpact\b", 0.5),
    (r"\bpledg\w+|\bcommit(?:ted|ment|s)?\b|\bpromis\w+|\bvow\w*", 0.6),
    (r"\bwill\s+(?:sign|announce|agree|produce|lead|result|mark|need|seek|be released|become)\b", 0.7),
    (r"\bplans? to (?:sign|announce|hold|convene|launch)\b|\bto convene\b", 0.8),
    (r"\bwould\b|\bwill\b|\bcould\b", 0.3),
    (r"\boutcomes?\b|\bresults?\b|\bprogress\b|\bnext steps?\b|\bfollow-up\b|\bconcrete\b|\btangible\b", 0.6),
    (r"\blow expectations\b|\bfew promises\b|\blittle in the way\b", 1.0),
    (r"\bveto\b|\breject\w*|\brefus\w+|\bnot for negotiation\b", 0.5),
])

CONTEXT = _compile([
    (r"\bcomes? (?:amid|as|after|at a)\b|\bcome on the heels\b|\bagainst a backdrop\b", 1.0),
    (r"\bamid\b|\bamidst\b", 0.9),
    (r"\bpostpon\w+|\bcancel\w+|\bdelayed\b|\bsuspended\b", 0.9),
    (r"\bthe first\b[^.]{0,60}\b(?:since|in \w+ years|ever)\b|\bfirst (?:visit|trip|time)\b", 1.0),
    (r"\bsince\b", 0.6),
    (r"\b(?:last|previous|earlier|past) (?:year|month|week|decade|summit|meeting|visit|talks)\b", 0.8),
    (r"\bin (?:19|20)\d\d\b|\b(?:19|20)\d\d\b", 0.5),
    (r"\b(?:tensions?|dispute\w*|crisis|conflict|friction|row|rift|strain\w*|standoff|hostility|"
     r"cooling|freeze|sanctions|protectionis\w+|pressure|frustrat\w+|irritat\w+|turmoil)\b", 0.6),
    (r"\bafter\b", 0.4),
    (r"\bhistor\w+|\bdecades?\b|\byears? ago\b|\bago\b|\blong-standing\b|\brecord\b", 0.6),
    (r"\bfollows?\b|\bfollowing\b|\bprecede\w*\b", 0.5),
    (r"\b(?:had|has been|have been|was|were)\b", 0.25),
    (r"\b(?:largest|biggest|lowest|highest|worst)\b", 0.5),
    (r"\bearlier\b|\bpreviously\b|\balready\b", 0.5),
    (r"\bmeanwhile\b|\bat the same time\b", 0.3),
])

AGENDA = _compile([
    (r"\bon the agenda\b|\bagenda\b", 1.0),
    (r"\b(?:to\s+)?discuss(?:ed|es|ing)?\b|\bdiscussions? (?:on|of|about)\b", 0.9),
    (r"\braise[sd]?\b|\braising\b", 0.8),
    (r"\bfocus(?:ed|es|ing)?\s+on\b|\bfocus will be on\b", 0.9),
    (r"\btopics?\b|\bissues?\b|\bconcerns?\b|\bquestions?\b", 0.6),
    (r"\btalks on\b|\bnegotiations on\b|\bdebate on\b|\btalk about\b", 0.9),
    (r"\bincluding\b|\bsuch as\b|\branging from\b|\brange from\b", 0.5),
    (r"\bdominate\b|\bcentre on\b|\bcenter on\b|\baddress(?:ed|ing)?\b|\bcover(?:ed|ing)?\b", 0.7),
])


def index(patterns, text: str) -> tuple[tuple[int, ...], ...]:
    """Start offsets of every match of each pattern in the whole text (one pass per pattern)."""
    return tuple(tuple(m.start() for m in rx.finditer(text)) for rx, _ in patterns)


def score_at(patterns, starts, a: int, b: int) -> float:
    """Like ``score`` for text[a:b], from the precomputed ``index``."""
    total = 0.0
    for (_, w), offs in zip(patterns, starts):
        i = bisect_left(offs, a)
        if i < len(offs) and offs[i] < b:
            total += w
    return min(total, 2.0)


def score(patterns, text: str) -> tuple[float, tuple[tuple[int, int], ...]]:
    """Sum of the weights of the cues found (capped at 2) and where they are."""
    total = 0.0
    where = []
    for rx, w in patterns:
        m = rx.search(text)
        if m:
            total += w
            where.append((m.start(), m.end()))
    return min(total, 2.0), tuple(where)
