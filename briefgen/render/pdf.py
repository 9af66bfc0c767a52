"""FittedMemo -> PDF bytes with reportlab platypus: one page, embedded fonts, reproducible.

The flowables built here are also what layout/fit.py measures (``page_plan`` and
``block_height``), so what fits in the fitter fits on the page. Page plan: the
first Banner in the top margin, the Footer (with the Rule before it) anchored to
the bottom of the frame, a Banner after it in the bottom margin, everything else
flowing from the top; drawn in that reading order so extracted text reads like
the memo. Every string is escaped for reportlab's paragraph markup.
"""
from __future__ import annotations

import io
import time
from dataclasses import dataclass
from functools import lru_cache


from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from briefgen.model.blocks import Banner, Entry, Footer, HeaderFields, Memo, Para, Quotes, Rule, Run, Section
from briefgen.layout.fonts import FontSet, fonts_for, pin_reportlab, split_by_font
from briefgen.model.fitted import FittedMemo
from briefgen.compose.styles import Style
from briefgen import __version__
from briefgen.render import xml_escape as escape


class _Para(Paragraph):
    """A Paragraph that breaks its lines once per width. A section Table wraps its cells
    when the frame lays it out and again when it draws them; the second break would be
    identical (same text, style and width), so it is skipped."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


# ------------------------------------------------------------------ paragraph styles

@dataclass(frozen=True)
class _Kit:
    fonts: FontSet
    body: ParagraphStyle
    bullet: ParagraphStyle
    child: ParagraphStyle
    quote: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    field_label: ParagraphStyle
    field_value: ParagraphStyle
    footer: ParagraphStyle
    page_label: ParagraphStyle
    banner: ParagraphStyle


@lru_cache(maxsize=64)
def _kit(style: Style) -> _Kit:
    f = fonts_for(style)
    size, lead = style.body_size, style.line_height
    text = HexColor(style.text_colour)

    def ps(name: str, **kw) -> ParagraphStyle:
        base = dict(fontName=f.regular, fontSize=size, leading=lead, textColor=text,
                    spaceBefore=0, spaceAfter=0, alignment=TA_LEFT, allowWidows=1, allowOrphans=1,
                    splitLongWords=1, bulletFontName=f.regular, bulletFontSize=size)
        base.update(kw)
        return ParagraphStyle(name, **base)

    ind = style.bullet_indent

    def bullet_font(ch: str) -> str:
        return f.regular if all(ord(c) in f.covered for c in ch) else f.fallback

    return _Kit(
        fonts=f,
        body=ps("body"),
        bullet=ps("bullet", leftIndent=ind, bulletIndent=0.15 * size, bulletFontName=bullet_font(style.bullet)),
        child=ps("child", leftIndent=2 * ind, bulletIndent=ind + 0.15 * size,
                 bulletFontName=bullet_font(style.sub_bullet)),
        quote=ps("quote", leftIndent=0),
        label=ps("label", fontName=f.bold, fontSize=style.label_size, textColor=HexColor(style.label_colour)),
        title=ps("title", fontName=f.bold, fontSize=style.title_size, leading=style.title_size * 1.2,
                 textColor=HexColor(style.title_colour)),
        field_label=ps("field_label", fontName=f.bold, fontSize=style.label_size,
                       textColor=HexColor(style.accent_colour)),
        field_value=ps("field_value"),
        footer=ps("footer", fontSize=style.footer_size, leading=style.footer_size * 1.3,
                  textColor=HexColor(style.footer_colour)),
        page_label=ps("page_label", fontSize=style.footer_size, leading=style.footer_size * 1.3,
                      textColor=HexColor(style.footer_colour), alignment=TA_RIGHT),
        banner=ps("banner", fontName=f.bold, fontSize=style.banner_size, leading=style.banner_size * 1.2,
                  alignment=TA_CENTER),
    )


def _text(text: str, fonts: FontSet) -> str:
    """Escaped markup for ``text``, switching to the fallback font where the family lacks a glyph."""
    out = []
    for font, piece in split_by_font(text, fonts):
        esc = escape(piece)
        out.append(esc if font == "main" else f'<font face="{font}">{esc}</font>')
    return "".join(out)


def runs_markup(runs: tuple[Run, ...], style: Style, fonts: FontSet) -> str:
    out = []
    for r in runs:
        t = _text(r.text, fonts)
        match r.style:
            case "bold":
                out.append(f"<b>{t}</b>")
            case "italic":
                fonts.ensure()  # reportlab maps <i> to the italic faces: register them first
                out.append(f"<i>{t}</i>")
            case "mark":
                out.append(f'<font size="{style.mark_size}" color="{style.mark_colour}">{t}</font>')
            case _:
                out.append(t)
    return "".join(out)


# ------------------------------------------------------------------ flowables

class _HRule(Flowable):
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


class _Bookmark(Flowable):
    """Zero-height marker: an outline entry for a section (its label) with one child per
    entry (its opening words), so a reader can navigate and ``briefgen inspect`` can
    recover the block sequence and item counts from the PDF alone."""

    def __init__(self, key: str, title: str, children: tuple[str, ...]) -> None:
        super().__init__()
        self.key, self.title, self.children = key, title, children

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        c = self.canv
        c.bookmarkHorizontal(self.key, 0, 0)
        c.addOutlineEntry(self.title, self.key, level=0, closed=True)
        for i, child in enumerate(self.children):
            c.bookmarkHorizontal(f"{self.key}.{i}", 0, 0)
            c.addOutlineEntry(child, f"{self.key}.{i}", level=1)


def _outline_title(e: Entry) -> str:
    text = " ".join("".join(r.text for r in e.runs if r.style != "mark").split())
    return text if len(text) <= 60 else text[:59].rsplit(" ", 1)[0] + "\u2026"


def _table(rows: list[list], widths: list[float], font: str, top: float = 0.0, extra: list | None = None) -> Table:
    t = Table(rows, colWidths=widths)
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), font),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    if top:
        cmds.append(("TOPPADDING", (0, 0), (-1, 0), top))
    t.setStyle(TableStyle(cmds + (extra or [])))
    return t


# Paragraphs built for fitting, reused by the drawing that follows: the fitter measures
# every entry at the final size, so the renderer need not parse and break them again.
# Keyed by everything a paragraph depends on (markup, the style object, the bullet).
# Each fit starts it afresh (``new_memo``), so it holds one memo's paragraphs, never
# carries work from one article (or one benchmark build) to the next, and stays small.
_PARAS: dict[tuple, _Para] = {}
_PARAS_MAX = 2048


def new_memo() -> None:
    """Forget the paragraphs of the previous memo (layout.fit calls this first)."""
    _PARAS.clear()


def _para(markup: str, pstyle: ParagraphStyle, bullet: str | None = None) -> _Para:
    key = (markup, pstyle, bullet)
    p = _PARAS.get(key)
    if p is None:
        if len(_PARAS) >= _PARAS_MAX:
            _PARAS.clear()
        p = _PARAS[key] = _Para(markup, pstyle, bulletText=bullet)
    return p


def _entry_paragraphs(e: Entry, kind: str, style: Style, kit: _Kit) -> tuple[Paragraph, list[Paragraph]]:
    """The entry's own paragraph and one per child (bullets only): what is drawn and measured."""
    f = kit.fonts
    if kind == "quote":
        markup = runs_markup(e.runs, style, f)
        if e.attribution:
            markup += " " + runs_markup(e.attribution, style, f)
        return _para(markup, kit.quote), []
    if kind == "para":
        return _para(runs_markup(e.runs, style, f), kit.body), []
    return (_para(runs_markup(e.runs, style, f), kit.bullet, style.bullet),
            [_para(runs_markup(c.runs, style, f), kit.child, style.sub_bullet) for c in e.children])


