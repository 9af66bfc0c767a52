"""Stage 5: the event: who leads it, where, what kind, whether it is over, and when.

Reads ``norm``, ``sentences``, ``people``, ``mentions``, ``dateline_*``,
``article``, ``today``; sets ``event`` and ``principal_key``.

The principal is the person the lead is about (named early, titled, mentioned
most, doing the travelling or meeting); where the lead is about a body or
countries ("United Nations talks", "Japan and the U.S. kick off"), that body.
The location comes from location.py (venue cues, dateline, "the Chinese
capital"). Status comes from tense and time words in the headline and the
lead, weighted by position (a tie between a future and a present cue reads
as a preview: upcoming; "has said" is reporting, not a sign the event is
over); dates are resolved against ``today``, the article date or the
dateline.
"""
from __future__ import annotations

import re
from datetime import date

from briefgen.model.briefing import DateMention, Event, Span
from briefgen.extract.dates import DATE_RE, parse_iso, range_days, resolve
from briefgen.extract.lexicon import COUNTRIES, NATIONALITIES, ROLE_MODIFIERS
from briefgen.extract.location import a_call, find_location, place_of
from briefgen.extract.names import tokens
from briefgen.extract.roles import role_word
from briefgen.extract.state import State
from briefgen.extract.timing import WEIGHTS, decide, direction, ends_on, goes_on, reported_on, status_scores  # noqa: F401 (status_scores: re-exported)
from briefgen.extract.wordre import LazyPattern, find_word, fold, holds_any

_ACTION = re.compile(
    r"\W{0,3}(?:and\s+(?:[A-Z][\w.'-]*\s+){1,5})?(?:\w+\s+){0,3}?(?:has\s+|have\s+|had\s+|will\s+|is\s+|was\s+|also\s+)?"
    r"(?:arrived|arrives|arrive|visit\w*|travel\w*|sets? out|set off|opens?|opened|met|meets|meet|"
    r"held|holds|hold|conclud\w+|wrapped|return\w*|make|made|lead|led|host\w*|attend\w*|flew|"
    r"landed|skip|begin|began|launched|is in|was in|called|urged|told)\b")
# Heads of state and government outrank a company chairman meeting the same minister. A role
# names one when it holds one of these (case folded): a look-up, no pattern to compile.
_HEADS = ("president", "prime minister", "premier", "minister", "secretary", "king", "chancellor", "leader",
          "pope", "emir", "sultan", "crown prince")
# The host of the summit/meeting/talks leads it: "X meets leaders ... at a summit", "hosted by X".
_HOSTS = LazyPattern(r"\W{0,3}(?:\w+\s+){0,2}?(?:hosts?|hosting|will host|meets|convenes|chairs)\b"
                     r"[^.;]{0,60}?\b(?:summit|talks|meeting|conference)\b", re.I)
_HOSTED_BY = LazyPattern(r"\b(?:summit|talks|meeting|conference)\b[^.;]{0,40}?\b(?:hosted|convened|chaired)\s+by"
                         r"(?:\s+[\w.'-]+){0,5}?\s*$", re.I)
# What the two hold (case folded): an event noun and a hosting verb; a window without both runs neither.
_HOSTED_EVENTS = ("summit", "talks", "meeting", "conference")
_HOSTING = ("host", "meets", "convenes", "chairs")
_HOSTED = ("hosted", "convened", "chaired")


def _leads_as_host(norm: str, m, sent) -> bool:
    """``m`` hosts the event: "X hosts leaders at a summit" after it, "talks hosted by X" before it."""
    after = fold(norm[m.end:min(sent.end, m.end + 90)])
    before = fold(norm[max(sent.start, m.start - 90):m.start])
    return (holds_any(after, _HOSTING) and holds_any(after, _HOSTED_EVENTS)
            and _HOSTS.match(norm, m.end, min(sent.end, m.end + 90)) is not None) or \
        (holds_any(before, _HOSTED) and holds_any(before, _HOSTED_EVENTS)
         and _HOSTED_BY.search(norm, max(sent.start, m.start - 90), m.start) is not None)
_HOST_BONUS = 6.0
_BODY = LazyPattern(
    r"(?P<np>(?:[A-Z][\w.'-]*\s+){0,3}?(?:[A-Z][\w.'-]*)(?:\s+(?:foreign|trade|finance|"
    r"agriculture|defence|defense)?\s*(?:ministers|leaders|officials))?)\s+"
    r"(?:(?:peace\s+)?talks|meeting|summit|session|leaders|foreign ministers|ministers)\b"
    r"|(?:talks|meeting|summit)\s+(?:by|of|between|among)\s+(?P<np2>(?:[A-Z][\w.'-]*\s+){1,3}"
    r"(?:foreign\s+|trade\s+|finance\s+)?(?:ministers|leaders|officials)?)")
_LEAD_SUBJECT = LazyPattern(
    r"(?:The\s+)?(?P<np>[A-Z][\w.'-]*(?:\s+(?:and\s+the\s+|and\s+|of\s+the\s+|of\s+)?[A-Z][\w.'-]*){0,5}"
    r"(?:\s+(?:community|bloc|group|alliance|union|leaders|ministers|officials|countries|states|powers|"
    r"nations|governments|negotiators|delegations|delegates)\b)?)")

