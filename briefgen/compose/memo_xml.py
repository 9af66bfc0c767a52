"""The closed XML vocabulary a template renders, parsed into the block tree of blocks.py.

Unknown elements or attributes, a DOCTYPE or entity, or text where none belongs is
a TemplateError: the vocabulary mirrors the blocks one to one, so the renderers
never meet anything they do not draw.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from briefgen.model.blocks import (Banner, Bullets, Entry, Field, Footer, HeaderFields, Para, Quotes, Rule, Run,
                     Section)
from briefgen.status import TemplateError
from briefgen.compose.styles import Style

# element -> allowed attributes; the closed vocabulary mirrored from blocks.py
VOCABULARY: dict[str, frozenset[str]] = {
    "memo": frozenset({"lang"}),
    "banner": frozenset({"colour"}),
    "header": frozenset({"title"}),
    "field": frozenset({"label"}),
    "rule": frozenset(),
    "section": frozenset({"key", "label"}),
    "para": frozenset(),
    "bullets": frozenset(),
    "quotes": frozenset(),
    "entry": frozenset({"marks", "index", "score", "droppable"}),
    "children": frozenset(),
    "attribution": frozenset(),
    "b": frozenset(), "i": frozenset(), "mark": frozenset(), "supplied": frozenset(),
    "footer": frozenset({"page"}),
    "line": frozenset(),
}
_RUN_TAGS = {"b": "bold", "i": "italic", "mark": "mark", "supplied": "plain"}
_WS = re.compile(r"[ \t\r\n]+")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\Z")


class _Bad(Exception):
    pass


def _check(el: ET.Element, parent: str) -> None:
    if el.tag not in VOCABULARY:
        raise _Bad(f"unknown element <{el.tag}> inside <{parent}>")
    extra = set(el.attrib) - VOCABULARY[el.tag]
    if extra:
        raise _Bad(f"unknown attribute {sorted(extra)[0]!r} on <{el.tag}>")


def _only(el: ET.Element, allowed: set[str]) -> list[ET.Element]:
    kids = list(el)
    for k in kids:
        _check(k, el.tag)
        if k.tag not in allowed:
            raise _Bad(f"<{k.tag}> is not allowed inside <{el.tag}>")
    if (el.text or "").strip() or any((k.tail or "").strip() for k in kids):
        raise _Bad(f"text is not allowed directly inside <{el.tag}>")
    return kids


def _runs(el: ET.Element, stop: set[str] = frozenset()) -> tuple[tuple[Run, ...], list[ET.Element]]:
    """Mixed content -> runs (whitespace collapsed, ends trimmed); returns the structural kids too."""
    runs: list[Run] = []
    rest: list[ET.Element] = []

    def add(text: str | None, style: str, supplied: bool = False) -> None:
        if text:
            t = _WS.sub(" ", text)
            if runs and runs[-1].style == style and runs[-1].supplied == supplied:
                runs[-1] = Run(runs[-1].text + t, style, supplied)
            else:
                runs.append(Run(t, style, supplied))

    add(el.text, "plain")
    for k in el:
        _check(k, el.tag)
        if k.tag in _RUN_TAGS:
            if len(k):
                raise _Bad(f"<{k.tag}> may hold text only")
            # <supplied>: words the memo supplies (already in their [brackets])
            add(k.text, _RUN_TAGS[k.tag], k.tag == "supplied")
        elif k.tag in stop:
            rest.append(k)
        else:
            raise _Bad(f"<{k.tag}> is not allowed inside <{el.tag}>")
        add(k.tail, "plain")
    # trim the outer whitespace, drop empty runs
    if runs:
        runs[0] = Run(runs[0].text.lstrip(" "), runs[0].style, runs[0].supplied)
        runs[-1] = Run(runs[-1].text.rstrip(" "), runs[-1].style, runs[-1].supplied)
    return tuple(r for r in runs if r.text), rest


def _num(el: ET.Element, name: str, kind: type, default: Any) -> Any:
    raw = el.get(name)
    if raw is None or raw == "":
        return default
    try:
        return kind(raw)
    except ValueError:
        raise _Bad(f"<{el.tag} {name}={raw!r}> is not a number") from None


def _entry(el: ET.Element, section: str, index: int, style: Style, *, kids_ok: bool,
           attribution_ok: bool) -> Entry:
    stop = ({"children"} if kids_ok else set()) | ({"attribution"} if attribution_ok else set())
    runs, rest = _runs(el, stop)
    if not runs:
        raise _Bad(f"an <entry> of section {section!r} is empty")
    marks_raw = el.get("marks", "").split()
    if not all(m.isdigit() for m in marks_raw):
        raise _Bad(f"<entry marks={el.get('marks')!r}> must list paragraph numbers")
    droppable = el.get("droppable", "true")
    if droppable not in ("true", "false"):
        raise _Bad("<entry droppable=...> must be true or false")
    children: list[Entry] = []
    attribution: tuple[Run, ...] = ()
    for k in rest:
        if k.tag == "children":
            for j, c in enumerate(_only(k, {"entry"})):
                children.append(_entry(c, f"{section}.children", j, style, kids_ok=False,
                                       attribution_ok=False))
        else:
            if attribution:
                raise _Bad("an <entry> has two <attribution> elements")
            attribution, more = _runs(k)
    return Entry(runs=runs, marks=tuple(int(m) for m in marks_raw), section=section,
                 index=_num(el, "index", int, index), score=_num(el, "score", float, 0.0),
                 droppable=droppable == "true" and section.split(".")[0] not in style.never_drop,
                 children=tuple(children), attribution=attribution)


def _section(el: ET.Element, style: Style) -> Section:
    key, label = el.get("key", ""), el.get("label", "")
    if not re.fullmatch(r"[a-z_]{1,40}", key):
        raise _Bad(f"<section key={key!r}> must be a lower-case name like \"purpose\"")
    if not label.strip():
        raise _Bad(f"<section key={key!r}> needs a label")
    body: list[Para | Bullets | Quotes] = []
    for part in _only(el, {"para", "bullets", "quotes"}):
        entries = _only(part, {"entry"})
        if not entries:
            continue
        if part.tag == "para":
            if len(entries) != 1:
                raise _Bad("a <para> holds exactly one <entry>")
            body.append(Para(_entry(entries[0], key, 0, style, kids_ok=False, attribution_ok=False)))
        elif part.tag == "bullets":
            body.append(Bullets(tuple(_entry(e, key, i, style, kids_ok=True, attribution_ok=False)
                                      for i, e in enumerate(entries))))
        else:
            body.append(Quotes(tuple(_entry(e, key, i, style, kids_ok=False, attribution_ok=True)
                                     for i, e in enumerate(entries))))
    return Section(key=key, label=_WS.sub(" ", label).strip(), body=tuple(body))


def _blocks(root: ET.Element, style: Style) -> tuple[tuple, str | None]:
    if root.tag != "memo":
        raise _Bad(f"the root element must be <memo>, not <{root.tag}>")
    _check(root, "document")
    blocks: list = []
    for el in _only(root, {"banner", "header", "rule", "section", "footer"}):
        if el.tag == "banner":
            runs, _ = _runs(el)
            text = "".join(r.text for r in runs)
            colour = el.get("colour") or style.banner_colour(text)
            if not _COLOUR.match(colour):
                raise _Bad(f"<banner colour={colour!r}> must be like #007A33")
            if text:
                blocks.append(Banner(text=text, colour=colour.upper()))
        elif el.tag == "header":
            fields_ = []
            for f in _only(el, {"field"}):
                runs, _ = _runs(f)
                fields_.append(Field(label=_WS.sub(" ", f.get("label", "")).strip(),
                                     value="".join(r.text for r in runs)))
            blocks.append(HeaderFields(title=_WS.sub(" ", el.get("title", "")).strip(), fields=tuple(fields_)))
        elif el.tag == "rule":
            _only(el, set())
            blocks.append(Rule())
        elif el.tag == "section":
            sec = _section(el, style)
            if sec.body:
                blocks.append(sec)
        else:
            lines = tuple(r for r in (_runs(line)[0] for line in _only(el, {"line"})) if r)
            blocks.append(Footer(lines=lines, page_label=_WS.sub(" ", el.get("page", "Page 1 of 1")).strip()))
    return tuple(blocks), root.get("lang")


def parse_memo_xml(text: str, style: Style, *, name: str = "template") -> tuple[tuple, str | None]:
    """Parse rendered template XML into blocks; anything outside VOCABULARY is a TemplateError."""
    if re.search(r"<!\s*(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise TemplateError(f"template {name!r}: DOCTYPE and entity declarations are not allowed")
    # Without a DTD no entity can be declared, so only the five XML entities and
    # character references exist; an undefined entity is a parse error.
    parser = ET.XMLParser()
    try:
        parser.feed(text)
        root = parser.close()
        return _blocks(root, style)
    except ET.ParseError as e:
        line, col = e.position
        raise TemplateError(f"template {name!r}: output is not well-formed XML at line {line}, "
                            f"column {col + 1}") from None
    except _Bad as e:
        raise TemplateError(f"template {name!r}: {e}") from None
