"""Issue 14 item 9: characters the bundled fonts lack are drawn in a machine font found
through fontconfig and embedded; only characters no font has become a box and a warning."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.layout import fonts

CJK = """Xi Jinping (习近平) meets Yoon Suk Yeol (윤석열) in Beijing

BEIJING, March 3, 2024 (Reuters) - Chinese President Xi Jinping (习近平) met South Korean President
Yoon Suk Yeol (윤석열) in Beijing on Monday for talks on trade and security.

The leaders will discuss supply chains, North Korea and a trilateral summit, officials said.
"""


def _has_truetype_cjk() -> bool:
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", ":fontformat=TrueType:charset=4e2d c724", "file"],
                         capture_output=True, text=True).stdout
    return bool(out.strip())


needs_cjk_font = pytest.mark.skipif(not _has_truetype_cjk(), reason=(
    "no TrueType CJK font here (Debian: apt-get install fonts-wqy-microhei)"))


@pytest.fixture
def fresh_font_lookup():
    fonts._system_fonts.cache_clear()
    fonts._SYSTEM_FACE.clear()
    yield
    fonts._system_fonts.cache_clear()
    fonts._SYSTEM_FACE.clear()


def test_charset_ranges():
    starts, ends, size = fonts._parse_charset("20-7e a0 4e00-9fff")
    font = fonts._SystemFont("x.ttf", 0, starts, ends, size)
    assert size == 95 + 1 + 0x5200
    assert font.covers(0x20) and font.covers(0xA0) and font.covers(0x4E2D)
    assert not font.covers(0x7F) and not font.covers(0xA1) and not font.covers(0x1F)


def _build(tmp_path, out):
    src = tmp_path / "cjk.txt"
    src.write_text(CJK, encoding="utf-8")
    return CliRunner().invoke(app, ["build", str(src), "-o", str(tmp_path / out), "-f", "pdf,docx",
                                    "--date", "2024-03-04"])


@needs_cjk_font
def test_cjk_names_are_drawn_with_an_embedded_machine_font(tmp_path, fresh_font_lookup, monkeypatch):
    monkeypatch.delenv(fonts.SYSTEM_FONTS_ENV, raising=False)
    r = _build(tmp_path, "a")
    assert r.exit_code == 0, r.output
    assert "not in any font" not in r.stderr
    pdf = PdfReader(tmp_path / "a" / "cjk.pdf")
    text = pdf.pages[0].extract_text()
    assert "习近平" in text and "윤석열" in text and fonts.REPLACEMENT not in text
    faces = [f.get_object() for f in pdf.pages[0]["/Resources"]["/Font"].values()]
    assert all("/FontFile2" in f["/FontDescriptor"] for f in faces if "/FontDescriptor" in f)
    assert len(faces) >= 3  # the family's faces and the machine's CJK face
    r = _build(tmp_path, "b")
    assert (tmp_path / "a" / "cjk.pdf").read_bytes() == (tmp_path / "b" / "cjk.pdf").read_bytes()


def test_without_a_covering_font_a_box_and_a_warning(tmp_path, fresh_font_lookup, monkeypatch):
    monkeypatch.setenv(fonts.SYSTEM_FONTS_ENV, "0")
    r = _build(tmp_path, "a")
    assert r.exit_code == 0, r.output
    assert "not in any font, drawn as \u25a1" in r.stderr
    text = PdfReader(tmp_path / "a" / "cjk.pdf").pages[0].extract_text()
    assert "习近平" not in text
    import zipfile

    body = zipfile.ZipFile(tmp_path / "a" / "cjk.docx").read("word/document.xml").decode()
    assert "习近平" in body  # the DOCX keeps the characters
