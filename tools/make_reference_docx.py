"""Build templates/<name>/reference.docx: the Word styles a memo is written in.

Run by ``make reference-docx`` after changing a template's style.toml (the renderer sets
sizes, fonts and colours from style.toml on every memo; this file holds the style
definitions, kept small). Starts from python-docx's own default document and keeps only
the styles the memo uses (and those they are based on or linked to), no latent styles,
no thumbnail, no stylesWithEffects or customXml parts; the result is byte-reproducible.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefgen.compose.context import load_template
from briefgen.layout.plan import page_plan
from briefgen.model.blocks import Memo, MemoMeta
from briefgen.render.docx_package import REFERENCE, save, set_core_properties
from briefgen.render.docx_styles import STYLE_NAMES, configure

ROOT = Path(__file__).resolve().parents[1]
KEEP_DEFAULTS = ("Default Paragraph Font", "Normal Table", "No List")
DROP_RELS = ("stylesWithEffects", "customXml", "thumbnail")
# style properties of python-docx's template that would fight the memo's look
DROP_PPR = ("w:pBdr", "w:contextualSpacing", "w:tabs", "w:shd")
DROP_RPR = ("w:spacing", "w:kern", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:b", "w:bCs", "w:color")


def _closure(doc, names) -> set[str]:
    """Style ids of ``names`` and of every style they are based on, linked to or followed by."""
    by_id = {s.style_id: s for s in doc.styles}
    todo = [doc.styles[n].style_id for n in names]
    keep: set[str] = set()
    while todo:
        sid = todo.pop()
        if sid in keep or sid not in by_id:
            continue
        keep.add(sid)
        el = by_id[sid].element
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = el.find(qn(tag))
            if ref is not None:
                todo.append(ref.get(qn("w:val")))
    return keep


def _clean(doc) -> None:
    keep = _closure(doc, STYLE_NAMES + KEEP_DEFAULTS)
    for s in list(doc.styles):
        if s.style_id not in keep:
            s.delete()
    for latent in list(doc.styles.latent_styles):
        latent.delete()
    for s in doc.styles:
        for tag in ("w:pPr", "w:rPr"):
            props = s.element.find(qn(tag))
            if props is None:
                continue
            for name in DROP_PPR if tag == "w:pPr" else DROP_RPR:
                for el in props.findall(qn(name)):
                    props.remove(el)
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DROP_RELS:
                del rels[rid]
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)


def build(name: str) -> Path:
    template = load_template(name)
    style = template.style
    doc = docx.Document()
    _clean(doc)
    meta = MemoMeta(title="", author="briefgen", subject="", created="2000-01-01T00:00:00Z")
    configure(doc, style, page_plan(Memo(meta, ()), style), "en")
    set_core_properties(doc, meta)
    out = ROOT / "templates" / name / REFERENCE
    out.write_bytes(save(doc))
    return out


if __name__ == "__main__":
    for name in sys.argv[1:] or ["default", "corporate"]:
        path = build(name)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
