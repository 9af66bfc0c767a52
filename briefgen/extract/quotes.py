"""Stage 4: direct quotations and who said them.

Reads ``text``, ``norm``, ``paragraphs``, ``sentences``, ``mentions``,
``people``; sets ``quotes``.

Marks are paired first (curly marks say which side they are on; straight
ones alternate), within a paragraph or across paragraphs when the next one
reopens the quote (the newspaper convention). An unbalanced mark ends the
search in that paragraph: the quote is skipped, never half-parsed. The
speaker comes from the reporting clause after the quote (", Xi said"), else
before it ("Mr Chirac told reporters: "), else the previous quote's speaker
for a paragraph that only continues a quotation. A label in marks takes the
group that coined it as speaker ('what American media dubbed a "..."').
"""
from __future__ import annotations

import re

from dataclasses import replace

from briefgen.model.briefing import Span
from briefgen.extract.lexicon import REPORTING_VERBS
from briefgen.extract.normalize import CLOSERS, OPENERS
from briefgen.extract.state import Mention, QuoteFound, State
from briefgen.extract.wordre import Phrases

# Naming verbs put a label in quotation marks: 'what American media dubbed a "high-stakes visit"'.
_NAMING_VERBS = {"dubbed", "termed", "labelled", "labeled", "branded", "billed"}
_VERBS = sorted({v for v in REPORTING_VERBS} | _NAMING_VERBS | {"saying", "telling", "adding", "noting",
                                                                  "insisting", "arguing", "warning", "calling"},
                key=len, reverse=True)
