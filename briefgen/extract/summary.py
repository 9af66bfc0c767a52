"""Stage 9: subject line, bottom line up front, and gaps.

Reads ``event``, ``people``, ``principal_key``, ``purpose``, ``expectations``,
``agenda``, ``participants``, ``quote_items``, ``text``; sets ``subject``,
``bottom_line``, ``gaps``.

The subject is built from the event ("Secretary of State Antony Blinken's
visit to Beijing"); the bottom line is a short sequence of Phrases, each a
slice of the article (who, where, why, what is expected), so nothing in it
is invented.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Phrase, Span
from .state import State

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


def _phrase(text: str, span: Span | None) -> Phrase | None:
    if span is None:
        return None
    return Phrase(text=text[span.start:span.end], evidence=(span,))


def run(state: State) -> State:
    """Sets subject, bottom_line, gaps."""
    ev = state.event
    subj = subject(ev.principal, ev.principal_role, ev.kind, ev.location)
    phrases = []
    person = state.person(state.principal_key)
    if person is not None:
        span = person.first
        if person.role_span is not None and person.role_span.end <= person.first.start and \
                person.first.start - person.role_span.end <= 2:
            span = Span(person.role_span.start, person.first.end)
        phrases.append(_phrase(state.text, span))
    elif ev.evidence:
        phrases.append(_phrase(state.text, ev.evidence[0]))
    for section in (state.purpose, state.expectations):
        if section:
            best = max(section, key=lambda i: i.score)
            phrases.append(_phrase(state.text, best.evidence[0]))
    bottom = tuple(p for p in phrases if p is not None)
    found = {"purpose": state.purpose, "agenda": state.agenda, "expectations": state.expectations,
             "context": state.context, "participants": state.participants, "quotes": state.quote_items}
    gaps = tuple(s for s in _SECTIONS if not found[s])
    return replace(state, subject=subj, bottom_line=bottom, gaps=gaps)
