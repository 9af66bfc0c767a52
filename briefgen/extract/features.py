"""Clause features for the section ranker: what an analyst looks at when filing a clause.

Reads a State after ``classify`` and ``agenda`` (``candidates``, ``cue_hits``, ``quotes``,
``mentions``, ``principal_key``, ``event``, ``agenda``); returns, for each candidate, a
sparse dict ``name -> value``. Every feature means the same in any news prose:

* ``cue:<section>:<k>``: the k-th entry of that section's cue lexicon (cues.py) fires in the
  clause; ``lex:<section>`` the capped sum of the lexicon's weights in the clause and
  ``sent_lex:<section>`` in its sentence; ``hand:<section>`` the rule score of classify.py
  (the same cues adjusted for quotations, other times and the event);
  ``art:best:<section>`` the best ``lex`` of any clause of the article (the same for all of
  them: an article where no clause states a goal has no purpose, however its clauses rank among
  themselves), ``lex:<section>&event`` and ``lex:<section>&principal`` the lexicon score of a
  clause whose sentence names the event or its principal (a goal of *this* visit);
* where the clause sits: ``pos:lead`` (first body sentence), ``pos:rel`` (0 at the top, 1 at
  the end), ``pos:para_first`` (first sentence of its paragraph), ``pos:para_second``,
  ``pos:first_clause``;
* who speaks: ``quote:inside`` (mostly a quotation), ``quote:part``, ``speech:verb`` (a
  reporting verb), ``speech:according``; ``voice:reporter`` (no quotation and no reporting verb
  in the whole sentence: the outlet's own statement) or ``voice:sentence_said`` (the reporting
  verb is in another clause of the sentence: "..., officials said");
* who and what it names: ``ent:principal`` (the event's principal in the clause or its
  sentence), ``ent:participant`` (another participant in the clause) and
  ``ent:participant_sentence``, ``ent:person``, ``ent:place``, ``ent:event`` (visit, talks,
  summit ...), ``ent:agenda`` (holds an agenda topic), ``ent:number``;
* time and modality: ``tense:will``, ``tense:modal``, ``tense:perfect``, ``tense:past``,
  ``tense:to_inf``, ``time:year``, ``time:other`` (dated to another time), ``time:weekday``,
  ``time:relative`` ("last year", "ago") and the event status crossed with the clause's
  tense (``status:upcoming&will`` ...);
* shape: ``len:<bucket>``, ``open:<connective>`` (the clause opens on "after", "amid",
  "which" ...), ``neg`` (a negation).

The names are the contract with the weights file (ranker.py); explain.py prints them.
"""
from __future__ import annotations

import re

from bisect import bisect_left

from briefgen.extract import cues
from briefgen.extract.state import State

SECTIONS = ("purpose", "expectations", "context")

_WILL = (r"\b(?:will|won't|shall|to be held|is due to|are due to|is set to|are set to|"
         r"is scheduled|are scheduled|plans? to|is to|are to)\b")
_MODAL = (r"\b(?:would|could|may|might|should|can|likely|unlikely|possibly|perhaps)\b")
_PERFECT = (r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en|made|held|met|led|said|told)\b")
_PAST = (r"\b(?:was|were|did|met|held|said|told|made|took|came|went|gave|won|struck|sought)\b|"
         r"\b[a-z]{3,}ed\b")
_TO_INF = (r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|be\b)[a-z]{3,}\b")
_YEAR = (r"\b(?:19|20)\d\d\b")
_OTHER_TIME = (r"\b(?:in|since|during|until)\s+(?:(?:early|late|mid)[- ])?(?:19|20)\d\d\b|"
               r"\blast (?:year|decade|month)\b|\byears? ago\b|\bdecades? ago\b|\bthen-|"
               r"\bmonths? ago\b|\bprevious(?:ly)?\b|\bearlier this\b")
_RELATIVE = (r"\b(?:last|previous|past|next|coming)\s+(?:year|month|week|decade|summit|"
             r"meeting|visit|talks)\b|\bago\b|\bsince\b")
_WEEKDAY = (r"(?-i:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|"
            r"yesterday|tonight)\b)")
_EVENT = (r"\b(?:visit\w*|trip|tour|talks|summit|meeting|meet|met|negotiat\w+|"
          r"conference|mission|session|discuss\w*)\b")