def _entry_flowables(e: Entry, kind: str, style: Style, kit: _Kit) -> list[Flowable]:
    main, kids = _entry_paragraphs(e, kind, style, kit)
    out: list[Flowable] = [main]
    for p in kids:
        out.append(Spacer(0, style.space("child")))
        out.append(p)
    return out


def _section_body(sec: Section, style: Style, kit: _Kit) -> list[Flowable]:
    out: list[Flowable] = []
    for part in sec.body:
        if isinstance(part, Para):
            items = [(part.entry, "para")]
        elif isinstance(part, Quotes):
            items = [(e, "quote") for e in part.entries]
        else:
            items = [(e, "bullet") for e in part.entries]
        for e, kind in items:
            if out:
                out.append(Spacer(0, style.space("item")))
            out.extend(_entry_flowables(e, kind, style, kit))
    return out


@lru_cache(maxsize=64)
def label_offset(style: Style) -> float:
    """Drop the smaller label so its baseline sits on the first body line's baseline."""
    f = fonts_for(style)
    asc = pdfmetrics.getAscentDescent(f.regular, style.body_size)[0]
    lasc = pdfmetrics.getAscentDescent(f.bold, style.label_size)[0]
    return max(0.0, asc - lasc)


def section_flowable(sec: Section, style: Style, *, first: bool = False) -> Flowable:
    kit = _kit(style)
    gap = 0.0 if first else style.space("section")
    body = _section_body(sec, style, kit)
    label = _Para(_text(sec.label, kit.fonts), kit.label)
    if style.headings == "column":
        return _table([[label, body]], [style.label_width, style.content_width], kit.fonts.regular, top=gap,
                      extra=[("TOPPADDING", (0, 0), (0, 0), gap + label_offset(style))])
    return _table([[label], [body]], [style.frame_width], kit.fonts.regular, top=gap,
                  extra=[("BOTTOMPADDING", (0, 0), (0, 0), style.space("item") + 1.0)])


