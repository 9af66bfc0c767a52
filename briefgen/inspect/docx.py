"""Reading a DOCX memo with python-docx: page size, fonts, metadata, and the block sequence
from its structure (header/footer parts, Title, Heading, List Bullet paragraphs); the
page count comes from LibreOffice when installed."""
from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path
from typing import Any

from briefgen.inspect.common import norm as _norm, page_size
from briefgen.inspect.libreoffice import docx_page_count
from briefgen.status import BadInput


def _paragraph_items(container):
    """Paragraphs of a body or header/footer in document order, table cells included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, Table):
            for row in item.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell) in seen:  # a merged cell is one object, repeated
                        continue
                    seen.add(id(cell))
                    yield from _paragraph_items(cell)


def _style_name(p) -> str:
    try:
        return p.style.name if p.style is not None else "Normal"
    except (KeyError, ValueError):
        return "Normal"


def _docx_fonts(doc) -> list[dict[str, Any]]:
    """Fonts named in the document defaults, the styles in use and the runs."""
    from docx.oxml.ns import qn

    names: set[str] = set()

    def take(rpr) -> None:
        if rpr is None:
            return
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            return
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            v = fonts.get(qn(attr))
            if v:
                names.add(v)

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        take(defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr")))
    used = {"Normal"}
    parts = [doc] + [s.header for s in doc.sections] + [s.footer for s in doc.sections]
    for part in parts:
        for p in _paragraph_items(part):
            used.add(_style_name(p))
            for run in p.runs:
                take(run.element.find(qn("w:rPr")))
    for name in used:
        try:
            st = doc.styles[name]
        except KeyError:
            continue
        while st is not None:
            take(st.element.find(qn("w:rPr")))
            st = st.base_style
    return [{"name": n, "embedded": False} for n in sorted(names)]


def _docx_blocks(doc) -> list[dict[str, Any]]:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    blocks: list[dict[str, Any]] = []
    sec = doc.sections[0]
    for p in _paragraph_items(sec.header):
        if p.text.strip():
            blocks.append({"type": "banner", "text": _norm(p.text)})
    header: dict[str, Any] | None = None
    section: dict[str, Any] | None = None
    sections: list[dict[str, Any]] = []
    for p in _paragraph_items(doc):
        style = _style_name(p)
        text = _norm(p.text)
        if style == "Title":
            header = {"type": "header", "title": text, "fields": []}
            blocks.append(header)
        elif style.startswith("Heading"):
            section = {"type": "section", "label": text, "items": 0, "children": 0}
            sections.append(section)
        elif not text:
            continue
        elif section is None:
            if header is not None and ":" in p.text:
                label, _, value = p.text.partition(":")
                header["fields"].append({"label": _norm(label), "value": _norm(value)})
        elif style in ("List Bullet 2", "List Bullet 3"):
            section["children"] += 1
        else:  # List Bullet, or prose (Normal) counted as one entry
            section["items"] += 1
    for s in sections:
        if not s["children"]:
            del s["children"]
    blocks += sections
    footer_seen = False
    tail: list[dict[str, Any]] = []
    for p in _paragraph_items(sec.footer):
        text = _norm(p.text)
        if not text:
            continue
        if p.alignment == WD_ALIGN_PARAGRAPH.CENTER:
            tail.append({"type": "banner", "text": text})
        else:
            footer_seen = True
    if footer_seen:
        blocks.append({"type": "footer"})
    return blocks + tail


def inspect_docx(path: Path) -> dict[str, Any]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise BadInput(f"not a readable DOCX ({e})", source=str(path)) from None
    sec = doc.sections[0]
    cp = doc.core_properties
    notes: list[str] = []
    try:
        pages = docx_page_count(path)
    except (RuntimeError, subprocess.SubprocessError, OSError) as e:
        pages = None
        notes.append(f"page count unavailable: {e}")
    if pages is None and not notes:
        notes.append("page count needs LibreOffice (soffice), which is not installed")
    return {
        "page_count": pages,
        "page_size": page_size(sec.page_width.pt, sec.page_height.pt),
        "fonts": _docx_fonts(doc),
        "metadata": {
            "title": cp.title or "",
            "author": cp.author or "",
            "subject": cp.subject or "",
            "keywords": cp.keywords or "",
            "language": cp.language or "",
        },
        "blocks": _docx_blocks(doc),
        "notes": notes,
    }
