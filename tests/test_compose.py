"""compose: Briefing -> Memo through the template's closed XML vocabulary, in a sandbox."""
from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

import importlib

from briefgen.model.blocks import Banner, Footer, Run, Section
from briefgen.compose.context import (MemoOptions, builtin_templates, compose, format_marks, load_template,
                                      parse_memo_xml, xml_chars)
from briefgen.model.briefing import Event, Item, Participant, Quote
from briefgen.status import TemplateError
from tests import memo_samples as ms

C = importlib.import_module("briefgen.compose.context")
sandbox = importlib.import_module("briefgen.compose.sandbox")

OPTS = MemoOptions(to="Secretary", from_="Desk officer", date=date(2026, 11, 29))


@pytest.fixture(scope="module")
def default():
    return load_template("default")


@pytest.fixture(scope="module")
def sample_memo(default):
    return compose(ms.sample(), default, OPTS)


def _sections(memo):
    return {b.key: b for b in memo.blocks if isinstance(b, Section)}


def test_builtin_templates_listed():
    assert {"default", "corporate"} <= set(builtin_templates())
    assert "_shared" not in builtin_templates()


def test_block_sequence_of_the_default_memo(sample_memo):
    kinds = [type(b).__name__ for b in sample_memo.blocks]
    assert kinds[:3] == ["Banner", "HeaderFields", "Rule"]
    assert kinds[-3:] == ["Rule", "Footer", "Banner"]
    labels = [b.label for b in sample_memo.blocks if isinstance(b, Section)]
    assert labels == ["BOTTOM LINE", "PURPOSE", "PARTICIPANTS", "AGENDA", "EXPECTATIONS", "CONTEXT", "KEY QUOTES"]
    banner = sample_memo.blocks[0]
    assert banner == Banner("UNCLASSIFIED", "#007A33")
    header = sample_memo.blocks[1]
    assert header.title == "MEMORANDUM"
    assert [(f.label, f.value) for f in header.fields] == [
        ("TO", "Secretary"), ("FROM", "Desk officer"), ("DATE", "2026-11-29"),
        ("SUBJECT", "Secretary of State Antony Blinken's visit to Beijing")]


def test_entries_end_with_their_paragraph_marks(sample_memo):
    agenda = _sections(sample_memo)["agenda"].body[0]
    first = agenda.entries[0]
    assert first.runs[-1].style == "mark" and first.runs[-1].text == "¶3"
    assert first.marks == (3,)
    assert first.children[0].runs[-1].text == "¶4"
    quote = _sections(sample_memo)["quotes"].body[0].entries[0]
    assert quote.attribution[0].text.startswith("— Antony Blinken, US Secretary of State")
    assert quote.attribution[-1] == Run("¶7", "mark")


def test_meta_is_filled_without_the_wall_clock(sample_memo, monkeypatch):
    m = sample_memo.meta
    assert (m.title, m.author, m.language) == ("Secretary of State Antony Blinken's visit to Beijing",
                                               "Desk officer", "en")
    assert m.created == "2026-11-29T00:00:00Z"
    assert "Beijing" in m.keywords
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert compose(ms.sample(), load_template("default"), MemoOptions()).meta.created == "1970-01-01T00:00:00Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert compose(ms.sample(), load_template("default"), MemoOptions()).meta.created == ""


def test_footer_names_source_hash_and_version(sample_memo):
    footer = next(b for b in sample_memo.blocks if isinstance(b, Footer))
    text = " ".join("".join(r.text for r in line) for line in footer.lines)
    b = ms.sample()
    assert f"sha256 {b.source.sha256[:12]}" in text
    assert f"{b.source.paragraphs} paragraphs, {b.source.words} words" in text
    assert "extracted by briefgen " in text.lower()
    assert footer.page_label == "Page 1 of 1"


def test_outcomes_title_when_concluded(default):
    b = ms.sample()
    b = dataclasses.replace(b, event=dataclasses.replace(b.event, status="concluded"))
    labels = [s.label for s in compose(b, default, OPTS).blocks if isinstance(s, Section)]
    assert "OUTCOMES" in labels and "EXPECTATIONS" not in labels


