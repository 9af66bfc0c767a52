"""Weighted cue lexicons for the clause sections of a briefing (purpose, expectations, context).

Agenda topics are found by the agenda stage's own trigger patterns.

Each entry is (pattern, weight). Weights near 1.0 are cues an analyst would
call decisive ("aimed at", "not expected", "comes amid"); lower weights are
hints that need support from another cue or from position.
"""
from __future__ import annotations

import re

from bisect import bisect_left



# What nests or splits a pattern, and escapes (skipped whole): the characters ``_depths`` walks.
_SYNTAX = re.compile(r"\\.|[()\[\]|]", re.S)


def _depths(p: str):
    """(index, char, nesting depth after it) for each parenthesis, bracket and bar of a pattern
    outside an escape; brackets and parentheses count alike. Only these characters change the
    depth, so the scan leaves the others to the regex engine (cues are analysed at import)."""
    depth = 0
    for m in _SYNTAX.finditer(p):
        ch = m.group()
        if len(ch) == 1:
            depth += (ch in "([") - (ch in ")]")
            yield m.start(), ch, depth


def _top_alternatives(p: str) -> list[str]:
    """"a|(?:b|c)|d" -> ["a", "(?:b|c)", "d"]."""
    if "|" not in p:
        return [p]
    cuts = [i for i, ch, depth in _depths(p) if ch == "|" and depth == 0]
    return [p[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(p)])]


def _group_end(p: str) -> int:
    """Index just past the group that opens the pattern (``p`` opens on "(")."""
    return next((i + 1 for i, ch, depth in _depths(p) if depth == 0), len(p))


def distribute(alt: str, depth: int = 3) -> list[str]:
    """"(?:a|b)rest" -> ["arest", "brest"]: alternatives that each open on a literal let the
    regex engine skip ahead on a set of first letters (about three times faster)."""
    if depth == 0 or not alt.startswith("(?:"):
        return [alt]
    end = _group_end(alt)
    if end < len(alt) and alt[end] in "?*+{":
        return [alt]  # "(?:un)?likely": the group is optional
    rest = alt[end:]
    return [d for inner in _top_alternatives(alt[3:end - 1]) for d in distribute(inner + rest, depth - 1)]


def _opens_on_letters(alt: str) -> bool:
    """"(?:meant|intended)\\s+to ...": a lone pattern opening on a group whose alternatives
    each open on a letter. The regex engine takes its set of first letters without
    ``distribute``, which would copy the rest of the pattern once per alternative (a long
    pattern is slow to compile, and start-up time matters)."""
    if not alt.startswith("(?:"):
        return False
    end = _group_end(alt)
    if end < len(alt) and alt[end] in "?*+{":
        return False
    return all(a[:1].isalpha() for a in _top_alternatives(alt[3:end - 1]))


_PREFIX_RUN = re.compile("[a-z0-9 ]*")


def _literal_prefix(alt: str) -> str:
    """The letters, digits and spaces every match of ``alt`` opens with ("seeks?\\s+to" -> "seek",
    "in order to" -> "in order to"), or "" where it opens on anything else (a group, a class, an
    escape, a look-ahead). A longer prefix leaves fewer candidates: "in order to" is looked for
    where "in order to" is, not at every "in", and is compiled only for a text that holds it."""
    n = _PREFIX_RUN.match(alt).end()
    if n < len(alt) and alt[n] in "?*+{":
        n -= 1  # the last letter is optional or repeated
    return alt[:n]


def _prefixes(spread: list[str]) -> tuple[str, ...] | None:
    """The literal prefixes of a cue's alternatives (leading groups spread out as text by
    ``distribute``, never compiled), or None when one of them opens on no literal."""
    out = []
    for alt in spread:
        prefix = _literal_prefix(alt)
        if not prefix:
            return None
        out.append(prefix)
    return tuple(dict.fromkeys(out))


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")  # what _PREFIX_RUN takes


