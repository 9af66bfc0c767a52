"""Stage 9: subject line, bottom line up front, and gaps.

Reads ``event``, ``people``, ``mentions``, ``principal_key``, ``sentences``, ``dateline``,
``purpose``, ``expectations``, ``agenda``, ``participants``, ``quote_items``, ``text``,
``article``; sets ``subject``, ``bottom_line``, ``gaps``.

The subject names the event and its place ("Visit of Secretary of State Antony Blinken to
Beijing, 18-19 June 2023"), or is the article's headline when no event was found. The bottom
line is one or two whole sentences: the article's own sentence saying who goes where (cut at
a clause end), or, failing that, a frame built from the event's fields in the tense of its
status; then the single best purpose (or, once the event is over, outcome) that is a whole
statement. The article's words are Phrases with their spans; the memo's own words (the
frame, a name for a leading "He", a closing full stop) are Supplied, never passed off as
the article's.
"""
from __future__ import annotations

import re
from datetime import date

from briefgen.model.briefing import Event, Item, Phrase, Span, Supplied
from briefgen.extract.lexicon import NATIONALITIES
from briefgen.extract.state import State
from briefgen.extract.statements import has_finite_verb, supplied_names, whole_statement
from briefgen.extract.wordre import LazyPattern

# A group named by the sides it comes from ("Negotiators from Peru and Chile", "Envoys of Lima and
# Santiago"): the subject says the sides.
_SIDES_OF = LazyPattern(r"^[A-Z][a-z]+s\s+(?:from|of)\s+(?:the\s+)?(.+\sand\s.+)$")

_KIND_NOUN = {
    "visit": "visit", "state-visit": "state visit", "summit": "summit", "talks": "talks",
    "trade-talks": "trade talks", "peace-talks": "peace talks", "other": "meeting",
}
_SECTIONS = ("purpose", "agenda", "expectations", "context", "participants", "quotes")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


# ------------------------------------------------------------------------------------ subject

def has_event(ev: Event) -> bool:
    """The parser found an event: a no-event result has no kind (or leaves principal, place and
    evidence empty)."""
    return ev.kind is not None and bool(ev.principal or ev.location or ev.evidence)


def possessive(who: str) -> str:
    """"Antony Blinken" -> "Antony Blinken's"; "G7 finance ministers" -> "G7 finance ministers'"."""
    who = re.sub(r"['’]s?$", "", who)
    last = who.split()[-1] if who.split() else who
    plural = last[:1].islower() and last.endswith("s") and not last.endswith("ss")
    return who + ("'" if plural else "'s")


def _group(who: str) -> bool:
    """A body or a group rather than one person ("United Nations", "EC foreign ministers")."""
    words = who.split()
    return bool(words) and (words[-1][:1].islower() or words[-1].isupper() or
                            who.endswith(("Nations", "States", "Union", "Council", "Commission")))


def when(dates) -> str:
    """The event's first resolved date as written in a memo ("18 June 2023"), a range when the
    next one written is the day after ("18-19 June 2023")."""
    days = [date.fromisoformat(d.iso) for d in sorted(dates, key=lambda d: d.span.start)
            if d.iso and re.fullmatch(r"\d{4}-\d\d-\d\d", d.iso)]
    if not days:
        return ""
    a = z = days[0]
    if len(days) > 1 and (days[1] - a).days == 1:
        z = days[1]
    if a == z:
        return f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
    if (a.year, a.month) == (z.year, z.month):
        return f"{a.day}-{z.day} {_MONTHS[a.month - 1]} {a.year}"
    return f"{a.day} {_MONTHS[a.month - 1]}-{z.day} {_MONTHS[z.month - 1]} {z.year}"


def _who(principal: str | None, role: str | None) -> str:
    """Role and name, or "" when the principal is no name (a bare "German")."""
    p = (principal or "").strip()
    if not p or (len(p.split()) == 1 and p.lower().rstrip(".") in NATIONALITIES):
        return ""
    role = re.sub(r"^(?:Visiting|visiting)\s+", "", role or "")
    if role and len(role.split()) <= 5 and role[:1].isupper() and role.lower() not in p.lower():
        return f"{role} {p}"
    return p


