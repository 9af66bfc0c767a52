"""The look of a memo as data: ``style.toml`` parsed and validated into a frozen Style.

One Style is shared by every renderer (PDF, DOCX, ...) and by the fitter, so
the page that is measured is the page that is drawn. Lengths are stored in
points, colours as "#RRGGBB"; fitting changes only ``body_size``, ``leading``
and ``spacing_scale`` (with ``dataclasses.replace``). Unknown keys and bad
values are a TemplateError, so a typo in a house style is reported, not ignored.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Callable

from briefgen.status import TemplateError

CM = 72 / 2.54
PAGE_SIZES = {"A4": (595.2756, 841.8898), "LETTER": (612.0, 792.0)}
HEADING_MODES = ("column", "above")
SPACING_KEYS = ("header", "section", "item", "child", "footer")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\Z")
_FONT_FILE = re.compile(r"fonts/[A-Za-z0-9][A-Za-z0-9._-]*\.ttf\Z")
# "quotes>1" (keep one), "context>3", "agenda.children" (drop sub-points)
_DROP_RULE = re.compile(r"[a-z_]+(>[0-9]+|\.children)\Z")


@dataclass(frozen=True)
class Style:
    """Every knob of a template's look; see templates/default/style.toml for meanings."""

    name: str
    # page (points)
    page_size: str  # "A4" or "Letter"
    page_width: float
    page_height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    # fonts: TrueType files embedded in the PDF, and the metric-compatible Word font
    font_regular: Path
    font_bold: Path
    font_italic: Path
    font_bold_italic: Path
    docx_font: str  # e.g. "Times New Roman" (LibreOffice maps it to Liberation Serif)
    # sizes (points) and ratios
    body_size: float
    leading: float  # line height = size * leading
    min_body_size: float  # the floor fitting never goes under
    max_body_size: float  # a sparse memo may grow up to this
    size_step: float
    title_size: float  # "MEMORANDUM"
    banner_size: float
    footer_size: float
    label_scale: float  # section labels: body_size * label_scale, bold, capitals
    mark_scale: float  # ¶ marks: body_size * mark_scale
    # colours "#RRGGBB"
    text_colour: str
    mark_colour: str
    label_colour: str
    title_colour: str
    rule_colour: str
    footer_colour: str
    accent_colour: str
    # banner (handling marking)
    banner: bool  # draw marking banners at top and bottom
    marking: str  # default marking, e.g. "UNCLASSIFIED"
    banner_colours: tuple[tuple[str, str], ...]  # (marking prefix, colour), longest prefix wins
    banner_default_colour: str
    # layout
    headings: str  # "column": labels in a left column; "above": headings above the content
    label_width: float  # points, column mode
    header_label_width: float  # points, the TO/FROM/... labels
    bullet: str  # bullet character for entries
    sub_bullet: str  # for children (agenda sub-points)
    rule_width: float
    rule_under_header: bool
    rule_above_footer: bool
    # spacing (points at spacing_scale 1.0)
    space_header: float  # after the header block
    space_section: float  # between sections
    space_item: float  # between bullets
    space_child: float  # between agenda sub-points
    space_footer: float  # between the last section and the footer rule
    spacing_scale: float
    # fitting
    fill: float  # fraction of the frame the content may use (DOCX safety margin)
    drop_order: tuple[str, ...]
    never_drop: tuple[str, ...]
    optional_sections: tuple[str, ...]  # shown only when they fit whole (the fitter omits them otherwise)
    min_spacing_scale: float
    max_spacing_scale: float
    bullet_lines: int  # a bullet's text is trimmed to this many lines
    quote_lines: int
    bottom_line_lines: int
    folder: Path | None = None  # the template folder (its reference.docx holds the Word styles)

    # ------------------------------------------------------------------ derived
    @property
    def frame_width(self) -> float:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def frame_height(self) -> float:
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def content_width(self) -> float:
        """Width of section content (right of the label column in column mode)."""
        return self.frame_width - (self.label_width if self.headings == "column" else 0.0)

    @property
    def line_height(self) -> float:
        return self.body_size * self.leading

    @property
    def bullet_indent(self) -> float:
        """Left indent of bullet text (the bullet hangs in it); children indent twice this."""
        return round(self.body_size * 1.2, 2)

    @property
    def label_size(self) -> float:
        return round(self.body_size * self.label_scale, 2)

    @property
    def mark_size(self) -> float:
        return round(self.body_size * self.mark_scale, 2)

    def space(self, name: str) -> float:
        """A spacing value in points, scaled by the fitter's ``spacing_scale``."""
        if name not in SPACING_KEYS:
            raise KeyError(name)
        return getattr(self, f"space_{name}") * self.spacing_scale

    def banner_colour(self, marking: str) -> str:
        """Colour convention for a marking: the longest matching prefix, else the default."""
        m = marking.strip().upper()
        best = ("", self.banner_default_colour)
        for prefix, colour in self.banner_colours:
            if m.startswith(prefix.upper()) and len(prefix) > len(best[0]):
                best = (prefix, colour)
        return best[1]

    def with_page_size(self, size: str | None) -> "Style":
        if size is None:
            return self
        key = size.upper()
        if key not in PAGE_SIZES:
            raise TemplateError(f"page size {size!r}: use A4 or Letter")
        w, h = PAGE_SIZES[key]
        return replace(self, page_size="A4" if key == "A4" else "Letter", page_width=w, page_height=h)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = str(v) if isinstance(v, Path) else v
        return out