# Each kind's pattern comes with words one of which (case folded) every match holds: a lead with
# none of them runs (and compiles) no pattern for that kind.
_KINDS = (
    ("state-visit", ("state visit",), LazyPattern(r"\bstate visit\b", re.I), 3.0),
    ("peace-talks", ("peace ", "ceasefire talks", "power sharing"),
     LazyPattern(r"\bpeace (?:talks|process|deal|accord|plan|pledge|negotiations|mission|"
                 r"agreement)|\bceasefire talks|\bpower sharing\b", re.I), 2.5),
    ("trade-talks", ("trade", "fta"), LazyPattern(r"\btrade (?:talks|negotiations|chiefs|ministers)|\bfree trade agreement|"
                                                  r"\bFTA\b|\btrade barriers\b|\bfarm trade\b", re.I), 2.5),
    ("summit", ("summit",), LazyPattern(r"\bsummit\b", re.I), 2.0),
    # "who is on an official visit": a visit said outright outweighs the talks held during it
    ("visit", ("visit",), LazyPattern(r"\b(?:official|working|[\w]+-day)\s+visit\b|\bon\s+(?:a|an|his|her|their)\s+"
                                      r"(?:[\w-]+\s+){0,2}?visit\b", re.I), 2.5),
    # a call said outright: "held a phone call", "spoke by telephone"
    ("talks", ("phone", "video"), LazyPattern(r"\b(?:phone|telephone|video)\s+(?:call|conversation|talks)\b|"
                                              r"\bspoke\s+(?:by|on\s+the)\s+(?:phone|telephone)\b", re.I), 2.5),
    ("talks", ("talks", "negotiations", "meeting", "met with", "sat down with", "counterpart", "accord", "agreement",
               "treaty", "pact", "deal"),
     LazyPattern(r"\btalks\b|\bnegotiations\b|\bmeeting\b|\bmet with\b|\bsat down with\b|\bcounterparts?\b|"
                 r"\bsign(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:accord|agreement|treaty|pact|deal)s?\b", re.I), 1.0),
    # Hosting, welcoming or receiving a person (not a summit) is a visit by the guest.
    ("visit", ("visit", "trip", "tour", "arriv", "landed in", "travel", "due in", "host", "welcome", "receive", "greet"),
     LazyPattern(r"\bvisit\w*\b|\btrip\b|\btour\b|\barriv(?:ed|al) in\b|\blanded in\b|\btravel\w*\b|\bdue in\b|"
                 # (the verb, not the noun of "welcomed by host Ann Roe")
                 r"(?<!\bby\s)(?<!\bthe\s)\b(?:host|welcome|receive|greet)(?:s|d|ed|ing)?\s+(?:the\s+)?(?-i:[A-Z])"
                 # (a person, not a gathering: "host European leaders" is a meeting at home)
                 r"(?![\w-]*\s+(?:leaders|ministers|officials|delegations|delegates|heads|envoys|counterparts)\b)|"
                 r"\b(?:was|were|be)\s+(?:welcomed|received|greeted)\b|\bplays?\s+host\s+to\b", re.I), 1.2),
)

# The visitor: the subject of a travel verb ("Kerry landed in Kabul", "Qureshi reached China",
# "A and B are set to travel"), or the one welcomed or received ("Trump welcomed French President
# Emmanuel Macron"). A visit is the visitor's, whoever hosts it.
_TRAVELS = re.compile(
    r"\W{0,3}(?:and\s+(?:[A-Z][\w.'-]*\s+){0,5}?)?(?:\w+\s+){0,2}?(?:has\s+|have\s+|had\s+|will\s+|is\s+|are\s+|"
    r"was\s+|also\s+|on\s+\w+\s+|set\s+to\s+|to\s+)*(?:arrived|arrives|arrive|landed|lands|reached|reaches|"
    r"left\s+for|travel(?:s|led|ed)?|visit(?:s|ed|ing)?|flew|flies|fly|heads?\s+to|headed|sets?\s+out|"
    r"(?:make|pay|paid|pays)\s+(?:a|an|his|her)\s+(?:\w+\s+){0,3}?(?:visit|trip))\b")
_WELCOMED = LazyPattern(r"\b(?:welcomed|welcomes|welcome|welcoming|received|receives|receive|greeted|greets|"
                        r"greet|hosted|host\s+to|hosts|host|hosting)\s+(?P<gap>(?:[\w.'-]+\s+){0,4})$")
# "visiting Brazilian President X", "X, who is on a state visit to China", "X, paying a
# three-day visit": the visitor, whoever hosts the talks.
_VISITING_BEFORE = LazyPattern(r"\b[Vv]isiting\s+(?P<gap>(?:[\w.'-]+\s+){0,4})$")


def _title_gap(m) -> bool:
    """The words between "welcomed"/"visiting" and a name are its title, capitalised or not
    ("Ruritanian leader", "the Prime Minister"), not a clause."""
    return m is not None and all(w[:1].isupper() or w.lower() in _GAP_WORDS or role_word(w) for w in m.group("gap").split())


_GAP_WORDS = frozenset("the his her their its counterpart counterparts visiting".split())
# "Alban, who arrived in Japan on Thursday": an arrival said outright.
_ARRIVED = LazyPattern(r"\W{0,3}(?:who\s+)?(?:has\s+|had\s+)?(?:arrived|landed)\s+(?:in|at)\b")
# "during Brandt's first official visit": the visit is his.
_WHOSE_VISIT = LazyPattern(r"'s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b")
# "Xi hosted visiting President Lula", "Lind received Ito": the subject of a hosting verb is the
# host, whatever travel word follows it.
_HOSTS_GUEST = LazyPattern(r"\W{0,3}(?:(?!(?:was|were|is|are|be|been)\s)\w+\s+){0,2}?(?:host|hosts|hosted|hosting|"
                           r"welcome[sd]?|welcoming|receive[sd]?|receiving|greet(?:s|ed)?|host\s+to)\s+"
                           r"(?:the\s+|his\s+|her\s+|their\s+)?(?:visiting\s+)?[A-Z]")
_HOSTING_VERBS = ("host", "welcom", "receiv", "greet")  # what every match of _HOSTS_GUEST holds


def _hosts_guest(norm: str, a: int, b: int) -> bool:
    """``_HOSTS_GUEST.match(norm, a, b)``, run (and compiled) only where a hosting verb is."""
    return holds_any(norm[a:b], _HOSTING_VERBS) and _HOSTS_GUEST.match(norm, a, b) is not None


