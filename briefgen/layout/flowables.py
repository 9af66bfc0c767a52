"""The reportlab flowables of each block, and their heights: what the fitter measures and the
PDF renderer draws (the same objects, so what fits when measured fits on the page).

A section in ``column`` mode is a two-column Table (label, body); in ``above`` mode a
one-column Table (label over body). Cell paddings carry the gaps, so heights are exact.
"""
from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from briefgen.compose.styles import Style
from briefgen.layout.fonts import fonts_for
from briefgen.layout.paragraphs import (entry_paragraphs, kit, markup_colour, para, runs_markup, template_para,
                                        text_markup)
from briefgen.model.blocks import Banner, Entry, Footer, HeaderFields, Para, Quotes, Rule, Section


class HRule(Flowable):
    """A thin rule with fixed space above and below (so its height is exact)."""

    def __init__(self, colour: str, thickness: float, above: float, below: float) -> None:
        super().__init__()
        self.colour, self.thickness, self.above, self.below = colour, thickness, above, below

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.above + self.thickness + self.below

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(HexColor(self.colour))
        c.setLineWidth(self.thickness)
        y = self.below + self.thickness / 2
        c.line(0, y, self.width, y)


def _table(rows: list[list], widths: list[float], font: str, top: float = 0.0, extra: list | None = None) -> Table:
    t = Table(rows, colWidths=widths)
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), font),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    if top:
        cmds.append(("TOPPADDING", (0, 0), (-1, 0), top))
    t.setStyle(TableStyle(cmds + (extra or [])))
    return t


@lru_cache(maxsize=64)
def label_offset(style: Style) -> float:
    """Drop the smaller label so its baseline sits on the first body line's baseline."""
    f = fonts_for(style)
    asc = pdfmetrics.getAscentDescent(f.regular, style.body_size)[0]
    lasc = pdfmetrics.getAscentDescent(f.bold, style.label_size)[0]
    return max(0.0, asc - lasc)


def body_width(style: Style) -> float:
    """Width of a section's body column: where entries wrap."""
    return style.content_width if style.headings == "column" else style.frame_width


GUTTER = 0.5  # x the label size: the least white between a label and the body beside it


def label_gutter(style: Style) -> float:
    """White kept right of a label in the label column (labels wrap before it)."""
    return GUTTER * style.label_size if style.headings == "column" else 0.0


def label_column(style: Style) -> float:
    """The width a section label wraps in."""
    return style.label_width - label_gutter(style) if style.headings == "column" else style.frame_width


def footer_label_width(style: Style) -> float:
    """Width of the "Page 1 of 1" column beside the footer lines."""
    return min(style.frame_width * 0.25, 80.0)


def entry_kind(part) -> str:
    """How the entries of a section body part are drawn: "para", "quote" or "bullet"."""
    return "para" if isinstance(part, Para) else "quote" if isinstance(part, Quotes) else "bullet"


def _section_body(sec: Section, style: Style) -> list[Flowable]:
    out: list[Flowable] = []
    for part in sec.body:
        kind = entry_kind(part)
        for e in (part.entry,) if isinstance(part, Para) else part.entries:
            if out:
                out.append(Spacer(0, style.space("item")))
            main, kids = entry_paragraphs(e, kind, style)
            out.append(main)
            for p in kids:
                out.append(Spacer(0, style.space("child")))
                out.append(p)
    return out


def label_paragraph(label: str, style: Style) -> Paragraph:
    k = kit(style)
    return template_para(text_markup(label, k.fonts), k.label)


def section_flowable(sec: Section, style: Style, *, first: bool = False) -> Flowable:
    font = kit(style).fonts.regular
    gap = 0.0 if first else style.space("section")
    body = _section_body(sec, style)
    label = label_paragraph(sec.label, style)
    if style.headings == "column":
        return _table([[label, body]], [style.label_width, style.content_width], font, top=gap,
                      extra=[("TOPPADDING", (0, 0), (0, 0), gap + label_offset(style)),
                             ("RIGHTPADDING", (0, 0), (0, 0), label_gutter(style))])
    return _table([[label], [body]], [style.frame_width], font, top=gap,
                  extra=[("BOTTOMPADDING", (0, 0), (0, 0), style.space("item") + 1.0)])


