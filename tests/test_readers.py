"""Each reader on real-shaped files made here: HTML page, Markdown with front matter, Word files."""
from __future__ import annotations

import datetime
import io
import socket
import zipfile
from pathlib import Path

import pytest

from briefgen.sources.read import Limits, read_article
from briefgen.status import BadInput, TooLarge

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Blinken lands in Beijing for rare talks | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-06-18T08:00:00Z">
<link rel="canonical" href="https://example.com/world/blinken-beijing">
<link rel="stylesheet" href="http://192.0.2.1/site.css">
<script src="http://192.0.2.1/app.js"></script>
<script>document.write("SCRIPT TEXT")</script>
<style>body { color: red } /* STYLE TEXT */</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">NAV SPORT</a></li></ul></nav>
<div class="advert">Buy cheap watches now! ADVERT TEXT</div>
<article>
<h1>Blinken lands in Beijing for rare talks</h1>
<p>US Secretary of State Antony Blinken arrived in Beijing on Sunday for talks aimed at steering
relations between the two countries back on course after months of tension.</p>
<div hidden>HIDDEN DIV TEXT</div>
<p style="display: none">DISPLAY NONE TEXT</p>
<span aria-hidden="true">ARIA HIDDEN TEXT</span>
<img src="http://192.0.2.1/tracker.png" alt="IMAGE ALT">
<iframe src="http://192.0.2.1/frame.html">IFRAME TEXT</iframe>
<p>He is expected to meet Foreign Minister Qin Gang and Wang Yi, the top foreign policy official,
and possibly President Xi Jinping on Monday.</p>
<p>Officials on both sides have played down the chances of a breakthrough, saying the aim is
to stabilise communication channels and avoid misunderstandings &amp; miscalculation.</p>
<p>The visit had been postponed in February after a Chinese balloon was shot down over the
United States.</p>
</article>
<aside>Related: Ten things you did not know about pandas</aside>
<footer>Copyright 2023 The Daily Example. All rights reserved.</footer>
</body></html>
"""
HIDDEN = ("SCRIPT TEXT", "STYLE TEXT", "HIDDEN DIV TEXT", "DISPLAY NONE TEXT", "ARIA HIDDEN TEXT",
          "IMAGE ALT", "IFRAME TEXT", "ADVERT TEXT", "NAV SPORT")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) every attempt to resolve or connect; the test asserts the list is empty."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# --- HTML ---------------------------------------------------------------------------------

def test_html_main_text_and_metadata(tmp_path: Path, no_network: list[str]) -> None:
    article = read_article(write(tmp_path, "page.html", PAGE))
    assert no_network == []
    assert article.input_format == "html"
    assert article.title == "Blinken lands in Beijing for rare talks"
    assert article.author == "Jane Doe"
    assert article.outlet == "The Daily Example"
    assert article.date == "2023-06-18"
    assert article.url == "https://example.com/world/blinken-beijing"
    text = article.text
    assert text.startswith("Blinken lands in Beijing for rare talks\n\nUS Secretary of State Antony Blinken")
    assert "avoid misunderstandings & miscalculation." in text
    assert "relations between the two countries" in text  # wrapped source lines joined
    for marker in HIDDEN:
        assert marker not in text, marker
    assert [s.slice(text) for s in article.metadata_spans] == ["Blinken lands in Beijing for rare talks"]
    assert "\n\n\n" not in text


def test_html_date_only_from_markup_not_guessed_from_text(tmp_path: Path) -> None:
    undated = PAGE.replace('<meta property="article:published_time" content="2023-06-18T08:00:00Z">', "")
    assert read_article(write(tmp_path, "undated.html", undated)).date is None  # not "2023-01-01" from the footer
    json_ld = undated.replace("</head>", '<script type="application/ld+json">{"@type": "NewsArticle", '
                              '"datePublished": "2021-07-08", "headline": "JSON-LD TEXT"}</script></head>')
    article = read_article(write(tmp_path, "ld.html", json_ld))
    assert article.date == "2021-07-08"
    assert "JSON-LD TEXT" not in article.text and "datePublished" not in article.text


def test_html_url_only_file_is_not_fetched(tmp_path: Path, no_network: list[str]) -> None:
    article = read_article(write(tmp_path, "link.html", "https://example.com/some/article"))
    assert no_network == []
    assert article.text == "https://example.com/some/article"


def test_html_entities_are_not_expanded_from_a_dtd(tmp_path: Path, no_network: list[str]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT")
    page = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<html><body><p>Officials said &x; on Monday that talks would resume.</p></body></html>")
    article = read_article(write(tmp_path, "xxe.html", page))
    assert "TOP SECRET" not in article.text
    assert no_network == []


def test_html_unsafe_canonical_url_dropped(tmp_path: Path) -> None:
    page = PAGE.replace("https://example.com/world/blinken-beijing", "javascript:alert(1)")
    assert read_article(write(tmp_path, "page.html", page)).url is None


def test_html_declared_charset_used_when_not_utf8(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="windows-1252"><title>Caf\u00e9 talks</title></head><body>'
            "<p>The caf\u00e9 talks \u201copened\u201d on Monday in Paris with ministers from both sides.</p>"
            "</body></html>").encode("cp1252")
    article = read_article(write(tmp_path, "page.html", page))
    assert "caf\u00e9 talks \u201copened\u201d" in article.text
    assert article.encoding == "cp1252"


def test_html_without_main_text_falls_back_to_visible_text(tmp_path: Path) -> None:
    page = "<html><body><p>Talks resumed.</p><script>SCRIPT TEXT</script></body></html>"
    article = read_article(write(tmp_path, "tiny.html", page))
    assert "Talks resumed." in article.text
    assert "SCRIPT TEXT" not in article.text


def test_html_controls_and_bidi_in_page_are_sanitised(tmp_path: Path) -> None:
    page = PAGE.replace("Qin Gang", "Qin\u202e Gang\x07").replace("Wang Yi", "Wang&#x202E; Yi")
    article = read_article(write(tmp_path, "page.html", page))
    assert "Qin Gang" in article.text and "Wang Yi" in article.text
    assert "\u202e" not in article.text and "\x07" not in article.text
    assert article.warnings[0] == "removed 1 control character"
    bidi = [w for w in article.warnings if "bidirectional" in w]
    assert len(bidi) == 1  # the markup pass and the text pass add up to one warning


# --- Markdown -------------------------------------------------------------------------------

MARKDOWN = """---
title: "Blinken lands in Beijing"
date: 2023-06-18
source: The Daily Example
author: Jane Doe
url: https://example.com/a
---
# Blinken lands in Beijing

