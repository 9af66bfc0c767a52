"""Briefing -> Memo: the template's context, rendered in the sandbox, parsed into blocks.

The template (``templates/<name>/memo.xml.j2``, loaded by template.py) decides which
sections appear, in what order and under which labels; ``style.toml`` decides the
look. This module builds what a template may see (plain strings, numbers, lists and
dicts), renders it with sandbox.py and parses the XML with memo_xml.py.
"""
from __future__ import annotations

import re

import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterable

from briefgen import __version__
from briefgen.layout import lines as textfit
from briefgen.model.blocks import HeaderFields, Memo, MemoMeta
from briefgen.compose.memo_xml import parse_memo_xml
from briefgen.model.briefing import Briefing, Item, Span
from briefgen.compose.sandbox import render
from briefgen.compose.styles import Style
from briefgen.compose.template import Template, builtin_templates, load_template  # noqa: F401 - the public API

SECTION_KEYS = ("bottom_line", "purpose", "participants", "agenda", "expectations", "context",
                "quotes", "gaps")


@dataclass(frozen=True)
class MemoOptions:
    """What the user chose on the command line or in the config (None = default)."""

    to: str | None = None
    from_: str | None = None
    date: date | None = None
    marking: str | None = None
    page_size: str | None = None
    source_text: str | None = None  # Article.text: lets a template quote a short article whole


# ------------------------------------------------------------------------ context

_WS = re.compile(r"[ \t\r\n]+")
# what XML 1.0 forbids, listed (the complement of its Char production, which compiles ~10x slower)
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(s: str | None) -> str:
    """Article text as safe XML character data (the sanitiser should already ensure it)."""
    return _XML_BAD.sub("", s or "").strip()


def format_marks(marks: Iterable[int]) -> str:
    """¶ marks, consecutive paragraphs as a range: [1, 2, 3, 7] -> "¶1–3 ¶7"."""
    nums = sorted(set(marks))
    parts: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        parts.append(f"¶{nums[i]}" if j == i else
                     f"¶{nums[i]}\u00a0¶{nums[j]}" if j == i + 1 else f"¶{nums[i]}–{nums[j]}")
        i = j + 1
    return "\u00a0".join(parts)


def _marks(b: Briefing, spans: Iterable[Span]) -> list[int]:
    return sorted({b.paragraph_of(s.start) for s in spans})


def _memo_date(options: MemoOptions, b: Briefing) -> str:
    if options.date:
        return options.date.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
    return b.source.date or "not dated"


def _created(options: MemoOptions) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if options.date:
        return f"{options.date.isoformat()}T00:00:00Z"
    return ""


def _article(b: Briefing, text: str | None) -> list[dict[str, Any]]:
    """The article's paragraphs (numbered as the ¶ marks count them), if the text was given."""
    if not text:
        return []
    starts = list(b.source.paragraph_starts)
    out = []
    for n, (a, z) in enumerate(zip(starts, starts[1:] + [len(text)]), start=1):
        para = _WS.sub(" ", _clean(text[a:z]))
        if para:
            out.append({"n": n, "text": para, "mark": f"¶{n}"})
    return out


def _display(text: str) -> str:
    """Bullet text as shown: the first letter capitalised (the span keeps the source wording)."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _entry_ctx(b: Briefing, style: Style, text: str, spans: Iterable[Span], index: int, score: float,
               lines: int, indent: float, extra: str = "", children: list | None = None,
               verbatim: bool = False) -> dict[str, Any]:
    """One entry as the template sees it; ``verbatim`` (quotations) keeps the source's case."""
    marks = _marks(b, spans)
    mark = format_marks(marks)
    budget = textfit.Budget(style, lines=lines, indent=indent)
    full = _clean(text) if verbatim else _display(_clean(text))
    shown = textfit.trim(full, budget, tail=f"{extra}\u00a0{mark}")
    return {"text": shown, "full_text": _clean(text), "trimmed": shown != full,
            "marks": " ".join(map(str, marks)), "mark": mark, "index": index, "score": round(score, 4),
            "children": children or []}


def _items(b: Briefing, style: Style, items: tuple[Item, ...], *, children: bool = False) -> list[dict]:
    out = []
    bullet_indent = textfit.bullet_indent(style)
    for i, it in enumerate(items):
        kids = [_entry_ctx(b, style, c.text, c.evidence, j, c.score, style.bullet_lines, 2 * bullet_indent)
                for j, c in enumerate(it.children)] if children else []
        out.append(_entry_ctx(b, style, it.text, it.evidence, i, it.score, style.bullet_lines,
                              bullet_indent, children=kids))
    return out


def _bottom_line(b: Briefing, style: Style) -> dict[str, Any] | None:
    """The BLUF: the extractor's phrases joined, trailing phrases dropped to fit its line budget."""
    phrases = [p for p in b.bottom_line if _clean(p.text)]
    if not phrases:
        return None
    budget = textfit.Budget(style, lines=style.bottom_line_lines, indent=0.0)
    while phrases:
        text = "; ".join(_clean(p.text).rstrip(" ;") for p in phrases)
        spans = [s for p in phrases for s in p.evidence]
        mark = format_marks(_marks(b, spans))
        if len(phrases) == 1 or textfit.fits(text, budget, tail="\u00a0" + mark):
            ctx = _entry_ctx(b, style, text, spans, 0, 1.0, style.bottom_line_lines, 0.0)
            return ctx
        phrases.pop()
    return None