def test_gaps_line_and_empty_sections_left_out(default):
    memo = compose(ms.sparse(), default, OPTS)
    secs = _sections(memo)
    assert "purpose" not in secs and "quotes" not in secs
    gaps = secs["gaps"].body[0].entry.text
    assert gaps == "Not stated in the source: purpose; expectations; direct quotations."
    assert secs["gaps"].body[0].entry.droppable is False


@pytest.mark.parametrize("name, label", [("default", "NOTE"), ("corporate", "Note")])
def test_a_memo_of_an_article_with_no_event_says_so_first(name, label):
    memo = compose(ms.no_event(), load_template(name), OPTS)
    first = next(b for b in memo.blocks if isinstance(b, Section))
    assert (first.key, first.label) == ("notice", label)
    assert first.body[0].entry.text == "No visit, summit or talks found in the source."
    assert first.body[0].entry.droppable is False
    assert "notice" not in _sections(compose(ms.sample(), load_template(name), OPTS))


def test_marking_option_and_defaults(default):
    memo = compose(ms.sparse(), default, MemoOptions(marking="SECRET//NOFORN"))
    assert memo.blocks[0] == Banner("SECRET//NOFORN", "#C8102E")
    fields = {f.label: f.value for f in memo.blocks[1].fields}
    assert fields["TO"] and fields["FROM"]  # sensible defaults, never empty


def test_never_dropped_sections_are_marked(sample_memo):
    secs = _sections(sample_memo)
    assert not any(e.droppable for e in secs["participants"].body[0].entries)
    assert all(e.droppable for e in secs["context"].body[0].entries)


INJECTIONS = ["AT&T", "a<b", "<b>bold", "<font color=red>x</font>", "<seq/>",
              '<a href="javascript:alert(1)">x</a>', "]]>", "&amp;", '"quoted" \'single\'']


@pytest.mark.parametrize("s", INJECTIONS)
def test_article_strings_stay_literal(default, s):
    b = ms.sparse()
    b = dataclasses.replace(
        b, subject=f"Talks {s}",
        participants=(Participant(f"Name {s}", f"role {s}", b.participants[0].evidence),),
        agenda=(Item(f"Topic {s}", b.agenda[0].evidence, 0.5),),
        quotes=(Quote(f"said {s}", f"Speaker {s}", b.agenda[0].evidence),))
    memo = compose(b, default, OPTS)
    texts = [e.text for e in memo.entries()] + [f.value for f in memo.blocks[1].fields]
    texts += ["".join(r.text for r in e.attribution) for e in memo.entries()]
    assert f"Talks {s}" in texts
    assert any(f"Topic {s}" in t for t in texts)
    assert any(f"Name {s}, role {s}" in t for t in texts)
    assert any(f"Speaker {s}" in t for t in texts)


def test_control_characters_never_break_the_xml(default):
    b = dataclasses.replace(ms.sparse(), subject="Visit\x00 to \x1bOslo\ufffe")
    memo = compose(b, default, OPTS)
    assert memo.meta.title == "Visit to Oslo"


def test_long_bullets_trimmed_at_a_clause_boundary(default):
    b = ms.sparse()
    long = ("Officials said the two sides would discuss fisheries quotas in the Barents Sea, "
            "which have been disputed for a decade, as well as joint research on cod stocks, "
            "the protection of spawning grounds and the enforcement of catch limits by coast guards "
            "of both nations in waters that neither has patrolled in recent years")
    b = dataclasses.replace(b, context=(Item(long, b.agenda[0].evidence, 0.5),))
    memo = compose(b, default, OPTS)
    shown = _sections(memo)["context"].body[0].entries[0].runs[0].text.rstrip("\u00a0")
    assert shown.endswith("…") and len(shown) < len(long)
    prefix = shown[:-1]
    assert long.startswith(prefix)
    assert long[len(prefix)] in " ,;:"  # cut at a boundary, never inside a word
    short = dataclasses.replace(b, context=(Item("A short item", b.agenda[0].evidence, 0.5),))
    assert _sections(compose(short, default, OPTS))["context"].body[0].entries[0].runs[0].text == "A short item\u00a0"


