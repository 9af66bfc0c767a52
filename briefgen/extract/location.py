"""Where the event happens: a helper of the event stage (stage 5).

Reads ``norm``, ``sentences``, ``dateline_place`` of the State; returns a place
name or None.

Each place named in the first body sentences after a preposition or a travel
verb earns a vote, weighted by how surely the phrase names the venue ("arrived
in", "talks were held in", "a Camp David summit" outweigh a bare "in") and
by how early it comes; the dateline city adds a vote. A city beats the
country it sits in. Places that only name a topic ("the conflict in Yemen",
"the South China Sea") do not vote, and "the Chinese capital" stands for the
capital it names.
"""
from __future__ import annotations

import re

from briefgen.extract.lexicon import (CAPITALS, city_in, CITIES, CITY_PREFIXES, COUNTRIES, COUNTRY_PHRASES, NATIONALITIES,
                                      NOT_PERSON_NAME, REGIONS, TITLE_HEADS, VENUES)
from briefgen.extract.state import State
from briefgen.extract.wordre import LazyPattern, find_word, fold, holds_any

_NAME = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
# Venue cues, strongest first (the look-ahead on their first letters only saves time). Group "cue" is the cue, "place" the capitalised phrase after it.
_AFTER = re.compile(
    r"\b(?=[abcdfhijlmnrstv])(?P<cue>reached|reaches|landed in|lands in|arrived in|arrive in|arrives in|arriving in|arrived back in|visit to|visits to|visiting|"
    r"visits|visited|visit|trip to|travel to|travels to|travelled to|traveled to|tour of|depart for|"
    r"mission to|journey to|flew to|fly to|flies to|heads? to|headed to|held in|be held in|"
    r"hosted in|talks in|summit in|meeting in|conference in|talks at|summit at|met in|gathered in|"
    r"province of|state of|resort of|city of|town of|village of|"
    r"in|to|at|for|near)\s+(?:the\s+)?(?P<place>" + _NAME + ")")
_STRONG = frozenset("""arrived arrive arrives arriving visit visits visiting visited trip travel travels
travelled traveled tour depart mission journey flew fly flies head heads headed held be hosted
talks summit meeting conference met gathered province state reached reaches landed lands resort city town
village""".split())
# "a Camp David summit", "the Brussels talks", "at a Geneva conference".
_EVENT_NOUNS = ("summit", "talks", "meeting", "conference", "negotiations")
_BEFORE_EVENT = LazyPattern(r"\b(?:a|an|the|this|next|last)\s+(?:\w+'s\s+)?(?P<place>" + _NAME + r")\s+"
                            r"(?:" + "|".join(_EVENT_NOUNS) + r")\b")
# "the Chinese capital", "the Japanese capital".
_CAPITAL_OF = LazyPattern(r"\b(?:the\s+)?(?P<adj>(?:(?:North|South)\s+)?[A-Z][a-z]+)\s+capital\b(?!\s+[A-Z])")
# A place after one of these names a topic, not the venue: "the conflict in Yemen".
_TOPIC_BEFORE = re.compile(r"\b(?:conflicts?|wars?|crisis|crises|fighting|violence|situation|unrest|peace|aggression|"
                           r"neighbouring|neighboring|bordering|bombings?|attacks?|blasts?|explosions?|shootings?|"
                           r"clashes|protests?|earthquake|floods?|"
                           r"crackdown|famine|insurgency|occupation|troops|forces|invasion)\s+(?:in|on)\s+"
                           r"(?:the\s+)?$", re.I)
# "the bombing in the Israeli city of Tel Aviv": the place of an incident, not of the talks.
_INCIDENT_PLACE = LazyPattern(r"\b(?:bombings?|attacks?|blasts?|explosions?|shootings?|clashes|protests?)\s+(?:in|on|at)\s+"
                              r"(?:the\s+)?(?:[\w-]+\s+)?(?:city|town|village|resort|province|state)\s+of\s+$", re.I)
