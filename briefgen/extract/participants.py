"""Stage 6b: who takes part: the principal and the people they meet, with roles.

Reads ``norm``, ``sentences``, ``people``, ``mentions``, ``principal_key``,
``quotes``; sets ``participants``.

A person takes part when they are the principal, or share a sentence with a
meeting cue ("met", "talks with", "counterpart", "summit with", "hosted",
"accompany", "delegation") together with another participant or the event.
People only mentioned ("then-President Nixon", a founder met by someone
else) stay out; officials of the principal's own office who speak about the
talks ("Assistant Secretary of State" beside a Secretary of State), and
quoted leaders and ministers, are kept at a lower score; other commentators
(an ambassador, a spokesman) are not.
Without the principal in the sentence, only titled officials (or people
"accompanying" someone) are linked; nobody is linked by a sentence about
another time ("the sit-down in late 2022", "last year").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from briefgen.model.briefing import Participant
from briefgen.extract.event import stays_away
from briefgen.extract.names import speaks_after
from briefgen.extract.state import State
from briefgen.extract.wordre import LazyPattern, first_word, fold, holds_any

_MEETING = re.compile(
    r"\b(?:met|meet|meets|meetings?|talks with|talks between|(?:held|hold|holds|holding)\s+(?:[\w-]+\s+){0,2}?talks|"
    r"sit down with|s(?:it|its|at|itting) across (?:the table )?from|summit (?:with|between)|counterpart|host(?:s|ed|ing)?|(?<!not )(?<!be )(?<!is )(?<!are )welcom\w+(?!\s+(?:the|this|that|an?)\s+(?:[\w-]+\s+)?(?:deal|agreement|accord|move|decision|news|announcement|plan|framework|proposal|step|outcome|results?|progress|statement|initiative)\b)|receiv\w+|"
    r"accompan\w+|delegation|visit\w*|negotiat\w+|emerged from talks|discuss\w* with|"
    r"shake hands|shook hands|signed|banquet|joined|attend\w*|lead the|led the|talks in|"
    r"told (?:his|her) \w+ counterpart|(?:joint\s+)?(?:news|press)\s+conference\s+with|"
    r"call(?:ed|s|ing)? on(?!\s+(?:[\w.'-]+\s+){1,5}to\s)|sat down with|phone call with|spoke by phone with|call with|sp(?:oke|eaks?|eaking)\s+(?:\w+\s+){0,2}?with|at the invitation of|invited by|"
    r"joint (?:statement|declaration|communiqu\w+)|t(?:ook|ake|akes|aking) part|participat\w+|(?:co-)?chair(?:s|ed|ing)?\b(?! of)|represented by)\b", re.I)
# Titles of people who take part in official talks in their own right; anyone else (a company
# founder, an analyst) takes part only when named with the principal at a meeting. A role holding
# one of these words (case folded, anywhere in it) is one: looked up, no pattern to compile; so are
# the word lists below.
_OFFICIAL = ("president", "minister", "premier", "secretary", "chancellor", "ambassador", "envoy", "king", "queen",
             "prince", "emir", "sultan", "sheikh", "pope", "leader", "official", "diplomat", "negotiator", "delegate",
             "director", "commissioner", "chief", "head", "chair", "governor", "senator", "spokes", "counsel",
             "adviser", "advisor", "representative", "general", "lady", "spouse")


def _role_holds(role: str | None, words: tuple[str, ...]) -> bool:
    """Whether the role holds one of ``words``, case folded (as a case-insensitive search for them)."""
    return bool(role) and holds_any(fold(role), words)
# A name used as a modifier ("the Biden administration", "the Biden-Xi sit-down") names a
# government or an event, not the person at the table.
_MODIFIED = ("administration", "government", "era", "camp", "cabinet", "doctrine", "team", "regime", "presidency",
             "years")
_MODIFIER = LazyPattern(r"(?:\s+(?:" + "|".join(_MODIFIED) + r")\b|-[A-Z])")


def _modifier(norm: str, end: int) -> bool:
    """``_MODIFIER.match(norm, end)``, run (and compiled) only after a hyphen or before one of its words."""
    if norm.startswith("-", end):
        return _MODIFIER.match(norm, end) is not None
    j = end
    while j < len(norm) and norm[j].isspace():
        j += 1
    return j > end and first_word(norm, j) in _MODIFIED and _MODIFIER.match(norm, end) is not None
# Whoever travels with or joins a party takes part, title or not.
_ENTOURAGE = LazyPattern(r"\baccompan\w+|\bdelegation\b|\bjoined by\b|\bentourage\b|\btravel\w* with\b|"
                         r"\bmade the (?:journey|trip)\b|\battended by\b|"
                         r"\b(?:joined|attended|took part in|participated in|sat in on|(?:co-)?chair\w*)\s+(?:\w+\s+){0,3}?"
                         r"the (?:talks|meetings?|summit|discussions|negotiations|dialogue|session)\b", re.I)
# What every match of _ENTOURAGE holds (case folded): a sentence with none runs (and compiles) no pattern.
_ENTOURAGE_WORDS = ("accompan", "delegation", "joined", "entourage", "travel", "made the", "attended", "took part in",
                    "participated in", "sat in on", "chair")


def _entourage(norm: str, a: int, b: int) -> bool:
    """``_ENTOURAGE.search(norm, a, b)`` as a truth value."""
    return holds_any(fold(norm[a:b]), _ENTOURAGE_WORDS) and _ENTOURAGE.search(norm, a, b) is not None
# A sentence about another time ("in late 2022", "last year", "years ago") tells history,
# not who sits at this event's table.
_ANOTHER_TIME = re.compile(r"\b(?:in|since|during|of)\s+(?:(?:early|late|mid)[- ])?(?:19|20)\d\d\b|"
                           r"\blast (?:year|month|decade)\b|\bago\b|\bprevious\b|\bthen-|"
                           r"\b(?:in|during|over) (?:their|his|her) (?:\w+ )?(?:years?|terms?|tenure)\b|"
                           r"\bin office\b|\b(?:their|his|her) first (?:years?|terms?)\b|"
                           r"\bthe last (?:\w+ )?(?:visit|trip|summit|meeting|talks|time)\b", re.I)
# The press and commentators report or judge the talks; they do not sit at the table.
_COMMENTATORS = ("correspondent", "reporter", "editor", "columnist", "photographer", "analyst", "expert", "professor",
                 "researcher", "scholar", "economist", "historian", "commentator")
_COMMENTATOR = LazyPattern(r"\b(?:" + "|".join(_COMMENTATORS) + r"|think[- ]tank)s?\b", re.I)


def _commentator(phrase: str) -> bool:
    """``_COMMENTATOR.search(phrase)`` as a truth value; a phrase without one of its words (case
    folded), as most roles and appositions are, runs (and compiles) no pattern."""
    return holds_any(fold(phrase), (*_COMMENTATORS, "think")) and _COMMENTATOR.search(phrase) is not None
# The apposition after a name, up to the end of its clause: "Ann Roe, president of a think tank, said".
_APPOSITION = re.compile(r",\s+(?:(?:a|an|the)\s+)?[^;.\"]{0,150}")
_CLAUSE = re.compile(r"\b(?:said|says|told|tells|who|which|that|and|as|when|while|after|before|has|had|is|was|"
                     r"will|would)\b|\b\w+ed\b")
_SIDE = re.compile(r"\b([A-Z][a-z]+(?:an|ese|ish|ian|i|ch))\b")
# "X and Y announced / stood side by side / held talks": two people coordinated as the joint
# subject of an act of the event take part together, whatever else the sentence says.
_JOINT_GAP = re.compile(r"\s+(?:and|&)\s+(?:(?:his|her|the)\s+)?(?:[A-Za-z.'-]+\s+){0,6}")
_JOINT_VERB = LazyPattern(
    r"(?:,[^,;:\"]{2,80},)?\s+(?:(?:have|has|had|will|would|also|jointly|then|later|both|on \w+)\s+)*"
    r"(?:announc\w*|agree\w*|unveil\w*|sign\w*|reach\w*|stood|stand\w*|set out|sets out|"
    r"issu\w+|held|hold|holds|met|meet|meets|talk\w*|discuss\w*|negotiat\w+|emerg\w+|shook|shake|"
    r"hammer\w* out|struck|strike|seal\w*|launch\w*|appear\w*|address\w*|brief\w*|tour\w*|visit\w*|"
    r"laid|lay|inspect\w*|review\w*|welcom\w+|greet\w*|embrac\w+|pledg\w+|vow\w*|call\w* for|"
    r"told reporters|spoke to reporters|said in a joint|sat down)\b", re.I)


# Roles that sit at the table of talks in their own right (leaders and ministers), unlike
# ambassadors, spokesmen or analysts who comment on them.
_PRINCIPALS = ("president", "prime minister", "premier", "minister", "chancellor", "king", "queen", "emir",
               "sultan", "leader", "secretary-general", "secretary general")
_OFFICE_WORDS = re.compile(r"\b(?:of|for|to|the|us|u\.s\.|[a-z]+(?:an|ese|ish|ian|i|ch))\b|"
                           r"\b(?:assistant|deputy|vice|under|acting|senior|chief|top|principal|junior|"
                           r"first|second|permanent|special)\b", re.I)


def same_office(role: str, lead_role: str | None) -> bool:
    """A speaker quoted about the event is on the principal's team when their role names the
    principal's office ("Assistant Secretary of State ..." under "US Secretary of State",
    "Deputy Foreign Minister" under "Foreign Minister")."""
    if not lead_role:
        return True
    core = " ".join(_OFFICE_WORDS.sub(" ", lead_role).split()).lower()
    return bool(core) and core in " ".join(_OFFICE_WORDS.sub(" ", role).split()).lower()


def joint_with(norm: str, mentions: list, key: int | None) -> set[int]:
    """People named as the principal's partner in a joint subject ("Kerry and Russian Foreign
    Minister Sergey Lavrov stood side by side", "Lavrov and Kerry announced the deal")."""
    out: set[int] = set()
    if key is None:
        return out
    ms = [m for m in mentions if m.kind in ("name", "short")]
    for a, b in zip(ms, ms[1:]):
        if a.person == b.person or key not in (a.person, b.person):
            continue
        gap = norm[a.end:b.start]
        if len(gap) > 70 or any(ch in gap for ch in ',;:()"') or not _JOINT_GAP.fullmatch(gap):
            continue
        if _JOINT_VERB.match(norm, b.end):
            out.add(b.person if a.person == key else a.person)
    return out


