"""DOCX writer: the fitted memo in Word's built-in styles, on python-docx's template package.

Same FittedMemo, same page as render/pdf.py: page size, margins, sizes, exact
line heights and the same gaps (so LibreOffice and Word keep the PDF's
vertical rhythm), in a font metric-compatible with the PDF's, so lines break
alike. Where the PDF places things (see its page plan), the DOCX does too:
the top banner in the page header part, centred in the top margin; the rule,
footer lines, "Page 1 of 1" (a PAGE / NUMPAGES field) and the bottom banner in
the page footer part. Title for the memo title, Heading 1 for section labels
(left cell of a borderless table in ``column`` mode), List Bullet / List
Bullet 2 for entries and sub-points, Quote for key quotes, Normal for prose.
Bytes are reproducible: fixed core-property dates and a normalised zip.

Speed: python-docx is never imported (~65 ms of start-up). Its own template
(default.docx) is read as a zip and set up once per Style and process (page,
styles, numbering, empty header and footer parts) with lxml, element for element
and attribute for attribute as python-docx's setters would write it (see
docx_package for the package parts); that set-up is also kept in briefgen's derived-data cache
for the next process. The memo's paragraphs are then written as plain lxml
elements, exactly as python-docx would write them, and the zip is written once
with the unchanging parts deflated once.
"""
from __future__ import annotations

import copy
import re
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from lxml import etree

from briefgen.model.blocks import Banner, Bullets, Entry, Footer, HeaderFields, Para, Quotes, Rule, Run, Section
from briefgen.render.docx_package import (Deflated, app_properties, deflate, set_core_properties,
                           template_package, template_package_parser, zip_package)
from briefgen.render.text import is_empty

GENERATOR = "briefgen"
_PAGE_FIELD = re.compile(r"^(\D*?)1(\D+?)1(\D*)$")  # "Page 1 of 1" -> PAGE / NUMPAGES fields
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")


# ----------------------------------------------------------------------------- geometry
# Mirrors render/pdf.py so both formats put the same things in the same places.

def banner_height(style) -> float:
    return style.banner_size * 1.2


def footer_label_width(style) -> float:
    """Width of the "Page 1 of 1" column beside the footer lines (pdf.footer_flowable)."""
    return min(style.frame_width * 0.25, 80.0)


def label_drop(style) -> float:
    """How far the PDF lowers a smaller label to share the first body line's baseline
    (pdf._label_offset). In Word the shared baseline is free; the drop is added below
    the label instead, so a one-line row is exactly as tall as in the PDF."""
    from briefgen.layout.fonts import fonts_for  # first: it imports reportlab, configured
    from reportlab.pdfbase import pdfmetrics

    f = fonts_for(style)
    body = pdfmetrics.getAscentDescent(f.regular, style.body_size)[0]
    label = pdfmetrics.getAscentDescent(f.bold, style.label_size)[0]
    return max(0.0, body - label)


def bullet_geometry(style, depth: int) -> tuple[float, float]:
    """(text indent, bullet position) of an entry at ``depth``, in points (pdf._kit)."""
    ind = style.bullet_indent
    return ind * (depth + 1), ind * depth + 0.15 * style.body_size


# ----------------------------------------------------------------------------- low level

def _twips(pt: float) -> str:
    return str(round(pt * 20))


# python-docx's child sequences (oxml/text/font.py, parfmt.py, styles.py, section.py): a new
# child goes before the first of its successors present, looked up in this order, as there
_RPR_SEQ = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
            "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
            "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
            "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
            "eastAsianLayout", "specVanish", "oMath")
_PPR_SEQ = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
            "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
            "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
            "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_STYLE_SEQ = ("name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
              "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
              "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")
_SECT_SEQ = ("footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders",
             "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
             "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")


def _insert(parent, tag: str, successors) -> object:
    """A new ``w:tag`` child placed as python-docx's insert_element_before places it."""
    el = etree.SubElement(parent, _W + tag)
    for name in successors:
        succ = parent.find(_W + name)
        if succ is not None and succ is not el:
            succ.addprevious(el)
            break
    return el


