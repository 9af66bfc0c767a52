"""Names: the tokens a person's name is made of, and speech cues next to a name.

Pure helpers of the people stage. A name token is a capitalised word (with
"al-"/"bin-" prefixes and hyphens), a dotted initialism ("S.M.") or a
particle ("da", "van", "bin"); words that are titles, places, nationalities
or common capitalised nouns (NOT_NAME) never are.
"""
from __future__ import annotations

import re

from briefgen.extract.lexicon import (CITIES, COUNTRIES, NATIONALITIES, NOT_NAME, REPORTING_VERBS,
                                      ROLE_MODIFIERS, TITLE_HEADS)
from briefgen.extract.wordre import Phrases

_UPPER = "A-Z\u00c0-\u00de"
_LETTER = "A-Za-z\u00c0-\u017f"
TOKEN = re.compile(
    rf"(?:(?:al|el|bin|ibn)-)?[{_UPPER}][{_LETTER}'’]*(?:-[{_LETTER}]+)*|(?:[A-Z]\.){{2,}}|[a-z][a-z]*(?:-[a-z]+)*")
PARTICLES = frozenset({"da", "de", "dos", "do", "del", "della", "di", "du", "van", "von", "bin", "ibn",
                        "al", "la", "le", "der", "den"})
_SPEECH = Phrases(REPORTING_VERBS)
_SPEAKS_LEAD = re.compile(r"\s*(?:,\s*)?(?:has\s+|had\s+|have\s+)?(?:also\s+)?")
_ACCORDING_TO_END = re.compile(r"\baccording\s+to\s*,?\s*$")


def speaks_after(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    r"""A reporting verb right after a name ("Blinken said", "Wang, has also told"): as
    ``\s*(?:,\s*)?(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:VERBS)\b`` matched at ``pos``
    (no verb starts with "has", "had", "have" or "also", so the lead is read one way)."""
    lead = _SPEAKS_LEAD.match(text, pos, len(text) if endpos is None else endpos)
    return _SPEECH.end_at(text, lead.end(), endpos) >= 0


def speaks_before(text: str, pos: int, endpos: int) -> bool:
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


_NEVER_NAME = NOT_NAME | TITLE_HEADS | NATIONALITIES | COUNTRIES | CITIES | ROLE_MODIFIERS
COMPOUND_ADJ = ("-born", "-based", "-led", "-backed", "-owned", "-run", "-bred")


def is_nameish(tok: str) -> bool:
    if not tok[:1].isupper() and tok not in PARTICLES and not tok.startswith(("al-", "el-", "bin-")):
        return False  # the common case first: a lower-case word
    low = tok.lower().rstrip("'’s") if tok.endswith(("'s", "’s")) else tok.lower()
    if "." in tok or low.endswith(COMPOUND_ADJ):
        return False  # "Argentine-born", "Saudi-led": adjectives, not names
    return low not in _NEVER_NAME


def role_word(tok: str) -> bool:
    low = tok.lower()
    return (low in TITLE_HEADS or low in ROLE_MODIFIERS or low in NATIONALITIES or low in COUNTRIES
            or low.replace(".", "") in NATIONALITIES)


def tokens(norm: str, s: int, e: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(norm, s, e)]