# "Kay was welcomed with full honours", "Kay will be hosted by Roe": the guest, in the passive.
_WELCOMED_AFTER = LazyPattern(r"\W{0,3}(?:was|were|is|are|will\s+be|is\s+to\s+be)\s+(?:\w+\s+)?"
                              r"(?:welcomed|received|greeted|hosted)\b")
# "At the invitation of President Ann Roe": the host, who invited the visitor.
_INVITED_BY = re.compile(r"\b(?:invitation|invited)\s+(?:of|by)\s+(?:[\w.'-]+\s+){0,4}$", re.I)
_ON_VISIT = LazyPattern(r"\W{0,3}(?:who\s+(?:is|was|will\s+be)\s+)?(?:(?:currently|now)\s+)?(?:on|paying|making|"
                        r"to\s+pay|to\s+make)\s+(?:a|an|his|her|the|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b")
# "the meeting is only the second between Moon Jae-in and Kim Jong-un": both lead it.
_BETWEEN = LazyPattern(r"\b(?:meeting|summit|talks|negotiations)\b[^.;]{0,60}?\b(?:between|and)\s+(?:the\s+)?(?:[\w.'-]+\s+){0,3}$", re.I)
# "King X will not attend the summit", "X to skip talks": whoever stays away does not lead it.
_ABSENT = LazyPattern(r"\W{0,3}(?:\w+\s+){0,2}?(?:(?:will|would|does|did|is|was)\s+not\s+(?:(?:expected|likely|due|set|"
                      r"scheduled|planning|going)\s+to\s+)?|won't\s+|not\s+to\s+|"
                      r"to\s+|has\s+|had\s+)?(?:attend|travel|go|join|take\s+part|skip\w*|pull\w*\s+out|"
                      r"withdr[ae]w\w*|cancel\w*|stay\w*\s+away)\b")
_ABSENT_VERBS = ("attend", "travel", "go", "join", "take", "skip", "pull", "withdr", "cancel", "stay")  # one is in every match
_NEGATED = LazyPattern(r"\b(?:not|won't|skip\w*|pull\w*\s+out|withdr[ae]w\w*|cancel\w*|stay\w*\s+away)\b")
_SUBJECT_BONUS = 2.0  # as a head of state's title: what the lead's grammar says outweighs a title
_TITLE_GLUE = frozenset(("of", "the", "and", "for"))


def _last_of_many(state: State, sent, m) -> bool:
    """"A, B, C and D were welcomed by ...": the last of several people named before the verb is
    one guest among many (a summit's), not the visitor."""
    return len({x.person for x in state.mentions if sent.start <= x.start < m.start and x.person != m.person}) >= 2


def _opens(norm: str, start: int, at: int) -> bool:
    """The mention at ``at`` opens its sentence, after at most its title ("U.S. President X")."""
    words = norm[start:at].split()
    return len(words) <= 6 and (not words or norm[at - 1].isspace()) and \
        all(w[:1].isupper() or w in _TITLE_GLUE for w in words)


_HEADLINE_BONUS = 3.0  # as the lead sentence's first mention: the headline is the lead's lead
_VISITOR_BONUS = 6.0  # as _HOST_BONUS: travelling and hosting are equally telling, not tuned


_SUBJECT = LazyPattern(
    r"(?:The\s+)?(?P<np>(?:[A-Za-z0-9][\w.'-]*,?\s+){1,14}?)(?:also\s+)?(?:headed|head|heads|gathered|gather|"
    r"gathers|met|meet|meets|crashed|said|say|says|are|were|have|has|had|will|would|opened|open|opens|"
    r"began|begin|begins|agreed|agree|arrived|arrive|held|hold|holds|kicked|kick|kicks|resumed|resume|"
    r"resumes|convened|convene|reached|reach|ended|end|ends|wrapped|signed|sign|voiced|pledged|"
    r"continue[sd]?|stall(?:s|ed)?|collapsed)\b")
_NOT_SUBJECT_START = frozenset("in on at after before during when while as with by for from but and "
                               "speaking following amid despite".split())


def _a_country(phrase: str) -> bool:
    """A place's name alone, capitalised ("the United States", "Pakistan")."""
    name = phrase.strip().removeprefix("the ")
    return all(w[:1].isupper() for w in name.split()) and place_of(name) == name


def _group_subject(state: State, sent) -> Span | None:
    """The subject of the lead when it names sides, not a person: a plural head ("teams",
    "representatives and ... insurgents", "ministers") or "talks between X and Y", with a
    capitalised word in it and no person in it but as a possessive ("Ian Paisley's")."""
    norm = state.norm
    m = _SUBJECT.match(norm, sent.start, sent.end)
    if m is None:
        return None
    np_ = m.group("np").rstrip(" ,")
    if re.match(r"(?:also\s+)?(?:said|say|says)\b", norm[m.end("np"):m.end()].strip()) and any(
            sent.start <= x.start < sent.end and x.kind != "pronoun" for x in state.mentions):
        return None  # "Officials said ... President X ...": sources, and someone named leads
    words = np_.split()
    if len(words) > 14 or any(w in ("that", "which", "who") or (w.islower() and w.endswith("ed"))
                              for w in words):
        return None  # a clause, not a noun phrase: "China warned the United States that ..."
    if not words or words[0].lower() in _NOT_SUBJECT_START or not any(w[:1].isupper() for w in words):
        return None
    head = words[-1].lower()
    plural = len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "'s", "’s"))
    # "India and Pakistan held talks": countries coordinated are sides, as a plural is.
    sides = " and " in np_ and all(_a_country(part) for part in np_.replace(",", " and ").split(" and ") if part.strip())
    # "Negotiators from Peru and Chile", "Leaders of the Pacific nations": a plural group named by
    # whom it comes from.
    of_sides = len(words) > 2 and words[1] in ("from", "of") and len(words[0]) > 3 and \
        words[0].lower().endswith("s") and not words[0].lower().endswith("ss") and words[0][:1].isupper()
    if not (plural or sides or of_sides or re.search(r"\b(?:talks|negotiations)\s+(?:between|with)\b", np_)):
        return None
    start = m.start("np")
    end = start + len(np_)
    for x in state.mentions:
        if start <= x.start < end and x.kind != "pronoun" and not norm.startswith(("'s", "’s"), x.end):
            return None
    return Span(start, end)


