"""Stage 9: subject line, bottom line up front, and gaps.

Reads ``event``, ``people``, ``principal_key``, ``purpose``, ``expectations``,
``agenda``, ``participants``, ``quote_items``, ``text``; sets ``subject``,
``bottom_line``, ``gaps``.

The subject is built from the event ("Secretary of State Antony Blinken's
visit to Beijing"); the bottom line is a short sequence of Phrases, each a
slice of the article (who, where, why, what is expected), none overlapping
another, so nothing in it is invented or said twice.
"""
from __future__ import annotations

import re
from dataclasses import replace

from briefgen.model.briefing import Phrase, Span
from briefgen.extract import cues
from briefgen.extract.state import State

_KIND_NOUN = {
    "visit": ("visit", "to"), "state-visit": ("state visit", "to"), "summit": ("summit", "in"),
    "talks": ("talks", "in"), "trade-talks": ("trade talks", "in"), "peace-talks": ("peace talks", "in"),
    "other": ("meeting", "in"),
}
_SECTIONS = ("purpose", "agenda", "expectations", "context", "participants", "quotes")


def subject(principal: str | None, role: str | None, kind: str, location: str | None) -> str:
    noun, prep = _KIND_NOUN.get(kind, ("meeting", "in"))
    who = principal or ""
    if role and principal and len(role.split()) <= 5 and role[:1].isupper():
        who = f"{role} {principal}"
    if who:
        head = f"{who}'s {noun}" if not who.endswith("s") else f"{who}' {noun}"
        if principal and " and " in principal:
            head = f"{noun.capitalize()} between {principal}"
    else:
        head = noun.capitalize()
    if location:
        return f"{head} {prep} {location}"
    return head


# Discourse openers that tie a clause to the one before it; a bottom line starts without them.
_OPENER = re.compile(r"(?:(?:at the same time|however|meanwhile|but|and|also|still|yet|moreover|with|while|"
                     r"in addition|separately|for his part|for her part|for their part|"
                     r"according to [^,.;\"]{1,60},),?\s+)+", re.I)
_WHERE_REACH = 80
# Between the name and the place: a short verb phrase with no clause break, ending on a
# preposition ("arrived in", "will travel to", "is on a visit to").
_TO_PLACE = re.compile(r"(?:\s+(?!(?:that|said|says|told|who|which)\b)[\w'-]+){1,7}\s+(?:in|to|at|into)\s+(?:the\s+)?")
# Where the cue's clause ends: a new clause ("after months of", ", which", " amid", "; ").
_CORE_END = re.compile(r",\s+(?:which|while|but|although|as|after|amid|since|because|according)\b|"
                       r"\s+(?:after|since) (?:months|years|weeks|decades|days) of\b|\s+(?:amid|despite)\s|"
                       r";\s|\s-{1,2}\s")
_CORE_MIN_WORDS = 5  # chars from the principal's name to the place, for a "who ... where" phrase


def _trim(norm: str, span: Span) -> Span:
    """The span without a leading discourse opener ("At the same time, officials ...")."""
    m = _OPENER.match(norm, span.start, span.end)
    if m and m.end() < span.end:
        return Span(m.end(), span.end)
    return span


def _who(state: State) -> Span | None:
    """Role + name of the principal ("US Secretary of State Antony Blinken"), reaching on to the
    place when it follows in the same sentence ("... arrived in Beijing")."""
    person = state.person(state.principal_key)
    if person is None:
        return state.event.evidence[0] if state.event.evidence else None
    span = person.first
    if person.role_span is not None and person.role_span.end <= span.start and \
            span.start - person.role_span.end <= 2:
        span = Span(person.role_span.start, span.end)
    place = state.event.location
    sent = state.sentence_at(person.first.start)
    if place and sent is not None:
        at = state.norm.find(place, person.first.end, min(sent.end, person.first.end + _WHERE_REACH))
        if at != -1 and _TO_PLACE.fullmatch(state.norm, person.first.end, at):
            span = Span(span.start, at + len(place))
    return span


def core(state: State, span: Span, section) -> Span:
    """The part of a clause that carries its cue: from the last quotation mark before the first
    cue (a coined phrase starts there) to the next clause joint or mark after it. "... for what
    media dubbed a "high-stakes visit meant to steer relations back on course after months of
    tensions"" -> "high-stakes visit meant to steer relations back on course"."""
    norm = state.norm
    low = cues.lower(norm[span.start:span.end])
    hits = [o for cue, _ in section for o in cue.starts(norm[span.start:span.end], low)]
    if not hits:
        return span
    cue_at = span.start + min(hits)
    start = norm.rfind('"', span.start, cue_at)
    end = span.end
    quoted = start != -1 and norm.count('"', span.start, start) % 2 == 0
    close = norm.find('"', cue_at, span.end) if quoted else -1
    if quoted:
        # the cue lies inside a quotation: the phrase runs to its closing mark
        if close != -1:
            end = close
        start += 1
    else:
        start = span.start
    joint = _CORE_END.search(norm, cue_at, end)
    if joint:
        end = joint.start()
    elif quoted and close != -1:
        # a whole quotation keeps its marks, so the memo never shows speech as narration
        start, end = start - 1, close + 1
    while end > start and norm[end - 1] in " ,;.":
        end -= 1
    return Span(start, end) if len(norm[start:end].split()) >= _CORE_MIN_WORDS else span


def bottom_line(state: State) -> tuple[Phrase, ...]:
    """Who (+ where), why, what is expected: the core of the best purpose and expectation
    items. No phrase
    overlaps another; a phrase that holds an earlier one takes its place ("Blinken arrived in
    Beijing ... meant to steer relations" replaces "Blinken")."""
    wanted: list[Span] = []
    who = _who(state)
    if who is not None:
        wanted.append(who)
    for items, lexicon in ((state.purpose, cues.PURPOSE), (state.expectations, cues.EXPECT)):
        if items:
            best = max(items, key=lambda i: (i.score, -i.evidence[0].start))
            wanted.append(_trim(state.norm, core(state, best.evidence[0], lexicon)))
    chosen: list[Span] = []
    for sp in wanted:
        clash = [c for c in chosen if sp.overlaps(c)]
        if not clash:
            chosen.append(sp)
        elif all(sp.contains(c) for c in clash):
            at = chosen.index(clash[0])
            chosen = [c for c in chosen if c not in clash]
            chosen.insert(at, sp)
    return tuple(Phrase(text=state.text[sp.start:sp.end], evidence=(sp,)) for sp in chosen)


def run(state: State) -> State:
    """Sets subject, bottom_line, gaps."""
    ev = state.event
    subj = subject(ev.principal, ev.principal_role, ev.kind, ev.location)
    if ev.kind is None:  # no event reported (event.py warns): the headline, never a "meeting"
        head = state.text[state.metadata[0].start:state.metadata[0].end] if state.metadata else ""
        subj = " ".join((state.article.title or head).split()) or subj
    bottom = bottom_line(state)
    found = {"purpose": state.purpose, "agenda": state.agenda, "expectations": state.expectations,
             "context": state.context, "participants": state.participants, "quotes": state.quote_items}
    gaps = tuple(s for s in _SECTIONS if not found[s])
    return replace(state, subject=subj, bottom_line=bottom, gaps=gaps)
