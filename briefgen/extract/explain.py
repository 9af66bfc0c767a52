"""Why each clause went where it went: ``briefgen extract FILE --explain``.

For every clause candidate, in text order: its offsets and words, the ranker's probability per
section against that section's threshold (``*`` marks a section that kept it), the cue-lexicon
entries that fired (the words they matched, their hand weight and feature name), and the
features that moved each section's score most, with their signed effect. Then the agenda
topics with their scores. Plain text, so a misfiled clause can be read and traced to a cue or
a feature without a debugger.
"""
from __future__ import annotations

from briefgen.extract import cues
from briefgen.extract.features import SECTIONS
from briefgen.extract.pipeline import run_stages
from briefgen.model.article import Article

_LEXICONS = {"purpose": cues.PURPOSE, "expectations": cues.EXPECT, "context": cues.CONTEXT}
TOP = 5  # features shown per section
WIDTH = 100  # characters of clause text shown


def _cue_label(name: str, norm: str, low: str, a: int, b: int) -> str:
    """"cue:purpose:3" -> 'purpose "in a bid to" (1, cue:purpose:3)': the words that fired, the
    entry's hand weight and the feature name (its pattern is entry k of the lexicon in cues.py)."""
    _, sec, k = name.split(":")
    cue, weight = _LEXICONS[sec][int(k)]
    starts = cue.starts(norm, low, a, b)
    words = "?"
    if starts:
        m = cue.rx.match(norm if cue.cased else low, starts[0], b)
        words = norm[starts[0]:m.end()] if m else norm[starts[0]:starts[0] + 20]
    return f'{sec} "{" ".join(words.split())}" ({weight:g}, {name})'


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def explain(article: Article, *, today=None, model=None) -> str:
    """The explanation as text (the pipeline is run once, as ``extract`` runs it)."""
    state = run_stages(article, today=today, model=model)
    m = state.model
    low = cues.lower(state.norm)
    kept = {sec: [sp for it in getattr(state, sec) for sp in it.evidence] for sec in SECTIONS}
    lines = [f"event: {state.event.kind}, status {state.event.status or '?'}, "
             f"principal {state.event.principal or '?'}, location {state.event.location or '?'}",
             "thresholds: " + ", ".join(f"{s} {m.thresholds[s]:.2f} (cap {m.caps[s]}, best {m.floor(s):.2f})" for s in SECTIONS),
             ""]
    for c, f, probs in zip(state.candidates, state.features, state.probs):
        lines.append(f"[{c.start}:{c.end}] s{c.sentence} {_short(state.text[c.start:c.end])}")
        cells = []
        for sec, p in probs:
            mark = "*" if any(sp.start < c.end and c.start < sp.end for sp in kept[sec]) else " "
            cells.append(f"{sec} {p:.2f}{mark}")
        lines.append("    " + "  ".join(cells))
        fired = sorted(k for k in f if k.startswith("cue:"))
        if fired:
            lines.append("    cues: " + "; ".join(_cue_label(k, state.norm, low, c.start, c.end) for k in fired))
        for sec, p in probs:
            top = m.contributions(sec, f)[:TOP]
            lines.append(f"    {sec:<12} " + ", ".join(f"{k} {v:+.2f}" for k, v in top))
    lines.append("")
    lines.append("agenda topics:")
    for it in state.agenda:
        sp = it.evidence[0]
        lines.append(f"  [{sp.start}:{sp.end}] {it.text!r} score {it.score:.2f}")
    return "\n".join(lines) + "\n"