def _get_or_add(parent, tag: str, seq) -> object:
    el = parent.find(_W + tag)
    if el is None:
        el = _insert(parent, tag, seq[seq.index(tag) + 1:])
    return el


def _on_off(parent, tag: str, value: bool, seq) -> None:
    """CT_OnOff: True is the default (no w:val), False is w:val="0"."""
    el = _get_or_add(parent, tag, seq)
    if value:
        el.attrib.pop(_W + "val", None)
    else:
        el.set(_W + "val", "0")


def _set_fonts(rpr, name: str) -> None:
    """One font for every script slot, with the theme fonts (which would win) removed."""
    fonts = rpr.find(_W + "rFonts")
    if fonts is None:
        fonts = etree.SubElement(rpr, _W + "rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS + ("hint",):
        fonts.attrib.pop(_W + attr, None)
    for attr in _FONT_SLOTS:
        fonts.set(_W + attr, name)


def _remove_all(parent, *tags: str) -> None:
    for tag in tags:
        for el in parent.findall(_W + tag):
            parent.remove(el)


# ----------------------------------------------------------------------------- styles

def _configure(doc, styles, numbering, style) -> None:
    """Page set-up, document defaults and every built-in style the memo uses: the same
    elements, attributes and order as python-docx's setters would write them."""
    sect = doc.find(_W + "body").find(_W + "sectPr")
    pg_sz = _get_or_add(sect, "pgSz", _SECT_SEQ)
    pg_sz.set(_W + "w", _tw(style.page_width))
    pg_sz.set(_W + "h", _tw(style.page_height))
    bh = banner_height(style)  # banners centred in the margins, as the PDF draws them
    pg_mar = _get_or_add(sect, "pgMar", _SECT_SEQ)
    for attr, value in (("top", style.margin_top), ("bottom", style.margin_bottom),
                        ("left", style.margin_left), ("right", style.margin_right), ("gutter", 0.0),
                        ("header", max(0.0, style.margin_top / 2 - bh / 2)),
                        ("footer", max(0.0, style.margin_bottom / 2 - bh / 2))):
        pg_mar.set(_W + attr, _tw(value))

    defaults = styles.find(_W + "docDefaults")
    _set_fonts(defaults.find(_W + "rPrDefault").find(_W + "rPr"), style.docx_font)
    for sp in defaults.find(_W + "pPrDefault").find(_W + "pPr").findall(_W + "spacing"):
        sp.set(_W + "after", "0")
        sp.set(_W + "line", "240")
        sp.set(_W + "lineRule", "auto")

    by_name = {}
    for st in styles.iterfind(_W + "style"):
        name = st.find(_W + "name")
        if name is not None:
            by_name.setdefault(name.get(_W + "val"), st)

    def setup(name: str, *, size: float, bold: bool, colour: str, line: float,
              left: float = 0.0, first_line: float = 0.0):
        st = by_name[_INTERNAL.get(name, name)]
        rpr = _get_or_add(st, "rPr", _STYLE_SEQ)
        _set_fonts(rpr, style.docx_font)
        _get_or_add(rpr, "sz", _RPR_SEQ).set(_W + "val", _hps(size))
        _on_off(rpr, "b", bold, _RPR_SEQ)
        _on_off(rpr, "i", False, _RPR_SEQ)
        _on_off(rpr, "caps", False, _RPR_SEQ)
        rgb = _rgb(colour)
        if rgb is not None or rpr.find(_W + "color") is not None:
            _remove_all(rpr, "color")
            if rgb is not None:
                _get_or_add(rpr, "color", _RPR_SEQ).set(_W + "val", rgb)
        ppr = _get_or_add(st, "pPr", _STYLE_SEQ)
        spacing = _get_or_add(ppr, "spacing", _PPR_SEQ)
        spacing.set(_W + "lineRule", "exact")
        spacing.set(_W + "line", _tw(line))
        spacing.set(_W + "before", "0")
        spacing.set(_W + "after", "0")
        _on_off(ppr, "widowControl", False, _PPR_SEQ)
        ind = _get_or_add(ppr, "ind", _PPR_SEQ)
        ind.set(_W + "left", _tw(left))
        ind.set(_W + "right", "0")
        ind.attrib.pop(_W + "firstLine", None)
        ind.attrib.pop(_W + "hanging", None)
        if _emu(first_line) < 0:
            ind.set(_W + "hanging", _tw(-first_line))
        else:
            ind.set(_W + "firstLine", _tw(first_line))
        _remove_all(ppr, "pBdr", "contextualSpacing")
        _remove_all(rpr, "spacing", "kern", "i", "iCs")
        return st, ppr

    body, lh = style.body_size, style.line_height
    setup("Normal", size=body, bold=False, colour=style.text_colour, line=lh)
    setup("Title", size=style.title_size, bold=True, colour=style.title_colour,
          line=style.title_size * 1.2)
    for name in ("Heading 1", "Heading 2"):
        _, ppr = setup(name, size=style.label_size, bold=True, colour=style.label_colour, line=lh)
        _on_off(ppr, "keepNext", True, _PPR_SEQ)
        _on_off(ppr, "keepLines", True, _PPR_SEQ)
    setup("Quote", size=body, bold=False, colour=style.text_colour, line=lh)
    for depth, name in enumerate(("List Bullet", "List Bullet 2")):
        text_at, bullet_at = bullet_geometry(style, depth)  # same as the numbering level
        setup(name, size=body, bold=False, colour=style.text_colour, line=lh, left=text_at,
              first_line=bullet_at - text_at)
    for name in ("Header", "Footer"):
        _, ppr = setup(name, size=style.footer_size, bold=False, colour=style.footer_colour,
                       line=style.footer_size * 1.3)
        _remove_all(ppr, "tabs")
    _bullet_numbering(numbering, style)
    return by_name


_INTERNAL = {"Header": "header", "Footer": "footer", "Heading 1": "heading 1",
             "Heading 2": "heading 2"}  # python-docx's BabelFish: UI name -> w:name


def _bullet_numbering(numbering, style) -> None:
    """List Bullet / List Bullet 2 get the style's bullet characters, font and indents."""
    levels = {"ListBullet": (style.bullet, 0), "ListBullet2": (style.sub_bullet, 1)}
    for absnum in numbering.findall(_W + "abstractNum"):
        lvl = absnum.find(_W + "lvl")
        pstyle = lvl.find(_W + "pStyle") if lvl is not None else None
        if pstyle is None or pstyle.get(_W + "val") not in levels:
            continue
        char, depth = levels[pstyle.get(_W + "val")]
        lvl.find(_W + "lvlText").set(_W + "val", char)
        text_at, bullet_at = bullet_geometry(style, depth)
        ppr = lvl.find(_W + "pPr")
        for tab in ppr.iter(_W + "tab"):
            tab.set(_W + "pos", _twips(text_at))
        ind = ppr.find(_W + "ind")
        ind.set(_W + "left", _twips(text_at))
        ind.set(_W + "hanging", _twips(text_at - bullet_at))
        fonts = lvl.find(_W + "rPr").find(_W + "rFonts")
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in _FONT_SLOTS:
            fonts.set(_W + attr, style.docx_font)


def _set_language(styles, language: str) -> None:
    """The document language, in the styles' defaults (``styles``: the w:styles root)."""
    rpr = styles.find(_W + "docDefaults").find(_W + "rPrDefault").find(_W + "rPr")
    lang = rpr.find(_W + "lang")
    if lang is None:
        lang = etree.SubElement(rpr, _W + "lang")
    lang.set(_W + "val", language or "en")


# ----------------------------------------------------------------------------- package base
# Everything but the memo's own text is the same for every memo of a given Style: the
# page set-up, the configured styles, numbering, settings, theme and the empty header and
# footer parts. That is built once per Style and process (or loaded from the derived-data cache);
# each render deep-copies the three small parts it fills (document, header, footer) and
# reuses the rest deflated.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_STYLE_NAMES = ("Normal", "Title", "Heading 1", "Heading 2", "Quote", "List Bullet", "List Bullet 2",
                "Header", "Footer")


