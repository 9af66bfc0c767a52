"""Text renderers (memo lines, block tree, Markdown, HTML, JSON): order, escaping, shape."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, replace
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from briefgen.model.blocks import Bullets, Memo, Para, Quotes, Section
from briefgen.render import html as html_r
from briefgen.render import json as json_r
from briefgen.render import md as md_r
from briefgen.render.text import block_tree_text, entry_line, is_empty, memo_lines
from tests.render_samples import INJECTIONS, block_memo, entry, fitted, with_section


def injected_memo() -> Memo:
    """The sample memo with one bullet per injection string, and a quote and a para made of them."""
    section = Section("inject", "INJECTED <b>", (
        Bullets(tuple(entry(s, (i + 1,), "inject", i) for i, s in enumerate(INJECTIONS))),
        Quotes((entry("<i>quoted</i> & more", (2,), "inject", 99, attribution="— A<B & Co"),)),
        Para(entry("# prose <script>x</script>", (), "inject", 100)),
    ))
    return with_section(block_memo(), section)


@dataclass(frozen=True)
class _Unknown:
    text: str = "?"


def with_unknown_block() -> Memo:
    m = block_memo()
    return Memo(m.meta, m.blocks[:2] + (_Unknown(),) + m.blocks[2:])


# ------------------------------------------------------------------ memo lines / tree

def test_memo_lines_follow_reading_order():
    lines = memo_lines(block_memo())
    assert lines[:3] == ["UNCLASSIFIED", "MEMORANDUM", "TO: The Secretary"]
    assert lines[-2:] == ["Page 1 of 1", "UNCLASSIFIED"]
    assert lines.index("BOTTOM LINE") < lines.index("PURPOSE") < lines.index("AGENDA") \
        < lines.index("KEY QUOTES") < lines.index("GAPS")
    # a child follows its parent, a quote carries its attribution on the same line
    i = next(i for i, l in enumerate(lines) if l.startswith("Agenda topic number 1"))
    assert lines[i + 1].startswith("Flow of precursor chemicals")
    assert any(l.startswith("\u201cWhat we\u2019re") and l.endswith("US Secretary of State")
               for l in lines)


def test_entry_line_keeps_marks_once():
    e = entry("Talks on trade", (3, 4), "agenda", 0)
    assert entry_line(e) == "Talks on trade\u00a0¶3\u00a0¶4"


def test_empty_sections_are_not_listed():
    empty = Section("empty", "EMPTY", (Bullets(()), Quotes(())))
    assert is_empty(empty)
    memo = with_section(block_memo(), empty)
    assert "EMPTY" not in memo_lines(memo)
    for render in (md_r.render, html_r.render):
        assert b"EMPTY" not in render(fitted(memo))


def test_block_tree_text_is_readable_and_stable():
    text = block_tree_text(block_memo())
    assert text == block_tree_text(block_memo())
    for expected in ("banner 'UNCLASSIFIED' colour=#007A33", "header 'MEMORANDUM'", "  TO: The Secretary",
                     "section agenda 'AGENDA'", "  bullets", "    - [agenda#0 score=1.00 marks=3]",
                     "      - [agenda.children#0", "  quotes", "    by: \u2014 Antony Blinken",
                     "section bottom_line 'BOTTOM LINE'", "  para", "keep", "footer", "  page: Page 1 of 1"):
        assert expected in text, expected
    assert text.endswith("\n")


@pytest.mark.parametrize("fn", [memo_lines, block_tree_text])
def test_unknown_blocks_fail_loudly(fn):
    with pytest.raises(TypeError, match="_Unknown"):
        fn(with_unknown_block())


# ------------------------------------------------------------------ Markdown

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.mark.parametrize("text, expected", [
    ("plain words", "plain words"),
    ("1. not a list", "1\\. not a list"),
    ("- not a bullet", "\\- not a bullet"),
    ("# not a heading", "\\# not a heading"),
    ("a*b*c", "a\\*b\\*c"),
    ("x_y_z", "x\\_y\\_z"),
    ("[link](u)", "\\[link\\]\\(u\\)"),
    ("<b>", "\\<b\\>"),
    ("AT&T", "AT&T"),
    ("&amp;", "\\&amp;"),
    ("a | b", "a \\| b"),
    ("line\nbreak", "line break"),
    ("U.S. envoy", "U.S. envoy"),
])
def test_markdown_escape_table(text, expected):
    assert md_r.escape(text) == expected


@pytest.mark.parametrize("text", INJECTIONS)
def test_markdown_entries_render_literally(text):
    memo = with_section(block_memo(), Section("x", "X", (Bullets((entry(text, (1,), "x", 0),)),)))
    out = md_r.render(fitted(memo)).decode("utf-8")
    rendered = MD.render(out)
    # the item is one list item whose text is the string itself, escaped once for HTML
    assert f"<li>{html.escape(text, quote=False)}\u00a0¶1</li>" in rendered


def test_markdown_has_no_raw_html_and_keeps_structure():
    out = md_r.render(fitted(injected_memo())).decode("utf-8")
    rendered = MD.render(out)
    for tag in ("<script", "<b>", "<font", "<i>quoted", "<a ", "<code>", "<em>not", "<strong>not"):
        assert tag not in rendered, tag
    assert rendered.count("<h2>") == len([b for b in injected_memo().blocks if isinstance(b, Section)])
    assert "<h2>INJECTED &lt;b&gt;</h2>" in rendered
    assert "<p># prose &lt;script&gt;x&lt;/script&gt;</p>" in rendered
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_markdown_is_deterministic_and_utf8():
    f = fitted()
    assert md_r.render(f) == md_r.render(f)
    assert "¶".encode() in md_r.render(f)


# ------------------------------------------------------------------ HTML

class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_standalone_and_escaped():
    out = html_r.render(fitted(injected_memo())).decode("utf-8")
    assert out.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    parser = _Tags()
    parser.feed(out)
    assert "script" not in parser.tags and "font" not in parser.tags and "b" not in parser.tags
    assert "i" not in parser.tags
    assert not any(name in ("src", "href", "onload", "onerror") for name, _ in parser.attrs)
    text = "".join(parser.text)
    for s in INJECTIONS:
        assert s in text, s  # every string survives as text, exactly
    assert "<style>" in out and "@page" in out and "<link" not in out


def test_html_css_comes_from_the_style():
    f = fitted()
    out = html_r.render(f).decode("utf-8")
    assert f"font-size: {f.style.body_size:.2f}pt" in out
    assert f.style.mark_colour in out
    assert "grid-template-columns" in out  # default template: labels in a column
    hostile = replace(f.style, bullet='"}*{x', docx_font="Evil'; } body { x")
    out = html_r.render(replace(f, style=hostile)).decode("utf-8")
    assert '"}*{x' not in out and "Evil'; }" not in out


def test_html_unknown_block_fails_loudly():
    with pytest.raises(TypeError):
        html_r.render(fitted(with_unknown_block()))


def test_markdown_unknown_block_fails_loudly():
    with pytest.raises(TypeError):
        md_r.render(fitted(with_unknown_block()))


# ------------------------------------------------------------------ JSON

def test_json_shape():
    f = fitted(injected_memo())
    data = json_r.render(f)
    assert data.endswith(b"\n") and data == json_r.render(f)
    doc = json.loads(data)
    assert set(doc) == {"generator", "briefing", "memo", "fit"}
    assert doc["generator"].startswith("briefgen ")
    assert doc["briefing"] is None
    assert doc["fit"] == f.report.to_dict()
    types = [b["type"] for b in doc["memo"]["blocks"]]
    assert types[:3] == ["banner", "header", "rule"] and types[-2:] == ["footer", "banner"]
    inject = next(b for b in doc["memo"]["blocks"] if b.get("key") == "inject")
    assert [p["type"] for p in inject["body"]] == ["bullets", "quotes", "para"]
    assert inject["body"][0]["entries"][0]["runs"][0]["text"].startswith(INJECTIONS[0])
    assert "¶".encode() in data  # ensure_ascii=False
    assert list(doc) == sorted(doc)


def test_json_includes_the_briefing_when_set():
    f = replace(fitted(), briefing={"schema": "1.0", "items": ({"a": 1},)})
    doc = json.loads(json_r.render(f))
    assert doc["briefing"] == {"schema": "1.0", "items": [{"a": 1}]}
