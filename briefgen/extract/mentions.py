"""Mentions: every later reference to a known person (coreference).

Pure helpers of the people stage: one-letter typos of a surname ("Blinked"),
role nouns ("the top US diplomat", "the French leader") and pronouns
(he/she/his/her) linked back to a Person.
"""
from __future__ import annotations

import re

from briefgen.extract.lexicon import NATIONALITIES, NOT_NAME
from briefgen.extract.names import speaks_after
from briefgen.extract.state import Mention, Person, State

_NOMINAL = re.compile(
    r"\b(?:the|The)[ ]((?:(?:top|senior|visiting|first|[A-Z][A-Za-z.]*|[a-z]+(?:ese|ian|ish|an|ch))[ ]){0,3}"
    r"(?i:president|prime minister|premier|foreign minister|foreign secretary|secretary of state|"
    r"secretary|minister|diplomat|leader|chancellor|king|pope|envoy|ambassador|chairman|spokesman|"
    r"spokeswoman|spokesperson))\b")
_PRONOUN = re.compile(r"\b(he|she|He|She|his|His|her|Her|him)\b")
_CAPWORD = re.compile(r"\b[A-Z][a-z]{4,}\b")


def _edit1(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b or a[0] != b[0]:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1




def typo_mentions(norm: str, persons: list[Person], mentions: list[Mention]) -> list[Mention]:
    """Typos of a surname ("Blinked" for "Blinken") right where a name is expected: before a
    reporting verb or a possessive."""
    out = list(mentions)
    surnames = {p.name.split()[-1]: p for p in persons if len(p.name.split()[-1]) >= 5}
    by_shape: dict[tuple[int, str], list[str]] = {}
    for sn in surnames:
        by_shape.setdefault((len(sn), sn[0]), []).append(sn)
    for m in _CAPWORD.finditer(norm):
        word = m.group()
        for sn in by_shape.get((len(word), word[0]), ()):
            if _edit1(word, sn) and word.lower() not in NOT_NAME:
                after = norm[m.end():m.end() + 30]
                if speaks_after(after) or after.startswith(("'s", "’s")):
                    out.append(Mention(surnames[sn].key, m.start(), m.end(), "short"))
    return out


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


def nominal_mentions(state: State, persons: list[Person], mentions: list[Mention]) -> list[Mention]:
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


def pronoun_mentions(state: State, mentions: list[Mention]) -> list[Mention]:
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

