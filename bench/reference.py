"""The bare reference: write a given one-page memo with reportlab and python-docx, no briefgen.

The benchmark compares briefgen against this script in the same run, so its
figures hold on a noisy machine. It imports only the two libraries, registers
the same embedded TrueType font, and writes the memo lines it is given (a JSON
list of [kind, text] pairs dumped from a fitted briefgen memo).

    python bench/reference.py LINES.json OUT_DIR [REPEAT]
"""
from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

from docx import Document
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
from xml.sax.saxutils import escape


def register_font(ttf: Path) -> str:
    pdfmetrics.registerFont(TTFont("RefSerif", str(ttf)))
    return "RefSerif"


def write_pdf(lines: list[list[str]], font: str) -> bytes:
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=13)
    head = ParagraphStyle("head", parent=body, fontSize=11, spaceBefore=4)
    story = [Paragraph(escape(text), head if kind == "heading" else body) for kind, text in lines]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm,
                      topMargin=2 * cm, bottomMargin=2 * cm).build(story)
    return buf.getvalue()


def write_docx(lines: list[list[str]]) -> bytes:
    doc = Document()
    for kind, text in lines:
        if kind == "heading":
            doc.add_heading(text, level=2)
        elif kind == "bullet":
            doc.add_paragraph(text, style="List Bullet")
        else:
            doc.add_paragraph(text).runs[0].font.size = Pt(10.5) if text else None
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def main() -> int:
    lines = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(sys.argv[2])
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    ttf = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    font = register_font(ttf) if ttf else "Times-Roman"
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        pdf, docx = write_pdf(lines, font), write_docx(lines)
        times.append(time.perf_counter() - t0)
    out.mkdir(parents=True, exist_ok=True)
    (out / "reference.pdf").write_bytes(pdf)
    (out / "reference.docx").write_bytes(docx)
    if repeat > 1:
        # after one warm-up memo (fonts, templates, first-use caches), as briefgen's builds
        print(json.dumps({"per_memo_s": sorted(times[1:])[len(times[1:]) // 2], "times_s": times[1:]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
