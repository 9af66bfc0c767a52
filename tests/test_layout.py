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


def test_report_to_dict_is_plain():
    t = load_template("default")
    d = fit(compose(ms.long_briefing(40), t, OPTS), t.style).report.to_dict()
    assert set(d) >= {"dropped", "font_size", "leading", "spacing_scale", "over_one_page", "warnings"}
    assert all(set(x) >= {"section", "index", "text"} for x in d["dropped"])


@pytest.mark.parametrize("text", ["short", "word " * 60, "Ministers’ “talks” — in Genève, Αθήνα " * 12])
def test_count_lines_matches_reportlab(text):
    style = load_template("default").style
    got = count_lines(text.strip(), style.content_width, style)
    from reportlab.platypus import Paragraph
    para = Paragraph(text.strip(), kit(style).body)
    para.wrap(style.content_width, 1000)
    assert got == len(para.blPara.lines)


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
