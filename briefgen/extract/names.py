"""Names: the tokens a person's name is made of, and speech cues next to a name.

Pure helpers of the people stage. A name token is a capitalised word (with
"al-"/"bin-" prefixes and hyphens), a dotted initialism ("S.M.") or a
particle ("da", "van", "bin"); words that are titles, places, nationalities
or common capitalised nouns (NOT_NAME) never are.
"""
from __future__ import annotations

import re

from briefgen.extract.lexicon import (CITIES, COUNTRIES, NATIONALITIES, NOT_PERSON_NAME, REPORTING_VERBS,
                                      ROLE_MODIFIERS, TITLE_HEADS)
from briefgen.extract.wordre import LazyPattern, Phrases

_UPPER = "A-Z\u00c0-\u00de"
_LETTER = "A-Za-z\u00c0-\u017f"
TOKEN = re.compile(
    r"(?:[A-Z]\.){1,3}(?!\w)|(?:Jr|Sr)\.(?!\w)|"
    rf"(?:(?:al|el|bin|ibn)-)?[{_UPPER}][{_LETTER}'’]*(?:-[{_LETTER}]+)*|(?:[A-Z]\.){{2,}}|[a-z][a-z]*(?:-[a-z]+)*")
PARTICLES = frozenset({"da", "de", "dos", "do", "del", "della", "di", "du", "van", "von", "bin", "ibn",
                        "al", "la", "le", "der", "den", "ul", "ud", "bint"})
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


# Words of multi-word city names that are also given names ("Camp David", "Sao Paulo") stay names.
_GIVEN_NAMES_IN_CITIES = frozenset({"david", "paulo"})
_NEVER_NAME = (NOT_PERSON_NAME | TITLE_HEADS | NATIONALITIES | COUNTRIES | CITIES | ROLE_MODIFIERS) - \
    _GIVEN_NAMES_IN_CITIES
COMPOUND_ADJ = ("-born", "-based", "-led", "-backed", "-owned", "-run", "-bred")


_TITLE_PARTS = TITLE_HEADS | ROLE_MODIFIERS | frozenset({"brigadier", "major", "rear", "field", "staff", "air"})
_GLUED = re.compile(r"[A-Z][a-z]+[A-Z]")
_CAMEL_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O")


def is_nameish(tok: str) -> bool:
    if not tok[:1].isupper() and tok not in PARTICLES and not tok.startswith(("al-", "el-", "bin-")):
        return False  # the common case first: a lower-case word
    low = tok.lower().rstrip("'’s") if tok.endswith(("'s", "’s")) else tok.lower()
    if "." in tok or low.endswith(COMPOUND_ADJ):
        return False  # "Argentine-born", "Saudi-led": adjectives, not names
    if len(tok) > 1 and tok.isupper():
        return False  # an acronym ("DUP", "ONGC") names a body; a name in capitals is a headline's
    if not tok[1:].islower() and _GLUED.match(tok) and not tok.startswith(_CAMEL_PREFIXES):
        return False  # "TrumpFederal": link text glued on a web page, not a name ("McKinney" is)
    if "-" in low and all(part in _TITLE_PARTS for part in low.split("-")):
        return False  # "Brigadier-General", "Vice-President": a title written with a hyphen
    # "Representatives", "Envoys": the plural of a title is no name.
    return low not in _NEVER_NAME and not (low.endswith("s") and low[:-1] in TITLE_HEADS)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def is_initials(tok: str) -> bool:
    """Initials inside a name ("S.M." Krishna, Joseph "R." Biden), not an initialism that
    names a country or body ("U.S.", "U.N.")."""
    if tok[1:2] != "." or not _INITIALS.fullmatch(tok):  # the first check spares the regex most words
        return False
    low = tok.lower()
    return len(tok) == 2 or (low not in NATIONALITIES and low.replace(".", "") not in _NEVER_NAME)


# A month that is also a surname ("Theresa May"): a name only after a given name, never
# before a number ("May 5").
_MONTH_SURNAMES = frozenset({"May"})
_DIGIT_NEXT = LazyPattern(r"\s*\d")


# A generational suffix ends a name and keeps its period, as initials do ("Ferdinand Marcos Jr.").
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr"})


def is_suffix(tok: str) -> bool:
    return tok in SUFFIXES


# A month's abbreviation that is also a given name ("Jan Egeland"): a name only right before a
# name word, never before a number or a period ("Jan. 5", "Jan 5").
_MONTH_GIVEN = frozenset({"Jan"})


def starts_name(norm: str, toks, i: int) -> bool:
    """A token the lexicons exclude that still opens a name: "Jan" before a name word."""
    return toks[i][0] in _MONTH_GIVEN and i + 1 < len(toks) and norm[toks[i][2]:toks[i + 1][1]] == " " \
        and is_nameish(toks[i + 1][0])


# A syllable of a name that the lexicons hold in another casing: "Un" of "Kim Jong Un" is not "UN".
_NAME_SYLLABLES = frozenset({"Un"})


def continues_name(norm: str, tok: str, end: int) -> bool:
    """A token that may go on a name already started but never starts one."""
    return is_initials(tok) or tok in SUFFIXES or tok in _NAME_SYLLABLES or \
        (tok in _MONTH_SURNAMES and not _DIGIT_NEXT.match(norm, end))


_WORD = re.compile(r"[A-Za-z][\w'-]*")


def title_case(norm: str, s: int, e: int) -> bool:
    """A headline set in title case ("Tension Prompts Kerry to ..."): almost every longer
    word capitalised and no closing punctuation; its capitals say nothing about names."""
    chunk = norm[s:e].rstrip()
    if chunk.endswith((".", "!", "?", '"')):
        return False
    words = [w for w in _WORD.findall(chunk) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


# A capitalised sentence opener that is no name: "Addressing Liu, ...", "Nevertheless Japan ...".
def weak_opener(tok: str) -> bool:
    low = tok.lower()
    return (len(low) > 5 and low.endswith("ing")) or (len(low) > 4 and low.endswith("ly"))


def tokens(norm: str, s: int, e: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(norm, s, e)]




# Given names and their familiar forms ("Joe" for "Joseph"): one person named both ways in one
# article ("Joseph R. Biden" in the text, "Joe Biden" in the headline).
_FAMILIAR = {
    "joseph": "joe", "william": "bill", "robert": "bob", "michael": "mike", "anthony": "tony",
    "antony": "tony", "james": "jim", "thomas": "tom", "richard": "dick", "charles": "chuck",
    "edward": "ted", "benjamin": "ben", "samuel": "sam", "nicholas": "nick", "daniel": "dan",
    "david": "dave", "stephen": "steve", "steven": "steve", "andrew": "andy", "alexander": "alex",
    "christopher": "chris", "ronald": "ron", "donald": "don", "lawrence": "larry", "gerald": "jerry",
    "patrick": "pat", "elizabeth": "liz", "katherine": "kate", "catherine": "kate", "margaret": "maggie",
    "frederick": "fred", "gregory": "greg", "jeffrey": "jeff", "kenneth": "ken", "matthew": "matt",
    "nathaniel": "nate", "peter": "pete", "philip": "phil", "timothy": "tim",
}


def same_given(a: str, b: str) -> bool:
    """Two given names of one person: equal, or one the familiar form of the other."""
    a, b = a.lower(), b.lower()
    return a == b or _FAMILIAR.get(a) == b or _FAMILIAR.get(b) == a