_QUOTATION = LazyPattern(r'"[^"]*"')
_SPOKESPERSON = ("spokes", "press secretary")
_FORMER = re.compile(r"^\s*(?:former|ex-|onetime|one-time)\b", re.I)


def _about_event(state: State, index: int) -> bool:
    """A quoted leader takes part when the quote (or a sentence naming them) is framed by the talks ("After talks in the
    capital, Foreign Minister Wang said: ..."); a leader quoted on the story from elsewhere
    (a president back home, a UN chief commenting) is only mentioned."""
    sent = state.sentences[index] if 0 <= index < len(state.sentences) else None
    if sent is None:
        return False
    # The frame, not the quotation: a pundit quoted on "the delegation" did not join it.
    frame = _QUOTATION.sub(" ", state.norm[sent.start:sent.end])
    return bool(_MEETING.search(frame))


def _named_at_event(state: State, key: int) -> bool:
    """A sentence that names the person (not by pronoun) tells of the talks outside any
    quotation ("In an interview ahead of a meeting in London, Mr Abbas said ...")."""
    seen: set[int] = set()
    for m in state.mentions:
        if m.person != key or m.kind not in ("name", "short"):
            continue
        sent = state.sentence_at(m.start)
        if sent is not None and sent.index not in seen:
            seen.add(sent.index)
            if _about_event(state, sent.index):
                return True
    return False


