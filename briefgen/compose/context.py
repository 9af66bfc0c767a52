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
from briefgen.model.briefing import Briefing, Item, Phrase, Span, Supplied
from briefgen.extract.statements import looks_done, whole_statement
from briefgen.compose.sandbox import render
from briefgen.compose.styles import Style
from briefgen.compose.template import Template, builtin_templates, load_template  # noqa: F401 - the public API


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
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _xml_forbidden(ch: str) -> bool:
    """A character XML 1.0 forbids (outside its Char production)."""
    cp = ord(ch)
    return (cp < 0x20 and cp not in (0x9, 0xA, 0xD)) or 0xD800 <= cp <= 0xDFFF or cp in (0xFFFE, 0xFFFF)


def xml_chars(s: str) -> str:
    """``s`` without the characters XML 1.0 forbids (the sanitiser should already have removed
    them). Looked up per distinct character, not matched by a regex: a character class reaching
    past U+00FF compiles into a 64K bitmap (most of a millisecond at every start)."""
    if s.isascii() and s.isprintable():  # printable ASCII: nothing to remove (the usual case)
        return s
    for ch in [c for c in set(s) if _xml_forbidden(c)]:
        s = s.replace(ch, "")
    return s


def _clean(s: str | None) -> str:
    """Article text as safe XML character data (the sanitiser should already ensure it)."""
    return xml_chars(s or "").strip()


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
        blank = _BLANK_LINE.search(text, a, z)  # furniture between two paragraphs is not theirs
        para = _WS.sub(" ", _clean(text[a:blank.start() if blank else z]))
        if para:
            out.append({"n": n, "text": para, "mark": f"¶{n}"})
    return out


def _display(text: str) -> str:
    """Bullet text as shown: the first letter capitalised (the span keeps the source wording)."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


# A part of an entry's text: (text, supplied). Supplied words are shown in [brackets], as
# editors mark words they insert; a supplied full stop is punctuation, shown bare.
Part = tuple[str, bool]


def bracket(text: str) -> str:
    """How supplied words are shown: "[Straw]"; punctuation alone stays bare."""
    return f"[{text}]" if any(c.isalnum() for c in text) else text


def _split(parts: list[Part], shown: str) -> list[dict[str, Any]]:
    """``shown`` (the joined parts, maybe trimmed and capitalised) cut back into parts."""
    out: list[dict[str, Any]] = []
    at = 0
    for text, supplied in parts:
        if at >= len(shown):
            break
        piece = shown[at:at + len(text)]
        at += len(text)
        if piece:
            out.append({"text": piece, "supplied": supplied})
    if at < len(shown):  # the trim's ellipsis
        out.append({"text": shown[at:], "supplied": False})
    return out


def _entry_ctx(b: Briefing, style: Style, text: str, spans: Iterable[Span], index: int, score: float,
               lines: int, indent: float, extra: str = "", children: list | None = None,
               verbatim: bool = False, parts: list[Part] | None = None) -> dict[str, Any]:
    """One entry as the template sees it; ``verbatim`` (quotations) keeps the source's case;
    ``parts`` splits the text into the article's words and the memo's own."""
    marks = _marks(b, spans)
    mark = format_marks(marks)
    budget = textfit.Budget(style, lines=lines, indent=indent)
    parts = [(xml_chars(t).lstrip() if i == 0 else xml_chars(t), sup) for i, (t, sup) in enumerate(parts)] \
        if parts else [(_clean(text), False)]
    joined = "".join(t for t, _ in parts).rstrip()
    full = joined if verbatim or parts[0][1] else _display(joined)
    shown = textfit.trim(full, budget, tail=f"{extra}\u00a0{mark}")
    return {"text": shown, "full_text": joined, "trimmed": shown != full,
            "parts": _split(parts, shown),
            "marks": " ".join(map(str, marks)), "mark": mark, "index": index, "score": round(score, 4),
            "children": children or []}


def item_parts(it: Item) -> list[Part]:
    """The item's words with its supplied names spliced in (in brackets)."""
    if not it.supplied or not it.evidence:
        return [(it.text, False)]
    base = it.evidence[0].start
    out: list[Part] = []
    at = 0
    for sup in sorted(it.supplied, key=lambda x: x.stands_for.start if x.stands_for else base):
        rel = (sup.stands_for.start - base) if sup.stands_for else 0
        if rel < at or rel > len(it.text):
            continue
        if rel > at:
            out.append((it.text[at:rel], False))
        out.append((bracket(sup.text), True))
        at = rel + ((sup.stands_for.end - sup.stands_for.start) if sup.stands_for else 0)
    if at < len(it.text):
        out.append((it.text[at:], False))
    return out


