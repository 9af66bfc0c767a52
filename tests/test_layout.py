"""layout.fit: one page always, dropping in the style's order, never under the size floor."""
from __future__ import annotations

import dataclasses
import io
from datetime import date

import pypdf
import pytest

from briefgen.model.blocks import Section
from briefgen.compose.context import MemoOptions, compose, load_template
from briefgen.layout.fit import fit, prune
from briefgen.layout.flowables import body_width
from briefgen.layout.lines import Budget, count_lines, trim
from briefgen.layout.measure import Measurer, exact_overflow
from briefgen.layout.paragraphs import entry_paragraphs, kit
from briefgen.model.briefing import Participant
from briefgen.render import pdf
from tests import memo_samples as ms

OPTS = MemoOptions(date=date(2026, 11, 29))


def _pages(fitted) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf.render(fitted))).pages)


@pytest.fixture(scope="module", params=["default", "corporate"])
def template(request):
    return load_template(request.param)


def test_sample_fits_without_dropping(template):
    fitted = fit(compose(ms.sample(), template, OPTS), template.style)
    assert fitted.report.dropped == ()
    assert not fitted.report.over_one_page
    assert fitted.style.body_size >= template.style.body_size
    assert _pages(fitted) == 1


def test_sparse_memo_grows_instead_of_leaving_the_page_empty(template):
    fitted = fit(compose(ms.sparse(), template, OPTS), template.style)
    assert fitted.report.dropped == ()
    assert template.style.body_size < fitted.style.body_size <= template.style.max_body_size
    assert fitted.style.spacing_scale > 1.0
    assert _pages(fitted) == 1


def test_short_article_text_shown_only_when_it_fits():
    t = load_template("default")
    with_text = fit(compose(ms.sparse(), t, dataclasses.replace(OPTS, source_text=ms.SPARSE_TEXT)), t.style)
    keys = [b.key for b in with_text.memo.blocks if isinstance(b, Section)]
    assert keys[-1] == "source_text"
    assert with_text.report.dropped == ()
    long = ms.long_briefing()
    text = "\n".join("x " * 30 for _ in range(long.source.paragraphs))
    crowded = fit(compose(long, t, dataclasses.replace(OPTS, source_text=text)), t.style)
    assert "source_text" not in [b.key for b in crowded.memo.blocks if isinstance(b, Section)]
    assert all(d["section"] != "source_text" for d in crowded.report.dropped)


def test_long_briefing_drops_tiers_in_the_style_order():
    t = load_template("default")
    memo = compose(ms.long_briefing(40), t, OPTS)
    fitted = fit(memo, t.style)
    dropped = [d["section"] for d in fitted.report.dropped]
    assert dropped, "the synthetic long article must overflow"
    tiers = ["quotes", "context", "agenda.children", "expectations", "agenda"]
    order = [tiers.index(s) for s in dropped]
    assert order == sorted(order), dropped
    # lowest score first within a tier: the quotes left are the best ones
    quotes = [d for d in fitted.report.dropped if d["section"] == "quotes"]
    assert [d["index"] for d in quotes] == sorted((d["index"] for d in quotes), reverse=True)
    kept = {b.key: b for b in fitted.memo.blocks if isinstance(b, Section)}
    assert len(kept["quotes"].body[0].entries) == 1
    assert len(kept["context"].body[0].entries) >= 3
    assert fitted.report.over_one_page
    assert fitted.style.body_size >= 9.0
    assert _pages(fitted) == 1


def test_never_dropped_sections_survive_drop_order():
    t = load_template("default")
    fitted = fit(compose(ms.long_briefing(40), t, OPTS), t.style)
    kept = {b.key: b for b in fitted.memo.blocks if isinstance(b, Section)}
    assert len(kept["participants"].body[0].entries) == 5
    assert {"bottom_line", "purpose"} <= set(kept)


def test_freak_article_still_one_page_at_or_above_the_floor(template):
    b = ms.long_briefing(60)
    ev = b.participants[0].evidence
    b = dataclasses.replace(b, participants=tuple(
        Participant(f"Participant number {i}", "Special Envoy for a Very Long List of Regional Matters", ev)
        for i in range(60)))
    fitted = fit(compose(b, template, OPTS), template.style)
    assert fitted.style.body_size >= template.style.min_body_size == 9.0
    assert fitted.report.over_one_page
    assert _pages(fitted) == 1