# "Talks between Ruritania and Borduria entered a second day": the lead's subject is talks, and
# their sides lead them. The sides run to a preposition, a punctuation mark or a verb.
_TALKS_NOUNS = frozenset("talks negotiations meeting summit dialogue consultations".split())
_SIDES_END = frozenset("on in over at for about to that which who as after amid since with under near without "
                       "is are was were will would have has had could may might can did do does remain remains "
                       "continue continues resume resumes enter enters end ends begin begins open opens collapse "
                       "collapses stall stalls broke began met took made ran go goes get gets".split())


def _talks_sides(state: State, sent) -> Span | None:
    """The sides of the talks the lead sentence is about ("Iran and six world powers")."""
    norm = state.norm
    head = norm[sent.start:min(sent.end, sent.start + 80)]
    at = head.find(" between ")
    words = head[:at].split() if at > 0 else []
    if not words or len(words) > 5 or words[-1].lower() not in _TALKS_NOUNS or not words[0][:1].isupper():
        return None
    start = sent.start + at + len(" between ")
    if norm.startswith("the ", start):
        start += 4
    end = start
    after_and = seen_and = False
    for tok, _, te in tokens(norm, start, sent.end):
        low = tok.lower()
        if norm[end:te - len(tok)].strip() or low in _SIDES_END or (after_and and tok.islower() and low.endswith("ed")):
            break  # a punctuation mark, a preposition or a verb ends the sides
        if low == "and":
            seen_and = True
        elif seen_and:
            after_and = True
        end = te
    if not (seen_and and after_and) or not any(c.isupper() for c in norm[start:end]):
        return None
    return Span(start, end)


def _named_body(state: State, sents) -> tuple[None, str, Span] | None:
    """A body named with the event noun: "United Nations talks", "talks by EC foreign ministers"."""
    norm = state.norm
    for sent in sents:
        for m in _BODY.finditer(norm, sent.start, sent.end):
            g = "np" if m.group("np") else "np2"
            np_ = m.group(g).strip()
            if np_ and all(w.lower() in ROLE_MODIFIERS for w in np_.split()):
                continue  # "Foreign ministers from ...": a title's modifier, not a body's name
            if np_ and np_.split()[0] not in ("The", "A", "An", "In", "On", "At", "But"):
                return None, np_, Span(m.start(g), m.start(g) + len(np_))
    return None


def _body_sentences(state: State, n: int):
    return [s for s in state.sentences if not s.caption][:n]


def stays_away(state: State, m) -> bool:
    """The mention ``m`` is the subject of staying away: "King X will not attend", "X to skip"."""
    if m.kind not in ("name", "short"):
        return False
    sent = state.sentence_at(m.start)
    if sent is None:
        return False
    end = min(sent.end, m.end + 60)
    if not holds_any(state.norm[m.end:end], _ABSENT_VERBS):
        return False  # most names are followed by none of its verbs: no pattern to run (and compile)
    away = _ABSENT.match(state.norm, m.end, end)
    return bool(away and _NEGATED.search(away.group()))