@dataclass
class _Base:
    """One Style's configured, empty package (see the comment above)."""
    document: object  # w:document root, body holding only w:sectPr
    header: object  # w:hdr root with python-docx's empty first paragraph
    footer: object  # w:ftr root, likewise
    header_name: str
    footer_name: str
    core: object  # cp:coreProperties root
    styles: object  # w:styles root; its language is set per render, the part cached
    static: dict[str, Deflated]
    style_ids: dict[str, str]
    footer_distance: float  # points, as stored (twips)
    label_drop: float
    by_language: dict[str, Deflated] = field(default_factory=dict)

    def styles_part(self, language: str, style) -> Deflated:
        part = self.by_language.get(language)
        if part is None:
            if self.styles is None:  # loaded from the cache for another language
                self.styles = _build_base(style).styles
            _set_language(self.styles, language)  # only w:lang's value differs by language
            part = self.by_language[language] = deflate(_xml(self.styles))
        return part


_BASES: OrderedDict = OrderedDict()  # Style -> _Base, least recently used first
_MAX_BASES = 16  # fitting picks among a few body sizes per template: bounded, so batches stay flat


def _base_key(style):
    # spacing_scale only enters the drawing (style.space), never the package: memos the
    # fitter only tightened share one base
    return replace(style, spacing_scale=1.0)