def _plain_words(spread: list[str]) -> tuple[str, ...] | None:
    """The phrases of a cue written as plain words ("\\bsince\\b", "\\b(?:a|the) chance to\\b"
    -> ("since",), ("a chance to", "the chance to")), in the pattern's order, or None when an
    alternative (spread out by ``distribute``) is anything else. Such a cue is matched by
    ``str.startswith`` at its candidates and never compiled."""
    out = []
    for alt in spread:
        phrase = alt[:-2]
        if not (alt.endswith("\\b") and phrase[:1].isalnum() and phrase[-1:].isalnum() and set(phrase) <= _PLAIN):
            return None
        out.append(phrase)
    return tuple(out)


_WORD = re.compile(r"\w+")
_index_memo: tuple[str, dict[str, list[int]]] | None = None


def _word_starts(low: str) -> dict[str, list[int]]:
    """Where the words of ``low`` start, by their first character and by their first two
    (ascending offsets). A match of a cue opening on ``\\b`` and a letter starts a word, so
    the words opening on a cue's prefix are its only candidates: one look-up instead of a
    regex scan of the whole text per cue. Built once per text (the last one is kept: every
    lexicon and feature scans the same text)."""
    global _index_memo
    memo = _index_memo
    if memo is not None and (memo[0] is low or memo[0] == low):
        return memo[1]
    index: dict[str, list[int]] = {}
    for m in _WORD.finditer(low):
        s = m.start()
        word = m.group()
        index.setdefault(word[0], []).append(s)
        if len(word) > 1:
            index.setdefault(word[:2], []).append(s)
    _index_memo = (low, index)
    return index


class Cue:
    """One cue, matched as ``finditer`` with its pattern (on ``lower(norm)`` without re.I,
    which is faster and gives the same offsets for ASCII cue words).

    Speed matters twice: start-up (``briefgen extract`` is a fresh process, and compiling a
    long pattern costs milliseconds) and the scan (every cue looks at the whole article).
    A cue whose alternatives each open on ``\\b`` and a literal word start ("\\bseeks?\\s+to",
    "\\b(?:meant|intended)\\s+to") is matched by look-up: the words that open on one of its
    prefixes (``_word_starts``) are its only candidates, and its pattern, compiled on first
    use (a cue with no candidate in a text is never compiled), is tried there alone.
    A cue written as plain words ("\\bsince\\b", "\\b(?:a|the) chance to\\b") needs no pattern at all
    (``words``): a phrase at a candidate followed by a word boundary is a match.
    Any other cue is searched for by the regex engine, with a leading ``\\b`` checked in
    Python and a leading group spread over the alternatives (``distribute``), which lets
    the engine skip ahead on a set of first letters."""

    __slots__ = ("source", "cased", "boundary", "prefixes", "words", "_keys", "_pattern", "_flags", "_rx")

    def __init__(self, pattern: str):
        self.source = pattern
        self.cased = "(?-i:" in pattern
        alts = _top_alternatives(pattern)
        self.boundary = not self.cased and all(a.startswith(r"\b") for a in alts)
        self.prefixes = None
        self.words = None
        self._flags = re.I if self.cased else 0
        self._rx = None
        if self.boundary:
            bodies = [a[2:] for a in alts]
            spread = [d for b in bodies for d in distribute(b)]  # spread once: prefixes, words, pattern
            self.prefixes = _prefixes(spread)
            if self.prefixes is not None:
                self.words = _plain_words(spread)
                # the index key of each prefix: a word's first two characters, or its first alone
                self._keys = tuple((prefix.split(" ", 1)[0][:2], prefix) for prefix in self.prefixes)
            if self.prefixes is not None or (len(bodies) == 1 and _opens_on_letters(bodies[0])):
                pattern = "|".join(bodies)  # matched at candidates, or the engine finds the first letters itself
            else:
                pattern = "|".join(spread)
        self._pattern = pattern

    @property
    def rx(self) -> re.Pattern:
        """The compiled pattern (without a leading ``\\b`` where ``boundary``)."""
        if self._rx is None:
            self._rx = re.compile(self._pattern, self._flags)
        return self._rx

    def starts(self, norm: str, low: str, a: int = 0, b: int | None = None) -> list[int]:
        """Start offsets of the matches in [a, b), as ``finditer`` with the original pattern."""
        text = norm if self.cased else low
        end = len(text) if b is None else b
        if self.prefixes is not None:
            return self._looked_up(low, a, end)
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

    def _looked_up(self, low: str, a: int, end: int) -> list[int]:
        """``starts`` by look-up: the pattern tried where a word opens on one of the prefixes."""
        index = _word_starts(low)
        whole = a == 0 and end == len(low)  # the common call: every lexicon and mark over the text
        found: list[int] = []
        for key, prefix in self._keys:
            starts = index.get(key)
            if not starts:
                continue
            if prefix != key:
                starts = [s for s in starts if low.startswith(prefix, s)]
            found += starts if whole else [s for s in starts if a <= s < end]
        if not found:
            return []
        if len(self.prefixes) > 1:
            found = sorted(set(found))
        if self.words is not None:
            return self._plain(low, found, a, end)
        out = []
        pos = a
        match = self.rx.match
        for s in found:
            if s < pos:
                continue
            m = match(low, s, end)
            if m is not None:
                out.append(s)
                pos = m.end()
        return out


    def _plain(self, low: str, found: list[int], a: int, end: int) -> list[int]:
        """``_looked_up``'s matching for a cue of plain words: the first of its phrases (in the
        pattern's order, as an alternation tries them) that opens at a candidate and ends on a
        word boundary (``end`` read as the end of the text, as ``match`` reads ``endpos``)."""
        out = []
        pos = a
        for s in found:
            if s < pos:
                continue
            for w in self.words:
                e = s + len(w)
                if low.startswith(w, s, end) and (e >= end or not (low[e].isalnum() or low[e] == "_")):
                    out.append(s)
                    pos = e
                    break
        return out


