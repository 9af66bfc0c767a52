"""Roles: the title or noun phrase a person is given next to their name.

Pure helpers of the people stage: a title run before a name ("Chinese Foreign
Minister"), an apposition after it ("Wang Yi, director of ..."), or a reverse
apposition ("his foreign minister, Adel al-Jubeir"). A role always holds a
title head noun (TITLE_HEADS), so a verb phrase is never taken for one.
"""
from __future__ import annotations

import functools
import re

from briefgen.extract.lexicon import (COUNTRY_PHRASES, NATIONALITIES, COUNTRIES, NOT_NAME, ORG_HEADS, PERSON_HONORIFICS, ROLE_MODIFIERS,
                                      TITLE_HEADS)
from briefgen.extract.names import COMPOUND_ADJ, is_nameish, tokens
from briefgen.extract.wordre import LazyPattern, first_word

HISTORIC = re.compile(r"(?:\bthen-|\bformer\s+|\blate\s+|\bex-)\s*$", re.I)


def role_word(tok: str) -> bool:
    low = tok.lower()
    return (low in TITLE_HEADS or low in ROLE_MODIFIERS or low in NATIONALITIES or low in COUNTRIES
            or low.replace(".", "") in NATIONALITIES)


def expand_role_left(norm: str, toks, i: int, sent_start: int) -> tuple[str | None, int | None, bool]:
    """Walk left from token i-1 over title words; return (role, start, historic)."""
    i = _past_style(toks, i)
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
        if low.endswith(COMPOUND_ADJ):
            break  # "Argentine-born Pope Francis": the role is "Pope"
        if low in TITLE_HEADS:
            has_head = True
        elif low in ("of", "for", "to") and first is not None and j > 0:
            # "Secretary of State", "Minister for Trade and Industry": only between title words.
            prev = toks[j - 1][0]
            if not (role_word(prev) or prev[:1].isupper()) or prev.lower().startswith("spokes"):
                break  # "a spokeswoman for Speaker Ann Roe": the name is the Speaker's
        elif tok.isalpha() and tok.islower() and first == j + 1 and toks[j + 1][0].islower() and \
                toks[j + 1][0] in TITLE_HEADS and low not in _CLAUSE_WORDS and low not in NOT_NAME and \
                not low.endswith(_ADJECTIVE_ENDS):
            pass  # "intelligence chief Ann Roe": a modifier the lists lack, right before a small title
        elif low == "staff" and j >= 2 and toks[j - 1][0] == "of" and toks[j - 2][0].lower() == "chief":
            pass  # "chief of staff Ann Roe"
        elif low == "the" and first is not None and j > 0 and toks[j - 1][0] in ("of", "for", "to") and \
                toks[j + 1][0][:1].isupper():
            pass  # "President of the United Arab Emirates"
        elif tok[:1].isupper() and low in _COUNTRY_WORDS:
            pass  # "the United Arab Emirates", "the Czech Republic"
        elif low == "and" and first is not None and j > 0 and _in_complement(toks, j, first):
            pass  # "Under Secretary of Agriculture for Trade and Foreign Agricultural Affairs"
        elif low == "and" and first == j + 1 and j > 0 and toks[j + 1][0].lower() in ROLE_MODIFIERS and \
                toks[j - 1][0].lower() in ROLE_MODIFIERS and toks[j - 1][0][:1].isupper():
            pass  # "Business and Trade Secretary", "Energy and Climate Minister": two portfolios
        elif low.endswith(("'s", "’s")) and tok[:1].isupper():
            pass  # "Saudi Arabia's King"
        elif role_word(tok) or low in ("co-founder", "executive", "group"):
            pass
        elif tok[:1].isupper() and low not in NOT_NAME - ROLE_MODIFIERS - TITLE_HEADS:
            pass  # organisation words in a role: "SK Group Chairman"
        elif tok[:1].isupper() and (low in ORG_HEADS or low in ("state", "affairs", "house")):
            pass  # "Head of Iranian Atomic Energy Organization Ali Akbar Salehi"
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
    while role.split() and role.split()[-1].lower().strip(".") in PERSON_HONORIFICS and not (
            len(role.split()) > 1 and role.split()[-2].lower() in ("first", "second")):
        role = role[:len(role) - len(role.split()[-1])].rstrip()  # "Mrs", but "First Lady" is a title
    words = role.split()
    if len(words) > 1 and words[-1].lower() in _NAME_TITLES and words[-2].lower() != "crown" and \
            any(w.lower() in TITLE_HEADS for w in words[:-1]):
        role = role[:len(role) - len(words[-1])].rstrip()  # "President of the UAE Sheikh": "Sheikh" goes with the name
    if not role:
        return None, None, False
    if not any(t.lower() in TITLE_HEADS for t in role.split()):
        return None, None, False
    historic = bool(HISTORIC.search(norm[max(sent_start, rs - 12):rs])) or \
        bool(re.match(r"(?:then|former|ex|late)\b", role, re.I))
    return role, rs, historic


