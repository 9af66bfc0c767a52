"""inspect: the PDF and the DOCX of one memo give the same structure."""
from __future__ import annotations

import json

import pytest

from briefgen.model.blocks import Bullets, Para, Quotes, Section
from briefgen.inspect.libreoffice import soffice
from briefgen.inspect.reader import inspect_file, page_size, to_json, to_text
from briefgen.render import docx as docx_r
from briefgen.render import pdf as pdf_r
from briefgen.status import BadInput, UnsupportedFormat
from tests.memo_samples import long_briefing, sparse
from tests.render_samples import block_memo, composed, fitted

CASES = {
    "blocks": lambda: fitted(),
    "sample": lambda: composed(),
    "long": lambda: composed(long_briefing()),
    "sparse": lambda: composed(sparse()),
    "corporate": lambda: composed(long_briefing(), template_name="corporate", page_size="Letter"),
}


def expected_blocks(memo) -> list[dict]:
    """The block sequence inspect should find, computed from the memo itself."""
    out: list[dict] = []
    for b in memo.blocks:
        match b:
            case Section(label=label, body=body):
                items = sum(1 if isinstance(p, Para) else len(p.entries) for p in body)
                kids = sum(len(e.children) for p in body if isinstance(p, (Bullets, Quotes)) for e in p.entries)
                if items:
                    out.append({"type": "section", "label": label, "items": items}
                               | ({"children": kids} if kids else {}))
            case _ if type(b).__name__ == "Banner":
                out.append({"type": "banner", "text": b.text})
            case _ if type(b).__name__ == "HeaderFields":
                out.append({"type": "header", "title": b.title,
                            "fields": [{"label": f.label, "value": f.value} for f in b.fields]})
            case _ if type(b).__name__ == "Footer":
                out.append({"type": "footer"})
    return out


@pytest.fixture(scope="module")
def inspected(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inspect")
    out = {}
    for name, make in CASES.items():
        f = make()
        (tmp / f"{name}.pdf").write_bytes(pdf_r.render(f))
        (tmp / f"{name}.docx").write_bytes(docx_r.render(f))
        out[name] = (f, inspect_file(tmp / f"{name}.pdf"), inspect_file(tmp / f"{name}.docx"))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_pdf_and_docx_give_the_memos_block_sequence(inspected, name):
    f, pdf, docx = inspected[name]
    expected = expected_blocks(f.memo)
    assert pdf["blocks"] == expected
    assert docx["blocks"] == expected


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_page_size_and_metadata_agree(inspected, name):
    f, pdf, docx = inspected[name]
    assert pdf["page_size"] == docx["page_size"]
    assert pdf["page_size"]["name"] == f.style.page_size
    for key in ("title", "author", "subject", "keywords"):
        assert pdf["metadata"][key] == docx["metadata"][key] == (
            ", ".join(f.memo.meta.keywords) if key == "keywords" else getattr(f.memo.meta, key))
    assert pdf["page_count"] == 1
    if soffice() is not None:
        assert docx["page_count"] == 1
    else:
        assert docx["page_count"] is None and docx["notes"]


@pytest.mark.slow
def test_fonts(inspected):
    f, pdf, docx = inspected["sample"]
    assert {x["name"] for x in docx["fonts"]} == {f.style.docx_font}
    assert not any(x["embedded"] for x in docx["fonts"])
    family = f.style.font_regular.stem.split("-")[0]
    assert any(x["name"].startswith(family) and x["embedded"] for x in pdf["fonts"])


@pytest.mark.slow
def test_to_text_and_json(inspected):
    _, pdf, _ = inspected["blocks"]
    text = to_text(pdf)
    for line in ("blocks.pdf (PDF)", "pages:     1", "page size: A4", "banner   UNCLASSIFIED",
                 "header   MEMORANDUM", "TO: The Secretary", "section  AGENDA: 4 items + 1 sub-points",
                 "section  KEY QUOTES: 2 items", "footer"):
        assert line in text, line
    assert json.loads(to_json(pdf)) == pdf


@pytest.mark.parametrize("w, h, name", [
    (595.2756, 841.8898, "A4"), (612, 792, "Letter"), (792, 612, "Letter-landscape"), (500, 500, "custom")])
def test_page_size_names(w, h, name):
    assert page_size(w, h)["name"] == name


def test_bad_inputs(tmp_path):
    with pytest.raises(BadInput):
        inspect_file(tmp_path / "missing.pdf")
    (tmp_path / "memo.txt").write_text("hello")
    with pytest.raises(UnsupportedFormat):
        inspect_file(tmp_path / "memo.txt")
    for suffix in (".pdf", ".docx"):
        bad = tmp_path / f"bad{suffix}"
        bad.write_bytes(b"not a real file at all")
        with pytest.raises(BadInput):
            inspect_file(bad)


def test_expected_blocks_of_the_hand_made_memo():
    blocks = expected_blocks(block_memo())
    assert [b["type"] for b in blocks][:2] == ["banner", "header"]
    assert {"type": "section", "label": "KEY QUOTES", "items": 2} in blocks