def _compile(entries: list[tuple[str, float]]) -> tuple[tuple[Cue, float], ...]:
    return tuple((Cue(p), w) for p, w in entries)


# Spelled out rather than taken from `string`, whose import compiles a regex (start-up time).
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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
    (r"\bto (?:[a-z]+ly\s+)?(?:discuss|explore|resume|establish|strengthen|boost|improve|promote|restore|resolve|secure|"
     r"defuse|build|expand|deepen|review|bolster|reduce|open|win|seek|press|push|lobby|accelerate|"
     r"carry forward|reform|resurrect|revive|end|cut|steer|bring|send|usher|find|lay|pave|forge|finali[sz]e|"
     r"head off|demonstrate|get|enhance|expand|accelerate)\b", 0.6),
    (r"\bpress(?:ing|es|ed)?\s+(?:\w+\s+){0,3}(?:to|for)\b", 0.6),
    (r"\bto help\b", 0.4),
    (r"\bhop(?:e|es|ed|ing) to\b", 0.5),
    # a visit's business: "arrived ... for talks with", "to attend the meeting of ..."
    (r"\bfor (?:[a-z-]+\s+)?(?:talks|meetings?|discussions|consultations|negotiations)\b|\bfor a meeting\b"
     r"|\bto attend\b", 0.6),
    (r"\b(?:try|tries|trying|tried) to\b|\bas a way to\b|\b(?:pave|paving|open|opening) the way\b", 0.6),
    (r"\bto (?:reassure|reaffirm|underline|underscore|signal|show|highlight|advocate|promote)\b", 0.5),
    # a trip's stated reason, and goals of diplomacy: "the reason for the trip", "to cement ties"
    (r"\breasons? for (?:the|this|his|her|their) (?:trip|visit|meeting|talks|summit|tour)\b", 1.0),
    (r"\bto (?:reinforce|cement|celebrate|consult|advance|mend|repair|solidify)\b", 0.6),
    # the event as the subject of its goal ("the visit will celebrate ...", "the trip would
    # reaffirm ..."), and the occasion it offers ("an opportunity to develop a work plan")
    (r"\b(?:visit|trip|tour|talks|summit|meeting)\s+(?:will|would|should)\s+(?:also\s+|further\s+|\w+ly\s+)?(?:help\s+)?"
     r"(?:reaffirm|celebrate|cement|strengthen|deepen|boost|advance|reinforce|renew|restore|improve|"
     r"underline|underscore|highlight|focus|build|pave|open|seek|mark|showcase)\b", 0.8),
    (r"\b(?:an|the) opportunity to\b", 0.5),
    # the same said otherwise: "a chance to deepen", "the visit will give fresh momentum to", and
    # a side's wish: "India is keen to avoid"
    (r"\b(?:a|the) chance to\b", 0.5),
    (r"\b(?:visit|trip|tour|talks|summit|meeting)\s+(?:will|would|should|is\s+expected\s+to)\s+(?:also\s+)?"
     r"(?:give|inject|lend|add|provide)\s+(?:[\w-]+\s+){0,2}?(?:momentum|impetus|boost)\b", 0.8),
    (r"\b(?:is|are|was|were)\s+(?:keen|eager|anxious)\s+to\b", 0.5),
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
    (r"\bwould\b|\bcould\b", 0.3),
    # The future tense of a clause about the event is what it will bring ("will be delayed").
    (r"\bwill\b|\bwon't\b", 0.6),
    (r"\boutcomes?\b|\bresults?\b|\bprogress\b|\bnext steps?\b|\bfollow-up\b|\bconcrete\b|\btangible\b", 0.6),
    (r"\blow expectations\b|\bfew promises\b|\blittle in the way\b", 1.0),
    (r"\b(?:little|no|slim|scant|good|real)\s+(?:\w+\s+)?(?:chance|prospect|hope|impact)s?\b", 1.0),
    (r"\bprospects?\b|\bchances?\b|\bguarantee\w*", 0.5),
    (r"\b(?:willing|ready|prepared)\s+to\b|\blook(?:s|ing)?\s+forward\b", 0.7),
    (r"\bon the verge of\b|\bclose to (?:a|an) (?:deal|agreement|accord)\b", 1.0),
    (r"\bin return\b|\breceived\b|\boffer(?:s|ed|ing)\b|\bcall(?:s|ed)? for\b", 0.5),
    (r"\bveto\b|\breject\w*|\brefus\w+|\bnot for negotiation\b", 0.5),
    # what stands in the way, and what is scheduled next
    (r"\blikelihood\b|\bobstacles?\b|\bhurdles?\b|\bsticking points?\b|\bstumbling blocks?\b|\bdoubts?\b", 0.7),
    (r"\b(?:is|are|was|were) (?:scheduled|due|set) to\b|\bnext round\b", 0.6),
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

class Hits:
    """Every cue match of one lexicon in the whole text (one scan per cue), sorted by
    offset, so that scoring a clause is one bisection rather than one per cue."""

    __slots__ = ("offsets", "cues", "weights")

    def __init__(self, patterns, norm: str, low: str):
        """``low`` is ``lower(norm)``, computed once by the caller."""
        pairs = sorted((o, k) for k, (cue, _) in enumerate(patterns) for o in cue.starts(norm, low))
        self.offsets = [o for o, _ in pairs]
        self.cues = [k for _, k in pairs]
        self.weights = [w for _, w in patterns]

    def score(self, a: int, b: int) -> float:
        """Sum of the weights of the cues matching in text[a:b] (each cue once), capped at 2."""
        lo, hi = bisect_left(self.offsets, a), bisect_left(self.offsets, b)
        return min(sum(self.weights[k] for k in set(self.cues[lo:hi])), 2.0)