# A style of address between an office and the name: "President His Highness Sheikh Mohamed",
# "Foreign Minister H.E. Ann Roe". It is no office: the role is the title before it.
_STYLE_WORDS = frozenset("highness excellency majesty".split())
_STYLE_OWNERS = frozenset("his her their".split())
_STYLE_NAMES = frozenset("sheikh sheikha prince princess".split())
_STYLE_INITIALS = frozenset("h.h. h.e. h.m.".split())


def _past_style(toks, i: int) -> int:
    """Index of the first token of a style of address ending right before token i, else i."""
    j = i
    if j > 0 and toks[j - 1][0].lower() in _STYLE_NAMES:
        j -= 1
    if j > 1 and toks[j - 1][0].lower() in _STYLE_WORDS and toks[j - 2][0].lower() in _STYLE_OWNERS:
        return j - 2
    if j > 0 and toks[j - 1][0].lower() in _STYLE_INITIALS and toks[j - 1][0][:1].isupper():
        return j - 1
    return i


# Endings of evaluative adjectives ("influential senator", "leftist leader"): no part of a title.
_ADJECTIVE_ENDS = ("al", "ive", "ous", "ful", "ic", "ist", "ent", "ant", "ing", "ed", "ly", "ible", "able")
_NAME_TITLES = frozenset({"sheikh", "sheikha", "sir", "dame", "prince", "princess"})  # styles that go with the name after an office
_COUNTRY_WORDS = frozenset(w for ph in COUNTRY_PHRASES for w in ph.split() if "." not in w and len(w) > 3)


def _in_complement(toks, j: int, first: int) -> bool:
    """An "and" at token j joins words of an office's complement ("Minister for Trade and
    Industry"): capitalised words follow it up to the name, and an "of"/"for" after a title word
    comes before it with only capitalised words between, so "President Xi and Premier Li" (two
    people) is never read as one role."""
    before = toks[j - 1][0]
    after = toks[first][0]
    if not after[:1].isupper() or after.lower().rstrip(".") in PERSON_HONORIFICS or (
            is_nameish(before) and not role_word(before)):
        return False  # "Minister of Foreign Affairs Ann Roe and Deputy Minister Bo Kay": two people
    k = j - 1
    while k > 0 and toks[k][0][:1].isupper():
        k -= 1
    return k < j - 1 and toks[k][0] in ("of", "for") and (role_word(toks[k - 1][0])
                                                         or toks[k - 1][0].lower() in ORG_HEADS)


# "his foreign minister, Adel al-Jubeir", "the UN special envoy to Yemen, Ismail Ould Cheikh Ahmed"
@functools.cache
def reverse_appos() -> re.Pattern:
    """Compiled on first use: only names after a comma need it, and its title alternation
    costs about two milliseconds to compile."""
    return re.compile(r"\b((?:[\w.'’-]+\s+){0,3}(?:" + "|".join(sorted(TITLE_HEADS, key=len, reverse=True))
                      + r")(?:\s+(?:to|for|of|in)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?|staff))?),\s*$",
                      re.I)
_APPOS_REACH = 200  # characters: a role runs at most 16 words
_APPOS = re.compile(r",\s+(?:(?:the|a|an|his|her|its|their)\s+)?")


_CAPITAL_TITLES = frozenset(h.capitalize() for h in TITLE_HEADS)
_SPACE = re.compile(r"\s+")
_CAP_WORD = re.compile(r"([A-Z][\w.'-]*)\s+")
_NAME_START = re.compile(r"[A-Z][a-z]")


