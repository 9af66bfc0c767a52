"""Date expressions and their resolution against an anchor date.

Pure helpers used by the event stage: find "on Monday", "tomorrow",
"March 2", "9 January 2005", "2004-05-24"... and resolve each to ISO where the
anchor (``--date``/today, the article's date, or the dateline) allows.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from briefgen.extract.lexicon import MONTH_ABBR, MONTHS, WEEKDAYS
from briefgen.extract.wordre import LazyPattern

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
DATE_RE = re.compile(
    rf"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    rf"|\b(?P<md>{_MONTH}\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_y>(?:19|20)\d\d))?)\b"
    rf"|\b(?P<dm>(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+(?P<dm_y>(?:19|20)\d\d))?)\b"
    r"|\b(?P<wd>(?:(?:on|next|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
    r"|\b(?P<rel>today|tomorrow|yesterday|tonight|last night|next week|this week|last week|"
    r"next month|last month|later this month|earlier this week)\b")


_RANGE_AFTER = LazyPattern(rf"\s*(?:-|–|to|and|through|until)\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]?\d|\s+{_MONTH})")
_RANGE_BEFORE = LazyPattern(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through|until)\s*$")


def range_days(text: str, m: re.Match, iso: str) -> list[date]:
    """The other end of a range written around a month-and-day date: "March 15 and 16",
    "March 15-17", "from 15 to 17 March". Empty when the date stands alone."""
    day = date.fromisoformat(iso)
    if m.group("md") and (after := _RANGE_AFTER.match(text, m.end())):
        n, later = int(after.group(1)), True
    elif m.group("dm") and (before := _RANGE_BEFORE.search(text, max(0, m.start() - 12), m.start())):
        n, later = int(before.group(1)), False
    else:
        return []
    try:
        other = day.replace(day=n)
    except ValueError:
        return []
    return [other] if (other > day) == later and other != day else []


def month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR.get(w) or (MONTH_ABBR.get(w[:3]) if w[:3] != "may" else 5)


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# How far a yearless date may lie on the wrong side of the anchor before the tense moves it a year.
# A past tense is the writer's word that it happened: a week ahead is last year's ("met on
# November 14" read on 1 January is last November, not this one). A present or future tense
# moves a date only when the anchor's year would put it more than half a year back ("visits Oslo
# on March 2" read on March 20 was this March 2; "will meet on February 3" read on 20 December
# is next February).
_PAST_SLACK = timedelta(days=7)
_AHEAD_SLACK = timedelta(days=183)


def _year_by_tense(month: int, day: int, anchor: date, direction: int) -> date:
    """A month and day in the anchor's year, or the year before (a past-tense sentence) or after
    (a future one) when the anchor's year would put it on the other side of the anchor."""
    d = date(anchor.year, month, day)
    if direction < 0 and d > anchor + _PAST_SLACK:
        return _other_year(d, -1)
    if direction > 0 and d < anchor - _AHEAD_SLACK:
        return _other_year(d, 1)
    return d


def _other_year(d: date, step: int) -> date:
    try:
        return d.replace(year=d.year + step)
    except ValueError:  # 29 February
        return d.replace(year=d.year + step, day=28)


def resolve(m: re.Match, anchor: date | None, direction: int) -> str | None:
    """ISO date for a match, or None. ``direction``: +1 future, -1 past, 0 nearest."""
    g = m.groupdict()
    try:
        if g["iso"]:
            return date.fromisoformat(g["iso"]).isoformat()
        if g["md"] or g["dm"]:
            month_word = re.search(_MONTH, g["md"] or g["dm"]).group()
            month = month_of(month_word)
            day = int(g["md_d"] or g["dm_d"])
            year = g["md_y"] or g["dm_y"]
            if year:
                return date(int(year), month, day).isoformat()
            if anchor is None:
                return None
            return _year_by_tense(month, day, anchor, direction).isoformat()
    except (ValueError, TypeError, AttributeError):
        return None
    if anchor is None:
        return None
    if g["wd"]:
        words = g["wd"].lower().split()
        target = WEEKDAYS[words[-1]]
        diff = (target - anchor.weekday()) % 7
        if words[0] == "next":
            return (anchor + timedelta(days=diff or 7)).isoformat()
        if words[0] == "last" or direction < 0:
            back = (anchor.weekday() - target) % 7
            return (anchor - timedelta(days=back)).isoformat()
        if direction > 0:
            return (anchor + timedelta(days=diff)).isoformat()
        back = (anchor.weekday() - target) % 7
        return (anchor - timedelta(days=back) if back <= diff else anchor + timedelta(days=diff)).isoformat()
    rel = (g["rel"] or "").lower()
    if rel in ("today", "tonight"):
        return anchor.isoformat()
    if rel == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    if rel in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat()
    return None
