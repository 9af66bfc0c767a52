"""Stage 3: people, their roles as written, and every mention of them.

Reads ``norm``, ``sentences``; sets ``people`` and ``mentions``.

A person is found from a capitalised name (names.py) next to a title ("Chinese
Foreign Minister Qin Gang", "Mr Blair"), an apposition ("Wang Yi, director of
..."; "his foreign minister, Adel al-Jubeir") (roles.py), or a name that acts
as a speaker ("Tony Blair has said"). The ways one person is named (full name,
surname, title and surname) are merged here; mentions.py then links back
surnames' typos, role nouns and pronouns.
"""
from __future__ import annotations

import re

from briefgen.model.briefing import Span
from briefgen.extract.lexicon import (MONTHS, NATIONALITIES, NOT_PERSON_NAME, ORG_HEADS, PERSON_HONORIFICS,
                                      ROLE_MODIFIERS, TITLE_HEADS, VENUES, WEEKDAYS)
from briefgen.extract.mentions import nominal_mentions, pronoun_mentions, typo_mentions
from briefgen.extract.names import (PARTICLES, continues_name, is_initials, is_nameish, is_suffix, same_given,
                                    speaks_after, speaks_before, starts_name, title_case, tokens, weak_opener)
from briefgen.extract.roles import apposition, copular_role, expand_role_left, reverse_appos, role_word
from briefgen.extract.state import Mention, Person, State
from briefgen.extract.wordre import LazyPattern


class _Cand:
    """A name run found in one place, read only inside this module. A plain class: a dataclass
    generates and compiles its methods when the module is imported (about half a millisecond of
    every fresh process), and a candidate needs none of them."""

    __slots__ = ("tokens", "start", "end", "role", "role_start", "evidence", "historic", "body", "headline")

    def __init__(self, tokens: list[str], start: int, end: int, role: str | None, role_start: int | None,
                 evidence: int, historic: bool = False, *, body: bool = False, headline: bool = False):
        self.tokens, self.start, self.end = tokens, start, end
        self.role, self.role_start = role, role_start
        self.evidence = evidence  # 2 = title/honorific/apposition, 1 = speaks, 0 = bare
        self.historic = historic
        self.body = body  # "the Sinn Fein said": a name run after "the" that stands alone names a body
        self.headline = headline  # a titled name in a title-case headline: names someone, creates no one


# Capitalised function words that only occur inside title-case names ("Stand Up To Trump").
_TITLE_CASE_GLUE = frozenset({"To", "Of", "For", "And", "The", "On", "In", "Against"})
# A capitalised title word or role modifier right after a run makes the run part of a title or
# a body's name ("Atomic Energy Organization", "Chief Agricultural Negotiator"), not a person.
_TITLE_NEXT = (TITLE_HEADS | ROLE_MODIFIERS) - PERSON_HONORIFICS - set(MONTHS) - set(WEEKDAYS)
# "A and B were part of the delegation", "accompanied by A": names in a travelling party are people.
_PARTY = LazyPattern(r"\b(?:part of (?:the|his|her|their) (?:\w+\s+)?delegation|accompanied by|"
                     r"delegation (?:included|includes|comprised|comprises))\b")
_HONORIFICS = PERSON_HONORIFICS | {"prof"}  # "Prof. Yemi Osinbajo"
_AND_GAP = LazyPattern(r"\s+and\s+")
# A capitalised common noun right after a run names a thing or a place ("Nobel Peace Prize",
# "Blair House", "Clinton Foundation"): the run is part of that name, not a person.
_FUNCTION_WORDS = frozenset("the a an and or but in on at to of for from by with as after before amid during while "
                            "when this that these those it its his her their our he she they we i you if then there "
                            "here also however meanwhile earlier later speaking according under despite though "
                            "although because since which who whom whose what where why how not no yes all some "
                            "many most both each every one two three four five six seven eight nine ten first "
                            "second third last next new old yesterday today tomorrow tonight".split())
