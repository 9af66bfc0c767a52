"""The structure of a produced memo (.pdf or .docx), for ``briefgen inspect`` and golden tests.

Both formats reduce to the same dict: page count and size, fonts (embedded or
not), metadata, and the block sequence (banner, header fields, each section
label with the number of entries under it, footer), so the PDF and the DOCX of
one memo can be compared field by field.

The DOCX is read by its structure (header/footer parts, Title, Heading, List
Bullet paragraphs). The PDF has no structure to read, so its text is taken
with positions (pypdf) and grouped into lines: the title is the largest text,
banners sit above it and below the footer, section labels come from the
outline (bookmarks) when present, else from bold capitals at the left edge,
and entries are lines that start with a bullet glyph drawn on its own.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.status import BadInput, UnsupportedFormat

PAGE_NAMES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0), "Legal": (612.0, 1008.0),
              "A3": (841.89, 1190.55), "A5": (419.53, 595.28)}
BULLETS = frozenset("•◦▪▫●○‣⁃–—-·*■□➢►")
_PAGE_LABEL = re.compile(r"^Page \d+ of \d+$")
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def page_size(width: float, height: float) -> dict[str, Any]:
    """Name (A4, Letter ... or "custom", "-landscape" when wider than tall) and points."""
    w, h = sorted((width, height))
    name = next((n for n, (pw, ph) in PAGE_NAMES.items() if abs(pw - w) < 1.5 and abs(ph - h) < 1.5),
                "custom")
    if name != "custom" and width > height:
        name += "-landscape"
    return {"name": name, "width": round(width, 1), "height": round(height, 1)}


def inspect_file(path: str | Path) -> dict[str, Any]:
    """The structure of a memo file; raises BadInput / UnsupportedFormat."""
    p = Path(path)
    if not p.is_file():
        raise BadInput("no such file", source=str(path))
    suffix = p.suffix.lower()
    if suffix == ".pdf":
        result = _inspect_pdf(p)
    elif suffix == ".docx":
        result = _inspect_docx(p)
    else:
        raise UnsupportedFormat("inspect reads .pdf and .docx files", source=str(path))
    return {"file": p.name, "format": suffix[1:], **result}


# ------------------------------------------------------------------------------------ PDF

@dataclass(frozen=True)
class _Frag:
    page: int
    x: float
    y: float
    font: str
    size: float
    text: str

    @property
    def bold(self) -> bool:
        return "bold" in self.font.lower() or "black" in self.font.lower()


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


def _pdf_fragments(reader) -> list[_Frag]:
    frags: list[_Frag] = []
    for number, page in enumerate(reader.pages):
        def visit(text, cm, tm, font, size, _n=number):
            if not text or not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (cm[3] ** 2 + cm[2] ** 2) ** 0.5 or 1.0
            name = str((font or {}).get("/BaseFont", "")).lstrip("/")
            frags.append(_Frag(_n, round(x, 1), round(y, 1), re.sub(r"^[A-Z]{6}\+", "", name),
                               round(float(size) * scale, 2), text.replace("\n", " ")))
        page.extract_text(visitor_text=visit)
    return frags


def _lines(frags: list[_Frag]) -> list[list[_Frag]]:
    """Fragments grouped into visual lines, top to bottom, left to right."""
    lines: list[list[_Frag]] = []
    for f in sorted(frags, key=lambda f: (f.page, -f.y, f.x)):
        if lines and lines[-1][0].page == f.page and abs(lines[-1][0].y - f.y) <= 2.0:
            lines[-1].append(f)
        else:
            lines.append([f])
    return [sorted(line, key=lambda f: f.x) for line in lines]


def _text(line: list[_Frag]) -> str:
    return _norm(" ".join(f.text for f in line))


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


def _pdf_blocks(reader) -> list[dict[str, Any]]:
    lines = _lines(_pdf_fragments(reader))
    if not lines:
        return []
    sizes: dict[float, int] = {}
    for line in lines:
        for f in line:
            sizes[f.size] = sizes.get(f.size, 0) + len(f.text)
    body = max(sizes, key=lambda s: sizes[s])
    left = min(f.x for line in lines for f in line)
    title_at = max(range(len(lines)), key=lambda i: (max(f.size for f in lines[i]), -i))
    if max(f.size for f in lines[title_at]) <= body * 1.15:
        title_at = -1  # no title larger than the body text
    blocks: list[dict[str, Any]] = [{"type": "banner", "text": _text(l)} for l in lines[:max(title_at, 0)]]

    # footer: the trailing run of small-print lines (and any bottom banner after them)
    small = lambda line: max(f.size for f in line) < body * 0.9  # noqa: E731
    end = len(lines)
    bottom: list[dict[str, Any]] = []
    top_banners = {b["text"] for b in blocks}
    while end > 0 and not small(lines[end - 1]) and _text(lines[end - 1]) in top_banners:
        bottom.insert(0, {"type": "banner", "text": _text(lines[end - 1])})
        end -= 1
    foot = end
    while foot > 0 and small(lines[foot - 1]):
        foot -= 1
    if foot == end:  # no small print: a page label line alone may still mark the footer
        if end > 0 and _PAGE_LABEL.match(_text(lines[end - 1])):
            foot = end - 1
    body_lines = lines[title_at + 1:foot]

    # header: "LABEL:" lines right under the title
    header: dict[str, Any] | None = None
    if title_at >= 0:
        header = {"type": "header", "title": _text(lines[title_at]), "fields": []}
    labels = [t for t, _, _ in _pdf_outline(reader)]
    i = 0
    while header is not None and i < len(body_lines):
        line = body_lines[i]
        first = line[0].text.strip()
        if labels and _text(line).startswith(labels[0]) and line[0].x <= left + 1:
            break
        if first.endswith(":") and line[0].bold:
            header["fields"].append({"label": first[:-1], "value": _norm(" ".join(f.text for f in line[1:]))})
        elif header["fields"] and line[0].x > left + 1:
            header["fields"][-1]["value"] = _norm(header["fields"][-1]["value"] + " " + _text(line))
        else:
            break
        i += 1
    if header is not None:
        blocks.append(header)

    sections = _pdf_sections(body_lines[i:], labels, left)
    blocks += sections
    if foot < end:
        blocks.append({"type": "footer"})
    return blocks + bottom


def _is_bullet(frag: _Frag) -> bool:
    glyph = frag.text.strip()
    return len(glyph) == 1 and glyph in BULLETS


def _pdf_sections(lines: list[list[_Frag]], labels: list[str], left: float) -> list[dict[str, Any]]:
    """Section labels and the entries under each.

    An entry starts at a bullet glyph drawn on its own (deeper ones are sub-points),
    or, for prose and quotes, at the first line of the section or after a gap
    wider than the line pitch (the renderers put the item spacing between entries).
    """
    queue = list(labels)
    found: list[tuple[str, list[_Frag]]] = []  # (label, first fragment of each content line)
    for line in lines:
        head, rest = line[0], line
        text = head.text.strip()
        if head.x <= left + 1 and head.bold and (
                (queue and _norm(text) == queue[0])
                or (not labels and text == text.upper() and any(c.isalpha() for c in text))):
            if queue:
                queue.pop(0)
            found.append((_norm(text), []))
            rest = line[1:]
        if found and rest:
            found[-1][1].append(rest[0])
    # the line pitch: the smallest step from a line to the next non-bullet line
    steps = [round(a.y - b.y, 1) for _, heads in found for a, b in zip(heads, heads[1:])
             if not _is_bullet(b) and a.page == b.page and a.y > b.y]
    pitch = min(steps) if steps else 0.0
    sections = []
    for label, heads in found:
        sec: dict[str, Any] = {"type": "section", "label": label, "items": 0}
        bullet_x: list[float] = []
        children = 0
        for n, f in enumerate(heads):
            if _is_bullet(f):
                if not bullet_x or f.x <= min(bullet_x) + 1:
                    sec["items"] += 1
                else:
                    children += 1
                bullet_x.append(f.x)
            elif n == 0 or (not bullet_x and heads[n - 1].y - f.y > pitch + 0.5):
                sec["items"] += 1  # prose or a quote: a new paragraph
        if children:
            sec["children"] = children
        sections.append(sec)
    return sections


def _inspect_pdf(path: Path) -> dict[str, Any]:
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
        "blocks": _pdf_blocks(reader),
        "notes": [],
    }


# ------------------------------------------------------------------------------------ DOCX

def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(*paths: str | Path, out_dir: str | Path, timeout: float = 180.0) -> list[Path]:
    """Convert DOCX files with LibreOffice in one run (headless, private profile, so it
    never clashes with a running LibreOffice); returns the PDF paths in order."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    sources = [Path(p).resolve() for p in paths]
    out = Path(out_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="briefgen-lo-") as profile:
        subprocess.run(
            [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    pdfs = [out / (src.stem + ".pdf") for src in sources]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {', '.join(missing)}")
    return pdfs


def docx_page_count(path: str | Path) -> int | None:
    """Pages of a DOCX as LibreOffice lays it out; None without LibreOffice."""
    if soffice() is None:
        return None
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="briefgen-pages-") as tmp:
        return len(PdfReader(str(docx_to_pdf(path, out_dir=tmp)[0])).pages)


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
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
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
            for r in p._p.iter(qn("w:rPr")):
                take(r)
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


def _inspect_docx(path: Path) -> dict[str, Any]:
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


# ------------------------------------------------------------------------------------ output

def to_json(info: dict[str, Any]) -> str:
    return json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_text(info: dict[str, Any]) -> str:
    """A human-readable dump of ``inspect_file``'s result (what the CLI prints)."""
    size = info.get("page_size") or {}
    pages = info.get("page_count")
    out = [
        f"{info.get('file', '?')} ({info.get('format', '?').upper()})",
        f"  pages:     {pages if pages is not None else 'unknown'}",
        f"  page size: {size.get('name', '?')} ({size.get('width', '?')} x {size.get('height', '?')} pt)",
        "  fonts:     " + (", ".join(f"{f['name']} ({'embedded' if f['embedded'] else 'not embedded'})"
                                     for f in info.get("fonts", [])) or "none"),
    ]
    meta = info.get("metadata", {})
    out.append("  metadata:")
    out += [f"    {k}: {meta.get(k, '')}" for k in ("title", "author", "subject", "keywords", "language")]
    out.append("  blocks:")
    for b in info.get("blocks", []):
        match b.get("type"):
            case "banner":
                out.append(f"    banner   {b['text']}")
            case "header":
                out.append(f"    header   {b['title']}")
                out += [f"             {f['label']}: {f['value']}" for f in b["fields"]]
            case "section":
                kids = f" + {b['children']} sub-points" if b.get("children") else ""
                out.append(f"    section  {b['label']}: {b['items']} item{'s' if b['items'] != 1 else ''}{kids}")
            case "footer":
                out.append("    footer")
            case other:
                out.append(f"    {other}")
    out += [f"  note: {n}" for n in info.get("notes", [])]
    return "\n".join(out) + "\n"