# ---------------------------------------------------------------------------- parsing

def _num(lo: float, hi: float) -> Callable[[Any], float]:
    def check(v: Any) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not (lo <= v <= hi):
            raise ValueError(f"a number from {lo} to {hi}")
        return float(v)
    return check


def _int(lo: int, hi: int) -> Callable[[Any], int]:
    def check(v: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int) or not (lo <= v <= hi):
            raise ValueError(f"a whole number from {lo} to {hi}")
        return v
    return check


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError("true or false")
    return v


def _colour(v: Any) -> str:
    if not isinstance(v, str) or not _COLOUR.match(v):
        raise ValueError('a colour like "#1A1A1A"')
    return v.upper()


def _text(maxlen: int) -> Callable[[Any], str]:
    def check(v: Any) -> str:
        if not isinstance(v, str) or not v.strip() or len(v) > maxlen:
            raise ValueError(f"a non-empty string of at most {maxlen} characters")
        return v
    return check


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(v: Any) -> str:
        if v not in options:
            raise ValueError("one of " + ", ".join(options))
        return v
    return check


def _page_size(v: Any) -> str:
    if not isinstance(v, str) or v.upper() not in PAGE_SIZES:
        raise ValueError('"A4" or "Letter"')
    return "A4" if v.upper() == "A4" else "Letter"


def _font_file(v: Any) -> str:
    if not isinstance(v, str) or not _FONT_FILE.match(v):
        raise ValueError('a TrueType file inside the template, like "fonts/Name-Regular.ttf"')
    return v


def _drop_rules(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) and _DROP_RULE.match(x) for x in v):
        raise ValueError('a list like ["quotes>1", "context>3", "agenda.children"]')
    return tuple(v)


def _keys(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) and re.fullmatch(r"[a-z_]+", x) for x in v):
        raise ValueError('a list of section keys like ["purpose", "participants"]')
    return tuple(v)