_THING_NEXT = NOT_PERSON_NAME - _FUNCTION_WORDS - set(MONTHS) - set(WEEKDAYS) - PERSON_HONORIFICS - TITLE_HEADS
# Styles before a name ("His Highness Sheikh"): an office in the apposition says more.
_STYLES = frozenset("his her their highness excellency majesty royal sheikh sheikha emir".split())
_STANDS_ALONE = re.compile(r"\s*(?:[.,;:)]|(?:said|says|has|have|had|is|was|were|will|would)\b)")
_RANKS = frozenset("general gen admiral adm colonel col lieutenant lt major maj captain capt "
                    "marshal brigadier commander".split())
_OFFICE = LazyPattern(r"\b(?:president|prime minister|premier|minister|secretary|chancellor|king|queen|"
                      r"emir|leader|chief|head|chairman|director|prince|princess|governor|ruler|adviser|advisor|"
                      r"ambassador|envoy)\b", re.I)
_AFTER_QUOTE = LazyPattern(r'[,?!]"\s*$')
# "met with Ahmad al-Sharaa", "held talks with Chinese Premier Li": the object of a meeting verb
# is a counterpart at the table, a person even without a title.
_MET_BEFORE = LazyPattern(r"\b(?:met|meet|meets|meeting|talks|host|hosted|hosts|hosting|welcome|welcomed|welcomes|"
                          r"received|receives|greeted|greets|counterpart),?\s+(?:with\s+)?(?:[A-Z][\w.'-]*\s+){0,2}$")
# "Keir Starmer will fly to India", "Ann Roe heads to Oslo": the subject of a travel verb is a
# traveller, a person even without a title.
_TRAVELS_AFTER = LazyPattern(r"\s+(?:will\s+|is\s+(?:set\s+|due\s+)?to\s+|has\s+|had\s+|also\s+)*"
                             r"(?:fly|flies|flew|travel(?:s|led|ed)?|heads?|headed|arrive[sd]?|landed|lands)\s+"
                             r"(?:to|in|for)\s+[A-Z]")
# "Ann Roe met Bo Kay", "Ann Roe will host Bo Kay": the subject of a meeting verb with a named
# object is at the table, a person even without a title.
_MEETS_AFTER = LazyPattern(r"\s+(?:also\s+|will\s+|is\s+(?:set\s+|due\s+)?to\s+)*"
                           r"(?:met|meets?|host(?:s|ed)?|welcome[sd]?|receive[sd]?|(?:hold|held)\s+talks\s+with)\s+"
                           r"(?:with\s+)?(?:[A-Z][\w.'-]*\s+){1,3}?(?:[A-Z][\w.'-]*)")
# "Shaista Aziz from the Stop Trump Coalition criticised ...": a name with its affiliation.
_AFFILIATION = LazyPattern(r"\s+(?:from|of)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,5}[a-z]+(?:ed|s)\b")
# "Rainer Arnold, a German parliamentarian who ..., said": a name whose apposition ends in speech.
_APPOS_SPEAKS = LazyPattern(r",[^,;:\"]{2,160},\s*(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|argued|warned)\b")


def _relational(old: str, new: str) -> bool:
    """A title ("Japanese Prime Minister") says more than a relation ("his Japanese counterpart"),
    and the same title with its country ("Chinese President") more than the bare one ("President")."""
    if "counterpart" in old.lower() and "counterpart" not in new.lower():
        return True
    extra = new[:len(new) - len(old)].split() if new.lower().endswith(" " + old.lower()) else []
    return bool(extra) and all(w.lower().replace(".", "") in NATIONALITIES for w in extra)


def _title_typo(tok: str) -> bool:
    """A capitalised title with one letter too many ("Premiere", "Presidentt"): a typo, no name."""
    low = tok.lower()
    return len(low) >= 6 and tok[:1].isupper() and low not in TITLE_HEADS and \
        any(low[:k] + low[k + 1:] in TITLE_HEADS for k in range(len(low)))


