"""Fit a Memo onto exactly one page, measured with the flowables the PDF draws.

Order of measures when the page is full (from the style's ``[fit]`` table):
drop entries rule by rule (``drop_order``, lowest score first within a rule),
then tighten spacing, then shrink the font step by step to the floor; as a last
resort (a freak article), drop what ``drop_order`` did not name, still lowest
score first. Sentences are never cut here (compose trims long bullets at clause
boundaries before). A sparse memo grows instead: font up to ``max_body_size``,
then looser spacing, so the page never looks half empty. Heights come from
layout/measure.py (the same paragraphs the PDF draws): each entry is wrapped once per
type size, and every candidate (what to drop, which spacing) is arithmetic on
those heights, so a fit costs about one layout per size tried, not one per step.
Before fitting, the label column is sized for the memo's labels (layout/labels.py);
after, the page plan (layout/plan.py) records where everything goes, for the renderers.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Iterable

from briefgen.compose.styles import Style
from briefgen.layout.labels import fit_label_column
from briefgen.layout.measure import Addr, Measurer
from briefgen.layout.plan import page_plan
from briefgen.model.blocks import Entry, Memo, Para, Section
from briefgen.model.fitted import FitReport, FittedMemo


def prune(memo: Memo, dropped: frozenset[Addr], omit: frozenset[str] = frozenset()) -> Memo:
    """The memo without the dropped entries and the ``omit`` sections; sections left
    empty disappear."""
    if not dropped and not omit:
        return memo

    def keep(e: Entry) -> Entry | None:
        if (e.section, e.index, -1) in dropped:
            return None
        kids = tuple(c for c in e.children if (e.section, e.index, c.index) not in dropped)
        return e if len(kids) == len(e.children) else replace(e, children=kids)

    blocks = []
    for b in memo.blocks:
        if isinstance(b, Section) and b.key in omit:
            continue
        if isinstance(b, Section):
            body = []
            for part in b.body:
                if isinstance(part, Para):
                    e = keep(part.entry)
                    if e is not None:
                        body.append(Para(e))
                else:
                    es = tuple(x for x in (keep(e) for e in part.entries) if x is not None)
                    if es:
                        body.append(type(part)(es))
            if body:
                blocks.append(replace(b, body=tuple(body)))
        else:
            blocks.append(b)
    return replace(memo, blocks=tuple(blocks))


def _top_entries(memo: Memo) -> list[Entry]:
    out = []
    for b in memo.blocks:
        if isinstance(b, Section):
            for part in b.body:
                out.extend([part.entry] if isinstance(part, Para) else part.entries)
    return out


def _drop_key(e: Entry) -> tuple[float, int]:
    return (e.score, -e.index)  # lowest score first; among equals, the later one


def _rule_steps(rule: str, memo: Memo, dropped: frozenset[Addr], style: Style,
                strict: bool = True) -> list[Addr]:
    """Entries a drop rule may remove, in the order to remove them."""
    tops = [e for e in _top_entries(memo) if (e.section, e.index, -1) not in dropped]
    if rule.endswith(".children"):
        key = rule[: -len(".children")]
        kids = [(c, e) for e in tops if e.section == key for c in e.children
                if (e.section, e.index, c.index) not in dropped]
        kids.sort(key=lambda ce: (ce[0].score, -ce[1].index, -ce[0].index))
        return [(e.section, e.index, c.index) for c, e in kids]
    key, keep_s = rule.split(">")
    keep = int(keep_s)
    if strict and key in style.never_drop:
        return []
    mine = [e for e in tops if e.section == key and (e.droppable or not strict)]
    n_all = len([e for e in tops if e.section == key])
    mine.sort(key=_drop_key)
    return [(e.section, e.index, -1) for e in mine[: max(0, n_all - keep)]]


def _last_resort_rules(memo: Memo, style: Style) -> list[str]:
    """After drop_order, shrink every other section to 1 then 0 entries (later sections first),
    then the never-dropped ones to 3 then 1: the page must hold, whatever the article."""
    keys = list(dict.fromkeys(b.key for b in memo.blocks if isinstance(b, Section)))
    droppable = [k for k in reversed(keys) if k not in style.never_drop]
    protected = [k for k in reversed(keys) if k in style.never_drop]
    return ([f"{k}.children" for k in droppable] + [f"{k}>1" for k in droppable] +
            [f"{k}>0" for k in droppable] + [f"{k}>3" for k in protected] +
            [f"{k}>1" for k in protected])


def _frange(start: float, stop: float, step: float) -> list[float]:
    out, v = [], start
    if step > 0:
        while v <= stop + 1e-9:
            out.append(round(v, 3))
            v += step
    else:
        while v >= stop - 1e-9:
            out.append(round(v, 3))
            v += step
    return out


def fit(memo: Memo, style: Style) -> FittedMemo:
    """Fit ``memo`` onto one page of ``style``; see the module docstring for the order."""
    from briefgen.layout.fonts import fonts_for, missing_chars

    warnings: list[str] = []
    fonts = fonts_for(style)
    missing = missing_chars("".join(_all_text(memo)), fonts)
    if missing:
        shown = "".join(missing[:12])
        warnings.append(f"{len(missing)} character(s) not in any font, drawn as \u25a1 in the PDF: {shown!r}")

    style = fit_label_column(memo, style)
    m = Measurer(memo, style)
    st, dropped, order, omit, more = _search(memo, style, m)
    fitted = prune(memo, dropped, omit)
    used, avail = m.overflow(dropped, omit, st)
    warnings.extend(more)
    report = FitReport(
        dropped=tuple(_describe(memo, a) for a in order),
        font_size=st.body_size, leading=round(st.line_height, 3), spacing_scale=st.spacing_scale,
        over_one_page=bool(order), fill=round(used / avail, 3) if avail else 0.0,
        warnings=tuple(warnings))
    return FittedMemo(memo=fitted, style=st, report=report, plan=page_plan(fitted, st))


def _search(memo: Memo, style: Style, m) -> tuple[Style, frozenset[Addr], list[Addr], frozenset[str], list[str]]:
    """The fitting decisions: (final style, dropped entries in order, omitted sections, warnings)."""
    warnings: list[str] = []
    dropped: frozenset[Addr] = frozenset()
    order: list[Addr] = []
    present = {b.key for b in memo.blocks if isinstance(b, Section)}
    omit = frozenset(k for k in style.optional_sections if k in present)

    def fits(drop: frozenset[Addr], st: Style) -> bool:
        if m.over(drop, omit, st):
            return False
        used, avail = m.overflow(drop, omit, st)
        return used <= avail * st.fill

    def ok(st: Style) -> bool:
        return fits(dropped, st)

    def drop_by(rules: Iterable[str], st: Style, strict: bool) -> bool:
        """Per rule, drop its entries one by one, in its order, until the memo fits."""
        nonlocal dropped
        for rule in rules:
            if not ok(st):
                steps = _rule_steps(rule, memo, dropped, st, strict)
                k = _fewest(len(steps), lambda k: fits(dropped | frozenset(steps[:k]), st))
                dropped = dropped | frozenset(steps[:k])
                order.extend(steps[:k])
            if ok(st):
                return True
        return ok(st)

    st = style
    if not ok(st):
        if not drop_by(style.drop_order, st, True):
            for scale in _frange(1.0 - 0.1, style.min_spacing_scale, -0.1):
                st = replace(st, spacing_scale=scale)
                if ok(st):
                    break
            else:
                for size in _frange(style.body_size - style.size_step, style.min_body_size, -style.size_step):
                    st = replace(st, body_size=size)
                    if ok(st):
                        break
                else:
                    if not drop_by(_last_resort_rules(memo, style), st, False):
                        warnings.append("the memo still overflows one page at the smallest size")
    else:
        # room to spare: optional sections (the article text of a short article) come in
        # whole or not at all, then the type and spacing grow into what is left
        for key in sorted(omit):
            omit = omit - {key}
            if not ok(st):
                omit = omit | {key}
        st = _grow(st, ok)
    return st, dropped, order, omit, warnings


def _fewest(n: int, fits: Callable[[int], bool]) -> int:
    """The smallest k in 1..n with ``fits(k)``, else n; ``fits`` is monotone (dropping more
    never makes a memo taller), so a galloping search finds what dropping one entry at a
    time would, with a handful of measurements instead of one per entry."""
    if n == 0:
        return 0
    lo, hi = 0, 1  # fits(lo) is false (or lo == 0, not asked)
    while hi < n and not fits(hi):
        lo, hi = hi, min(2 * hi, n)
    if hi >= n and not fits(n):
        return n
    while hi - lo > 1:  # fits(hi), not fits(lo)
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if fits(mid) else (mid, hi)
    return hi


def _grow(st: Style, ok: Callable[[Style], bool]) -> Style:
    """A memo with room to spare: larger type first, then looser spacing, up to the style's limits,
    keeping some air (fill x 0.94) so the page does not look crammed."""
    def roomy(s: Style) -> bool:
        return ok(replace(s, fill=s.fill * 0.94))

    for size in _frange(st.body_size + st.size_step, st.max_body_size, st.size_step):
        cand = replace(st, body_size=size)
        if not roomy(cand):
            break
        st = cand
    for scale in _frange(st.spacing_scale + 0.1, st.max_spacing_scale, 0.1):
        cand = replace(st, spacing_scale=scale)
        if not roomy(cand):
            break
        st = cand
    return st


def _all_text(memo: Memo) -> Iterable[str]:
    from briefgen.model.blocks import Banner, Footer, HeaderFields

    for b in memo.blocks:
        if isinstance(b, Banner):
            yield b.text
        elif isinstance(b, HeaderFields):
            yield b.title
            for f in b.fields:
                yield f.label + f.value
        elif isinstance(b, Section):
            yield b.label
        elif isinstance(b, Footer):
            for line in b.lines:
                yield from (r.text for r in line)
            yield b.page_label
    for e in memo.entries():
        yield from (r.text for r in e.runs + e.attribution)


def _describe(memo: Memo, a: Addr) -> dict[str, Any]:
    for e in _top_entries(memo):
        if (e.section, e.index) == a[:2]:
            if a[2] >= 0:
                c = next(c for c in e.children if c.index == a[2])
                return {"section": f"{a[0]}.children", "index": a[2], "parent": a[1], "text": _plain(c)}
            return {"section": a[0], "index": a[1], "text": _plain(e)}
    return {"section": a[0], "index": a[1], "text": ""}


def _plain(e: Entry) -> str:
    return "".join(r.text for r in e.runs if r.style != "mark").strip()
