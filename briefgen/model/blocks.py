"""The memo as a tree of blocks: what compose.py builds and every renderer draws.

A closed vocabulary (the XML a template renders must use exactly these
elements, see compose.py). Renderers are one ``match`` over these types, so a
new block type fails loudly in each renderer until it is handled. Text in
blocks is plain: each renderer escapes it for its own markup.

Fitting (layout/fit.py) drops whole ``Entry`` objects; each carries the section it
belongs to, its position there and its extraction score, and whether it may be
dropped at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style: ``plain``, ``bold``, ``italic`` or ``mark``
    (the light-grey paragraph marks such as "¶3"). ``supplied``: words the memo supplies,
    not the article's; their text already carries the [brackets], so renderers need nothing."""

    text: str
    style: str = "plain"
    supplied: bool = False


@dataclass(frozen=True)
class Entry:
    """One droppable line of content: a bullet, a quote, a paragraph of prose.

    ``marks`` are the 1-based article paragraphs of its evidence (¶ marks);
    ``children`` are sub-points (agenda details) drawn indented under it.
    """

    runs: tuple[Run, ...]
    marks: tuple[int, ...] = ()
    section: str = ""
    index: int = 0  # position within its section, 0-based
    score: float = 0.0
    droppable: bool = True
    children: tuple["Entry", ...] = ()
    attribution: tuple[Run, ...] = ()  # quotes: "- Antony Blinken, US Secretary of State"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Banner:
    """Handling marking, e.g. UNCLASSIFIED, drawn centred at top and bottom."""

    text: str
    colour: str | None = None  # "#RRGGBB"; None means the body colour


@dataclass(frozen=True)
class Field:
    """One row of the header block: a label and its value."""

    label: str  # "TO", "FROM", "DATE", "SUBJECT"
    value: str


@dataclass(frozen=True)
class HeaderFields:
    """The header block: the title, then the TO / FROM / DATE / SUBJECT rows."""

    title: str  # "MEMORANDUM"
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Para:
    """Prose under a section label (bottom line, gaps line)."""

    entry: Entry


@dataclass(frozen=True)
class Bullets:
    """A list of entries, one bullet each."""

    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Quotes:
    """Key quotations, each entry with its attribution."""

    entries: tuple[Entry, ...]  # runs = the quotation, attribution = speaker, role


@dataclass(frozen=True)
class Section:
    """A labelled part of the memo: BOTTOM LINE, PURPOSE, AGENDA ...

    ``key`` is the stable name (``purpose``); ``label`` what is printed. A section
    whose body becomes empty after fitting is not drawn.
    """

    key: str
    label: str
    body: tuple[Union[Para, Bullets, Quotes], ...]


@dataclass(frozen=True)
class Rule:
    """A thin horizontal rule (under the header, above the footer)."""


@dataclass(frozen=True)
class Footer:
    """The source lines at the foot of the page, with the page label."""

    lines: tuple[tuple[Run, ...], ...]
    page_label: str = "Page 1 of 1"


Block = Union[Banner, HeaderFields, Section, Rule, Footer]


@dataclass(frozen=True)
class MemoMeta:
    """Document metadata, written identically into the PDF and the DOCX."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    language: str = "en"
    created: str = ""  # ISO 8601 timestamp, fixed for reproducible output


@dataclass(frozen=True)
class Memo:
    """The composed memo: its metadata and its blocks in page order."""

    meta: MemoMeta
    blocks: tuple[Block, ...]

    def entries(self) -> list[Entry]:
        """Every entry in reading order (children after their parent)."""
        out: list[Entry] = []

        def walk(e: Entry) -> None:
            out.append(e)
            for c in e.children:
                walk(c)

        for b in self.blocks:
            if isinstance(b, Section):
                for part in b.body:
                    match part:
                        case Para(entry=e):
                            walk(e)
                        case Bullets(entries=es) | Quotes(entries=es):
                            for e in es:
                                walk(e)
        return out


__all__ = [
    "Run", "Entry", "Banner", "Field", "HeaderFields", "Para", "Bullets", "Quotes",
    "Section", "Rule", "Footer", "Block", "MemoMeta", "Memo",
]