def _base(style, language: str = "en") -> _Base:
    key = _base_key(style)
    base = _BASES.get(key)
    if base is None:
        base = _BASES[key] = _build_base(key)
        while len(_BASES) > _MAX_BASES:
            _BASES.popitem(last=False)
    else:
        _BASES.move_to_end(key)
    return base


def _build_base(style) -> _Base:
    pkg = template_package()
    document, styles, numbering = (pkg.parse(n) for n in
                                   ("word/document.xml", "word/styles.xml", "word/numbering.xml"))
    by_name = _configure(document, styles, numbering, style)
    body = document.find(_W + "body")
    for p in list(body.iterchildren(_W + "p")):
        body.remove(p)
    sect = body.find(_W + "sectPr")
    for kind, rid in (("header", pkg.header_rid), ("footer", pkg.footer_rid)):
        ref = _insert(sect, kind + "Reference", _SECT_SEQ)
        ref.set(_W + "type", "default")
        ref.set(_R_ID, rid)
    footer_twips = int(sect.find(_W + "pgMar").get(_W + "footer"))
    static = dict(pkg.static)
    static["word/numbering.xml"] = deflate(_xml(numbering))
    return _Base(
        document=document, header=pkg.parse("header"), footer=pkg.parse("footer"),
        header_name=pkg.header_name, footer_name=pkg.footer_name,
        core=pkg.parse("docProps/core.xml"), styles=styles, static=static,
        style_ids={name: by_name[_INTERNAL.get(name, name)].get(_W + "styleId")
                   for name in _STYLE_NAMES},
        footer_distance=footer_twips * 635 / 12700.0, label_drop=label_drop(style))


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _xml(root) -> bytes:
    """A part's bytes exactly as python-docx serialises it."""
    return etree.tostring(root, encoding="UTF-8", standalone=True)


@lru_cache(maxsize=1)
def _generator() -> str:
    from briefgen import __version__

    return f"{GENERATOR} {__version__}"


@lru_cache(maxsize=1)
def _app_part() -> Deflated:
    return deflate(app_properties(_generator()))


