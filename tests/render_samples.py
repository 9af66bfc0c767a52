"""Memos for the renderer tests (DOCX, text formats, inspect, parity): blocks, not articles.

``block_memo`` is made by hand in the default template's block order (banner,
header, rule, sections, rule, footer, banner) with compose's conventions
(entries end with a no-break space and a grey ``mark`` run); ``composed``
runs a hand-built Briefing (tests/memo_samples.py, no extractor) through the
real compose and fit. ``fitted`` wraps any memo with the fitter.
"""
from __future__ import annotations

from briefgen.model.blocks import (
    Banner, Bullets, Entry, Field, Footer, HeaderFields, Memo, MemoMeta, Para, Quotes, Rule,
    Run, Section,
)

NBSP = "\u00a0"
# Strings that would become markup if any renderer forgot to escape them.
INJECTIONS = ("AT&T", "a<b", "<b>bold</b>", "<font color=red>red</font>",
              "<script>alert(1)</script>", "&amp; &#60;", "**not bold** _x_ [link](http://x) `c`",
              "# not a heading", "1. not a list", "- not a bullet", "| a | b |", "\\back\\slash")


def entry(text: str, marks: tuple[int, ...], section: str, index: int, *,
          children: tuple[Entry, ...] = (), attribution: str = "", droppable: bool = True) -> Entry:
    runs = (Run(text + NBSP), Run(NBSP.join(f"¶{m}" for m in marks), "mark")) if marks else (Run(text),)
    return Entry(runs=runs, marks=marks, section=section, index=index, score=1.0 - index / 10,
                 droppable=droppable, children=children,
                 attribution=(Run(attribution),) if attribution else ())


def block_memo(*, extra: tuple[str, ...] = (), agenda_items: int = 4) -> Memo:
    """A realistic memo; ``extra`` strings become additional context bullets."""
    agenda = tuple(
        entry(f"Agenda topic number {i + 1} on trade, security and the climate", (3 + i % 4,),
              "agenda", i,
              children=(entry("Flow of precursor chemicals to labs in South America", (4,),
                              "agenda.children", 0),) if i == 0 else ())
        for i in range(agenda_items))
    context = tuple(entry(t, (8,), "context", i) for i, t in enumerate(
        ("Agreed by Biden and Xi in Bali, late 2022; postponed in February after the "
         "surveillance-balloon shoot-down",) + extra))
    return Memo(
        meta=MemoMeta(title="Blinken visit to Beijing", author="Policy Planning",
                      subject="Briefing memo: Secretary of State Antony Blinken's visit to Beijing",
                      keywords=("visit", "Beijing", "AT&T <b>"), language="en",
                      created="2026-11-29T00:00:00Z"),
        blocks=(
            Banner("UNCLASSIFIED", "#007A33"),
            HeaderFields("MEMORANDUM", (
                Field("TO", "The Secretary"), Field("FROM", "Policy Planning <staff>"),
                Field("DATE", "2026-11-29"),
                Field("SUBJECT", "Secretary of State Antony Blinken's visit to Beijing"))),
            Rule(),
            Section("bottom_line", "BOTTOM LINE", (Para(entry(
                "Blinken is in Beijing, the first US top diplomat there in five years, to steer "
                "relations back on course; officials signal low expectations.", (1, 2, 11),
                "bottom_line", 0, droppable=False)),)),
            Section("purpose", "PURPOSE", (Bullets((
                entry("High-stakes visit meant to steer relations between the United States "
                      "and China back on course", (1,), "purpose", 0, droppable=False),
                entry("Establish sustained, regular lines of communication at senior levels",
                      (7,), "purpose", 1, droppable=False))),)),
            Section("participants", "PARTICIPANTS", (Bullets((
                entry("Antony Blinken, US Secretary of State", (1,), "participants", 0),
                entry("Qin Gang, Chinese Foreign Minister", (2,), "participants", 1))),)),
            Section("agenda", "AGENDA", (Bullets(agenda),)),
            Section("context", "CONTEXT", (Bullets(context),)),
            Section("quotes", "KEY QUOTES", (Quotes((
                entry("\u201cWhat we\u2019re working to do on this trip is to carry forward what "
                      "President Biden and President Xi agreed to in Bali\u201d", (7,), "quotes", 0,
                      attribution="\u2014 Antony Blinken, US Secretary of State"),
                entry("\u201cLowest moment\u201d since 1972", (13,), "quotes", 1,
                      attribution="\u2014 Nicholas Burns"))),)),
            Section("gaps", "GAPS", (Para(entry(
                "Not stated in the source: dates of follow-up meetings; outcomes.", (),
                "gaps", 0, droppable=False)),)),
            Rule(),
            Footer(lines=(
                (Run("Source: blinken-beijing-2023.txt \u00b7 sha256 3f2a9c0b1d2e \u00b7 "
                     "13 paragraphs, 640 words"),),
                (Run("extracted by briefgen 0.1.0; every line cites its paragraph (\u00b6)"),)),
                page_label="Page 1 of 1"),
            Banner("UNCLASSIFIED", "#007A33"),
        ))


def with_section(memo: Memo, section: Section) -> Memo:
    """``memo`` with ``section`` inserted before the gaps line."""
    blocks = list(memo.blocks)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Section) and b.key == "gaps")
    return Memo(memo.meta, tuple(blocks[:at] + [section] + blocks[at:]))


def template(name: str = "default"):
    from briefgen.compose.context import load_template
    return load_template(name)


def fitted(memo: Memo | None = None, style=None):
    """A FittedMemo of ``memo`` as layout.fit returns it (with the real fitter)."""
    from briefgen.layout.fit import fit
    return fit(memo or block_memo(), style or template().style)


def composed(briefing=None, template_name: str = "default", **options):
    """A hand-built Briefing (default: the sample) through the real compose and fit."""
    from datetime import date

    from briefgen.compose.context import MemoOptions, compose
    from briefgen.layout.fit import fit

    from tests.memo_samples import sample

    t = template(template_name)
    opts = MemoOptions(**{"date": date(2026, 11, 29), "to": "The Secretary", **options})
    return fit(compose(briefing or sample(), t, opts), t.style)