_INCIDENTS = ("bombing", "attack", "blast", "explosion", "shooting", "clashes", "protest")  # one is in every match
# "the talks, slated to begin on Thursday in Geneva": an event noun shortly before "in X".
_EVENT_NEAR = LazyPattern(r"\b(?:talks|summit|meeting|conference|negotiations)\b[^.;]*$", re.I)
# "Mr Hu is in Brazil", "the leaders are in Seoul".
_IS_IN = LazyPattern(r"\b(?:is|are|was|were|remains?)\s+(?:now\s+|currently\s+)?$", re.I)
# "slated to begin on Thursday in Geneva", "will be born this week in Peru": a time, then the venue.
_WHEN = LazyPattern(r"\b(?:(?:this|next|last)\s+(?:week|month|weekend)|on\s+(?:Monday|Tuesday|Wednesday|"
                    r"Thursday|Friday|Saturday|Sunday)|today|tomorrow|tonight)\s+$", re.I)
_WHEN_ENDS = ("week", "month", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "tomorrow", "tonight")  # the words _WHEN ends on
# ... unless the place is the reporter's: "according to the BBC's Tom Gibb in Sao Paulo".
_REPORTERS = ("according to", "correspondent", "reporter", "said", "says", "told")
_REPORTER = LazyPattern(r"\b(?:" + "|".join(_REPORTERS) + r")\b[^.;]*$", re.I)


def _reporter(norm: str, a: int, b: int) -> bool:
    """``_REPORTER.search(norm, a, b)``, run (and compiled) only where one of its words is."""
    return holds_any(fold(norm[a:b]), _REPORTERS) and _REPORTER.search(norm, a, b) is not None
# A capitalised phrase ending in one of these is a feature, not a country ("South China Sea").
_FEATURE = frozenset("sea ocean strait straits gulf bay river peninsula islands island canal "
                     "mountains desert basin".split())
_SOURCE_AFTER = LazyPattern(r"\s+(?:has\s+|had\s+|also\s+)?(?:said|says|announced|indicated|confirmed|"
                            r"added|stated|told|statement|spokes\w+|press\s+secretary|officials?|aides?|"
                            # "as Downing Street seeks a deal": the government acting, not a venue
                            r"seeks|sought|wants|wanted|hopes|hoped|plans|planned|insists|insisted|believes|"
                            r"expects|warned|warns|welcomed|welcomes|denied|denies|declined|"
                            r"advisers?|sources?|readout)\b")
# A place named as the first word of a building's name ("talks at Hyderabad House" in New Delhi,
# "the Beijing Hotel") tells less than the bare place: most such buildings stand in the place they
# are named after, some do not. Its vote is a weak one.
_BUILDINGS = frozenset("house palace hall castle hotel centre center building tower lodge manor villa "
                       "residence mansion fort".split())
# A tour told as a list of three stops or more after a travel cue: "will travel to Cape Verde, Ivory
# Coast, Nigeria and Angola". Each stop must be a known place; the location is then the list, as the
# article says it (two stops, "a visit to Beijing and Shanghai", keep the first: where the talks are).
_TOUR_CUES = frozenset("visit visits visiting visited trip travel travels travelled traveled tour journey".split())
_STOP = r"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
_MORE_STOPS = LazyPattern(rf"(?:,\s+{_STOP})*,?\s+and\s+{_STOP}")
_STOP_RX = LazyPattern(_STOP)
_MAX_STOPS = 6  # a longer list is no itinerary a subject line can carry: the first stop stands for it
_SENTENCES = 6
_CITY_BONUS = 2.0
_DATELINE_VOTE = 1.5
# A city named with at least this share of the leading country's weight is the more specific venue.
CITY_OVER_COUNTRY = 0.4


def is_place(words: str) -> bool:
    """A known country, region or city, or a name ending in a country ("Northern Ireland")."""
    w = words.lower()
    return w in COUNTRIES or w in REGIONS or w in COUNTRY_PHRASES or is_city(w) or \
        (" " in w and w.split()[-1] in COUNTRIES)


def is_city(place: str) -> bool:
    """CITIES holds the words of city names ("camp", "david"): every word must be one, and a
    lone word must not be only the start of a name ("New", "Hong")."""
    words = place.lower().split()
    if len(words) == 1 and words[0] in CITY_PREFIXES:
        return False
    return bool(words) and all(w in CITIES for w in words)


def place_of(phrase: str) -> str | None:
    """The longest leading part of a capitalised phrase that is a known place, or None.
    A phrase naming a feature ("South China Sea") is no place."""
    words = phrase.split()
    if words and words[-1].lower() in _FEATURE:
        return None
    while words and not is_place(" ".join(words)):
        words = words[:-1]
    return " ".join(words) or None


