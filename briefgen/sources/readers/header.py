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
from datetime import date
from typing import NamedTuple

from briefgen.model.briefing import Span

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:(?P<m1>{MONTH})\s(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s(?P<y1>\d{{4}}))?"
         rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{MONTH})(?:,?\s(?P<y2>\d{{4}}))?"
         rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))")
_PLAIN_DATE = re.sub(r"\?P<\w+>", "", _DATE)
_WORD = r"[A-Z][\w.'’\-]*"
_CITY = rf"{_WORD}(?:\s{_WORD}){{0,3}}"
_DATELINE = (
    rf"(?P<city>{_CITY})"
    rf"(?:,\s(?P<date>{_PLAIN_DATE})|,\s(?P<region>{_CITY})(?:,\s(?P<date2>{_PLAIN_DATE}))?)?"
    r"(?:\s?\((?P<outlet>[A-Z][\w&.'’ -]{0,40})\))?"
    r"(?:\s*(?:--|—|–)\s*|\s-\s)"
)
# Every dateline ends on a dash: a line without one has none, and _DATELINE is compiled (by ``re``,
# which keeps it in its cache) only when a header line has one.
_SPACED_HYPHEN = re.compile(r"\s-\s")
_SLUG = (
    r"\((?:LEAD|URGENT|UPDATE(?:\s\d+)?|REFILE|CORRECTED|RECAST|EXCLUSIVE|(?:News\s)?Focus"
    r"|(?:\d+(?:st|nd|rd|th)\s)?(?:LD|LEAD)(?:-[\w ]+)?|ATTN:[^()\n]{0,200}|[A-Z][a-z]+\sInterview)\)"
)
_SLUGS = rf"(?:{_SLUG}\s*)+"
# Slugs open on "(": a line without one (most lines) runs neither pattern, and compiles neither.


def _slug(content: str) -> re.Match[str] | None:
    """``content`` as a whole when it is a slug ("(LEAD)", "(2nd LD)")."""
    return re.compile(_SLUG).fullmatch(content) if content.startswith("(") else None


_NAME = r"[A-Z][\w'’.\-]*(?:\s(?:[A-Z][\w'’.\-]*|de|da|van|von|bin|al|el|le))*"
_BYLINE = (
    rf"By\s+(?P<names>{_NAME}(?:\s(?:and|&)\s{_NAME})*)(?:\s?,\s?(?P<org>[A-Z][\w&.'’ ]{{1,40}}))?")


def _byline(content: str) -> re.Match[str] | None:
    """``content`` as a whole when it is a byline ("By Jane Roe, Reuters"). Most lines do not open
    on "By": for them the pattern is not run, nor compiled (``re`` caches it once it is)."""
    return re.compile(_BYLINE).fullmatch(content) if content.startswith("By") else None


_INLINE_BY = rf"\bBy\s+(?P<names>{_NAME})"
# What else a page's date line holds: "Updated - November 07, 2023 10:42 pm IST", "TNN | Jun 3,
# 2023, 06.15 AM IST", "Published: 7:00pm, 15 Mar, 2024", "Tue 14 Oct 2025 18.30 BST",
# "Jul 12, 2024 - World". Looked up word by word after the date is cut out (no big pattern).
_STAMP_WORDS = frozenset("""updated published posted last modified first edited on at am pm a.m. p.m.
mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
and by ago hour hours minute minutes min mins hr hrs day days""".split())
_CLOCK = r"(?i)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?$"
_STAMP_MAX_CHARS = 90
_STAMP_SPARE = 3  # words besides the date and stamp words: a section, an agency, a city


# _CLOCK and _NUMERIC_DATE serve only a line that may be a date stamp: compiled by ``re`` (and kept
# in its cache) on first use, not at every start.
_NUMERIC_DATE = r"\b(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)\b"


def _numeric_date(m: re.Match[str]) -> str | None:
    """"30.08.2012" (day first), "04/16/2025" (month first where the day tells): None when a
    slashed date could be read either way."""
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if m.group(2) == ".":
        day, month = a, b
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_stamp(content: str) -> str | None:
    """The date (YYYY-MM-DD) of a header line that is the page's date stamp: a date with its
    year, and beside it only times, weekdays, "Updated"/"Published", time zones, separators and
    up to three capitalised words (a section, an agency, a city). A sentence that holds a date
    is not one."""
    if len(content) > _STAMP_MAX_CHARS:
        return None
    m = re.search(_DATE, content)
    iso = _iso(m) if m is not None else None
    if m is None:
        m = re.search(_NUMERIC_DATE, content)
        iso = _numeric_date(m) if m is not None else None
    if iso is None:
        return None
    spare = 0
    for raw in (content[:m.start()] + " " + content[m.end():]).split():
        w = raw.strip(",|·•-–—:()/")
        if not w or w.lower() in _STAMP_WORDS or re.match(_CLOCK, w) or w.isdigit():
            continue
        if not w[:1].isupper():
            return None
        spare += 1
    return iso if spare <= _STAMP_SPARE else None


_JOB = r"(?i)correspondent|reporter|writer|editor|staff|contributor|columnist"
# _INLINE_BY and _JOB serve a quarter of articles or fewer: compiled by ``re`` (and kept in its
# cache) when first used, not at every start.
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_HEADER_LINES = 5  # non-blank lines after the title where a dateline may appear
_INLINE_PREFIX = 400  # a dateline may follow at most this much lead-in on its line