# As the regex ``\b(?:VERBS|[Aa]ccording to)\b`` (longest first), without compiling the list.
_VERB_RE = Phrases((*_VERBS, "according to", "According to"))
_PARTICIPLES = frozenset({"adding", "saying", "noting", "insisting", "arguing", "warning", "calling"})
_NOMINAL_SPEAKER = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Ss]ome)\s+((?:[\w.'’-]+\s+){0,5}?(?i:officials?|spokes(?:man|woman|person)|"
    r"diplomats?|sources?|analysts?|aides?|advisers?|minister|negotiators?|statement|ministry|"
    r"envoy|observers?|experts?|lawmakers?|leaders?|media|newspaper|agency))\b")
# A group named without an article: "American media", "Chinese state media", "Western diplomats".
_GROUP_SPEAKER = re.compile(
    r"\b((?:(?!(?:what|which|the|a|an|that|as|and|by)\b)[A-Za-z][\w'’-]*\s+){1,2}"
    r"(?:(?i:state|official|local|foreign)\s+)?(?i:media|press|newspapers|"
    r"commentators|analysts|officials|diplomats|critics|observers|experts))\s+(?:have\s+|has\s+)?$")
_AFTER_LIMIT = 90


def _marks(text: str, norm: str, s: int, e: int) -> list[tuple[int, str]]:
    """(offset, side) for each double quotation mark; side is "open", "close" or "?".

    Curly marks say their side. A straight mark after a space (or at the start)
    and before a word opens; one after a word or punctuation and before a space,
    punctuation or the end closes; anything else is "?" (toggles).
    """
    out = []
    i = norm.find('"', s, e)
    while i != -1:
        c = text[i]
        if c in OPENERS:
            side = "open"
        elif c in CLOSERS:
            side = "close"
        else:
            before = norm[i - 1] if i > s else " "
            after = norm[i + 1] if i + 1 < e else " "
            if (before.isspace() or before in "([-") and not after.isspace():
                side = "open"
            elif not before.isspace() and (after.isspace() or after in ".,;:!?)-"):
                side = "close"
            else:
                side = "?"
        out.append((i, side))
        i = norm.find('"', i + 1, e)
    return out


_SENTENCE_END = re.compile(r"[.?!]\s*$")
# A quotation whose opening mark was lost at the paragraph start: 'It took decades," Rhodes said.'
_VERB_AFTER = Phrases(_VERBS)
_SPACES = re.compile(r"\s*")
_LOST_WORD = re.compile(r"[\w.'-]+\s+")


def _lost_open(norm: str, pos: int, endpos: int) -> bool:
    r"""A verb within five words: as ``\s*(?:[\w.'-]+\s+){0,4}?(?:VERBS)\b`` matched at
    ``pos`` (each word fills the run up to the next space, so the words are read one way)."""
    p = _SPACES.match(norm, pos, endpos).end()
    for k in range(5):
        if _VERB_AFTER.end_at(norm, p, endpos) >= 0:
            return True
        w = _LOST_WORD.match(norm, p, endpos) if k < 4 else None
        if w is None:
            return False
        p = w.end()
    return False


def pair_marks(text: str, norm: str, paragraphs) -> list[tuple[int, int, bool]]:
    """Content ranges (start, end, continues_next_paragraph) of balanced quotations.

    Newspaper conventions handled: a quotation reopened at a new sentence without
    being closed ('... France. "There can be ...') ends where the next one opens;
    a paragraph that opens a quotation and does not close it continues in the
    next paragraph when that one starts with a mark; a paragraph that starts
    inside a quotation whose opening mark was lost ('It took decades," Rhodes
    said') is taken from its start when a reporting verb follows the mark.
    Anything else unbalanced ends the search in that paragraph: the quotations
    paired before it are kept, the rest is skipped, never half-parsed.
    """
    out: list[tuple[int, int, bool]] = []
    for pi, para in enumerate(paragraphs):
        marks = _marks(text, norm, para.start, para.end)
        open_at = None
        segs: list[tuple[int, int, bool]] = []
        for pos, side in marks:
            if side == "?":
                side = "open" if open_at is None else "close"
            if side == "open":
                if open_at is not None:
                    if not _SENTENCE_END.search(norm, open_at + 1, pos):
                        open_at = None
                        break
                    segs.append((open_at + 1, pos, False))  # reopened at a new sentence
                open_at = pos
                continue
            if open_at is None:
                if not segs and pos > para.start and norm[para.start] != '"' and \
                        norm[pos - 1] in ",.?!" and _lost_open(norm, pos + 1, para.end):
                    segs.append((para.start, pos, False))
                    continue
                break
            if pos > open_at + 1:
                segs.append((open_at + 1, pos, False))
            open_at = None
        if open_at is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt is not None and norm[nxt.start] == '"' and text[nxt.start] not in CLOSERS:
                segs.append((open_at + 1, para.end, True))
        out.extend(segs)
    return [_trim(norm, s, e, c) for s, e, c in out if norm[s:e].strip()]


def _trim(norm: str, s: int, e: int, cont: bool) -> tuple[int, int, bool]:
    while s < e and norm[s].isspace():
        s += 1
    while e > s and (norm[e - 1].isspace() or norm[e - 1] in ",;:-"):
        e -= 1
    return s, e, cont


def _mention_in(mentions: list[Mention], s: int, e: int) -> list[Mention]:
    return [m for m in mentions if s <= m.start and m.end <= e]


def _outside_quotes(m: Mention, spans: list[tuple[int, int, bool]]) -> bool:
    return not any(s - 1 <= m.start < e + 1 for s, e, _ in spans)


def run(state: State) -> State:
    """Sets quotes."""
    text, norm = state.text, state.norm
    spans = pair_marks(text, norm, state.paragraphs)
    mentions = [m for m in state.mentions if _outside_quotes(m, spans)]
    names = {p.key: p.name for p in state.people}
    found: list[QuoteFound] = []
    pending: list[tuple[int, int]] = []  # segments of a multi-paragraph quote awaiting a speaker
    prev_speaker: tuple[str | None, int | None] = (None, None)
    prev_para = -9
    for s, e, cont in spans:
        sent = state.sentence_at(s)
        if sent is None:
            continue
        if cont:
            pending.append((s, e))
            continue
        para = state.paragraphs[sent.para]
        speaker, person, verb, kind = _attribute(state, mentions, names, s, e, sent, para)
        recent = found and found[-1].speaker is not None and sent.index - found[-1].sentence <= 2
        if recent and (kind == "pronoun" or (speaker is None and state.sentences[found[-1].sentence].para
                                              == sent.para)):
            # "He added: ..." right after a quotation continues that speaker.
            speaker, person = found[-1].speaker, found[-1].person
        only_quote = norm[para.start:s - 1].strip() == "" and sent.para != prev_para
        if speaker is None and (pending or (only_quote and sent.para - prev_para <= 1)):
            speaker, person = prev_speaker
        for ps, pe in pending:
            found.append(QuoteFound(ps, pe, (state.sentence_at(ps) or sent).index, speaker, person, verb))
        pending = []
        found.append(QuoteFound(s, e, sent.index, speaker, person, verb))
        if speaker is not None:
            prev_speaker = (speaker, person)
        prev_para = sent.para
    return replace(state, quotes=tuple(found))


def _attribute(state: State, mentions, names, s: int, e: int, sent, para):
    norm = state.norm
    close = e
    while close < para.end and norm[close] != '"':
        close += 1
    after_end = min(sent.end if sent.end > close else para.end, close + _AFTER_LIMIT)
    nxt_q = norm.find('"', close + 1, after_end)
    if nxt_q != -1:
        after_end = nxt_q
    after = norm[close + 1:after_end]
    # ', Xi said' / '," he said.' / '," said Wagner.' / '," a senior official said.'
    vm = _VERB_RE.search(after)
    if vm and vm.start() < 60:
        ms = _mention_in(mentions, close + 1, after_end)
        if ms:
            return names[ms[0].person], ms[0].person, Span(close + 1 + vm.start(), close + 1 + vm.end()), ms[0].kind
        nm = _NOMINAL_SPEAKER.search(after)
        if nm:
            return " ".join(nm.group(1).split()), None, Span(close + 1 + vm.start(), close + 1 + vm.end()), "nominal"
    # Before the quote, in the same sentence: '... the US official told reporters that he "..."'
    open_ = s - 1
    while open_ > sent.start and norm[open_] != '"':
        open_ -= 1
    lo = sent.start
    before = norm[lo:open_]
    verbs = list(_VERB_RE.finditer(before))
    if verbs:
        v = verbs[-1]
        vs = lo + v.start()
        ms = [m for m in _mention_in(mentions, lo, vs) if m.end <= vs]
        nm = None
        for nm in _NOMINAL_SPEAKER.finditer(norm, max(lo, vs - 70), vs):
            pass
        if v.group().lower() == "according to":
            ms2 = _mention_in(mentions, lo + v.end(), open_)
            if ms2:
                return names[ms2[0].person], ms2[0].person, Span(vs, lo + v.end()), ms2[0].kind
        gm = _GROUP_SPEAKER.search(norm, max(lo, vs - 50), vs)
        if gm is not None and (not ms or gm.start() > ms[-1].end) and (nm is None or gm.start() > nm.start()):
            return " ".join(gm.group(1).split()), None, Span(vs, lo + v.end()), "nominal"
        if nm is not None and (not ms or nm.start() > ms[-1].end):
            return " ".join(nm.group(1).split()), None, Span(vs, lo + v.end()), "nominal"
        if ms:
            # The subject nearest the verb, unless a pronoun points back to someone named.
            m = ms[-1] if vs - ms[-1].end < 45 and v.group() not in _PARTICIPLES else ms[0]
            return names[m.person], m.person, Span(vs, lo + v.end()), m.kind
    # The paragraph's subject when the quote is a fragment in reported speech.
    ms = [m for m in _mention_in(mentions, sent.start, s) if m.kind != "pronoun"] or \
         _mention_in(mentions, sent.start, s)
    if ms and _VERB_RE.search(norm, sent.start, sent.end):
        return names[ms[0].person], ms[0].person, None, ms[0].kind
    return None, None, None, None