def _travels(state: State, key: int) -> bool:
    """Someone said to be in the travelling party ("among the ministers who made the journey")."""
    for m in state.mentions:
        if m.person == key:
            sent = state.sentence_at(m.start)
            if sent is not None and _entourage(state.norm, sent.start, sent.end):
                return True
    return False


# "would on Monday meet with President X", "met her Indian counterpart X", "was received by X":
# the object of a meeting verb (its title run set aside) sits at the table.
_MET_OBJECT = re.compile(r"\b(?:met(?:\s+with)?|meets?(?:\s+with)?|meeting\s+with|talks\s+with|hosted\s+by|"
                         r"received\s+by|welcomed\s+by|greeted\s+by|counterpart),?\s+(?:(?:his|her|their|the)\s+)?$")
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.'-]*|leader|president|prime|minister|premier|chancellor|secretary|"
                        r"foreign|deputy|vice|chief|envoy|king|queen|prince|counterpart)\s+)*$")
# "two days after talks with X", "before his meeting with X": a meeting at another time.
_AT_ANOTHER_TIME = LazyPattern(r"\b(?:after|before|since|following)\s+(?:(?:his|her|their|the|a)\s+)?$", re.I)
_TIME_WORDS = ("after", "before", "since", "following")


def _at_another_time(norm: str, a: int, b: int) -> bool:
    """``_AT_ANOTHER_TIME.search(norm, a, b)``, run (and compiled) only where one of its words is."""
    return holds_any(fold(norm[a:b]), _TIME_WORDS) and _AT_ANOTHER_TIME.search(norm, a, b) is not None