def _participants(b: Briefing, style: Style) -> list[dict]:
    out = []
    for i, p in enumerate(b.participants):
        text = _clean(p.name) + (f", {_clean(p.role)}" if p.role and _clean(p.role) else "")
        ctx = _entry_ctx(b, style, text, p.evidence, i, p.score, style.bullet_lines,
                         textfit.bullet_indent(style))
        ctx.update(name=_clean(p.name), role=_clean(p.role), side=_clean(p.side))
        out.append(ctx)
    return out


def _quotes(b: Briefing, style: Style) -> list[dict]:
    out = []
    for i, q in enumerate(b.quotes):
        who = ", ".join(x for x in (_clean(q.speaker), _clean(q.speaker_role)) if x)
        attribution = f" \u2014 {who}" if who else ""
        body = _clean(q.text).strip("\"“”")
        ctx = _entry_ctx(b, style, body, q.evidence, i, q.score, style.quote_lines,
                         textfit.bullet_indent(style), extra="\u201d" + attribution, verbatim=True)
        ctx.update(speaker=_clean(q.speaker), role=_clean(q.speaker_role), attribution=who)
        out.append(ctx)
    return out


_GAP_NAMES = {"purpose": "purpose", "agenda": "agenda", "participants": "participants",
              "context": "context", "quotes": "direct quotations"}


def distinct(*sections: tuple[Item, ...]) -> list[tuple[Item, ...]]:
    """The sections without items already told in an earlier one (purpose before
    expectations before context): the Briefing may file one clause under two headings,
    a one-page memo says it once."""
    shown: list[Span] = []
    out = []
    for items in sections:
        kept = tuple(it for it in items
                     if not any(a.overlap_share(b) >= 0.5 for a in it.evidence for b in shown))
        shown.extend(s for it in kept for s in it.evidence)
        out.append(kept)
    return out


def build_context(b: Briefing, style: Style, options: MemoOptions) -> dict[str, Any]:
    """Everything a template may use: plain strings, numbers, lists and dicts only."""
    purpose, expectations, context = distinct(b.purpose, b.expectations, b.context)
    concluded = b.event.status == "concluded"
    gaps = [("outcomes" if concluded else "expectations") if g == "expectations" else _GAP_NAMES.get(g, g)
            for g in b.gaps]
    src = b.source
    marking = _clean(options.marking) if options.marking is not None else style.marking
    return {
        "to": _clean(options.to) or None,
        "from_": _clean(options.from_) or None,
        "date": _memo_date(options, b),
        "marking": marking,
        "banner": bool(style.banner and marking),
        "banner_colour": style.banner_colour(marking) if marking else style.banner_default_colour,
        "subject": textfit.trim(_clean(b.subject) or "Briefing",
                                textfit.Budget(style, lines=2, indent=0.0, width=style.frame_width
                                               - style.header_label_width)),
        "event": {"principal": _clean(b.event.principal), "principal_role": _clean(b.event.principal_role),
                  "location": _clean(b.event.location), "kind": b.event.kind,
                  "status": b.event.status or "", "concluded": concluded},
        "bottom_line": _bottom_line(b, style),
        "purpose": _items(b, style, purpose),
        "agenda": _items(b, style, b.agenda, children=True),
        "expectations": _items(b, style, expectations),
        "context": _items(b, style, context),
        "participants": _participants(b, style),
        "quotes": _quotes(b, style),
        "gaps": [_clean(g) for g in gaps if _clean(g)],
        "source": {"name": _clean(src.name), "sha256": src.sha256, "sha12": src.sha256[:12],
                   "title": _clean(src.title), "outlet": _clean(src.outlet), "author": _clean(src.author),
                   "date": _clean(src.date), "url": _clean(src.url), "paragraphs": src.paragraphs,
                   "words": src.words},
        "article": _article(b, options.source_text),
        "version": __version__,
    }


# ------------------------------------------------------------------------ compose

def compose(briefing: Briefing, template: Template, options: MemoOptions = MemoOptions()) -> Memo:
    """Render ``template`` for ``briefing`` and parse the result into a Memo."""
    style = template.style.with_page_size(options.page_size)
    context = build_context(briefing, style, options)
    xml = render(template, context)
    blocks, lang = parse_memo_xml(xml, style, name=template.name)
    author = context["from_"] or next((f.value for b in blocks if isinstance(b, HeaderFields)
                                       for f in b.fields if f.label.upper().rstrip(":") == "FROM"), "")
    keywords = tuple(dict.fromkeys(k for k in (
        context["event"]["kind"] if context["event"]["kind"] != "other" else "",
        context["event"]["location"], context["event"]["principal"],
        *(p["name"] for p in context["participants"][:4]), "briefing memo") if k))
    meta = MemoMeta(title=context["subject"], author=author, subject=f"Briefing memo: {context['subject']}",
                    keywords=keywords, language=(lang or "en")[:20], created=_created(options))
    return Memo(meta=meta, blocks=blocks)
