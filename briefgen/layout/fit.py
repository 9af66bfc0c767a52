"""Fit a Memo onto exactly one page, measured with the PDF renderer's own flowables.

Order of measures when the page is full (from the style's ``[fit]`` table):
drop entries rule by rule (``drop_order``, lowest score first within a rule),
then tighten spacing, then shrink the font step by step to the floor; as a last
resort (a freak article), drop what ``drop_order`` did not name, still lowest
score first. Sentences are never cut here (compose trims long bullets at clause
boundaries before). A sparse memo grows instead: font up to ``max_body_size``,
then looser spacing, so the page never looks half empty. Heights come from
``render.pdf`` (the same paragraphs it draws): each entry is wrapped once per
type size, and every candidate (what to drop, which spacing) is arithmetic on
those heights, so a fit costs about one layout per size tried, not one per step.
"""
from __future__ import annotations

import re

import math
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Mapping

from briefgen.model.blocks import Entry, Memo, Para, Run, Section
from briefgen.model.fitted import FitReport, FittedMemo
from briefgen.compose.styles import Style

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


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> word -> width


def count_lines(text: str, width: float, style: Style, size: float | None = None) -> int:
    """Lines ``text`` takes when broken greedily at spaces, as reportlab's Paragraph does."""
    from briefgen.layout.fonts import fonts_for, string_width

    size = size or style.body_size
    fonts = fonts_for(style)
    if fonts.covered_chars.issuperset(text):  # the usual case: one font, measure directly
        from reportlab.pdfbase.pdfmetrics import getFont

        measure = getFont(fonts.regular).stringWidth
        cache = _WIDTHS.setdefault((fonts.regular, size), {})
        if len(cache) > 20_000:  # bounded: a long batch never grows it without limit
            cache.clear()

        def width_of(t: str) -> float:
            w = cache.get(t)
            if w is None:
                w = cache[t] = measure(t, size)
            return w
    else:
        def width_of(t: str) -> float:
            return string_width(t, style, size)
    space = width_of(" ")
    lines, cur = 1, 0.0
    for word in text.split(" "):
        w = width_of(word)
        if cur and cur + space + w > width:
            lines += 1 + int(w // width)
            cur = w % width
        else:
            cur = cur + space + w if cur else w
    return lines


MIN_WIDTH_SHARE = 0.8  # of a run's width in the regular face: what any face draws it in at least


def min_lines(runs, width: float, style: Style) -> int:
    """A lower bound on the lines reportlab wraps ``runs`` into at ``width``: the text's
    width in the regular face, discounted by MIN_WIDTH_SHARE (bold and italic faces, the
    spaces a line break swallows), over the column width; glyphs the family lacks count
    as nothing. At least one line for any visible text. Fitting uses it only to skip
    measuring layouts that surely overflow, so a loose bound costs time, never a decision."""
    from briefgen.layout.fonts import fonts_for  # first: it imports reportlab, configured
    from reportlab.pdfbase.pdfmetrics import getFont

    fonts = fonts_for(style)
    measure = getFont(fonts.regular).stringWidth
    total, visible = 0.0, False
    for r in runs:
        text = r.text if fonts.covered_chars.issuperset(r.text) else \
            "".join(ch for ch in r.text if ch in fonts.covered_chars)
        visible = visible or bool(r.text.strip())
        size = min(style.mark_size, style.body_size) if r.style == "mark" else style.body_size
        total += measure(text, size)
    if not visible:
        return 0
    return max(1, math.ceil(total * MIN_WIDTH_SHARE / width))


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
    """Heights of candidate layouts, added up from parts measured once per type size.

    Each entry's paragraph (and each child's) is wrapped once per body size, in the
    same column and paragraph style the PDF draws it with (``pdf.entry_heights``);
    a candidate (what is dropped, the spacing) is then plain arithmetic
    (``pdf.section_height`` mirrors the section Table). Within one ``fit`` only
    ``body_size``, ``spacing_scale`` and ``fill`` vary, so the body size keys the
    paragraph heights and (size, spacing) the fixed blocks.
    """

    def __init__(self, memo: Memo, style: Style) -> None:
        from briefgen.render import pdf

        self.pdf = pdf
        pdf.new_memo()
        plan = pdf.page_plan(memo, style)
        self.bottom = plan.bottom
        # the frame's flow: a Section as (key, label, [(addr, kind, entry)]), anything else as is
        self.flow: list = []
        for block in plan.flow:
            if isinstance(block, Section):
                entries = [((block.key, e.index, -1), pdf.entry_kind(part), e)
                           for part in block.body
                           for e in ((part.entry,) if isinstance(part, Para) else part.entries)]
                self.flow.append((block.key, block.label, entries))
            else:
                self.flow.append(block)
        self.entries: dict[tuple, tuple[float, tuple[tuple[int, float], ...]]] = {}
        self.labels: dict[tuple, float] = {}
        self.fixed: dict[tuple, float] = {}
        self.floors: dict[tuple, tuple[float, tuple[tuple[int, float], ...]]] = {}

    def _entry(self, addr: Addr, kind: str, e: Entry, st: Style) -> tuple[float, tuple[tuple[int, float], ...]]:
        k = (addr, st.body_size)
        got = self.entries.get(k)
        if got is None:
            h, kids = self.pdf.entry_heights(e, kind, st)
            got = self.entries[k] = (h, tuple((c.index, kh) for c, kh in zip(e.children, kids)))
        return got

    def _floor(self, addr: Addr, kind: str, e: Entry, st: Style) -> tuple[float, tuple[tuple[int, float], ...]]:
        """Like ``_entry``, but a cheap lower bound on the heights (see ``min_lines``), or
        the exact heights where already measured."""
        k = (addr, st.body_size)
        got = self.entries.get(k) or self.floors.get(k)
        if got is None:
            lead = st.line_height
            indent = {"bullet": st.bullet_indent, "para": 0.0, "quote": 0.0}[kind]
            runs = e.runs + ((Run(" "),) + e.attribution if kind == "quote" and e.attribution else ())
            h = lead * min_lines(runs, self.pdf.body_width(st) - indent, st)
            kids = tuple((c.index, lead * min_lines(c.runs, self.pdf.body_width(st) - 2 * st.bullet_indent, st))
                         for c in (e.children if kind == "bullet" else ()))
            got = self.floors[k] = (h, kids)
        return got

    def over(self, dropped: frozenset[Addr], omit: frozenset[str], st: Style) -> bool:
        """True when the memo surely overflows ``avail x fill``: checked on lower bounds of the
        entries not measured yet, so entries fitting will drop anyway are never wrapped."""
        used, avail = self.overflow(dropped, omit, st, measure=self._floor)
        return used > avail * st.fill

    def overflow(self, dropped: frozenset[Addr], omit: frozenset[str], st: Style,
                 measure=None) -> tuple[float, float]:
        """(content height, available height) with ``dropped`` entries and ``omit`` sections left out."""
        measure = measure or self._entry
        pdf, size = self.pdf, st.body_size
        sized = (size, st.spacing_scale)
        total, first = 0.0, True
        for i, block in enumerate(self.flow):
            if not isinstance(block, tuple):
                h = self.fixed.get((i, sized))
                if h is None:
                    h = self.fixed[(i, sized)] = pdf.block_height(block, st, first=False)
                total += h
                continue
            key, label, entries = block
            if key in omit:
                continue
            items = []
            for addr, kind, e in entries:
                if addr in dropped:
                    continue
                h, kids = measure(addr, kind, e, st)
                if dropped and kids:
                    kids = tuple(kh for ci, kh in kids if (key, addr[1], ci) not in dropped)
                else:
                    kids = tuple(kh for _, kh in kids)
                items.append((h, kids))
            if not items:
                continue
            lh = self.labels.get((key, size))
            if lh is None:
                lh = self.labels[(key, size)] = pdf.label_height(label, st)
            total += pdf.section_height(lh, items, st, first=first, offset=self._offset(st))
            first = False
        avail = self.fixed.get(("avail", sized))
        if avail is None:
            avail = self.fixed[("avail", sized)] = self._avail(st)
        return total, avail

    def _offset(self, st: Style) -> float:
        off = self.fixed.get(("offset", st.body_size))
        if off is None:
            off = self.fixed[("offset", st.body_size)] = self.pdf.label_offset(st)
        return off

    def _avail(self, st: Style) -> float:
        if not self.bottom:
            return st.frame_height
        return st.frame_height - (st.space("footer") + sum(
            self.pdf.block_height(b, st, first=False, bottom=True) for b in self.bottom))


def exact_overflow(memo: Memo, style: Style) -> tuple[float, float]:
    """(content height, available height) of ``memo`` laid out whole, as the PDF draws it:
    the slow reference the arithmetic of ``_Measurer`` must agree with (the tests check it
    on many memos; ``pdf.render`` refuses a second page in any case)."""
    from briefgen.render import pdf

    page = pdf.page_plan(memo, style)
    total = 0.0
    for i, block in enumerate(page.flow):
        total += pdf.block_height(block, style, first=i == page.first_section)
    return total, page.avail_height(style)


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

    m = _Measurer(memo, style)
    st, dropped, order, omit, more = _search(memo, style, m)
    fitted = prune(memo, dropped, omit)
    used, avail = m.overflow(dropped, omit, st)
    warnings.extend(more)
    report = FitReport(
        dropped=tuple(_describe(memo, a) for a in order),
        font_size=st.body_size, leading=round(st.line_height, 3), spacing_scale=st.spacing_scale,
        over_one_page=bool(order), fill=round(used / avail, 3) if avail else 0.0,
        warnings=tuple(warnings))
    return FittedMemo(memo=fitted, style=st, report=report)


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
