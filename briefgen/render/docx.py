"""FittedMemo -> DOCX bytes with python-docx: a thin walk over the page plan.

The template's reference.docx supplies the Word styles; the memo is written in them:
Title for the memo title, Heading 1 for section labels (left cell of a borderless table in
``column`` mode), List Bullet / List Bullet 2 for entries and sub-points, Quote for key
quotes, Normal for prose. Where the PDF places things (model.fitted.PagePlan), the DOCX
does too: the top banner in the page header, centred in the top margin; the rule, footer
lines, "Page 1 of 1" (PAGE / NUMPAGES fields) and the bottom banner in the page footer.
Same sizes, exact line heights and gaps as the PDF, in a font metric-compatible with the
PDF's, so LibreOffice and Word break lines alike and the page holds. The body ends with a
paragraph. Raw XML only through render/docx_xml.py (listed there); bytes are reproducible
(render/docx_package.py).
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import OrderedDict

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from briefgen.model.blocks import Banner, Bullets, Entry, Footer, HeaderFields, Para, Quotes, Rule, Run, Section
from briefgen.model.fitted import FittedMemo
from briefgen.render import docx_xml
from briefgen.render.docx_package import reference_bytes, reference_path, save, set_core_properties
from briefgen.render.docx_styles import STYLE_NAMES, configure, exact, rgb
from briefgen.render.text import is_empty
from briefgen.status import TemplateError

_PAGE_FIELD = re.compile(r"^(\D*?)1(\D+?)1(\D*)$")  # "Page 1 of 1" -> PAGE / NUMPAGES fields
_BREAKS = re.compile(r"[\t\r\n]")  # what Run.text turns into w:tab / w:br elements


def text_run(p, text: str = ""):
    """``p.add_run(text)``, the same XML: text with no tab or line break goes in through
    Run.add_text, one w:t, without the scan character by character that Run.text makes."""
    run = p.add_run()
    if text:
        if _BREAKS.search(text):
            run.text = text
        else:
            run.add_text(text)
    return run


_CONFIGURED: OrderedDict = OrderedDict()  # (style, page, language, furniture) -> set-up document bytes (None: used once)
_MAX_CONFIGURED = 16  # fitting picks among a few body sizes per template: bounded, so batches stay flat


def _head_at(plan) -> int:
    """Index in the flow of the header fields the body starts with, else -1 (banners and
    footers in the flow go to the page header and footer, not the body)."""
    for i, b in enumerate(plan.flow):
        if not isinstance(b, (Banner, Footer)):
            return i if isinstance(b, HeaderFields) else -1
    return -1


def furniture(plan) -> tuple | None:
    """What the page furniture depends on besides the style and the page: the top banner in
    the page header; the rule, the footer table with its page label and the bottom banner in
    the page footer; the title and the field names of the header the body starts with. The
    set-up draws it (``configured``), so a memo adds only its footer lines and field values.
    None when the flow holds a footer of its own: it goes before them in the page footer, so
    then all of it is drawn per memo."""
    if any(isinstance(b, Footer) for b in plan.flow):
        return None
    bottom = tuple(("footer", b.page_label, bool(b.lines)) if isinstance(b, Footer) else ("rule",)
                   for b in plan.bottom)
    at = _head_at(plan)
    head = (plan.flow[at].title, tuple(f.label for f in plan.flow[at].fields)) if at >= 0 else None
    return (plan.top_banner, plan.bottom_banner, bottom, plan.frame_width, plan.footer_label_width,
            plan.margin_bottom, head, plan.header_label_width)


def configured(style, plan, language: str, furnish: tuple | None):
    """A fresh Document of the style's reference.docx with the page, the styles and the page
    furniture (``furnish``: what ``furniture(plan)`` gave) set up for this fitted style. The first memo of a (style, size, language,
    furniture) draws on the set-up document itself; from the second on, the set-up is saved
    once (its bytes kept in memory, bounded) and each render opens a copy. A single build
    never saves and reopens it."""
    key = (style, plan.page_width, plan.page_height, plan.banner_height, plan.top_banner_y,
           plan.bottom_banner_y, plan.bullets, plan.headings, plan.label_drop, plan.label_gutter, language,
           furnish)
    if key not in _CONFIGURED:
        _CONFIGURED[key] = None
        _bound()
        return _set_up(style, plan, language, furnish is not None)
    data = _CONFIGURED[key]
    if data is None:
        doc = _set_up(style, plan, language, furnish is not None)
        buf = io.BytesIO()
        doc.save(buf)
        data = _CONFIGURED[key] = buf.getvalue()
    _CONFIGURED.move_to_end(key)
    return docx.Document(io.BytesIO(data))


def _bound() -> None:
    while len(_CONFIGURED) > _MAX_CONFIGURED:
        _CONFIGURED.popitem(last=False)


def _set_up(style, plan, language: str, furnish: bool):
    """The reference document with the page, the styles and the furniture set up; a
    reference.docx that is not a Word document or lacks a style the memo uses is the
    template's error (exit 6)."""
    path = reference_path(style)
    try:
        doc = docx.Document(io.BytesIO(reference_bytes(path)))
        configure(doc, style, plan, language)
        sec = doc.sections[0]
        sec.header.is_linked_to_previous = False
        sec.footer.is_linked_to_previous = False
    except (KeyError, ValueError, AttributeError, StopIteration, OSError, zipfile.BadZipFile,
            PackageNotFoundError, etree.LxmlError) as e:
        raise TemplateError(f"template {style.name!r}: {path.name} is not a usable Word document "
                            f"with the styles {', '.join(STYLE_NAMES)} ({type(e).__name__}: {e})") from None
    if furnish:
        _Writer(doc, style, plan, furnished=False).furnish()
    return doc