def test_prune_removes_emptied_sections():
    t = load_template("default")
    memo = compose(ms.sparse(), t, OPTS)
    gone = prune(memo, frozenset({("context", 0, -1)}))
    assert "context" not in [b.key for b in gone.blocks if isinstance(b, Section)]
    assert len(gone.blocks) == len(memo.blocks) - 1


def test_report_to_dict_round_trips_through_json():
    import json

    t = load_template("default")
    report = fit(compose(ms.long_briefing(40), t, OPTS), t.style).report
    d = json.loads(json.dumps(report.to_dict()))
    assert d["dropped"] and d["dropped"] == [dict(x) for x in report.dropped]
    assert all(x["section"] and x["text"] for x in d["dropped"])
    assert (d["font_size"], d["leading"], d["over_one_page"]) == (report.font_size, report.leading, True)


@pytest.mark.parametrize("text", ["short", "word " * 60, "Ministers’ “talks” — in Genève, Αθήνα " * 12])
def test_count_lines_matches_reportlab(text):
    style = load_template("default").style
    got = count_lines(text.strip(), style.content_width, style)
    from reportlab.platypus import Paragraph
    para = Paragraph(text.strip(), kit(style).body)
    para.wrap(style.content_width, 1000)
    assert got == len(para.blPara.lines)


@pytest.mark.parametrize("text, ends", [
    ('She said: "' + "we shall work together on trade and security " * 12 + '" and left.', '…"'),
    ("She said: \u201c" + "we shall work together on trade and security " * 12 + "\u201d and left.", "…\u201d"),
    ("The plan covers trade, investment, security and defence, and " * 10, "…"),
    ('She said the plan "moves the weapons under control under control under control under control '
     'under control under control under control under control under control under control" today.', '…"'),
])
def test_trim_closes_the_quotation_it_cuts_and_ends_on_no_connective(text, ends):
    style = load_template("default").style
    out = trim(text.strip(), Budget(style, lines=2))
    assert out.endswith(ends)
    assert out.count('"') % 2 == 0 and out.count("\u201c") == out.count("\u201d")
    assert out.rstrip('…"\u201d').split()[-1].strip(",") not in ("and", "or", "the", "of", "under")


def test_trim_keeps_an_infinitive_its_verb_needs():
    """"India was keen…" says nothing: the cut goes before the clause that wants its "to"."""
    style = load_template("default").style
    text = ("The prime minister expressed his happiness at visiting the country and said his government was "
            "keen to build on the momentum created by the economic partnership agreement signed two years ago "
            "between the two governments after long talks")
    out = trim(text, Budget(style, lines=2))
    assert out.endswith("…") and not out[:-1].rstrip().endswith(("keen", "was"))


def test_trim_never_cuts_inside_a_word():
    style = load_template("default").style
    text = "supercalifragilistic " * 40
    out = trim(text.strip(), Budget(style, lines=2))
    assert out.endswith("…")
    assert all(w == "supercalifragilistic" for w in out[:-1].split())


# ------------------------------------------------------------------ measurement == drawing

