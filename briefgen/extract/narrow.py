"""Stage 8b: narrow each purpose, expectation and context item to the clause that makes its point.

Reads ``norm``, ``text``, ``cue_hits``, ``purpose``, ``expectations``, ``context``;
sets ``purpose``, ``expectations``, ``context`` (text and evidence narrowed together,
both still exact slices of the article).

The memo shows an item in two lines and trims the tail, so a long sentence item
("X arrived in Beijing on Sunday for what media dubbed a "visit meant to steer
relations back on course after months of tensions"") loses its point. An item
longer than ``LONG`` words is cut at clause breaks (", which", ", who", dashes,
quotation marks, "; ", ", but", a reporting verb's "that") into pieces, and the
piece carrying the strongest cue of its section is kept ("visit meant to steer
relations back on course"); a piece that only reports the next one ("an official
told reporters that") is never kept alone. Another piece with a cue of its own
becomes a second item, ranked just below (purpose and expectations only). A long
purpose item hung on its event noun starts there ("a tough mission to Washington
aimed at ..."). Any item then drops a leading connective or opener ("At the same
time,", "With", "And", "which was", "who said that") when the rest stands alone;
a piece that cannot ("where ...", "which Burns described as ...", "but said ...")
is shown with the piece before it. Narrowing chooses no new items, so it leaves
the dev-set matches as they were while the memo gains readable lines.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from briefgen.model.briefing import Item, Span
from briefgen.extract import cues
from briefgen.extract.state import State
from briefgen.extract.wordre import LazyPattern, Phrases, first_word, fold, holds_any

# Items longer than this (words) are narrowed to their cue's clause: about what two memo lines hold.
LONG = 24
# A piece shorter than this (words) is too thin to stand for the item: it takes in its neighbour.
MIN_WORDS = 6
# A piece is chosen over the whole item only on a decisive cue ("meant to", "not expected",
# "comes amid"); weak hints ("was", "crisis") do not say which clause makes the point.
DECISIVE = 0.8
# ... except for purpose, where a goal's infinitive ("to explore", "to reassure") is itself the
# clause that says why, though its cue weighs less than "aimed at".
DECISIVE_BY_SECTION = {"purpose": 0.6}
# Another clause of a narrowed item with a cue this strong is an item of its own (context, the
# catch-all, never splits), ranked a little below the first.
SECOND = {"purpose": 0.5, "expectations": 0.55}
SECOND_FACTOR = 0.9

# Verbs that report speech or belief: what follows their "that" is the point, not who said it.
_SAY_WORDS = ("said", "says", "say", "saying", "told", "telling", "tells", "stressed", "noted", "noting", "added",
              "adding", "argued", "warned", "insisted", "believes", "believe", "believed", "hinted", "confirmed",
              "announced", "indicated", "suggested", "acknowledged", "admitted", "explained", "stated",
              "reiterated", "underlined", "emphasised", "emphasized")
_SAY = "(?:" + "|".join(_SAY_WORDS) + ")"
# Where a clause ends and the next begins: the match is the gap between two pieces.
_BREAK = re.compile(
    r",\s+(?=(?:which|who|whom|whose|where|when|while|whereas|but|although|though|after|amid|"
    r"since|because|despite|according to|adding|saying|noting)\b)"
    r"|;\s+|\s+-{1,2}\s+"
    r"|\s+(?=(?:amid|despite|whereas)\s|(?:after|since) (?:months|years|weeks|decades|days) of\b|but that\b)")
# A reporting verb's complement starts after "that": "told reporters this week that he does not expect".
_THAT = re.compile(r"\sthat\s+")
_SAID_BEFORE = re.compile(r"\b" + _SAY + r"(?:\s+(?!that\b)[\w'-]+){0,5}?$")
_FRAME_REACH = 60  # characters before "that" searched for the reporting verb

# Leading words that tie a piece to what came before; dropped when what follows stands alone.
_OPENERS = ("at the same time", "however", "meanwhile", "moreover", "in addition", "and", "but", "even though",
            "although", "though", "whereas", *(f"for {who} part" for who in ("his", "her", "its", "their")))
_OPENER = LazyPattern(r"(?:(?:" + "|".join(_OPENERS) + r")\b,?\s+|(?<=but )that\s+)+", re.I)
# A subordinator is dropped only from a piece that is nothing but its clause (no comma after it):
# "when the two agreed on the visit" stands alone, "When he arrives, he will" does not.
_SUBORDINATE = re.compile(r"(?:when|while|with)\s+(?=[^,;]*$)", re.I)
# "which" with its auxiliary: "which was postponed" -> "postponed"; it must be followed by a verb
# form (not "which Burns described as ..."), and a "who" clause keeps its person unless it only
# reports: "who said that X" -> X.
_WHICH = re.compile(r"which\s+(?:(?:is|was|were|are|has|have|had|will|would)\s+(?:been\s+)?)?", re.I)
_VERBISH = LazyPattern(r"to [a-z]+\b|[a-z]+(?:ed|en|s)\b|(?:made|held|met|led|went|came|took|gave|sought|"
                      r"brought|won|struck|set|put)\b")
_REPORT = LazyPattern(r"(?:who\s+)?" + _SAY + r"(?:\s+(?!that\b)[\w'-]+){0,5}?\s+that\s+", re.I)
# The words _REPORT can open on (folded): a piece opening on another word is no report, and the
# pattern runs (and is compiled) only for one that may be.
_REPORT_OPENERS = frozenset(("who", *_SAY_WORDS))


def _report(norm: str, a: int, b: int) -> re.Match | None:
    """``_REPORT.match(norm, a, b)``."""
    return _REPORT.match(norm, a, b) if first_word(norm, a, b) in _REPORT_OPENERS else None
# After "and"/"but", a verb means the subject is in the clause before ("but said the ...").
_PREDICATE = re.compile(r"(?:said|says|told|added|is|was|were|are|has|have|had|will|would|could|can|may|"
                        r"must|should|did|does|[a-z]+ed)\b")
# A piece that cannot be read without the clause before it.
# (looked up on the folded piece: as the pattern ``(?:WORDS)\b`` with re.I matched at its start)
_DANGLES = Phrases(("where", "whom", "whose", "which", "who", "as", "after", "since", "because", "despite", "according to"))
# The words _OPENER opens on (folded): a piece opening on another runs no pattern.
_OPENER_WORDS = frozenset(p.split()[0] for p in (*_OPENERS, "that"))

# How a reporting frame ends: its verb, perhaps with "that" and a few words between.
_FRAME_END = re.compile(r"\b" + _SAY + r"(?:\s+[\w'-]+){0,5}?\s*(?:that)?\s*$")

# A goal hung on the event noun: "[X sets out on] a tough mission to Washington aimed at ...".
_GOALS = ("aimed at", "meant to", "intended to", "designed to")
_GOAL_PHRASE = LazyPattern(
    r"\b(?:a|an|the|his|her|their|its)\s+(?:[\w'-]+\s+){0,3}?(?:visit|mission|trip|tour|talks|summit|meeting)"
    r"(?:\s+to\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)?,?\s+(?:" + "|".join(_GOALS) + r")\b")

# The goal said with "in a bid to", "in an effort to", "in order to": its infinitive says why.
_BIDS = ("in a bid to", "in an effort to", "in an attempt to", "in order to")
_BID = LazyPattern(r"\bin\s+(?:a\s+bid|an\s+effort|an\s+attempt|order)\s+(?=to\s)")


def pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clause pieces of norm[start:end], cut at breaks and at quotation marks. A piece that
    ends where a quotation opens ends on a quote mark's offset (see ``_introduces``)."""
    cuts = [(m.start(), m.end()) for m in _BREAK.finditer(norm, start, end)]
    for m in _THAT.finditer(norm, start, end):
        if _SAID_BEFORE.search(norm, max(start, m.start() - _FRAME_REACH), m.start()):
            cuts.append((m.start(), m.end()))
    marks = []
    i = norm.find('"', start, end)
    while i != -1:
        marks.append(i)
        i = norm.find('"', i + 1, end)
    for k in range(0, len(marks) - 1, 2):
        op, cl = marks[k], marks[k + 1]
        closes_clause = not norm[cl + 1:end].strip(" .,") or norm[cl - 1] in ",.!?"
        if op > start and norm[op - 1].isspace() and closes_clause:
            cuts.append((op, op))  # a quotation or coined phrase that ends the clause is one
        if norm[cl - 1] in ",.!?" and norm[cl + 1:end].strip(" .,"):
            cuts.append((cl + 1, cl + 1))  # the reporting tail after a quotation is apart
    cuts.sort()
    out, at = [], start
    for e, s in cuts:
        if e > at:
            out.append((at, e))
        at = max(at, s)
    out.append((at, end))
    return [(a, b) for a, b in out if norm[a:b].strip(" ,;-\"")]


