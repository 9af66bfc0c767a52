"""Mentions: every later reference to a known person (coreference).

Pure helpers of the people stage: one-letter typos of a surname ("Blinked"),
role nouns ("the top US diplomat", "the French leader") and pronouns
(he/she/his/her) linked back to a Person.
"""
from __future__ import annotations

import re

from briefgen.extract.lexicon import NATIONALITIES, NOT_NAME
from briefgen.extract.marks import inside
from briefgen.extract.names import speaks_after
from briefgen.extract.state import Mention, Person, State
from briefgen.extract.wordre import LazyPattern

_NOMINAL = re.compile(
    r"\b(?:the|The)[ ]((?:(?:top|senior|visiting|first|new|outgoing|incoming|long-serving|veteran|[A-Z][A-Za-z.]*|[a-z]+(?:ese|ian|ish|an|ch))[ ]){0,3}"
    r"(?i:president|prime minister|premier|foreign minister|foreign secretary|secretary of state|"
    r"secretary-general|secretary general|secretary|minister|diplomat|leader|chancellor|king|pope|envoy|"
    r"ambassador|chairman|spokesman|spokeswoman|spokesperson))\b(?!-)")
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
             "ambassador", "foreign ministry", "foreign office", "state department", "foreign affairs")
# A bare generic noun that fits several people ("the diplomat" after a foreign minister and his
# ministry's spokeswoman) names nobody surely: the speaker stays unknown rather than guessed.
_GENERIC = frozenset({"diplomat"})


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


_APPOS_GAP = re.compile(r",\s*")


def _previous_subject(state: State, mentions: list[Mention], pos: int, quoted, visitor: bool = False) -> int | None:
    """The one person named (outside quotations) in the sentence before the one at ``pos``;
    None when it names nobody or several. ``visitor``: the description owns a visit ("The French
    president's state visit"), so after "X will host Y" it is Y, the guest, not X."""
    sent = state.sentence_at(pos)
    if sent is None or sent.index == 0:
        return None
    prev = state.sentences[sent.index - 1]
    if prev.caption or not _PROSE_END.search(state.norm, prev.start, prev.end):
        return None  # a caption or page furniture names nobody the story goes on about
    named = [x for x in mentions if prev.start <= x.start < prev.end and x.kind in ("name", "short")
             and not inside(quoted, x.start)]
    people = {x.person for x in named}
    if len(people) == 1:
        return people.pop()
    # Several named: the subject, named first at the sentence's start ("Ann Roe arrived in Lima for
    # talks with Bo Kay. The Ruritanian minister ..." goes on about Ann Roe).
    first = min(named, key=lambda x: x.start, default=None)
    if first is not None and first.start - prev.start <= _SUBJECT_REACH and \
            not _OPENING_PHRASE.match(state.norm, prev.start, first.start):
        if visitor:  # the guest of a host, the subject of a travel verb, else no guess
            guest = min((x for x in named if x.person != first.person), key=lambda x: x.start, default=None)
            if guest is not None and _HOSTS.search(state.norm, first.end, guest.start):
                return guest.person
            return first.person if _TRAVELS.match(state.norm, first.end, prev.end) else None
        return first.person
    return None