def header_flowables(h: HeaderFields, style: Style) -> list[Flowable]:
    k = kit(style)
    out: list[Flowable] = []
    if h.title:
        out.append(template_para(text_markup(h.title, k.fonts), k.title))
        out.append(Spacer(0, 0.45 * style.line_height))
    rows = []
    for fld in h.fields:
        value = text_markup(fld.value, k.fonts)
        if fld.label.upper() == "SUBJECT":
            value = f"<b>{value}</b>"
        rows.append([template_para(text_markup(fld.label + ":", k.fonts), k.field_label),
                     para(value, k.field_value)])
    if rows:
        off = label_offset(style)
        out.append(_table(rows, [style.header_label_width, style.frame_width - style.header_label_width],
                          k.fonts.regular,
                          extra=[("TOPPADDING", (0, 0), (0, -1), off),
                                 ("BOTTOMPADDING", (0, 0), (-1, -2), 0.15 * style.line_height)]))
    return out


def footer_flowable(ft: Footer, style: Style) -> Flowable:
    k = kit(style)
    paras = [para(runs_markup(line, style, k.fonts), k.footer) for line in ft.lines]
    label = template_para(text_markup(ft.page_label, k.fonts), k.page_label)
    w = style.frame_width
    lw = footer_label_width(style)
    if not paras:
        return _table([[label]], [w], k.fonts.regular)
    return _table([[paras, label]], [w - lw, lw], k.fonts.regular, extra=[("VALIGN", (1, 0), (1, 0), "BOTTOM")])


def rule_flowable(style: Style, *, after_header: bool) -> Flowable:
    if after_header:
        return HRule(style.rule_colour, style.rule_width, 0.35 * style.line_height, style.space("header"))
    return HRule(style.rule_colour, style.rule_width, 0.0, 0.45 * style.footer_size * 1.3)


def banner_flowable(block: Banner, style: Style) -> Flowable:
    k = kit(style)
    return template_para(f'<font color="{markup_colour(block.colour or style.text_colour)}">'
                    f'{text_markup(block.text, k.fonts)}</font>', k.banner)


def block_flowables(block, style: Style, *, first: bool, bottom: bool = False) -> list[Flowable]:
    match block:
        case Banner():
            return [banner_flowable(block, style)]
        case HeaderFields():
            return header_flowables(block, style)
        case Section():
            return [section_flowable(block, style, first=first)]
        case Rule():
            return [rule_flowable(style, after_header=not bottom)]
        case Footer():
            return [footer_flowable(block, style)]
    raise TypeError(f"no PDF drawing for block {type(block).__name__}")


def block_height(block, style: Style, *, first: bool, bottom: bool = False) -> float:
    total = 0.0
    for f in block_flowables(block, style, first=first, bottom=bottom):
        total += f.wrap(style.frame_width, style.page_height)[1]
    return total


# ------------------------------------------------------------------ heights by parts (for fitting)

def entry_heights(e: Entry, kind: str, style: Style) -> tuple[float, tuple[float, ...]]:
    """Heights of an entry's paragraph and of each child's, wrapped in the body column exactly
    as the section Table wraps them (no cell padding), so fitting can add them up instead of
    laying out whole sections again for every candidate."""
    main, kids = entry_paragraphs(e, kind, style)
    w, h = body_width(style), style.page_height
    return main.wrap(w, h)[1], tuple(p.wrap(w, h)[1] for p in kids)


def label_height(label: str, style: Style) -> float:
    return label_paragraph(label, style).wrap(label_column(style), style.page_height)[1]


def section_height(label_h: float, items, style: Style, *, first: bool, offset: float | None = None) -> float:
    """Height of ``section_flowable`` from its parts: ``items`` are (entry height, child
    heights) pairs in order; mirrors the Table's paddings and the spacers between entries.
    ``offset`` is ``label_offset(style)`` (pass it when calling often)."""
    gap = 0.0 if first else style.space("section")
    item, child = style.space("item"), style.space("child")
    body = 0.0
    for i, (h, kids) in enumerate(items):
        if i:
            body += item
        body += h
        for k in kids:
            body += child
            body += k
    # summed in the order reportlab's Table sums them, so the floats agree exactly
    if style.headings == "column":
        if offset is None:
            offset = label_offset(style)
        return max(label_h + (gap + offset), body + gap)
    return body + (label_h + ((item + 1.0) + gap))