def _principal(state: State, kind: str = "other") -> tuple[int | None, str | None, Span | None]:
    norm = state.norm
    lead = _body_sentences(state, 3)
    scores: dict[int, float] = {}
    hosts: dict[int, bool] = {}
    visitors: set[int] = set()
    visit_sents: set[int] = set()  # one visitor per sentence: "A and B are set to travel" is A's
    acted: set[int] = set()  # named as doing something (travelling, meeting), not only speaking
    absent: set[int] = set()  # said to stay away from the event
    # Visitors come from the lead: the first body sentence that names someone.
    named = {state.sentence_at(m.start).index for m in state.mentions
             if m.kind != "pronoun" and state.sentence_at(m.start) is not None}
    lead2 = [s for s in lead[:2] if s.index in named][:1]
    for m in state.mentions:
        p = state.person(m.person)
        if p is None or p.historic:
            continue
        sent = state.sentence_at(m.start)
        if sent is None or sent.caption:
            continue
        w = 1.0 if m.kind in ("name", "short", "nominal") else 0.5
        if lead and sent.index == lead[0].index:
            w += 3.0 if m.start - sent.start < 80 else 1.5
        elif sent in lead:
            w += 1.0
        if sent in lead2 and m.kind in ("name", "short", "nominal") and m.person not in visitors and \
                norm[sent.start:m.start].count('"') % 2 == 0 and (
                    (sent.index not in visit_sents and not _hosts_guest(norm, m.end, min(sent.end, m.end + 60))
                     and not _INVITED_BY.search(norm, max(sent.start, m.start - 60), m.start)
                     and (
                        _TRAVELS.match(norm, m.end, min(sent.end, m.end + 90))
                        or (_WELCOMED_AFTER.match(norm, m.end, min(sent.end, m.end + 60))
                            and not _last_of_many(state, sent, m))
                        or _WHOSE_VISIT.match(norm, m.end, min(sent.end, m.end + 60))
                        or _ON_VISIT.match(norm, m.end, min(sent.end, m.end + 90))
                        or _title_gap(_VISITING_BEFORE.search(norm, max(sent.start, m.start - 60), m.start))
                        or _title_gap(_WELCOMED.search(norm, max(sent.start, m.start - 60), m.start))))
                    or _BETWEEN.search(norm, max(sent.start, m.start - 90), m.start)):
            visitors.add(m.person)
            visit_sents.add(sent.index)
            w += _VISITOR_BONUS
        if sent in lead[:2] and stays_away(state, m):
            absent.add(m.person)
        act = _ACTION.match(norm, m.end, min(sent.end, m.end + 60))
        if act:
            w += 1.5
            if not act.group().endswith(("told", "called", "urged")):
                acted.add(m.person)
                if lead and sent.index == lead[0].index and _opens(norm, sent.start, m.start):
                    w += _SUBJECT_BONUS  # the lead sentence's subject, doing what the news is about
        if sent.index - (lead[0].index if lead else 0) < 20 and m.kind in ("name", "short") and \
                _leads_as_host(norm, m, sent):
            w += _HOST_BONUS
            hosts[m.person] = True
        if norm[sent.start:m.start].count('"') % 2:
            w = 0.2  # named inside a quotation
        scores[m.person] = scores.get(m.person, 0.0) + w
    if not visitors:
        # A lead about the meeting ("Kishida and his counterpart agreed ...") may leave the visit to
        # the next sentences: "Alban, who arrived in Japan on Thursday", "Dorsk, who is on an
        # official visit". Only an arrival or a visit said outright counts there.
        for m in state.mentions:
            sent = state.sentence_at(m.start)
            if sent is None or sent not in lead[:3] or sent in lead2 or m.kind not in ("name", "short") or \
                    m.person not in scores or norm[sent.start:m.start].count('"') % 2:
                continue
            if _ARRIVED.match(norm, m.end, min(sent.end, m.end + 60)) or \
                    _ON_VISIT.match(norm, m.end, min(sent.end, m.end + 90)) or \
                    _WHOSE_VISIT.match(norm, m.end, min(sent.end, m.end + 60)):
                visitors.add(m.person)
                scores[m.person] += _VISITOR_BONUS
                break
    for p in state.people:
        if p.key in scores and p.role and holds_any(fold(p.role), _HEADS):
            scores[p.key] += 2.0
    # The headline names the lead actor first ("Merkel and Trump ... meet Tuesday").
    title = state.article.title or (norm[state.metadata[0].start:state.metadata[0].end]
                                    if state.metadata and state.paragraphs
                                    and state.metadata[0].start < state.paragraphs[0].start else "")
    at = {p.key: min((i for i in (find_word(title, w) for w in p.surnames) if i >= 0), default=-1)
          for p in state.people if p.key in scores}
    named = [k for k, i in at.items() if i >= 0]
    if named:
        scores[min(named, key=lambda k: at[k])] += _HEADLINE_BONUS
    # The host of a summit or talks leads them, whoever the lead sentence is about; a visit is
    # the visitor's.
    pool = [k for k in scores if k not in absent] or list(scores)
    if visitors and kind in ("visit", "state-visit"):
        pool = [k for k in pool if k in visitors] or pool
    elif not visitors:
        pool = [k for k in pool if hosts.get(k)] or pool
    best = max(pool, key=lambda k: (scores[k], -k), default=None)
    # A body rather than a person leads: nobody titled is named in the lead.
    lead_people = {m.person for m in state.mentions if lead and lead[0].start <= m.start < lead[0].end
                   and m.kind != "pronoun"}
    # Sides rather than a person lead: the lead's subject is a plural group ("Israeli and
    # Palestinian teams headed to ...", "Nuclear talks between Iran and six world powers ...").
    if lead and not visitors and not any(hosts.values()):
        sides = _talks_sides(state, lead[0])
        if sides is not None:
            return None, state.text[sides.start:sides.end], sides
        group = _group_subject(state, lead[0])
        if group is not None:
            # "a special UN Security Council meeting" names the body, unless the subject already
            # names the sides of the talks ("talks between Iran and six world powers").
            named = None if " between " in norm[group.start:group.end] else _named_body(state, lead[:2])
            return named if named is not None else (None, state.text[group.start:group.end], group)
    # Someone named often but only quoted, with no title, is a source, not the lead actor.
    # Someone titled but only ever quoted ("..., the bloc's secretary-general told IPS") is a
    # source too.
    source = best is not None and best not in acted and any(q.person == best for q in state.quotes)
    if best is not None and (best in lead_people or hosts.get(best) or best in visitors or (
            scores[best] >= 8 and ((state.person(best).role and not source) or best in acted))):
        return best, None, None
    # A titled person in the second sentence still beats a body noun phrase.
    second = {m.person for m in state.mentions if len(lead) > 1
              and lead[1].start <= m.start < min(lead[1].end, lead[1].start + 60) and m.kind != "pronoun"}
    if best is not None and best in second and (state.person(best).role or "") and \
            holds_any(fold(state.person(best).role or ""), _HEADS):
        return best, None, None
    named = _named_body(state, lead[:2])
    if named is not None:
        return named
    for sent in lead[:1]:
        m = _LEAD_SUBJECT.match(norm, sent.start, sent.end)
        if m and not lead_people:
            np_ = m.group("np").strip()
            if np_.lower().split()[0] not in ("the", "a", "an", "in", "on", "at", "after", "before", "but",
                                               "speaking", "when", "while", "as", "since", "if", "although",
                                               "though") and \
                    not all(w.lower() in ROLE_MODIFIERS for w in np_.split()):
                return None, np_, Span(m.start("np"), m.start("np") + len(np_))
    return best, None, None


def _kind(state: State) -> str:
    norm = state.norm
    chunks = [norm[m.start:m.end] for m in state.metadata[:1]]
    chunks += [norm[s.start:s.end] for s in _body_sentences(state, 4)]
    text = " ".join(chunks)
    folded = fold(text)
    best, score = "other", 0.0
    for kind, words, rx, w in _KINDS:
        n = len(rx.findall(text)) if holds_any(folded, words) else 0
        if n and w * min(n, 3) > score:
            best, score = kind, w * min(n, 3)
    return best


