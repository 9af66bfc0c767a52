"""DOCX writer: the fitted memo drawn with python-docx in Word's built-in styles.

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
"""
from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ..blocks import Banner, Bullets, Entry, Footer, HeaderFields, Para, Quotes, Rule, Run, Section
from .docx_package import app_properties, drop_thumbnail, normalise_zip, set_core_properties
from .text import is_empty

GENERATOR = "briefgen"
_PAGE_FIELD = re.compile(r"^(\D*?)1(\D+?)1(\D*)$")  # "Page 1 of 1" -> PAGE / NUMPAGES fields
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
# CT_PPr children that must come after w:pBdr in the schema's sequence
_AFTER_PBDR = {qn(f"w:{t}") for t in ("shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
                                       "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
                                       "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
                                       "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
                                       "textDirection", "textAlignment", "textboxTightWrap",
                                       "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")}


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
    from reportlab.pdfbase import pdfmetrics

    from ..fonts import fonts_for

    f = fonts_for(style)
    body = pdfmetrics.getAscentDescent(f.regular, style.body_size)[0]
    label = pdfmetrics.getAscentDescent(f.bold, style.label_size)[0]
    return max(0.0, body - label)


def bullet_geometry(style, depth: int) -> tuple[float, float]:
    """(text indent, bullet position) of an entry at ``depth``, in points (pdf._kit)."""
    ind = style.bullet_indent
    return ind * (depth + 1), ind * depth + 0.15 * style.body_size


# ----------------------------------------------------------------------------- low level

def _hex(colour: str | None) -> RGBColor | None:
    if colour and re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
        return RGBColor.from_string(colour[1:].upper())
    return None


def _twips(pt: float) -> str:
    return str(round(pt * 20))


def _set_fonts(rpr, name: str) -> None:
    """One font for every script slot, with the theme fonts (which would win) removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS + ("w:hint",):
        fonts.attrib.pop(qn(attr), None)
    for attr in _FONT_SLOTS:
        fonts.set(qn(attr), name)


def _exact(fmt, line: float, before: float = 0.0, after: float = 0.0) -> None:
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)


def _border(p, edge: str, width_pt: float, colour: str) -> None:
    """A single line on one edge of a paragraph (w:pBdr): the memo's thin rules."""
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    anchor = next((c for c in ppr if c.tag in _AFTER_PBDR), None)
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(max(2, min(96, round(width_pt * 8)))))  # eighths of a point
    line.set(qn("w:space"), "0")
    line.set(qn("w:color"), (colour or "#000000").lstrip("#").upper())
    bdr.append(line)


def _cell_margins(cell, *, top: float = 0.0) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    mar = OxmlElement("w:tcMar")
    for edge, value in (("top", top), ("left", 0.0), ("bottom", 0.0), ("right", 0.0)):
        m = OxmlElement(f"w:{edge}")
        m.set(qn("w:w"), _twips(value))
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    # CT_TcPr sequence: tcW, gridSpan, vMerge, tcBorders, shd, noWrap, tcMar, ..., vAlign
    anchor = next((c for c in tcpr if c.tag in {qn("w:textDirection"), qn("w:tcFitText"),
                                                 qn("w:vAlign"), qn("w:hideMark")}), None)
    if anchor is not None:
        anchor.addprevious(mar)
    else:
        tcpr.append(mar)


def _plain_table(container, widths: tuple[float, ...]):
    """A borderless, fixed-width table with zero cell margins: it only aligns columns."""
    if isinstance(container, DocumentObject):
        table = container.add_table(rows=0, cols=len(widths))
    else:  # header/footer parts want the width up front
        table = container.add_table(0, len(widths), Pt(sum(widths)))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tblpr = table._tbl.tblPr
    for tag in ("w:tblStyle", "w:tblW", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar",
                "w:tblLook"):
        for el in tblpr.findall(qn(tag)):
            tblpr.remove(el)

    def el(tag: str, **attrs) -> OxmlElement:
        e = OxmlElement(tag)
        for k, v in attrs.items():
            e.set(qn(f"w:{k}"), v)
        return e

    borders = el("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{edge}", val="nil"))
    mar = el("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        mar.append(el(f"w:{edge}", w="0", type="dxa"))
    # CT_TblPr sequence: tblStyle ... tblW, jc, ..., tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    jc = tblpr.find(qn("w:jc"))
    tail = [el("w:tblInd", w="0", type="dxa"), borders, el("w:tblLayout", type="fixed"), mar]
    head = el("w:tblW", w=_twips(sum(widths)), type="dxa")
    if jc is not None:
        jc.addprevious(head)
        for t in reversed(tail):
            jc.addnext(t)
    else:
        for t in [head] + tail:
            tblpr.append(t)
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), _twips(w))
    return table