<script>
alert("BLOCK SCRIPT")
</script>

US Secretary of State **Antony Blinken** arrived in Beijing on Sunday
for talks <span class="x">with</span> Chinese officials about AT&amp;T and a<b.
<img src="http://192.0.2.1/x.png" onerror="alert(1)"> Inline <script>INLINE SCRIPT</script> done.

## Agenda

- fentanyl
- Taiwan
- Ukraine

> "We are not expecting a breakthrough," an official said.

![IMAGE ALT](http://192.0.2.1/y.png)
"""


def test_markdown_front_matter_and_plain_paragraphs(tmp_path: Path, no_network: list[str]) -> None:
    article = read_article(write(tmp_path, "a.md", MARKDOWN))
    assert no_network == []
    assert (article.title, article.author, article.outlet, article.date, article.url) == (
        "Blinken lands in Beijing", "Jane Doe", "The Daily Example", "2023-06-18", "https://example.com/a")
    assert article.text == (
        "Blinken lands in Beijing\n\n"
        "US Secretary of State Antony Blinken arrived in Beijing on Sunday for talks with Chinese "
        "officials about AT&T and a<b. Inline done.\n\n"
        "Agenda\n\n"
        "- fentanyl\n- Taiwan\n- Ukraine\n\n"
        "\"We are not expecting a breakthrough,\" an official said."
    )
    assert [s.slice(article.text) for s in article.metadata_spans] == ["Blinken lands in Beijing"]
    assert article.warnings == ("dropped 6 raw HTML fragments from the Markdown",)


@pytest.mark.parametrize(("source", "title"), [
    ("# First heading\n\nBody text here.\n", "First heading"),
    ("Body first.\n\n# Later heading\n\nMore.\n", None),
    ("---\ntitle: From front matter\n---\n\nBody text.\n", "From front matter"),
])
def test_markdown_title(tmp_path: Path, source: str, title: str | None) -> None:
    article = read_article(write(tmp_path, "a.md", source))
    assert article.title == title
    if title:
        assert article.text.startswith(title + "\n\n")


# --- DOCX -----------------------------------------------------------------------------------

def make_docx(path: Path, *, core_title: str | None = None) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.author = "Jane Doe"
    document.core_properties.created = datetime.datetime(2023, 6, 18, 9, 0)
    if core_title:
        document.core_properties.title = core_title
    document.add_paragraph("Blinken lands in Beijing", style="Title")
    document.add_paragraph("BEIJING (Reuters) - US Secretary of State Antony Blinken arrived in Beijing on Sunday.")
    document.add_heading("Agenda", level=1)
    document.add_paragraph("Fentanyl, Taiwan and Ukraine are on the table.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Qin Gang"
    table.cell(0, 1).text = "Foreign Minister"
    document.sections[0].header.paragraphs[0].text = "HEADER TEXT"
    document.save(path)
    return path


def test_docx_paragraphs_title_and_core_properties(tmp_path: Path, no_network: list[str]) -> None:
    article = read_article(make_docx(tmp_path / "a.docx"))
    assert no_network == []
    assert article.input_format == "docx" and article.encoding is None
    assert article.text == (
        "Blinken lands in Beijing\n\n"
        "BEIJING (Reuters) - US Secretary of State Antony Blinken arrived in Beijing on Sunday.\n\n"
        "Agenda\n\nFentanyl, Taiwan and Ukraine are on the table.\n\nQin Gang\n\nForeign Minister"
    )
    assert (article.title, article.author, article.date, article.outlet) == (
        "Blinken lands in Beijing", "Jane Doe", "2023-06-18", "Reuters")
    assert [s.slice(article.text) for s in article.metadata_spans] == [
        "Blinken lands in Beijing", "BEIJING (Reuters) -"]


def test_docx_core_title_wins_and_is_not_duplicated(tmp_path: Path) -> None:
    article = read_article(make_docx(tmp_path / "a.docx", core_title="Blinken lands in Beijing"))
    assert article.text.count("Blinken lands in Beijing") == 1


def test_docx_template_defaults_are_not_metadata(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Officials met on Monday.")
    document.save(tmp_path / "plain.docx")
    article = read_article(tmp_path / "plain.docx")
    assert (article.author, article.date, article.title) == (None, None, None)


def rezip(source: Path, target: Path, *, replace: dict[str, bytes] | None = None,
          extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = (replace or {}).get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


def test_docx_zip_bomb_ratio_refused(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx")
    bomb = rezip(good, tmp_path / "bomb.docx", extra={"word/media/bomb.bin": b"\0" * 20_000_000})
    with pytest.raises(BadInput, match=r"'word/media/bomb.bin' expands [\d,]+:1 \(the limit is 100:1\); refusing"):
        read_article(bomb)


def test_docx_declared_total_over_budget(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx")
    with pytest.raises(TooLarge, match=r"Word file would expand to [\d,]+ bytes; the limit is 10,000"):
        read_article(good, limits=Limits(max_unzipped_bytes=10_000))


def test_docx_too_many_parts(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx")
    many = rezip(good, tmp_path / "many.docx", extra={f"junk/{i}.txt": b"x" for i in range(60)})
    with pytest.raises(TooLarge, match=r"Word file has [\d,]+ parts; the limit is 50"):
        read_article(many, limits=Limits(max_zip_entries=50))


@pytest.mark.parametrize("declaration", [
    b'<!DOCTYPE w:document [<!ENTITY lol "lol">]>',
    b'<!doctype x SYSTEM "file:///etc/passwd">',
])
def test_docx_with_doctype_refused(tmp_path: Path, declaration: bytes) -> None:
    good = make_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as z:
        xml = z.read("word/document.xml")
    head, sep, rest = xml.partition(b"?>")
    evil = rezip(good, tmp_path / "evil.docx", replace={"word/document.xml": head + sep + declaration + rest})
    with pytest.raises(BadInput, match="'word/document.xml' contains a DOCTYPE or ENTITY declaration"):
        read_article(evil)


@pytest.mark.parametrize(("data", "fragment"), [
    (b"This is plain text, not a zip.", "not a Word .docx file (not a zip archive)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an old Word .doc or a password-protected file"),
    (b"PK\x03\x04garbage", "damaged zip archive"),
])
def test_docx_not_a_word_file(tmp_path: Path, data: bytes, fragment: str) -> None:
    path = write(tmp_path, "a.docx", data)
    with pytest.raises(BadInput) as info:
        read_article(path)
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"{path}: ")


def test_docx_zip_without_word_parts(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(BadInput, match=r"not a readable Word .docx file \("):
        read_article(write(tmp_path, "a.docx", buffer.getvalue()))


def test_docx_from_stdin_is_sniffed(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "a.docx").read_bytes()
    article = read_article("-", stdin=io.BytesIO(data))
    assert article.input_format == "docx"
    assert article.title == "Blinken lands in Beijing"


def test_html_nested_deeper_than_the_parser_goes_is_read(tmp_path: Path) -> None:
    paragraphs = ["Foreign Minister Ana Silva arrived in Geneva on Monday for talks.",
                  "The ministers will discuss carbon pricing and border tariffs."]
    deep = ("<html><head><title>Talks in Geneva</title></head><body>" + "<div>" * 10_000
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + '<div hidden>HIDDEN ONE</div><script>var x = "HIDDEN TWO";</script>'
            + '<p style="display: none">HIDDEN <b>THREE</b></p><p>After the hidden parts.</p>'
            + "</div>" * 10_000 + "</body></html>")
    article = read_article(write(tmp_path, "deep.html", deep))
    for p in paragraphs:
        assert p in article.text.split("\n")
    assert "After the hidden parts." in article.text
    assert "HIDDEN" not in article.text


def test_flatten_keeps_shallow_markup_and_caps_the_depth() -> None:
    from briefgen.sources.readers.nesting import flatten

    blocks = frozenset({"div", "p"})
    out = flatten('<div class="a&quot;b"><p>x &amp; y</p></div>', blocks=blocks, dropped=lambda t, a: False)
    assert out == '<div class="a&quot;b"><p>x &amp; y</p></div>'
    out = flatten("<div>" * 5 + "<p>one</p><p>two</p>" + "</div>" * 5, blocks=blocks,
                  dropped=lambda t, a: False, max_depth=3)
    assert out == "<div><div><div><p>one</p><p>two</p></div></div></div>"


def _dated_docx(path: Path, created, modified, lead: str) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.created = created
    document.core_properties.modified = modified
    document.add_paragraph("Kerry meets Wang in Beijing", style="Title")
    document.add_paragraph(lead + "US Secretary of State John Kerry met Foreign Minister Wang Yi on Saturday.")
    document.save(path)
    return path


def test_docx_date_in_the_text_beats_core_properties(tmp_path: Path) -> None:
    created = datetime.datetime(2019, 3, 1, 9, 0)
    path = _dated_docx(tmp_path / "a.docx", created, created + datetime.timedelta(days=2),
                       "BEIJING, May 16, 2015 (AP) - ")
    article = read_article(path)
    assert article.date == "2015-05-16"
    assert "article date 2015-05-16, from the text (dateline or byline)" in article.notes


def test_docx_conversion_stamp_is_not_the_article_date(tmp_path: Path) -> None:
    stamp = datetime.datetime(2026, 1, 5, 14, 30, 0)
    path = _dated_docx(tmp_path / "a.docx", stamp, stamp + datetime.timedelta(seconds=20), "")
    article = read_article(path)
    assert article.date is None
    assert any("conversion stamp" in n for n in article.notes)
    # A creation date that differs from the last change is the document's own: used.
    path = _dated_docx(tmp_path / "b.docx", stamp, stamp + datetime.timedelta(hours=3), "")
    article = read_article(path)
    assert article.date == "2026-01-05"
    assert "article date 2026-01-05, from the Word file's creation date" in article.notes