_SPEECH = (r"\b(?:said|says|say|told|tells|added|stressed|noted|warned|insisted|argued|"
           r"explained|announced|declared|stated|wrote|urged|acknowledged|admitted|"
           r"reiterated|underlined|emphasi[sz]ed|believes|believed|asked)\b")
_ACCORDING = (r"\baccording to\b|\bquoted\b|\bstatement\b|\bspokes\w+")
_NUMBER = (r"\b\d|\bper ?cent\b|\bbillion\b|\bmillion\b")
_NEG = (r"\b(?:not|no|never|n't|nothing|none|without)\b")
_OPEN = re.compile(r"(?:after|amid|since|as|but|while|which|who|when|where|because|despite|although|"
                   r"though|with|and|according|saying|adding|to|in|on|the|a|an|he|she|they|it|we|i)\b")
# A goal hung on the event or on the trip itself: "arrived in Moscow to meet with", "headed to
# Washington for talks on", "the visit is meant to", "a summit aimed at", "will push for". Each
# says why the event happens whoever writes it (a reporter or an official's statement).
_GOAL_TRAVEL = (
    r"\b(?:arriv(?:e|es|ed|ing)|land(?:s|ed|ing)?|head(?:s|ed|ing)?|travel\w*|fl(?:y|ies|ew|ying)|"
    r"visit(?:s|ed|ing)?|went|go(?:es|ing)?|com(?:e|es|ing)|return(?:s|ed|ing)?|meet(?:s|ing)?|met|"
    r"gather(?:s|ed|ing)?|convene[sd]?|convening|hold(?:s|ing)?|held|host(?:s|ed|ing)?|sit down)\b"
    r"(?:\s+(?:[\w,'-]+|(?:[A-Z]\.)+)){0,8}?\s+(?:to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|be\b|\d)(?-i:[a-z]{3,})|"
    r"for\s+(?:\w+\s+)?(?:talks|meetings?|discussions|consultations|negotiations|a (?:meeting|summit|visit)))\b")
_GOAL_EVENT = (
    r"\b(?:visit|trip|tour|talks|meeting|summit|mission|conference|session|dialogue|negotiations)\s+"
    r"(?:(?:is|are|was|were|will be|would be)\s+)?(?:\w+\s+)?(?:meant|intended|designed|aimed|expected|set|"
    r"supposed|scheduled|likely)\s+(?:to|at)\b|"
    r"\b(?:visit|trip|tour|talks|meeting|summit|mission|conference)\s+(?:will|would|is to|are to)\s+"
    r"(?:focus|cent(?:er|re)|cover|address|celebrate|discuss|seek|aim|explore|tackle|review|concentrate)\b")
_GOAL_PUSH = (r"\b(?:will|to|would|plans? to|hopes? to|wants? to)\s+(?:push|press|lobby|call|seek|"
              r"argue|make (?:the|a) case|advocate)\s+(?:\w+\s+){0,3}?(?:for|to)\b|"
              r"\b(?:talk|talks|discuss\w*|negotiat\w+)\s+(?:\w+\s+){0,3}?(?:about|on)\s+"
              r"(?:how to|ways to|\w+ing)\b")
# What an event yields once over ("agreed", "signed") and what is foreseen before ("expect",
# "hope", "likely"): crossed with the event's status, since the first is an outcome of a
# concluded event and the second an expectation of an upcoming one.
_OUTCOME = (r"\b(?:agreed|signed|announced|reached|struck|clinched|sealed|adopted|pledged|committed|"
            r"unveiled|launched|concluded|endorsed|approved|resolved|settled)\b")
_FORESEEN = (r"\b(?:expect\w*|hop(?:e|es|ed|ing)|hopeful|likely|unlikely|breakthrough|deliverables?|"
             r"optimis\w+|pessimis\w+|prospects?|chances?)\b")
# Who or what the clause is about: the principal or the event named in its first words (the
# subject of "X is meant to", "the talks will focus on").
_SUBJECT_REACH = 48
_LEN = ((6, "len:short"), (13, "len:mid"), (26, "len:long"))


def _share(spans: list[tuple[int, int]], a: int, b: int) -> float:
    inside = sum(max(0, min(b, e) - max(a, s)) for s, e in spans)
    return inside / max(b - a, 1)