@pytest.mark.parametrize("name,headings", [("default", "column"), ("default", "above"), ("corporate", "above")])
@pytest.mark.parametrize("make", [ms.sample, ms.sparse, ms.long_briefing])
def test_added_up_heights_equal_the_drawn_layout(name, headings, make):
    """The fitter adds up per-entry heights; the sum must equal the section Tables the PDF
    draws, to the float, for every kind of candidate (drops, children, spacing, size)."""
    from briefgen.layout.fit import _rule_steps

    t = load_template(name)
    style = dataclasses.replace(t.style, headings=headings)
    memo = compose(make(), dataclasses.replace(t, style=style), OPTS)
    m = Measurer(memo, style)
    drops = [frozenset()]
    for rule in ("agenda.children", "context>1", "quotes>0", "expectations>0"):
        steps = _rule_steps(rule, memo, drops[-1], style, strict=False)
        if steps:
            drops.append(drops[-1] | set(steps[: max(1, len(steps) // 2)]))
    for st in (style, dataclasses.replace(style, spacing_scale=0.6),
               dataclasses.replace(style, body_size=style.min_body_size, spacing_scale=0.5),
               dataclasses.replace(style, body_size=style.max_body_size, spacing_scale=1.7)):
        for dropped in drops:
            for omit in (frozenset(), frozenset(style.optional_sections)):
                quick = m.overflow(dropped, omit, st)
                exact = exact_overflow(prune(memo, dropped, omit), st)
                assert quick == pytest.approx(exact, abs=1e-9), (st.body_size, st.spacing_scale, sorted(dropped))
    assert len(drops) > 1 or make is ms.sparse


# ------------------------------------------------------------------ the "surely over" short-cut

_MIXED = ("Ministers’ “talks” — in Genève, Αθήνα, 北京 ", "bold", "italic", "mark")


@pytest.mark.parametrize("name", ["default", "corporate"])
@pytest.mark.parametrize("words", [1, 3, 12, 40, 120])
@pytest.mark.parametrize("indent", [0.0, 60.0, 200.0])
def test_min_lines_never_exceeds_the_wrapped_lines(name, words, indent):
    """Fitting skips measuring layouts whose lower bound already overflows: the bound must
    hold for any mix of faces, sizes, long words and glyphs the family lacks."""
    from briefgen.model.blocks import Entry, Run
    from briefgen.layout.lines import min_lines

    style = load_template(name).style
    text = " ".join(["intergovernmental", "a", "talks", "Wi", "ill", "Αθήνα", "北京"][i % 7]
                    for i in range(words))
    width = body_width(style) - indent
    for runs in ((Run(text),), (Run(text, "bold"),), (Run(text, "italic"),),
                 tuple(Run(text[i::4] or "x", s) for i, s in enumerate(("plain",) + _MIXED[1:]))):
        for size in (style.min_body_size, style.max_body_size):
            st = dataclasses.replace(style, body_size=size)
            para = entry_paragraphs(Entry(runs=runs), "para", st)[0]
            para.wrap(width, 10_000)
            assert min_lines(runs, width, st) <= len(para.blPara.lines)


@pytest.mark.parametrize("make", [ms.sample, ms.long_briefing, lambda: ms.long_briefing(90)])
def test_short_cut_changes_no_fitting_decision(make, template, monkeypatch):

    memo = compose(make(), template, OPTS)
    quick = fit(memo, template.style)
    monkeypatch.setattr(Measurer, "over", lambda self, *a: False)
    assert fit(memo, template.style) == quick


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 8, 9, 58])
def test_fewest_finds_what_one_at_a_time_would_with_few_checks(n):
    from briefgen.layout.fit import _fewest

    for first_fitting in range(1, n + 2):  # n + 1: nothing fits, every entry goes
        asked = []

        def fits(k, first_fitting=first_fitting):
            asked.append(k)
            return k >= first_fitting

        want = next((k for k in range(1, n + 1) if fits(k)), n)
        asked.clear()
        assert _fewest(n, fits) == want
        assert len(asked) <= 2 * max(n, 1).bit_length() + 1


# ------------------------------------------------------------------ long section labels (issue 14)

def _user_template(tmp_path, label: str):
    from briefgen.compose.templates_init import init_template

    folder = init_template("default", tmp_path / "house")
    xml = folder / "memo.xml.j2"
    xml.write_text(xml.read_text(encoding="utf-8").replace('label="BOTTOM LINE"', f'label="{label}"'),
                   encoding="utf-8")
    return load_template(folder)


def _label_fragments(data: bytes, label_words: set[str]):
    """(text, x, y) of every drawn text fragment made of ``label_words`` (pypdf's positions)."""
    out = []

    def visit(text, cm, tm, font, size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.split() and set(text.split()) <= label_words:
            out.append((text.strip(), x, y))

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return out


@pytest.mark.parametrize("make", [ms.sparse, ms.sample])
def test_a_long_label_never_runs_into_the_body(tmp_path, make):
    """"KEY JUDGEMENT" is as wide as the label column at the largest size: it must wrap (or the
    column widen), keeping white between the label and the body, on one page."""
    from briefgen.layout.fonts import string_width

    t = _user_template(tmp_path, "KEY JUDGEMENT")
    fitted = fit(compose(make(), t, OPTS), t.style)
    data = pdf.render(fitted)
    assert _pages(fitted) == 1
    st, plan = fitted.style, fitted.plan
    body_x = plan.margin_left + plan.label_width
    frags = _label_fragments(data, {"KEY", "JUDGEMENT"})
    assert " ".join(t for t, *_ in frags).split() == ["KEY", "JUDGEMENT"]
    line = {}
    for text, x, y in frags:
        line.setdefault(round(y, 1), []).append((x, text))
    for y, words in line.items():
        words.sort()
        text = " ".join(w for _, w in words)
        right = words[0][0] + string_width(text, st, st.label_size, bold=True)
        assert right <= body_x - 0.25 * st.label_size, (text, right, body_x)  # a quarter em of white
    if make is ms.sparse:  # grown to the largest size: the label takes two lines
        assert st.body_size == st.max_body_size and len(line) == 2


def test_a_label_word_wider_than_the_style_allows_is_a_template_error(tmp_path):
    from briefgen.status import TemplateError

    t = _user_template(tmp_path, "INTERGOVERNMENTALISATIONSAUSSCHUSS")
    with pytest.raises(TemplateError, match="INTERGOVERNMENTALISATIONSAUSSCHUSS.*at most \\d+ pt"):
        fit(compose(ms.sample(), t, OPTS), t.style)


def test_a_label_word_too_wide_for_the_column_widens_it_within_bounds(tmp_path):
    from briefgen.layout.labels import label_room

    t = _user_template(tmp_path, "COUNTERINTELLIGENCE")
    fitted = fit(compose(ms.sample(), t, OPTS), t.style)
    assert t.style.label_width < fitted.plan.label_width <= label_room(t.style)
    assert fitted.plan.body_width == pytest.approx(fitted.plan.frame_width - fitted.plan.label_width)
    assert _pages(fitted) == 1


def test_the_cli_exits_6_naming_the_label(tmp_path):
    from typer.testing import CliRunner

    from briefgen.cli import app

    t = _user_template(tmp_path, "INTERGOVERNMENTALISATIONSAUSSCHUSS")
    src = tmp_path / "article.txt"
    src.write_text(ms.SPARSE_TEXT, encoding="utf-8")
    r = CliRunner().invoke(app, ["build", str(src), "--template", str(t.path), "-o", str(tmp_path / "out")])
    assert r.exit_code == 6, r.output
    assert "INTERGOVERNMENTALISATIONSAUSSCHUSS" in r.output and "Traceback" not in r.output
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


# ------------------------------------------------------------------ the page plan (what renderers read)

@pytest.mark.parametrize("make", [ms.sample, ms.sparse, lambda: ms.long_briefing(40)])
def test_the_plan_places_blocks_in_the_page(template, make):
    fitted = fit(compose(make(), template, OPTS), template.style)
    plan, st = fitted.plan, fitted.style
    assert plan.frame_bottom + plan.frame_height == pytest.approx(plan.page_height - plan.margin_top)
    assert plan.frame_width == pytest.approx(plan.page_width - plan.margin_left - plan.margin_right)
    # everything the fitter measured fits in the frame the plan leaves for it
    used, avail = exact_overflow(fitted.memo, st)
    assert avail == pytest.approx(plan.frame_height) and used <= plan.frame_height
    if plan.top_banner is not None:  # centred in the top margin, the bottom one in the bottom margin
        assert plan.top_banner_y == pytest.approx(plan.page_height - plan.margin_top / 2)
        assert plan.bottom_banner_y == pytest.approx(plan.margin_bottom / 2)
        assert plan.banner_height < min(plan.margin_top, plan.margin_bottom)
    if plan.headings == "column":
        assert plan.label_width + plan.body_width == pytest.approx(plan.frame_width)
        assert 0 < plan.label_gutter < plan.label_width
    else:
        assert plan.body_width == plan.frame_width and plan.label_gutter == 0
    (text0, bullet0), (text1, bullet1) = plan.bullets
    assert bullet0 < text0 < bullet1 < text1 < plan.body_width / 4
    blocks = (plan.top_banner,) * (plan.top_banner is not None) + plan.flow + plan.bottom + \
        (plan.bottom_banner,) * (plan.bottom_banner is not None)
    assert blocks == fitted.memo.blocks  # every block has exactly one place, in reading order