def _headline_names(norm: str, sent) -> list[_Cand]:
    """Titled names in a title-case headline ("Readout of President Ann Roe’s Meeting with
    President Bo Kay of ..."), where capitals say nothing: a run after a title word that ends in a
    possessive or before a small word. They only offer the form a known person's name takes."""
    toks = tokens(norm, sent.start, sent.end)
    out = []
    for i, (tok, _, _) in enumerate(toks):
        if not (tok[:1].isupper() and tok.lower() in TITLE_HEADS):
            continue
        j = i + 1
        while j < len(toks) and j - i <= 3 and norm[toks[j - 1][2]:toks[j][1]] == " " and is_nameish(toks[j][0]):
            if toks[j][0].endswith(("'s", "’s")):
                break
            j += 1
        if j >= len(toks) or j - i > 3:
            continue
        last = toks[j][0]
        if last.endswith(("'s", "’s")) and is_nameish(last) and norm[toks[j - 1][2]:toks[j][1]] == " ":
            names = [t[0] for t in toks[i + 1:j]] + [last[:-2]]
            end = toks[j][2] - 2
        elif last.islower() and j - i >= 3:
            names = [t[0] for t in toks[i + 1:j]]
            end = toks[j - 1][2]
        else:
            continue
        if len(names) == 2:
            out.append(_Cand(names, toks[i + 1][1], end, None, None, 2, headline=True))
    return out


# A token opening on a lower-case ASCII letter opens no name: it is no initial, no suffix, no
# month after an honorific ("Mrs May") and no "Jan" (all capitalised), and is_nameish holds for it
# only as a particle (which opens no run either) or with an "al-"/"el-"/"bin-" prefix. Skipping it
# before those checks spares them for most of a sentence's words.
_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")
_NAME_PREFIXES = ("al-", "el-", "bin-")