def _items(b: Briefing, style: Style, items: tuple[Item, ...], *, children: bool = False) -> list[dict]:
    out = []
    bullet_indent = style.bullet_indent
    for i, it in enumerate(items):
        kids = [_entry_ctx(b, style, c.text, c.evidence, j, c.score, style.bullet_lines, 2 * bullet_indent)
                for j, c in enumerate(k for k in it.children if whole_statement(k.text, phrase_ok=True, label=True))] \
            if children else []
        out.append(_entry_ctx(b, style, it.text, it.evidence, i, it.score, style.bullet_lines,
                              bullet_indent, children=kids, parts=item_parts(it)))
    return out


def _sentences(pieces: list[Phrase | Supplied]) -> list[list[Phrase | Supplied]]:
    """The bottom line's pieces grouped into sentences (a piece ending in . ! ? ends one)."""
    out: list[list[Phrase | Supplied]] = [[]]
    for p in pieces:
        out[-1].append(p)
        if p.text.rstrip().endswith((".", "!", "?", ".\"", ".”", "?\"", "?”")):
            out.append([])
    return [s for s in out if s]


def _bottom_parts(pieces: list[Phrase | Supplied]) -> list[Part]:
    """The pieces as text: pieces that are adjacent in the article join as written, others
    with a space; supplied words in brackets, a supplied full stop bare."""
    parts: list[Part] = []
    last_end: int | None = None
    for p in pieces:
        text = xml_chars(p.text)
        if not text.strip():
            continue
        supplied = isinstance(p, Supplied)
        where = p.stands_for if supplied else (p.evidence[0] if p.evidence else None)
        if supplied and not any(c.isalnum() for c in text):
            if parts:
                parts[-1] = (parts[-1][0].rstrip() + text, parts[-1][1]) if not parts[-1][1] \
                    else parts[-1]
                if parts[-1][1]:
                    parts.append((text, False))
            continue
        if parts and not (where is not None and where.start == last_end):
            parts[-1] = (parts[-1][0].rstrip(), parts[-1][1])
            parts.append((" ", False))
        parts.append((bracket(text) if supplied else text, supplied))
        last_end = where.end if where is not None else None
    return parts


def fitted_bottom_line(b: Briefing, style: Style) -> tuple[Phrase | Supplied, ...]:
    """The bottom line's pieces that fit its line budget: the last sentences go first."""
    sentences = _sentences([p for p in b.bottom_line if _clean(p.text)])
    budget = textfit.Budget(style, lines=style.bottom_line_lines, indent=0.0)
    while len(sentences) > 1:
        pieces = [p for s in sentences for p in s]
        text = "".join(t for t, _ in _bottom_parts(pieces))
        mark = format_marks(_marks(b, [s for p in pieces if isinstance(p, Phrase) for s in p.evidence]))
        if textfit.fits(text, budget, tail="\u00a0" + mark):
            break
        sentences.pop()
    return tuple(p for s in sentences for p in s)


def _bottom_line(b: Briefing, style: Style, pieces: tuple[Phrase | Supplied, ...]) -> dict[str, Any] | None:
    """The BLUF as the template sees it (``pieces``: what fits, from fitted_bottom_line)."""
    if not pieces:
        return None
    parts = _bottom_parts(list(pieces))
    text = "".join(t for t, _ in parts)
    spans = [s for p in pieces if isinstance(p, Phrase) for s in p.evidence]
    return _entry_ctx(b, style, text, spans, 0, 1.0, style.bottom_line_lines, 0.0, parts=parts)


# A reporting verb in a role means the parser took a clause for a title.
_ROLE_CLAUSE = re.compile(r"\b(?:said|says|told|declared|announced|added|noted|warned|insisted|urged|asked|"
                          r"called|stressed|claimed|vowed|promised|wants|wanted)\b", re.I)


def _participants(b: Briefing, style: Style) -> list[dict]:
    out = []
    for i, p in enumerate(b.participants):
        role = _clean(p.role)
        if role and _ROLE_CLAUSE.search(role):
            role = ""  # "declared his Russian counterpart" is a clause, not a title: the name alone
        text = _clean(p.name) + (f", {role}" if role else "")
        ctx = _entry_ctx(b, style, text, p.evidence, i, p.score, style.bullet_lines,
                         style.bullet_indent)
        ctx.update(name=_clean(p.name), role=role, side=_clean(p.side))
        out.append(ctx)
    return out