def nominal_mentions(state: State, persons: list[Person], mentions: list[Mention]) -> list[Mention]:
    """"the top US diplomat", "the president": the fitting person last named outside a quotation."""
    out = list(mentions)
    quoted = tuple((s, e) for s, e, _ in state.quoted)
    by_key = {p.key: p for p in persons}
    for m in _NOMINAL.finditer(state.norm):
        if any(x.start <= m.start() < x.end for x in state.metadata):
            continue
        phrase = m.group(1)
        cands = [p for p in persons if _role_matches(p.role, phrase) and p.first.start < m.start()]
        if not cands:
            # "Jack Straw said ... . The foreign secretary told MPs": a description opening the
            # sentence after one that names one untitled person bridges to that person.
            sent = state.sentence_at(m.start())
            opens = sent is not None and m.start() - sent.start <= _SUBJECT_REACH and not any(
                sent.start <= x.start < m.start() for x in out)
            visitor = _VISIT_AFTER.match(state.norm, m.end()) is not None
            prev = by_key.get(_previous_subject(state, out, m.start(), quoted, visitor)) if opens else None
            if prev is not None and prev.role is None and " " in prev.name:
                out.append(Mention(prev.key, m.start(), m.end(), "nominal"))
            continue

        # An apposition names the person just named ("Kritenbrink, the Assistant Secretary");
        # otherwise the fitting person whose role has most of the phrase's words, then the most
        # salient: named most often so far, then most recently.
        words = set(phrase.lower().split())
        # A fitting person named in this sentence or the one before is the one meant ("Peru's
        # foreign minister, Cy Dee, said ... "...," the minister said"), before the most salient.
        sent = state.sentence_at(m.start())
        near = state.sentences[sent.index - 1].start if sent is not None and sent.index else 0

        def salience(p: Person) -> tuple[bool, bool, int, int, int]:
            seen = [x for x in out if x.person == p.key and x.start < m.start() and not inside(quoted, x.start)]
            appos = any(_APPOS_GAP.fullmatch(state.norm, x.end, m.start()) for x in seen)
            last = max((x.start for x in seen), default=-1)
            return (appos, last >= near and len(cands) > 1, len(words & set((p.role or "").lower().split())),
                    len(seen), last)
        if len(cands) > 1 and phrase.lower() in _GENERIC:  # bare: "the top US diplomat" is one person
            ranked = sorted(cands, key=salience, reverse=True)
            if not salience(ranked[0])[0]:  # no apposition ties the noun to one of them
                continue
        best = max(cands, key=salience)
        out.append(Mention(best.key, m.start(), m.end(), "nominal"))
    out.sort(key=lambda m: m.start)
    return out


_FEMALE = frozenset("mrs ms mme madam madame queen princess chairwoman spokeswoman congresswoman "
                    "lady dame empress duchess businesswoman".split())
_MALE = frozenset("mr king prince chairman spokesman congressman emperor duke sir lord "
                  "businessman".split())
_HONORIFIC_BEFORE = re.compile(r"\b(Mrs|Ms|Mme|Mr)\.?\s+$")
_POSSESSIVE_NEXT = LazyPattern(r"\s+\w")  # "her Indian counterpart", not "praised her."
_SUBJECT_REACH = 40
_OPENING_PHRASE = re.compile(r"\W*(?:In|On|During|After|Before|For|With|At|Despite|Throughout)\s+$")
_PROSE_END = re.compile(r"[.!?\"')\]:]\s*$")
# "X will host Y", "X welcomed Y": the host's verb between two names; and a description that owns
# a visit ("the French president's three-day state visit"), which the guest makes.
_HOSTS = LazyPattern(r"\b(?:host(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|receiv(?:e|es|ed|ing))\s+(?:\w+\s+){0,2}?$")
_TRAVELS = LazyPattern(r"\s+(?:\w+\s+){0,2}?(?:arriv|travel|fl[eyio]|head|visit|land|went|go(?:es|ing)?\b|return)")
_VISIT_AFTER = LazyPattern(r"'s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|stay)\b")
_COORDINATED = LazyPattern(r"(?:'s)?\s*,?\s+(?:and|&)\s+(?:[A-Z][\w.'-]*\s+){0,4}")  # characters: a mention this close to its sentence start is its subject


def _genders(norm: str, persons: list[Person], mentions: list[Mention]) -> dict[int, str]:
    """"m" or "f" where the article says so: an honorific before a name ("Mrs Merkel") or a
    gendered title ("Queen", "spokeswoman"); others stay unknown and fit either pronoun."""
    out: dict[int, str] = {}
    for p in persons:
        words = set((p.role or "").lower().replace("-", " ").split())
        if words & _FEMALE:
            out[p.key] = "f"
        elif words & _MALE:
            out[p.key] = "m"
    for m in mentions:
        if m.kind in ("name", "short") and m.person not in out:
            h = _HONORIFIC_BEFORE.search(norm, max(0, m.start - 6), m.start)
            if h:
                out[m.person] = "m" if h.group(1) == "Mr" else "f"
    return out