def _words(norm: str, a: int, b: int) -> int:
    return len(norm[a:b].split())


def stand_alone(norm: str, a: int, b: int) -> int | None:
    """Start of norm[a:b] without its leading connective, or None when the piece dangles."""
    for _ in range(4):
        m = _OPENER.match(norm, a, b) if first_word(norm, a, b) in _OPENER_WORDS else None
        if m:
            a = m.end()
            if _PREDICATE.match(norm, a, b):
                return None
            continue
        m = _report(norm, a, b) or _SUBORDINATE.match(norm, a, b)
        if m:
            a = m.end()
            continue
        m = _WHICH.match(norm, a, b)
        if m:
            if not _VERBISH.match(norm, m.end(), b):
                return None
            a = m.end()
            continue
        break
    if _DANGLES.end_at(fold(norm[a:b]), 0) >= 0:
        return None
    return a


def _balance(norm: str, a: int, b: int) -> tuple[int, int]:
    """Drop a lone quotation mark at either end and separators at the tail."""
    while b > a and norm[b - 1] in " ,;:-":
        b -= 1
    if norm.count('"', a, b) % 2:
        if norm[a] == '"':
            a += 1
        elif norm[b - 1] == '"':
            b -= 1
            while b > a and norm[b - 1] in " ,;:-":
                b -= 1
    return a, b


