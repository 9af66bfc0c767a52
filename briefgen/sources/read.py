"""Read an article from a file or stdin into an Article: decoded, sanitised text plus metadata.

The steps, the same for every format:

1. read the bytes (refusing non-regular files and anything over the byte budget
   before reading it all);
2. pick the format: ``input_format``, else the suffix, else (stdin) a sniff;
3. the format's reader (``briefgen.sources.readers``) decodes and turns it into plain
   text with paragraphs separated by blank lines, plus the metadata the
   format carries (HTML <title>/author/date/site, Markdown front matter, Word
   core properties);
4. ``briefgen.sources.sanitize`` makes it NFC, XML-safe text, one warning per class of
   removed characters;
5. character and paragraph budgets are checked (before layout ever sees it);
6. ``readers.header`` finds the title line, slugs, byline, date line and
   dateline, recorded as ``metadata_spans`` and metadata fields.

Offsets everywhere in briefgen refer to ``Article.text``, the *sanitised*
text. For a clean UTF-8 text file that is exactly the file as read with
universal newlines and the BOM dropped (``open(p, encoding="utf-8-sig",
newline=None).read()``, what shared/eval/score.py does). For Markdown, HTML
and Word input it is the plain text briefgen produced from them.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, NamedTuple

from briefgen.model.article import Article
from briefgen.model.briefing import Span
from briefgen.sources.sanitize import clean_field, sanitize, warnings_for
from briefgen.status import BadInput, BriefgenError, TooLarge, UnsupportedFormat, UsageError

INPUT_FORMATS = ("txt", "md", "html", "docx")

SUFFIXES = {
    ".txt": "txt", ".text": "txt", "": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
}
_ALIASES = {"text": "txt", "markdown": "md", "htm": "html", "xhtml": "html", "word": "docx"}
_REFUSED = {
    ".doc": "old Word .doc files are not supported; save it as .docx",
    ".pdf": "PDF input is not supported; save the article as .txt, .html or .docx",
    ".rtf": "RTF is not supported; save it as .docx or .txt",
    ".odt": "OpenDocument is not supported; save it as .docx",
}


# A NamedTuple rather than a frozen dataclass: as immutable and compared by value, but without
# the methods a dataclass generates (and compiles) at import, about 1 ms of every start.
class Limits(NamedTuple):
    """Size budgets, checked before any layout (reportlab slows down fast on long paragraphs).

    Each error names the option that raises the limit.
    """

    max_bytes: int = 10_000_000  # raw input; a saved web page or a Word file with photos
    max_chars: int = 200_000  # sanitised article text (a long feature is ~60,000)
    max_paragraph_chars: int = 20_000  # one line of Article.text
    max_zip_entries: int = 2_000  # .docx parts
    max_unzipped_bytes: int = 50_000_000  # .docx, declared total
    max_zip_ratio: int = 100  # .docx, per part over 64 KiB


LIMIT_OPTIONS = {
    "max_bytes": "--max-bytes",
    "max_chars": "--max-chars",
    "max_paragraph_chars": "--max-paragraph-chars",
}


def normalise_format(name: str | None) -> str | None:
    """``--input-format`` value to one of INPUT_FORMATS (UsageError if unknown)."""
    if name is None:
        return None
    key = name.strip().lower().lstrip(".")
    key = _ALIASES.get(key, key)
    if key not in INPUT_FORMATS:
        raise UsageError(f"unknown input format {name!r}; choose from {', '.join(INPUT_FORMATS)} (--input-format)")
    return key


def format_for(path: str | Path, raw: bytes, input_format: str | None = None) -> str:
    """The reader to use: explicit format, else the suffix, else (stdin) a sniff of the bytes."""
    fmt = normalise_format(input_format)
    if fmt:
        return fmt
    if str(path) == "-":
        return sniff(raw)
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    hint = _REFUSED.get(suffix) or (
        f"unsupported input format {suffix!r}; use .txt, .md, .html or .docx, "
        "or name the format with --input-format"
    )
    raise UnsupportedFormat(hint, source=str(path))


def sniff(raw: bytes) -> str:
    """Format of unnamed input: HTML if it says so early, a zip is a .docx, else text."""
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:1024]:
        return "html"
    return "txt"


def read_bytes(path: str | Path, stdin: BinaryIO | None = None, *, max_bytes: int | None = None) -> tuple[bytes, str]:
    """The raw input, never more than ``max_bytes`` (+1 to tell that it was over)."""
    cap = max_bytes if max_bytes is not None else Limits().max_bytes
    if str(path) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(cap + 1)
        origin = "<stdin>"
    else:
        origin = str(path)
        try:
            info = os.stat(path)  # before open(): opening a FIFO would block
            if stat.S_ISDIR(info.st_mode):
                raise BadInput("is a directory, not an article", source=origin)
            if not stat.S_ISREG(info.st_mode):
                raise BadInput("not a regular file", source=origin)
            if info.st_size > cap:
                raise _too_large_bytes(info.st_size, cap, origin)
            with open(path, "rb") as f:
                raw = f.read(cap + 1)
        except FileNotFoundError:
            raise BadInput("no such file", source=origin) from None
        except IsADirectoryError:
            raise BadInput("is a directory, not an article", source=origin) from None
        except PermissionError:
            raise BadInput("permission denied", source=origin) from None
        except OSError as e:
            raise BadInput(f"cannot read: {e.strerror or e}", source=origin) from None
    if len(raw) > cap:
        raise _too_large_bytes(None, cap, origin)
    return raw, origin


def _too_large_bytes(size: int | None, cap: int, origin: str) -> TooLarge:
    what = f"{size:,} bytes" if size is not None else f"over {cap:,} bytes"
    return TooLarge(f"input is {what}; the limit is {cap:,} ({LIMIT_OPTIONS['max_bytes']})", source=origin)


def check_text_limits(text: str, limits: Limits) -> None:
    if len(text) > limits.max_chars:
        raise TooLarge(f"article has {len(text):,} characters; the limit is "
                       f"{limits.max_chars:,} ({LIMIT_OPTIONS['max_chars']})")
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limits.max_paragraph_chars:
            raise TooLarge(f"paragraph at line {number:,} has {len(line):,} characters; the limit is "
                           f"{limits.max_paragraph_chars:,} ({LIMIT_OPTIONS['max_paragraph_chars']})")


def _body_words(text: str, spans: tuple[Span, ...]) -> int:
    """Words of body text: outside the title, byline, dateline and slugs."""
    words, pos = 0, 0
    for span in sorted(spans):
        words += len(text[pos:span.start].split())
        pos = max(pos, span.end)
    return words + len(text[pos:].split())


MIN_BODY_WORDS = 5  # fewer: a stray word or a caption, not a sentence to brief


def article_date(fmt: str, draft, text_date: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The article's date and notes saying where it came from (shown with --verbose).

    A Word file's date is its text's first (dateline, byline): its core properties
    are often a converter's stamp. Other formats' metadata (HTML meta tags, front
    matter) is the publisher's, so it comes first.
    """
    in_text = (text_date, "the text (dateline or byline)")
    in_file = (draft.date, draft.date_from)
    notes = [draft.date_note] if draft.date_note else []
    for value, where in ((in_text, in_file) if fmt == "docx" else (in_file, in_text)):
        if value:
            return value, (*notes, f"article date {value}, from {where}")
    return None, (*notes, "no article date in the text or the file's metadata")