def _antecedent(norm: str, prev: list[Mention], sent_start: int) -> int | None:
    """Of the fitting people named in one earlier sentence: the only one; else its subject (named
    at its start); else the one it reports as speaking ("..., Kerry said."); else nobody."""
    people = {m.person for m in prev}
    if len(people) == 1:
        return prev[0].person
    # The subject of the earlier sentence is the preferred antecedent (centering), unless it is
    # one of two coordinated subjects ("Roe and Kay met. He said ...": no guess); without a
    # subject, the one person it reports as speaking ("..., Kerry said.").
    first = prev[0]
    other = next((m for m in prev if m.person != first.person), None)
    if first.start - sent_start <= _SUBJECT_REACH and other is not None:
        return None if _COORDINATED.fullmatch(norm, first.end, other.start) else first.person
    speakers = {m.person for m in prev if m.kind != "pronoun" and speaks_after(norm, m.end, m.end + 40)}
    return speakers.pop() if len(speakers) == 1 else None


def pronoun_mentions(state: State, mentions: list[Mention]) -> list[Mention]:
    """he/she/his/her: the first fitting person named before it in its sentence (outside
    quotations), else in the nearest earlier sentence that names someone fitting (a long
    quotation's own sentences are walked over): the one person it names, the one it reports
    as speaking, or its subject when it opens with one. Two coordinated subjects, or two
    people and no plain subject, leave the pronoun unresolved: no guess."""
    norm = state.norm
    quoted = tuple((s, e) for s, e, _ in state.quoted)
    genders = _genders(norm, [p for p in state.people], mentions)
    out = list(mentions)
    # Paragraphs that do not end as prose ends are captions and page furniture.
    unfinished = {p.index for p in state.paragraphs if not _PROSE_END.search(norm, p.start, p.end)}
    by_sentence: dict[int, list[Mention]] = {s.index: [] for s in state.sentences}
    for m in mentions:
        s = state.sentence_at(m.start)
        if s is not None and not inside(quoted, m.start):
            by_sentence[s.index].append(m)
    # A pronoun after exactly one person in its sentence tells that person's gender ("Khar met
    # her Indian counterpart"): learnt first, so later pronouns can choose between two people.
    for sent in state.sentences:
        for pm in _PRONOUN.finditer(norm, sent.start, sent.end):
            word = pm.group(1).lower()
            if word == "him" or (word == "her" and not _POSSESSIVE_NEXT.match(norm, pm.end())):
                continue  # an object pronoun is usually someone else: "Kay praised her"
            before = {m.person for m in by_sentence[sent.index] if m.start < pm.start()}
            if len(before) == 1 and not inside(quoted, pm.start()):
                genders.setdefault(before.pop(), "f" if word in ("she", "her") else "m")
    for sent in state.sentences:
        for pm in _PRONOUN.finditer(norm, sent.start, sent.end):
            if inside(quoted, pm.start()):
                continue
            g = "f" if pm.group(1).lower() in ("she", "her") else "m"
            fits = lambda m: genders.get(m.person, g) == g  # noqa: E731
            here = [m for m in by_sentence[sent.index] if m.start < pm.start() and fits(m)]
            target = here[0].person if here else None
            if target is None and _OPENING_PHRASE.match(norm, sent.start, pm.start()):
                # "In his speech, Mr Cameron said ...": the opening phrase looks ahead to the subject.
                ahead = [m for m in by_sentence[sent.index] if pm.end() < m.start <= pm.end() + _SUBJECT_REACH
                         and m.kind != "pronoun" and fits(m) and "," in norm[pm.end():m.start]]
                target = ahead[0].person if ahead else None
            k = sent.index - 1
            seen = 0  # sentences of reported text looked at (a quotation's own sentences are skipped)
            para = sent.para
            while target is None and k >= 0 and seen < 3:
                prev_sent = state.sentences[k]
                if prev_sent.para < para - 1:
                    break
                if inside(quoted, prev_sent.start) and inside(quoted, prev_sent.end - 2):
                    para = prev_sent.para  # a long quotation: keep walking back to who opened it
                    k -= 1
                    continue
                if prev_sent.caption or prev_sent.para in unfinished:
                    para = prev_sent.para  # a photo caption between: not the story's thread
                    k -= 1
                    continue
                seen += 1
                prev = [m for m in by_sentence.get(k) or [] if fits(m)]
                if prev:
                    target = _antecedent(norm, prev, prev_sent.start)
                    break
                k -= 1
            if target is not None:
                pmn = Mention(target, pm.start(), pm.end(), "pronoun")
                out.append(pmn)
                by_sentence[sent.index].append(pmn)
                by_sentence[sent.index].sort(key=lambda m: m.start)
    out.sort(key=lambda m: m.start)
    return out
