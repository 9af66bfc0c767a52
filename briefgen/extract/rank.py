"""Stage 8: choose, rank and de-duplicate the items of each section.

Reads ``text``, ``candidates``, ``cue_hits``, ``quotes``, ``agenda``, ``event``,
``principal_key``, ``model``; sets ``features``, ``probs``, ``purpose``,
``expectations``, ``context``, ``quote_items`` and re-ranks ``agenda``.

Each clause gets, per section, the probability of the section's logistic ranker
(ranker.py) over its features (features.py: cue hits, position, who speaks,
tense, dates), or none where the section may not hold it at all (a purpose states a goal:
features.states). A clause goes to every section whose trained threshold it passes,
best first up to the section's cap; the same clause in two sections stays only
where it clearly belongs; overlapping items within a section are kept once; a
dangling clause ("where ...", "and the first ...") is shown with the clause it
hangs on, and every score is mapped to [0, 1] so the memo can cut from the bottom.
"""
from __future__ import annotations

import re

from briefgen.model.briefing import Item, Quote, Span
from briefgen.extract import features as feats, ranker
from briefgen.extract.state import State
from briefgen.extract.wordre import Phrases, fold

# Memo score: the lead weighs more; a clause in the last sentence keeps 1 - POSITION / 2.
POSITION = 0.3
# Two spans are the same clause when more than SAME of the shorter lies in the longer; the
# same clause in two sections stays only in the one where it scores more than 1/DOMINATED
# times as high (dev set: deduplicating every shared clause costs 0.01 overall, because
# analysts do file some clauses under two headings).
SAME = 0.5
DOMINATED = 0.4
# Memo score factor for a clause holding an agenda topic: the agenda already shows it.
SHOWN_ELSEWHERE = 0.5
# Memo score factor for a clause opening on a pronoun ("He added ..."): it names nobody, so
# the page cuts it before a line that does.
UNNAMED = 0.8
_PRONOUNS = Phrases("he she they we i it his her their our".split())  # looked up case folded
# Most agenda items kept (best first); the clause sections' caps come with the trained weights.
CAPS = {"agenda": 10}
_MIN_QUOTE_WORDS = 3


# A clause opening on one of these lower-case words cannot stand alone in a memo
# ("where fentanyl is produced.", "and the first ... to do so.", "according to Chinese
# figures.", "because of the sales tax.", "though X cautioned that ..."): it is shown
# together with the clause before it in the same sentence (see attach_dangling).
# (a word list looked up at the clause's start: ``(?:WORDS)\b`` matched there, without a pattern)
_DANGLING = Phrases(("and", "but", "or", "nor", "yet", "where", "when", "which", "who", "whom", "whose", "according to",
                     "saying", "adding", "noting", "as well as", "as", "because", "though", "although", "even though",
                     "while", "whereas"))


# "with trade worth EUR250bn last year": a "with" phrase without a verb of its own states nothing
# alone; "with a senior official telling reporters that ..." does, as a participle clause.
_WITH = re.compile(r"with\b")
_VERB_FORM = re.compile(r"\b[a-z]{2,}(?:ing|ed)\b")


def dangles(norm: str, a: int, b: int) -> bool:
    """The clause norm[a:b] cannot stand alone in a memo: it hangs on the clause before it."""
    if _DANGLING.end_at(norm, a) >= 0:
        return True
    return _WITH.match(norm, a) is not None and _VERB_FORM.search(norm, a, b) is None


def _anchors(state: State) -> dict[int, int]:
    """Candidate start -> start of the first clause of the run of dangling clauses it ends."""
    out: dict[int, int] = {}
    prev = None
    for c in state.candidates:
        start = c.start
        if prev is not None and prev.sentence == c.sentence and dangles(state.norm, c.start, c.end):
            start = out[prev.start]
        out[c.start] = start
        prev = c
    return out


def attach_dangling(picked: list[tuple[float, Span]], anchors: dict[int, int]) -> list[tuple[float, Span]]:
    """Show a dangling item with the clause it hangs on. With no item holding that clause, the
    item reaches back over it. When an item does hold it, the two become one item with the
    better score of the two: a fragment apart would read torn ("though X cautioned that no
    breakthrough was expected"), and the memo could only hide it."""
    scores = [sc for sc, _ in picked]
    spans = [sp for _, sp in picked]
    gone: set[int] = set()
    for i, sp in enumerate(spans):
        a = anchors.get(sp.start, sp.start)
        if a >= sp.start:
            continue
        held = [j for j, o in enumerate(spans) if j != i and j not in gone and Span(a, sp.start).overlaps(o)]
        if not held:
            spans[i] = Span(a, sp.end)
            continue
        j = held[-1]
        spans[j] = Span(spans[j].start, max(spans[j].end, sp.end))
        scores[j] = max(scores[i], scores[j])
        gone.add(i)
    return [(sc, sp) for k, (sc, sp) in enumerate(zip(scores, spans)) if k not in gone]


def _asks(norm: str, a: int, b: int) -> bool:
    """The clause is a question ("What happened next?", "So what is involved?"): a subhead or
    the writer's rhetoric, which states nothing a memo could file as purpose or fact."""
    return norm[a:b].rstrip(" \"'").endswith("?")