# A NamedTuple rather than a frozen dataclass: as immutable and compared by value, but without
# the methods a dataclass generates (and compiles) at import, about 1 ms of every start.
class Header(NamedTuple):
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
    return (re.sub(_SLUGS, "", line) if "(" in line else line).strip()


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


_DASHES = "-\u2014\u2013"
_WORD_CHARS = "_.'\u2019-"  # besides letters and digits: what _WORD holds


def _dash_after_dateline(head: str) -> bool:
    """Whether some dash in ``head`` follows what a dateline can end on: ")" (an outlet) or a run
    of word characters holding a capital (a city, a region, a month) or a digit (a date). Most
    header lines with a dash have it in prose ("... challenges – global ..."); for them
    _DATELINE, the longest pattern of the reader (~3 ms to compile), is neither compiled nor run."""
    for i, ch in enumerate(head):
        if ch not in _DASHES:
            continue
        j = len(head[:i].rstrip())
        if j and head[j - 1] == ")":
            return True
        k = j
        while k > 0 and (head[k - 1].isalnum() or head[k - 1] in _WORD_CHARS):
            k -= 1
            if "A" <= head[k] <= "Z" or head[k].isdigit():
                return True
    return False


def _dateline(content: str) -> re.Match[str] | None:
    """The first plausible dateline in the first part of a line."""
    head = content[:_INLINE_PREFIX + 120]
    if not ("--" in head or "\u2014" in head or "\u2013" in head or _SPACED_HYPHEN.search(head)):
        return None
    if not _dash_after_dateline(head):
        return None
    for m in re.compile(_DATELINE).finditer(content, 0, _INLINE_PREFIX + 120):
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
    if _byline(content):
        return False
    if followed_by_blank:
        return True
    letters = [c for c in content if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters)
    header_next = bool(_byline(next_content) or _slug(next_content)
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


# Page chrome: share buttons, reading time, navigation. A line opening on one of these phrases,
# or (around the title only) a short line of one or two words without punctuation.
_CHROME_PHRASES = ("skip to", "listen to this article", "listen to article", "share", "save", "print",
                   "email", "gift this article", "read in app", "purchase licensing rights", "facebook",
                   "twitter", "linkedin", "whatsapp", "copy link", "comments", "menu", "search", "sign in",
                   "log in", "subscribe", "advertisement")
_CHROME_MAX_WORDS = 2
_CHROME_LINES = 12  # chrome lines that may sit between the title and the byline
_NAV_MAX_WORDS = 3  # a navigation entry before the title


def _chrome_line(content: str, *, strict: bool = False) -> bool:
    low = content.lower()
    if low.startswith(_CHROME_PHRASES) and len(content) <= 60:
        return True
    words = content.split()
    if len(words) > (_CHROME_MAX_WORDS if strict else _NAV_MAX_WORDS) or content[-1:] in ".!?\"\u201d:":
        return False
    return not (_byline(content) or date_stamp(content) or _dateline(content) or _slug(content)
                or any(c.isdigit() for c in content))


def _chrome_block(text: str, lines, nonblank: list[int], k: int) -> list[int]:
    """The navigation block starting at nonblank[k]: its lines if it is one ("Skip to main
    content" alone, or two or more short lines with no blank between them), else []."""
    if k >= len(nonblank) - 1:
        return []
    block = [nonblank[k]]
    for i in nonblank[k + 1:]:
        if i != block[-1] + 1:
            break
        block.append(i)
    contents = [text[slice(*lines[i])] for i in block]
    if len(block) == 1:
        return block if contents[0].lower().startswith("skip to") else []
    if all(_chrome_line(c) for c in contents) and k + len(block) < len(nonblank):
        return block
    return []


def scan(text: str, *, title_first: bool = False) -> Header:
    """Find the header of ``text`` (already sanitised). Spans are exact slices of it."""
    lines = _lines(text)
    nonblank = [i for i, (s, e) in enumerate(lines) if e > s]
    if not nonblank:
        return Header()
    spans: list[Span] = []
    title = author = outlet = iso = None

    # A saved page's navigation before the title ("Skip to main content", "World", "Politics").
    k = 0
    while True:
        block = _chrome_block(text, lines, nonblank, k)
        if not block:
            break
        spans.extend(Span(*lines[i]) for i in block)
        k += len(block)
    nonblank = nonblank[k:]
    if not nonblank:
        return Header(spans=tuple(spans))
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
    seen = 0
    for i in rest[:_HEADER_LINES + _CHROME_LINES]:
        s, e = lines[i]
        content = text[s:e]
        if title is not None and contiguous and _chrome_line(content, strict=True):
            spans.append(Span(s, e))  # "Listen to this article · 4 min", "Share", "Facebook"
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        if contiguous and _slug(content):
            spans.append(Span(s, e))
            continue
        by = _byline(content) if contiguous else None
        if by:
            spans.append(Span(s, e))
            author = author or _names(by.group("names"))
            org = by.group("org")
            if org and not re.search(_JOB, org):
                outlet = outlet or org.strip()
            continue
        stamp = date_stamp(content)  # also after a standfirst or an outlet's name
        if stamp:
            spans.append(Span(s, e))
            iso = iso or stamp
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