def met_elsewhere(state: State) -> set[tuple[int, int]]:
    """(sentence, person) pairs where the person is the object of a meeting at another time
    ("..., two days after talks with X in Moscow"): that sentence does not put X at this table."""
    out: set[tuple[int, int]] = set()
    norm = state.norm
    for m in state.mentions:
        if m.kind not in ("name", "short"):
            continue
        sent = state.sentence_at(m.start)
        if sent is None or not any(w in norm[max(sent.start, m.start - 120):m.start] for w in _MET_WORDS):
            continue
        lead = _TITLE_RUN.search(norm, max(sent.start, m.start - 80), m.start)
        end = lead.start() if lead else m.start
        mm = _MET_OBJECT.search(norm, max(sent.start, end - 40), end)
        if mm and _at_another_time(norm, max(sent.start, mm.start() - 30), mm.start()):
            out.add((sent.index, m.person))
    return out


_POSSESSOR = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?$")


def _someone_elses(state: State, mm: re.Match) -> bool:
    """A meeting owned by someone other than the principal ("the minister, in the US after his
    meeting with X, will join the president"): X met that person, not the principal."""
    if state.principal_key is None:
        return False
    pm = _POSSESSOR.search(state.norm, max(0, mm.start() - 30), mm.start())
    if pm is None:
        return False
    owner = [m.person for m in state.mentions if m.kind == "pronoun" and m.start == pm.start()]
    return bool(owner) and owner[0] != state.principal_key


# "Prime Minister X is meeting his counterparts", "X held talks with": the subject of a meeting verb.
# Present and future only: "met" may tell of another meeting ("X met Y in May").
_MEETS_AFTER = LazyPattern(r"\s+(?:also\s+)?(?:(?:is|are)\s+(?:also\s+)?(?:meeting|holding\s+talks)|"
                           r"will\s+(?:also\s+)?(?:meet|hold\s+talks)|meets|holds\s+talks|sits\s+down)\b")


def meeting_subjects(state: State, other_time: "_OtherTime") -> set[int]:
    """People named as the subject of a meeting verb in a sentence not about another time,
    where the event is a summit or talks (many sit at the table, not only the principal)."""
    out: set[int] = set()
    if state.event is None or state.event.kind not in ("summit", "talks", "peace-talks", "trade-talks"):
        return out
    norm = state.norm
    for m in state.mentions:
        if m.kind not in ("name", "short") or m.person in out:
            continue
        sent = state.sentence_at(m.start)
        if sent is None or sent.caption or norm.count('"', sent.start, m.start) % 2:
            continue
        if _MEETS_AFTER.match(norm, m.end, sent.end) and not other_time(sent):
            out.add(m.person)
    return out


class _OtherTime:
    """Whether a sentence tells of another time (_ANOTHER_TIME), each sentence looked up once."""

    def __init__(self, state: State) -> None:
        self.norm, self.seen = state.norm, {}
        self.named = sorted(m.start for m in state.mentions if m.kind in ("name", "short"))

    def __call__(self, sent) -> bool:
        if sent.index not in self.seen:
            self.seen[sent.index] = any(not self._in_relative(sent.start, sent.end, m.start())
                                        for m in _ANOTHER_TIME.finditer(self.norm, sent.start, sent.end))
        return self.seen[sent.index]

    def _in_relative(self, start: int, end: int, at: int) -> bool:
        """Inside ", which ..." or ", who ..." that names nobody: the other time is that of a thing
        the sentence mentions ("the deficit, which reached X last year,"), not its own. (One that
        names someone dates them: "which Ambassador X described as the lowest since 1972".)"""
        opened = max(self.norm.rfind(", which ", start, at), self.norm.rfind(", who ", start, at))
        if opened == -1 or self.norm.find(",", opened + 2, at) != -1:
            return False
        close = self.norm.find(",", at, end)
        close = end if close == -1 else close
        i = bisect_left(self.named, opened)
        return not (i < len(self.named) and self.named[i] < close)


