"""DOCX renderer: one page through LibreOffice, reproducible bytes, styles, metadata, escaping."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from briefgen.model.blocks import Bullets, Memo, Section
from briefgen.inspect.libreoffice import docx_to_pdf, soffice
from briefgen.render import docx as docx_r
from tests.memo_samples import long_briefing, sparse
from tests.render_samples import INJECTIONS, block_memo, composed, entry, fitted, with_section

NEEDS_SOFFICE = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: "
                                   "the DOCX page count cannot be checked here")


def injected():
    section = Section("inject", "INJECTED", (Bullets(tuple(
        entry(s, (i + 1,), "inject", i) for i, s in enumerate(INJECTIONS))),))
    return fitted(with_section(block_memo(), section))


def cjk():
    section = Section("names", "NAMES", (Bullets((
        entry("习近平 (Xi Jinping), 中华人民共和国主席", (2,), "names", 0),
        entry("Ελληνικά · Кириллица · Łódź · Nguyễn", (3,), "names", 1))),))
    return fitted(with_section(block_memo(), section))


CASES = {
    "blocks": lambda: fitted(),
    "sample": lambda: composed(),
    "sample-letter": lambda: composed(page_size="Letter"),
    "long": lambda: composed(long_briefing()),
    "very-long": lambda: composed(long_briefing(70)),
    "long-concluded": lambda: composed(long_briefing(status="concluded"), page_size="Letter"),
    "sparse": lambda: composed(sparse()),
    "corporate": lambda: composed(template_name="corporate"),
    "corporate-long": lambda: composed(long_briefing(), template_name="corporate"),
    "injected": injected,
    "cjk": cjk,
}


def half_point(size: float) -> float:
    """Word stores font sizes in half points; python-docx rounds down (never larger than the PDF)."""
    return int(size * 2) / 2


def _doc(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def rendered():
    return {name: docx_r.render(make()) for name, make in CASES.items()}


@pytest.fixture(scope="module")
def libreoffice_pages(rendered, tmp_path_factory):
    """Page count of every case as LibreOffice lays it out (one soffice run for all)."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the DOCX page count cannot be checked here")
    tmp = tmp_path_factory.mktemp("docx")
    paths = []
    for name, data in rendered.items():
        path = tmp / f"{name}.docx"
        path.write_bytes(data)
        paths.append(path)
    pdfs = docx_to_pdf(*paths, out_dir=tmp)
    return {p.stem: len(PdfReader(str(p)).pages) for p in pdfs}


@pytest.mark.slow
@pytest.mark.slow
@NEEDS_SOFFICE
@pytest.mark.parametrize("name", list(CASES))
def test_one_page_in_libreoffice(libreoffice_pages, name):
    assert libreoffice_pages[name] == 1


@pytest.mark.parametrize("name", ["blocks", "sample", "corporate"])
def test_same_bytes_twice(name):
    assert docx_r.render(CASES[name]()) == docx_r.render(CASES[name]())