class _Writer:
    """Walks the fitted blocks once; every block type has exactly one case. The page furniture
    (``furnish``) is drawn with the set-up document, once per template and page."""

    def __init__(self, doc, style, plan, *, furnished: bool) -> None:
        """``furnished``: ``doc`` holds the page furniture already (see ``furniture``)."""
        self.doc, self.style, self.plan, self.furnished = doc, style, plan, furnished
        # what a paragraph's style is set to: None for the document's default paragraph style
        # (python-docx writes no w:pStyle for it either way, but looks the default up each time)
        styles = doc.styles
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        by_name: dict = {}
        for style in styles:  # one pass; a look-up by name runs an XPath query each time
            by_name.setdefault(style.name, style)
        self.styles = {name: None if style == default else style
                       for name, style in ((n, by_name[n] if n in by_name else styles[n]) for n in STYLE_NAMES)}
        st = self.style
        self.mark_colour, self.mark_size = rgb(st.mark_colour), Pt(st.mark_size)
        sec = doc.sections[0]
        self.header, self.footer = sec.header, sec.footer
        # the parts' empty first paragraphs, until the furniture or a block takes them
        self.unused = {}
        if not (furnished and plan.top_banner):
            self.unused["header"] = self.header.paragraphs[0]
        if not furnished:
            self.unused["footer"] = self.footer.paragraphs[0]
        self.table = None  # the label/content table of column mode
        self.sections_drawn = 0

    # helpers ----------------------------------------------------------------------------
    def part_paragraph(self, part: str, style_name: str):
        """The next paragraph of the page header or footer (its empty first one, then new)."""
        p = self.unused.pop(part, None)
        if p is None:
            p = (self.header if part == "header" else self.footer).add_paragraph()
        p.style = self.styles[style_name]
        return p

    def runs(self, p, runs: tuple[Run, ...]) -> None:
        """Runs in the paragraph's style: bold, italic, or the small grey paragraph marks."""
        for r in runs:
            run = text_run(p, r.text)
            match r.style:
                case "bold":
                    run.bold = True
                case "italic":
                    run.italic = True
                case "mark":  # size first: python-docx then finds the colour's place sooner
                    font = run.font
                    font.size = self.mark_size
                    font.color.rgb = self.mark_colour
                case "plain":
                    pass
                case other:
                    raise ValueError(f"docx renderer: unknown run style {other!r}")

    # blocks -------------------------------------------------------------------------------
    def furnish(self) -> None:
        """The page furniture, in the order the page header and footer hold it (the footer
        lines are left to ``footer_lines``)."""
        plan = self.plan
        if plan.top_banner:
            self.banner(plan.top_banner, top=True)
        for block in plan.bottom:
            self.footer_rule() if isinstance(block, Rule) else self.footer_block(block, lines=False)
        self.finish_footer()
        at = _head_at(plan)
        if at >= 0:
            self.header_fields(plan.flow[at], values=False)

    def draw(self) -> None:
        plan = self.plan
        if not self.furnished and plan.top_banner:
            self.banner(plan.top_banner, top=True)
        head_at = _head_at(plan) if self.furnished else -1
        for i, block in enumerate(plan.flow):
            match block:
                case Banner():
                    self.banner(block, top=True)
                case HeaderFields() if i == head_at:
                    self.field_values(block)
                case HeaderFields():
                    self.header_fields(block)
                case Rule():
                    self.rule()
                case Section():
                    self.section(block)
                case Footer():
                    self.footer_block(block)
                case _:
                    raise TypeError(f"docx renderer: unknown block {type(block).__name__}")
        if self.furnished:
            for block in plan.bottom:
                if isinstance(block, Footer):  # the only table of a furnished page footer
                    self.footer_lines(block, self.footer.tables[0].rows[0].cells[0])
        else:
            for block in plan.bottom:
                self.footer_rule() if isinstance(block, Rule) else self.footer_block(block)
            self.finish_footer()
        if self.table is not None:  # a table may not end the body: Word would add a paragraph
            p = self.doc.add_paragraph()
            exact(p.paragraph_format, 1.0)
            p.add_run().font.size = Pt(1)

    def banner(self, b: Banner, *, top: bool) -> None:
        st, plan = self.style, self.plan
        p = self.part_paragraph("header" if top else "footer", "Header" if top else "Footer")
        # at the bottom: the footer lines sit on the bottom margin, the banner centred below them
        gap = 0.0 if top else max(0.0, plan.bottom_banner_y - plan.banner_height / 2)
        exact(p.paragraph_format, plan.banner_height, before=gap)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = text_run(p, b.text)
        run.bold = True
        run.font.color.rgb = rgb(b.colour or st.text_colour)
        run.font.size = Pt(st.banner_size)

    def header_fields(self, h: HeaderFields, *, values: bool = True) -> None:
        """The title, then a line per field: its name, a tab, its value (``values``: now,
        else left to ``field_values``)."""
        st, plan = self.style, self.plan
        self.table = None
        lh = st.line_height
        if h.title:
            p = self.doc.add_paragraph()
            p.style = self.styles["Title"]
            text_run(p, h.title)
            p.paragraph_format.space_after = Pt(0.45 * lh)
        width = plan.header_label_width
        for n, f in enumerate(h.fields):
            p = self.doc.add_paragraph()
            fmt = p.paragraph_format
            fmt.tab_stops.add_tab_stop(Pt(width))
            fmt.left_indent, fmt.first_line_indent = Pt(width), Pt(-width)
            fmt.space_after = Pt((0.15 * lh if n < len(h.fields) - 1 else 0.0) + plan.label_drop)
            label = text_run(p, f"{f.label}:")
            label.bold = True
            label.font.color.rgb, label.font.size = rgb(st.accent_colour), Pt(st.label_size)
            p.add_run("\t")
            if values:
                self.field_value(p, f)

    def field_values(self, h: HeaderFields) -> None:
        """The values of header fields drawn with the furniture: the body's last paragraphs yet."""
        self.table = None
        if h.fields:
            for p, f in zip(self.doc.paragraphs[-len(h.fields):], h.fields):
                self.field_value(p, f)

    def field_value(self, p, f) -> None:
        value = text_run(p, f.value)
        if f.label.upper() == "SUBJECT":
            value.bold = True

    def rule(self) -> None:
        """The rule under the header: 0.35 line above it, the header gap below."""
        st = self.style
        self.table = None
        p = self.doc.add_paragraph()
        exact(p.paragraph_format, 0.35 * st.line_height, after=st.space("header"))
        docx_xml.bottom_border(p, st.rule_width, st.rule_colour)
        p.add_run().font.size = Pt(1)

    def footer_rule(self) -> None:
        st = self.style
        p = self.part_paragraph("footer", "Footer")
        exact(p.paragraph_format, 1.0, after=0.45 * st.footer_size * 1.3)
        docx_xml.bottom_border(p, st.rule_width, st.rule_colour)
        p.add_run().font.size = Pt(1)

    def footer_block(self, f: Footer, *, lines: bool = True) -> None:
        """Footer lines on the left (``lines``: now, else only the first one's style), the
        page label bottom-right beside them (the Footer style gives them their size and colour)."""
        plan = self.plan
        empty = self.unused.pop("footer", None)
        if empty is not None:  # no rule above: the part's empty first paragraph takes no room
            exact(empty.paragraph_format, 1.0)
        widths = (plan.frame_width - plan.footer_label_width, plan.footer_label_width)
        table = self.footer.add_table(1, 2, Pt(sum(widths)))
        self.fixed_table(table, widths)
        left, right = table.rows[0].cells
        right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        if f.lines:
            left.paragraphs[0].style = self.styles["Footer"]
        if lines:
            self.footer_lines(f, left)
        p = right.paragraphs[0]
        p.style = self.styles["Footer"]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

        m = _PAGE_FIELD.match(f.page_label or "")
        pieces = ((m[1], None), ("1", "PAGE"), (m[2], None), ("1", "NUMPAGES"), (m[3], None)) if m \
            else ((f.page_label, None),)
        for text, instr in pieces:
            if instr:
                docx_xml.field(p, instr, text)
            elif text:
                text_run(p, text)

    def footer_lines(self, f: Footer, left) -> None:
        """The footer's lines in the ``left`` cell of its table (the first paragraph styled already)."""
        for n, line in enumerate(f.lines):
            if n:
                p = left.add_paragraph()
                p.style = self.styles["Footer"]
            else:
                p = left.paragraphs[0]
            self.runs(p, line)

    def finish_footer(self) -> None:
        """The bottom banner; else a paragraph closing the footer after its table lifts the
        footer lines to the bottom margin, as in the PDF."""
        plan = self.plan
        if plan.bottom_banner:
            self.banner(plan.bottom_banner, top=False)
        elif plan.bottom:
            p = self.part_paragraph("footer", "Footer")
            exact(p.paragraph_format, max(1.0, plan.margin_bottom - self.doc.sections[0].footer_distance.pt))

    # sections -------------------------------------------------------------------------------
    def fixed_table(self, table, widths: tuple[float, ...]) -> None:
        """A borderless, fixed-width table with zero cell margins: it only aligns columns.
        Rows added later take their cell widths from the columns."""
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for col, cell, w in zip(table.columns, table.rows[0].cells, widths):
            col.width = cell.width = Pt(w)
        docx_xml.cell_margins(table)

    def section(self, s: Section) -> None:
        if is_empty(s):
            return  # emptied by fitting: not drawn
        st, plan = self.style, self.plan
        gap = st.space("section") if self.sections_drawn else 0.0
        self.sections_drawn += 1
        if plan.headings == "column":
            widths = (plan.label_width, plan.body_width)
            if self.table is None:
                self.table = self.doc.add_table(1, 2)
                self.fixed_table(self.table, widths)
                row = self.table.rows[0]
            else:
                row = self.table.add_row()
            label_cell, body_cell = cells = row.cells
            docx_xml.row_top_margin(cells, gap)
            label = label_cell.paragraphs[0]
            label.style = self.styles["Heading 1"]
            text_run(label, s.label)
            first = [body_cell.paragraphs[0]]

            def paragraph(style_name: str):
                p = first.pop() if first else body_cell.add_paragraph()
                p.style = self.styles[style_name]
                return p
        else:
            label = self.doc.add_paragraph()
            label.style = self.styles["Heading 1"]
            text_run(label, s.label)
            label.paragraph_format.space_before = Pt(gap)
            label.paragraph_format.space_after = Pt(st.space("item") + 1.0)

            def paragraph(style_name: str):
                p = self.doc.add_paragraph()
                if style_name != "Normal":
                    p.style = self.styles[style_name]
                return p
        self.body(s, paragraph)

    def body(self, s: Section, paragraph) -> None:
        st = self.style
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
                # the item gap is in the List Bullet and Quote styles (the child gap in List
                # Bullet 2): only a section's first entry, and prose after another, differ
                p = paragraph(style_name)
                if count == 0 and style_name != "Normal":
                    p.paragraph_format.space_before = Pt(0)
                elif count and style_name == "Normal":
                    p.paragraph_format.space_before = Pt(st.space("item"))
                count += 1
                self.entry(p, e)
                for c in e.children:
                    self.entry(paragraph("List Bullet 2"), c)

    def entry(self, p, e: Entry) -> None:
        self.runs(p, e.runs)
        if e.attribution:
            text_run(p, " ")
            self.runs(p, e.attribution)


def render(fitted: FittedMemo) -> bytes:
    """Render ``fitted.memo`` with ``fitted.style`` as reproducible DOCX bytes."""
    style, plan = fitted.style, fitted.plan
    furnish = furniture(plan)
    doc = configured(style, plan, fitted.memo.meta.language or "en", furnish)
    writer = _Writer(doc, style, plan, furnished=furnish is not None)
    writer.draw()
    set_core_properties(writer.doc, fitted.memo.meta)
    return save(writer.doc)