# ------------------------------------------------------------------ measurement (for layout/fit.py)

def body_width(style: Style) -> float:
    """Width of a section's body column: where entries wrap."""
    return style.content_width if style.headings == "column" else style.frame_width


def entry_kind(part) -> str:
    """How the entries of a section body part are drawn: "para", "quote" or "bullet"."""
    return "para" if isinstance(part, Para) else "quote" if isinstance(part, Quotes) else "bullet"


def entry_heights(e: Entry, kind: str, style: Style) -> tuple[float, tuple[float, ...]]:
    """Heights of an entry's paragraph and of each child's, wrapped in the body column exactly
    as the section Table wraps them (no cell padding), so fitting can add them up instead of
    laying out whole sections again for every candidate."""
    main, kids = _entry_paragraphs(e, kind, style, _kit(style))
    w, h = body_width(style), style.page_height
    return main.wrap(w, h)[1], tuple(p.wrap(w, h)[1] for p in kids)


def label_height(label: str, style: Style) -> float:
    kit = _kit(style)
    w = style.label_width if style.headings == "column" else style.frame_width
    return _Para(_text(label, kit.fonts), kit.label).wrap(w, style.page_height)[1]


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
    # summed in the order reportlab's Table._calc sums them, so the floats agree exactly
    if style.headings == "column":
        if offset is None:
            offset = label_offset(style)
        return max(label_h + (gap + offset), body + gap)
    return body + (label_h + ((item + 1.0) + gap))


def header_flowables(h: HeaderFields, style: Style) -> list[Flowable]:
    kit = _kit(style)
    out: list[Flowable] = []
    if h.title:
        out.append(_Para(_text(h.title, kit.fonts), kit.title))
        out.append(Spacer(0, 0.45 * style.line_height))
    rows = []
    for fld in h.fields:
        value = _text(fld.value, kit.fonts)
        if fld.label.upper() == "SUBJECT":
            value = f"<b>{value}</b>"
        rows.append([_Para(_text(fld.label + ":", kit.fonts), kit.field_label),
                     _Para(value, kit.field_value)])
    if rows:
        off = label_offset(style)
        out.append(_table(rows, [style.header_label_width, style.frame_width - style.header_label_width],
                          kit.fonts.regular,
                          extra=[("TOPPADDING", (0, 0), (0, -1), off),
                                 ("BOTTOMPADDING", (0, 0), (-1, -2), 0.15 * style.line_height)]))
    return out


def footer_flowable(ft: Footer, style: Style) -> Flowable:
    kit = _kit(style)
    paras = [_Para(runs_markup(line, style, kit.fonts), kit.footer) for line in ft.lines]
    label = _Para(_text(ft.page_label, kit.fonts), kit.page_label)
    w = style.frame_width
    lw = min(w * 0.25, 80.0)
    if not paras:
        return _table([[label]], [w], kit.fonts.regular)
    return _table([[paras, label]], [w - lw, lw], kit.fonts.regular, extra=[("VALIGN", (1, 0), (1, 0), "BOTTOM")])


def _rule(style: Style, *, after_header: bool) -> Flowable:
    if after_header:
        return _HRule(style.rule_colour, style.rule_width, 0.35 * style.line_height, style.space("header"))
    return _HRule(style.rule_colour, style.rule_width, 0.0, 0.45 * style.footer_size * 1.3)


# ------------------------------------------------------------------ page plan

@dataclass(frozen=True)
class PagePlan:
    top_banner: Banner | None
    flow: tuple  # blocks drawn in the frame, top down
    first_section: int  # index in flow of the first Section (no gap above it)
    bottom: tuple  # Rule/Footer blocks anchored to the bottom of the frame
    bottom_banner: Banner | None

    def bottom_height(self, style: Style) -> float:
        if not self.bottom:
            return 0.0
        return style.space("footer") + sum(block_height(b, style, first=False, bottom=True) for b in self.bottom)

    def avail_height(self, style: Style) -> float:
        return style.frame_height - self.bottom_height(style)


