"""Heights of candidate layouts for the fitter, added up from parts measured once per type size.

Each entry's paragraph (and each child's) is wrapped once per body size, in the same
column and paragraph style the PDF draws it with (``flowables.entry_heights``); a
candidate (what is dropped, the spacing) is then plain arithmetic
(``flowables.section_height`` mirrors the section Table). ``exact_overflow`` is the slow
reference the arithmetic must agree with (the tests check it on many memos).
"""
from __future__ import annotations

from briefgen.compose.styles import Style
from briefgen.layout import flowables as fl
from briefgen.layout.lines import min_lines
from briefgen.layout.paragraphs import new_memo
from briefgen.layout.plan import split
from briefgen.model.blocks import Entry, Memo, Para, Run, Section

# An entry is addressed by (section key, index, child index or -1)
Addr = tuple[str, int, int]


class Measurer:
    """Within one ``fit`` only ``body_size``, ``spacing_scale`` and ``fill`` vary, so the
    body size keys the paragraph heights and (size, spacing) the fixed blocks."""

    def __init__(self, memo: Memo, style: Style) -> None:
        new_memo()
        plan = split(memo)
        self.bottom = plan.bottom
        # the frame's flow: a Section as (key, label, [(addr, kind, entry)]), anything else as is
        self.flow: list = []
        for block in plan.flow:
            if isinstance(block, Section):
                entries = [((block.key, e.index, -1), fl.entry_kind(part), e)
                           for part in block.body
                           for e in ((part.entry,) if isinstance(part, Para) else part.entries)]
                self.flow.append((block.key, block.label, entries))
            else:
                self.flow.append(block)
        self.entries: dict[tuple, tuple[float, tuple[tuple[int, float], ...]]] = {}
        self.labels: dict[tuple, float] = {}
        self.fixed: dict[tuple, float] = {}
        self.floors: dict[tuple, tuple[float, tuple[tuple[int, float], ...]]] = {}

    def entry(self, addr: Addr, kind: str, e: Entry, st: Style) -> tuple[float, tuple[tuple[int, float], ...]]:
        k = (addr, st.body_size)
        got = self.entries.get(k)
        if got is None:
            h, kids = fl.entry_heights(e, kind, st)
            got = self.entries[k] = (h, tuple((c.index, kh) for c, kh in zip(e.children, kids)))
        return got

    def floor(self, addr: Addr, kind: str, e: Entry, st: Style) -> tuple[float, tuple[tuple[int, float], ...]]:
        """Like ``entry``, but a cheap lower bound on the heights (see ``min_lines``), or
        the exact heights where already measured."""
        k = (addr, st.body_size)
        got = self.entries.get(k) or self.floors.get(k)
        if got is None:
            lead = st.line_height
            indent = {"bullet": st.bullet_indent, "para": 0.0, "quote": 0.0}[kind]
            runs = e.runs + ((Run(" "),) + e.attribution if kind == "quote" and e.attribution else ())
            h = lead * min_lines(runs, fl.body_width(st) - indent, st)
            kids = tuple((c.index, lead * min_lines(c.runs, fl.body_width(st) - 2 * st.bullet_indent, st))
                         for c in (e.children if kind == "bullet" else ()))
            got = self.floors[k] = (h, kids)
        return got

    def over(self, dropped: frozenset[Addr], omit: frozenset[str], st: Style) -> bool:
        """True when the memo surely overflows ``avail x fill``: checked on lower bounds of the
        entries not measured yet, so entries fitting will drop anyway are never wrapped."""
        used, avail = self.overflow(dropped, omit, st, measure=self.floor)
        return used > avail * st.fill

    def overflow(self, dropped: frozenset[Addr], omit: frozenset[str], st: Style,
                 measure=None) -> tuple[float, float]:
        """(content height, available height) with ``dropped`` entries and ``omit`` sections left out."""
        measure = measure or self.entry
        size = st.body_size
        sized = (size, st.spacing_scale)
        total, first = 0.0, True
        for i, block in enumerate(self.flow):
            if not isinstance(block, tuple):
                h = self.fixed.get((i, sized))
                if h is None:
                    h = self.fixed[(i, sized)] = fl.block_height(block, st, first=False)
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
                lh = self.labels[(key, size)] = fl.label_height(label, st)
            total += fl.section_height(lh, items, st, first=first, offset=self.offset(st))
            first = False
        avail = self.fixed.get(("avail", sized))
        if avail is None:
            avail = self.fixed[("avail", sized)] = self.avail(st)
        return total, avail

    def offset(self, st: Style) -> float:
        off = self.fixed.get(("offset", st.body_size))
        if off is None:
            off = self.fixed[("offset", st.body_size)] = fl.label_offset(st)
        return off

    def avail(self, st: Style) -> float:
        if not self.bottom:
            return st.frame_height
        return st.frame_height - (st.space("footer") + sum(
            fl.block_height(b, st, first=False, bottom=True) for b in self.bottom))


def exact_overflow(memo: Memo, style: Style) -> tuple[float, float]:
    """(content height, available height) of ``memo`` laid out whole, as the PDF draws it."""
    page = split(memo)
    total = 0.0
    for i, block in enumerate(page.flow):
        total += fl.block_height(block, style, first=i == page.first_section)
    return total, page.avail_height(style)