def _short_body(words: int) -> tuple[str, ...]:
    if words >= MIN_BODY_WORDS:
        return ()
    return (f"the article has only {words} word{'s' if words != 1 else ''} of body text: "
            "there is no body to brief, so the memo will be mostly empty",)


def read_article(path: str | Path, *, encoding: str | None = None, input_format: str | None = None,
                 stdin: BinaryIO | None = None, limits: Limits | None = None) -> Article:
    """Read, decode, convert, sanitise and check one article. Raises BriefgenError subclasses.

    Errors carry ``source`` (the file name or "<stdin>") so the CLI prints one line.
    """
    from briefgen.sources.readers import reader_for
    from briefgen.sources.readers.header import scan

    limits = limits or Limits()
    if encoding is not None:
        from briefgen.sources.readers.decode import lookup

        lookup(encoding)  # a bad codec name is a usage error whatever the file
    raw, origin = read_bytes(path, stdin, max_bytes=limits.max_bytes)
    try:
        fmt = format_for(path, raw, input_format)
        draft = reader_for(fmt)(raw, encoding=encoding, limits=limits)
        text, counts = sanitize(draft.text)
        for name, n in draft.counts:
            counts[name] = counts.get(name, 0) + n
        check_text_limits(text, limits)
        if not text.strip():
            raise BadInput("empty article" + (" (no article text found)" if fmt != "txt" and raw.strip() else ""))
        header = scan(text, title_first=draft.title_first)
        body_words = _body_words(text, header.spans)
        if not body_words:
            raise BadInput("empty article (a title or header but no body text)")
        date, date_notes = article_date(fmt, draft, header.date)
    except BriefgenError as e:
        if e.source is None and not isinstance(e, UsageError):
            e.source = origin
        raise
    return Article(
        text=text,
        origin=origin,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=clean_field(draft.title) or header.title,
        outlet=clean_field(draft.outlet) or header.outlet,
        author=clean_field(draft.author) or header.author,
        date=date,
        url=clean_field(draft.url, limit=2000),
        metadata_spans=header.spans,
        warnings=tuple(draft.warnings) + warnings_for(counts) + _short_body(body_words),
        input_format=fmt,
        encoding=draft.encoding,
        notes=date_notes,
    )