def _pick(state: State, section: str, model: ranker.Model) -> list[tuple[float, Span]]:
    """The section's (probability, span) pairs passing its threshold, best first up to its cap,
    then in text order. The article's best clause needs only the section's floor."""
    chosen: list[tuple[float, int, int]] = []
    floor = model.floor(section)
    for c, probs in zip(state.candidates, state.probs):
        sc = dict(probs)[section]
        if sc >= floor and not _asks(state.norm, c.start, c.end):
            chosen.append((sc, c.start, c.end))
    chosen.sort(key=lambda x: (-x[0], x[1]))
    bar = model.thresholds[section]
    chosen = chosen[:1] + [x for x in chosen[1:] if x[0] >= bar]
    out: list[tuple[float, Span]] = []
    for sc, s, e in chosen:
        span = Span(s, e)
        if any(span.overlaps(o) for _, o in out):
            continue
        out.append((sc, span))
        if len(out) >= model.caps[section]:
            break
    out.sort(key=lambda x: x[1].start)
    return attach_dangling(out, _anchors(state))


def _same_clause(a: Span, b: Span) -> bool:
    """Most of the shorter span lies inside the longer."""
    inside = min(a.end, b.end) - max(a.start, b.start)
    return inside > SAME * min(a.end - a.start, b.end - b.start)


def dedupe_sections(picks: dict[str, list[tuple[float, Span]]]) -> dict[str, list[tuple[float, Span]]]:
    """A clause is shown once where one section clearly claims it: of two overlapping spans in
    different sections, the one scoring under ``DOMINATED`` times the other's score is dropped.
    (Clauses that fit two sections about equally stay in both: analysts file them twice too.)"""
    flat = sorted(((sc, sec, sp) for sec, items in picks.items() for sc, sp in items), key=lambda x: x[2].start)
    drop = set()
    for i, (w, sec, sp) in enumerate(flat):
        for ow, osec, osp in flat[i + 1:]:
            if osp.start >= sp.end:
                break
            if osec != sec and _same_clause(sp, osp):
                if w < DOMINATED * ow:
                    drop.add((sec, sp))
                elif ow < DOMINATED * w:
                    drop.add((osec, osp))
    return {sec: [(sc, sp) for sc, sp in items if (sec, sp) not in drop] for sec, items in picks.items()}


def _items(state: State, picked: list[tuple[float, Span]], shown: tuple[Span, ...] = ()) -> tuple[Item, ...]:
    """Items with memo scores in [0, 1]; a clause whose matter the memo already shows elsewhere
    (it holds an agenda topic: ``shown``) ranks lower, so the page cuts it first."""
    out = []
    position = {c.start: c.position for c in state.candidates}
    for sc, sp in picked:
        score = min(sc, 1.0) * (1 - POSITION + POSITION * position.get(sp.start, 1.0))
        if any(sp.start <= o.start and o.end <= sp.end for o in shown):
            score *= SHOWN_ELSEWHERE
        if _PRONOUNS.end_at(fold(state.norm[sp.start:min(sp.end, sp.start + 6)]), 0) >= 0:  # 6: past "their"
            score *= UNNAMED
        out.append(Item(text=state.text[sp.start:sp.end], evidence=(sp,), score=round(score, 3)))
    return tuple(out)


def _quotes(state: State) -> tuple[Quote, ...]:
    roles = {p.key: p.role for p in state.people}
    parts = {p.name for p in state.participants}
    out = []
    for q in state.quotes:
        words = state.norm[q.start:q.end].split()
        if len(words) < _MIN_QUOTE_WORDS:
            continue
        score = 0.35 + min(len(words), 25) / 100
        if q.speaker:
            score += 0.15
        if not words[0][:1].isupper():
            score -= 0.1  # a fragment woven into reported speech reads worse alone than a full quote
        if q.person is not None and q.person == state.principal_key:
            score += 0.2
        elif q.speaker in parts:
            score += 0.1
        out.append(Quote(text=state.text[q.start:q.end], speaker=q.speaker,
                         evidence=(Span(q.start, q.end),),
                         speaker_role=roles.get(q.person) if q.person is not None else None,
                         score=round(min(max(score, 0.0), 1.0), 3)))
    return tuple(out)


def score_clauses(state: State) -> State:
    """Sets features and probs: every candidate's features and its probability per section."""
    model = state.model if state.model is not None else ranker.default()
    table = feats.clause_features(state)
    probs = tuple(tuple((sec, round(model.prob(sec, f), 4) if feats.states(sec, f) else 0.0)
                        for sec in feats.SECTIONS) for f in table)
    return state.replace(model=model, features=tuple(table), probs=probs)


def run(state: State) -> State:
    """Sets features, probs, purpose, expectations, context, quote_items; caps agenda."""
    state = score_clauses(state)
    model = state.model
    agenda = tuple(sorted(state.agenda, key=lambda i: -i.score)[:CAPS["agenda"]])
    agenda = tuple(sorted(agenda, key=lambda i: i.evidence[0].start))
    picks = {sec: _pick(state, sec, model) for sec in feats.SECTIONS}
    picks = dedupe_sections(picks)
    topics = tuple(sp for it in agenda for sp in it.evidence)
    purpose = _items(state, picks["purpose"])
    expectations = _items(state, picks["expectations"], topics)
    context = _items(state, picks["context"], topics)
    return state.replace(purpose=purpose, expectations=expectations,
                         context=context, quote_items=_quotes(state), agenda=agenda)
