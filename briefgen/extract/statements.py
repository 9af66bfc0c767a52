"""Stage 8c: every item a whole statement: a leading pronoun that refers to a person named
earlier becomes that person's name, supplied by the memo.

Reads ``norm``, ``people``, ``mentions``, ``purpose``, ``expectations``, ``context``;
sets the ``supplied`` of those items. The evidence is unchanged (the scorer and the
grounding check see the article's words); the memo shows "[Straw] said ..." for
"He said ...", so a bullet reads alone even when the page drops the one before it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from briefgen.model.briefing import Item, Span, Supplied
from briefgen.extract.state import State

# Words that end no statement: a line stopping on one is torn ("... what he calls the").
FUNCTION_WORDS = frozenset("""the a an of to and or but in on at for with by from as that which who whom whose
his her their its our your my what calls about than into onto is are was were be been being has have had
will would could should can may might must not this these those under over between among against amid
during before after including such""".split())
# Pronouns that name nobody on their own; a line opening on one needs its person supplied.
PRONOUNS = frozenset("he she they his her their him them we our us".split())
# A line opening on these words hangs on the one before it.
_DANGLING = frozenset("and but or nor so which who whom whose where whereas".split())
_DEMONSTRATIVE = frozenset("it this these those that such".split())
_AUX = frozenset("""is are was were am has have had do does did will would shall should can could may might
must 's""".split())
_IRREGULAR = frozenset("""said says met meets held holds began begins made makes took takes gave gives told tells
went goes came comes left leaves sought seeks flew flies saw sees won wins spoke speaks brought brings
thought thinks found finds kept keeps stood stands sent sends led leads set sets put puts struck felt feels
became becomes grew grows rose rises fell falls wrote writes drove ran runs broke breaks chose chooses drew
draws got gets knew knows paid pays sold sells built builds spent spends understood understands hit hits
arrives visits wants hopes expects plans aims calls urges warns agrees signs travels heads announces
continues remains includes appears seems marks follows faces needs insists believes stresses notes adds
looks tries opens returns represents welcomes condemns discusses reiterates underscores""".split())
_ED = re.compile(r"\b[a-z][a-z-]*ed\b")
_TOKENS = re.compile(r"[A-Za-z0-9’']+")


def has_finite_verb(text: str) -> bool:
    """A rough test for a clause: an auxiliary, a past tense or a common finite verb form."""
    words = [w.lower() for w in _TOKENS.findall(text)]
    return any(w in _AUX or w in _IRREGULAR for w in words) or bool(_ED.search(text)) or \
        any(w.endswith(("n't", "n’t")) for w in words)


def whole_statement(text: str, *, supplied_lead: bool = False, phrase_ok: bool = False) -> bool:
    """Does the line stand alone: it opens at a clause start (a capital, not a pronoun nobody
    named, not a connective or a demonstrative subject) and ends at a clause end (not on a
    function word)? ``supplied_lead``: its opening pronoun is replaced by a name;
    ``phrase_ok``: a bullet may be a phrase ("high-stakes visit meant to ..."), so a small
    letter does not tear it."""
    s = text.strip().lstrip("\"“‘'(")
    words = _TOKENS.findall(s)
    if not words:
        return False
    first = words[0].lower()
    if not supplied_lead:
        if not phrase_ok and not s[:1].isupper() and not s[:1].isdigit():
            return False
        if (first in PRONOUNS and not (words[0].isupper() and len(words[0]) > 1)) or first in _DANGLING:
            return False
        if first in _DEMONSTRATIVE and len(words) > 1 and (words[1].lower() in _AUX or
                                                           words[1].lower() in _IRREGULAR):
            return False
    tail = re.search(r"([A-Za-z’']+)[\s.,;:!?\"”’']*$", s)
    if tail and tail.group(1).lower().strip("’'") in FUNCTION_WORDS:
        return False  # torn: it stops on a function word (an ellipsis is no word, so "… the…" passes)
    return True


_AHEAD = re.compile(r"\b(?:will|would|shall|could|may|might|expects?|expected|hopes?|hoped|plans?|planned|"
                    r"aims?|aimed|seeks?|wants?|likely|set to|going to|due to|to be|is to|are to|"
                    r"intends?|scheduled)\b", re.I)
_DONE = re.compile(r"\b(?:agreed|signed|reached|announced|concluded|adopted|approved|pledged|"
                   r"decided|launched|issued|made|took|won|held|met|ended|[a-z]+ed)\b")


def looks_done(text: str) -> bool:
    """An outcome, not an expectation: told in the past, with no word looking ahead."""
    return bool(_DONE.search(text)) and not _AHEAD.search(text)


# How far into an item a pronoun still leads it ("According to him, ...", "But he said ...").
_LEAD_WORDS = 4
_WORD = re.compile(r"[\w'’-]+")


def display_name(state: State, key: int) -> str | None:
    """How the article itself refers back to a person: its most frequent short form
    ("Straw", "Xi"), else the full name."""
    person = state.person(key)
    if person is None:
        return None
    shorts = Counter(state.text[m.start:m.end] for m in state.mentions
                     if m.person == key and m.kind == "short")
    if shorts:
        return max(shorts.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
    return person.name


def _lead_pronoun(state: State, span: Span) -> tuple[Span, int] | None:
    """The pronoun mention among the first few words of ``span``, with its person."""
    words = list(_WORD.finditer(state.norm, span.start, span.end))[:_LEAD_WORDS]
    if not words:
        return None
    reach = words[-1].end()
    for m in state.mentions:
        if m.start >= reach:
            break
        if m.start >= span.start and m.kind == "pronoun":
            return Span(m.start, m.end), m.person
        if m.start >= span.start:
            return None  # the item names someone before any pronoun: it stands alone
    return None


def resolve(state: State, item: Item) -> Item:
    """The item with its leading pronoun supplied as a name, when the article says who."""
    if not item.evidence or item.supplied:
        return item
    found = _lead_pronoun(state, item.evidence[0])
    if found is None:
        return item
    span, key = found
    name = display_name(state, key)
    if not name:
        return item
    word = state.norm[span.start:span.end].lower()
    after = state.norm[span.end:span.end + 12].split()
    if word == "his" or (word == "her" and after and after[0][:1].isalpha() and
                         after[0].lower() not in FUNCTION_WORDS):
        name = name + "’s"
    return replace(item, supplied=(Supplied(text=name, stands_for=span),))


def run(state: State) -> State:
    """Sets the supplied names of purpose, expectations, context items."""
    return replace(state,
                   purpose=tuple(resolve(state, it) for it in state.purpose),
                   expectations=tuple(resolve(state, it) for it in state.expectations),
                   context=tuple(resolve(state, it) for it in state.context))
