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
from briefgen.extract.lexicon import NATIONALITIES, NOT_NAME, ORG_HEADS, TITLE_HEADS
from briefgen.extract.location import is_place
from briefgen.extract.state import Mention, State
from briefgen.extract.wordre import LazyPattern, Phrases, fold

# Words that end no statement: a line stopping on one is torn ("... what he calls the").
FUNCTION_WORDS = frozenset("""the a an of to and or but in on at for with by from as that which who whom whose
his her their its our your my what calls about than into onto is are was were be been being has have had
will would could should can may might must not this these those under over between among against amid
during before after including such""".split())
# Pronouns that name nobody on their own; a line opening on one needs its person supplied.
PRONOUNS = frozenset("he she they his her their him them we our us i my me".split())
# A line opening on these words hangs on the one before it.
_DANGLING = frozenset("and but or nor so which who whom whose where whereas".split())
_DEMONSTRATIVE = frozenset("it this these those that such".split())
_AUX = frozenset("""is are was were am has have had do does did will would shall should can could may might
must 's""".split())
_IRREGULAR = frozenset("""said met held began made took gave told went came left sought flew saw won spoke brought
thought found kept stood sent led set put struck felt became grew rose fell wrote drove ran broke chose drew
got knew paid sold built spent understood hit""".split())
# Present-tense forms that are also plural nouns ("plans", "notes", "visits"): finite only after
# a subject-like word ("Berg plans", "he notes", "which marks").
_PRESENT_S = frozenset("""says meets holds begins makes takes gives tells goes comes leaves seeks flies sees wins
speaks brings thinks finds keeps stands sends leads sets puts feels becomes grows rises falls writes runs
breaks chooses draws gets knows pays sells builds spends understands hits arrives visits wants hopes
expects plans aims calls urges warns agrees signs travels heads announces continues remains includes
appears seems marks follows faces needs insists believes stresses notes adds looks tries opens returns
represents welcomes condemns discusses reiterates underscores""".split())
# Words after which such a form is a noun ("agenda and notes", "the plans", "new visits").
_NOUN_BEFORE = frozenset("""the a an of to and or nor for in on at by with from his her their its our your my
new these those this its several many some two three four five few more most other such into about""".split())
# Plain present forms, finite after a plural subject ("officials expect", "they want").
_PLAIN = frozenset("""expect want hope plan say meet agree seek aim need believe remain continue face insist
fear worry argue warn urge""".split())
_PLURAL_SUBJECT = frozenset("they we i you who which that".split())
# Present forms that are seldom nouns: a line opening on one has lost its subject.
_VERB_ONLY = _PRESENT_S - frozenset("""plans visits calls marks notes needs heads signs looks returns faces hopes
sets puts hits runs falls rises draws pays stands talks wins sees""".split())
_SUBORDINATE = frozenset("""after before during despite since while amid although though because if when
following unlike once unless until whereas""".split())
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our|us|ours|myself|ourselves)\b|\b(?:I|we)['’](?:m|re|ve|ll|d)\b")
_REPORTING_ING = frozenset("""saying adding noting stressing insisting arguing warning telling speaking
explaining citing describing calling urging""".split())
_ED = re.compile(r"\b[a-z][a-z-]*ed\b")
_TOKENS = re.compile(r"[A-Za-z0-9’']+")


def _ends_on_comma(text: str) -> bool:
    r"""A comma ends the text, perhaps before one quotation mark (``,["”’']?\s*$``)."""
    t = text.rstrip()
    return t.endswith(",") or (t[-1:] in "\"”’'" and t[-2:-1] == ",")


def has_finite_verb(text: str) -> bool:
    """A rough test for a clause: an auxiliary, a past tense or a common finite verb form."""
    raw = _TOKENS.findall(text)
    words = [w.lower() for w in raw]
    if any(w in _AUX or w in _IRREGULAR for w in words) or bool(_ED.search(text)) or \
            any(w.endswith(("n't", "n’t")) for w in words):
        return True
    return any(i > 0 and ((w in _PRESENT_S and words[i - 1] not in _NOUN_BEFORE) or
                           (w in _PLAIN and (words[i - 1] in _PLURAL_SUBJECT or
                                             (words[i - 1].endswith("s") and words[i - 1] not in _NOUN_BEFORE))))
               for i, w in enumerate(words))


# Openers that point back to something told before ("At the time, ...", "Since then ..."): a
# sentence of the bottom line, read first, cannot start on one.
# Looked up by first word on fold(s) (as re.IGNORECASE would), not compiled into an alternation.
_BACK = Phrases(("at the time", "at that time", "since then", "by then", "then", "still", "also", "however", "but",
                 "and", "yet", "meanwhile", "instead", "in turn", "in response", "likewise", "similarly", "moreover",
                 "besides", "that", "this", "these", "those", "there", "here", "the same"))


_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*(?:’(?!\w)|$)')
_PRONOUN_SAYS = LazyPattern(r"\b(?:he|she|they|it)\s+(?:also\s+)?(?:said|says|told|added|wrote|noted|stressed)\b|"
                           r"\b(?:said|says|added)\s+(?:he|she|they)\b", re.I)
_REPORTED = LazyPattern(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|stressed|noted|declared|"
                       r"announced|according to|insisted|warned|argued|asked)\b")
# "It is unclear whether ...", "It was the first ...": an "it" that points at nothing.
_EXPLETIVE = frozenset("is was remains seems appears".split())
_ADVERBS = frozenset("also still now then later again already further however thus".split())


# Words that open a subordinate clause or phrase (a condition, a concession, a time).
_OPENS_SUBORDINATE = _SUBORDINATE | frozenset("provided providing given as whether so where".split())


# Openers that point back to a time told before.
_THEN = Phrases(("since then", "at the time", "at that time", "by then", "until then", "by that time", "after that"))
_DETERMINERS = frozenset("""the a an this that these those his her its their our one two three four five six
seven eight nine ten some all""".split())
_QUANTIFIERS = frozenset("both all some none many most each neither either one two three few several".split())
_PREPOSITIONS = frozenset("of in to for with by from at on under through about among between".split())


def main_clause_after(text: str) -> bool:
    """A line opening on a subordinate phrase has its main clause after the comma that closes
    it, not yet another subordinate one ("Despite the war, provided the regime cooperates"
    holds two openers and no clause)."""
    rest = text
    opened = False
    while True:
        words = _TOKENS.findall(rest)
        if not words or words[0].lower() not in _OPENS_SUBORDINATE:
            if opened and words and words[0].islower() and (
                    words[0] in _AUX or words[0] in _IRREGULAR or words[0] in _VERB_ONLY):
                return False  # "Despite its wealth, has no plan": the clause lost its subject
            if opened and not has_finite_verb(rest):
                return False  # "While X hit out at China, in their meetings with ...": no clause
            return bool(words)
        opened = True
        comma = rest.find(",")
        if comma == -1:
            return False
        rest = rest[comma + 1:].lstrip(" \"“”'")


def _points_back(words: list[str]) -> bool:
    """A demonstrative or "it" that is the subject of the line ("It also called for ...",
    "This was ..."), so the line needs the one before it."""
    rest = [w for w in words[1:4] if w.lower() not in _ADVERBS][:2]
    if not rest:
        return False
    if words[0].lower() == "it" and rest[0].lower() in _EXPLETIVE:
        return False
    return has_finite_verb(" ".join([words[0]] + rest)) and not rest[0][:1].isupper()


def whole_statement(text: str, *, supplied_lead: bool = False, phrase_ok: bool = False,
                    strict: bool = False, label: bool = False) -> bool:
    """Does the line stand alone: it opens at a clause start (a capital, not a pronoun nobody
    named, not a connective or a demonstrative subject) and ends at a clause end (not on a
    function word)? ``supplied_lead``: its opening pronoun is replaced by a name;
    ``phrase_ok``: a bullet may be a phrase ("high-stakes visit meant to ..."), so a small
    letter does not tear it; ``strict``: the line is read first (the bottom line), so it may
    not open on words that point back ("At the time", "Since then", "This"); ``label``: an
    agenda topic, which may be a gerund phrase ("Restoring diplomatic ties")."""
    s = text.strip().lstrip("\"“‘'(")
    words = _TOKENS.findall(s)
    if not words:
        return False
    first = re.sub(r"['’](?:re|s|ll|ve|m|d)$", "", words[0].lower())  # "we’re" -> "we"
    bare = _QUOTED.sub(" ", text.strip())  # the line without its quotations
    if text.lstrip()[:1] in "\"“‘" and _REPORTED.search(bare):
        if strict and (_PRONOUN_SAYS.search(bare) or first in PRONOUNS):
            return False  # "“...,” he said", "“We had always ...”": read first, it names nobody
        supplied_lead = True  # "“We expect a deal,” Kudlow said": the quotation's words are its speaker's
    if strict and not supplied_lead and _BACK.end_at(fold(s), 0) >= 0:
        return False
    if strict and text.replace("“", '"').replace("”", '"').count('"') % 2:
        return False  # a quotation torn open
    if strict and ";" in bare:
        return False  # a list of clauses, not a sentence to read first
    if strict and _ends_on_comma(text):
        return False  # a quotation cut from its attribution ("... tariffs,")
    if strict and text.lstrip()[:1] in "\"“‘" and not _REPORTED.search(bare):
        return False  # a quotation with nobody saying it
    if not supplied_lead:
        if not phrase_ok and not s[:1].isupper() and not s[:1].isdigit():
            return False
        if s[:1].islower() and (first in _AUX or first in _IRREGULAR or first in _VERB_ONLY or _ED.fullmatch(first)):
            return False  # a verb with its subject torn off ("represents an important step ...")
        if first in _REPORTING_ING:
            return False  # "Saying his country is bent on ...": who is saying?
        if (first in PRONOUNS and not (words[0].isupper() and len(words[0]) > 1)) or first in _DANGLING:
            return False
        if first in _DEMONSTRATIVE and _points_back(words):
            return False
    if len(words) > 1 and first in _PREPOSITIONS and words[1].lower() in ("which", "whom", "whose"):
        return False  # "Of which Germany is an advocate": a relative clause torn from its noun
    if len(words) > 2 and first in _QUANTIFIERS and words[1].lower() == "of" and \
            words[2].lower() in ("which", "whom", "whose"):
        return False  # "Both of which North Korea would expect ...": its noun is in the line before
    if bare.rstrip(" …").endswith("?") and not _REPORTED.search(bare):
        return False  # a question ("What happened next?"): a subheading or a teaser, not a finding
    if text.lstrip()[:1] in "\"“‘" and not _REPORTED.search(bare) and not bare.strip(" .,;:…"):
        return False  # a bare quotation: whose words? (KEY QUOTES show it with its speaker, if any)
    if not label and not has_finite_verb(s) and (
            first in ("namely", "with", "without") or (first.endswith("ing") and len(first) > 5) or
            (first == "to" and len(words) > 1 and (words[1].lower() in _DETERMINERS or words[1].isdigit()))):
        return False  # "Attracting barriers on its exports ...", "To four days a week.": a torn tail
    if _THEN.end_at(fold(s), 0) >= 0:
        return False  # "Since then, ...": a time told in the line before, which may not be shown
    if first in _SUBORDINATE and not main_clause_after(s):
        return False  # "After his own visit with ...": the main clause is missing
    if _FIRST_PERSON.search(bare):
        return False  # speech without its marks ("... across our governments"): whose words?
    tail = re.search(r"([A-Za-z’']+)[\s.,;:!?\"”’']*$", s)
    if tail and tail.group(1).lower().strip("’'") in FUNCTION_WORDS:
        return False  # torn: it stops on a function word (an ellipsis is no word, so "… the…" passes)
    return True


_AHEAD = LazyPattern(r"\b(?:will|would|shall|could|may|might|expect\w*|hop\w*|plan\w*|aim\w*|goals?|seek\w*|"
                    r"want\w*|likely|unlikely|set to|going to|due to|to be|is to|are to|intend\w*|"
                    r"scheduled|signal\w*)\b", re.I)
# What an event yields: agreements, decisions, statements, meetings held.
# Looked up in the folded text (``fold``): a plain word list needs no pattern.
_DONE = Phrases(["agreed", "signed", "reached", "announced", "concluded", "adopted", "approved", "pledged",
                 "decided", "launched", "issued", "struck", "sealed", "secured", "committed", "endorsed",
                 "ratified", "unveiled", "discussed", "exchanged views", "held talks", "met"])


def looks_done(text: str) -> bool:
    """An outcome, not an expectation: something the event yielded (agreed, signed, met ...),
    told with no word looking ahead ("expect", "would", "hopes", "signalled")."""
    return _DONE.search(fold(text)) is not None and not _AHEAD.search(text)


def nameable(name: str) -> bool:
    """A person's name the memo may supply: two or more capitalised words, none of them a
    title, a nationality, an organisation or an initial, and not a place ("North Korea",
    "Russian President", "Cuba and France" and "Joseph R" are not)."""
    words = name.replace("’", "'").split()
    if len(words) < 2 or " and " in name or is_place(name):
        return False
    for w in words:
        if w.endswith("'s"):
            return False
        lw = w.lower().strip(".,'")
        if not w[:1].isupper() or len(lw) < 2 or lw in TITLE_HEADS or lw in NATIONALITIES or \
                lw in ORG_HEADS or lw in NOT_NAME:
            return False
    return True


def display_name(state: State, key: int) -> str | None:
    """How the article itself refers back to a person: its most frequent short form that is
    a word of the full name ("Straw", "Xi"), else the full name; None when the person's name
    is no name the memo may supply."""
    person = state.person(key)
    if person is None or person.historic or not nameable(person.name):
        return None
    words = set(person.name.split())
    shorts = Counter(state.text[m.start:m.end] for m in state.mentions
                     if m.person == key and m.kind == "short" and state.text[m.start:m.end] in words)
    if shorts:
        return max(shorts.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
    return person.name


def name_for(state: State, m: Mention) -> str | None:
    """The name a pronoun mention stands for, possessive where the pronoun is ("his visit"
    -> "Blinken’s"; "her" only when a word of substance follows: "her visit", not "told her")."""
    name = display_name(state, m.person)
    if not name:
        return None
    word = state.norm[m.start:m.end].lower()
    after = state.norm[m.end:m.end + 20].split()
    if word == "his" or (word == "her" and after and after[0][:1].isalpha() and
                         after[0].lower() not in FUNCTION_WORDS):
        name += "’s"
    return name


# How soon after the comma closing an opening phrase a name must follow to be the pronoun's.
_CATAPHORA_REACH = 60


def _cataphoric(state: State, m: Mention) -> bool:
    """A pronoun in an opening phrase whose person is named right after it ("Despite his own
    record, Obama ..."): the name follows, so none is supplied (the mention index, looking
    back, may point at someone else)."""
    sent = state.sentence_at(m.start)
    if sent is None:
        return False
    comma = state.norm.find(",", m.end, sent.end)
    if comma == -1:
        return False
    return any(x.kind != "pronoun" and comma < x.start <= comma + _CATAPHORA_REACH
               for x in state.mentions if x.start > comma and x.start < sent.end)


# How far into the sentence before it the pronoun's person must be named: its subject.
_SUBJECT_REACH = 60


def referent(state: State, m: Mention, depth: int = 2) -> int | None:
    """Who a pronoun opening a sentence stands for: the person the sentence before opens on,
    by name ("Blinken met Qin. He said ..." -> Blinken; "For her part, Merkel scolded Trump.
    She ..." -> Merkel), or by a pronoun that itself opens it and resolves so ("Blinken spoke.
    He stressed ... According to him, ..."). None when that sentence names nobody near its
    start, or lies in an earlier paragraph than the one before: too unsure to supply a name."""
    sent = state.sentence_at(m.start)
    if sent is None:
        return None
    here = next((x for x in state.mentions if sent.start <= x.start < m.start and x.kind != "pronoun"), None)
    if here is not None:
        return here.person  # the line starts inside a sentence whose subject is named
    if sent.index == 0:
        return None
    prev = state.sentences[sent.index - 1]
    if prev.para < sent.para - 1:
        return None
    near = [x for x in state.mentions if prev.start <= x.start < min(prev.end, prev.start + _SUBJECT_REACH)]
    named = next((x for x in near if x.kind != "pronoun"), None)
    if named is not None:
        if any(x.person != named.person and x.kind != "pronoun" and _speaker(state, x, prev.start, prev.end)
               for x in state.mentions if prev.start <= x.start < prev.end):
            return None  # "X will host the meeting, said Y. He also announced ...": X or Y?
        return named.person
    if depth and near and near[0].kind == "pronoun" and _opens(state, near[0], prev.start):
        return referent(state, near[0], depth - 1)
    return None


_SAID_BEFORE = LazyPattern(r"\b(?:said|says|told|added|announced|noted|stated|according to)\s+(?:[\w.'-]+\s+){0,6}$")
_SAID_AFTER = LazyPattern(r"^(?:\s*,[^,]{0,80},)?\s+(?:has |had )?(?:said|says|told|added|announced|noted|stated)\b")


def _speaker(state: State, x: Mention, start: int, end: int) -> bool:
    """The mention is the speaker of a reporting clause ("..., said Wang Wenbin", "Wang said")."""
    return bool(_SAID_BEFORE.search(state.norm[max(start, x.start - 60):x.start]) or
                _SAID_AFTER.match(state.norm[x.end:min(end, x.end + 100)]))


# A pronoun this near the start of a line opens it ("He said", "According to him, ...").
_OPEN_WORDS = 3


def _opens(state: State, m: Mention, start: int) -> bool:
    """The pronoun is among the first words from ``start``, with no name before it."""
    before = state.norm[start:m.start]
    return len(_TOKENS.findall(before)) < _OPEN_WORDS and not any(
        x.kind != "pronoun" and start <= x.start < m.start for x in state.mentions)


def supplied_names(state: State, span: Span, named: set[int] = frozenset()) -> tuple[Supplied, ...]:
    """A name for the pronoun that opens ``span`` ("He said ..." -> [Straw] said ...), when
    the article makes clear who it is and ``named`` does not hold that person already.
    Pronouns inside a line are left as written: the mention index is surest at a sentence
    start, and a wrong name would put words in the wrong mouth."""
    for m in state.mentions:
        if m.start >= span.end:
            break
        if m.start < span.start:
            continue
        if m.kind != "pronoun" or not _opens(state, m, span.start):
            return ()
        if not _cataphoric(state, m):
            who = referent(state, m)
            if who is None or who in named:
                return ()
            name = name_for(state, Mention(who, m.start, m.end, m.kind))
            if name:
                return (Supplied(text=name, stands_for=Span(m.start, m.end)),)
    return ()


def resolve(state: State, item: Item) -> Item:
    """The item with a name supplied for the pronoun that opens it."""
    if not item.evidence or item.supplied:
        return item
    names = supplied_names(state, item.evidence[0])
    return replace(item, supplied=names) if names else item


def lead_in(state: State, item: Item) -> bool:
    """The item only introduces a list ("The talks covered:"): it says nothing alone."""
    end = item.evidence[0].end if item.evidence else 0
    rest = state.norm[end:end + 3].lstrip()
    return state.norm[end - 1:end] == ":" or rest.startswith(":")


# How far past an item's end its quotation may close for the item to take it whole.
QUOTE_REACH = 320


def balanced(state: State, item: Item) -> Item | None:
    """The item with whole quotations: a span that opens a quotation and stops inside it
    ('Obama added, "There are consequences ... today.' where the quotation runs on) is
    extended to the closing mark when it comes soon, in the same paragraph; a span that
    starts inside a quotation, or whose quotation does not close soon, is dropped: its
    marks would not pair and the reader could not tell whose words end where."""
    if not item.evidence:
        return item
    sp = item.evidence[0]
    norm = state.norm
    if norm.count('"', sp.start, sp.end) % 2 == 0:
        return item
    para = norm.rfind("\n", 0, sp.start) + 1
    if norm.count('"', para, sp.start) % 2:
        return None  # starts inside a quotation: its opening mark is cut off
    stop = norm.find("\n", sp.end)
    stop = min(len(norm) if stop == -1 else stop, sp.end + QUOTE_REACH)
    close = norm.find('"', sp.end, stop)
    if close == -1:
        return None
    end = close + 1
    span = Span(sp.start, end)
    return replace(item, text=state.text[sp.start:end], evidence=(span,) + item.evidence[1:])


def _whole(state: State, items: tuple[Item, ...]) -> tuple[Item, ...]:
    kept = (balanced(state, it) for it in items if not lead_in(state, it))
    return tuple(resolve(state, it) for it in kept if it is not None)


def run(state: State) -> State:
    """Sets the supplied names of purpose, expectations, context items; drops list lead-ins."""
    return state.replace(purpose=_whole(state, state.purpose),
                         expectations=_whole(state, state.expectations), context=_whole(state, state.context))
