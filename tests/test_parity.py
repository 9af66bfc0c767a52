"""Parity: the PDF's text and the DOCX's text hold the memo's lines, in the memo's order.

Line wrapping and spacing differ between the formats, so the texts are compared
with all whitespace removed: each memo line must be found after the previous one.
"""
from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.table import Table
from pypdf import PdfReader

from briefgen.render import docx as docx_r
from briefgen.render import pdf as pdf_r
from briefgen.render.text import memo_lines
from tests.memo_samples import long_briefing, no_event, sparse
from tests.render_samples import block_memo, composed, fitted

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "source" / "blinken-beijing-2023.txt"
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub("", text)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _container_text(container) -> list[str]:
    out = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    out += _container_text(cell)
        else:
            out.append(item.text)
    return out


def docx_text(data: bytes) -> str:
    """Header part, body (table cells included) and footer part, in reading order."""
    d = docx.Document(io.BytesIO(data))
    sec = d.sections[0]
    return "\n".join(_container_text(sec.header) + _container_text(d) + _container_text(sec.footer))


def missing_in_order(lines: list[str], text: str) -> list[str]:
    """The memo lines not found, in order, in ``text`` (whitespace ignored)."""
    flat, pos, missing = squash(text), 0, []
    for line in lines:
        at = flat.find(squash(line), pos)
        if at < 0:
            missing.append(line)
        else:
            pos = at + len(squash(line))
    return missing


CASES = {
    "blocks": lambda: fitted(),
    "sample": lambda: composed(),
    "long": lambda: composed(long_briefing()),
    "very-long": lambda: composed(long_briefing(70)),
    "sparse": lambda: composed(sparse()),
    "no-event": lambda: composed(no_event()),
    "corporate": lambda: composed(long_briefing(), template_name="corporate"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_pdf_and_docx_hold_the_memo_lines_in_order(name):
    f = CASES[name]()
    lines = memo_lines(f.memo)
    assert len(lines) > 10
    assert missing_in_order(lines, pdf_text(pdf_r.render(f))) == []
    assert missing_in_order(lines, docx_text(docx_r.render(f))) == []


def test_the_check_can_fail():
    lines = memo_lines(block_memo())
    text = docx_text(docx_r.render(fitted()))
    swapped = [lines[0], lines[5], lines[4]] + lines[6:]
    assert missing_in_order(swapped, text) == [lines[4]]
    assert missing_in_order(lines + ["a line that is not there"], text) == ["a line that is not there"]


def test_end_to_end_sample_article():
    """The sample article through the real extractor, compose and fit."""
    try:
        from briefgen.app.build import BuildOptions, build_article
        from briefgen.sources.read import read_article
    except ImportError as e:  # pragma: no cover - only while the pipeline is incomplete
        pytest.skip(f"pipeline not importable yet: {e}")
    outputs, f = build_article(read_article(SAMPLE),
                               BuildOptions(formats=("pdf", "docx"), date=date(2023, 6, 18)))
    lines = memo_lines(f.memo)
    assert missing_in_order(lines, pdf_text(outputs["pdf"])) == []
    assert missing_in_order(lines, docx_text(outputs["docx"])) == []
