"""Stage 3: people, their roles as written, and every mention of them.

Reads ``norm``, ``sentences``; sets ``people`` and ``mentions``.

A person is found from a capitalised name next to a title ("Chinese Foreign
Minister Qin Gang", "Mr Blair"), an apposition ("Wang Yi, director of ...";
"his foreign minister, Adel al-Jubeir"), or a name that acts as a speaker
("Tony Blair has said"). Mentions then link back: surnames and given names
("Blinken", "Xi"), one-letter typos of a surname ("Blinked"), role nouns
("the top US diplomat", "the French leader") and pronouns (he/she/his/her).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from briefgen.model.briefing import Span
from briefgen.extract.lexicon import (CITIES, COUNTRIES, NATIONALITIES, NOT_NAME, PERSON_HONORIFICS,
                      REPORTING_VERBS, ROLE_MODIFIERS, TITLE_HEADS)
from briefgen.extract.state import Mention, Person, State
from briefgen.extract.wordre import Phrases

_UPPER = "A-Z\u00c0-\u00de"
_LETTER = "A-Za-z\u00c0-\u017f"
TOKEN = re.compile(
    rf"(?:(?:al|el|bin|ibn)-)?[{_UPPER}][{_LETTER}'’]*(?:-[{_LETTER}]+)*|(?:[A-Z]\.){{2,}}|[a-z][a-z]*(?:-[a-z]+)*")
_PARTICLES = frozenset({"da", "de", "dos", "do", "del", "della", "di", "du", "van", "von", "bin", "ibn",
                        "al", "la", "le", "der", "den"})
_SPEECH = Phrases(REPORTING_VERBS)
_SPEAKS_LEAD = re.compile(r"\s*(?:,\s*)?(?:has\s+|had\s+|have\s+)?(?:also\s+)?")
_ACCORDING_TO_END = re.compile(r"\baccording\s+to\s*,?\s*$")


def _speaks_after(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    r"""A reporting verb right after a name ("Blinken said", "Wang, has also told"): as
    ``\s*(?:,\s*)?(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:VERBS)\b`` matched at ``pos``
    (no verb starts with "has", "had", "have" or "also", so the lead is read one way)."""
    lead = _SPEAKS_LEAD.match(text, pos, len(text) if endpos is None else endpos)
    return _SPEECH.end_at(text, lead.end(), endpos) >= 0


def _speaks_before(text: str, pos: int, endpos: int) -> bool:
    r"""A reporting verb right before a name ("said Wang", "according to Wang,"): as
    ``\b(?:VERBS|according\s+to)\s*,?\s*$`` searched in text[pos:endpos]."""
    if _ACCORDING_TO_END.search(text, pos, endpos):
        return True
    end = endpos
    while end > pos and text[end - 1].isspace():
        end -= 1
    if end > pos and text[end - 1] == ",":
        end -= 1
        while end > pos and text[end - 1].isspace():
            end -= 1
    return _SPEECH.ends_before(text, end, pos)
_NOMINAL = re.compile(
    r"\b(?:the|The)[ ]((?:(?:top|senior|visiting|first|[A-Z][A-Za-z.]*|[a-z]+(?:ese|ian|ish|an|ch))[ ]){0,3}"
    r"(?i:president|prime minister|premier|foreign minister|foreign secretary|secretary of state|"
    r"secretary|minister|diplomat|leader|chancellor|king|pope|envoy|ambassador|chairman|spokesman|"
    r"spokeswoman|spokesperson))\b")
_PRONOUN = re.compile(r"\b(he|she|He|She|his|His|her|Her|him)\b")
_CAPWORD = re.compile(r"\b[A-Z][a-z]{4,}\b")
_HISTORIC = re.compile(r"(?:\bthen-|\bformer\s+|\blate\s+|\bex-)\s*$", re.I)


@dataclass
class _Cand:
    tokens: list[str]
    start: int
    end: int
    role: str | None
    role_start: int | None
    evidence: int  # 2 = title/honorific/apposition, 1 = speaks, 0 = bare
    historic: bool = False


_NEVER_NAME = NOT_NAME | TITLE_HEADS | NATIONALITIES | COUNTRIES | CITIES | ROLE_MODIFIERS
_COMPOUND_ADJ = ("-born", "-based", "-led", "-backed", "-owned", "-run", "-bred")


def _is_nameish(tok: str) -> bool:
    if not tok[:1].isupper() and tok not in _PARTICLES and not tok.startswith(("al-", "el-", "bin-")):
        return False  # the common case first: a lower-case word
    low = tok.lower().rstrip("'’s") if tok.endswith(("'s", "’s")) else tok.lower()
    if "." in tok or low.endswith(_COMPOUND_ADJ):
        return False  # "Argentine-born", "Saudi-led": adjectives, not names
    return low not in _NEVER_NAME


def _role_word(tok: str) -> bool:
    low = tok.lower()
    return (low in TITLE_HEADS or low in ROLE_MODIFIERS or low in NATIONALITIES or low in COUNTRIES
            or low.replace(".", "") in NATIONALITIES)


def _tokens(norm: str, s: int, e: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(norm, s, e)]


def _gap_ok(norm: str, a_end: int, b_start: int, allow: str = "") -> bool:
    gap = norm[a_end:b_start]
    return gap.strip() in ("",) + tuple(allow) and "\n\n" not in gap


def _expand_role_left(norm: str, toks, i: int, sent_start: int) -> tuple[str | None, int | None, bool]:
    """Walk left from token i-1 over title words; return (role, start, historic)."""
    j = i - 1
    first = None
    has_head = False
    while j >= 0:
        tok, ts, te = toks[j]
        nxt_start = toks[j + 1][1]
        gap = norm[te:nxt_start]
        if gap.strip() not in ("", "-") or "\n\n" in gap:
            break
        low = tok.lower()
        if low.endswith(_COMPOUND_ADJ):
            break  # "Argentine-born Pope Francis": the role is "Pope"
        if low in TITLE_HEADS:
            has_head = True
        elif low in ("of", "for", "to") and first is not None and j > 0:
            # "Secretary of State", "Minister for Trade and Industry": only between title words.
            prev = toks[j - 1][0]
            if not (_role_word(prev) or prev[:1].isupper()):
                break
        elif low.endswith(("'s", "’s")) and tok[:1].isupper():
            pass  # "Saudi Arabia's King"
        elif _role_word(tok) or low in ("co-founder", "executive", "group"):
            pass
        elif tok[:1].isupper() and low not in NOT_NAME - ROLE_MODIFIERS - TITLE_HEADS:
            pass  # organisation words in a role: "SK Group Chairman"
        elif tok[:1].isupper() and low in ("state", "group", "party", "council", "commission",
                                          "affairs", "house", "department", "office"):
            pass
        else:
            break
        first = j
        j -= 1
    if first is None or not has_head:
        return None, None, False
    # Do not start a role with a connector or a sentence-initial function word.
    while first < i and toks[first][0].lower() in ("of", "for", "and", "the"):
        first += 1
    rs = toks[first][1]
    re_ = toks[i - 1][2]
    role = norm[rs:re_]
    while role.split() and role.split()[-1].lower().strip(".") in PERSON_HONORIFICS:
        role = role[:len(role) - len(role.split()[-1])].rstrip()
    if not role:
        return None, None, False
    if not any(t.lower() in TITLE_HEADS for t in role.split()):
        return None, None, False
    historic = bool(_HISTORIC.search(norm[max(sent_start, rs - 12):rs])) or \
        bool(re.match(r"(?:then|former|ex|late)\b", role, re.I))
    return role, rs, historic


# "his foreign minister, Adel al-Jubeir", "the UN special envoy to Yemen, Ismail Ould Cheikh Ahmed"
@functools.cache
def _reverse_appos() -> re.Pattern:
    """Compiled on first use: only names after a comma need it, and its title alternation
    costs about two milliseconds to compile."""
    return re.compile(r"\b((?:[\w.'’-]+\s+){0,3}(?:" + "|".join(sorted(TITLE_HEADS, key=len, reverse=True))
                      + r")(?:\s+(?:to|for|of|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)?),\s*$",
                      re.I)
_APPOS_REACH = 200  # characters: a role runs at most 16 words
_APPOS = re.compile(r",\s+(?:(?:the|a|an|his|her|its|their)\s+)?")


_CAPITAL_TITLES = frozenset(h.capitalize() for h in TITLE_HEADS)
_SPACE = re.compile(r"\s+")
_CAP_WORD = re.compile(r"([A-Z][\w.'’-]*)\s+")
_NAME_START = re.compile(r"[A-Z][a-z]")


def _titled_name_ahead(norm: str, pos: int, limit: int) -> bool:
    r"""A titled name next ("... and Foreign Minister Wang Yi"): as the regex
    ``\s+(?:[A-Z][\w.'’-]*\s+){0,4}(?:TITLES)\s+[A-Z][a-z]`` matched at ``pos``, with the
    title looked up in a set (each word fills the run up to the next space, so the words
    are read one way)."""
    m = _SPACE.match(norm, pos, limit)
    if m is None:
        return False
    p = m.end()
    for _ in range(5):
        w = _CAP_WORD.match(norm, p, limit)
        if w is None:
            return False
        p = w.end()
        if w.group(1) in _CAPITAL_TITLES and _NAME_START.match(norm, p, limit):
            return True
    return False


def _apposition(norm: str, end: int, limit: int) -> tuple[str | None, int | None]:
    """Role after "Name, ..." up to the next comma/clause: needs a title head inside."""
    m = _APPOS.match(norm, end, limit)
    if not m:
        return None, None
    s = m.end()
    toks = _tokens(norm, s, min(limit, s + _APPOS_REACH))
    out_end = None
    has_head = False
    k = 0
    while k < len(toks):
        tok, ts, te = toks[k]
        prev_end = toks[k - 1][2] if k else s
        if k and (norm[prev_end:ts].strip() not in ("", "-")):
            break
        low = tok.lower()
        if low in ("who", "which", "that", "said", "says", "told", "is", "was", "has", "will", "on",
                   "in", "at", "to", "from", "with"):
            break
        if low in ("and", "or") and (k == 0 or _titled_name_ahead(norm, te, limit)):
            # "director of the X Office and Chinese President Xi": a new titled person starts.
            break
        if not (tok[:1].isupper() or low in TITLE_HEADS or low in ROLE_MODIFIERS or
                low in ("of", "for", "and", "the", "co-founder")):
            break
        if low in TITLE_HEADS:
            has_head = True
        out_end = te
        k += 1
    if not has_head or out_end is None:
        return None, None
    if toks and toks[0][0].lower().rstrip(".") in PERSON_HONORIFICS:
        return None, None  # "the Independent, Mr Abbas said": another person, not a role
    role = norm[s:out_end]
    while role.split() and role.split()[-1].lower() in ("of", "for", "and", "the"):
        role = role.rsplit(None, 1)[0]
    if len(role.split()) > 16:
        return None, None
    return role, s


def _candidates(state: State) -> list[_Cand]:
    norm = state.norm
    out: list[_Cand] = []
    for sent in state.sentences:
        toks = _tokens(norm, sent.start, sent.end)
        i = 0
        while i < len(toks):
            tok = toks[i][0]
            if not _is_nameish(tok) or tok in _PARTICLES:
                i += 1
                continue
            # Maximal run of name tokens (particles allowed inside).
            j = i
            while j + 1 < len(toks):
                nt = toks[j + 1][0]
                gap = norm[toks[j][2]:toks[j + 1][1]]
                if gap not in (" ",) or not (_is_nameish(nt)):
                    break
                if nt in _PARTICLES and not (j + 2 < len(toks) and toks[j + 2][0][:1].isupper()):
                    break
                j += 1
            run = toks[i:j + 1]
            names = [t[0] for t in run]
            # Strip a possessive from the last token.
            s0, e0 = run[0][1], run[-1][2]
            if names[-1].endswith(("'s", "’s")):
                names[-1] = names[-1][:-2]
                e0 -= 2
            if len([n for n in names if n not in _PARTICLES]) > 4 or not names[-1]:
                i = j + 1
                continue
            # Sentence-initial single capital after which nothing titles it is weak evidence.
            role, rs, historic = _expand_role_left(norm, toks, i, sent.start)
            evidence = 0
            prev = toks[i - 1][0].lower() if i else ""
            if prev in PERSON_HONORIFICS and norm[toks[i - 1][2]:s0].strip() in ("", "."):
                evidence = 2
                if role and role.lower().strip(". ") in PERSON_HONORIFICS:
                    role = None
            elif role:
                evidence = 2
            if not role:
                arole, ars = _apposition(norm, e0, sent.end)
                if arole:
                    role, rs, evidence = arole, ars, 2
            if evidence == 0 and (_speaks_after(norm, e0, sent.end)
                                  or _speaks_before(norm, max(sent.start, s0 - 40), s0)):
                evidence = 1
            # Reverse apposition: "his foreign minister, Adel al-Jubeir,"
            if not role and len(names) >= 2 and norm[max(sent.start, s0 - 3):s0].rstrip().endswith(","):
                m = _reverse_appos().search(norm[max(sent.start, s0 - 80):s0])
                base = max(sent.start, s0 - 80)
                if m:
                    words = m.group(1).split()
                    while words and words[0].lower() in ("the", "his", "her", "its", "their", "a", "an",
                                                         "and", "by", "with", "said", "told"):
                        words = words[1:]
                    if words:
                        role = " ".join(words)
                        rs = base + m.start(1) + m.group(1).find(words[0])
                        evidence = 2
            out.append(_Cand(names, s0, e0, role, rs, evidence, historic))
            i = j + 1
    return out


def _edit1(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b or a[0] != b[0]:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


def run(state: State) -> State:
    """Sets people and mentions."""
    norm = state.norm
    cands = _candidates(state)
    short_counts: dict[str, int] = {}
    for c in cands:
        for t in c.tokens:
            short_counts[t] = short_counts.get(t, 0) + 1

    people: list[dict] = []

    def find(tokens: list[str]) -> dict | None:
        ts = set(tokens)
        for p in people:
            pt = set(p["tokens"])
            if ts <= pt or pt <= ts or (len(ts & pt) >= 2):
                return p
        return None

    # Full names first (2+ tokens), with evidence or a short form used elsewhere.
    for c in cands:
        if len(c.tokens) < 2:
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
            if c.role and (not p["role"] or (p["evidence"] < 2)):
                p["role"], p["role_start"] = c.role, c.role_start
            p["evidence"] = max(p["evidence"], c.evidence)
            p["historic"] = p["historic"] and c.historic
    # Single tokens: a short form of someone known, or a titled one-name person ("Pope Francis").
    for c in cands:
        if len(c.tokens) != 1:
            continue
        tok = c.tokens[0]
        owners = [p for p in people if tok in p["tokens"]]
        if owners:
            # Prefer the person already mentioned most (the main actor over a namesake).
            p = max(owners, key=lambda p: (len(p["mentions"]), -p["first"][0]))
            p["mentions"].append((c.start, c.end, "short"))
            if c.role and not p["role"]:
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
    # Typos of a surname ("Blinked" for "Blinken") right where a name is expected.
    surnames = {p["tokens"][-1]: p for p in people if len(p["tokens"][-1]) >= 5}
    by_shape: dict[tuple[int, str], list[str]] = {}
    for sn in surnames:
        by_shape.setdefault((len(sn), sn[0]), []).append(sn)
    for m in _CAPWORD.finditer(norm):
        word = m.group()
        for sn in by_shape.get((len(word), word[0]), ()):
            p = surnames[sn]
            if _edit1(word, sn) and word.lower() not in NOT_NAME:
                after = norm[m.end():m.end() + 30]
                if _speaks_after(after) or after.startswith(("'s", "’s")):
                    p["mentions"].append((m.start(), m.end(), "short"))

    persons = []
    mentions: list[Mention] = []
    for k, p in enumerate(sorted(people, key=lambda p: p["first"][0])):
        role_span = None
        if p["role"] and p["role_start"] is not None:
            role_span = Span(p["role_start"], p["role_start"] + len(p["role"]))
        shorts = tuple(dict.fromkeys([p["tokens"][-1], p["tokens"][0]]))
        persons.append(Person(k, p["name"], p["role"], role_span, Span(*p["first"]), shorts,
                              historic=p["historic"]))
        for s, e, kind in p["mentions"]:
            mentions.append(Mention(k, s, e, kind))
    mentions.sort(key=lambda m: m.start)
    mentions = _nominal_mentions(state, persons, mentions)
    mentions = _pronoun_mentions(state, mentions)
    return replace(state, people=tuple(persons), mentions=tuple(mentions))


_DIPLOMAT = ("secretary of state", "foreign minister", "foreign secretary", "diplomat", "envoy",
             "ambassador")


def _role_matches(role: str | None, phrase: str) -> bool:
    if not role:
        return False
    r, ph = role.lower(), phrase.lower()
    head = ph.split()[-1]
    if ph.endswith("diplomat"):
        ok = any(d in r for d in _DIPLOMAT)
    elif head == "leader":
        ok = any(d in r for d in ("president", "prime minister", "leader", "premier", "chancellor", "king"))
    elif ph.endswith("prime minister") or ph.endswith("foreign minister") or ph.endswith("secretary of state") \
            or ph.endswith("foreign secretary"):
        key = " ".join(ph.split()[-2:]) if not ph.endswith("secretary of state") else "secretary of state"
        ok = key in r
    else:
        ok = head in r
    if not ok:
        return False
    # A nationality in the phrase must agree with the role's.
    for w in ph.split()[:-1]:
        wn = w.replace(".", "")
        if wn in NATIONALITIES and wn not in r.replace(".", "") and w not in ("top", "senior"):
            return wn in ("us", "american") and ("us" in r.replace(".", "").split() or "american" in r)
    return True


def _nominal_mentions(state: State, persons: list[Person], mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for m in _NOMINAL.finditer(state.norm):
        if any(x.start <= m.start() < x.end for x in state.metadata):
            continue
        phrase = m.group(1)
        cands = [p for p in persons if _role_matches(p.role, phrase) and p.first.start < m.start()]
        if not cands:
            continue
        # The most recently mentioned fitting person.
        def last_seen(p: Person) -> int:
            return max((x.start for x in out if x.person == p.key and x.start < m.start()), default=-1)
        best = max(cands, key=last_seen)
        out.append(Mention(best.key, m.start(), m.end(), "nominal"))
    out.sort(key=lambda m: m.start)
    return out


def _in_quote(norm: str, s: int, sent_start: int) -> bool:
    return norm.count('"', sent_start, s) % 2 == 1


def _pronoun_mentions(state: State, mentions: list[Mention]) -> list[Mention]:
    """he/she: the subject of this sentence if named before it, else of the previous sentences."""
    norm = state.norm
    out = list(mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for s in state.sentences:
        by_sentence[s.index] = []
    for m in mentions:
        s = state.sentence_at(m.start)
        if s is not None and not _in_quote(norm, m.start, s.start):
            by_sentence[s.index].append(m)
    for sent in state.sentences:
        for pm in _PRONOUN.finditer(norm, sent.start, sent.end):
            if _in_quote(norm, pm.start(), sent.start):
                continue
            here = [m for m in by_sentence[sent.index] if m.start < pm.start()]
            target = here[0].person if here else None
            k = sent.index - 1
            while target is None and k >= 0 and k >= sent.index - 3:
                if state.sentences[k].para < sent.para - 1:
                    break
                prev = by_sentence.get(k) or []
                if prev:
                    target = prev[0].person
                k -= 1
            if target is not None:
                pmn = Mention(target, pm.start(), pm.end(), "pronoun")
                out.append(pmn)
                by_sentence[sent.index].append(pmn)
                by_sentence[sent.index].sort(key=lambda m: m.start)
    out.sort(key=lambda m: m.start)
    return out