def subject(ev: Event, title: str | None = None, dated: bool = False, named: bool = True) -> str:
    """Subject line from the event: kind, who, where (the event's place), when (only when the
    article is ``dated``: weekdays resolved against the day of the build mislead); the
    headline when no event was found or its place was not. ``named``: the principal is a person the article names
    or a group; otherwise ("Open", "South American") the subject goes without it."""
    headline = (title or "").strip()
    if not re.search(r"[^\W\d_]{2,}", headline):
        headline = ""  # "• • •" is no headline
    if not has_event(ev):
        return headline or "Untitled article"
    noun = _KIND_NOUN.get(ev.kind or "other", "meeting")
    who = _who(ev.principal, ev.principal_role) if named else ""
    place = (ev.location or "").strip()
    if not place and headline:
        return headline  # without its place the event says less than the headline does
    tail = "".join(f", {x}" for x in (when(ev.dates) if dated else "",) if x)
    if ev.kind in ("visit", "state-visit") and who and " and " not in who:
        head = f"{noun.capitalize()} of {who}" + (f" to {place}" if place else "")
        return head + tail
    if ev.kind in ("visit", "state-visit"):
        noun = "meeting" if who else noun
        if not who and place:
            return f"{noun.capitalize()} to {place}" + tail
    if ev.kind == "summit":  # a summit is nobody's: "Jack Straw's summit" misleads
        if place:
            return f"Summit in {place}" + tail
        return headline or "Summit"
    if who and re.search(r"\b(?:talks|summit|meeting|negotiations|visit)\b", who, re.I):
        head = who[:1].upper() + who[1:]  # the principal names the event itself ("Nuclear talks between ...")
    elif who and " and " in who:
        sides = _SIDES_OF.match(who)  # "Negotiators from Peru and Chile": the sides are Peru and Chile
        head = f"{noun.capitalize()} between {sides.group(1) if sides else who}"
    elif who and _group(who):
        head = f"{possessive(who)} {noun}" if who.split()[-1][:1].islower() else f"{who} {noun}"
        head = head[:1].upper() + head[1:]
    elif who:
        head = f"{possessive(who)} {noun}"
        head = head[:1].upper() + head[1:]
    elif not place and headline:
        return headline  # neither who nor where: the headline says more than "Meeting"
    else:
        return noun.capitalize() + (f" in {place}" if place else "") + tail
    return head + (f", {place}" if place else "") + tail


# ------------------------------------------------------------------------------- bottom line

# Where a lead sentence may be cut so that what stays is a whole clause.
_JOINT = LazyPattern(r",\s+(?:which|while|but|although|as|after|amid|since|because|according|where|when|"
                    r"reiterating|saying|adding|marking|in a|the first)\b|"
                    r"\s+(?:after|since) (?:months|years|weeks|decades|days) of\b|\s+(?:amid|despite)\s|"
                    r";\s|\s[-–—]{1,2}\s|,\s+(?=\")")
LEAD_WORDS = 40  # a lead sentence longer than this is cut at a clause joint ...
LEAD_MAX = 55  # ... and one still longer is not taken (the bottom line has four lines)
# A sentence that tells of the event: its place, or a word for going or meeting.
_EVENT_WORD = LazyPattern(r"\b(?:visit\w*|trip|tour|talks|summit|meet\w*|met|arriv\w+|travel\w*|host\w*|"
                         r"landed|flew|welcom\w+|negotiat\w+|conference|consultations?)\b", re.I)
MIN_WORDS = 6  # no sentence of the bottom line is shorter
SECOND_WORDS = 35  # the purpose or outcome sentence is at most this long
_STATUS_VERB = {  # visit, meeting: in the tense of the event's status
    "upcoming": ("will visit", "will hold talks in", "will meet"),
    "ongoing": ("is visiting", "is holding talks in", "is meeting"),
    "concluded": ("visited", "held talks in", "met"),
    None: ("visits", "holds talks in", "meets"),
}


def _words(s: str) -> int:
    return len(s.split())