def titled_name_ahead(norm: str, pos: int, limit: int) -> bool:
    r"""A titled name next ("... and Foreign Minister Wang Yi"): as the regex
    ``\s+(?:[A-Z][\w.'-]*\s+){0,4}(?:TITLES)\s+[A-Z][a-z]`` matched at ``pos``, with the
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


_CLAUSE_WORDS = frozenset("who which that said says told is was has have had will would and or but to in on at "
                          "from with for of by as yesterday today".split())


# "Ann Roe has become the first Ruritanian president to visit", "Ann Roe, who is also interior
# minister,": a role said of the name by a copula.
_COPULA = LazyPattern(r"(?:\s*,\s*who\s+|\s+)(?:is|was|has\s+become|became|remains)\s+(?:also\s+)?"
                      r"(?:(?:the|a|an)\s+)?(?:(?:first|second|new|current)\s+)?")
_COPULA_VERBS = frozenset({"is", "was", "became", "remains"})  # and "has become"


def _skip_spaces(norm: str, i: int, limit: int) -> int:
    while i < limit and norm[i].isspace():
        i += 1
    return i


def _copula_next(norm: str, end: int, limit: int) -> bool:
    """Whether _COPULA's verb is the next word after ``end`` (after spaces, or after ", who"): the
    look-up that spares running (and compiling) the pattern after most names."""
    i = _skip_spaces(norm, end, limit)
    if i < limit and norm[i] == ",":
        i = _skip_spaces(norm, i + 1, limit)
        if first_word(norm, i, limit) != "who":
            return False
        j = _skip_spaces(norm, i + 3, limit)
        if j == i + 3:
            return False
        i = j
    elif i == end:
        return False
    word = first_word(norm, i, limit)
    if word == "has":
        return first_word(norm, _skip_spaces(norm, i + 3, limit), limit) == "become"
    return word in _COPULA_VERBS


def copular_role(norm: str, end: int, limit: int) -> tuple[str | None, int | None]:
    """Role said of a name by "is"/"has become"/", who is also": a title phrase, as in an apposition."""
    m = _COPULA.match(norm, end, limit) if _copula_next(norm, end, limit) else None
    if not m:
        return None, None
    role, s = _role_phrase(norm, m.end(), limit)
    if role is None or len(role.split()) > 8:
        return None, None
    return role, s


def apposition(norm: str, end: int, limit: int) -> tuple[str | None, int | None]:
    """Role after "Name, ..." up to the next comma/clause: needs a title head inside."""
    m = _APPOS.match(norm, end, limit)
    if not m:
        return None, None
    return _role_phrase(norm, m.end(), limit)


def _role_phrase(norm: str, s: int, limit: int) -> tuple[str | None, int | None]:
    """The title phrase starting at ``s``, up to the next comma or clause word."""
    toks = tokens(norm, s, min(limit, s + _APPOS_REACH))
    out_end = None
    has_head = False
    torn = False
    poss = None  # index of the last possessive ("the party's"): what it owns may run in small words
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
        if low in ("and", "or") and (k == 0 or titled_name_ahead(norm, te, limit) or (
                k + 2 < len(toks) and is_nameish(toks[k + 1][0]) and not role_word(toks[k + 1][0])
                and toks[k + 2][0] in _CLAUSE_WORDS)):
            # "director of the X Office and Chinese President Xi": a new titled person starts;
            # "China's president and Lula is ...": a new clause about another person.
            break
        if k and toks[k - 1][0].lower() == "the" and tok.islower() and norm.startswith(("'s ", "’s "), te) \
                and k + 1 < len(toks) and toks[k + 1][0] == "s":
            poss, out_end = k + 1, te + 2  # "president of the party's ...": a possessor inside the role
            k += 2
            continue
        if tok.isalpha() and tok.islower() and low not in _CLAUSE_WORDS and any(
                t[0].lower() in TITLE_HEADS for t in toks[k + 1:k + 3]) and \
                norm[te:toks[k + 1][1]] == " " if k + 1 < len(toks) else False:
            out_end = te  # "diplomatic adviser", "intelligence chief": a modifier the lists lack
            k += 1
            continue
        if not (tok[:1].isupper() or low in TITLE_HEADS or low in ROLE_MODIFIERS or
                low in ("of", "for", "and", "the", "co-founder")):
            if poss is not None and k - poss <= 2 and not any(
                    toks[n][0].lower() in TITLE_HEADS for n in range(poss + 1, k)):
                # "head of the country's police", "president of the party's political wing": the
                # possessed noun phrase closes the role.
                n = k
                while n < min(k + 3, len(toks)) and toks[n][0].isalpha() and toks[n][0].islower() and \
                        toks[n][0] not in _CLAUSE_WORDS and norm[toks[n - 1][2]:toks[n][1]] == " ":
                    out_end = toks[n][2]
                    n += 1
                break
            if k and tok.isalpha() and toks[k - 1][0].islower() and toks[k - 1][0].lower() not in TITLE_HEADS:
                torn = True  # "director of the foreign | policy unit": the phrase runs on in small words
            break
        if k and toks[k - 1][0].lower() in TITLE_HEADS and tok[:1].isupper() and is_nameish(tok) \
                and not tok.endswith(("'s", "’s")) and not role_word(tok):
            return None, None  # "from Tashkent, U.S. Embassy official Ann Roe": a titled name, not a role
        if low in TITLE_HEADS:
            has_head = True
        if tok.endswith(("'s", "’s")):
            poss = k
        out_end = te
        k += 1
    if not has_head or out_end is None:
        return None, None
    if toks and toks[0][0].lower().rstrip(".") in PERSON_HONORIFICS:
        return None, None  # "the Independent, Mr Abbas said": another person, not a role
    role = norm[s:out_end]
    if torn:
        # Keep the title before the torn "of ..." phrase ("director"), or nothing.
        cut = re.search(r"\s+(?:of|for)\b", role)
        role = role[:cut.start()] if cut else ""
        if not any(w.lower() in TITLE_HEADS for w in role.split()):
            return None, None
    while role.split() and role.split()[-1].lower() in ("of", "for", "and", "the"):
        role = role.rsplit(None, 1)[0]
    if len(role.split()) > 16:
        return None, None
    return role, s