def _row(table, widths: tuple[float, ...], *, top: float = 0.0):
    row = table.add_row()
    row.allow_break_across_pages = True
    for cell, w in zip(row.cells, widths):
        cell.width = Pt(w)
        _cell_margins(cell, top=top)
    return row.cells


def _field(p, instr: str, shown: str, format_run) -> None:
    """A complex field (PAGE, NUMPAGES) with its current result, so any reader sees text."""
    def run(child=None, text=None):
        r = p.add_run(text)
        format_run(r)
        if child is not None:
            r._r.append(child)

    for kind, child_text in (("begin", None), ("instr", f" {instr} "), ("separate", None),
                             ("result", shown), ("end", None)):
        if kind == "result":
            run(text=child_text)
        elif kind == "instr":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = child_text
            run(code)
        else:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run(fc)


# ----------------------------------------------------------------------------- styles

def _configure(doc, style) -> None:
    """Page set-up, document defaults and every built-in style the memo uses."""
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Pt(style.page_width), Pt(style.page_height)
    sec.top_margin, sec.bottom_margin = Pt(style.margin_top), Pt(style.margin_bottom)
    sec.left_margin, sec.right_margin = Pt(style.margin_left), Pt(style.margin_right)
    sec.gutter = Pt(0)
    # banners centred in the margins, as the PDF draws them
    bh = banner_height(style)
    sec.header_distance = Pt(max(0.0, style.margin_top / 2 - bh / 2))
    sec.footer_distance = Pt(max(0.0, style.margin_bottom / 2 - bh / 2))

    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    _set_fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")), style.docx_font)
    for sp in defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).findall(qn("w:spacing")):
        sp.set(qn("w:after"), "0")
        sp.set(qn("w:line"), "240")
        sp.set(qn("w:lineRule"), "auto")

    def setup(name: str, *, size: float, bold: bool, colour: str, line: float):
        st = styles[name]
        _set_fonts(st.element.get_or_add_rPr(), style.docx_font)
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = False
        st.font.all_caps = False
        st.font.color.rgb = _hex(colour)
        fmt = st.paragraph_format
        _exact(fmt, line)
        fmt.widow_control = False
        fmt.left_indent = fmt.right_indent = fmt.first_line_indent = Pt(0)
        ppr = st.element.get_or_add_pPr()
        for tag in ("w:pBdr", "w:contextualSpacing"):
            for el in ppr.findall(qn(tag)):
                ppr.remove(el)
        rpr = st.element.get_or_add_rPr()
        for tag in ("w:spacing", "w:kern", "w:i", "w:iCs"):
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)
        return st

    body, lh = style.body_size, style.line_height
    setup("Normal", size=body, bold=False, colour=style.text_colour, line=lh)
    setup("Title", size=style.title_size, bold=True, colour=style.title_colour,
          line=style.title_size * 1.2)
    for name in ("Heading 1", "Heading 2"):
        h = setup(name, size=style.label_size, bold=True, colour=style.label_colour, line=lh)
        h.paragraph_format.keep_with_next = True
        h.paragraph_format.keep_together = True
    setup("Quote", size=body, bold=False, colour=style.text_colour, line=lh)
    for depth, name in enumerate(("List Bullet", "List Bullet 2")):
        fmt = setup(name, size=body, bold=False, colour=style.text_colour, line=lh).paragraph_format
        text_at, bullet_at = bullet_geometry(style, depth)  # same as the numbering level
        fmt.left_indent, fmt.first_line_indent = Pt(text_at), Pt(bullet_at - text_at)
    for name in ("Header", "Footer"):
        st = setup(name, size=style.footer_size, bold=False, colour=style.footer_colour,
                   line=style.footer_size * 1.3)
        tabs = st.element.get_or_add_pPr().find(qn("w:tabs"))
        if tabs is not None:
            tabs.getparent().remove(tabs)
    _bullet_numbering(doc, style)