def _status(state: State, kind: str, principal: str | None = None) -> str | None:
    """From the headline and the lead (timing.py), the article's date and the dates it names."""
    norm = state.norm
    chunks: list[tuple[str, float]] = []
    headline = ""
    if state.metadata and state.metadata[0].start < (state.paragraphs[0].start if state.paragraphs else 0):
        headline = norm[state.metadata[0].start:state.metadata[0].end]
        chunks.append((headline, WEIGHTS[0]))
    for i, s in enumerate(_body_sentences(state, 3)):
        chunks.append((norm[s.start:s.end], WEIGHTS[1 + i]))
    anchor = _anchor(state)
    yearless = anchor is None and (anchor := _yearless_dateline(state)) is not None
    event_dates: list[date] = []
    end_dates: list[date] = []
    if anchor is not None:
        for k, s in enumerate(_body_sentences(state, 3)):
            if k and not _TELLS_EVENT.search(norm, s.start, s.end):
                continue  # "Lula, who took office on Jan. 1, ...": a date of something else
            for m in DATE_RE.finditer(norm, s.start, s.end):
                if reported_on(norm[s.start:s.end], m.start() - s.start):
                    continue  # "said on Monday": when it was said, not when it happens
                if yearless and (m.group("iso") or m.group("md_y") or m.group("dm_y")
                                 or not (m.group("md") or m.group("dm"))):
                    continue  # a stand-in year: months and days compare, years and weekdays do not
                way = direction(norm[s.start:s.end], m.start() - s.start)
                iso = resolve(m, anchor, way)
                if iso and (m.group("md") or m.group("dm") or m.group("iso") or way or iso == anchor.isoformat()):
                    days = [date.fromisoformat(iso), *range_days(norm, m, iso)]
                    later = ends_on(norm[s.start:s.end], m.start() - s.start) or \
                        goes_on(norm[s.start:s.end], m.start() - s.start)
                    (end_dates if later else event_dates).extend(days)
    subject = principal.split()[-1] if principal else ""
    return decide(chunks, kind, anchor, event_dates, headline, subject, end_dates)


# A sentence after the lead dates the event only when it speaks of it.
_TELLS_EVENT = LazyPattern(r"\b(?:visit\w*|trip|tour|talks|summit|meeting|meets?|met|negotiat\w+|conference|"
                           r"host\w*|arriv\w+|travel\w*|session|forum|round)\b", re.I)


def _anchor(state: State) -> date | None:
    """What "on Sunday" counts from: the article's own date (metadata, then a dated dateline),
    and only where the article has none the memo date (``--date``/today), as the CLI says.
    A memo dated years after a dated article must not move its "on Sunday". A dateline
    without a year ("OSLO, March 8") is that day on or before the memo date: its month and day
    still tell "March 15" (ahead) from "March 2" (past)."""
    d = parse_iso(state.article.date)
    if d is not None:
        return d
    if state.dateline_date is not None:  # a dated dateline or the page's "publish date: ..."
        m = DATE_RE.search(state.norm, state.dateline_date.start, state.dateline_date.end)
        iso = resolve(m, state.today, -1) if m else None
        if iso:
            return date.fromisoformat(iso)
    return state.today


# A leap year's last day: a yearless dateline is read in it only to compare months and days.
_SOME_YEAR_END = date(2000, 12, 31)


def _yearless_dateline(state: State) -> date | None:
    """A dateline without a year ("OSLO, March 8") and no memo date: its month and day still tell
    "March 15" (ahead) from "March 2" (past), in a stand-in year used for that comparison only."""
    if state.dateline_date is None:
        return None
    m = DATE_RE.search(state.norm, state.dateline_date.start, state.dateline_date.end)
    iso = resolve(m, _SOME_YEAR_END, -1) if m and (m.group("md") or m.group("dm")) else None
    return date.fromisoformat(iso) if iso else None


def _dates(state: State, status: str | None) -> tuple[DateMention, ...]:
    anchor = _anchor(state)
    if anchor is None and state.dateline_date is not None and state.article.date:
        anchor = parse_iso(state.article.date)
    default = {"upcoming": 1, "concluded": -1}.get(status or "", 0)
    out = []
    seen = set()
    body = [(s.start, s.end) for s in state.sentences if not s.caption]
    if not body:
        return ()
    for m in DATE_RE.finditer(state.norm, body[0][0], body[-1][1]):  # one scan, not one per sentence
        sent = state.sentence_at(m.start())
        if sent is None or sent.caption or m.end() > sent.end:
            continue
        key = m.group().lower()
        if key in seen:
            continue
        seen.add(key)
        # A weekday reads forward in a sentence about what is ahead ("meets Xi on Tuesday") and
        # back in one about what is past, else as the event's status says.
        way = direction(state.norm[sent.start:sent.end], m.start() - sent.start) or default
        iso = resolve(m, anchor, way)
        out.append(DateMention(state.text[m.start():m.end()], iso, Span(m.start(), m.end())))
        if len(out) >= 8:
            return tuple(out)
    return tuple(out)


# Is there an event at all? An event noun or a named venue ("the European Council", "a UN
# Security Council meeting"; named, so capitalised, and not a city's or county's council),
# travel by an official, or a meeting verb beside an official; a sports report, a campaign
# story or a city council's budget vote has none of them.
_EVENT_NOUN = LazyPattern(
    r"\b(?:summit|talks|negotiations|state visit|official visit|working visit|consultations|"
    r"ministerial|bilateral meeting|peace process|mission|readout|delegation|retreat|forum)\b|"
    r"\b(?:be|is|are|was|were)\s+(?:launched|held|born|founded|signed|opened|inaugurated)\b[^.;]{0,40}\bin\s+[A-Z]|"
    r"\b(?!(?:City|Town|County|Municipal|Borough|District|Parish)\s)(?:(?-i:[A-Z])[\w.'-]*\s+){1,4}"
    r"(?:meeting|conference|session|(?-i:Council|Conference|Forum|Assembly))\b|"
    r"\b(?:meeting|conference|session)s?\s+(?:in|at|of|between|among|with)\s+(?:the\s+)?(?-i:[A-Z])|\b(?:joint\s+)?(?:news|press)\s+conference\s+with\b|"
    r"\bG-?(?:7|8|20)\b", re.I)
