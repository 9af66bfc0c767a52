"""The fitted memo: the blocks that fit on one page, the style they are drawn in, the page
plan (where everything goes) and what fitting did. It is the only input of a renderer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from briefgen.compose.styles import Style
from briefgen.model.blocks import Banner, Block, Memo


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
class PagePlan:
    """Where layout puts the memo's blocks on the page, in points from the bottom-left corner.

    The first Banner sits centred in the top margin (``top_banner_y``), the Footer and
    the Rules just before it are anchored to the bottom margin (``bottom``, ``bottom_height``
    tall), a Banner after it is centred in the bottom margin; everything else (``flow``)
    runs down the frame from its top. Every renderer that draws a page reads its
    columns, indents and drops here, so the formats put the same things in the same places.
    """

    page_width: float
    page_height: float
    margin_left: float
    margin_right: float
    margin_top: float
    margin_bottom: float
    top_banner: Banner | None
    top_banner_y: float  # centre of the top banner
    flow: tuple[Block, ...]  # blocks drawn in the frame, top down
    first_section: int  # index in flow of the first Section (no gap above it), -1 for none
    bottom: tuple[Block, ...]  # Rule/Footer blocks anchored to the bottom of the frame
    bottom_height: float  # their height, plus the gap above them
    bottom_banner: Banner | None
    bottom_banner_y: float  # centre of the bottom banner
    banner_height: float
    frame_width: float
    frame_height: float  # the height the flow may use (above the bottom blocks)
    headings: str  # "column" (labels in a left column) or "above"
    label_width: float  # the label column (column mode), wide enough for every label word
    body_width: float  # where entries wrap
    header_label_width: float  # TO / FROM / DATE / SUBJECT
    footer_label_width: float  # "Page 1 of 1" beside the footer lines
    label_drop: float  # how far a label is lowered to share the first body line's baseline
    label_gutter: float  # white right of a label in the label column (labels wrap before it)
    bullets: tuple[tuple[float, float], ...]  # per depth: (text indent, bullet position)

    @property
    def frame_bottom(self) -> float:
        return self.margin_bottom + self.bottom_height


@dataclass(frozen=True)
class FittedMemo:
    """The memo as it fits one page: the only input of a renderer."""

    memo: Memo
    style: Style
    report: FitReport
    plan: PagePlan | None = None  # None only for formats without a page (md, html, json)
    briefing: Mapping[str, Any] | None = None