_MET_WORDS = ("met", "meet", "talks", " by ", "counterpart")


def met_objects(state: State, other_time: _OtherTime | None = None) -> set[int]:
    """People named as the object of a meeting verb, in sentences not about another time."""
    out: set[int] = set()
    norm = state.norm
    other_time = other_time or _OtherTime(state)
    for m in state.mentions:
        if m.kind not in ("name", "short") or m.person == state.principal_key or m.person in out:
            continue
        sent = state.sentence_at(m.start)
        if sent is None or not any(w in norm[max(sent.start, m.start - 120):m.start] for w in _MET_WORDS) or \
                norm.count('"', sent.start, m.start) % 2:
            continue
        lead = _TITLE_RUN.search(norm, max(sent.start, m.start - 80), m.start)
        end = lead.start() if lead else m.start
        mm = _MET_OBJECT.search(norm, max(sent.start, end - 40), end)
        if mm and not other_time(sent) and not _someone_elses(state, mm) and \
                not _at_another_time(norm, max(sent.start, mm.start() - 30), mm.start()):
            out.add(m.person)
    return out


def _named_outside_quotes(state: State, key: int, other_time: _OtherTime) -> bool:
    """Named by the story itself in a sentence about this event (not another time)."""
    for m in state.mentions:
        if m.person == key and m.kind in ("name", "short"):
            sent = state.sentence_at(m.start)
            if sent is not None and not sent.caption and state.norm.count('"', sent.start, m.start) % 2 == 0 and \
                    not other_time(sent):
                return True
    return False


def _described_as_commentator(state: State, key: int) -> bool:
    """A name whose apposition places them in the commentariat ("Ann Roe, president of the
    Lima Forum think tank, said"): they judge the talks, they do not sit at them."""
    for m in state.mentions:
        if m.person == key and m.kind in ("name", "short"):
            a = _APPOSITION.match(state.norm, m.end)
            phrase = a.group()[:c.start()] if a and (c := _CLAUSE.search(a.group())) else (a.group() if a else "")
            if _commentator(phrase):
                return True
    return False


def _only_a_source(state: State, key: int) -> bool:
    """Named only as the subject of a reporting verb, in full every time, with no title, no
    surname alone and no pronoun: a source, and often a ministry's seat ("Wisma Putra said
    today", "Foggy Bottom said it ..."), never shown at the talks."""
    ms = [m for m in state.mentions if m.person == key]
    return bool(ms) and all(m.kind == "name" and speaks_after(state.norm, m.end, min(len(state.norm), m.end + 40))
                            for m in ms)