def _sentence_span(state: State, at: int) -> Span | None:
    """The body sentence holding ``at``, without a dateline in front of it."""
    sent = state.sentence_at(at)
    if sent is None or sent.caption:
        return None
    start, end = sent.start, sent.end
    if state.dateline is not None and state.dateline.start <= start < state.dateline.end:
        start = state.dateline.end
    while start < end and not state.norm[start].isalnum() and state.norm[start] not in '"':
        start += 1
    while end > start and state.norm[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _cut(state: State, span: Span, keep_to: int) -> Span:
    """A long sentence cut at the first clause joint after ``keep_to`` (what must stay)."""
    text = state.norm
    semi = text.find("; ", max(keep_to, span.start), span.end)
    if semi != -1 and _words(text[span.start:semi]) >= MIN_WORDS and text.count('"', span.start, semi) % 2 == 0:
        span = Span(span.start, semi)  # a bottom line is no list: the first clause of one
    if _words(text[span.start:span.end]) <= LEAD_WORDS:
        return span
    for m in _JOINT.finditer(text, max(keep_to, span.start), span.end):
        if text.count('"', span.start, m.start()) % 2:
            continue  # never inside a quotation
        if _words(text[span.start:m.start()]) >= MIN_WORDS:
            end = m.start()
            while end > span.start and text[end - 1] in " ,;:":
                end -= 1
            return Span(span.start, end)
    return span


def _pieces(state: State, span: Span, named: set[int] | None = None) -> list[Phrase | Supplied]:
    """A sentence as pieces: a pronoun standing for someone the bottom line has not named yet
    becomes that person's name, supplied; the rest are the article's words; a full stop is
    supplied where the cut left none."""
    out: list[Phrase | Supplied] = []
    start = span.start
    for sup in supplied_names(state, span, named or set()):
        at = sup.stands_for
        if at.start > start:
            out.append(Phrase(text=state.text[start:at.start], evidence=(Span(start, at.start),)))
        out.append(sup)
        start = at.end
    if start < span.end:
        out.append(Phrase(text=state.text[start:span.end], evidence=(Span(start, span.end),)))
    if state.norm[span.end - 1] not in ".!?\"":
        out.append(Supplied("."))
    return out


LEAD_SENTENCES = 3  # the lead: the first body sentences, where news puts who, where, when


def _repeats_participant(state: State, span: Span) -> bool:
    """The sentence holds a participant's line word for word ("Wang Yi, director of the ..."):
    the memo would say it twice."""
    text = state.text[span.start:span.end]
    return any(p.role and len(f"{p.name} {p.role}".split()) >= 6 and f"{p.name}, {p.role}" in text
               for p in state.participants)


def _usable(state: State, at: int, repeat_ok: bool = False) -> Span | None:
    """The sentence holding ``at``, cut to a clause end, if it can open a bottom line."""
    span = _sentence_span(state, at)
    if span is None:
        return None
    keep = at
    if state.event.location:
        where = state.norm.find(state.event.location, at, span.end)
        keep = where + len(state.event.location) if where != -1 else at
    span = _cut(state, span, keep)
    text = state.norm[span.start:span.end]
    if _words(text) > LEAD_MAX or not whole_statement(text, strict=True) or not has_finite_verb(text):
        return None
    if not repeat_ok and _repeats_participant(state, span):
        return None
    return span


def _tells_event(state: State, span: Span) -> bool:
    text = state.norm[span.start:span.end]
    place = state.event.location
    return bool((place and place in text) or _EVENT_WORD.search(text))


def _lead(state: State) -> Span | None:
    """The article's own "who goes where": the lead sentence that names the principal; else
    a lead sentence that tells of the event (its place, or a word for going or meeting: the
    principal may be named later); else the first later sentence naming the principal that
    tells of the event, else the first naming the principal at all."""
    body = [s for s in state.sentences if not s.caption][:LEAD_SENTENCES]
    person = state.person(state.principal_key)
    if person is not None:
        anchors = sorted({m.start for m in state.mentions if m.person == person.key and m.kind != "pronoun"}
                         or {person.first.start})
    elif state.event.evidence:
        anchors = [state.event.evidence[0].start]
    else:
        anchors = []
    lead_end = body[-1].end if body else 0
    named = [sp for sp in dict.fromkeys(_usable(state, a) for a in anchors[:8]) if sp is not None] or \
        [sp for sp in dict.fromkeys(_usable(state, a, repeat_ok=True) for a in anchors[:1]) if sp is not None]
    for sp in named:
        if sp.start < lead_end:
            return sp
    for sent in body[:2]:
        sp = _usable(state, sent.start)
        if sp is not None and _tells_event(state, sp):
            return sp
    telling = [sp for sp in named if _tells_event(state, sp)]
    return (telling or named or [None])[0]


def _first_sentence(state: State) -> Span | None:
    """What the article reports first: its first body sentence that is a whole statement."""
    for sent in state.sentences[:4]:
        span = _sentence_span(state, sent.start)
        if span is None:
            continue
        span = _cut(state, span, span.start)
        text = state.norm[span.start:span.end]
        if _words(text) <= LEAD_MAX and whole_statement(text, strict=True) and has_finite_verb(text):
            return span
    return None


def _frame(state: State) -> list[Phrase | Supplied]:
    """Who meets whom, where, built from the event's fields in the tense of its status; the
    names and the place are the article's words where it writes them."""
    ev = state.event
    person = state.person(state.principal_key)
    if person is None and not _named(state):
        return []
    visit, talks, meet = _STATUS_VERB.get(ev.status, _STATUS_VERB[None])
    out: list[Phrase | Supplied] = []
    if person is not None:
        span = person.first
        if person.role_span is not None and 0 <= span.start - person.role_span.end <= 2:
            span = Span(person.role_span.start, span.end)
        out.append(Phrase(state.text[span.start:span.end], (span,)))
    else:
        out.append(Supplied(_who(ev.principal, ev.principal_role) or ev.principal or ""))
    place = ev.location
    at = state.norm.find(place) if place else -1
    verb = visit if ev.kind in ("visit", "state-visit") else talks
    if place:
        out.append(Supplied(verb))
        out.append(Phrase(state.text[at:at + len(place)], (Span(at, at + len(place)),)) if at != -1
                   else Supplied(place))
    else:
        return []
    day = when(ev.dates) if _dated(state) else ""
    if day:
        out.append(Supplied(f"on {day}"))
    out.append(Supplied("."))
    return out


def supplied_first(it: Item) -> bool:
    """The supplied name opens the line ("[Straw] said ..."), so the line opens on a name; a name
    supplied further in ("said [Cameron] hoped ...") leaves the line's own opening to be judged."""
    sp = it.evidence[0]
    return any(s.stands_for is not None and not it.text[:s.stands_for.start - sp.start].strip(" \"“‘'(")
               for s in it.supplied)


def _second(state: State, taken: list[Span]) -> Item | None:
    """The best purpose (or, once the event is over, outcome) that is a whole statement and
    not already said."""
    concluded = state.event.status == "concluded"
    pools = (state.expectations, state.purpose) if concluded else (state.purpose, state.expectations)
    # The section that fits the status first; in it, the analyst's own statement before a
    # quotation (a quotation speaks for one side), best first.
    ranked = sorted(((k, state.norm[it.evidence[0].start] == '"', -it.score, it.evidence[0].start), it)
                    for k, pool in enumerate(pools) for it in pool if it.evidence)
    for _, it in ranked:
        sp = it.evidence[0]
        if any(sp.overlaps(t) for t in taken):
            continue
        text = state.norm[sp.start:sp.end]
        if _words(text) > SECOND_WORDS or not has_finite_verb(text) or \
                not whole_statement(text, supplied_lead=supplied_first(it), strict=True) or \
                _repeats_participant(state, sp):
            continue
        return it
    return None


def bottom_line(state: State) -> tuple[Phrase | Supplied, ...]:
    """One or two whole sentences: who goes where (the article's lead, or a supplied frame),
    then the single most important purpose or outcome. With no event: what the article
    reports first, as it says it."""
    if not has_event(state.event):
        first = _first_sentence(state)
        return tuple(_pieces(state, first)) if first is not None else ()
    lead = _lead(state)
    pieces = _pieces(state, lead) if lead is not None else _frame(state)
    if not pieces:
        first = _first_sentence(state)
        pieces = _pieces(state, first) if first is not None else []
    taken = [s for p in pieces if isinstance(p, Phrase) for s in p.evidence]
    second = _second(state, taken)
    if second is not None:
        pieces += _pieces(state, second.evidence[0])  # its opening pronoun named even so: a sentence of its own
    return tuple(pieces)


def _dated(state: State) -> bool:
    """The article gives its own full date, so the days it names resolve to real dates (a
    dateline's "April 27" has no year, and a build date is no anchor for an old story)."""
    return bool(state.article.date and re.match(r"\d{4}-\d\d-\d\d", state.article.date))


def _named(state: State) -> bool:
    """The principal is a person the article names, or a group ("G7 finance ministers",
    "India and Russia"), not a stray word the parser took for one."""
    p = (state.event.principal or "").strip()
    if not p:
        return False
    if state.person(state.principal_key) is not None or " and " in p:
        return True
    words = p.split()
    if words[-1].lower().rstrip(".") in NATIONALITIES or words[-1].lower() in ("american", "european", "african",
                                                                               "asian", "arab"):
        return False
    if p.isupper() and len(words) > 3:
        return False  # a run of an all-capitals text ("PRESIDENT ANA RUIZ WILL VISIT CHILE"), not a name
    return len(words) >= 2 or (p.isupper() and len(p) >= 2)


def headline(state: State) -> str | None:
    """The article's headline: the reader's title, else the title line segment set aside."""
    if state.article.title:
        return state.article.title
    first = state.metadata[0] if state.metadata else None
    if first is not None and not state.text[:first.start].strip():
        return " ".join(state.text[first.start:first.end].split()) or None
    return None


def run(state: State) -> State:
    """Sets subject, bottom_line, gaps."""
    subj = subject(state.event, headline(state), dated=_dated(state), named=_named(state))
    bottom = bottom_line(state)
    found = {"purpose": state.purpose, "agenda": state.agenda, "expectations": state.expectations,
             "context": state.context, "participants": state.participants, "quotes": state.quote_items}
    gaps = tuple(s for s in _SECTIONS if not found[s])
    return state.replace(subject=subj, bottom_line=bottom, gaps=gaps)