@pytest.mark.parametrize("marks, text", [
    ([3], "¶3"), ([1, 2], "¶1\u00a0¶2"), ([1, 2, 3, 7], "¶1–3\u00a0¶7"), ([5, 5, 4], "¶4\u00a0¶5"), ([], ""),
])
def test_format_marks(marks, text):
    assert format_marks(marks) == text


def test_corporate_template_differs(sample_memo):
    corp = compose(ms.sample(), load_template("corporate"), OPTS)
    assert not any(isinstance(b, Banner) for b in corp.blocks)
    assert corp.blocks[0].title == "Briefing note"
    assert load_template("corporate").style.headings == "above"
    assert load_template("corporate").style.docx_font == "Calibri"


# ------------------------------------------------------------------ the XML vocabulary

@pytest.fixture(scope="module")
def style(default):
    return default.style


GOOD = [  # (xml, the block types it parses into, its language)
    ('<memo><banner>U</banner></memo>', ["Banner"], None),
    ('<memo lang="fr"><header title="M"><field label="TO">x</field></header><rule/></memo>',
     ["HeaderFields", "Rule"], "fr"),
    ('<memo><section key="agenda" label="AGENDA"><bullets><entry marks="3 4" index="0" score="0.5">A'
     '<mark>¶3</mark><children><entry>b</entry></children></entry></bullets></section></memo>', ["Section"], None),
    ('<memo><section key="quotes" label="Q"><quotes><entry>“x”<attribution>— y</attribution></entry>'
     '</quotes></section></memo>', ["Section"], None),
    ('<memo><footer page="Page 1 of 1"><line>a <i>b</i> &amp; c &#160;d</line></footer></memo>', ["Footer"], None),
]
BAD = [
    ('<memo><script/></memo>', "unknown element <script>"),
    ('<memo><banner style="x">U</banner></memo>', "unknown attribute 'style'"),
    ('<html/>', "root element must be <memo>"),
    ('<memo>loose text</memo>', "text is not allowed"),
    ('<memo><section key="a" label="A"><para><entry>x</entry><entry>y</entry></para></section></memo>',
     "exactly one"),
    ('<memo><section key="a" label="A"><bullets><entry><b><i>x</i></b></entry></bullets></section></memo>',
     "text only"),
    ('<memo><section key="a" label="A"><bullets><entry marks="x">y</entry></bullets></section></memo>',
     "paragraph numbers"),
    ('<memo><section key="Bad Key" label="A"></section></memo>', "lower-case name"),
    ('<memo><section key="a" label="A"><para><entry><attribution>x</attribution></entry></para>'
     '</section></memo>', "not allowed inside <entry>"),
    ('<memo><banner colour="red">U</banner></memo>', "colour"),
    ('<!DOCTYPE memo [<!ENTITY x "y">]><memo>&x;</memo>', "DOCTYPE"),
    ('<memo>&lol;</memo>', "not well-formed"),
    ('<memo><banner>U</memo>', "not well-formed"),
    ('<?xml-stylesheet href="x"?><memo><a href="javascript:x">y</a></memo>', "unknown element <a>"),
]


@pytest.mark.parametrize("xml, kinds, lang", GOOD)
def test_vocabulary_accepted(xml, kinds, lang, style):
    blocks, got_lang = parse_memo_xml(xml, style)
    assert [type(b).__name__ for b in blocks] == kinds
    assert got_lang == lang


@pytest.mark.parametrize("xml, message", BAD)
def test_vocabulary_rejected(xml, message, style):
    with pytest.raises(TemplateError, match=message):
        parse_memo_xml(xml, style)


# ------------------------------------------------------------------ user templates, sandbox

