"""The structure of a produced memo (.pdf or .docx), for ``briefgen inspect`` and golden tests.

Both formats reduce to the same dict: page count and size, fonts (embedded or not),
metadata, and the block sequence (banner, header fields, each section label with the
number of entries under it, footer), so the PDF and the DOCX of one memo can be compared
field by field. inspect/pdf.py and inspect/docx.py read each format.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefgen.inspect.common import page_size  # noqa: F401 - part of this module's interface
from briefgen.status import BadInput, UnsupportedFormat


def inspect_file(path: str | Path) -> dict[str, Any]:
    """The structure of a memo file; raises BadInput / UnsupportedFormat."""
    p = Path(path)
    if not p.is_file():
        raise BadInput("no such file", source=str(path))
    suffix = p.suffix.lower()
    if suffix == ".pdf":
        from briefgen.inspect.pdf import inspect_pdf
        result = inspect_pdf(p)
    elif suffix == ".docx":
        from briefgen.inspect.docx import inspect_docx
        result = inspect_docx(p)
    else:
        raise UnsupportedFormat("inspect reads .pdf and .docx files", source=str(path))
    return {"file": p.name, "format": suffix[1:], **result}


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