def _unknown_place(phrase: str, names: frozenset[str]) -> str | None:
    """A capitalised word after a strong venue cue that names no person, title, nationality or
    common noun: a place the lexicon does not know ("a visit to Hiroshima", "met in Bavaria")."""
    words = []
    for w in phrase.split():
        low = w.lower()
        if low in NOT_PERSON_NAME or low in TITLE_HEADS or low in NATIONALITIES or w in names or \
                low.endswith(("'s", "’s")):
            break
        words.append(w)
    return " ".join(words[:2]) or None


def _another_leg(norm: str, start: int, at: int) -> bool:
    """The place a little before ``at`` is another leg or an earlier round: "a day after talks in
    Seoul", "after a stop in Shanghai", "before heading to Seoul"; not "after arriving in Beijing"
    (an arrival is here)."""
    words = norm[start:at].lower().split()[-5:]
    for i, w in enumerate(words):
        if w in ("after", "following", "since"):
            return not any(x.endswith("ing") for x in words[i + 1:])
        if w == "before":
            return True
    return False


def _vote(counts: dict[str, float], place: str, weight: float, city: bool | None = None) -> None:
    if is_city(place) if city is None else city:
        weight *= _CITY_BONUS
    counts[place] = counts.get(place, 0.0) + weight


# A call or a video summit has no venue: the dateline ("WASHINGTON -") is where one side or the
# reporter sits, and a subject line "Biden's talks, Washington" would mislead. Told in the lead
# ("held a video call", "a virtual summit", "spoke by phone"), unless someone travels there.
_REMOTE_WORDS = ("phone", "video", "virtual", "telephone", "call with")
# A call (a call with reporters is how the news came, not the event): talks, whatever summit it prepares.
_CALL_CUES = (r"\b(?:(?:tele)?phone|video)[- ](?:call|conversation)\b|"
              r"\bcall\s+with\b(?!\s+(?:reporters|journalists|the\s+(?:press|media)))|"
              r"\bspoke\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone\b")
_CALL = LazyPattern(_CALL_CUES, re.I)
# A call, a video conference or a virtual summit.
_REMOTE = LazyPattern(r"\b(?:(?:tele)?phone|video)[- ](?:conference|summit|talks|link)\b|"
                      r"\bvideoconferenc|\bvirtual\s+(?:summit|meeting|talks)\b|" + _CALL_CUES, re.I)
_TRAVEL = LazyPattern(r"\b(?:arriv\w+|land(?:s|ed)|fl(?:ew|ies|y)|travel\w*|visit\w*|trip|tour)\b", re.I)


def _tour(norm: str, m: re.Match, place: str) -> str | None:
    """"Cape Verde, Ivory Coast, Nigeria and Angola" when ``place`` opens such a list of known
    places right after a travel cue, else None."""
    if m.group("cue").split()[0] not in _TOUR_CUES or m.group("place") != place:
        return None
    more = _MORE_STOPS.match(norm, m.end("place"))
    if more is None:
        return None
    stops = [x.group() for x in _STOP_RX.finditer(norm, more.start(), more.end())]
    if not 2 <= len(stops) < _MAX_STOPS or not all(place_of(x) == x for x in stops):
        return None
    return norm[m.start("place"):more.end()]


def _remote_cue(state: State, rx) -> bool:
    """``rx`` in the headline or the lead, and nobody travelling in the lead."""
    lead = next((s for s in state.sentences if not s.caption), None)
    if lead is None:
        return False
    chunks = [(lead.start, lead.end)]
    if state.metadata and state.metadata[0].start < lead.start:
        chunks.append((state.metadata[0].start, state.metadata[0].end))  # "Readout of X's Call with Y"
    told = any(holds_any(fold(state.norm[s:e]), _REMOTE_WORDS) and rx.search(state.norm, s, e) is not None
               for s, e in chunks)
    return told and _TRAVEL.search(state.norm, lead.start, lead.end) is None


def held_remotely(state: State) -> bool:
    """The headline or the lead tells a call or a video meeting, and nobody travelling to it."""
    return _remote_cue(state, _REMOTE)


def a_call(state: State) -> bool:
    """The event is a call ("Readout of X's Call with Y", "spoke by phone"), nobody travelling."""
    return _remote_cue(state, _CALL)


