"""FittedMemo -> PDF bytes with reportlab platypus: one page, embedded fonts, reproducible.

A thin walk over the page plan (model.fitted.PagePlan): the flow's blocks go down the
frame, the bottom blocks and the banners are drawn where the plan puts them, in reading
order so extracted text reads like the memo. The flowables come from layout (the ones it
measured). Each section also gets an outline entry (label, then one child per entry), so a
reader can navigate and ``briefgen inspect`` can recover the block sequence from the PDF.
Dates: reportlab's invariant mode (fixed ID and times) with the memo's created date
written through the canvas' public date formatter.
"""
from __future__ import annotations

import io
import re

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from briefgen import __version__
from briefgen.layout.flowables import banner_flowable, block_flowables
from briefgen.layout.fonts import pin_reportlab
from briefgen.layout.paragraphs import kit
from briefgen.model.blocks import Entry, Para, Section
from briefgen.model.fitted import FittedMemo

_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)")


class _Bookmark(Flowable):
    """Zero-height marker: an outline entry for a section (its label) with one child per
    entry (its opening words)."""

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


def _bookmark(sec: Section, n: int) -> _Bookmark:
    entries = tuple(e for p in sec.body for e in ((p.entry,) if isinstance(p, Para) else p.entries))
    return _Bookmark(f"s{n}", sec.label, tuple(_outline_title(e) for e in entries))


def pdf_date(created: str):
    """A date formatter (reportlab's public ``Canvas.setDateFormatter``) writing ``created``
    (ISO 8601, UTC) as the document's dates; None keeps reportlab's invariant date
    (SOURCE_DATE_EPOCH, else 2000-01-01)."""
    m = _ISO.match(created or "")
    if not m:
        return None
    fixed = "D:%s%s%s%s%s%s+00'00'" % m.groups()
    return lambda *_ymdhms: fixed


def render(fitted: FittedMemo) -> bytes:
    """Draw the fitted memo; identical input gives identical bytes."""
    pin_reportlab()
    memo, style, plan = fitted.memo, fitted.style, fitted.plan
    meta = memo.meta
    width = plan.frame_width

    story: list[Flowable] = []
    for i, block in enumerate(plan.flow):
        if isinstance(block, Section):
            story.append(_bookmark(block, i))
        story.extend(block_flowables(block, style, first=i == plan.first_section))
    bottom = [f for b in plan.bottom for f in block_flowables(b, style, first=False, bottom=True)]
    dates = pdf_date(meta.created)

    def banner_at(c, banner, y_centre: float) -> None:
        p = banner_flowable(banner, style)
        _, h = p.wrap(width, plan.page_height)
        p.drawOn(c, plan.margin_left, y_centre - h / 2)

    def on_page(c, doc) -> None:
        if dates is not None:
            c.setDateFormatter(dates)
        if plan.top_banner:
            banner_at(c, plan.top_banner, plan.top_banner_y)

    def on_page_end(c, doc) -> None:
        heights = [f.wrap(width, plan.page_height)[1] for f in bottom]
        top = plan.margin_bottom + sum(heights)
        for f, h in zip(bottom, heights):
            top -= h
            f.drawOn(c, plan.margin_left, top)
        if plan.bottom_banner:
            banner_at(c, plan.bottom_banner, plan.bottom_banner_y)

    buf = io.BytesIO()
    size = (plan.page_width, plan.page_height)
    doc = BaseDocTemplate(
        buf, pagesize=size, leftMargin=plan.margin_left, rightMargin=plan.margin_right,
        topMargin=plan.margin_top, bottomMargin=plan.margin_bottom,
        title=meta.title, author=meta.author, subject=meta.subject, keywords=", ".join(meta.keywords),
        creator=f"briefgen {__version__}", producer=f"briefgen {__version__} (ReportLab)",
        invariant=1, lang=meta.language or None, initialFontName=kit(style).fonts.regular,
        initialFontSize=style.body_size, pageCompression=1, showBoundary=0)
    frame = Frame(plan.margin_left, plan.frame_bottom, width, plan.frame_height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate("memo", [frame], onPage=on_page, onPageEnd=on_page_end,
                                       pagesize=size)])
    doc.build(story)
    if doc.page != 1:
        raise RuntimeError(f"memo laid out on {doc.page} pages; the fitter should have prevented this")
    return buf.getvalue()