def _introduces(norm: str, parts: list[tuple[int, int]], k: int) -> bool:
    """Piece ``k`` leads into the quotation that opens the next one ("he said the talks would be")."""
    return k + 1 < len(parts) and norm[parts[k + 1][0]] == '"' and parts[k][1] == parts[k + 1][0]


def _weigh(hits: cues.Hits, a: int, b: int) -> tuple[float, float]:
    """(strongest single cue, sum of cues) in [a, b): a piece is chosen on its strongest cue,
    since several weak hints ("was", "crisis") do not say which clause makes the point."""
    lo, hi = bisect_left(hits.offsets, a), bisect_left(hits.offsets, b)
    top = max((hits.weights[k] for k in hits.cues[lo:hi]), default=0.0)
    return top, hits.score(a, b)


def _lower_quotation(norm: str, a: int, b: int) -> bool:
    """norm[a:b] is a whole quotation opening in lower case."""
    return norm[a + 1:a + 2].islower() and norm.count('"', a, b) == 2


def _frames(norm: str, parts: list[tuple[int, int]], k: int) -> bool:
    """Piece ``k`` only reports the next one ("an official was quoted as saying [that] ...")."""
    return k + 1 < len(parts) and bool(_FRAME_END.search(norm, parts[k][0], parts[k][1]))


