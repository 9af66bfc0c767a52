"""Whether the main event is upcoming, ongoing or concluded: a helper of the event stage.

Pure: reads the headline and the lead of a State, and the event's kind. Three
kinds of evidence, in news prose of any outlet:

- tense and aspect of the verbs about the event: "will travel", "is to meet",
  "is scheduled to" (ahead); "arrived in", "is in", "is visiting", "during his
  two-day visit", "talks open" (under way); "wrapped up", "capping a visit",
  "returned from", "after the meeting", "have met", "held talks", "agreed"
  (over);
- the article's own date (``--date``, metadata) against dates it names about
  the event ("from 3 to 5 June" after a 2019-04-23 dateline is ahead);
- the kind of event: arriving is the start of a visit (under way) but only the
  eve of a summit or of talks still to meet (ahead).

Within a visit already under way, a past "met" is one step of it: arrival
evidence outweighs past meeting verbs, unless the end is stated.
"""
from __future__ import annotations

import re
from datetime import date

_FUTURE = re.compile(
    r"\bwill\s+(?:not\s+)?(?:\w+\s+)?(?:travel|visit|meet|make|hold|attend|go|fly|host|arrive|begin|open|"
    r"lead|discuss|sign|start|skip|resume|head|convene|gather)\b|"
    r"\b(?:is|are)\s+(?:scheduled|expected|due|set|slated|planned|going)\s+to\s+(?:\w+\s+)?(?:travel|visit|"
    r"meet|make|hold|attend|go|fly|host|arrive|begin|open|lead|discuss|sign|start|resume|head|take)\b|"
    r"\b(?:is|are)\s+to\s+(?:make|meet|visit|hold|travel|attend|begin|resume|head|work|host)\b|"
    r"\b(?:set|due|scheduled|slated)\s+to\s+(?:begin|start|meet|travel|visit|resume|hold|take place)\b|"
    r"\b(?:next|this coming)\s+(?:week|month)\b|\btomorrow\b|\blater this (?:week|month)\b|\bupcoming\b|"
    r"\bsets out\b|\bpostponed\b|\bto skip\b|\bplans? to (?:visit|travel|meet|attend|hold)\b|"
    r"\bpreview\b|\bnext\s+week's\b|\bwould (?:host|hold|attend|be held)\b|\bto make\b|"
    r"\bahead of\b|\bto (?:meet|visit|skip)\b|\bdue to\b|\bto begin\b|\bkick off\b|\bto resume\b", re.I)
# Any other future or intention in the lead: weaker than a verb about the event itself.
_WEAK_FUTURE = re.compile(r"\bwill\b|\bwould\b|\bplans?\b|\bexpected\b|\bhopes?\b", re.I)
# A present tense about the talks or their parties: the news is happening.
_WEAK_NOW = re.compile(r"\b(?:is|are)\s+(?:\w+ing)\b|\bthis week\b|\btoday\b|\bkicks? off\b|"
                       r"\bcontinues?\b|\bvisiting\b|\bin\s+(?:energy|trade|peace|nuclear)\s+talks\b", re.I)
_UNDER_WAY = re.compile(
    r"\b(?:arrived|arrives|landed|lands|reached|reaches)\s+(?:in|at)\b|\barrived\b|"
    r"\bleft\s+(?:\w+\s+){0,2}for\b[^.]{0,40}\bvisit\b|\b(?:is|are)\s+(?:now\s+)?in\s+[A-Z]|"
    r"\b(?:is|are)\s+(?:visiting|holding|meeting|attending|hosting|touring)\b|"
    r"\bon\s+(?:a|an|his|her|their)\s+(?:\w+[- ]day\s+)?(?:official\s+|state\s+|working\s+)?(?:visit|trip|tour)\b|"
    r"\bduring\s+(?:his|her|their)\s+(?:\w+[- ]day\s+)?(?:official\s+|state\s+)?(?:visit|trip|tour)\b|"
    r"\b(?:talks|summit|meeting|negotiations)\s+(?:open|opens|begin|begins|began|opened|continue|continued)\b|"
    r"\bgathered\b[^.]{0,40}\bfor\b[^.]{0,30}\btalks\b|\bwelcomed\b|\bin town\b|\bcurrently\b|\bunder way\b|"
    r"\bwhirlwind\b|\bstaying\b|\bmiss(?:ed)? (?:a |the |another )?deadline\b|\bcrashed through\b|"
    r",\s+in\s+(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?(?:\s+for\b|,)", re.I)
_OVER = re.compile(
    r"\bwrapped up\b|\bconcluded\b|\bcapping\b|\bended\b|\breturn(?:ed|s) from\b|\barrived back\b|"
    r"\b(?:after|following)\s+(?:a|the|his|her|their|its)\s+(?:\w+\s+){0,3}?(?:summit|meeting|talks|visit)\b|"
    r"\bat the end of\b|\breadout\b|\blast week\b|\bemerged from\b|\bspeaking after\b|"
    r"\b(?:have|has)\s+(?:met|held)\b|\bheld\s+(?:talks|a meeting)\b|\bmet\b|\bagreed\b|\bsigned\b|"
    r"\bpledged\b|\breached\s+(?:a|an)\b|\bstruck\b|\btouted\b|\bhosted\b|\bdiscussed\b", re.I)
# Arrival, not only presence: a visitor who arrived is there now; a meeting still to come is ahead.
_ARRIVAL = re.compile(r"\b(?:arrived|landed|reached|left\s+(?:\w+\s+){0,2}for)\b|"
                      r"\b(?:during|on)\s+(?:a|an|his|her|their)\s+(?:\w+[- ]day\s+)?(?:official\s+|state\s+)?"
                      r"(?:visit|trip|tour)\b|\b(?:is|are)\s+visiting\b", re.I)
_END_STATED = re.compile(r"\bwrapped up\b|\bconcluded\b|\bcapping\b|\bended\b|\breturn(?:ed|s) from\b|"
                         r"\barrived back\b|\bat the end of\b|\breadout\b", re.I)
_VISITS = ("visit", "state-visit")
# Weights of the headline and of the first body sentences: the lead tells the news.
WEIGHTS = (2.0, 3.0, 1.5, 1.0)


def status_scores(chunks: list[tuple[str, float]]) -> dict[str, float]:
    out = {"upcoming": 0.0, "ongoing": 0.0, "concluded": 0.0}
    for text, w in chunks:
        out["upcoming"] += w * len(_FUTURE.findall(text))
        out["ongoing"] += w * len(_UNDER_WAY.findall(text))
        out["concluded"] += w * len(_OVER.findall(text))
        out["upcoming"] += 0.3 * w * len(_WEAK_FUTURE.findall(text))
        out["ongoing"] += 0.3 * w * len(_WEAK_NOW.findall(text))
    return out


def decide(chunks: list[tuple[str, float]], kind: str, anchor: date | None,
           event_dates: list[date]) -> str | None:
    """upcoming / ongoing / concluded, or None when the text says nothing about time."""
    if anchor is not None and event_dates:
        first, last = min(event_dates), max(event_dates)
        if first > anchor:
            return "upcoming"
        if last < anchor and (anchor - last).days > 1:
            return "concluded"
    scores = status_scores(chunks)
    text = " ".join(t for t, _ in chunks)
    arrived = any(_ARRIVAL.search(t) for t, w in chunks if w >= 1.5)
    if _END_STATED.search(text):
        scores["concluded"] += 3.0
    elif arrived and kind in _VISITS:
        scores["ongoing"] += 3.0
    if not any(scores.values()):
        return None
    return max(("upcoming", "ongoing", "concluded"), key=lambda k: scores[k])
