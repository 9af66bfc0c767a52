"""The fitted memo: the blocks that fit on one page, the style they are drawn in and what fitting
did. It is the only input of a renderer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from briefgen.compose.styles import Style
from briefgen.model.blocks import Memo

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