def find_location(state: State) -> str | None:
    if held_remotely(state):
        return None
    norm = state.norm
    counts: dict[str, float] = {}
    reporters: set[str] = set()
    tours: dict[str, str] = {}  # a first stop -> the list of stops it opens
    body = [s for s in state.sentences if not s.caption][:_SENTENCES]
    names = frozenset(w for p in state.people for w in p.name.split())
    chunks = [(s.start, s.end) for s in body]
    if state.metadata and state.paragraphs and state.metadata[0].start < state.paragraphs[0].start:
        chunks.insert(0, (state.metadata[0].start, state.metadata[0].end))  # the headline: "X visits Y"
    for i, (s0, e0) in enumerate(chunks):
        decay = 1 + 0.3 * i
        low = norm[s0:e0].lower()
        for venue, city in VENUES.items():
            at = low.find(venue)
            if at != -1:
                # "the White House said": a source, weak evidence of where the event is
                source = _SOURCE_AFTER.match(low, at + len(venue)) is not None
                _vote(counts, city, (0.5 if source else 2.0) / decay, city=True)
        for m in _AFTER.finditer(norm, s0, e0):
            upto = m.start("cue") + len(m.group("cue")) + 1
            if _TOPIC_BEFORE.search(norm, max(s0, m.start() - 40), upto) or \
                    (holds_any(fold(norm[max(s0, m.start() - 60):upto]), _INCIDENTS) and
                     _INCIDENT_PLACE.search(norm, max(s0, m.start() - 60), upto)):
                continue
            cue = m.group("cue")
            place = place_of(m.group("place"))
            window = (max(s0, m.start() - 60), m.start())
            if place is None and (cue.split()[0] in _STRONG and cue not in ("state of",) or cue == "in" and bool(
                    _EVENT_NEAR.search(norm, *window)) and not _reporter(norm, *window)):
                # "a visit to Hiroshima", "the ASEAN Summit in Vientiane": a venue the lexicon does not know
                place = _unknown_place(m.group("place"), names)
            if place is None:
                continue
            strong = cue.split()[0] in _STRONG or (cue == "in" and bool(
                _EVENT_NEAR.search(norm, *window) or _IS_IN.search(norm, *window) or (
                    fold(norm[window[0]:window[1]]).rstrip().endswith(_WHEN_ENDS) and _WHEN.search(norm, *window)))
                and not _reporter(norm, *window))
            rest = m.group("place")[len(place):].split()
            if rest and rest[0].lower() in _BUILDINGS:
                strong = False  # "at Hyderabad House": a building named after a place
            if cue == "visit" and place.lower() in REGIONS:
                strong = False  # "will visit the Middle East": a tour's area, its stops are the venues
            if strong and (tour := _tour(norm, m, place)):
                tours.setdefault(place, tour)
            if _reporter(norm, *window):
                reporters.add(place)  # "the BBC's Tom Gibb in Sao Paulo": where the press is
            if _another_leg(norm, s0, m.start()):
                strong = False  # "a day after talks in Seoul": an earlier round, not this one's venue
            _vote(counts, place, (3.0 if strong else 1.0) / decay)
        named = any(find_word(norm[s0:e0], noun) >= 0 for noun in _EVENT_NOUNS)  # else no pattern to compile
        for m in _BEFORE_EVENT.finditer(norm, s0, e0) if named else ():
            place = place_of(m.group("place"))
            if place is not None and is_city(place):
                _vote(counts, place, 2.0 / decay)
        for m in _CAPITAL_OF.finditer(norm, s0, e0) if "capital" in low else ():
            city = CAPITALS.get(" ".join(m.group("adj").lower().split()))
            if city:
                _vote(counts, city, 3.0 / decay, city=True)
    if state.dateline_place:
        place = place_of(state.dateline_place) or state.dateline_place
        _vote(counts, place, _DATELINE_VOTE, city=False)
    if not counts:
        return None
    best = max(counts, key=counts.get)
    if best in tours:
        return tours[best]
    if not is_city(best):
        # The most specific place the article gives: "talks in Switzerland ... side by side in
        # Geneva" is Geneva, when the city is named about as surely as the country.
        cities = [c for c in counts if is_city(c) and city_in(c, best) and c not in reporters
                  and counts[c] >= CITY_OVER_COUNTRY * counts[best]]
        if cities:
            return max(cities, key=counts.get)
    return best
