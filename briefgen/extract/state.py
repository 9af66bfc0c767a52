"""The state handed from stage to stage: one frozen record, replaced, never mutated.

Each stage is ``run(state) -> state``; it reads some fields and sets others
(its docstring says which) and returns ``state.replace(...)``. Offsets everywhere are
into ``Article.text``; ``norm`` is a same-length copy with typographic variants folded
(curly quotes, dashes, no-break spaces) so that patterns stay simple and spans stay exact.

These records live only inside the extractor, so they are not dataclasses: a frozen
dataclass writes and compiles half a dozen methods when its module is imported (about
1 ms each record, ~4 ms for State's forty fields), and ``briefgen`` runs as a fresh
process. The small records are ``NamedTuple``s (immutable, compared and hashed by value,
created in a fraction of that time); State is a plain class with its own ``replace``.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from datetime import date
from typing import NamedTuple

from briefgen.model.briefing import Briefing, DateMention, Event, Item, Participant, Phrase, Quote, Span
from briefgen.model.article import Article
from briefgen.extract.cues import Hits


class Paragraph(NamedTuple):
    start: int
    end: int
    index: int  # 0-based among body paragraphs


class Sentence(NamedTuple):
    start: int
    end: int
    para: int  # index of its Paragraph
    index: int  # 0-based among body sentences
    caption: bool = False  # photo caption or heading: not prose


class Person(NamedTuple):
    """One real-world person, after merging every way the article names them."""

    key: int
    name: str  # fullest form written, e.g. "Antony Blinken"
    role: str | None  # role as written nearest the name
    role_span: Span | None
    first: Span  # first full mention
    surnames: tuple[str, ...]  # short forms that refer back ("Blinken", "Xi")
    historic: bool = False  # "then-", "former", "late": not taking part

    def with_role(self, role: str, span: Span) -> Person:
        return Person(self.key, self.name, role, span, self.first, self.surnames, self.historic)


class Mention(NamedTuple):
    person: int  # Person.key
    start: int
    end: int
    kind: str  # "name" | "short" | "title" | "pronoun" | "nominal"


class QuoteFound(NamedTuple):
    start: int  # content start (inside the marks)
    end: int
    sentence: int
    speaker: str | None
    person: int | None
    verb_span: Span | None = None

    def with_speaker(self, speaker: str | None, person: int | None) -> QuoteFound:
        return QuoteFound(self.start, self.end, self.sentence, speaker, person, self.verb_span)


class Candidate(NamedTuple):
    """A clause scored against the section cue lexicons."""

    start: int
    end: int
    sentence: int
    scores: tuple[tuple[str, float], ...]  # (section, score): cue weights, position left out
    position: float = 1.0  # 1.0 for the lead, falling to 0.5 for the last body sentence

    def score(self, section: str) -> float:
        return dict(self.scores).get(section, 0.0)


class State:
    """The fields below with their defaults (class attributes: a field a stage has not set
    reads as its default). Frozen: stages hand on ``replace``'s copy."""

    article: Article
    today: date | None = None
    text: str = ""
    norm: str = ""
    metadata: tuple[Span, ...] = ()
    dateline: Span | None = None
    dateline_place: str | None = None
    dateline_date: Span | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    quoted: tuple[tuple[int, int, bool], ...] = ()  # quotation contents: (start, end, runs on)
    people: tuple[Person, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[QuoteFound, ...] = ()
    event: Event = Event()
    principal_key: int | None = None
    candidates: tuple[Candidate, ...] = ()
    cue_hits: tuple[tuple[str, Hits], ...] = ()  # (section, every cue match of its lexicon)
    model: object | None = None  # ranker.Model to use; None: the shipped weights
    features: tuple[dict[str, float], ...] = ()  # per candidate (features.py), set by rank
    probs: tuple[tuple[tuple[str, float], ...], ...] = ()  # per candidate: (section, ranker probability)
    purpose: tuple[Item, ...] = ()
    agenda: tuple[Item, ...] = ()
    expectations: tuple[Item, ...] = ()
    context: tuple[Item, ...] = ()
    participants: tuple[Participant, ...] = ()
    quote_items: tuple[Quote, ...] = ()
    subject: str = ""
    bottom_line: tuple[Phrase, ...] = ()
    gaps: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    briefing: Briefing | None = None

    def __init__(self, article: Article, **fields) -> None:
        unknown = fields.keys() - _FIELDS
        if unknown:
            raise TypeError(f"State has no field {sorted(unknown)[0]!r}")
        values = self.__dict__
        values["article"] = article
        values.update(fields)

    def replace(self, **changes) -> State:
        """A copy with ``changes`` (field names and new values), as ``dataclasses.replace``."""
        values = {k: v for k, v in self.__dict__.items() if k in _FIELDS}
        values.update(changes)
        return State(**values)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"State is frozen: use state.replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("State is frozen")

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def hits(self, section: str) -> Hits:
        return dict(self.cue_hits)[section]

    def person(self, key: int | None) -> Person | None:
        if key is None:
            return None
        for p in self.people:
            if p.key == key:
                return p
        return None


_FIELDS = frozenset(State.__annotations__)


__all__ = ["State", "Paragraph", "Sentence", "Person", "Mention", "QuoteFound", "Candidate",
           "DateMention", "Event", "Item", "Participant", "Phrase", "Quote", "Span"]
