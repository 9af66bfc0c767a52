"""The Article: the sanitised text of one input plus its metadata. Every span in briefgen
indexes ``Article.text``."""
from __future__ import annotations

from dataclasses import dataclass

from briefgen.model.briefing import Span


@dataclass(frozen=True)
class Article:
    """One input article: its sanitised text, where it came from and what reading it found."""

    text: str
    origin: str  # file name as given, or "<stdin>"
    sha256: str  # of the raw input bytes
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None  # ISO date where known
    url: str | None = None
    metadata_spans: tuple[Span, ...] = ()  # title line, byline, dateline, slugs: not body
    warnings: tuple[str, ...] = ()
    input_format: str = "txt"
    encoding: str | None = None  # codec the text was decoded with (None for .docx)
    notes: tuple[str, ...] = ()  # how the reader decided (which date it used ...), for --verbose

