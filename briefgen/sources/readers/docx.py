"""Word .docx: a zip pre-check, then python-docx for paragraphs and core properties.

Before python-docx sees the file, the archive itself is checked against the
budgets in ``Limits``: number of parts, declared uncompressed total,
compression ratio of each part over 64 KiB, no encrypted parts, and no
``<!DOCTYPE`` or ``<!ENTITY`` in any part (read in full, within the declared
size that zipfile enforces), so entity expansion and external entities never
reach an XML parser. python-docx's own parser has entity resolution off too.

Output: the body's paragraphs and table cells in document order, one per
paragraph, blank lines between; the title (core properties, else the first
Title-styled paragraph, else a leading heading) first. Headers, footers,
comments and images are not article text. The Word file's author fills
Article.author (python-docx's template defaults are ignored). Its creation date
is only a fallback for a date in the text (read.py prefers a dateline or byline),
and not even that when it looks like a conversion stamp: converters (pandoc,
LibreOffice, "Save as") stamp the moment of conversion as both creation and
modification time, so a creation time within a minute of the modification time
is not the article's date.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import datetime
from typing import TYPE_CHECKING
from collections.abc import Iterator

from briefgen.status import BadInput, TooLarge, excerpt
from briefgen.sources.readers import Draft, with_title

if TYPE_CHECKING:  # pragma: no cover
    from briefgen.sources.read import Limits

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RATIO_FLOOR = 65_536  # small parts cannot be bombs, and XML compresses well
_CHUNK = 1 << 20
_MARKERS = tuple(
    m.encode(enc) for m in ("<!doctype", "<!entity") for enc in ("ascii", "utf-16-le", "utf-16-be")
)
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
_MAX_TABLE_DEPTH = 5
_STAMP_SECONDS = 60  # created and modified this close: one conversion, not an article's history


def precheck(raw: bytes, limits: Limits) -> None:
    """Refuse archives that are not zips, too big when expanded, bomb-like or carry a DTD."""
    if not raw.startswith(b"PK"):
        if raw.startswith(_OLE):
            raise BadInput("not a .docx file: an old Word .doc or a password-protected file; "
                           "save it as an unprotected .docx")
        raise BadInput("not a Word .docx file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise BadInput("not a Word .docx file (damaged zip archive)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_zip_entries:
            raise TooLarge(f"Word file has {len(infos):,} parts; the limit is {limits.max_zip_entries:,}")
        total = sum(info.file_size for info in infos)
        if total > limits.max_unzipped_bytes:
            raise TooLarge(f"Word file would expand to {total:,} bytes; the limit is "
                           f"{limits.max_unzipped_bytes:,}")
        for info in infos:
            if info.flag_bits & 0x1:
                raise BadInput("Word file is encrypted; save an unprotected copy")
            if info.file_size >= _RATIO_FLOOR and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise BadInput(f"Word file part {excerpt(info.filename)} expands {ratio:,}:1 (the limit is "
                               f"{limits.max_zip_ratio}:1); refusing a possible zip bomb")
        for info in infos:
            if _has_dtd(archive, info):
                raise BadInput(f"Word file part {excerpt(info.filename)} contains a DOCTYPE or ENTITY "
                               "declaration; refusing it")


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    try:
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                window = (tail + chunk).lower()
                if any(marker in window for marker in _MARKERS):
                    return True
                tail = window[-32:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
        raise BadInput(f"damaged Word file: part {excerpt(info.filename)} cannot be read") from None
    return False


def _style(paragraph) -> str:
    try:
        return (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, AttributeError, ValueError):
        return ""


def _walk(container, depth: int = 0) -> Iterator[tuple[str, str]]:
    """(style name, text) of each paragraph, tables' cells included, in document order."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            if depth >= _MAX_TABLE_DEPTH:
                continue
            seen: set[int] = set()
            for row in block.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    yield from _walk(cell, depth + 1)
        else:
            yield _style(block), block.text


def _pick_title(core_title: str | None, paragraphs: list[tuple[str, str]]) -> tuple[str | None, int | None]:
    """(title, index of the body paragraph it came from or duplicates)."""
    def norm(s: str) -> str:
        return " ".join(s.split())

    nonempty = [(i, style, norm(text)) for i, (style, text) in enumerate(paragraphs) if text.strip()]
    if core_title:
        for i, _style_name, text in nonempty[:3]:
            if text == core_title:
                return core_title, i
        return core_title, None
    for i, style, text in nonempty:
        if style.lower() == "title":
            return text, i
    if nonempty and nonempty[0][1].lower().startswith("heading"):
        return nonempty[0][2], nonempty[0][0]
    return None, None


def _why(error: Exception) -> str:
    name = type(error).__name__
    if isinstance(error, KeyError):
        return "a required part is missing"
    if name == "XMLSyntaxError":
        return "malformed XML"
    if isinstance(error, ValueError) and "content type" in str(error).lower():
        return "not a Word document (another Office format?)"
    return name


def read(raw: bytes, *, encoding: str | None = None, limits: Limits | None = None) -> Draft:
    from briefgen.sources.read import Limits

    precheck(raw, limits or Limits())
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
        paragraphs = list(_walk(document))
        core = document.core_properties
        core_title, author, ident = core.title, core.author, core.identifier
        created, modified = core.created, core.modified
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, zipfile.BadZipFile) as e:
        raise BadInput(f"not a readable Word .docx file ({_why(e)})") from None
    except Exception as e:  # lxml syntax errors and the like from a malformed part
        if type(e).__module__.startswith(("lxml", "docx")):
            raise BadInput(f"not a readable Word .docx file ({_why(e)})") from None
        raise
    title, index = _pick_title(" ".join((core_title or "").split()) or None, paragraphs)
    body = [text for i, (_s, text) in enumerate(paragraphs) if i != index]
    text, title_first = with_title(title, body)
    warnings = ("--encoding does not apply to .docx input; ignored",) if encoding else ()
    date, date_note = core_date(created, modified)
    return Draft(
        text=text, title=title,
        author=author if author and author != _TEMPLATE_AUTHOR else None,
        date=date,
        url=ident if ident and re.match(r"https?://\S+\Z", ident, re.I) else None,
        warnings=warnings, encoding=None, title_first=title_first,
        date_from="the Word file's creation date", date_note=date_note,
    )


def core_date(created: object, modified: object) -> tuple[str | None, str | None]:
    """(ISO date, why it was not used) of the core properties' creation time."""
    if not isinstance(created, datetime) or created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        return None, None
    c = created.replace(tzinfo=None)
    if isinstance(modified, datetime) and abs((modified.replace(tzinfo=None) - c).total_seconds()) <= _STAMP_SECONDS:
        return None, (f"the Word file's creation date {c.date().isoformat()} is its modification time too "
                      "(a conversion stamp), so it was not used")
    return c.date().isoformat(), None