# A word every match of _EVENT_NOUN holds (case folded): a chunk with none (a lead about an
# arrival: "X arrived in Beijing for ...") neither compiles nor runs the pattern.
_EVENT_NOUN_WORDS = ("summit", "talks", "negotiations", "state visit", "official visit", "working visit",
                     "consultations", "ministerial", "meeting", "peace process", "mission", "readout",
                     "delegation", "retreat", "forum", "launched", "held", "born", "founded", "signed", "opened",
                     "inaugurated", "conference", "session", "council", "assembly", "g7", "g-7", "g8", "g-8",
                     "g20", "g-20")
# "due in Oslo", "expected in Oslo": a timetable's arrival; "upon arrival in Oslo": an arrival.
_TRAVEL_TO = re.compile(
    r"\b(?:visit(?:s|ed|ing)?(?:\s+to)?|trip\s+to|tour\s+of|travel(?:s|led|ed)?\s+to|arrived\s+in|"
    r"landed\s+in|heads?\s+to|headed\s+to|flew\s+to|reached|arrived\s+back\s+from|arrival\s+in|"
    r"(?:stepped|stepping)\s+off\s+(?:the|her|his|their)\s+(?:\w+\s+)?plane\s+in|"
    r"(?:is|are|was|were)\s+(?:now\s+|due\s+|expected\s+)?in)\s+(?:the\s+)?(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
# Meeting verbs; "host" in any tense ("will host X at the White House"); "his counterpart" names
# an official across a table; signing an accord needs its parties together; a call ("held a phone
# call", "spoke by telephone") is talks held apart.
_MEETS = LazyPattern(r"\b(?:met|meet(?:s|ing)?|held\s+talks|host(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|greeted\s+by|"
                     r"receiv(?:e|es|ed|ing)|visit(?:ed)?|called\s+on|sat\s+down\s+with|discussed|(?:(?:tele)?phone|video)\s+call|"
                     r"spoke\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone|"
                     r"video\s?conference|trip|tour|mission|conference|dialogue|counterparts?|sign(?:s|ed|ing)?)\b", re.I)
_PACTS = frozenset("accord accords agreement agreements treaty treaties pact pacts memorandum declaration deal "
                   "deals".split())


# Meeting the public is campaigning or touring, not a meeting of officials: "meeting voters".
_PUBLIC = frozenset("voters supporters residents crowds families victims survivors fans donors students workers "
                    "farmers constituents".split())


def _a_meeting(norm: str, m) -> bool:
    """A _MEETS match that tells of a meeting: signing only an accord, treaty or pact (whose
    parties sign together), not a bill or a decree; meeting officials, not the public."""
    after = [w.strip(",.;:").lower() for w in norm[m.end():m.end() + 50].split()[:4]]
    verb = m.group().lower()
    if verb.startswith("sign"):
        return any(w in _PACTS for w in after)
    if verb.startswith("meet") or verb == "met":
        return not any(w in _PUBLIC for w in after[:3])
    return True


# Talks about a domestic bargain (a budget, wages, a contract, a coalition) or between domestic
# sides (a union, a legislature's parties): bargaining at home, not diplomacy.
_BARGAIN = LazyPattern(r"\b(?:talks|negotiations|deal|bill|dispute)\b", re.I)
_HOME_MATTERS = frozenset("budget spending wage pay contract labor labour salary pension union coalition "
                          "strike".split())
_HOME_SIDES = frozenset("union unions congress lawmakers legislators management employers strikers democrats "
                        "republicans".split())


def _domestic_talks(norm: str, s: int, e: int) -> bool:
    """Talks about a domestic bargain ("budget talks", "negotiations over a spending bill") or
    between domestic sides ("talks between the teachers' union and ...")."""
    for m in _BARGAIN.finditer(norm, s, e):
        before = norm[max(s, m.start() - 20):m.start()].split()
        if before and before[-1] in _HOME_MATTERS:  # in small letters: "European Union talks" names a bloc
            return True
        if m.group().lower() not in ("talks", "negotiations"):
            continue
        after = [w.strip(",.;:") for w in norm[m.end():min(e, m.end() + 60)].split()[:6]]
        if after and after[0] in ("over", "on") and any(w in _HOME_MATTERS for w in after[1:4]):
            return True
        if after and after[0] in ("between", "with") and any(
                w.lower() in _HOME_SIDES and not (w[:1].isupper() and w.lower().startswith("union")) for w in after[1:5]):
            return True
    return False


# A government's own bodies: their meetings at home are no diplomacy.
_HOME_BODIES = frozenset("cabinet parliament congress senate legislature caucus politburo".split())


def _home_body_before(norm: str, s: int, at: int) -> bool:
    """The meeting verb at ``at`` has a government's own body as its subject ("The cabinet met",
    "Cabinet meets"), in small letters or as the sentence's first word."""
    words = norm[max(s, at - 25):at].split()[-2:]
    return any(w.lower().strip(",").removesuffix("'s").removesuffix("’s") in _HOME_BODIES
               and (w.islower() or norm[s:at].split()[:1] == [w]) for w in words)


_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\b(?:\s+[\w-]+){0,2}\s+$")
_EVENT_REACH = 8  # body sentences searched for an event: the lead and the paragraphs after it
_OFFICIAL_WORD = re.compile(r"\b(?:president|prime minister|premier|minister|ministers|secretary|chancellor|"
                            r"king|queen|emir|sultan|pope|envoy|ambassador|diplomat|senator|leaders?)\b", re.I)


# "flew to Qatar in 2022, he came back ...": a year later in the same clause dates the travel.
_YEAR_AFTER = LazyPattern(r"[^,;.:!?\"]{0,30}?\b(?:in|during)\s+((?:19|20)\d\d)\b")


def _of_another_year(norm: str, s: int, at: int, anchor: date | None, end: int | None = None) -> bool:
    """A year names the visit or meeting at ``at`` ("the 1972 visit", "flew to Qatar in 2022"
    when the clause ends at ``end``), and it is not the article's."""
    year = _YEAR_BEFORE.search(norm, max(s, at - 30), at)
    if year is None and end is not None and anchor is not None:  # "will visit in 2026" needs a date to read
        year = _YEAR_AFTER.match(norm, end, min(len(norm), end + 40))
    return bool(year) and (anchor is None or int(year.group(1)) < anchor.year)


# International bodies: talks they hold are diplomacy, whatever the matter ("EU budget talks").
_BLOCS = frozenset("eu ec un nato asean au apec opec g7 g8 g20 brics oas osce wto imf".split())
_NOT_A_SIDE = frozenset("north south east west gulf arab african european asian american".split())


def _international(norm: str, chunks) -> bool:
    """The lead names a bloc or two countries (by name or nationality): the talks cross borders."""
    sides = set()
    for s, e in chunks:
        prev = ""
        for w in norm[s:e].replace(".", "").replace("’", "'").split():
            low = w.strip(",;:()\"'").lower()
            if low.endswith("'s"):
                low = low[:-2]
            if low in _BLOCS or (w.startswith("Union") and prev[:1].isupper()):  # "EU", "the African Union"
                return True
            prev = w
            if w[:1].isupper() and (low in NATIONALITIES or low in COUNTRIES) and low not in _NOT_A_SIDE:
                sides.add(low)
    return len(sides) >= 2


_PERSON_VERB = frozenset("met meets meet hosted hosts host welcomed welcomes received receives".split())


def _between_people(state: State, m) -> bool:
    """A meeting verb between two named people ("Ann Roe met Bo Kay"): a meeting, titled or not."""
    if m.group().split()[0].lower() not in _PERSON_VERB:
        return False
    named = [x for x in state.mentions if x.kind in ("name", "short")]
    before = any(0 <= m.start() - x.end <= 6 for x in named)
    after = any(0 <= x.start - m.end() <= 6 for x in named)
    return before and after


def event_found(state: State) -> str | None:
    """None when the headline or the lead reports a visit, summit or talks; otherwise what
    was missing, for the warning."""
    norm = state.norm
    anchor = _anchor(state)
    chunks = [(m.start, m.end) for m in state.metadata[:1]]
    chunks += [(s.start, s.end) for s in _body_sentences(state, _EVENT_REACH)]
    met = False
    # The lead's talks are a domestic bargain: "talks" elsewhere in it ("Teachers' talks stall")
    # are the same talks, and its meetings steps of them.
    # Only the headline and the lead sentences say what the story is about.
    lead = chunks[:len(state.metadata[:1]) + 2]
    domestic = any(_domestic_talks(norm, s, e) for s, e in lead)
    # "The cabinet met to approve ...": a body of one government meeting at home, not diplomacy (and
    # the story's other meetings are its steps)
    home = any(_home_body_before(norm, s, m.start()) for s, e in lead for m in _MEETS.finditer(norm, s, e))
    if (domestic or home) and _international(norm, lead):
        domestic = home = False  # a bloc or two countries named: the talks cross borders
    for s, e in chunks:
        if holds_any(fold(norm[s:e]), _EVENT_NOUN_WORDS) and any(
                not (domestic and m.group().lower() in ("talks", "negotiations"))
                for m in _EVENT_NOUN.finditer(norm, s, e)):
            return None
        official = _OFFICIAL_WORD.search(norm, s, e) is not None
        for m in _TRAVEL_TO.finditer(norm, s, e):
            if _of_another_year(norm, s, m.start(), anchor, m.end()):
                continue  # "President Nixon's 1972 visit to Beijing": a visit of another year
            if official or place_of(m.group("place")):
                return None
        meets = [m for m in _MEETS.finditer(norm, s, e)
                 if _a_meeting(norm, m) and not _of_another_year(norm, s, m.start(), anchor, m.end())]
        if not domestic and not home and meets:
            met = True
            if official or any(_between_people(state, m) for m in meets):
                return None
    if domestic:
        return "talks on a domestic bargain, not between governments"
    if home:
        return "a meeting of one government's own body, not between governments"
    if met:
        return "no meeting verb with a named official"
    return "no visit, meeting or talks named in the headline or the lead"


def run(state: State) -> State:
    """Sets event and principal_key (an empty Event and a warning when no event is reported)."""
    missing = event_found(state)
    if missing is not None:
        warning = f"no visit, summit or talks found ({missing})"
        return state.replace(event=Event(kind=None), principal_key=None,
                             warnings=state.warnings + (warning,))
    kind = "talks" if a_call(state) else _kind(state)  # a call is talks, whatever summit it prepares
    key, body, body_span = _principal(state, kind)
    person = state.person(key)
    principal = person.name if person else body
    evidence = (person.first,) if person else ((body_span,) if body_span else ())
    status = _status(state, kind, principal)
    # "his Australian counterpart" says who the principal is to someone else, not their office:
    # a subject line reads "Visit of Anthony Alban", not "of Australian counterpart Anthony Alban".
    role = person.role if person and person.role and "counterpart" not in person.role.lower() else None
    event = Event(principal=principal, principal_role=role,
                  location=find_location(state), kind=kind, status=status,
                  dates=_dates(state, status), evidence=evidence)
    return state.replace(event=event, principal_key=key)