def run(state: State) -> State:
    """Sets participants."""
    if state.event is not None and state.event.kind is None:
        return state.replace(participants=())  # no meeting reported: nobody takes part in one
    norm = state.norm
    another_time = _OtherTime(state)
    elsewhere = met_elsewhere(state)
    scores: dict[int, float] = {}
    if state.principal_key is not None:
        scores[state.principal_key] = 1.0
    by_sentence: dict[int, set[int]] = {}
    for m in state.mentions:
        sent = state.sentence_at(m.start)
        if sent is None:
            continue
        if norm.count('"', sent.start, m.start) % 2 or _modifier(norm, m.end):
            continue
        by_sentence.setdefault(sent.index, set()).add(m.person)
    for sent in state.sentences:
        who = by_sentence.get(sent.index, set())
        # With a body as principal ("United Nations talks"), a titled person at the talks takes part.
        body_led = state.principal_key is None
        with_principal = state.principal_key in who
        if not who or who == {state.principal_key}:
            continue
        entourage = None  # looked up only where needed: the pattern is the dearest here
        if not (with_principal or len(who) >= 2 or body_led):
            entourage = _entourage(norm, sent.start, sent.end)
            if not entourage:
                continue
        if not any(not _someone_elses(state, mm) for mm in _MEETING.finditer(norm, sent.start, sent.end)):
            continue
        if entourage is None:
            entourage = not with_principal and _entourage(norm, sent.start, sent.end)
        other_time = another_time(sent)
        for k in who:
            p = state.person(k)
            if p is None or p.historic or (body_led and len(who) < 2 and not p.role) or (sent.index, k) in elsewhere:
                continue
            if k != state.principal_key and other_time:
                continue
            if not with_principal and not body_led and not (entourage or _role_holds(p.role, _OFFICIAL)):
                continue
            base = 0.8 if state.principal_key in who else 0.6
            scores[k] = max(scores.get(k, 0.0), base)
    if state.principal_key is None and state.event is not None:
        # Sides lead ("Sinn Fein and Ian Paisley's Democratic Unionists ..."): whoever is named in
        # the sides' own noun phrase heads one of them.
        for span in state.event.evidence:
            for m in state.mentions:
                p = state.person(m.person)
                if span.start <= m.start < span.end and m.kind in ("name", "short") and p and not p.historic:
                    scores[m.person] = max(scores.get(m.person, 0.0), 0.8)
    if state.principal_key is None and state.event is not None and state.event.kind in ("talks", "peace-talks",
                                                                                         "trade-talks", "summit"):
        # Talks led by sides, not by one person: the leaders and ministers the story names in
        # its own voice are their delegates.
        for p in state.people:
            if p.key not in scores and _role_holds(p.role, _PRINCIPALS) and not p.historic and \
                    not _FORMER.match(p.role) and _named_outside_quotes(state, p.key, another_time):
                scores[p.key] = 0.4
    for k in meeting_subjects(state, another_time):
        p = state.person(k)
        if p is not None and not p.historic and _role_holds(p.role, _PRINCIPALS) and not _FORMER.match(p.role):
            scores[k] = max(scores.get(k, 0.0), 0.6)
    for k in met_objects(state, another_time):
        p = state.person(k)
        if p is not None and not p.historic and _role_holds(p.role, _OFFICIAL):
            scores[k] = max(scores.get(k, 0.0), 0.6)
    for k in joint_with(norm, list(state.mentions), state.principal_key):
        p = state.person(k)
        if p is not None and not p.historic:
            scores[k] = max(scores.get(k, 0.0), 0.8)
    lead = state.person(state.principal_key)
    for q in state.quotes:
        if q.person is not None and q.person not in scores:
            p = state.person(q.person)
            if p is not None and p.role and not p.historic and not _FORMER.match(p.role) and (
                    lead is None or same_office(p.role, lead.role)
                    or (_role_holds(p.role, _PRINCIPALS) and (_about_event(state, q.sentence) or _travels(state, q.person)
                                                       or _named_at_event(state, q.person)))):
                scores[q.person] = 0.4
    away = {m.person for m in state.mentions if m.person != state.principal_key and m.person in scores
            and stays_away(state, m)}
    out = []
    for k, sc in scores.items():
        p = state.person(k)
        if k in away:
            continue  # "King X will not attend the summit": named with it, not at it
        if p is None or p.historic or (k != state.principal_key and (
                _commentator(p.role or "") or _FORMER.match(p.role or "") or _described_as_commentator(state, k))):
            continue  # commentators, and former officials who speak on the talks, are not at them
        if not p.role and sc < 0.8 and " " not in p.name:
            continue
        if not p.role and k != state.principal_key and _only_a_source(state, k):
            continue
        if k != state.principal_key and _role_holds(p.role, _SPOKESPERSON) and not _travels(state, k):
            continue  # a spokesperson speaks about the talks for someone; they do not sit at them
        ev = [p.first]
        if p.role_span is not None and p.role_span != p.first:
            ev.append(p.role_span)
        side = None
        if p.role:
            m = _SIDE.search(p.role)
            side = m.group(1) if m else None
        out.append(Participant(name=p.name, role=p.role, evidence=tuple(sorted(set(ev))), side=side,
                               score=round(sc, 3)))
    out.sort(key=lambda x: (-x.score, x.evidence[0].start))
    return state.replace(participants=tuple(out))
