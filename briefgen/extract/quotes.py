"""Stage 4: direct quotations and who said them.

Reads ``norm``, ``quoted``, ``paragraphs``, ``sentences``, ``mentions``,
``people``; sets ``quotes``.

The speaker comes from the reporting clause after the quote (", Xi said",
'," he said', '," Ben Rhodes, deputy national security adviser, told
reporters', '," said the White House'), else from the clause before it ("Mr
Chirac told reporters: ", "according to Wang, "), else the previous quote's
speaker for a paragraph that only continues a quotation, else, for a quoted
fragment inside a sentence about one person, that person. A pronoun speaks
for whoever mentions.py resolved it to; a pronoun it left unresolved (two
people named before it, neither plainly the subject) leaves the speaker
unknown: no guess. A label in marks takes the group that coined it as
speaker ('what American media dubbed a "..."').
"""
from __future__ import annotations

import re

from briefgen.model.briefing import Span
from briefgen.extract.lexicon import NOT_PERSON_NAME, QUOTE_VERBS
from briefgen.extract.marks import inside
from briefgen.extract.state import Mention, QuoteFound, State
from briefgen.extract.wordre import LazyPattern, Phrases, first_word, fold, holds_any

_VERBS = QUOTE_VERBS
# As the regex ``\b(?:VERBS|[Aa]ccording to)\b`` (longest first), without compiling the list.
_VERB_RE = Phrases((*_VERBS, "according to", "According to"))
_PARTICIPLES = frozenset({"adding", "saying", "noting", "insisting", "arguing", "warning", "calling"})
_NOMINAL_SPEAKER = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Ss]ome)\s+((?:[\w.'-]+\s+){0,5}?(?i:officials?|spokes(?:man|woman|person)|"
    r"diplomats?|sources?|analysts?|aides?|advisers?|minister|negotiators?|statement|ministry|"
    r"envoy|observers?|experts?|lawmakers?|leaders?|media|newspaper|agency|release|readout|"
    r"communiqu[eé]|editorial|commentary|military|embassy))\b")
# The issuer of a statement read out or released: 'a statement ... from the Committee for ...'.
_ISSUER = LazyPattern(r"[^.;\"]{0,60}?\b(?:from|by|of)\s+(?:the\s+)?((?:[A-Z][\w.'&-]*)(?:\s+(?:[A-Z][\w.'&-]*|"
                     r"for|of|the|and)){0,8}(?<![a-z]\s)(?<!\sthe)(?<!\sof)(?<!\sfor)(?<!\sand))")
# A group named without an article: "American media", "Chinese state media", "Western diplomats".
_GROUP_SPEAKER = LazyPattern(
    r"\b((?:(?!(?:what|which|the|a|an|that|as|and|by)\b)[A-Za-z][\w'-]*\s+){1,2}"
    r"(?:(?i:state|official|local|foreign)\s+)?(?i:media|press|newspapers|"
    r"commentators|analysts|officials|diplomats|critics|observers|experts))\s+(?:have\s+|has\s+)?$")
# What a group speaker's noun holds (folded): a window without one runs no pattern.
_GROUP_NOUNS = ("media", "press", "newspapers", "commentators", "analysts", "officials", "diplomats", "critics",
                "observers", "experts")
# A body named as the subject of a reporting verb: "the White House said", "Xinhua said".
_BODY_BEFORE = LazyPattern(r"(?:\b[Tt]he\s+)?\b((?:[A-Z][\w.'&-]*\s+){0,4}[A-Z][\w.'&-]*)\s+"
                          r"(?:has\s+|had\s+|also\s+|later\s+)*$")
# ... or after it: '," said the White House.'
_BODY_AFTER = LazyPattern(r"\s*(?:the\s+)?((?:[A-Z][\w.'&-]*)(?:\s+[A-Z][\w.'&-]*){0,4})")
# A body after its verb, named by its head noun: "said the Singapore ministry", "said Xinhua".
_BODY_NOUN_AFTER = LazyPattern(r"\s+(?:the\s+)?((?:[A-Z][\w.'&-]*\s+){0,3}(?:ministry|Ministry|government|"
                              r"Government|office|Office|agency|embassy|Embassy|council|Council|[A-Z][\w'-]+))"
                              r"(?=\s*[.,;])")
_PRONOUN_SUBJECT = LazyPattern(r"\s*,?\s*(he|she|they|it|He|She|They|It)\s+(?:also\s+)?$")
# The stretch between a name and its verb that is only an apposition: ", a former diplomat, ".
_APPOSITION = LazyPattern(r"\s*,[^,;:\"]{2,160},\s*(?:has\s+|had\s+|also\s+)*")
# '," said Malaysia's foreign minister, Anifah Aman': a role, one comma, then the name.
_ROLE_THEN_NAME = LazyPattern(r"\s+(?:[\w.'-]+\s+){0,6}[\w.'-]+,\s+")
_SUBJECT_REACH = 40  # characters: a name this close to its clause start is its subject
_NEW_CLAUSE = LazyPattern(r"\s*,?\s*(?:while|whereas|but|although|though|as(?!\s+(?:it\s+was\s+|they\s+were\s+)?"
                         r"(?:described|put|called|quoted|said)\b)|which|who|when|because|after|before|since|if|"
                         r"unless)\b", re.I)
# The words _NEW_CLAUSE can open on (after spaces and a comma; folded): a reporting clause opening
# on another word runs no pattern, and most articles never compile it.
_CLAUSE_OPENERS = frozenset("""while whereas but although though as which who when because after before since if
unless""".split())


def _new_clause(norm: str, a: int, limit: int) -> bool:
    """``_NEW_CLAUSE.match(norm, a, limit)`` as a truth value."""
    head = norm[a:limit].lstrip()
    if head.startswith(","):
        head = head[1:].lstrip()
    return first_word(head) in _CLAUSE_OPENERS and _NEW_CLAUSE.match(norm, a, limit) is not None


_THAT_AFTER = LazyPattern(r"(?:\s+(?:in|on|at|to|during)\s+(?:a|an|the|his|her|its|their)?\s*[\w-]+){0,2}"
                         r"\s*,?\s+that\b")
_AFFILIATED = LazyPattern(r"(?:'s)?,?\s+(?:from|of|at)\s+(?:the\s+)?[A-Z]")
_AFTER_REACH = 160  # characters from the closing mark to the reporting verb: a name and its role
_AFTER_NAME_GAP = 70  # from the verb to the name after it ("said Chinese Foreign Minister Wang Yi")


def _mention_in(mentions: list[Mention], s: int, e: int) -> list[Mention]:
    return [m for m in mentions if s <= m.start and m.end <= e]


_NAME_NEXT = LazyPattern(r",?\s+(?:the\s+)?((?:[A-Z][\w.'&-]*)(?:\s+[A-Z][\w.'&-]*){0,3})")


def _named(norm: str, pos: int, limit: int, mentions, names):
    """The name right after a nominal ("the state news agency Xinhua", "Asia expert Charles
    Armstrong"): it, not the description, is the speaker."""
    m = _NAME_NEXT.match(norm, pos, limit)
    if m is None:
        return None
    ms = _mention_in(mentions, m.start(1), m.end(1) + 1)
    if ms:
        return names[ms[0].person], ms[0].person, None, ms[0].kind
    name = _body(m.group(1))
    return (name, None, None, "body") if name else None


# A news outlet named before its description: "the official Xinhua news agency", "newspaper
# the Global Times", "State-run Chinese newspaper the Global Times".
_OUTLET_NAMED = LazyPattern(
    r"\b([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?:,\s+(?:[\w'-]+\s+){0,5}?|\s+)(?:news\s+)?"
    r"(?:agency|newspaper|daily|broadcaster)\b|"
    r"\b(?:agency|newspaper|daily|broadcaster),?\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
_OUTLET_HEADS = ("agency", "newspaper", "daily", "broadcaster")
_ANTECEDENT_REACH = 1500  # characters back: a few paragraphs


def _issuer(state: State, nm: re.Match, limit: int):
    """'said a statement read on TV from the Committee for X': the committee, not "statement"."""
    if nm.group(1).split()[-1].lower() not in ("statement", "release", "communique", "communiqué", "readout"):
        return None
    m = _ISSUER.match(state.norm, nm.end(), limit)
    if m is None:
        return None
    name = _body(m.group(1))
    if name and name.endswith(".") and "." not in name.split()[-1][:-1]:
        name = name[:-1]  # the sentence's full stop, not an initialism's ("U.S.")
    return (name, None, None, "body") if name else None


def _antecedent_body(state: State, nm: re.Match):
    """"the state news agency said" after "the official Xinhua news agency": Xinhua. A definite
    description of an outlet refers back to the outlet last named with that head noun."""
    desc = nm.group(0)
    head = nm.group(1).split()[-1].lower()
    if head not in _OUTLET_HEADS or not desc.lower().startswith("the"):
        return None
    norm = state.norm
    name = None
    for m in _OUTLET_NAMED.finditer(norm, max(0, nm.start() - _ANTECEDENT_REACH), nm.start()):
        cand = _body(m.group(1) or m.group(2) or "")
        if cand and cand.split()[-1].lower() not in _OUTLET_HEADS:
            name = cand
    return (name, None, None, "body") if name else None


# Words that can stand alone as a speaking body ("Xinhua said", "the Kremlin said").
_BODY_WORDS = frozenset("xinhua kyodo tass irna wafa yonhap reuters afp ap bbc cnn nhk kcna bloomberg "
                        "kremlin pentagon".split())
_OPENERS = frozenset("the a an but and or in on at as after before while when then also however "
                     "meanwhile earlier later separately afterwards still yet so".split())


def _body(phrase: str) -> str | None:
    """A capitalised phrase that names a body rather than a person or a pronoun."""
    words = phrase.split()
    while words and words[0].lower() in _OPENERS:
        words = words[1:]
    if not words or words[0] in ("He", "She", "They", "It", "I", "We", "You") or \
            words[0].lower() in NOT_PERSON_NAME - _BODY_WORDS and len(words) == 1:
        return None
    return " ".join(words)


def run(state: State) -> State:
    """Sets quotes."""
    norm = state.norm
    spans = list(state.quoted)
    quoted = tuple((s, e) for s, e, _ in spans)
    mentions = [m for m in state.mentions if not inside(quoted, m.start)]
    names = {p.key: p.name for p in state.people}
    found: list[QuoteFound] = []
    pending: list[tuple[int, int]] = []  # segments of a multi-paragraph quote awaiting a speaker
    opener = None  # the attribution before the first of them, if any
    prev_speaker: tuple[str | None, int | None] = (None, None)
    prev_para = -9
    last_doc = None  # whom the last statement quoted speaks for
    for s, e, cont in spans:
        sent = state.sentence_at(s)
        if sent is None:
            continue
        if cont:
            if not pending:  # "He said: ‘...¶‘...’": the clause before the first paragraph speaks
                opener = _before(state, mentions, names, s, sent)
            pending.append((s, e))
            continue
        para = state.paragraphs[sent.para]
        speaker, person, verb, kind = _attribute(state, mentions, names, s, e, sent, para)
        last = found[-1] if found else None
        recent = last is not None and last.speaker is not None and sent.index - last.sentence <= 2 and \
            sent.para - state.sentences[last.sentence].para <= 1
        if recent and speaker is None and kind is None and \
                state.sentences[last.sentence].para == sent.para:
            # A second quotation in the same paragraph with no clause of its own continues.
            speaker, person = last.speaker, last.person
        elif recent and (kind == "pronoun" or (kind or "").startswith("unresolved")) and \
                not _mention_in(mentions, last.end, s):
            # '"...," he added.' right after someone's quotation, nobody named in between.
            speaker, person = last.speaker, last.person
        if kind == "document":
            last_doc = speaker
        elif last_doc and speaker and len(speaker.split()) <= 2 and speaker.split()[-1].lower() in _DOC_HEADS:
            speaker = last_doc  # "The statement added that ...": the statement already attributed
        if kind in ("unresolved it", "unresolved they") and speaker is None:
            speaker = _it_body(state, sent, s)
        if kind == "unresolved they" and speaker is None:
            speaker = _they_group(state, sent)
        if speaker is None and kind is None:
            speaker, person = _previous_speaker(state, mentions, names, sent, s)
        only_quote = norm[para.start:s - 1].strip() == "" and sent.para != prev_para
        if speaker is None and kind is None and pending and opener is not None and opener[0] is not None:
            speaker, person = opener[0], opener[1]
        if speaker is None and kind is None and (pending or (only_quote and sent.para - prev_para <= 1)):
            speaker, person = prev_speaker
        for ps, pe in pending:
            found.append(QuoteFound(ps, pe, (state.sentence_at(ps) or sent).index, speaker, person, verb))
        pending = []
        found.append(QuoteFound(s, e, sent.index, speaker, person, verb))
        if speaker is not None:
            prev_speaker = (speaker, person)
        prev_para = sent.para
    return state.replace(quotes=tuple(_pulled(norm, found)))


_WORDS = re.compile(r"\w+")


def _pulled(norm: str, found: list[QuoteFound]) -> list[QuoteFound]:
    """A pull quote set apart without attribution repeats words the story attributes elsewhere
    (a BBC-style highlighted quotation): it has the speaker of the attributed copy."""
    said = {}
    for q in found:
        if q.speaker is not None:
            key = " ".join(_WORDS.findall(norm[q.start:q.end].lower()))
            said.setdefault(key, q)
    out = []
    for q in found:
        if q.speaker is None:
            key = " ".join(_WORDS.findall(norm[q.start:q.end].lower()))
            src = said.get(key) if len(key) > 20 else None
            if src is not None:
                q = q.with_speaker(src.speaker, src.person)
        out.append(q)
    return out


# A person's office or ministry as the subject of a reporting verb: "Mr Moon's office said".
_OFFICE_BEFORE = LazyPattern(r"\b((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*'s\s+(?:office|ministry|government|"
                            r"spokes(?:man|woman|person)|cabinet|campaign|team))\s+(?:has\s+|had\s+|also\s+)?$")


# A plural group opening a sentence: "Some ministers expressed concerns ..., they said".
_GROUP_OPENING = LazyPattern(r"(?:(?:The|Some|Several|Many|Most|All|Both)\s+)?((?:[A-Z][\w.'-]*\s+|[a-z]+\s+){0,3}"
                            r"(?i:ministers|officials|leaders|diplomats|negotiators|delegates|members|envoys|"
                            r"governments|delegations|protesters|demonstrators|activists|residents|critics|"
                            r"campaigners))\b")


def _they_group(state: State, sent) -> str | None:
    """'..., they said' with no person to point back to: the plural group the sentence opens
    with ("Some ministers ..."), if any."""
    m = _GROUP_OPENING.match(state.norm, sent.start, sent.end)
    if m is None:
        return None
    return " ".join(m.group(1).split())  # the group without its determiner: "ministers", "ASEAN ministers"


_FOR_SOMEONE = LazyPattern(r"\s+(?:for|of|to)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,4}")
_SPOKES = LazyPattern(r"(?i:spokes(?:man|woman|person)|aides?|advisers?)$")
_DOC_HEADS = frozenset({"statement", "release", "readout", "communique", "communiqué"})
# The group a document speaks for, right after its verb: 'A statement said the Asean ministers "...'.
_GROUP_AFTER = LazyPattern(r"\s+(?:that\s+)?(?:the\s+)?((?:[A-Z][\w.'-]*\s+){1,3}(?:[a-z]+\s+)?(?:ministers|leaders|"
                          r"officials|sides|governments|delegations|members|countries))\b")
# "a statement from the Ruritanian foreign ministry", "a readout issued by the White House".
_DOCUMENT_FROM = LazyPattern(r"\s*(?:a|an|the)\s+(?:joint\s+|written\s+|brief\s+)?(?:statement|release|communiqu\w+|"
                            r"readout|report)\s+(?:from|by|of|issued\s+by|released\s+by)\s+(?:the\s+)?"
                            r"((?:[A-Z][\w.'&-]*\s+)+(?:(?:[a-z]+\s+){0,2}(?:ministry|government|office|embassy|"
                            r"council|commission|department|agency)\b)?|(?:[A-Z][\w.'&-]*\s*)+)")


def _it_body(state: State, sent, s: int) -> str | None:
    """'"...," it said.' after "Xinhua said ..." or "the Global Times said ...": that body."""
    norm = state.norm
    lo = state.sentences[max(0, sent.index - 2)].start
    found = None
    for vm in _VERB_RE.finditer(norm, lo, sent.start):
        om = _OFFICE_BEFORE.search(norm, max(lo, vm.start() - 60), vm.start())
        if om:
            found = " ".join(om.group(1).split())  # "..., Mr Moon's office said. "...," it added."
            continue
        bm = _BODY_BEFORE.search(norm, max(lo, vm.start() - 60), vm.start())
        if bm and _body(bm.group(1)):
            found = _body(bm.group(1))
            continue
        am = _BODY_NOUN_AFTER.match(norm, vm.end(), sent.start)  # "..., said the Singapore ministry."
        if am:
            found = " ".join(am.group(1).split())
    return found


def _previous_speaker(state: State, mentions, names, sent, s: int):
    """A quotation opening a sentence with no clause of its own, after a sentence of the same
    paragraph that reports someone ("He added that ... . "We must ..."): that someone."""
    norm = state.norm
    if sent.index == 0 or norm[sent.start:s - 1].strip():
        return None, None
    prev = state.sentences[sent.index - 1]
    if prev.para != sent.para:
        return None, None
    vm = _VERB_RE.search(norm, prev.start, prev.end)
    if vm is None:
        return None, None
    ms = _mention_in(mentions, prev.start, vm.start())
    if not ms:
        return None, None
    return names[ms[0].person], ms[0].person


def _attribute(state: State, mentions, names, s: int, e: int, sent, para):
    """(speaker, person key, verb span, kind); kind "unresolved he" etc. when a pronoun speaks that
    could be either of two people: the caller must not fill it in from elsewhere."""
    got = _after(state, mentions, names, e, para)
    if got is not None:
        return got
    got = _before(state, mentions, names, s, sent)
    if got is not None:
        return got
    # A fragment quoted inside a sentence about one person is that person's; in a sentence
    # about several, its subject's ("The president praised the chancellor as "my friend"").
    norm = state.norm
    lo = sent.start
    prev_close = norm.rfind('"', lo, s - 1)
    if prev_close != -1:
        lo = prev_close + 1  # a second quotation in the sentence: only its own clause
        while lo < s and norm[lo] in " ,;":
            lo += 1
        for joint in (" while ", " whereas ", ", and ", ", but "):
            j = norm.find(joint, lo, s)
            if j != -1:
                lo = j + len(joint)
    ms = [m for m in _mention_in(mentions, lo, s) if m.kind != "pronoun"] or _mention_in(mentions, lo, s)
    joint = _JOINT_SUBJECT.search(norm, ms[-1].end if ms else lo, s)
    if joint is not None:
        return None, None, None, None  # "... and the two leaders elevated ties to a "...": nobody's own words
    if ms and (len({m.person for m in ms}) == 1 or _VERB_RE.search(norm, lo, sent.end)
               or ms[0].start - lo <= _SUBJECT_REACH):
        return names[ms[0].person], ms[0].person, None, ms[0].kind
    if not ms and _THEY_SAID.search(norm, e, sent.end):
        group = _they_group(state, sent)  # "Some ministers expressed concerns about "...", ..., they said"
        if group:
            return group, None, None, "nominal"
    return None, None, None, None


# A subject of several after the last person named: the quoted words are a joint term.
_JOINT_SUBJECT = LazyPattern(r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|sides|countries|ministers|presidents|"
                             r"governments|delegations|nations)\b")
_THEY_SAID = re.compile(r",\s+they\s+(?:also\s+)?(?:said|say|added|noted|stressed|warned)\b")


def _after(state: State, mentions, names, e: int, para):
    """The reporting clause after the closing mark: '," Xi said', '," said Wang Yi'."""
    norm = state.norm
    close = e
    while close < para.end and norm[close] not in "\"'":
        close += 1
    if close >= para.end:
        return None
    end_sent = state.sentence_at(close)
    limit = min(para.end, close + 1 + _AFTER_REACH)
    if end_sent is not None and end_sent.end > close + 1:
        limit = min(limit, end_sent.end)
    elif norm[close - 1:close] in (".", "?", "!"):
        return None  # the quotation closed its sentence: nothing after it reports it
    nxt_q = norm.find('"', close + 1, limit)
    if nxt_q != -1:
        limit = nxt_q
    a = close + 1
    vm = _VERB_RE.search(norm, a, limit)
    if vm is None:
        return None
    vs, ve = vm.start(), vm.end()
    head = norm[a:vs]
    if len(head) > 120 or _new_clause(norm, a, limit):
        return None  # '", while Bo Kay called for ...': another clause with its own subject
    verb = Span(vs, ve)
    if vm.group().lower() == "according to":
        ms = _mention_in(mentions, ve, min(limit, ve + _AFTER_NAME_GAP))
        if ms:
            return names[ms[0].person], ms[0].person, verb, ms[0].kind
        return None
    ms = _mention_in(mentions, a, vs)
    if ms:
        return names[ms[0].person], ms[0].person, verb, ms[0].kind
    pm = _PRONOUN_SUBJECT.match(head)
    if pm:
        return None, None, verb, "unresolved " + pm.group(1).lower()  # a pronoun nobody could be sure of
    nm = _NOMINAL_SPEAKER.search(norm, a, vs)
    if nm:
        return _named(norm, nm.end(), vs, mentions, names) or _antecedent_body(state, nm) or \
            (" ".join(nm.group(1).split()), None, verb, "nominal")
    bm = _BODY_BEFORE.search(norm, a, vs)
    if bm and _body(bm.group(1)):
        return _body(bm.group(1)), None, verb, "body"
    # '," said Chinese Foreign Minister Wang Yi.' / '," said the White House.'
    ms = _mention_in(mentions, ve, min(limit, ve + _AFTER_NAME_GAP))
    if ms and ("," not in norm[ve:ms[0].start] or _ROLE_THEN_NAME.fullmatch(norm, ve, ms[0].start)):
        return names[ms[0].person], ms[0].person, verb, ms[0].kind
    nm = _NOMINAL_SPEAKER.match(norm, ve + 1, limit)
    if nm:
        return _named(norm, nm.end(), limit, mentions, names) or _issuer(state, nm, limit) or \
            _antecedent_body(state, nm) or \
            (" ".join(nm.group(1).split()), None, verb, "nominal")
    bm = _BODY_AFTER.match(norm, ve, limit)
    if bm and _body(bm.group(1)) and head.strip(" ,") == "":
        return _body(bm.group(1)), None, verb, "body"
    return None


def _before(state: State, mentions, names, s: int, sent):
    """The clause before the opening mark: 'Mr Chirac told reporters: "', 'according to Wang, "'."""
    norm = state.norm
    open_ = s - 1
    while open_ > sent.start and norm[open_] not in "\"'":
        open_ -= 1
    lo = sent.start
    prev_close = norm.rfind('"', lo, open_)
    if prev_close != -1:
        lo = prev_close + 1
    before = norm[lo:open_]
    verbs = list(_VERB_RE.finditer(before))
    if not verbs:
        return None
    v = verbs[-1]
    # "Psaki said in a statement that Kerry called ... and that the leaders agreed the talks
    # would "...": what follows "said ... that" is reported; its subject speaks.
    for u in verbs[:-1]:
        if _THAT_AFTER.match(before, u.end()):
            v = u
            break
    vs = lo + v.start()
    verb = Span(vs, lo + v.end())
    if v.group().lower() == "according to":
        ms2 = _mention_in(mentions, lo + v.end(), open_)
        if ms2:
            return names[ms2[0].person], ms2[0].person, verb, ms2[0].kind
        dm = _DOCUMENT_FROM.match(norm, lo + v.end(), open_)
        if dm:  # 'According to a statement from the foreign ministry, "...': the ministry
            return " ".join(dm.group(1).split()), None, verb, "body"
    ms = [m for m in _mention_in(mentions, lo, vs) if m.end <= vs]
    nm = None
    for nm in _NOMINAL_SPEAKER.finditer(norm, max(lo, vs - 70), vs):
        pass
    window = fold(norm[max(lo, vs - 50):vs])
    gm = _GROUP_SPEAKER.search(norm, max(lo, vs - 50), vs) if holds_any(window, _GROUP_NOUNS) else None
    if gm is not None and (not ms or gm.start() > ms[-1].end) and (nm is None or gm.start() > nm.start()):
        return " ".join(gm.group(1).split()), None, verb, "nominal"
    if nm is not None and ms and _APPOSITION.fullmatch(norm, ms[-1].end, vs) and "," in norm[ms[-1].end:nm.start()]:
        nm = None  # 'Yukio Okamoto, a former Japanese diplomat, said': the name is the speaker
    if nm is not None and ms and ms[-1].start >= nm.end() and _FOR_SOMEONE.fullmatch(norm, nm.end(), ms[-1].start) \
            and _SPOKES.search(nm.group(1)):
        # 'A spokesperson for Kay said': the spokesperson speaks, for Kay
        return " ".join(norm[nm.start(1):ms[-1].end].split()), None, verb, "nominal"
    if nm is not None and (not ms or nm.start() > ms[-1].end):
        if nm.group(1).split()[-1].lower() in _DOC_HEADS:
            gm2 = _GROUP_AFTER.match(norm, lo + v.end(), open_)
            if gm2:  # 'A joint statement said the Asean foreign ministers "...': the ministers' words
                return " ".join(gm2.group(1).split()), None, verb, "document"
        return _named(norm, nm.end(), vs, mentions, names) or _antecedent_body(state, nm) or \
            (" ".join(nm.group(1).split()), None, verb, "nominal")
    if ms:
        # The subject nearest the verb, unless a pronoun points back to someone named.
        m = ms[-1] if vs - ms[-1].end < 45 and v.group() not in _PARTICIPLES else ms[0]
        if m is not ms[0] and _AFFILIATED.match(norm, ms[0].end, m.start):
            m = ms[0]  # "Sabby Dhalu from Stand Up To Trump called": the name before its affiliation
        return names[m.person], m.person, verb, m.kind
    pm = _PRONOUN_SUBJECT.search(norm, lo, vs)
    if pm:
        return None, None, verb, "unresolved " + pm.group(1).lower()
    if v.group() in _PARTICIPLES and lo == sent.start:
        group = _they_group(state, sent)  # 'Protesters held up a banner saying "...': the protesters
        if group:
            return group, None, verb, "nominal"
    bm = _BODY_BEFORE.search(norm, lo, vs)
    if bm and _body(bm.group(1)) and not _PLACE_BEFORE.search(norm, lo, bm.start(1)):
        return _body(bm.group(1)), None, verb, "body"
    return None


# "a banner in Arabic saying", "protesters in Lima said": a capitalised word after a preposition
# is a language or a place, not who speaks.
_PLACE_BEFORE = LazyPattern(r"\b(?:in|at|from|to|into|near|across|outside|inside)\s+(?:the\s+)?$", re.I)