def _any_in(starts: list[int], a: int, b: int) -> bool:
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


# Marks looked for once over the whole text (as cues are: cues.Cue, about three times faster
# than finditer); a clause has one when a match starts inside it. The patterns above are plain
# strings: a Cue compiles its own, and only where the text has a candidate for it.
_MARKS = tuple((name, cues.Cue(pattern)) for name, pattern in (("speech:verb", _SPEECH), ("speech:according", _ACCORDING), ("ent:number", _NUMBER),
          ("tense:will", _WILL), ("tense:modal", _MODAL), ("tense:perfect", _PERFECT), ("tense:past", _PAST),
          ("tense:to_inf", _TO_INF), ("time:year", _YEAR), ("time:other", _OTHER_TIME),
          ("time:relative", _RELATIVE), ("time:weekday", _WEEKDAY), ("neg", _NEG),
          ("goal:travel", _GOAL_TRAVEL), ("goal:event", _GOAL_EVENT), ("goal:push", _GOAL_PUSH),
          ("act:outcome", _OUTCOME), ("act:foreseen", _FORESEEN)))
_EVENTS = cues.Cue(_EVENT)
_TENSES = ("will", "modal", "perfect", "past", "to_inf")

# A purpose is a goal the article states, by the reporter or an official ("meant to", "in a bid
# to", "for talks on", "arrived ... to meet"): a clause that states none is never filed as one,
# however much else it shares with stated goals (the lead, a topic, an infinitive). Without
# this, an article that gives no reason for a visit had its likeliest clause dressed up as one.
STATED = {"purpose": ("lex:purpose", "goal:travel", "goal:event", "goal:push")}


def states(section: str, f: dict[str, float]) -> bool:
    """The clause with features ``f`` may be filed under ``section`` at all."""
    need = STATED.get(section)
    return need is None or any(f.get(k) for k in need)


