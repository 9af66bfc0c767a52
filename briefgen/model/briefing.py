"""The Briefing: the one contract between the parser and everything after it.

Frozen dataclasses with tuple fields, so a Briefing can be shared, hashed and
compared. Every extracted item keeps the Span(s) of its evidence in
``Article.text`` (the sanitised text, see sources/read.py) and a score used for
ranking. ``to_json`` gives the versioned JSON of ``briefgen extract --format json``
(the shape in shared/eval/GUIDELINES.md plus our own extra keys).
"""
from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = "1.0"

SECTIONS = ("purpose", "agenda", "expectations", "context", "participants", "quotes")
EVENT_KINDS = ("visit", "state-visit", "summit", "talks", "trade-talks", "peace-talks", "other")
EVENT_STATUSES = ("upcoming", "ongoing", "concluded")


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) into Article.text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"bad span {self.start}:{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        return min(self.end, other.end) > max(self.start, other.start)

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlap_share(self, other: "Span") -> float:
        """Shared characters as a share of the shorter span (the shared scorer's measure)."""
        shared = min(self.end, other.end) - max(self.start, other.start)
        return shared / min(self.end - self.start, other.end - other.start) if shared > 0 else 0.0


@dataclass(frozen=True)
class Supplied:
    """Words the memo supplies, not the article: a frame ("is visiting") or a resolved name
    ("Straw" for a leading "He"). ``stands_for`` is the article's words it replaces, if any,
    so grounding stays checkable; the memo shows supplied words in [brackets]."""

    text: str
    stands_for: Span | None = None


@dataclass(frozen=True)
class Item:
    """One finding (purpose, agenda topic, expectation, context) with its evidence.

    ``text`` is the article's words (for agenda items the short topic label
    trimmed from the source, otherwise the evidence clause itself). ``children``
    holds agenda sub-points attached to their issue. ``supplied`` replaces words
    inside the evidence for display (a leading "He" -> [Straw]), each with the
    span it stands for.
    """

    text: str
    evidence: tuple[Span, ...]
    score: float = 0.0
    children: tuple["Item", ...] = ()
    supplied: tuple[Supplied, ...] = ()


@dataclass(frozen=True)
class Participant:
    """A person the article names as taking part, with the evidence of the mention."""

    name: str
    role: str | None
    evidence: tuple[Span, ...]
    side: str | None = None  # country or body the person speaks for, where stated
    score: float = 0.0


@dataclass(frozen=True)
class Quote:
    """A verbatim quotation and who said it."""

    text: str  # verbatim content between the quotation marks
    speaker: str | None
    evidence: tuple[Span, ...]  # the quoted content (without the marks)
    speaker_role: str | None = None
    score: float = 0.0


@dataclass(frozen=True)
class DateMention:
    """A date as the article writes it, resolved where an anchor allows."""

    text: str  # as written: "on Monday", "April 27"
    iso: str | None  # resolved YYYY-MM-DD where an anchor allows, else None
    span: Span


@dataclass(frozen=True)
class Event:
    """The visit, summit or talks the article reports: who, where, what kind, when."""

    principal: str | None = None
    principal_role: str | None = None
    location: str | None = None
    kind: str | None = "other"  # None only when the article reports no event at all
    status: str | None = None
    dates: tuple[DateMention, ...] = ()
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Phrase:
    """A piece of the bottom line: wording taken from the article, with its span."""

    text: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class SourceInfo:
    """What the memo's footer says about the input; filled by sources/read.py."""

    name: str  # file name, or "<stdin>"
    sha256: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    paragraphs: int = 0
    words: int = 0
    paragraph_starts: tuple[int, ...] = ()  # offset of each paragraph, for the ¶ marks


@dataclass(frozen=True)
class Briefing:
    """Everything the parser found in one article, each item with its evidence."""

    source: SourceInfo
    subject: str
    event: Event
    bottom_line: tuple[Phrase | Supplied, ...] = ()  # in reading order
    purpose: tuple[Item, ...] = ()
    agenda: tuple[Item, ...] = ()
    expectations: tuple[Item, ...] = ()
    context: tuple[Item, ...] = ()
    participants: tuple[Participant, ...] = ()
    quotes: tuple[Quote, ...] = ()
    gaps: tuple[str, ...] = ()  # section names with nothing found in the source
    warnings: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def paragraph_of(self, offset: int) -> int:
        """1-based paragraph number holding ``offset`` (for ¶ marks)."""
        starts = self.source.paragraph_starts
        n = 0
        for i, s in enumerate(starts):
            if s <= offset:
                n = i + 1
            else:
                break
        return max(n, 1)


# --------------------------------------------------------------------------- JSON

def _span_json(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.slice(text)}


def _plain(value: Any, text: str) -> Any:
    if isinstance(value, Span):
        return _span_json(value, text)
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name), text) for f in fields(value)}
    if isinstance(value, tuple):
        return [_plain(v, text) for v in value]
    return value


def to_json(briefing: Briefing, text: str) -> dict[str, Any]:
    """The versioned JSON contract; ``text`` is Article.text, for the span texts."""
    out = _plain(briefing, text)
    out.pop("schema_version")
    source = out.pop("source")
    source.pop("paragraph_starts")
    return {"schema_version": briefing.schema_version, **out, "source": source}