# ----------------------------------------------------------------------------- XML builders
# Plain lxml elements in the order and with the values python-docx would write
# (its Pt / twips / half-point arithmetic); lxml escapes all text and attribute values.

def _emu(pt: float) -> int:
    return int(pt * 12700)  # docx.shared.Pt


def _tw(pt: float) -> str:
    """Twips as python-docx's ST_TwipsMeasure writes a Pt."""
    return str(int(round(_emu(pt) / 635.0)))


def _hps(pt: float) -> str:
    """Half points as python-docx's ST_HpsMeasure writes a Pt (rounded down)."""
    return str(int(_emu(pt) / 12700.0 * 2))


def _rgb(colour: str | None) -> str | None:
    if colour and re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
        return colour[1:].upper()
    return None


def _sub(parent, tag: str, *attrs: tuple[str, str]):
    """``<w:tag w:k="v" ...>`` appended to ``parent``, attributes in the given order."""
    return etree.SubElement(parent, _W + tag, {_W + k: v for k, v in attrs})


def _exact_spacing(line: float, before: float = 0.0, after: float = 0.0) -> tuple:
    return (("lineRule", "exact"), ("line", _tw(line)), ("before", _tw(before)), ("after", _tw(after)))


def _paragraph(parent, style_id: str, *, border=None, tabs: float | None = None, spacing=(),
               ind: tuple[float, float] | None = None, jc: str | None = None):
    """A w:p with its w:pPr children in schema order. ``border``: (width pt, colour) of a
    bottom rule; ``tabs``: a left tab stop; ``ind``: (left, hanging)."""
    p = etree.SubElement(parent, _W + "p") if parent is not None else etree.Element(_W + "p")
    ppr = _sub(p, "pPr")
    _sub(ppr, "pStyle", ("val", style_id))
    if border is not None:
        width, colour = border
        bdr = _sub(ppr, "pBdr")
        _sub(bdr, "bottom", ("val", "single"), ("sz", str(max(2, min(96, round(width * 8))))),
             ("space", "0"), ("color", (colour or "#000000").lstrip("#").upper()))
    if tabs is not None:
        _sub(_sub(ppr, "tabs"), "tab", ("pos", _tw(tabs)), ("val", "left"))
    if spacing:
        _sub(ppr, "spacing", *spacing)
    if ind is not None:
        _sub(ppr, "ind", ("left", _tw(ind[0])), ("hanging", _tw(ind[1])))
    if jc is not None:
        _sub(ppr, "jc", ("val", jc))
    return p


def _run(p, text: str | None = None, *, bold: bool | None = None, italic: bool = False,
         colour: str | None = None, size: float | None = None):
    """A w:r (rPr children in schema order: b, i, color, sz) holding ``text`` as
    python-docx writes it: tabs as w:tab, line breaks as w:br, edge spaces preserved."""
    r = _sub(p, "r")
    if bold is not None or italic or colour is not None or size is not None:
        rpr = _sub(r, "rPr")
        if bold is not None:
            _sub(rpr, "b") if bold else _sub(rpr, "b", ("val", "0"))
        if italic:
            _sub(rpr, "i")
        if colour is not None:
            _sub(rpr, "color", ("val", colour))
        if size is not None:
            _sub(rpr, "sz", ("val", _hps(size)))
    if text:
        for piece in _CONTROL.split(text):
            if piece == "\t":
                _sub(r, "tab")
            elif piece in ("\r", "\n"):
                _sub(r, "br")
            elif piece:
                t = _sub(r, "t")
                t.text = piece
                if len(piece.strip()) < len(piece):
                    t.set(_XML_SPACE, "preserve")
    return r


_CONTROL = re.compile(r"([\t\r\n])")


