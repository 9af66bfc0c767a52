"""Fit a Memo onto exactly one page, measured with the PDF renderer's own flowables.

Order of measures when the page is full (from the style's ``[fit]`` table):
drop entries rule by rule (``drop_order``, lowest score first within a rule),
then tighten spacing, then shrink the font step by step to the floor; as a last
resort (a freak article), drop what ``drop_order`` did not name, still lowest
score first. Sentences are never cut here (compose trims long bullets at clause
boundaries before). A sparse memo grows instead: font up to ``max_body_size``,
then looser spacing, so the page never looks half empty. Heights come from
``render.pdf`` (the same flowables it draws), one section at a time and cached,
so a fit measures each section only once per size.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping

from .blocks import Bullets, Entry, Memo, Para, Quotes, Section
from .styles import Style

ELLIPSIS = "\u2026"


# ------------------------------------------------------------------ line budgets (compose)

@dataclass(frozen=True)
class Budget:
    """``lines`` lines of body text in a column ``width`` (default: the section content) minus ``indent``."""

    style: Style
    lines: int
    indent: float = 0.0
    width: float | None = None

    @property
    def avail(self) -> float:
        return (self.width if self.width is not None else self.style.content_width) - self.indent


def bullet_indent(style: Style) -> float:
    return style.bullet_indent


def count_lines(text: str, width: float, style: Style, size: float | None = None) -> int:
    """Lines ``text`` takes when broken greedily at spaces, as reportlab's Paragraph does."""
    from .fonts import string_width

    size = size or style.body_size
    space = string_width(" ", style, size)
    lines, cur = 1, 0.0
    for word in text.split(" "):
        w = string_width(word, style, size)
        if cur and cur + space + w > width:
            lines += 1 + int(w // width)
            cur = w % width
        else:
            cur = cur + space + w if cur else w
    return lines


def fits(text: str, budget: Budget, tail: str = "") -> bool:
    return count_lines(text + tail, budget.avail, budget.style) <= budget.lines


# clause boundaries: after , ; : and before dashes, brackets and clause-opening words
_CLAUSE = re.compile(r"(?<=[,;:])\s|\s(?=[–—(]|-\s|(?:which|who|whom|where|when|while|but|as|after|"
                     r"amid|because|although|though|including|and|or|to|that|with|since|before|"
                     r"during|despite|following)\s)")


def trim(text: str, budget: Budget, tail: str = "") -> str:
    """``text`` if it fits the budget, else its longest clause (or, failing that, word)
    prefix that does, with an ellipsis. Never cuts inside a word."""
    if fits(text, budget, tail):
        return text
    cuts = sorted({m.start() for m in _CLAUSE.finditer(text)}, reverse=True)
    floor = len(text) * 0.25
    for pos in cuts:
        if pos < floor:
            break
        cand = text[:pos].rstrip(" ,;:–—-(") + ELLIPSIS
        if fits(cand, budget, tail):
            return cand
    words = text.split(" ")
    for n in range(len(words) - 1, 0, -1):
        cand = " ".join(words[:n]).rstrip(" ,;:–—-(") + ELLIPSIS
        if fits(cand, budget, tail):
            return cand
    return words[0] + ELLIPSIS


# ------------------------------------------------------------------ fitting

@dataclass(frozen=True)
class FitReport:
    """What fitting did: the dropped entries, the final sizes, warnings (missing glyphs ...)."""

    dropped: tuple[Mapping[str, Any], ...] = ()
    font_size: float = 0.0
    leading: float = 0.0  # line height in points
    spacing_scale: float = 1.0
    over_one_page: bool = False  # True when anything had to be dropped
    fill: float = 0.0  # share of the available height used
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"dropped": [dict(d) for d in self.dropped], "font_size": self.font_size,
                "leading": self.leading, "spacing_scale": self.spacing_scale,
                "over_one_page": self.over_one_page, "fill": self.fill,
                "warnings": list(self.warnings)}


@dataclass(frozen=True)
class FittedMemo:
    memo: Memo
    style: Style
    report: FitReport
    briefing: Mapping[str, Any] | None = None


# An entry is addressed by (section key, index, child index or -1)
Addr = tuple[str, int, int]


def _addr(e: Entry, parent: Entry | None) -> Addr:
    if parent is None:
        return (e.section, e.index, -1)
    return (parent.section, parent.index, e.index)


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


class _Measurer:
    """Heights of the memo at given sizes, section by section, cached."""

    def __init__(self, memo: Memo) -> None:
        from .render import pdf

        self.pdf = pdf
        self.memo = memo
        self.cache: dict[tuple, float] = {}

    def overflow(self, memo: Memo, style: Style) -> tuple[float, float]:
        """(content height, available height) for ``memo`` drawn with ``style``."""
        page = self.pdf.page_plan(memo, style)
        total = 0.0
        sizes = (style.body_size, style.leading, style.spacing_scale, style.page_size)
        for i, block in enumerate(page.flow):
            k = (block, i == page.first_section, sizes)
            h = self.cache.get(k)
            if h is None:
                h = self.cache[k] = self.pdf.block_height(block, style, first=i == page.first_section)
            total += h
        k = (page.bottom, sizes)
        avail = self.cache.get(k)
        if avail is None:
            avail = self.cache[k] = page.avail_height(style)
        return total, avail


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
    from .fonts import fonts_for, missing_chars

    warnings: list[str] = []
    fonts = fonts_for(style)
    missing = missing_chars("".join(_all_text(memo)), fonts)
    if missing:
        shown = "".join(missing[:12])
        warnings.append(f"{len(missing)} character(s) not in any font, drawn as \u25a1 in the PDF: {shown!r}")

    m = _Measurer(memo)
    dropped: frozenset[Addr] = frozenset()
    order: list[Addr] = []
    present = {b.key for b in memo.blocks if isinstance(b, Section)}
    omit = frozenset(k for k in style.optional_sections if k in present)

    def ok(st: Style) -> bool:
        used, avail = m.overflow(prune(memo, dropped, omit), st)
        return used <= avail * st.fill

    def drop_by(rules: Iterable[str], st: Style, strict: bool) -> bool:
        nonlocal dropped
        for rule in rules:
            while not ok(st):
                steps = _rule_steps(rule, prune(memo, dropped), dropped, st, strict)
                if not steps:
                    break
                dropped = dropped | {steps[0]}
                order.append(steps[0])
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

    fitted = prune(memo, dropped, omit)
    used, avail = m.overflow(fitted, st)
    report = FitReport(
        dropped=tuple(_describe(memo, a) for a in order),
        font_size=st.body_size, leading=round(st.line_height, 3), spacing_scale=st.spacing_scale,
        over_one_page=bool(order), fill=round(used / avail, 3) if avail else 0.0,
        warnings=tuple(warnings) + ((f"{len(order)} item(s) dropped to fit one page",) if order else ()))
    return FittedMemo(memo=fitted, style=st, report=report)


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
    from .blocks import Banner, Footer, HeaderFields

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