def clause_features(state: State) -> list[dict[str, float]]:
    """One sparse feature dict per candidate, in ``state.candidates`` order."""
    norm = state.norm
    low = cues.lower(norm)
    body = [s for s in state.sentences if not s.caption]
    n = max(len(body) - 1, 1)
    body_rank = {s.index: k for k, s in enumerate(body)}
    para_first: dict[int, int] = {}
    for s in body:
        para_first.setdefault(s.para, s.index)
    hits = dict(state.cue_hits)
    quoted = [(q.start, q.end) for q in state.quotes]
    principal = sorted(m.start for m in state.mentions if m.person == state.principal_key)
    persons = sorted(m.start for m in state.mentions if m.kind in ("name", "short", "title"))
    topics = sorted(sp.start for it in state.agenda for sp in it.evidence)
    marks = [(name, cue.starts(norm, low)) for name, cue in _MARKS]
    events = _EVENTS.starts(norm, low)
    names = {pt.name for pt in state.participants}
    party = {p.key for p in state.people if p.name in names} - {state.principal_key}
    others = sorted(m.start for m in state.mentions if m.person in party)
    speech_starts = marks[0][1]
    para_rank: dict[int, int] = {}
    for s in body:
        para_rank[s.index] = s.index - para_first[s.para]
    # a tour's location lists its stops ("Cape Verde, Ivory Coast, Nigeria and Angola"): any one counts
    places = [p for p in re.split(r",\s+|\s+and\s+", (state.event.location or "").lower()) if p]
    status = state.event.status or "unknown"
    sent_of = {s.index: s for s in state.sentences}
    out: list[dict[str, float]] = []
    # Each section's lexicon score, once per clause and once per sentence (a sentence holds
    # several clauses; ``sent_lex`` fills as the loop below meets them).
    lex = {sec: [h.score(c.start, c.end) for c in state.candidates] for sec, h in hits.items() if sec in SECTIONS}
    sent_lex: dict[str, dict[int, float]] = {sec: {} for sec in lex}
    # The article's best lexicon score per section: an article with no clause that states a
    # goal at all has no purpose, however its best clause ranks among its own.
    best = {sec: max(scores, default=0.0) for sec, scores in lex.items()}
    # The clause's place among the article's clauses by each section's rule score: the best
    # statement of an article's purpose is the article's best, however its outlet words it.
    top: dict[str, dict[int, int]] = {}
    for sec in SECTIONS:
        scored = sorted(((-c.score(sec), c.start) for c in state.candidates if c.score(sec) > 0))
        top[sec] = {start: k for k, (_, start) in enumerate(scored)}
    prev_sentence = None
    for n_c, c in enumerate(state.candidates):
        a, b = c.start, c.end
        sent = sent_of[c.sentence]
        f: dict[str, float] = {"bias": 1.0}
        for sec in SECTIONS:
            h = hits.get(sec)
            if h is None:
                continue
            lo, hi = bisect_left(h.offsets, a), bisect_left(h.offsets, b)
            for k in set(h.cues[lo:hi]):
                f[f"cue:{sec}:{k}"] = 1.0
            f[f"lex:{sec}"] = round(lex[sec][n_c], 4)
            by_sentence = sent_lex[sec]
            if sent.index not in by_sentence:
                by_sentence[sent.index] = round(h.score(sent.start, sent.end), 4)
            f[f"sent_lex:{sec}"] = by_sentence[sent.index]
            f[f"hand:{sec}"] = c.score(sec)
            f[f"art:best:{sec}"] = round(best[sec], 4)
            k = top[sec].get(a)
            if k is not None:
                f[f"top:{sec}:{1 if k == 0 else 3 if k < 3 else 6 if k < 6 else 99}"] = 1.0
        rank = body_rank.get(c.sentence, 0)
        f["pos:rel"] = round(rank / n, 4)
        if rank == 0:
            f["pos:lead"] = 1.0
        elif rank <= 2:
            f["pos:top3"] = 1.0
        if para_first.get(sent.para) == c.sentence:
            f["pos:para_first"] = 1.0
        elif para_rank.get(c.sentence) == 1:
            f["pos:para_second"] = 1.0
        if prev_sentence != c.sentence:
            f["pos:first_clause"] = 1.0
        prev_sentence = c.sentence
        share = _share(quoted, a, b)
        if share >= 0.5:
            f["quote:inside"] = 1.0
        elif share > 0:
            f["quote:part"] = 1.0
        if _any_in(principal, a, b):
            f["ent:principal"] = 1.0
        elif _any_in(principal, sent.start, sent.end):
            f["ent:principal_sentence"] = 1.0
        if _any_in(persons, a, b):
            f["ent:person"] = 1.0
        if _any_in(others, a, b):
            f["ent:participant"] = 1.0
        elif _any_in(others, sent.start, sent.end):
            f["ent:participant_sentence"] = 1.0
        if any(p in low[a:b] for p in places):
            f["ent:place"] = 1.0
        if _any_in(events, a, b):
            f["ent:event"] = 1.0
        elif _any_in(events, sent.start, sent.end):
            f["ent:event_sentence"] = 1.0
        if _any_in(topics, a, b):
            f["ent:agenda"] = 1.0
        for name, starts in marks:
            if _any_in(starts, a, b):
                f[name] = 1.0
        if "speech:verb" not in f and share == 0:
            f["voice:reporter" if not _any_in(speech_starts, sent.start, sent.end) else "voice:sentence_said"] = 1.0
        for sec in SECTIONS:
            lx = f.get(f"lex:{sec}")
            if lx:
                if "ent:event" in f or "ent:event_sentence" in f:
                    f[f"lex:{sec}&event"] = lx
                if "ent:principal" in f or "ent:principal_sentence" in f:
                    f[f"lex:{sec}&principal"] = lx
        head = min(b, a + _SUBJECT_REACH)
        if _any_in(principal, a, head):
            f["subj:principal"] = 1.0
        if _any_in(events, a, head):
            f["subj:event"] = 1.0
        for act in ("outcome", "foreseen"):
            if f"act:{act}" in f:
                f[f"status:{status}&{act}"] = 1.0
        tense = [t for t in _TENSES if f"tense:{t}" in f]
        for t in tense or ["none"]:
            f[f"status:{status}&{t}"] = 1.0
        words = low.count(" ", a, b) + 1
        f[next((name for top, name in _LEN if words < top), "len:very_long")] = 1.0
        m = _OPEN.match(low, a, b)
        if m:
            f[f"open:{m.group()}"] = 1.0
        out.append(f)
    return out