def page_plan(memo: Memo, style: Style) -> PagePlan:
    blocks = list(memo.blocks)
    top = blocks.pop(0) if blocks and isinstance(blocks[0], Banner) else None
    bottom_banner = blocks.pop() if blocks and isinstance(blocks[-1], Banner) and \
        any(isinstance(b, Footer) for b in blocks) else None
    bottom: list = []
    if any(isinstance(b, Footer) for b in blocks):
        # the footer and the rules (only) just before it sit at the bottom
        i = max(i for i, b in enumerate(blocks) if isinstance(b, Footer))
        j = i
        while j > 0 and isinstance(blocks[j - 1], Rule):
            j -= 1
        bottom = blocks[j:i + 1]
        blocks = blocks[:j] + blocks[i + 1:]
    first = next((i for i, b in enumerate(blocks) if isinstance(b, Section)), -1)
    return PagePlan(top, tuple(blocks), first, tuple(bottom), bottom_banner)


def block_flowables(block, style: Style, *, first: bool, bottom: bool = False, n: int = 0) -> list[Flowable]:
    match block:
        case Banner():
            kit = _kit(style)
            return [_Para(f'<font color="{block.colour or style.text_colour}">'
                              f'{_text(block.text, kit.fonts)}</font>', kit.banner)]
        case HeaderFields():
            return header_flowables(block, style)
        case Section():
            entries = tuple(e for p in block.body for e in ((p.entry,) if isinstance(p, Para) else p.entries))
            mark = _Bookmark(f"s{n}", block.label, tuple(_outline_title(e) for e in entries))
            return [mark, section_flowable(block, style, first=first)]
        case Rule():
            return [_rule(style, after_header=not bottom)]
        case Footer():
            return [footer_flowable(block, style)]
    raise TypeError(f"no PDF drawing for block {type(block).__name__}")


def block_height(block, style: Style, *, first: bool, bottom: bool = False) -> float:
    total = 0.0
    for f in block_flowables(block, style, first=first, bottom=bottom):
        total += f.wrap(style.frame_width, style.page_height)[1]
    return total


# ------------------------------------------------------------------ render

def _timestamp(created: str):
    """reportlab's TimeStamp fixed to MemoMeta.created (else SOURCE_DATE_EPOCH / 2000-01-01)."""
    from reportlab.lib.utils import TimeStamp

    ts = TimeStamp(invariant=1)
    if created:
        try:
            t = time.strptime(created[:19], "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            return ts
        ts.t = float(time.mktime(t) - time.timezone)
        ts.lt = t
        ts.YMDhms = tuple(t)[:6]
    return ts


def render(fitted: FittedMemo) -> bytes:
    """Draw the fitted memo; identical input gives identical bytes."""
    pin_reportlab()
    memo, style = fitted.memo, fitted.style
    kit = _kit(style)
    plan = page_plan(memo, style)
    meta = memo.meta
    avail = plan.avail_height(style)

    story: list[Flowable] = []
    for i, block in enumerate(plan.flow):
        story.extend(block_flowables(block, style, first=i == plan.first_section, n=i))
    bottom_flows = [f for b in plan.bottom for f in block_flowables(b, style, first=False, bottom=True)]

    def banner_at(c, banner: Banner, y_centre: float) -> None:
        p = block_flowables(banner, style, first=False)[0]
        _, h = p.wrap(style.frame_width, style.page_height)
        p.drawOn(c, style.margin_left, y_centre - h / 2)

    def on_page(c, doc) -> None:
        if plan.top_banner:
            banner_at(c, plan.top_banner, style.page_height - style.margin_top / 2)

    def on_page_end(c, doc) -> None:
        y = style.margin_bottom
        heights = [f.wrap(style.frame_width, style.page_height)[1] for f in bottom_flows]
        top = y + sum(heights)
        for f, h in zip(bottom_flows, heights):
            top -= h
            f.drawOn(c, style.margin_left, top)
        if plan.bottom_banner:
            banner_at(c, plan.bottom_banner, style.margin_bottom / 2)

    ts = _timestamp(meta.created)

    class _Canvas(rl_canvas.Canvas):
        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self._doc._timeStamp = ts

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=(style.page_width, style.page_height),
        leftMargin=style.margin_left, rightMargin=style.margin_right,
        topMargin=style.margin_top, bottomMargin=style.margin_bottom,
        title=meta.title, author=meta.author, subject=meta.subject, keywords=", ".join(meta.keywords),
        creator=f"briefgen {__version__}", invariant=1, lang=meta.language or None,
        initialFontName=kit.fonts.regular, initialFontSize=style.body_size, pageCompression=1,
        showBoundary=0)
    frame = Frame(style.margin_left, style.margin_bottom + plan.bottom_height(style), style.frame_width,
                  avail, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate("memo", [frame], onPage=on_page, onPageEnd=on_page_end,
                                       pagesize=(style.page_width, style.page_height))])
    doc.build(story, canvasmaker=_Canvas)
    if doc.page != 1:
        raise RuntimeError(f"memo laid out on {doc.page} pages; the fitter should have prevented this")
    return buf.getvalue()
