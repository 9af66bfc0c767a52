"""Reading a PDF memo with pypdf: page size, fonts (embedded or not), metadata, and the
text with positions and the outline, from which blocks.py recovers the block sequence."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefgen.inspect.blocks import Frag, lines_of, pdf_blocks
from briefgen.inspect.common import norm as _norm, page_size
from briefgen.status import BadInput


def _pdf_fonts(reader) -> list[dict[str, Any]]:
    """Every font in the page resources (and their form XObjects), with embedding status."""
    found: dict[str, bool] = {}

    def descriptor_embedded(font) -> bool:
        if font.get("/Subtype") == "/Type3":
            return True
        fonts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
        for f in fonts:
            desc = f.get("/FontDescriptor")
            if desc is not None:
                desc = desc.get_object()
                if any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    return True
        return False

    def walk(resources, seen: set[int]) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            name = re.sub(r"^[A-Z]{6}\+", "", name)
            found[name] = found.get(name, False) or descriptor_embedded(font)
        for ref in (resources.get("/XObject") or {}).values():
            xobj = ref.get_object()
            if xobj.get("/Subtype") == "/Form" and id(xobj) not in seen:
                seen.add(id(xobj))
                walk(xobj.get("/Resources"), seen)

    for page in reader.pages:
        walk(page.get("/Resources"), set())
    return [{"name": n, "embedded": e} for n, e in sorted(found.items())]


def _pdf_fragments(reader) -> list[Frag]:
    frags: list[Frag] = []
    for number, page in enumerate(reader.pages):
        def visit(text, cm, tm, font, size, _n=number):
            if not text or not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (cm[3] ** 2 + cm[2] ** 2) ** 0.5 or 1.0
            name = str((font or {}).get("/BaseFont", "")).lstrip("/")
            frags.append(Frag(_n, round(x, 1), round(y, 1), re.sub(r"^[A-Z]{6}\+", "", name),
                               round(float(size) * scale, 2), text.replace("\n", " ")))
        page.extract_text(visitor_text=visit)
    return frags


def _pdf_outline(reader) -> list[tuple[str, int, float | None]]:
    """(title, page index, top y) of the top-level bookmarks, in order."""
    out = []
    try:
        outline = reader.outline
    except Exception:  # noqa: BLE001 - a broken outline is just absent
        return out
    for item in outline:
        if isinstance(item, list):
            continue
        try:
            page = reader.get_destination_page_number(item)
        except Exception:  # noqa: BLE001
            page = 0
        top = item.get("/Top")
        out.append((_norm(str(item.title)), page, float(top) if top is not None else None))
    return out


def inspect_pdf(path: Path) -> dict[str, Any]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        first = reader.pages[0]
    except (PdfReadError, IndexError, OSError, ValueError) as e:
        raise BadInput(f"not a readable PDF ({e})", source=str(path)) from None
    box = first.mediabox
    meta = reader.metadata or {}
    lang = reader.trailer["/Root"].get("/Lang")
    return {
        "page_count": len(reader.pages),
        "page_size": page_size(float(box.width), float(box.height)),
        "fonts": _pdf_fonts(reader),
        "metadata": {
            "title": str(meta.get("/Title", "") or ""),
            "author": str(meta.get("/Author", "") or ""),
            "subject": str(meta.get("/Subject", "") or ""),
            "keywords": str(meta.get("/Keywords", "") or ""),
            "language": str(lang or ""),
        },
        "blocks": pdf_blocks(lines_of(_pdf_fragments(reader)), [t for t, _, _ in _pdf_outline(reader)]),
        "notes": [],
    }
