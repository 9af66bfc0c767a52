"""Whether the main event is upcoming, ongoing or concluded: a helper of the event stage.

Pure: reads the headline and the lead of a State, and the event's kind. Three
kinds of evidence, in news prose of any outlet:

- tense and aspect of the verbs about the event: "will travel", "is to meet",
  "is scheduled to" (ahead); "arrived in", "is in", "is visiting", "during his
  two-day visit", "talks open" (under way); "wrapped up", "capping a visit",
  "returned from", "after the meeting", "have met", "held talks", "agreed"
  (over);
- the verb whose subject is the principal ("Ruiz, who wrapped up talks in
  Stockholm, will travel to Oslo" is ahead): it outweighs other clauses;
- the article's own date (``--date``, metadata, a dateline even without a
  year) against the days it names about the event: both ends of a range, a
  day after an end verb as the last day ("wraps up on Friday": under way), a
  start within the stated length ("a two-day summit opened on Wednesday");
  not a day after a reporting verb ("said on Monday") nor one weeks before a
  day ahead (an earlier meeting's);
- the kind of event: arriving is the start of a visit (under way) but only the
  eve of a summit or of talks still to meet (ahead).

Within a visit already under way, a past "met" is one step of it: arrival
evidence outweighs past meeting verbs, unless the end is stated.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from briefgen.extract.wordre import LazyPattern, Phrases, find_word, fold, holds_any

_FUTURE = LazyPattern(
    r"\bwill\s+(?:not\s+)?(?:\w+\s+)?(?:travel|visit|meet|make|hold|attend|go|fly|host|arrive|begin|open|"
    r"lead|discuss|sign|start|skip|resume|head|convene|gather)\b|"
    r"\b(?:is|are)\s+(?:scheduled|expected|due|set|slated|planned|going)\s+to\s+(?:\w+\s+)?(?:travel|visit|"
    r"meet|make|hold|attend|go|fly|host|arrive|begin|open|lead|discuss|sign|start|resume|head|take)\b|"
    r"\b(?:is|are)\s+to\s+(?:make|meet|visit|hold|travel|attend|begin|resume|head|host)\b|"
    r"\b(?:is|are)\s+(?:due|expected)\s+(?:in|at|back\s+in)\s+[A-Z]|\bwill\s+be\s+(?:hosted|received|welcomed)\b|"
    r"\b(?:set|due|scheduled|slated)\s+to\s+(?:begin|start|meet|travel|visit|resume|hold|take place)\b|"
    r"\b(?:next|this coming)\s+(?:week|month)\b|\btomorrow\b|\blater this (?:week|month)\b|\bupcoming\b|"
    r"\bsets out\b|\bpostponed\b|\bto skip\b|\bplans? to (?:visit|travel|meet|attend|hold)\b|"
    r"\bpreview\b|\bnext\s+week's\b|\bwould (?:host|hold|attend|be held)\b|"
    r"\bahead of\b|\bon the eve of\b|\bkick off\b|\b(?:heads?|leaves?|departs?)\s+(?:to|for)\b", re.I)
# What every match of _FUTURE holds, in the text case folded with its runs of spaces made one: most
# sentences of a story about what happened hold none, and for them the pattern (the longest of
# this module but one) is neither compiled nor run.
_FUTURE_WORDS = (
    "will", *(f"{w} to" for w in ("scheduled", "expected", "due", "set", "slated", "planned", "going")),
    "is to ", "are to ", *(f"{w} {p}" for w in ("due", "expected") for p in ("in", "at", "back")),
    "next", "this coming", "tomorrow", "later this", "upcoming", "sets out", "postponed", "to skip",
    *(f"{p} to {v}" for p in ("plan", "plans") for v in ("visit", "travel", "meet", "attend", "hold")),
    "preview", *(f"would {v}" for v in ("host", "hold", "attend", "be held")), "ahead of", "on the eve of",
    "kick off", *(f"{v} {p}" for v in ("head", "heads", "leave", "leaves", "depart", "departs") for p in ("to", "for")))


def _futures(text: str) -> list[re.Match]:
    """``list(_FUTURE.finditer(text))``, without the pattern where _FUTURE_WORDS rule a match out."""
    if not holds_any(" ".join(fold(text).split()), _FUTURE_WORDS):
        return []
    return list(_FUTURE.finditer(text))
# A timetable in the present: "resume talks on Monday", "meets Xi on Tuesday" (a verb of the
# event, then a weekday in the same clause; the verb is looked up in _TIMETABLE_VERBS).
_TIMETABLE = re.compile(r"\b([a-z]+)\b[^.;,]{0,50}?\bon\s+[MTWFS][a-z]+day\b")
_TIMETABLE_VERBS = frozenset("meet meets visits holds hosts travels arrives heads flies opens begins starts "
                             "attends resume resumes signs".split())


def _timetable(text: str) -> list[int]:
    """Where a present-tense timetable starts: an event verb with a weekday after it."""
    out = []
    pos = 0
    while (m := _TIMETABLE.search(text, pos)) is not None:
        if m.group(1) in _TIMETABLE_VERBS and not any(w.endswith("ed") for w in text[m.end(1):m.end()].split()):
            out.append(m.start())
            pos = m.end()
        else:
            pos = m.end(1)
    return out


# A headline's "X in Y" is its present: "Lee in Beijing", "Top U.S. Official In Tashkent For Talks".
_HEADLINE_IN = LazyPattern(r"^\W*(?:(?:[A-Z][\w.'’-]*|and|of),?\s+){1,5}[Ii]n\s+(?:the\s+)?(?:[A-Z]|\w+\s+talks)")
# A headline's infinitive is its future: "King to skip summit", "Lee to make state visit".
_HEADLINE_FUTURE = LazyPattern(r"\bto\s+(?:visit|meet|skip|make|hold|attend|travel|host|lead|resume|focus|sign|"
                               r"begin|open|start|head|discuss|seek|press|push|tour)\b", re.I)
# Any other future or intention in the lead: weaker than a verb about the event itself.
_WEAK_FUTURE = re.compile(r"\bwill\b|\bwould\b|\bplans?\b|\bexpected\b|\bhopes?\b", re.I)
# A present tense about the talks or their parties: the news is happening.
_WEAK_NOW = re.compile(r"\b(?:is|are)\s+(?:\w+ing)\b|\b(?:meets|holds|hosts|tours)\b|\bthis week\b|\btoday\b|"
                       r"\bkicks? off\b|"
                       r"\bcontinues?\b|\bvisiting\b|\bin\s+(?:energy|trade|peace|nuclear)\s+talks\b", re.I)
_UNDER_WAY = re.compile(
    r"\b(?:arrived|arrives|landed|lands|reached|reaches)\s+(?:in|at)\b|\barrived\b|"
    r"\bleft\s+(?:\w+\s+){0,2}for\b[^.]{0,40}\bvisit\b|\b(?:is|are)\s+(?:now\s+)?in\s+[A-Z]|"
    r"\b(?:is|are)\s+(?:visiting|holding|meeting|attending|hosting|touring)\b|"
    r"\bon\s+(?:a|an|his|her|their)\s+(?:\w+[- ]day\s+)?(?:official\s+|state\s+|working\s+)?(?:visit|trip|tour)\b|"
    r"\bduring\s+(?:his|her|their)\s+(?:\w+[- ]day\s+)?(?:official\s+|state\s+)?(?:visit|trip|tour)\b|"
    r"\b(?:talks|summit|meeting|negotiations)\s+(?:open|opens|begin|begins|began|opened|continue|continued)\b|"
    r"\b(?:gathered|assembled|converged)\b[^.]{0,40}\bfor\b[^.]{0,30}\b(?:talks|summit|meeting|conference|"
    r"negotiations)\b|\bwelcomed\b|"
    r"\b(?:was|were)\s+in\s+(?-i:[A-Z])[^.;,]{0,25}?\bfor\s+(?:talks|a\s+visit|a\s+meeting|a\s+summit)\b|"
    r"\bin town\b|\bcurrently\b|\bunder way\b|"
    r"\bwhirlwind\b|\bstaying\b|\bmiss(?:ed)? (?:a |the |another )?deadline\b|\bcrashed through\b|"
    r"\bon the verge\b|\blaunched\b|\bentered\s+(?:a|its|their)\s+\w+\s+day\b|"
    r"\b(?:began|begins|started|starts|kicked off|kicks off|opened|opens|continued|continues|"
    r"(?:is|are)\s+paying)\s+(?:a|an|his|her|their|the|its)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|talks)\b|"
    r"\bin\s+(?:\w+\s+)?talks\b|\bholding\s+talks\b|"
    r",\s+in\s+(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?(?:\s+for\b|,)", re.I)
_OVER = re.compile(
    r"\b(?:wrapped|wound|wraps|winds) up\b|\bbroke\s+(?:up|off|down)\b|\bclosed\b|\b(?:flew|returned|headed) home\b|"
    r"\bleft\s+(?-i:[A-Z])\w*+(?:\s+(?-i:[A-Z])\w*+)*+(?!\s+for\b)|"  # left Oslo, not "left Madrid for Oslo"
    r"\bconcluded\b|\bcapping\b|\bended\b|\breturn(?:ed|s) from\b|\barrived back\b|"
    r"\b(?:after|following)\s+(?:a|the|his|her|their|its)\s+(?:\w+\s+){0,3}?(?:summit|meeting|talks|visit)\b|"
    r"\bafter\s+(?:visiting|meeting|holding)\b|"
    r"\bat the end of (?:the|their|its|his|her)\b|\breadout\b|\blast week\b|\bemerged from\b|\bspeaking after\b|"
    r"\b(?:have|has)\s+(?:met|held)\b|\bheld\s+(?:talks|a meeting)\b|\bmet\b|\bagreed\b|\bsigned\b|"
    r"\bpledged\b|\breached\s+(?:a|an)\b|\bstruck\b|\btouted\b|\bhosted\b|\bdiscussed\b|\bsat\s+down\s+with\b", re.I)
# Arrival, not only presence: a visitor who arrived is there now; a meeting still to come is ahead.
_ARRIVAL = re.compile(r"\b(?:arrived|landed|reached|left\s+(?:\w+\s+){0,2}for)\b|"
                      r"(?<!after )(?<!before )(?<!since )(?<!while )(?<!when )\b[Vv]isiting\s+(?-i:[A-Z])|"
                      r"\b(?:during|on)\s+(?:a|an|his|her|their|[A-Z]\w+)\s+(?:\w+[- ]day\s+)?(?:official\s+|state\s+)?"
                      r"(?:visit|trip|tour)\b|\b(?:is|are)\s+visiting\b|\b(?:first|second|third|fourth|fifth)\s+day\b|"
                      r"\b(?:began|begins|started|starts|kicked off|kicks off|continued|continues|"
                      r"(?:is|are)\s+paying)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b|"
                      r"\bset (?:off|out) for\b", re.I)
# Plain phrases of the same two kinds, looked up word by word (wordre.Phrases) on the folded
# text rather than compiled into the patterns above: each alternation costs start-up time.
_WAY_PHRASES = ["greeted", "resumed", "remain deadlocked", "remains deadlocked", "remained deadlocked",
                "remain stalled", "remains stalled", "remained stalled"] + [
    f"{v} {w}" for v in ("is", "are", "was", "were") for w in ("deadlocked", "stalled")] + [
    f"{v} {w} with" for v in ("pressed", "pushed", "pressing", "pushing") for w in ("on", "ahead")] + [
    f"{v} {w}" for v in ("stalled", "stalls") for w in ("on", "over", "again", "amid", "in")] + [
    f"{v} {w}" for v in ("continue", "continues") for w in ("on", "today", "tomorrow", "into", "through")]
_UNDER_WAY_MORE = Phrases(_WAY_PHRASES)
_ARRIVAL_MORE = Phrases(["flew in", "flew into", "flown in", "flown into", "touched down"] + [
    f"{a} {b}arrival" for a in ("upon", "on", "after") for b in ("", "his ", "her ", "their ")] + [
    f"at the start of {d}" for d in ("a", "an", "his", "her", "their")] + [
    f"stepped off {d} plane" for d in ("the", "her", "his", "their")])


def _phrases(rx: Phrases, text: str) -> int:
    """How many of the phrases occur in ``text`` (case folded), not after a hyphen ("long-stalled")."""
    folded = fold(text)
    return sum(1 for m in rx.finditer(folded) if m.start() == 0 or folded[m.start() - 1] != "-")


def under_way_cues(text: str) -> int:
    """Cues that the event is under way: _UNDER_WAY and its plain phrases."""
    return len(_UNDER_WAY.findall(text)) + _phrases(_UNDER_WAY_MORE, text)


def arrival_cue(text: str) -> bool:
    """An arrival told (_ARRIVAL and its plain phrases)."""
    return _ARRIVAL.search(text) is not None or _phrases(_ARRIVAL_MORE, text) > 0


# An end told in plain phrases, looked up in the folded text (``fold``) rather than compiled.
_END_STATED = Phrases([f"{v} up" for v in ("wrapped", "wound", "wraps", "winds")] + [
    f"{v} home" for v in ("flew", "returned", "headed")] + [
    "concluded", "capping", "ended", "returned from", "returns from", "arrived back", "readout"] + [
    f"at the end of {d}" for d in ("the", "their", "its", "his", "her")])
# Past meeting verbs: over for a meeting, but only a step of a visit still under way.
_STEP = re.compile(r"\b(?:have|has)\s+(?:met|held)\b|\bheld\s+(?:talks|a meeting)\b|\bmet\b|\bagreed\b|"
                   r"\bsigned\b|\bpledged\b|\bdiscussed\b|\bhosted\b|\bsat\s+down\s+with\b", re.I)
_VISITS = ("visit", "state-visit")
# Weights of the headline and of the first body sentences: the lead tells the news.
WEIGHTS = (2.0, 3.0, 1.5, 1.0)
WEAK = 0.3  # a bare "will" or "is ...ing" counts for a third of a verb about the event
LONGEST = timedelta(days=14)  # a visit, summit or round of talks lasts no longer
STATED = 3.0  # an end stated, or a visit under way, weighs as one such verb in the lead sentence


_PRESENT_EVENT = Phrases(["meets", "visits", "holds", "hosts", "travels", "arrives", "heads", "flies", "opens",
                          "begins", "ends", "closes", "starts", "attends", "resumes", "resume", "continues",
                          "continue"])  # looked up in the folded text


# An intention or agreement to meet looks ahead whatever its own tense: "agreed last month to meet on Friday";
# so does a progressive with a date, an arrangement: "is hosting Ruiz on Friday".
_AHEAD = re.compile(r"\bwill\b|\bplans?\s+to\b|\b(?:is|are)\s+(?:scheduled|expected|due|set|slated|to)\b|"
                    r"\b(?:is|are)\s+(?:hosting|meeting|visiting|holding|travell?ing|heading|flying|attending)\b|"
                    r"\b(?:agreed|agree|planned|hope[sd]?|intends?|invited)\s+(?:\w+\s+){0,3}?to\s+"
                    r"(?:meet|visit|hold|travel|attend|resume|sign)\b|"
                    r"\bnext\b|\btomorrow\b")  # matched on the folded sentence (wordre.fold), as with re.I


# Past-tense verbs a date often follows ("a spokesman said on Friday", "took office on
# January 1"): the verb the date belongs to, whatever the rest of the sentence says.
_REPORTING = frozenset(
    "said told announced added confirmed reported stated declared noted wrote tweeted posted".split())
_PAST_VERBS = _REPORTING | frozenset(
    "took met held won lost made gave went came began left saw spoke sent flew became signed "
    "agreed arrived visited hosted attended opened ended concluded returned died resigned".split())
# An auxiliary before such a form makes it passive, and its own tense decides: "is to be
# signed on Friday" is ahead, "was signed on Friday" is past.
_AUXILIARY = {"is": 1, "are": 1, "be": 1, "being": 1, "will": 1, "would": 1, "was": -1, "were": -1, "been": -1}


def verb_before(sentence: str, at: int) -> int:
    """The tense of a verb standing right before a date (at most one word, such as
    "reporters", between them): -1 past, +1 ahead, 0 none. "said on Friday" is last Friday
    even in a sentence about what is ahead."""
    words = [w.lower().strip(",") for w in sentence[max(0, at - 50):at].split()[-4:]]
    if words and words[-1] in ("on", "in", "since"):
        words = words[:-1]
    for i in (1, 2):
        if len(words) < i:
            break
        if words[-i] in _PAST_VERBS:
            return _AUXILIARY.get(words[-i - 1], -1) if len(words) > i else -1
    return 0


def reported_on(sentence: str, at: int) -> bool:
    """A date right after a reporting verb ("a spokesman said on Monday that ...") dates the
    report, not the event."""
    words = sentence[max(0, at - 30):at].split()[-2:]
    return any(w.lower().strip(",") in _REPORTING for w in words)


# Verbs of an event's end: a date after one of them is when it ends, not when it happens.
_END_VERBS = frozenset("end ends ended close closes closed conclude concludes concluded leave leaves left "
                       "depart departs departed wrap wraps wrapped wind winds wound".split())
# "a three-day visit", "a 2-day summit": how long the event lasts.
_LENGTH = LazyPattern(r"\b(two|three|four|five|six|seven|2|3|4|5|6|7)[- ]day\b", re.I)
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def ends_on(sentence: str, at: int) -> bool:
    """A date right after an end verb ("will wrap up her visit on Friday", "set to close the
    summit on Thursday"): the event's last day."""
    words = [w.lower().strip(",") for w in sentence[max(0, at - 40):at].split()[-5:]]
    return any(w in _END_VERBS for w in words)


# "Talks continue on Thursday": a later day of an event already begun, read as its end is.
_GOES_ON_VERBS = frozenset("continue continues".split())


def goes_on(sentence: str, at: int) -> bool:
    """A date right after "continue(s)": a day of an event begun before it, not its start."""
    words = [w.lower().strip(",") for w in sentence[max(0, at - 30):at].split()[-3:]]
    return any(w in _GOES_ON_VERBS for w in words)


def length_in_days(text: str) -> int | None:
    m = _LENGTH.search(text)
    return None if m is None else _NUMBER.get(m.group(1).lower()) or int(m.group(1))


def direction(sentence: str, at: int | None = None) -> int:
    """+1 when a sentence speaks of what is ahead ("will", "meets ... on Tuesday", "plans to
    sit down ... on Monday"), -1 when of what is past ("met", "held talks"), 0 when it does
    not say: how to read its weekdays. With ``at`` (an offset in the sentence), the tense
    cue nearest before it decides ("has already met Qin as he plans to see Xi on Monday")."""
    if at is not None and (verb := verb_before(sentence, at)):
        return verb
    cues = [(m.start(), 1) for m in (*_futures(sentence), *_AHEAD.finditer(fold(sentence)))]
    cues += [(m.start(), 1) for m in _PRESENT_EVENT.finditer(fold(sentence))]
    cues += [(at, 1) for at in _timetable(sentence)]
    cues += [(m.start(), -1) for rx in (_STEP, _OVER) for m in rx.finditer(sentence)]
    if not cues:
        return 0
    if at is not None:
        before = [c for c in cues if c[0] < at]
        if before:
            return max(before)[1]
    ways = {w for _, w in cues}
    return ways.pop() if len(ways) == 1 else 0


def status_scores(chunks: list[tuple[str, float]], headline: str = "") -> dict[str, float]:
    """Weighted cue counts per status over the lead's chunks (and the headline's infinitives)."""
    out = {"upcoming": 0.0, "ongoing": 0.0, "concluded": 0.0}
    for text, w in chunks:
        out["upcoming"] += w * (len(_futures(text)) + len(_timetable(text)))
        out["ongoing"] += w * under_way_cues(text)
        out["concluded"] += w * len(_OVER.findall(text))
        out["upcoming"] += WEAK * w * len(_WEAK_FUTURE.findall(text))
        out["ongoing"] += WEAK * w * len(_WEAK_NOW.findall(text))
    if headline:
        out["upcoming"] += WEIGHTS[0] * len(_HEADLINE_FUTURE.findall(headline))
        out["ongoing"] += WEIGHTS[0] * len(_HEADLINE_IN.findall(headline))
    return out


_APPOSITIVE = LazyPattern(r",[^,.;]{1,80},\s*")
_REPORTED = LazyPattern(r"(?:said|says|told\s+\w+|announced)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
                         r"(?:(?:he|she|they|it|the)\s+(?:\w+\s+)?)?")
_REPORTED_VERBS = ("said", "says", "told", "announced")  # what _REPORTED opens on
_CLAUSE_END = LazyPattern(r"[,;.:]")


def main_verb(sentence: str, subject: str) -> str | None:
    """What the verb of the event's subject says: "Ruiz, who wrapped up talks in Stockholm,
    will travel to Oslo" is ahead, whatever its relative clause says. The words after the
    subject's first mention (past an appositive, and past "said (that) she" to what was
    said), to the end of the clause; None when they carry no strong cue, "arrived" when
    they tell only of an arrival."""
    if not subject or (at := find_word(sentence, subject)) < 0:
        return None
    at += len(subject)
    if (apposition := _APPOSITIVE.match(sentence, at)) is not None:
        at = apposition.end()
    at = len(sentence) - len(sentence[at:].lstrip())
    said = _REPORTED.match(sentence, at) if sentence.startswith(_REPORTED_VERBS, at) else None
    if said is not None:
        at = said.end()
    end = _CLAUSE_END.search(sentence, at)
    clause = sentence[at:end.start() if end else len(sentence)]
    if _futures(clause) or _timetable(clause):
        return "upcoming"
    if _END_STATED.search(fold(clause)):
        return "concluded"
    if under_way_cues(clause):
        return "ongoing"
    if arrival_cue(clause):
        return "arrived"  # under way for a visit, the eve of a summit or of talks
    return None


def decide(chunks: list[tuple[str, float]], kind: str | None, anchor: date | None,
           event_dates: list[date], headline: str = "", subject: str = "",
           end_dates: list[date] = ()) -> str | None:
    """upcoming / ongoing / concluded, or None when the text says nothing about time.
    ``chunks`` holds the headline (if any) and the lead's sentences with their weights;
    ``subject`` names the event's principal, whose own verb in the lead weighs most;
    ``end_dates`` are the days it ends ("wraps up on Friday")."""
    if anchor is not None and end_dates and max(end_dates) > anchor and all(d <= anchor for d in event_dates):
        return "ongoing"  # it ends ahead and began (if the lead says when) already
    starts, event_dates = event_dates, [*event_dates, *end_dates]
    if anchor is not None and any(d > anchor for d in event_dates):
        # With a day ahead, a day weeks back is another event's ("who last visited on 3 June 2019").
        event_dates = [d for d in event_dates if d >= anchor - LONGEST]
        starts = [d for d in starts if d >= anchor - LONGEST]
    if anchor is not None and event_dates:
        first, last = min(event_dates), max(event_dates)
        if first > anchor:
            return "upcoming"
        days = length_in_days(" ".join(t for t, _ in chunks))
        if days and starts and not end_dates and min(starts) <= anchor < min(starts) + timedelta(days=days):
            return "ongoing"  # "a two-day summit opened on Wednesday", read on Wednesday or Thursday
        if last < anchor and (anchor - last).days > 1:
            return "concluded"
        if first <= anchor < last or first < anchor == last:
            return "ongoing"  # begun, with more to come, or on its last day
    scores = status_scores(chunks, headline)
    text = " ".join(t for t, _ in chunks)
    under_way = any(arrival_cue(t) for t, w in chunks if w >= 1.5)
    lead = next((t for t, w in chunks if w == WEIGHTS[1]), "")
    main = main_verb(lead, subject)
    if main == "arrived":
        main = "ongoing" if kind in _VISITS else None
    if main is not None:
        scores[main] += STATED
    if main in (None, "concluded") and _END_STATED.search(fold(text)):
        scores["concluded"] += STATED
    elif under_way and kind in _VISITS:
        # A visit under way: its past meetings are steps of it, not its end.
        scores["ongoing"] += STATED
        scores["concluded"] -= sum(w * len(_STEP.findall(t)) for t, w in chunks)
    if not any(v > 0 for v in scores.values()):
        if anchor is not None and event_dates and all(d == anchor for d in event_dates):
            return "ongoing"  # news of the day about the event's own day: "pressed on with talks on Wednesday"
        return _by_tense(chunks)
    return max(("upcoming", "ongoing", "concluded"), key=lambda k: scores[k])


_PAST = LazyPattern(r"\b(?:was|were|had|did|\w{3,}ed)\b", re.I)
_PRESENT = LazyPattern(r"\b(?:is|are|says|has|have)\b", re.I)


def _by_tense(chunks: list[tuple[str, float]]) -> str | None:
    """No word about the event's time at all: the tense of the lead sentence, if it has one
    ("will" ahead, a past verb over, a present verb under way)."""
    lead = next((t for t, w in chunks if w == WEIGHTS[1]), "")
    if re.search(r"\bwill\b", lead, re.I):
        return "upcoming"
    if _PAST.search(lead) or any(w.strip(",.;:").lower() in _PAST_VERBS for w in lead.split()):
        return "concluded"
    if _PRESENT.search(lead) or _PRESENT_EVENT.search(fold(lead)):
        return "ongoing"
    return None