def _candidates(state: State) -> list[_Cand]:
    """Every capitalised name run, with the role and evidence that it names a person."""
    norm = state.norm
    out: list[_Cand] = []
    for span in state.metadata[:1]:  # the headline, read apart from the body
        if title_case(norm, span.start, span.end):
            out.extend(_headline_names(norm, span))
    for sent in state.sentences:
        if title_case(norm, sent.start, sent.end):
            out.extend(_headline_names(norm, sent))
            continue
        toks = tokens(norm, sent.start, sent.end)
        i = 0
        while i < len(toks):
            tok = toks[i][0]
            if tok[0] in _LOWER_ASCII and not tok.startswith(_NAME_PREFIXES):
                i += 1  # the common case: a lower-case word neither opens nor is a name (see _LOWER_ASCII)
                continue
            if i == 0 and weak_opener(tok):
                i += 1
                continue
            # Initials open a name only right before one ("S.M. Krishna").
            starts = is_initials(tok) and i + 1 < len(toks) and (
                is_nameish(toks[i + 1][0]) or is_initials(toks[i + 1][0])) and \
                norm[toks[i][2]:toks[i + 1][1]] == " "
            # "Mrs May": a month after an honorific is a surname.
            starts = starts or (i > 0 and toks[i - 1][0].lower() in _HONORIFICS
                                and continues_name(norm, tok, toks[i][2])) or starts_name(norm, toks, i)
            # "Vice Premier He Lifeng": after a title, "He" is a surname, not the pronoun.
            starts = starts or (tok == "He" and 0 < i < len(toks) - 1 and toks[i - 1][0].lower() in TITLE_HEADS
                                and is_nameish(toks[i + 1][0]) and norm[toks[i][2]:toks[i + 1][1]] == " ")
            if not starts and (not is_nameish(tok) or tok in PARTICLES):
                i += 1
                continue
            # Maximal run of name tokens (particles, initials and "May" allowed inside).
            j = i
            while j + 1 < len(toks):
                nt = toks[j + 1][0]
                gap = norm[toks[j][2]:toks[j + 1][1]]
                if gap not in (" ",) or not (is_nameish(nt) or continues_name(norm, nt, toks[j + 1][2])):
                    break
                if nt in PARTICLES:
                    k = j + 2  # "van der Berg", "de la Fuente": particles run on to a capitalised name
                    while k < len(toks) and toks[k][0] in PARTICLES and norm[toks[k - 1][2]:toks[k][1]] == " ":
                        k += 1
                    if not (k < len(toks) and toks[k][0][:1].isupper() and norm[toks[k - 1][2]:toks[k][1]] == " "):
                        break
                if toks[j][0].endswith(("'s", "’s")):
                    break  # a possessive ends a name: "RFE/RL's Uzbek Service"
                j += 1
            while j > i and is_initials(toks[j][0]):
                j -= 1  # a name never ends on an initial
            first = toks[i][0]
            resume = None
            if len(first) >= 3 and any(t[0].startswith(first) for t in toks[i + 2:j + 2]):
                # "Trump Donald John TrumpFederal judge ...": a page's link text glued after the name
                # as written; the name stands alone and the link text is skipped.
                resume = next(k for k in range(i + 2, min(j + 2, len(toks))) if toks[k][0].startswith(first)) + 1
                j = i
            typo = j - i >= 2 and _title_typo(toks[i][0])
            if typo:
                i += 1  # "Chinese Premiere Wen Jiabao": a title misspelt by a letter heads the run
            run = toks[i:j + 1]
            if j + 1 < len(toks) and norm[toks[j][2]:toks[j + 1][1]] == " " and \
                    not toks[j][0].endswith(("'s", "’s")) and (
                    toks[j + 1][0].lower() in ORG_HEADS or toks[j + 1][0] in _TITLE_CASE_GLUE
                    or (toks[j + 1][0][:1].isupper() and toks[j + 1][0].lower() in _TITLE_NEXT)
                    or (toks[j + 1][0][:1].isupper() and toks[j + 1][0].lower() in _THING_NEXT)):
                i = j + 1  # "Stop Trump Coalition", "Stand Up To Trump": a body's name, not a person
                continue
            if i >= 2 and toks[i - 1][0] == "of" and toks[i - 2][0][:1].isupper() and \
                    toks[i - 2][0].lower() in ORG_HEADS:
                i = j + 1  # "Department of Treasury": the rest of a body's name
                continue
            if i and toks[i - 1][0] in ("the", "The") and norm[toks[i - 1][2]:toks[i][1]] == " ":
                # "the Sinn Fein", "the Kim Jong-un regime": a body, or a name as a modifier, never
                # a person named; a run that stands alone after "the" names a body everywhere.
                if _STANDS_ALONE.match(norm, toks[j][2]):
                    out.append(_Cand([t[0] for t in toks[i:j + 1]], toks[i][1], toks[j][2], None, None, 0,
                                     body=True))
                i = j + 1
                continue
            if " ".join(t[0] for t in toks[i:j + 1]).lower() in VENUES:
                i = j + 1  # "Cheong Wa Dae": a seat of government
                continue
            if i and toks[i - 1][0] == "at" and not toks[j][0].endswith(("'s", "’s")) and \
                    not expand_role_left(norm, toks, i, sent.start)[0]:
                i = j + 1  # "received him at Qasr Al Watan": where, not who
                continue
            names = [t[0] for t in run]
            # Strip a possessive from the last token.
            s0, e0 = run[0][1], run[-1][2]
            if names[-1].endswith(("'s", "’s")):
                names[-1] = names[-1][:-2]
                e0 -= 2
            # A name has at most four words, six with patronymics ("Hamdan bin Mohammed bin Rashid Al Maktoum").
            if len([n for n in names if n not in PARTICLES]) > (6 if {"bin", "ibn", "bint"} & set(names) else 4) \
                    or not names[-1]:
                i = j + 1
                continue
            # Sentence-initial single capital after which nothing titles it is weak evidence.
            role, rs, historic = expand_role_left(norm, toks, i, sent.start)
            if typo and not role:
                k = i - 1
                while k > 0 and role_word(toks[k - 1][0]) and norm[toks[k - 1][2]:toks[k][1]] == " ":
                    k -= 1
                role, rs = norm[toks[k][1]:toks[i - 1][2]], toks[k][1]
            evidence = 0
            prev = toks[i - 1][0].lower() if i else ""
            if prev in _HONORIFICS and norm[toks[i - 1][2]:s0].strip() in ("", "."):
                evidence = 2
                if role and role.lower().strip(". ") in _HONORIFICS:
                    role = None
            elif role:
                evidence = 2
            if not role or role.split()[-1].lower().rstrip(".") in _RANKS or \
                    all(w.lower() in _STYLES for w in role.split()):
                # "General Joseph Aoun, President of Lebanon": the office in the apposition
                # says more than a rank before the name.
                arole, ars = apposition(norm, e0, sent.end)
                if arole and (not role or _OFFICE.search(arole)):
                    role, rs, evidence = arole, ars, 2
                elif not role:
                    crole, crs = copular_role(norm, e0, sent.end)
                    if crole and _OFFICE.search(crole):
                        role, rs, evidence = crole, crs, 2
            if evidence == 0 and (speaks_after(norm, e0, sent.end)
                                  or speaks_before(norm, max(sent.start, s0 - 40), s0)
                                  or (len(names) >= 2 and _MET_BEFORE.search(norm, max(sent.start, s0 - 60), s0))
                                  or (len(names) in (2, 3) and _TRAVELS_AFTER.match(norm, e0, sent.end))
                                  or (len(names) in (2, 3) and _MEETS_AFTER.match(norm, e0, sent.end))
                                  or (len(names) in (2, 3) and _PARTY.search(norm, sent.start, sent.end))
                                  or (len(names) >= 2 and _AFTER_QUOTE.search(norm, max(sent.start, s0 - 4), s0))
                                  or (len(names) in (2, 3) and (_AFFILIATION.match(norm, e0, sent.end)
                                                                or _APPOS_SPEAKS.match(norm, e0, sent.end)))):
                evidence = 1  # a speaker: '," Charles Armstrong, an Asia expert, said'

            # Reverse apposition: "his foreign minister, Adel al-Jubeir,"
            # ("The Vice-President, Prof. Ann Roe,": an honorific may stand between.)
            lead_end = toks[i - 1][1] if i and prev in _HONORIFICS else s0
            if not role and len(names) >= 2 and norm[max(sent.start, lead_end - 3):lead_end].rstrip().endswith(","):
                m = reverse_appos().search(norm[max(sent.start, lead_end - 80):lead_end])
                base = max(sent.start, lead_end - 80)
                if m:
                    words = m.group(1).split()
                    while words and words[0].lower() in ("the", "his", "her", "its", "their", "a", "an",
                                                         "and", "by", "with", "said", "told", "of", "for",
                                                         "to", "from", "at", "on", "in", "as"):
                        words = words[1:]
                    if words:
                        role = " ".join(words)
                        rs = base + m.start(1) + m.group(1).find(words[0])
                        evidence = 2
            prev_c = out[-1] if out else None
            if evidence == 0 and len(names) >= 2 and prev_c is not None and prev_c.evidence and \
                    not prev_c.body and _AND_GAP.fullmatch(norm, prev_c.end, s0):
                # "Finance ministers Ann Roe and Bo Kay": the second of two coordinated names is a
                # person as the first is, and shares a plural title.
                evidence = 1
                if prev_c.role and prev_c.role.split()[-1].lower().rstrip("s") in TITLE_HEADS and \
                        prev_c.role.endswith("s") and not role:
                    role, rs, evidence = prev_c.role, prev_c.role_start, 2
            out.append(_Cand(names, s0, e0, role, rs, evidence, historic))
            i = resume or j + 1
    return out