def _grow(norm: str, parts: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """Piece ``i``, taking in the piece before it while it dangles, the quotation it introduces,
    and a neighbour while it is too thin. A whole quotation going on the sentence in lower case
    ('was an "opportunity to strengthen ties"') keeps the words that lead into it: alone it
    would be nobody's words (a coined phrase cut short, '"crucial visit meant to ...', loses
    its marks and stands as a phrase)."""
    lo, hi = i, i
    while _introduces(norm, parts, hi):
        hi += 1
    while lo > 0 and _introduces(norm, parts, lo - 1) and _lower_quotation(norm, *parts[lo]):
        lo -= 1
    while True:
        s = stand_alone(norm, parts[lo][0], parts[hi][1])
        if s is None and lo > 0:
            lo -= 1
            continue
        if s is not None and _words(norm, s, parts[hi][1]) < MIN_WORDS:
            if hi + 1 < len(parts):
                hi += 1
                continue
            if lo > 0:
                lo -= 1
                continue
        return parts[lo][0], parts[hi][1]


def _finish(norm: str, a: int, b: int) -> Span | None:
    """Drop a leading connective (when enough stands alone), lone marks and trailing commas."""
    s = stand_alone(norm, a, b)
    if s is not None and _words(norm, s, b) >= MIN_WORDS:
        a = s
    a, b = _balance(norm, a, b)
    return Span(a, b) if a < b else None


def narrow(state: State, span: Span, section: str) -> list[Span]:
    """The clause of ``span`` that carries its section's cue, without a leading connective; then
    (purpose and expectations only) any other clause of it whose own cue passes the section's
    bar ("... agreed in Bali, which was to establish regular lines of communication")."""
    norm = state.norm
    a, b = span.start, span.end
    chosen = [(a, b)]
    if _words(norm, a, b) > LONG:
        parts = pieces(norm, a, b)
        if len(parts) > 1:
            hits = state.hits(section)
            scored = [(0.0, 0.0) if _frames(norm, parts, k) else _weigh(hits, pa, pb)
                      for k, (pa, pb) in enumerate(parts)]
            best = max(scored)
            if best[0] >= DECISIVE_BY_SECTION.get(section, DECISIVE):
                i = scored.index(best)
                chosen = [_grow(norm, parts, i)]
                if section in SECOND:
                    for k, (_, total) in enumerate(scored):
                        if k != i and total >= SECOND[section]:
                            extra = _grow(norm, parts, k)
                            if all(extra[1] <= c[0] or extra[0] >= c[1] for c in chosen):
                                chosen.append(extra)
    if section == "purpose" and _words(norm, *chosen[0]) > LONG:
        goal = holds_any(norm[chosen[0][0]:chosen[0][1]], _GOALS)
        m = _GOAL_PHRASE.search(norm, *chosen[0]) if goal else None
        if m:
            chosen[0] = (m.start(), chosen[0][1])
        elif holds_any(norm[chosen[0][0]:chosen[0][1]], _BIDS) and (m := _BID.search(norm, *chosen[0])):
            chosen[0] = (m.end(), chosen[0][1])  # "... met Y in a bid to ease X": to ease X
    out = [_finish(norm, x, y) for x, y in chosen]
    out = [sp for sp in out if sp is not None]
    return out or [span]  # the first is the main clause; text order is restored by _section


def _section(state: State, items: tuple[Item, ...], section: str) -> tuple[Item, ...]:
    """Every item narrowed (a second clause ranked just below its first), in text order."""
    out: list[Item] = []
    seen: set[tuple[int, int]] = set()
    for it in items:
        if len(it.evidence) != 1:
            out.append(it)
            continue
        for k, sp in enumerate(narrow(state, it.evidence[0], section)):
            if (sp.start, sp.end) in seen:
                continue
            seen.add((sp.start, sp.end))
            if k == 0 and sp == it.evidence[0]:
                out.append(it)
                continue
            score = it.score if k == 0 else round(it.score * SECOND_FACTOR, 3)
            out.append(replace(it, text=state.text[sp.start:sp.end], evidence=(sp,), score=score))
    return tuple(sorted(out, key=lambda i: i.evidence[0].start))


def run(state: State) -> State:
    """Sets purpose, expectations, context (narrowed)."""
    return state.replace(purpose=_section(state, state.purpose, "purpose"),
                         expectations=_section(state, state.expectations, "expectations"),
                         context=_section(state, state.context, "context"))
