"""The page plan: which blocks sit in the margins, which are anchored to the bottom, which
flow from the top, and every column width, indent and drop the renderers need.

Measured with the same flowables the PDF draws (layout/flowables.py); the result is plain
numbers (model.fitted.PagePlan), so a renderer never measures anything itself.
"""
from __future__ import annotations

from typing import NamedTuple

from briefgen.compose.styles import Style
from briefgen.layout.flowables import block_height, body_width, footer_label_width, label_gutter, label_offset
from briefgen.layout.paragraphs import bullet_geometry
from briefgen.model.blocks import Banner, Footer, Memo, Rule, Section
from briefgen.model.fitted import PagePlan


class Split(NamedTuple):
    """The memo's blocks by place on the page (see PagePlan); an internal record."""

    top_banner: Banner | None
    flow: tuple
    first_section: int
    bottom: tuple
    bottom_banner: Banner | None

    def bottom_height(self, style: Style) -> float:
        if not self.bottom:
            return 0.0
        return style.space("footer") + sum(block_height(b, style, first=False, bottom=True) for b in self.bottom)

    def avail_height(self, style: Style) -> float:
        return style.frame_height - self.bottom_height(style)


def split(memo: Memo) -> Split:
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
    return Split(top, tuple(blocks), first, tuple(bottom), bottom_banner)


def page_plan(memo: Memo, style: Style) -> PagePlan:
    """The plan of ``memo`` (already fitted) on the page of ``style`` (the fitted style)."""
    s = split(memo)
    bottom_h = s.bottom_height(style)
    banner_h = style.banner_size * 1.2
    return PagePlan(
        page_width=style.page_width, page_height=style.page_height,
        margin_left=style.margin_left, margin_right=style.margin_right,
        margin_top=style.margin_top, margin_bottom=style.margin_bottom,
        top_banner=s.top_banner, top_banner_y=style.page_height - style.margin_top / 2,
        flow=s.flow, first_section=s.first_section, bottom=s.bottom, bottom_height=bottom_h,
        bottom_banner=s.bottom_banner, bottom_banner_y=style.margin_bottom / 2,
        banner_height=banner_h, frame_width=style.frame_width,
        frame_height=style.frame_height - bottom_h, headings=style.headings,
        label_width=style.label_width if style.headings == "column" else 0.0,
        body_width=body_width(style), header_label_width=style.header_label_width,
        footer_label_width=footer_label_width(style), label_drop=label_offset(style),
        label_gutter=label_gutter(style),
        bullets=(bullet_geometry(style, 0), bullet_geometry(style, 1)))
