"""Markdown writer: the fitted memo as CommonMark, every article-derived string escaped.

No raw HTML can pass through: ``<`` is always backslash-escaped, ``&`` where it
would start an entity, and the characters that make emphasis, links, code,
tables or (at the start of a line) headings and lists are escaped too.
"""
from __future__ import annotations

import re

from briefgen.model.blocks import Banner, Bullets, Entry, Footer, HeaderFields, Para, Quotes, Rule, Run, Section
from briefgen.render.text import is_empty

# Escaped wherever they occur: they open inline constructs (emphasis, code,
# links, autolinks/HTML, tables, strikethrough) or are the escape itself.
_ALWAYS = re.compile(r"([\\`*_{}\[\]<>()#|~])")
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# At the start of a line these open a list, a heading, a quote or a thematic break.
_LEADING_BLOCK = re.compile(r"^(\s*)([-+=!.])")
_LEADING_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # ASCII only: no-break spaces stay
_WRAP = {"bold": "**", "italic": "*"}


def escape(text: str) -> str:
    """Escape ``text`` so it renders literally as inline Markdown on one line."""
    text = _SPACES.sub(" ", text)  # newlines would start new blocks
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LEADING_ORDERED.sub(r"\1\\\2", text)
    text = _LEADING_BLOCK.sub(r"\1\\\2", text)
    return text


def runs(rs: tuple[Run, ...]) -> str:
    """Styled runs as inline Markdown; ¶ mark runs stay plain text."""
    out = []
    for r in rs:
        text = _SPACES.sub(" ", r.text)
        core = text.strip(" ")
        wrap = _WRAP.get(r.style)
        if not wrap or not core:
            out.append(escape(text) if core else text)
            continue
        lead = text[: len(text) - len(text.lstrip(" "))]
        trail = text[len(text.rstrip(" ")):]
        out.append(f"{lead}{wrap}{escape(core)}{wrap}{trail}")
    return "".join(out)


def _entry(entry: Entry) -> str:
    out = runs(entry.runs)
    if entry.attribution:
        out += " " + runs(entry.attribution)
    return _SPACES.sub(" ", out).strip(" ")


def _bullets(entries: tuple[Entry, ...], depth: int, out: list[str]) -> None:
    for e in entries:
        out.append("  " * depth + "- " + _entry(e))
        _bullets(e.children, depth + 1, out)


def _section(section: Section) -> list[str]:
    if is_empty(section):
        return []
    body: list[str] = []
    for part in section.body:
        match part:
            case Para(entry=e):
                body += [_entry(e), ""]
                for c in e.children:
                    _bullets((c,), 0, body)
            case Bullets(entries=es):
                _bullets(es, 0, body)
                body.append("")
            case Quotes(entries=es):
                _bullets(es, 0, body)
                body.append("")
            case _:
                raise TypeError(f"unknown section part {type(part).__name__}")
    return [f"## {escape(section.label.strip())}", ""] + body


def render(fitted) -> bytes:
    """Render ``fitted.memo`` (a FittedMemo) as UTF-8 Markdown."""
    out: list[str] = []
    for block in fitted.memo.blocks:
        match block:
            case Banner(text=t):
                out += [f"**{escape(t.strip())}**", ""]
            case HeaderFields(title=title, fields=fields):
                out += [f"# {escape(title.strip())}", ""]
                lines = [f"**{escape(f.label)}:** {escape(f.value)}" for f in fields]
                out += [" \\\n".join(lines), ""] if lines else []
            case Section() as s:
                out += _section(s)
            case Rule():
                out += ["---", ""]
            case Footer(lines=lines, page_label=page):
                texts = [runs(line).strip(" ") for line in lines]
                if page:
                    texts.append(escape(page))
                if texts:
                    out += [" \\\n".join(texts), ""]
            case _:
                raise TypeError(f"unknown block {type(block).__name__}")
    while out and out[-1] == "":
        out.pop()
    return ("\n".join(out) + "\n").encode("utf-8")