def run(state: State) -> State:
    """Sets people and mentions."""
    norm = state.norm
    cands = _candidates(state)
    bodies = {tuple(c.tokens) for c in cands if c.body}
    cands = [c for c in cands if tuple(c.tokens) not in bodies]
    short_counts: dict[str, int] = {}
    for c in cands:
        for t in c.tokens:
            short_counts[t] = short_counts.get(t, 0) + 1

    people: list[dict] = []

    def find(tokens: list[str]) -> dict | None:
        # Particles and initials tell no one apart: "Mohammed bin Nayef" is not "Mohammed bin Salman".
        ts = {t.lower() for t in tokens if t not in PARTICLES and not is_initials(t) and not is_suffix(t)}
        for p in people:
            if tokens[0] != p["tokens"][0] and {"bin", "ibn", "bint"} & set(tokens) and \
                    {"bin", "ibn", "bint"} & set(p["tokens"]):
                continue  # "Hamdan bin Mohammed bin Rashid" is the son of "Mohammed bin Rashid"
            pt = {t.lower() for t in p["tokens"]  # "Ki-moon", "Ki-Moon"
                  if t not in PARTICLES and not is_initials(t) and not is_suffix(t)}
            if ts <= pt or pt <= ts or (len(ts & pt) >= 2):
                return p
            if len(tokens) >= 2 and len(p["tokens"]) >= 2 and tokens[-1] == p["tokens"][-1] and \
                    same_given(tokens[0], p["tokens"][0]):
                return p  # "Joe Biden" and "Joseph R. Biden"
        return None

    # Full names first (2+ tokens), with evidence or a short form used elsewhere.
    for c in cands:
        if len(c.tokens) < 2 or c.headline:
            continue
        reused = any(short_counts.get(t, 0) > 1 for t in c.tokens)
        if c.evidence == 0 and not reused:
            continue
        if c.evidence == 0 and len(c.tokens) > 3:
            continue
        p = find(c.tokens)
        if p is None:
            people.append({"tokens": list(c.tokens), "name": " ".join(c.tokens), "role": c.role,
                           "role_start": c.role_start, "first": (c.start, c.end), "historic": c.historic,
                           "evidence": c.evidence, "mentions": [(c.start, c.end, "name")]})
        else:
            p["mentions"].append((c.start, c.end, "name"))
            if len(c.tokens) > len(p["tokens"]) and c.evidence:
                p["tokens"], p["name"] = list(c.tokens), " ".join(c.tokens)
            if c.role and (not p["role"] or (p["evidence"] < 2) or _relational(p["role"], c.role)):
                p["role"], p["role_start"] = c.role, c.role_start
            p["evidence"] = max(p["evidence"], c.evidence)
            p["historic"] = p["historic"] and c.historic
    # A headline's form of a known name ("Joe Biden" for "Joseph R. Biden") is the name readers know.
    for c in cands:
        if c.headline:
            p = find(c.tokens)
            if p is not None and p["tokens"][-1] == c.tokens[-1]:
                p["display"] = " ".join(c.tokens)
    # Single tokens: a short form of someone known, or a titled one-name person ("Pope Francis").
    for c in cands:
        if len(c.tokens) != 1:
            continue
        tok = c.tokens[0]
        owners = [p for p in people if tok in p["tokens"]]
        if c.role and owners and all(p["first"][0] > c.start and (
                p["role"] is None or p["role"].split()[-1].lower() != c.role.split()[-1].lower()) for p in owners):
            # "President Trump welcomed ..." long before "Melania Trump": a titled surname
            # written first names someone of its own, not a namesake named later.
            owners = []
        if owners:
            # Prefer the person already mentioned most (the main actor over a namesake).
            p = max(owners, key=lambda p: (len(p["mentions"]), -p["first"][0]))
            p["mentions"].append((c.start, c.end, "short"))
            if c.role and (not p["role"] or _relational(p["role"], c.role)):
                p["role"], p["role_start"] = c.role, c.role_start
            continue
        if c.evidence == 2:
            people.append({"tokens": [tok], "name": tok, "role": c.role, "role_start": c.role_start,
                           "first": (c.start, c.end), "historic": c.historic, "evidence": 2,
                           "mentions": [(c.start, c.end, "name")]})
    # Single names that only later get a title ("Mr Hu" after "Hu"): collect their bare mentions.
    for c in cands:
        if len(c.tokens) == 1 and c.evidence < 2:
            for p in people:
                if p["tokens"] == c.tokens and (c.start, c.end, "name") not in p["mentions"] and \
                        (c.start, c.end, "short") not in p["mentions"]:
                    p["mentions"].append((c.start, c.end, "short"))
    persons = []
    mentions: list[Mention] = []
    for k, p in enumerate(sorted(people, key=lambda p: p["first"][0])):
        role_span = None
        if p["role"] and p["role_start"] is not None:
            role_span = Span(p["role_start"], p["role_start"] + len(p["role"]))
        core = [t for t in p["tokens"] if not is_suffix(t)] or p["tokens"]  # "Marcos", not "Jr."
        shorts = tuple(dict.fromkeys(t for t in (core[-1], core[0]) if not is_initials(t)))
        persons.append(Person(k, p.get("display") or p["name"], p["role"], role_span, Span(*p["first"]), shorts,
                              historic=p["historic"]))
        for s, e, kind in p["mentions"]:
            mentions.append(Mention(k, s, e, kind))
    mentions = typo_mentions(norm, persons, mentions)
    mentions.sort(key=lambda m: m.start)
    mentions = nominal_mentions(state, persons, mentions)
    persons = _roles_from_nominals(state, persons, mentions)
    persons = _roles_from_headline(state, persons)
    state = state.replace(people=tuple(persons))
    mentions = pronoun_mentions(state, mentions)
    return state.replace(people=tuple(persons), mentions=tuple(mentions))


