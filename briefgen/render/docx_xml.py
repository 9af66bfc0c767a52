"""The few DOCX details python-docx has no API for, one small helper each.

Raw XML (OxmlElement, qn, python-docx's documented ``.element`` / ``._p`` / ``._tbl`` /
``._tc`` route) is used by the DOCX writer ONLY here, for:
  1. style_font      - one font in all four script slots (python-docx sets ascii/hAnsi only)
                       and no theme font overriding it;
  2. defaults        - the document's default font and language (w:rPrDefault);
  3. bottom_border   - a paragraph's bottom border (the memo's rules);
  4. field           - a complex field (PAGE, NUMPAGES) with its current result;
  5. bullet_level    - a List Bullet numbering level: bullet character, font, indents;
  6. cell_margins, row_top_margin - table cell margins (zero; a row's top gap).
Everything else in render/docx*.py goes through python-docx's public API.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme", "w:hint")
_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


# the schema's order: an element goes before the first of its successors present
_AFTER_RFONTS = ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
                 "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
                 "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position",
                 "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
                 "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                 "w:specVanish", "w:oMath")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
               "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
               "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_TCMAR = ("w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
                "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def _place(parent, el, successors: tuple[str, ...]) -> None:
    """``el`` into ``parent`` before the first of its schema successors present, else last."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(el)
            return
    parent.append(el)


def _twips(pt: float) -> str:
    return str(int(round(Pt(pt) / 635.0)))  # EMU -> twips, as python-docx writes a Pt


def style_font(style, name: str) -> None:
    """``name`` in every script slot of a Word style's run properties."""
    font_slots(style.element.get_or_add_rPr(), name)


def font_slots(rpr, name: str) -> None:
    """``name`` in every script slot of the w:rPr ``rpr``, theme fonts (which would win) removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        _place(rpr, fonts, _AFTER_RFONTS)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in _SLOTS:
        fonts.set(qn(attr), name)


def defaults(doc, font: str, lang: str) -> None:
    """The document's default font (every slot) and language, in the style defaults."""
    rpr = doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    font_slots(rpr, font)
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        _place(rpr, el, _AFTER_LANG)
    el.set(qn("w:val"), lang or "en")


def bottom_border(paragraph, width: float, colour: str) -> None:
    """A single bottom border ``width`` points thick in ``colour`` ("#RRGGBB")."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(max(2, min(96, round(width * 8))))),
                 ("w:space", "0"), ("w:color", colour.lstrip("#").upper())):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    _place(ppr, bdr, _AFTER_PBDR)


def field(paragraph, instr: str, shown: str) -> None:
    """A complex field (``instr``: PAGE, NUMPAGES) showing ``shown`` until a reader updates it."""
    def run_with(tag: str | None = None, **attrs):
        run = paragraph.add_run()
        if tag:
            el = OxmlElement(tag)
            for k, v in attrs.items():
                el.set(qn(k), v)
            run.element.append(el)
            return el
        return run

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    code = run_with("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instr} "
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    run_with().text = shown
    run_with("w:fldChar", **{"w:fldCharType": "end"})


def bullet_level(doc, style_name: str, char: str, font: str, text_at: float, bullet_at: float) -> None:
    """The numbering level a List Bullet style points at: its character, font and indents."""
    num_pr = doc.styles[style_name].element.find(qn("w:pPr") + "/" + qn("w:numPr"))
    if num_pr is None:
        return
    num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    lvl = abstract.find(qn("w:lvl"))
    lvl.find(qn("w:lvlText")).set(qn("w:val"), char)
    ppr = lvl.find(qn("w:pPr"))
    for tab in ppr.iter(qn("w:tab")):
        tab.set(qn("w:pos"), _twips(text_at))
    ind = ppr.find(qn("w:ind"))
    ind.set(qn("w:left"), _twips(text_at))
    ind.set(qn("w:hanging"), _twips(text_at - bullet_at))
    rpr = lvl.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is not None:
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        font_slots(rpr, font)


def _margin(edge: str, pt: float):
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:w"), _twips(pt))
    el.set(qn("w:type"), "dxa")
    return el


def cell_margins(table) -> None:
    """Zero cell margins for the whole table (Word's default pads cells left and right)."""
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        mar.append(_margin(edge, 0.0))
    _place(tbl_pr, mar, _AFTER_TBLCELLMAR)


def row_top_margin(cells, pt: float) -> None:
    """A top margin on each of a row's ``cells``: the gap above a section, as the PDF's cell padding."""
    if not pt:
        return
    for cell in cells:
        tc_pr = cell._tc.get_or_add_tcPr()
        tc_mar = OxmlElement("w:tcMar")
        tc_mar.append(_margin("top", pt))
        _place(tc_pr, tc_mar, _AFTER_TCMAR)