def _banner_colours(v: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(v, dict):
        raise ValueError('a table like { UNCLASSIFIED = "#007A33" }')
    return tuple(sorted((str(k), _colour(c)) for k, c in v.items()))


_CM = _num(0.5, 6.0)
_PT = _num(4.0, 40.0)
_SPACE = _num(0.0, 40.0)

# table -> key -> (Style field, validator, converter to the stored value)
_SCHEMA: dict[str, dict[str, tuple[str, Callable[[Any], Any]]]] = {
    "page": {
        "size": ("page_size", _page_size),
        "margin_top_cm": ("margin_top", _CM),
        "margin_bottom_cm": ("margin_bottom", _CM),
        "margin_left_cm": ("margin_left", _CM),
        "margin_right_cm": ("margin_right", _CM),
    },
    "fonts": {
        "regular": ("font_regular", _font_file),
        "bold": ("font_bold", _font_file),
        "italic": ("font_italic", _font_file),
        "bold_italic": ("font_bold_italic", _font_file),
        "docx_name": ("docx_font", _text(64)),
    },
    "sizes": {
        "body": ("body_size", _num(6.0, 16.0)),
        "leading": ("leading", _num(1.0, 2.0)),
        "min_body": ("min_body_size", _num(9.0, 16.0)),
        "max_body": ("max_body_size", _num(6.0, 18.0)),
        "step": ("size_step", _num(0.1, 2.0)),
        "title": ("title_size", _PT),
        "banner": ("banner_size", _PT),
        "footer": ("footer_size", _num(5.0, 14.0)),
        "label_scale": ("label_scale", _num(0.6, 1.5)),
        "mark_scale": ("mark_scale", _num(0.5, 1.2)),
    },
    "colours": {
        "text": ("text_colour", _colour),
        "mark": ("mark_colour", _colour),
        "label": ("label_colour", _colour),
        "title": ("title_colour", _colour),
        "rule": ("rule_colour", _colour),
        "footer": ("footer_colour", _colour),
        "accent": ("accent_colour", _colour),
    },
    "banner": {
        "show": ("banner", _bool),
        "marking": ("marking", _text(80)),
        "default_colour": ("banner_default_colour", _colour),
        "colours": ("banner_colours", _banner_colours),
    },
    "layout": {
        "headings": ("headings", _choice(HEADING_MODES)),
        "label_width_cm": ("label_width", _num(0.0, 8.0)),
        "header_label_width_cm": ("header_label_width", _num(0.5, 6.0)),
        "bullet": ("bullet", _text(3)),
        "sub_bullet": ("sub_bullet", _text(3)),
        "rule_width": ("rule_width", _num(0.1, 3.0)),
        "rule_under_header": ("rule_under_header", _bool),
        "rule_above_footer": ("rule_above_footer", _bool),
    },
    "spacing": {k: (f"space_{k}", _SPACE) for k in SPACING_KEYS},
    "fit": {
        "fill": ("fill", _num(0.5, 1.0)),
        "drop_order": ("drop_order", _drop_rules),
        "never_drop": ("never_drop", _keys),
        "optional_sections": ("optional_sections", _keys),
        "min_spacing_scale": ("min_spacing_scale", _num(0.2, 1.0)),
        "max_spacing_scale": ("max_spacing_scale", _num(1.0, 3.0)),
        "bullet_lines": ("bullet_lines", _int(1, 6)),
        "quote_lines": ("quote_lines", _int(1, 8)),
        "bottom_line_lines": ("bottom_line_lines", _int(1, 8)),
    },
}
_CM_FIELDS = {"margin_top", "margin_bottom", "margin_left", "margin_right",
              "label_width", "header_label_width"}


DESCRIPTION_MAX = 120


def parse_style(text: str, *, name: str, base_dir: Path) -> Style:
    """Parse and validate style.toml text; font paths resolve inside ``base_dir``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise TemplateError(f"style.toml of template {name!r}: {e}") from None
    values: dict[str, Any] = {"name": name, "spacing_scale": 1.0, "folder": base_dir}
    for table, content in data.items():
        if table == "description":  # one line for `briefgen templates list`; not part of the look
            if not isinstance(content, str) or "\n" in content or len(content) > DESCRIPTION_MAX:
                raise TemplateError(f"style.toml of template {name!r}: description must be one line "
                                    f"of at most {DESCRIPTION_MAX} characters")
            continue
        if table not in _SCHEMA:
            raise TemplateError(f"style.toml of template {name!r}: unknown table [{table}]")
        if not isinstance(content, dict):
            raise TemplateError(f"style.toml of template {name!r}: [{table}] must be a table")
        for key, raw in content.items():
            if key not in _SCHEMA[table]:
                raise TemplateError(f"style.toml of template {name!r}: unknown key {table}.{key}")
            field_name, check = _SCHEMA[table][key]
            try:
                value = check(raw)
            except ValueError as e:
                raise TemplateError(
                    f"style.toml of template {name!r}: {table}.{key} must be {e}") from None
            if field_name in _CM_FIELDS:
                value = round(value * CM, 3)
            values[field_name] = value
    missing = [f"{t}.{k}" for t, keys in _SCHEMA.items() for k, (fn, _) in keys.items()
               if fn not in values]
    if missing:
        raise TemplateError(f"style.toml of template {name!r}: missing {', '.join(missing)}")
    for key in ("font_regular", "font_bold", "font_italic", "font_bold_italic"):
        path = (base_dir / values[key])
        if not path.is_file():
            raise TemplateError(f"template {name!r}: font file {values[key]} not found")
        values[key] = path
    w, h = PAGE_SIZES[values["page_size"].upper()]
    values.update(page_width=w, page_height=h)
    if not values["min_body_size"] <= values["body_size"] <= values["max_body_size"]:
        raise TemplateError(f"style.toml of template {name!r}: sizes must satisfy min_body <= body <= max_body")
    style = Style(**values)
    if style.content_width < 150 or style.frame_height < 300:
        raise TemplateError(f"style.toml of template {name!r}: margins leave too little room on the page")
    return style


def load_style(path: Path, *, name: str) -> Style:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise TemplateError(f"template {name!r}: cannot read style.toml ({e})") from None
    return parse_style(text, name=name, base_dir=path.parent)