def _table(parent, widths: tuple[float, ...]):
    """A borderless, fixed-width table with zero cell margins: it only aligns columns."""
    tbl = _sub(parent, "tbl")
    pr = _sub(tbl, "tblPr")
    _sub(pr, "tblW", ("w", _twips(sum(widths))), ("type", "dxa"))
    _sub(pr, "jc", ("val", "left"))
    _sub(pr, "tblInd", ("w", "0"), ("type", "dxa"))
    borders = _sub(pr, "tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, edge, ("val", "nil"))
    _sub(pr, "tblLayout", ("type", "fixed"))
    mar = _sub(pr, "tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        _sub(mar, edge, ("w", "0"), ("type", "dxa"))
    grid = _sub(tbl, "tblGrid")
    for w in widths:
        _sub(grid, "gridCol", ("w", _twips(w)))
    return tbl


def _row(tbl, widths: tuple[float, ...], *, top: float = 0.0, valign: tuple[str | None, ...] = ()):
    """A row of empty cells (fill them, then ``_close_cell``), each with zero side margins."""
    tr = _sub(tbl, "tr")
    cells = []
    for n, w in enumerate(widths):
        tc = _sub(tr, "tc")
        pr = _sub(tc, "tcPr")
        _sub(pr, "tcW", ("type", "dxa"), ("w", _tw(w)))
        mar = _sub(pr, "tcMar")
        for edge, value in (("top", top), ("left", 0.0), ("bottom", 0.0), ("right", 0.0)):
            _sub(mar, edge, ("w", _twips(value)), ("type", "dxa"))
        if n < len(valign) and valign[n]:
            _sub(pr, "vAlign", ("val", valign[n]))
        cells.append(tc)
    return cells


def _close_cell(tc) -> None:
    """A table cell must hold a paragraph."""
    if tc.find(_W + "p") is None:
        _sub(tc, "p")


def _field(p, instr: str, shown: str, fmt: dict) -> None:
    """A complex field (PAGE, NUMPAGES) with its current result, so any reader sees text."""
    _sub(_run(p, **fmt), "fldChar", ("fldCharType", "begin"))
    code = _sub(_run(p, **fmt), "instrText")
    code.set(_XML_SPACE, "preserve")
    code.text = f" {instr} "
    _sub(_run(p, **fmt), "fldChar", ("fldCharType", "separate"))
    _run(p, shown, **fmt)
    _sub(_run(p, **fmt), "fldChar", ("fldCharType", "end"))


# ----------------------------------------------------------------------------- writer

class _Writer:
    """Walks the fitted blocks once; every block type has exactly one case."""

    def __init__(self, fitted) -> None:
        self.style = fitted.style
        self.memo = fitted.memo
        self.base = base = _base(self.style, fitted.memo.meta.language or "en")
        self.ids = base.style_ids
        self.document = copy.deepcopy(base.document)
        self.body = self.document.find(_W + "body")
        self.sect = self.body.find(_W + "sectPr")
        self.header = copy.deepcopy(base.header)
        self.footer = copy.deepcopy(base.footer)
        # each part's empty first paragraph, used by the first paragraph drawn there
        self._unused = {id(self.header): self.header.find(_W + "p"),
                        id(self.footer): self.footer.find(_W + "p")}
        self.table = None  # the label/content table of column mode
        self.sections_drawn = 0

    # helpers -------------------------------------------------------------------
    def _doc_paragraph(self, style_name: str, **ppr):
        p = _paragraph(None, self.ids[style_name], **ppr)
        self.sect.addprevious(p)
        return p

    def _part_paragraph(self, part, style_name: str, **ppr):
        """The next paragraph of a header/footer part (in place of its empty first one, then new)."""
        p = _paragraph(None, self.ids[style_name], **ppr)
        unused = self._unused.pop(id(part), None)
        if unused is not None:
            part.replace(unused, p)
        else:
            part.append(p)
        return p

    def _runs(self, p, runs: tuple[Run, ...], *, size: float | None = None, colour=None) -> None:
        st = self.style
        for r in runs:
            match r.style:
                case "bold":
                    _run(p, r.text, bold=True, colour=colour, size=size)
                case "italic":
                    _run(p, r.text, italic=True, colour=colour, size=size)
                case "mark":
                    _run(p, r.text, colour=_rgb(st.mark_colour), size=st.mark_size)
                case "plain":
                    _run(p, r.text, colour=colour, size=size)
                case other:
                    raise ValueError(f"docx renderer: unknown run style {other!r}")

    # blocks ----------------------------------------------------------------------
    def draw(self) -> None:
        blocks = list(self.memo.blocks)
        footer_at = next((i for i, b in enumerate(blocks) if isinstance(b, Footer)), None)
        bottom_from = len(blocks)
        if footer_at is not None:  # the footer and the rules right above it sit at the bottom
            bottom_from = footer_at
            while bottom_from > 0 and isinstance(blocks[bottom_from - 1], Rule):
                bottom_from -= 1
        for i, block in enumerate(blocks):
            at_top = i == 0
            at_bottom = i >= bottom_from
            match block:
                case Banner() as b:
                    self.banner(b, top=at_top or not at_bottom)
                case HeaderFields() as h:
                    self.header_fields(h)
                case Rule():
                    self.footer_rule() if at_bottom else self.rule()
                case Section() as s:
                    self.section(s)
                case Footer() as f:
                    self.footer_block(f)
                case _:
                    raise TypeError(f"docx renderer: unknown block {type(block).__name__}")

    def banner(self, b: Banner, *, top: bool) -> None:
        st = self.style
        part = self.header if top else self.footer
        # at the bottom: lift the footer lines to the bottom margin, banner centred below them
        gap = 0.0 if top else max(0.0, st.margin_bottom / 2 - banner_height(st) / 2)
        p = self._part_paragraph(part, "Header" if top else "Footer",
                                 spacing=_exact_spacing(banner_height(st), before=gap), jc="center")
        _run(p, b.text, bold=True, colour=_rgb(b.colour) or _rgb(st.text_colour), size=st.banner_size)

    def header_fields(self, h: HeaderFields) -> None:
        st = self.style
        self.table = None
        lh = st.line_height
        if h.title:
            p = self._doc_paragraph("Title", spacing=(("after", _tw(0.45 * lh)),))
            _run(p, h.title)
        width = st.header_label_width
        for n, f in enumerate(h.fields):
            after = (0.15 * lh if n < len(h.fields) - 1 else 0.0) + self.base.label_drop
            p = self._doc_paragraph("Normal", tabs=width, spacing=(("after", _tw(after)),),
                                    ind=(width, width))
            _run(p, f"{f.label}:", bold=True, colour=_rgb(st.accent_colour), size=st.label_size)
            _run(p, "\t")
            _run(p, f.value, bold=f.label.upper() == "SUBJECT")

    def rule(self) -> None:
        """The rule under the header: 0.35 line above it, the header gap below (pdf._rule)."""
        st = self.style
        self.table = None
        p = self._doc_paragraph("Normal", border=(st.rule_width, st.rule_colour),
                                spacing=_exact_spacing(0.35 * st.line_height, after=st.space("header")))
        _run(p, size=1)

    def footer_rule(self) -> None:
        st = self.style
        p = self._part_paragraph(self.footer, "Footer", border=(st.rule_width, st.rule_colour),
                                 spacing=_exact_spacing(1.0, after=0.45 * st.footer_size * 1.3))
        _run(p, size=1)

    def footer_block(self, f: Footer) -> None:
        """Footer lines on the left, the page label bottom-right beside them (pdf.footer_flowable)."""
        st = self.style
        grey = {"colour": _rgb(st.footer_colour), "size": st.footer_size}
        label_w = footer_label_width(st)
        widths = (st.frame_width - label_w, label_w)
        empty = self._unused.pop(id(self.footer), None)
        if empty is not None:  # no rule above: the part's first, empty paragraph would take a line
            self.footer.remove(empty)
        left, right = _row(_table(self.footer, widths), widths, valign=(None, "bottom"))
        for line in f.lines:
            self._runs(_paragraph(left, self.ids["Footer"]), line, size=st.footer_size,
                       colour=grey["colour"])
        _close_cell(left)
        p = _paragraph(right, self.ids["Footer"], jc="right")
        m = _PAGE_FIELD.match(f.page_label or "")
        if m:
            head, mid, tail = m.groups()
            for text, instr in ((head, None), ("1", "PAGE"), (mid, None), ("1", "NUMPAGES"), (tail, None)):
                if instr:
                    _field(p, instr, text, grey)
                elif text:
                    _run(p, text, **grey)
        elif f.page_label:
            _run(p, f.page_label, **grey)

    def finish(self) -> None:
        """A header/footer part must end with a paragraph; one closing the footer after its
        table also lifts the footer lines to the bottom margin, as in the PDF."""
        st = self.style
        last = self.footer[-1] if len(self.footer) else None
        if last is None or last.tag != _W + "p":
            lift = st.margin_bottom - self.base.footer_distance
            _paragraph(self.footer, self.ids["Footer"], spacing=_exact_spacing(max(1.0, lift)))

    # sections ------------------------------------------------------------------------
    def section(self, s: Section) -> None:
        if is_empty(s):
            return  # emptied by fitting: not drawn
        st = self.style
        gap = st.space("section") if self.sections_drawn else 0.0
        self.sections_drawn += 1
        if st.headings == "column":
            widths = (st.label_width, st.content_width)
            if self.table is None:
                self.table = _table(self.body, widths)
                self.sect.addprevious(self.table)
            label_cell, body_cell = _row(self.table, widths, top=gap)
            label = _paragraph(label_cell, self.ids["Heading 1"],
                               spacing=(("after", _tw(self.base.label_drop)),))
            _run(label, s.label)
            self._body(s, lambda style_name, **ppr: _paragraph(body_cell, self.ids[style_name], **ppr))
            _close_cell(body_cell)
        else:
            label = self._doc_paragraph("Heading 1", spacing=(("before", _tw(gap)),
                                                              ("after", _tw(st.space("item") + 1.0))))
            _run(label, s.label)
            self._body(s, self._doc_paragraph)

    def _body(self, s: Section, new_paragraph) -> None:
        st = self.style

        def paragraph(style_name: str, gap: float):
            return new_paragraph(style_name, spacing=(("before", _tw(gap)),))

        count = 0
        for part in s.body:
            match part:
                case Para(entry=e):
                    items = [(e, "Normal")]
                case Quotes(entries=es):
                    items = [(e, "Quote") for e in es]
                case Bullets(entries=es):
                    items = [(e, "List Bullet") for e in es]
                case _:
                    raise TypeError(f"docx renderer: unknown section part {type(part).__name__}")
            for e, style_name in items:
                p = paragraph(style_name, st.space("item") if count else 0.0)
                count += 1
                self._entry(p, e)
                for c in e.children:
                    self._entry(paragraph("List Bullet 2", st.space("child")), c)

    def _entry(self, p, e: Entry) -> None:
        self._runs(p, e.runs)
        if e.attribution:
            _run(p, " ")
            self._runs(p, e.attribution)


def render(fitted) -> bytes:
    """Render ``fitted.memo`` with ``fitted.style`` as reproducible DOCX bytes."""
    writer = _Writer(fitted)
    writer.draw()
    writer.finish()
    base = writer.base
    core = copy.deepcopy(base.core)
    set_core_properties(core, fitted.memo.meta, generator=_generator())
    parts = dict(base.static)
    parts["word/document.xml"] = deflate(_xml(writer.document))
    parts[base.header_name] = deflate(_xml(writer.header))
    parts[base.footer_name] = deflate(_xml(writer.footer))
    parts["docProps/core.xml"] = deflate(_xml(core))
    parts["docProps/app.xml"] = _app_part()
    parts["word/styles.xml"] = base.styles_part(fitted.memo.meta.language or "en", fitted.style)
    return zip_package(parts)
