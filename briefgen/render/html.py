"""HTML writer: the fitted memo as one standalone, script-free HTML document.

Every string is passed through ``html.escape``; the only CSS is a small inline
sheet built from the Style (fonts, sizes, colours, page size and margins), so
the file opens anywhere and prints close to the PDF.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

from briefgen import __version__
from briefgen.model.blocks import Banner, Bullets, Entry, Footer, HeaderFields, Para, Quotes, Rule, Run, Section
from briefgen.render.text import is_empty


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for r in runs:
        t = escape(r.text)
        if r.supplied:  # the memo's own words (already in [brackets]): marked for readers and tools
            t = f'<span class="supplied" title="supplied by the memo, not the article">{t}</span>'
        match r.style:
            case "bold":
                out.append(f"<strong>{t}</strong>")
            case "italic":
                out.append(f"<em>{t}</em>")
            case "mark":
                out.append(f'<span class="mark">{t}</span>')
            case _:
                out.append(t)
    return "".join(out)


def _entry(e: Entry) -> str:
    body = _runs(e.runs)
    if e.attribution:
        body += f' <span class="by">{_runs(e.attribution)}</span>'
    return body


def _list(entries: tuple[Entry, ...], *, cls: str) -> list[str]:
    out = [f'<ul class="{cls}">']
    for e in entries:
        inner = _entry(e)
        if e.children:
            inner += "".join(_list(e.children, cls="sub"))
        out.append(f"<li>{inner}</li>")
    out.append("</ul>")
    return out


def _section(s: Section) -> list[str]:
    if is_empty(s):
        return []
    body: list[str] = []
    for part in s.body:
        match part:
            case Para(entry=e):
                body.append(f"<p>{_entry(e)}</p>")
                if e.children:
                    body += _list(e.children, cls="sub")
            case Bullets(entries=es) if es:
                body += _list(es, cls="bullets")
            case Quotes(entries=es) if es:
                body += _list(es, cls="quotes")
            case Bullets() | Quotes():
                pass
            case _:
                raise TypeError(f"unknown section part {type(part).__name__}")
    key = escape(s.key, quote=True)
    return ([f'<section class="sec sec-{key}">', f"<h2>{escape(s.label)}</h2>", '<div class="body">']
            + body + ["</div>", "</section>"])


_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\Z")
_SERIF = ("times", "georgia", "garamond", "cambria", "book antiqua", "palatino")


def _css_string(text: str) -> str:
    """A CSS string literal that no template value can break out of: anything but
    letters, digits, space, dot and dash becomes a CSS escape (its space terminates it)."""
    return '"' + "".join(c if c.isascii() and (c.isalnum() or c in " .-") else f"\\{ord(c):x} "
                         for c in text) + '"'


def _colour(value: str | None, default: str = "inherit") -> str:
    return value if value and _COLOUR.match(value) else default


def _family(style) -> str:
    """The Word font, the TrueType family the PDF embeds, then a generic family."""
    stem = Path(style.font_regular).stem.split("-")[0]
    pdf_family = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)
    generic = ("serif" if any(k in (style.docx_font + pdf_family).lower() for k in _SERIF + ("serif",))
               and "sans" not in pdf_family.lower() else "sans-serif")
    names = dict.fromkeys([style.docx_font, pdf_family])
    return ", ".join(_css_string(n) for n in names if n) + f", {generic}"


def _css(style) -> str:
    column = style.headings == "column"
    return f"""\
@page {{ size: {style.page_width:.1f}pt {style.page_height:.1f}pt;
  margin: {style.margin_top:.1f}pt {style.margin_right:.1f}pt {style.margin_bottom:.1f}pt {style.margin_left:.1f}pt; }}
