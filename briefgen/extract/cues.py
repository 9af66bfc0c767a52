"""Weighted cue lexicons for the clause sections of a briefing (purpose, expectations, context).

Agenda topics are found by the agenda stage's own trigger patterns.

Each entry is (pattern, weight). Weights near 1.0 are cues an analyst would
call decisive ("aimed at", "not expected", "comes amid"); lower weights are
hints that need support from another cue or from position.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left


def _top_alternatives(p: str) -> list[str]:
    out, depth, cur, esc = [], 0, [], False
    for ch in p:
        if esc:
            cur.append(ch)
            esc = False
            continue
        if ch == "\\":
            esc = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return out


class Cue:
    """One compiled cue. Speed matters (every pattern scans the whole article):
    patterns run on ``lower(norm)`` without re.I, and a leading ``\\b`` is checked
    in Python rather than by the regex engine, which lets it skip ahead on the
    first character; both are about three times faster than the plain pattern.
    Write alternatives out in full ("\\bunlikely to|\\blikely to", not
    "(?:un)?likely to"): an optional group at the start costs the engine its
    literal-prefix scan, about six times slower."""

    __slots__ = ("rx", "cased", "boundary")

    def __init__(self, pattern: str):
        self.cased = "(?-i:" in pattern
        alts = _top_alternatives(pattern)
        self.boundary = not self.cased and all(a.startswith(r"\b") for a in alts)
        if self.boundary:
            pattern = "|".join(a[2:] for a in alts)
        self.rx = re.compile(pattern, re.I) if self.cased else re.compile(pattern)

    def starts(self, norm: str, low: str, a: int = 0, b: int | None = None) -> list[int]:
        """Start offsets of the matches in [a, b), as ``finditer`` with the original pattern."""
        text = norm if self.cased else low
        end = len(text) if b is None else b
        if not self.boundary:
            return [m.start() for m in self.rx.finditer(text, a, end)]
        out = []
        pos = a
        search = self.rx.search
        while True:
            m = search(text, pos, end)
            if m is None:
                return out
            s = m.start()
            if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_"):
                out.append(s)
                pos = m.end() if m.end() > s else s + 1
            else:
                pos = s + 1


def _compile(entries: list[tuple[str, float]]) -> tuple[tuple[Cue, float], ...]:
    return tuple((Cue(p), w) for p, w in entries)


_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lower(norm: str) -> str:
    """ASCII lower-casing: same length, so offsets are unchanged."""
    return norm.translate(_LOWER)


PURPOSE = _compile([
    (r"\baim(?:s|ed|ing)?\s+(?:at|to)\b", 1.0),
    (r"\b(?:meant|intended|designed|expected)\s+to\s+(?:steer|build|boost|strengthen|improve|"
     r"restore|defuse|repair|mend|resolve|end|establish|expand|deepen|push|secure|bring|help|review|"
     r"shore|reduce|ease|forge|promote|revive|resurrect|discuss)\b", 1.0),
    (r"\b(?:meant|intended|designed)\s+to\b", 0.9),
    (r"\bin (?:a|an) (?:bid|effort|attempt)\s+to\b", 1.0),
    (r"\b(?:seeks?|seeking|sought)\s+to\b", 0.9),
    (r"\bin order to\b", 0.8),
    (r"\b(?:goal|aim|purpose|objective)\s+(?:of|is|was|will be)\b", 1.0),
    (r"\bto try to\b", 1.0),
    # "a mission to resurrect", not "a trip to Iraq" (a destination).
    (r"\b(?=[mtvsde])(?:mission|trip|visit|talks|summit|meeting|tour|diplomacy|drive|efforts?)\s+"
     r"(?:to\s+(?!the\b|an?\b|his\b|her\b|their\b)(?-i:[a-z])|aimed|meant)", 0.7),
    (r"\battempts?\s+to\b|\bpurpose of (?:the|his|her|this) (?:visit|trip|talks|meeting)\b", 0.9),
    (r"\b(?:search|look|push|press|lobby|hunt)(?:es|ed|ing|s)?\s+for\b", 0.6),
    (r"\b(?:seeks?|seeking|sought)\b", 0.5),
    (r"\bwant(?:s|ed)?\s+to\b", 0.5),
    (r"\bwhat we(?:'re| are) working (?:to do|on)\b", 1.0),
    (r"\bwant(?:s|ed)? to (?:make sure|ensure|end|build|boost|see|progress)\b", 0.7),
    (r"\b(?:wanted|wants) to progress\b", 0.8),
    (r"\bto (?:discuss|explore|establish|strengthen|boost|improve|promote|restore|resolve|secure|"
     r"defuse|build|expand|deepen|review|bolster|reduce|open|win|seek|press|push|lobby|accelerate|"
     r"carry forward|reform|resurrect|revive|end|cut|steer|bring|send|usher|find|lay|pave|forge|finali[sz]e|"
     r"head off|demonstrate|get|enhance|expand|accelerate)\b", 0.6),
    (r"\bpress(?:ing|es|ed)?\s+(?:\w+\s+){0,3}(?:to|for)\b", 0.6),
    (r"\bto help\b", 0.4),
    (r"\bhop(?:e|es|ed|ing) to\b", 0.5),
])

EXPECT = _compile([
    (r"\b(?:not|n't|no one|nobody|few)\b[^.]{0,30}\bexpect", 1.0),
    (r"\bexpectations?\b", 1.0),
    (r"\b(?:is|are|was|were)\s+(?:widely\s+|also\s+)?expected to\b", 0.9),
    (r"\bexpect(?:s|ed|ing)?\b", 0.8),
    (r"\bdeliverables?\b|\bbreakthrough\b", 1.0),
    (r"\bunlikely to\b|\blikely to\b|\bprobably\b", 0.8),
    (r"\bhop(?:e|es|ed|ing)\b|\bhopeful\b|\boptimis\w+|\bpessimis\w+", 0.8),
    (r"\bagreed\b|\bsigned\b|\bstruck\b|\bwon\b|\bclinched\b|\bsealed\b|\badopted\b", 0.8),
    (r"\bagreement\b|\baccord\b|\bdeal\b|\bmemorand\w+|\bcommuniqu\w+|\bresolution\b|\bpact\b", 0.5),
    (r"\bpledg\w+|\bcommit(?:ted|ment|s)?\b|\bpromis\w+|\bvow\w*", 0.6),
    (r"\bwill\s+(?:sign|announce|agree|produce|lead|result|mark|need|seek|be released|become)\b", 0.7),
    (r"\bplans? to (?:sign|announce|hold|convene|launch)\b|\bto convene\b", 0.8),
    (r"\bwould\b|\bwill\b|\bcould\b", 0.3),
    (r"\boutcomes?\b|\bresults?\b|\bprogress\b|\bnext steps?\b|\bfollow-up\b|\bconcrete\b|\btangible\b", 0.6),
    (r"\blow expectations\b|\bfew promises\b|\blittle in the way\b", 1.0),
    (r"\b(?:little|no|slim|scant|good|real)\s+(?:\w+\s+)?(?:chance|prospect|hope|impact)s?\b", 1.0),
    (r"\bprospects?\b|\bchances?\b|\bguarantee\w*", 0.5),
    (r"\b(?:willing|ready|prepared)\s+to\b|\blook(?:s|ing)?\s+forward\b", 0.7),
    (r"\bon the verge of\b|\bclose to (?:a|an) (?:deal|agreement|accord)\b", 1.0),
    (r"\bin return\b|\breceived\b|\boffer(?:s|ed|ing)\b|\bcall(?:s|ed)? for\b", 0.5),
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

def index(patterns, norm: str, low: str | None = None) -> tuple[tuple[int, ...], ...]:
    """Start offsets of every match of each pattern in the whole text (one pass per pattern).

    ``low`` is ``lower(norm)``, computed once by the caller."""
    if low is None:
        low = lower(norm)
    return tuple(tuple(cue.starts(norm, low)) for cue, _ in patterns)


def score_at(patterns, starts, a: int, b: int) -> float:
    """Like ``score`` for text[a:b], from the precomputed ``index``."""
    total = 0.0
    for (_, w), offs in zip(patterns, starts):
        i = bisect_left(offs, a)
        if i < len(offs) and offs[i] < b:
            total += w
    return min(total, 2.0)


def score(patterns, text: str) -> tuple[float, tuple[int, ...]]:
    """Sum of the weights of the cues found (capped at 2) and where each first matches."""
    total = 0.0
    where = []
    low = lower(text)
    for cue, w in patterns:
        found = cue.starts(text, low)
        if found:
            total += w
            where.append(found[0])
    return min(total, 2.0), tuple(where)
