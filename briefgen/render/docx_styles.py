"""The page set-up and the look of the Word styles the memo uses, from the fitted Style and
the page plan, through python-docx's public API (see docx_xml for the few exceptions).

The reference.docx of the template holds the style definitions (names, numbering links,
keep-with-next ...); sizes, line heights, indents, fonts and colours are set here on every
render, because fitting picks the body size per memo and style.toml owns the values.
"""
from __future__ import annotations

from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt, RGBColor

from briefgen.render import docx_xml

# Word style names the memo is written in (Heading 1 for labels, Title for the title ...)
STYLE_NAMES = ("Normal", "Title", "Heading 1", "Quote", "List Bullet", "List Bullet 2", "Header", "Footer")


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def exact(fmt, line: float, before: float = 0.0, after: float = 0.0) -> None:
    """Exact line height and the gaps above and below, on a paragraph_format."""
    fmt.line_spacing = Pt(line)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)


def _look(doc, name: str, style, *, size: float, bold: bool, colour: str, line: float,
          left: float = 0.0, first_line: float = 0.0, before: float = 0.0) -> None:
    st = doc.styles[name]
    font = st.font
    font.name = style.docx_font
    docx_xml.style_font(st, style.docx_font)
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.all_caps = False
    font.color.rgb = rgb(colour)
    fmt = st.paragraph_format
    exact(fmt, line, before=before)
    fmt.widow_control = False
    fmt.left_indent = Pt(left)
    fmt.right_indent = Pt(0)
    fmt.first_line_indent = Pt(first_line)


def configure(doc, style, plan, language: str) -> None:
    """Page size and margins (banners centred in the margins, as the PDF draws them), the
    language, and every style in STYLE_NAMES."""
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Pt(plan.page_width), Pt(plan.page_height)
    sec.top_margin, sec.bottom_margin = Pt(plan.margin_top), Pt(plan.margin_bottom)
    sec.left_margin, sec.right_margin = Pt(plan.margin_left), Pt(plan.margin_right)
    sec.gutter = Pt(0)
    sec.header_distance = Pt(max(0.0, plan.page_height - plan.top_banner_y - plan.banner_height / 2))
    sec.footer_distance = Pt(max(0.0, plan.bottom_banner_y - plan.banner_height / 2))
    docx_xml.defaults(doc, style.docx_font, language)

    body, lh = style.body_size, style.line_height
    text = style.text_colour
    _look(doc, "Normal", style, size=body, bold=False, colour=text, line=lh)
    _look(doc, "Title", style, size=style.title_size, bold=True, colour=style.title_colour,
          line=style.title_size * 1.2)
    _look(doc, "Heading 1", style, size=style.label_size, bold=True, colour=style.label_colour, line=lh)
    heading = doc.styles["Heading 1"].paragraph_format
    heading.keep_with_next = True
    heading.keep_together = True
    if plan.headings == "column":  # a label in its column: dropped to the body's baseline, a gutter
        heading.space_after = Pt(plan.label_drop)
        heading.right_indent = Pt(plan.label_gutter)
    # entries: the gap above each is in their style (a section's first entry sets 0)
    _look(doc, "Quote", style, size=body, bold=False, colour=text, line=lh, before=style.space("item"))
    for depth, name in enumerate(("List Bullet", "List Bullet 2")):
        text_at, bullet_at = plan.bullets[depth]
        _look(doc, name, style, size=body, bold=False, colour=text, line=lh, left=text_at,
              first_line=bullet_at - text_at, before=style.space("child" if depth else "item"))
        docx_xml.bullet_level(doc, name, (style.bullet, style.sub_bullet)[depth], style.docx_font,
                              text_at, bullet_at)
    for name in ("Header", "Footer"):
        _look(doc, name, style, size=style.footer_size, bold=False, colour=style.footer_colour,
              line=style.footer_size * 1.3)
