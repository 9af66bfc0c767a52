"""render/pdf.py: one page, fonts embedded, metadata, reproducible bytes, literal text."""
from __future__ import annotations

import dataclasses
import io
from datetime import date

import pypdf
import pytest

from briefgen.compose.context import MemoOptions, compose, load_template
from briefgen.layout.fit import fit
from briefgen.model.briefing import Item, Participant, Quote
from briefgen.render import pdf
from tests import memo_samples as ms

OPTS = MemoOptions(to="Secretary", from_="Desk officer", date=date(2026, 11, 29))


def _build(briefing, name="default", options=OPTS) -> tuple[bytes, object]:
    t = load_template(name)
    fitted = fit(compose(briefing, t, options), t.style.with_page_size(options.page_size))
    return pdf.render(fitted), fitted


def _fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    out = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return out


@pytest.fixture(scope="module", params=["default", "corporate"])
def sample_pdf(request):
    data, fitted = _build(ms.sample(), request.param)
    return data, fitted, pypdf.PdfReader(io.BytesIO(data))


def test_one_page_with_every_font_embedded(sample_pdf):
    _, _, reader = sample_pdf
    assert len(reader.pages) == 1
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in f for f in fonts)


def test_page_size_follows_the_style():
    data, fitted = _build(ms.sample(), options=dataclasses.replace(OPTS, page_size="Letter"))
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_metadata_and_language(sample_pdf):
    _, fitted, reader = sample_pdf
    meta = reader.metadata
    assert meta.title == "Secretary of State Antony Blinken's visit to Beijing"
    assert meta.author == "Desk officer"
    assert meta.subject.startswith("Briefing memo")
    assert "Beijing" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20261129") and meta["/ModDate"] == meta["/CreationDate"]
    assert "briefgen" in meta["/Producer"] and "briefgen" in meta["/Creator"]  # overwrite check reads it
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_identical_bytes_twice(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a, _ = _build(ms.sample())
    b, _ = _build(ms.sample())
    assert a == b
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    c, _ = _build(ms.sample(), options=MemoOptions())
    assert b"D:20231114" in c or pypdf.PdfReader(io.BytesIO(c)).metadata["/CreationDate"].startswith("D:20231114")


def test_text_reads_in_memo_order(sample_pdf):
    _, fitted, reader = sample_pdf
    text = reader.pages[0].extract_text()
    if fitted.style.banner:
        assert text.startswith("UNCLASSIFIED") and text.rstrip().endswith("UNCLASSIFIED")
        labels = ["MEMORANDUM", "BOTTOM LINE", "PURPOSE", "PARTICIPANTS", "AGENDA", "EXPECTATIONS", "CONTEXT",
                  "KEY QUOTES", "Page 1 of 1"]
    else:
        labels = ["Briefing note", "In brief", "Objective", "On the table", "Page 1 of 1"]
    positions = [text.index(label) for label in labels]
    assert positions == sorted(positions)
    assert "¶3" in text


def test_outline_lists_sections_and_their_items(sample_pdf):
    _, fitted, reader = sample_pdf
    from briefgen.model.blocks import Para, Section
    outline = reader.outline
    got = []
    for i, node in enumerate(outline):
        if not isinstance(node, list):
            kids = outline[i + 1] if i + 1 < len(outline) and isinstance(outline[i + 1], list) else []
            got.append((node.title, len(kids)))
    want = [(s.label, sum(1 if isinstance(p, Para) else len(p.entries) for p in s.body))
            for s in fitted.memo.blocks if isinstance(s, Section)]
    assert got == want


INJECTIONS = ["AT&T", "a<b", "<b>", "<font color=red>", "<seq/>", '<a href="javascript:alert(1)">',
              "x &amp; y", "<img src=x>", "]]>"]


def test_markup_injection_renders_literally():
    b = ms.sparse()
    ev = b.agenda[0].evidence
    b = dataclasses.replace(
        b, subject="Talks " + " ".join(INJECTIONS[:3]),
        agenda=tuple(Item(f"Topic {s} end", ev, 0.5) for s in INJECTIONS),
        participants=(Participant("Ana <i>Silva</i>", "Minister & <b>envoy", ev),),
        quotes=(Quote("We said <seq/> & <font size=40>", "Ana & Co", ev),))
    data, fitted = _build(b)
    text = " ".join(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    for s in INJECTIONS:
        assert f"Topic {s} end" in text, s
    assert "Ana <i>Silva</i>, Minister & <b>envoy" in text
    assert "We said <seq/> & <font size=40>" in text


def test_missing_glyphs_never_crash_and_are_reported():
    b = ms.sparse()
    ev = b.agenda[0].evidence
    b = dataclasses.replace(b, participants=(
        Participant("习近平", "President", ev), Participant("Ալիև Ilham", "President", ev),
        Participant("Საქართველო Ελλάδα Україна", "Ministers", ev)))
    data, fitted = _build(b)
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "\u25a1" in text  # CJK: a visible box
    assert "Ալիև" in text and "Ελλάδα" in text and "Україна" in text  # fallback / main font
    assert any("not in any font" in w for w in fitted.report.warnings)
    assert _fonts(pypdf.PdfReader(io.BytesIO(data))) and all(_fonts(pypdf.PdfReader(io.BytesIO(data))).values())


def test_reportlab_settings_are_pinned(monkeypatch):
    from reportlab import rl_config
    monkeypatch.setattr(rl_config, "trustedSchemes", ["file", "http"])
    monkeypatch.setattr(rl_config, "toColorCanUse", "rl_safe_eval")
    _build(ms.sparse())
    assert rl_config.trustedSchemes == [] and rl_config.trustedHosts is None
    assert rl_config.toColorCanUse is None
