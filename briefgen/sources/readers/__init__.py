"""One reader per input format: raw bytes in, a ``Draft`` out.

A reader decodes and converts its format to plain text (paragraphs separated
by blank lines) and returns whatever metadata the format carries. It does not
sanitise, check size budgets or find datelines: ``briefgen.sources.read`` does that
once for every format, on the text the reader produced.

Readers are imported lazily (``reader_for``), so reading a .txt file never
imports lxml, trafilatura, python-docx or markdown-it.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple


# A NamedTuple rather than a frozen dataclass: as immutable and compared by value, but without
# the methods a dataclass generates (and compiles) at import, about 1 ms of every start.
class Draft(NamedTuple):
    """What a reader found, before sanitising.

    ``title_first``: the reader put the title as the first line of ``text``
    (formats whose title is structural: a heading, <title>, core properties),
    so it is recorded as a metadata span without guessing. ``counts``: a reader
    that had to sanitise its source markup (HTML) passes the counts on, so the
    warnings add up to one per class.
    """

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    encoding: str | None = None
    title_first: bool = False
    counts: tuple[tuple[str, int], ...] = ()  # sanitize() counts of a reader that sanitised its markup
    date_from: str = "the page's metadata"  # where ``date`` came from, for --verbose
    date_note: str | None = None  # why the format's own date was not used, for --verbose


Reader = Callable[..., Draft]  # read(raw: bytes, *, encoding: str | None, limits: Limits) -> Draft

TITLE_MAX = 300  # longer is not a title (sanitize.clean_field drops it too)

_MODULES = {"txt": "txt", "md": "markdown", "html": "html", "docx": "docx"}


def reader_for(fmt: str) -> Reader:
    module = importlib.import_module(f"{__name__}.{_MODULES[fmt]}")
    return module.read


def with_title(title: str | None, paragraphs: list[str]) -> tuple[str, bool]:
    """Join paragraphs with blank lines, the title first (once) when known."""
    paragraphs = [p for p in paragraphs if p.strip()]
    if title and len(title) <= TITLE_MAX:
        if paragraphs and " ".join(paragraphs[0].split()) == title:
            paragraphs = paragraphs[1:]
        return "\n\n".join([title, *paragraphs]), True
    return "\n\n".join(paragraphs), False