def test_zip_is_normalised(rendered, monkeypatch):
    with zipfile.ZipFile(io.BytesIO(rendered["sample"])) as z:
        infos = z.infolist()
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert not any("thumbnail" in n for n in names)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    again = docx_r.render(CASES["blocks"]())
    with zipfile.ZipFile(io.BytesIO(again)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert again == docx_r.render(CASES["blocks"]())


def test_core_properties_are_fixed(rendered):
    memo = block_memo()
    cp = _doc(rendered["blocks"]).core_properties
    assert (cp.title, cp.author, cp.subject) == (memo.meta.title, memo.meta.author, memo.meta.subject)
    assert cp.keywords == "visit, Beijing, AT&T <b>"
    assert cp.language == "en"
    assert cp.revision == 1 and cp.last_modified_by == memo.meta.author
    assert cp.created.isoformat().startswith("2026-11-29T00:00:00")
    assert cp.modified == cp.created
    with zipfile.ZipFile(io.BytesIO(rendered["blocks"])) as z:
        core = z.read("docProps/core.xml").decode()
    stamps = set(re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", core))
    assert stamps == {"2026-11-29T00:00:00Z"}


def test_no_created_date_falls_back_to_a_fixed_one(monkeypatch):
    memo = block_memo()
    undated = Memo(replace(memo.meta, created=""), memo.blocks)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert _doc(docx_r.render(fitted(undated))).core_properties.created.year == 1980
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _doc(docx_r.render(fitted(undated))).core_properties.created.year == 2023


def test_injection_strings_stay_text(rendered):
    d = _doc(rendered["injected"])
    texts = [p.text for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    for s in INJECTIONS:
        assert any(t.startswith(s + "\u00a0¶") for t in texts), s
    with zipfile.ZipFile(io.BytesIO(rendered["injected"])) as z:
        xml = z.read("word/document.xml").decode()
    assert "<script" not in xml and "<font" not in xml and "<b>" not in xml
    assert "AT&amp;T" in xml and "&lt;script&gt;" in xml


def test_word_styles_and_structure(rendered):
    d = _doc(rendered["blocks"])
    style = fitted().style
    body = [(p.style.name, p.text) for p in d.paragraphs]
    assert ("Title", "MEMORANDUM") in body
    cells = [(p.style.name, p.text) for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    headings = [t for s, t in cells if s == "Heading 1"]
    assert headings == ["BOTTOM LINE", "PURPOSE", "PARTICIPANTS", "AGENDA", "CONTEXT", "KEY QUOTES", "GAPS"]
    names = [s for s, _ in cells]
    assert names.count("List Bullet") == 2 + 2 + 4 + 1 and names.count("List Bullet 2") == 1
    assert names.count("Quote") == 2
    h1 = d.styles["Heading 1"]
    assert h1.paragraph_format.keep_with_next is True
    assert h1.font.size.pt == half_point(style.label_size)
    normal = d.styles["Normal"].paragraph_format
    assert normal.space_after.pt == 0 and normal.line_spacing.pt == pytest.approx(style.line_height, abs=0.05)
    sec = d.sections[0]
    assert sec.page_width.pt == pytest.approx(style.page_width, abs=0.1)
    assert sec.left_margin.pt == pytest.approx(style.margin_left, abs=0.1)
    assert sec.top_margin.pt == pytest.approx(style.margin_top, abs=0.1)


def test_fonts_are_the_styles_docx_font_in_every_slot(rendered):
    d = _doc(rendered["corporate"])
    font = composed(template_name="corporate").style.docx_font
    for name in ("Normal", "Title", "Heading 1", "List Bullet", "List Bullet 2", "Quote", "Footer"):
        rpr = d.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {font}, name
        assert fonts.get(qn("w:asciiTheme")) is None


def test_marks_are_grey_and_small(rendered):
    d = _doc(rendered["blocks"])
    style = fitted().style
    marks = [r for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs
             for r in p.runs if r.text.startswith("¶")]
    assert marks
    assert {str(r.font.color.rgb) for r in marks} == {style.mark_colour.lstrip("#")}
    assert {r.font.size.pt for r in marks} == {half_point(style.mark_size)}


def test_banner_header_and_footer_parts(rendered):
    d = _doc(rendered["blocks"])
    sec = d.sections[0]
    assert [p.text for p in sec.header.paragraphs] == ["UNCLASSIFIED"]
    assert str(sec.header.paragraphs[0].runs[0].font.color.rgb) == "007A33"
    foot = [p.text for t in sec.footer.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    assert foot[0].startswith("Source: blinken-beijing-2023.txt") and foot[-1] == "Page 1 of 1"
    assert sec.footer.paragraphs[-1].text == "UNCLASSIFIED"
    with zipfile.ZipFile(io.BytesIO(rendered["blocks"])) as z:
        footer_xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml


def test_corporate_has_no_banners_and_headings_above(rendered):
    d = _doc(rendered["corporate"])
    sec = d.sections[0]
    assert not "".join(p.text for p in sec.header.paragraphs).strip()
    assert not d.tables  # "above" mode: no label column
    assert any(p.style.name == "Heading 1" for p in d.paragraphs)


def test_unknown_block_fails_loudly():
    from tests.test_render_text import with_unknown_block

    with pytest.raises(TypeError, match="_Unknown"):
        docx_r.render(fitted(with_unknown_block()))


# ------------------------------------------------------------------ package

@pytest.mark.parametrize("name", ["blocks", "corporate", "long"])
def test_body_ends_with_a_paragraph(rendered, name):
    """A body ending in a table makes Word add a paragraph, which can push a full page onto a
    second one."""
    body = _doc(rendered[name]).element.body
    last = [el for el in body if el.tag != qn("w:sectPr")][-1]
    assert last.tag == qn("w:p")


def test_generator_recorded_in_app_properties(rendered):
    from briefgen import __version__

    with zipfile.ZipFile(io.BytesIO(rendered["sample"])) as z:
        app = z.read("docProps/app.xml").decode()
    assert f"<Application>briefgen {__version__}</Application>" in app


def test_templates_ship_a_small_reference_docx():
    from briefgen.compose.context import load_template
    from briefgen.render.docx_package import reference_path

    for name in ("default", "corporate"):
        path = reference_path(load_template(name).style)
        assert path.parent.name == name and path.stat().st_size < 20_000
        styles = {s.name for s in docx.Document(str(path)).styles}
        assert {"Normal", "Title", "Heading 1", "Quote", "List Bullet", "List Bullet 2"} <= styles


@pytest.mark.slow
def test_writer_does_not_import_reportlab():
    import subprocess
    import sys

    code = ("import sys, briefgen.render.docx; "
            "sys.exit(2 if any(m.split('.')[0] == 'reportlab' for m in sys.modules) else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]


def _house(tmp_path):
    from briefgen.compose.context import load_template
    from briefgen.compose.templates_init import init_template

    folder = init_template("default", tmp_path / "house")
    return folder, lambda: load_template(folder)


def test_a_house_style_without_reference_docx_uses_the_default_one(tmp_path):
    folder, load = _house(tmp_path)
    (folder / "reference.docx").unlink()
    t = load()
    d = _doc(docx_r.render(fitted(style=t.style)))
    assert d.styles["Heading 1"].font.size.pt == half_point(fitted(style=t.style).style.label_size)


def test_style_toml_wins_over_the_reference_docx(tmp_path):
    folder, load = _house(tmp_path)
    toml = folder / "style.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('label = "#1A1A1A"', 'label = "#AA0000"'),
                    encoding="utf-8")
    d = _doc(docx_r.render(fitted(style=load().style)))
    assert str(d.styles["Heading 1"].font.color.rgb) == "AA0000"


@pytest.mark.parametrize("content", [b"not a zip", b""])
def test_a_broken_reference_docx_is_a_template_error(tmp_path, content):
    from briefgen.status import TemplateError

    folder, load = _house(tmp_path)
    (folder / "reference.docx").write_bytes(content)
    with pytest.raises(TemplateError, match="reference.docx"):
        docx_r.render(fitted(style=load().style))


def test_a_reference_docx_without_the_memo_styles_is_a_template_error(tmp_path):
    from briefgen.status import TemplateError

    folder, load = _house(tmp_path)
    doc = docx.Document(str(folder / "reference.docx"))
    doc.styles["List Bullet"].delete()
    doc.save(str(folder / "reference.docx"))
    with pytest.raises(TemplateError, match="List Bullet"):
        docx_r.render(fitted(style=load().style))


def composed_with(template):
    from datetime import date

    from briefgen.compose.context import MemoOptions, compose
    from briefgen.layout.fit import fit
    from tests.memo_samples import sample

    return fit(compose(sample(), template, MemoOptions(date=date(2026, 11, 29))), template.style)


def test_the_docx_takes_its_columns_from_the_page_plan(tmp_path):
    """A label word too wide for the style's label column widens it (layout's decision); the
    DOCX table follows the plan, as the PDF does."""
    folder, load = _house(tmp_path)
    xml = folder / "memo.xml.j2"
    xml.write_text(xml.read_text(encoding="utf-8").replace('label="BOTTOM LINE"', 'label="COUNTERINTELLIGENCE"'),
                   encoding="utf-8")
    f = composed_with(load())
    assert f.plan.label_width > load().style.label_width
    table = _doc(docx_r.render(f)).tables[0]
    label_w, body_w = (c.width.pt for c in table.columns)
    assert label_w == pytest.approx(f.plan.label_width, abs=0.05)
    assert body_w == pytest.approx(f.plan.body_width, abs=0.05)
    heading = _doc(docx_r.render(f)).styles["Heading 1"].paragraph_format
    assert heading.right_indent.pt == pytest.approx(f.plan.label_gutter, abs=0.05)