def _bullet_numbering(doc, style) -> None:
    """List Bullet / List Bullet 2 get the style's bullet characters, font and indents."""
    numbering = doc.part.numbering_part.element
    levels = {"ListBullet": (style.bullet, 0), "ListBullet2": (style.sub_bullet, 1)}
    for absnum in numbering.findall(qn("w:abstractNum")):
        lvl = absnum.find(qn("w:lvl"))
        pstyle = lvl.find(qn("w:pStyle")) if lvl is not None else None
        if pstyle is None or pstyle.get(qn("w:val")) not in levels:
            continue
        char, depth = levels[pstyle.get(qn("w:val"))]
        lvl.find(qn("w:lvlText")).set(qn("w:val"), char)
        text_at, bullet_at = bullet_geometry(style, depth)
        ppr = lvl.find(qn("w:pPr"))
        for tab in ppr.iter(qn("w:tab")):
            tab.set(qn("w:pos"), _twips(text_at))
        ind = ppr.find(qn("w:ind"))
        ind.set(qn("w:left"), _twips(text_at))
        ind.set(qn("w:hanging"), _twips(text_at - bullet_at))
        fonts = lvl.find(qn("w:rPr")).find(qn("w:rFonts"))
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in _FONT_SLOTS:
            fonts.set(qn(attr), style.docx_font)


def _set_language(doc, language: str) -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language or "en")


# ----------------------------------------------------------------------------- writer