def _roles_from_headline(state: State, persons: list[Person]) -> list[Person]:
    """A person the body never titles takes the title the headline gives their name ("President
    Xi welcomes Lula"); a title-case headline's capitals say nothing, so it gives none."""
    if not state.metadata or not state.paragraphs or state.metadata[0].start >= state.paragraphs[0].start:
        return persons
    head = state.metadata[0]
    norm = state.norm
    if title_case(norm, head.start, head.end):
        return persons
    toks = tokens(norm, head.start, head.end)
    out = []
    for p in persons:
        if p.role is None and not p.historic:
            for j, (tok, _, _) in enumerate(toks):
                if j and tok in p.surnames:
                    role, rs, historic = expand_role_left(norm, toks, j, head.start)
                    if role and not historic:
                        p = p.with_role(state.text[rs:rs + len(role)], Span(rs, rs + len(role)))
                        break
        out.append(p)
    return out


def _roles_from_nominals(state: State, persons: list[Person], mentions: list[Mention]) -> list[Person]:
    """A person never titled next to their name takes the role of the first description that
    refers to them ("Jack Straw said ... The foreign secretary told MPs"): "foreign secretary"."""
    out = []
    for p in persons:
        if p.role is None:
            for m in mentions:
                if m.person == p.key and m.kind == "nominal":
                    words = state.norm[m.start:m.end].split(None, 1)
                    if len(words) == 2 and words[0].lower() == "the":
                        start = m.end - len(words[1])
                        p = p.with_role(state.text[start:m.end], Span(start, m.end))
                    break
        out.append(p)
    return out