body {{ margin: 0; background: #fff; }}
.memo {{ max-width: {style.frame_width:.1f}pt; margin: 0 auto; padding: 1em; color: {_colour(style.text_colour)};
  font-family: {_family(style)}; font-size: {style.body_size:.2f}pt; line-height: {style.leading:.3f}; }}
.banner {{ text-align: center; font-weight: bold; font-size: {style.banner_size:.2f}pt; margin: 0 0 .5em; }}
h1 {{ font-size: {style.title_size:.2f}pt; color: {_colour(style.title_colour)}; margin: 0 0 .3em; }}
.fields {{ border-collapse: collapse; }}
.fields th {{ text-align: left; vertical-align: top; padding: 0; width: {style.header_label_width:.1f}pt;
  color: {_colour(style.accent_colour)}; }}
.fields td {{ padding: 0; }}
.fields tr.subject td {{ font-weight: bold; }}
hr {{ border: 0; border-top: {style.rule_width:.2f}pt solid {_colour(style.rule_colour)};
  margin: {style.space("header"):.1f}pt 0; }}
.sec {{ {"display: grid; grid-template-columns: %.1fpt 1fr;" % style.label_width if column else ""}
  margin: 0 0 {style.space("section"):.1f}pt; }}
.sec h2 {{ font-size: {style.label_size:.2f}pt; color: {_colour(style.label_colour)}; margin: 0;
  line-height: {style.line_height:.2f}pt; }}
.sec p, .sec ul {{ margin: 0; }}
.sec ul {{ padding-left: 1.1em; list-style-type: {_css_string(style.bullet + " ")}; }}
.sec ul.sub {{ list-style-type: {_css_string(style.sub_bullet + " ")}; }}
.sec ul.quotes {{ list-style: none; padding-left: 0; }}
.sec li {{ margin-bottom: {style.space("item"):.1f}pt; }}
.sec ul.sub li {{ margin-bottom: {style.space("child"):.1f}pt; }}
.mark {{ color: {_colour(style.mark_colour)}; font-size: {style.mark_size:.2f}pt; }}
footer {{ font-size: {style.footer_size:.2f}pt; color: {_colour(style.footer_colour)}; }}
footer .page {{ text-align: right; }}
"""


def render(fitted) -> bytes:
    """Render ``fitted.memo`` (a FittedMemo) as a standalone UTF-8 HTML document."""
    memo = fitted.memo
    css = _css(fitted.style)
    parts: list[str] = []
    for block in memo.blocks:
        match block:
            case Banner(text=t, colour=c):
                style = f' style="color: {c}"' if c and _COLOUR.match(c) else ""
                parts.append(f'<div class="banner"{style}>{escape(t)}</div>')
            case HeaderFields(title=title, fields=fields):
                parts.append(f"<h1>{escape(title)}</h1>")
                if fields:
                    rows = "".join(
                        f'<tr class="{escape(f.label.lower(), quote=True)}"><th>{escape(f.label)}:</th>'
                        f"<td>{escape(f.value)}</td></tr>" for f in fields)
                    parts.append(f'<table class="fields">{rows}</table>')
            case Section() as s:
                parts += _section(s)
            case Rule():
                parts.append("<hr>")
            case Footer(lines=lines, page_label=page):
                parts.append("<footer>")
                parts += [f"<div>{_runs(line)}</div>" for line in lines]
                if page:
                    parts.append(f'<div class="page">{escape(page)}</div>')
                parts.append("</footer>")
            case _:
                raise TypeError(f"unknown block {type(block).__name__}")
    m = memo.meta
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(m.language or "en", quote=True)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<!-- generated by briefgen {__version__} -->",  # app/provenance.py reads it
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(m.title)}</title>",
        f'<meta name="author" content="{escape(m.author, quote=True)}">',
        f'<meta name="description" content="{escape(m.subject, quote=True)}">',
        f'<meta name="keywords" content="{escape(", ".join(m.keywords), quote=True)}">',
        f"<style>\n{css}</style>",
        "</head>",
        "<body>",
        '<article class="memo">',
    ]
    tail = ["</article>", "</body>", "</html>"]
    return ("\n".join(head + parts + tail) + "\n").encode("utf-8")