class _Writer:
    """Walks the fitted blocks once; every block type has exactly one case."""

    def __init__(self, fitted) -> None:
        self.style = fitted.style
        self.memo = fitted.memo
        self.doc = Document()
        drop_thumbnail(self.doc)
        _configure(self.doc, self.style)
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        sec = self.doc.sections[0]
        self.header, self.footer = sec.header, sec.footer
        self.header.is_linked_to_previous = False
        self.footer.is_linked_to_previous = False
        self._unused = {id(self.header): self.header.paragraphs[0],
                        id(self.footer): self.footer.paragraphs[0]}
        self.table = None  # the label/content table of column mode
        self.sections_drawn = 0

    # helpers -------------------------------------------------------------------
    def _part_paragraph(self, part, style_name: str):
        """The next paragraph of a header/footer part (its empty first one, then new ones)."""
        p = self._unused.pop(id(part), None) or part.add_paragraph()
        p.style = style_name
        return p

    def _runs(self, p, runs: tuple[Run, ...], *, size: float | None = None, colour=None) -> None:
        st = self.style
        for r in runs:
            run = p.add_run(r.text)
            match r.style:
                case "bold":
                    run.bold = True
                case "italic":
                    run.italic = True
                case "mark":
                    run.font.size = Pt(st.mark_size)
                    run.font.color.rgb = _hex(st.mark_colour)
                    continue
                case "plain":
                    pass
                case other:
                    raise ValueError(f"docx renderer: unknown run style {other!r}")
            if size is not None:
                run.font.size = Pt(size)
            if colour is not None:
                run.font.color.rgb = colour

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
        p = self._part_paragraph(part, "Header" if top else "Footer")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # at the bottom: lift the footer lines to the bottom margin, banner centred below them
        gap = 0.0 if top else max(0.0, st.margin_bottom / 2 - banner_height(st) / 2)
        _exact(p.paragraph_format, banner_height(st), before=gap)
        run = p.add_run(b.text)
        run.bold = True
        run.font.size = Pt(st.banner_size)
        run.font.color.rgb = _hex(b.colour) or _hex(st.text_colour)

    def header_fields(self, h: HeaderFields) -> None:
        st = self.style
        self.table = None
        lh = st.line_height
        if h.title:
            p = self.doc.add_paragraph(h.title, style="Title")
            p.paragraph_format.space_after = Pt(0.45 * lh)
        width = st.header_label_width
        for n, f in enumerate(h.fields):
            p = self.doc.add_paragraph(style="Normal")
            fmt = p.paragraph_format
            fmt.left_indent = Pt(width)
            fmt.first_line_indent = Pt(-width)
            fmt.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.LEFT)
            fmt.space_after = Pt((0.15 * lh if n < len(h.fields) - 1 else 0.0) + label_drop(st))
            label = p.add_run(f"{f.label}:")
            label.bold = True
            label.font.size = Pt(st.label_size)
            label.font.color.rgb = _hex(st.accent_colour)
            p.add_run("\t")
            value = p.add_run(f.value)
            value.bold = f.label.upper() == "SUBJECT"

    def rule(self) -> None:
        """The rule under the header: 0.35 line above it, the header gap below (pdf._rule)."""
        st = self.style
        self.table = None
        p = self.doc.add_paragraph(style="Normal")
        _exact(p.paragraph_format, 0.35 * st.line_height, after=st.space("header"))
        _border(p, "bottom", st.rule_width, st.rule_colour)
        p.add_run().font.size = Pt(1)

    def footer_rule(self) -> None:
        st = self.style
        p = self._part_paragraph(self.footer, "Footer")
        _exact(p.paragraph_format, 1.0, after=0.45 * st.footer_size * 1.3)
        _border(p, "bottom", st.rule_width, st.rule_colour)
        p.add_run().font.size = Pt(1)

    def footer_block(self, f: Footer) -> None:
        """Footer lines on the left, the page label bottom-right beside them (pdf.footer_flowable)."""
        st = self.style
        grey = _hex(st.footer_colour)
        label_w = footer_label_width(st)
        widths = (st.frame_width - label_w, label_w)
        empty = self._unused.pop(id(self.footer), None)
        if empty is not None:  # no rule above: the part's first, empty paragraph would take a line
            empty._p.getparent().remove(empty._p)
        table = _plain_table(self.footer, widths)
        left, right = _row(table, widths)
        right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        for n, line in enumerate(f.lines):
            p = left.paragraphs[0] if n == 0 else left.add_paragraph()
            p.style = "Footer"
            self._runs(p, line, size=st.footer_size, colour=grey)
        p = right.paragraphs[0]
        p.style = "Footer"
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

        def fmt(run) -> None:
            run.font.size = Pt(st.footer_size)
            run.font.color.rgb = grey

        m = _PAGE_FIELD.match(f.page_label or "")
        if m:
            head, mid, tail = m.groups()
            for text, instr in ((head, None), ("1", "PAGE"), (mid, None), ("1", "NUMPAGES"), (tail, None)):
                if instr:
                    _field(p, instr, text, fmt)
                elif text:
                    fmt(p.add_run(text))
        elif f.page_label:
            fmt(p.add_run(f.page_label))

    def finish(self) -> None:
        """A header/footer part must end with a paragraph; one closing the footer after its
        table also lifts the footer lines to the bottom margin, as in the PDF."""
        st = self.style
        ftr = self.footer._element
        last = ftr[-1] if len(ftr) else None
        if last is None or last.tag != qn("w:p"):
            p = self.footer.add_paragraph(style="Footer")
            lift = st.margin_bottom - self.doc.sections[0].footer_distance.pt
            _exact(p.paragraph_format, max(1.0, lift))

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
                self.table = _plain_table(self.doc, widths)
            label_cell, body_cell = _row(self.table, widths, top=gap)
            label = label_cell.paragraphs[0]
            label.style = "Heading 1"
            label.paragraph_format.space_after = Pt(label_drop(st))
            label.add_run(s.label)
            self._body(s, body_cell, body_cell.paragraphs[0])
        else:
            label = self.doc.add_paragraph(s.label, style="Heading 1")
            label.paragraph_format.space_before = Pt(gap)
            label.paragraph_format.space_after = Pt(st.space("item") + 1.0)
            self._body(s, self.doc, None)

    def _body(self, s: Section, box, first) -> None:
        st = self.style
        unused = [first] if first is not None else []  # a fresh table cell has one paragraph

        def paragraph(style_name: str, gap: float):
            p = unused.pop() if unused else box.add_paragraph()
            p.style = style_name
            p.paragraph_format.space_before = Pt(gap)
            return p

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
            p.add_run(" ")
            self._runs(p, e.attribution)


def render(fitted) -> bytes:
    """Render ``fitted.memo`` with ``fitted.style`` as reproducible DOCX bytes."""
    writer = _Writer(fitted)
    writer.draw()
    writer.finish()
    set_core_properties(writer.doc, fitted.memo.meta, generator=_generator())
    _set_language(writer.doc, fitted.memo.meta.language)
    buf = io.BytesIO()
    writer.doc.save(buf)
    return normalise_zip(buf.getvalue(), {"docProps/app.xml": app_properties(_generator())})


def _generator() -> str:
    try:
        from importlib.metadata import version

        return f"{GENERATOR} {version('briefgen')}"
    except Exception:  # noqa: BLE001 - not installed: the name alone
        return GENERATOR