HOSTILE = [
    ("{{ ''.__class__.__mro__ }}", "unsafe"),
    ("{{ range.__globals__ }}", "unsafe"),
    ("{{ cycler.__init__.__globals__.os }}", "unsafe|undefined"),
    ("{{ lipsum() }}", "undefined"),
    ("{{ 'a' * 10**10 }}", "unsafe"),
    ("{{ 10**10**10 }}", "unsafe"),
    ("{{ 'a'.ljust(10**9) }}", "unsafe"),
    ("{{ '%999999999d' % 1 }}", "unsafe"),
    ("{{ 'a'|center(10**9) }}", "No filter named 'center'"),
    ("{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('ab') }}", "unsafe"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}", "output over"),
    ("{% include '/etc/passwd' %}", "loader"),
    ("{% set x = [] %}{{ x.append(1) }}", "unsafe"),
    ("<memo>{{ nope }}</memo>", "'nope' is undefined"),
    ("{% if %}", "line 1"),
    ("{% set x = range(100000)|list %}{% for a in x %}{% for b in x %}{% endfor %}{% endfor %}", "longer than"),
]


def _user_template(tmp_path: Path, body: str, name: str = "house") -> Path:
    d = tmp_path / name
    shutil.copytree(Path(__file__).resolve().parents[1] / "templates" / "default", d)
    (d / "memo.xml.j2").write_text(body, encoding="utf-8")
    return d


@pytest.mark.parametrize("body, message", HOSTILE)
def test_hostile_user_templates_get_a_template_error(tmp_path, monkeypatch, body, message):
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.3)
    with pytest.raises(TemplateError, match=message):
        compose(ms.sparse(), load_template(_user_template(tmp_path, body)), OPTS)


def test_user_template_copy_renders_like_the_builtin(tmp_path, sample_memo):
    src = (Path(__file__).resolve().parents[1] / "templates" / "default" / "memo.xml.j2").read_text()
    d = _user_template(tmp_path, src.replace('title="MEMORANDUM"', 'title="NOTE TO FILE"'))
    memo = compose(ms.sample(), load_template(d), OPTS)
    assert memo.blocks[1].title == "NOTE TO FILE"
    assert memo.blocks[2:] == sample_memo.blocks[2:]


def test_missing_template_is_a_template_error(tmp_path):
    with pytest.raises(TemplateError, match="no template"):
        load_template("no-such-template")
    (tmp_path / "empty").mkdir()
    with pytest.raises(TemplateError, match="memo.xml.j2 not found"):
        load_template(tmp_path / "empty")


def test_a_clause_filed_under_two_headings_is_shown_once():
    from briefgen.model.briefing import Item, Span

    same = Item("officials expect little", (Span(10, 40),), 0.9)
    other = Item("ties have cooled", (Span(50, 70),), 0.5)
    nearly = Item("officials expect little, he said", (Span(10, 48),), 0.4)
    purpose, expectations, context = C.distinct((same,), (nearly, other), (same, other))
    assert purpose == (same,)
    assert expectations == (other,)
    assert context == ()


def test_an_item_the_bottom_line_already_says_is_not_shown_again():
    """An article may print a sentence twice, once with a reporting tail: the bottom line took
    one copy, so the other, "..., the foreign secretary told reporters", is not a bullet."""
    from briefgen.model.briefing import Phrase, Span

    sentence = "The two sides are likely to finalise the first tranche of a trade agreement."
    bottom = (Phrase("The minister will travel to Lima on Monday.", (Span(0, 44),)),
              Phrase(sentence, (Span(300, 300 + len(sentence)),)))
    tailed = Item(sentence[:-1] + ", the foreign secretary told reporters.", (Span(100, 200),), 0.5)
    other = Item("The two sides also plan to sign a fishing accord next year.", (Span(400, 460),), 0.5)
    assert C.said_in_bottom_line(bottom, tailed)
    assert not C.said_in_bottom_line(bottom, other)


def test_xml_chars_removes_exactly_what_xml_forbids() -> None:
    """The look-up drops what the former pattern (the complement of XML 1.0's Char production,
    listed) dropped, on every code point, and keeps printable ASCII as it is."""
    every = "".join(map(chr, range(0x110000)))
    assert xml_chars(every) == re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", every)
    assert xml_chars("plain \"text\" & <more>") == "plain \"text\" & <more>"