def _quotes(b: Briefing, style: Style) -> list[dict]:
    out = []
    for i, q in enumerate(b.quotes):
        who = ", ".join(x for x in (_clean(q.speaker), _clean(q.speaker_role)) if x)
        attribution = f" \u2014 {who}" if who else ""
        body = _clean(q.text).strip("\"“”")
        ctx = _entry_ctx(b, style, body, q.evidence, i, q.score, style.quote_lines,
                         style.bullet_indent, extra="\u201d" + attribution, verbatim=True)
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


def _bottom_spans(pieces: tuple[Phrase | Supplied, ...]) -> list[Span]:
    """What the bottom line says, as article ranges (a supplied name covers its pronoun)."""
    spans = sorted([s for p in pieces if isinstance(p, Phrase) for s in p.evidence] +
                   [p.stands_for for p in pieces if isinstance(p, Supplied) and p.stands_for])
    out: list[Span] = []
    for s in spans:
        if out and s.start - out[-1].end <= 1:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


_FOLD = re.compile(r"[^0-9a-z]+")


def _folded(text: str) -> str:
    return _FOLD.sub(" ", text.lower()).strip()


def said_in_bottom_line(pieces: tuple[Phrase | Supplied, ...], it: Item) -> bool:
    """The bottom line (the ``pieces`` shown) already says most of this item, or its very
    words (an article may print a sentence twice, once with "..., an official told reporters"
    after it): a one-page memo says it once."""
    if any(s.overlap_share(e) >= 0.5 for e in it.evidence[:1] for s in _bottom_spans(pieces)):
        return True
    words = _folded(it.text)
    n = len(words.split())
    if n >= 3 and words in _folded(" ".join(p.text for p in pieces)):
        return True
    return any(6 <= len(said.split()) and 3 * len(said.split()) >= 2 * n and said in words
               for said in (_folded(p.text) for p in pieces))


# An agenda topic this long is a statement, not a label: the bottom line does not repeat it.
LABEL_WORDS = 6


def shown_items(pieces: tuple[Phrase | Supplied, ...], items: tuple[Item, ...], *,
                labels: bool = False) -> tuple[Item, ...]:
    """Items a reader can take alone and has not just read in the bottom line (an agenda
    ``label`` only when it is long enough to be a statement)."""
    def alone(it: Item) -> bool:
        parts = item_parts(it)
        return whole_statement("".join(t for t, _ in parts), supplied_lead=parts[0][1], phrase_ok=True,
                               label=labels)

    return tuple(it for it in items if alone(it)
                 and not ((not labels or len(it.text.split()) >= LABEL_WORDS) and
                          said_in_bottom_line(pieces, it)))


def split_outcomes(items: tuple[Item, ...], status: str | None) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """(expectations, outcomes): all outcomes once the event is over, all expectations before
    it; while it is under way, what is already done is an outcome."""
    if status == "concluded":
        return (), items
    if status != "ongoing":
        return items, ()
    done = tuple(it for it in items if looks_done(it.text))
    return tuple(it for it in items if it not in done), done


def _unique(*sections: list[dict]) -> None:
    """The same line shown twice reads as an error: later copies go (in place)."""
    seen: set[str] = set()
    for sec in sections:
        keep = []
        for e in sec:
            if e["full_text"] not in seen:
                keep.append(e)
                seen.add(e["full_text"])
        sec[:] = keep
        for i, e in enumerate(sec):
            e["index"] = i


def build_context(b: Briefing, style: Style, options: MemoOptions) -> dict[str, Any]:
    """Everything a template may use: plain strings, numbers, lists and dicts only."""
    bottom = fitted_bottom_line(b, style)
    purpose, expectations, context = distinct(*(shown_items(bottom, s) for s in (b.purpose, b.expectations,
                                                                            b.context)))
    concluded = b.event.status == "concluded"
    expectations, outcomes = split_outcomes(expectations, b.event.status)
    agenda = shown_items(bottom, b.agenda, labels=True)
    gaps = [("outcomes" if concluded else "expectations") if g == "expectations" else _GAP_NAMES.get(g, g)
            for g in b.gaps]
    src = b.source
    marking = _clean(options.marking) if options.marking is not None else style.marking
    ctx = {
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
        "bottom_line": _bottom_line(b, style, bottom),
        "purpose": _items(b, style, purpose),
        "agenda": _items(b, style, agenda, children=True),
        "expectations": _items(b, style, expectations),
        "outcomes": _items(b, style, outcomes),
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
    _unique(ctx["purpose"], ctx["agenda"], ctx["expectations"], ctx["outcomes"], ctx["context"])
    _unique(ctx["participants"])
    _unique(ctx["quotes"])
    return ctx


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
