"""The label column: wide enough for every section label's longest word, or a TemplateError.

A label wraps at its spaces (reportlab and Word both do) before a gutter of white at the
column's right edge, so what must fit the column is its widest word and the gutter, measured bold at the largest label size fitting may pick. A column too
narrow for it is widened up to MAX_LABEL_SHARE of the frame (the body keeps the rest);
past that the template cannot be drawn without labels running into the body: exit 6.
"""
from __future__ import annotations

from dataclasses import replace

from briefgen.compose.styles import Style
from briefgen.layout.flowables import GUTTER
from briefgen.layout.fonts import string_width
from briefgen.model.blocks import Memo, Section
from briefgen.status import TemplateError

MAX_LABEL_SHARE = 1 / 3  # of the frame width: the widest a label column may grow


def label_room(style: Style) -> float:
    """The widest label column ``style`` allows (its own width if that is wider)."""
    return max(style.label_width, style.frame_width * MAX_LABEL_SHARE)


def fit_label_column(memo: Memo, style: Style) -> Style:
    """``style`` with a label column that holds every label word of ``memo`` (column mode),
    unchanged when it already does; TemplateError naming the label when none can."""
    size = round(max(style.body_size, style.max_body_size) * style.label_scale, 2)
    limit = label_room(style) if style.headings == "column" else style.frame_width
    need = 0.0
    for b in memo.blocks:
        if not isinstance(b, Section):
            continue
        for word in b.label.split():
            w = string_width(word, style, size, bold=True) + GUTTER * size
            if w > limit:
                raise TemplateError(
                    f"template {style.name!r}: section label {b.label!r} does not fit: {word!r} needs "
                    f"{w:.0f} pt, the label column can be at most {limit:.0f} pt wide; "
                    "use a shorter label or a smaller [sizes] label_scale")
            need = max(need, w)
    if style.headings != "column" or need <= style.label_width:
        return style
    return replace(style, label_width=round(need, 3))
