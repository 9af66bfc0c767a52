"""reportlab paragraph styles and markup for a Style: what the page is measured and drawn with.

Both the fitter (layout/measure.py) and the PDF renderer use these paragraphs, so
what fits when measured fits when drawn. Every string is escaped for reportlab's
paragraph markup, switching to the fallback font where the family lacks a glyph.
"""
from __future__ import annotations

from typing import NamedTuple
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefgen.compose.styles import Style
from briefgen.layout.fonts import FontSet, fonts_for, split_by_font
from briefgen.model.blocks import Entry, Run


class OncePara(Paragraph):
    """A Paragraph that breaks its lines once per width. A section Table wraps its cells
    when the frame lays it out and again when it draws them; the second break would be
    identical (same text, style and width), so it is skipped."""

    wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.wrapped is not None and self.wrapped[0] == availWidth:
            return self.wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self.wrapped = (availWidth, size)
        return size


class Kit(NamedTuple):
    """The paragraph styles of one Style (one per kind of text on the page); an internal record."""

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


def bullet_geometry(style: Style, depth: int) -> tuple[float, float]:
    """(text indent, bullet position) of an entry at ``depth`` (0 or 1), in points."""
    ind = style.bullet_indent
    return ind * (depth + 1), ind * depth + 0.15 * style.body_size


@lru_cache(maxsize=64)
def kit(style: Style) -> Kit:
    f = fonts_for(style)
    size, lead = style.body_size, style.line_height
    text = HexColor(style.text_colour)

    def ps(name: str, **kw) -> ParagraphStyle:
        base = dict(fontName=f.regular, fontSize=size, leading=lead, textColor=text,
                    spaceBefore=0, spaceAfter=0, alignment=TA_LEFT, allowWidows=1, allowOrphans=1,
                    splitLongWords=1, bulletFontName=f.regular, bulletFontSize=size)
        base.update(kw)
        return ParagraphStyle(name, **base)

    def bullet_font(ch: str) -> str:
        return f.regular if all(ord(c) in f.covered for c in ch) else f.fallback

    (ind0, at0), (ind1, at1) = bullet_geometry(style, 0), bullet_geometry(style, 1)
    return Kit(
        fonts=f,
        body=ps("body"),
        bullet=ps("bullet", leftIndent=ind0, bulletIndent=at0, bulletFontName=bullet_font(style.bullet)),
        child=ps("child", leftIndent=ind1, bulletIndent=at1, bulletFontName=bullet_font(style.sub_bullet)),
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


@lru_cache(maxsize=64)
def markup_colour(colour: str) -> str:
    """A "#RRGGBB" colour written as reportlab's paragraph markup reads it quickest,
    "rgb(r,g,b)" (its CSS form): the same Color, where a "#RRGGBB" string first goes through
    reportlab's slower guesses (named colours, a failed literal_eval) before HexColor takes it.
    About a third of the parse of an entry with a paragraph mark went there."""
    return "rgb({},{},{})".format(int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def escape(text: str) -> str:
    """&, < and > as entities: reportlab's paragraph markup is XML-like."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_markup(text: str, fonts: FontSet) -> str:
    """Escaped markup for ``text``, switching to the fallback font where the family lacks a glyph."""
    out = []
    for font, piece in split_by_font(text, fonts):
        esc = escape(piece)
        out.append(esc if font == "main" else f'<font face="{font}">{esc}</font>')
    return "".join(out)


def runs_markup(runs: tuple[Run, ...], style: Style, fonts: FontSet) -> str:
    out = []
    for r in runs:
        t = text_markup(r.text, fonts)
        match r.style:
            case "bold":
                out.append(f"<b>{t}</b>")
            case "italic":
                fonts.ensure()  # reportlab maps <i> to the italic faces: register them first
                out.append(f"<i>{t}</i>")
            case "mark":
                out.append(f'<font size="{style.mark_size}" color="{markup_colour(style.mark_colour)}">{t}</font>')
            case _:
                out.append(t)
    return "".join(out)


# Paragraphs built for fitting, reused by the drawing that follows: the fitter measures
# every entry, label, header field, footer line and banner at the final size, so the
# renderer need not parse and break them again (layout/flowables.py builds all of them here).
# Keyed by everything a paragraph depends on (markup, the style object, the bullet).
# Each fit starts it afresh (``new_memo``), so it holds one memo's paragraphs, never
# carries work from one article (or one benchmark build) to the next, and stays small.
_PARAS: dict[tuple, OncePara] = {}
_PARAS_MAX = 2048


def new_memo() -> None:
    """Forget the paragraphs of the previous memo (layout.fit calls this first)."""
    _PARAS.clear()


def para(markup: str, pstyle: ParagraphStyle, bullet: str | None = None) -> OncePara:
    key = (markup, pstyle, bullet)
    p = _PARAS.get(key)
    if p is None:
        if len(_PARAS) >= _PARAS_MAX:
            _PARAS.clear()
        p = _PARAS[key] = OncePara(markup, pstyle, bulletText=bullet)
    return p


# Paragraphs of the words the template supplies (section labels, the title, the header's
# field names, the page label, the banners): the same in every memo drawn in the same
# paragraph style, whatever the article, so they are parsed and broken once per style and
# kept across memos (bounded: the least recently used go first). Never an article's words:
# those stay in the per-memo cache above.
@lru_cache(maxsize=256)
def template_para(markup: str, pstyle: ParagraphStyle) -> OncePara:
    """The paragraph of template words ``markup`` in ``pstyle``, built once."""
    return OncePara(markup, pstyle)


def entry_paragraphs(e: Entry, kind: str, style: Style) -> tuple[Paragraph, list[Paragraph]]:
    """The entry's own paragraph and one per child (bullets only): what is drawn and measured."""
    k = kit(style)
    f = k.fonts
    if kind == "quote":
        markup = runs_markup(e.runs, style, f)
        if e.attribution:
            markup += " " + runs_markup(e.attribution, style, f)
        return para(markup, k.quote), []
    if kind == "para":
        return para(runs_markup(e.runs, style, f), k.body), []
    return (para(runs_markup(e.runs, style, f), k.bullet, style.bullet),
            [para(runs_markup(c.runs, style, f), k.child, style.sub_bullet) for c in e.children])
