"""Find the news header in plain text: title line, slugs, byline, date line, dateline.

These are metadata, not body: each one found becomes a ``Span`` (an exact
slice of the sanitised text, surrounding whitespace excluded) so the
extractor can keep them out of the body, and fills Article.title / author /
outlet / date where it names them.

Conservative by design: the title is only the first line when it is short,
has no closing period and is followed by a blank line (or, hard-wrapped wire
copy, by an indented or header line); datelines are only looked for in the
first few lines; a dateline in the middle of a line counts only when it has an
upper-case city *and* a date or an outlet ("SEOUL, Dec. 30 (Yonhap) --").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefgen.model.briefing import Span

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:(?P<m1>{MONTH})\s(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s(?P<y1>\d{{4}}))?"
         rf"|(?P<d2>\d{{1,2}})\s(?P<m2>{MONTH})(?:,?\s(?P<y2>\d{{4}}))?"
         rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))")
_PLAIN_DATE = re.sub(r"\?P<\w+>", "", _DATE)
_WORD = r"[A-Z][\w.'’\-]*"
_CITY = rf"{_WORD}(?:\s{_WORD}){{0,3}}"
DATELINE = re.compile(
    rf"(?P<city>{_CITY})"
    rf"(?:,\s(?P<date>{_PLAIN_DATE})|,\s(?P<region>{_CITY})(?:,\s(?P<date2>{_PLAIN_DATE}))?)?"
    r"(?:\s?\((?P<outlet>[A-Z][\w&.'’ -]{0,40})\))?"
    r"(?:\s*(?:--|—|–)\s*|\s-\s)"
)
SLUG = re.compile(
    r"\((?:LEAD|URGENT|UPDATE(?:\s\d+)?|REFILE|CORRECTED|RECAST|EXCLUSIVE|(?:News\s)?Focus"
    r"|(?:\d+(?:st|nd|rd|th)\s)?(?:LD|LEAD)(?:-[\w ]+)?|ATTN:[^()\n]{0,200}|[A-Z][a-z]+\sInterview)\)"
)
_LEADING_SLUGS = re.compile(rf"(?:{SLUG.pattern}\s*)+")
_NAME = r"[A-Z][\w'’.\-]*(?:\s(?:[A-Z][\w'’.\-]*|de|da|van|von|bin|al|el|le))*"
BYLINE = re.compile(
    rf"By\s+(?P<names>{_NAME}(?:\s(?:and|&)\s{_NAME})*)(?:\s?,\s?(?P<org>[A-Z][\w&.'’ ]{{1,40}}))?",
)
_INLINE_BY = rf"\bBy\s+(?P<names>{_NAME})"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?"
DATE_LINE = re.compile(
    rf"(?:(?:Published|Updated|Posted|Last updated)(?:\son)?:?\s*)?{_WEEKDAY}(?:{_DATE})"
    r"(?:\s*[,|·-]?\s*\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s?[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
)
_JOB = r"(?i)correspondent|reporter|writer|editor|staff|contributor|columnist"
# _DATE alone, _INLINE_BY and _JOB serve a quarter of articles or fewer: compiled by ``re``
# (and kept in its cache) when first used, not at every start.
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_HEADER_LINES = 5  # non-blank lines after the title where a dateline may appear
_INLINE_PREFIX = 400  # a dateline may follow at most this much lead-in on its line


@dataclass(frozen=True)
class Header:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    spans: tuple[Span, ...] = ()


def iso_date(text: str) -> str | None:
    """YYYY-MM-DD for a date that names its year ("March 3, 2023", "3 March 2023", "2023-03-03")."""
    m = re.search(_DATE, text)
    return _iso(m) if m else None


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g.get("y3"):
            d = date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        else:
            year = g.get("y1") or g.get("y2")
            month = g.get("m1") or g.get("m2")
            day = g.get("d1") or g.get("d2")
            if not (year and month and day):
                return None
            d = date(int(year), _MONTHS[month[:3].lower()], int(day))
    except (ValueError, KeyError):
        return None
    return d.isoformat()


def strip_slugs(line: str) -> str:
    return _LEADING_SLUGS.sub("", line).strip()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, surrounding whitespace excluded; blank lines kept as (i, i)."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append((start, start + len(stripped)))
        else:
            out.append((pos, pos))
        pos += len(raw) + 1
    return out


def _dateline(content: str) -> re.Match[str] | None:
    """The first plausible dateline in the first part of a line."""
    for m in DATELINE.finditer(content, 0, _INLINE_PREFIX + 120):
        if m.start() > _INLINE_PREFIX:
            return None
        last = m.group("city").split()[-1]
        letters = [c for c in last if c.isalpha()]
        caps = len(letters) >= 3 and all(c.isupper() for c in letters)
        dated = bool(m.group("date") or m.group("date2"))
        outlet = bool(m.group("outlet"))
        if m.start() == 0 and (caps or dated or outlet):
            return m
        if m.start() > 0 and caps and (dated or outlet):
            return m
    return None


def _looks_like_title(content: str, followed_by_blank: bool, next_content: str | None) -> bool:
    if next_content is None:  # nothing after it: a one-line article, not a title
        return False
    if len(content) > _TITLE_MAX_CHARS or len(content.split()) > _TITLE_MAX_WORDS:
        return False
    if content.rstrip("\"'”’)]»").endswith((".", ",", ";", ":", "…")):
        return False
    if _dateline(content) is not None and _dateline(content).start() == 0:
        return False
    if BYLINE.fullmatch(content):
        return False
    if followed_by_blank:
        return True
    letters = [c for c in content if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters)
    header_next = bool(BYLINE.fullmatch(next_content) or SLUG.fullmatch(next_content)
                       or (_dateline(next_content) or _NoMatch).start() == 0)
    return shouting or header_next


class _NoMatch:
    @staticmethod
    def start() -> int:
        return -1


def _names(raw: str) -> str | None:
    words = raw.split()
    while words and sum(c.isalpha() for c in words[-1]) >= 3 and words[-1].isupper() and len(words) > 1:
        words.pop()  # "Kim Eun-jung SEOUL": the city after an inline byline
    return " ".join(words) or None


def scan(text: str, *, title_first: bool = False) -> Header:
    """Find the header of ``text`` (already sanitised). Spans are exact slices of it."""
    lines = _lines(text)
    nonblank = [i for i, (s, e) in enumerate(lines) if e > s]
    if not nonblank:
        return Header()
    spans: list[Span] = []
    title = author = outlet = iso = None

    first = nonblank[0]
    s, e = lines[first]
    content = text[s:e]
    following = nonblank[1] if len(nonblank) > 1 else None
    blank_after = following is not None and following > first + 1
    next_content = text[slice(*lines[following])] if following is not None else None
    rest = nonblank
    if title_first or _looks_like_title(content, blank_after, next_content):
        title = " ".join(strip_slugs(content).split()) or None
        spans.append(Span(s, e))
        rest = nonblank[1:]

    contiguous = True
    for i in rest[:_HEADER_LINES]:
        s, e = lines[i]
        content = text[s:e]
        if contiguous and SLUG.fullmatch(content):
            spans.append(Span(s, e))
            continue
        by = BYLINE.fullmatch(content) if contiguous else None
        if by:
            spans.append(Span(s, e))
            author = author or _names(by.group("names"))
            org = by.group("org")
            if org and not re.search(_JOB, org):
                outlet = outlet or org.strip()
            continue
        dl = DATE_LINE.fullmatch(content) if contiguous else None
        if dl and iso_date(content):
            spans.append(Span(s, e))
            iso = iso or iso_date(content)
            continue
        m = _dateline(content)
        if m:
            end = s + m.end()
            while end > s and text[end - 1].isspace():
                end -= 1
            spans.append(Span(s, end))
            if m.group("outlet"):
                outlet = outlet or m.group("outlet").strip()
            iso = iso or iso_date(m.group("date") or m.group("date2") or "")
            inline = re.compile(_INLINE_BY).search(content, 0, m.end())
            if inline:
                author = author or _names(inline.group("names"))
            break
        contiguous = False
    return Header(title=title, author=author, outlet=outlet, date=iso, spans=tuple(spans))
