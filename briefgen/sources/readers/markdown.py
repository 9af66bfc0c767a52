"""Markdown: markdown-it-py's CommonMark tokens to plain paragraphs; raw HTML never passes.

Raw HTML is *recognised* (the parser runs with ``html`` on so it can tell a
``<script>`` block from text) and then dropped, never rendered or copied: the
text between inline tags is kept, ``<script>``/``<style>`` content is not,
and the number of dropped fragments is reported. Nothing is ever rendered to
HTML, so links and images cannot fetch anything; link text is kept, image alt
text is not (it is not article prose).

Front matter (a leading ``---`` block of ``key: value`` lines) gives title,
date, author, outlet (``source``/``outlet``/``publisher``/``site``) and url.
Otherwise the first block, if it is a heading, is the title. Offsets refer to
the plain text produced here.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.sources.readers import Draft, with_title
from briefgen.sources.readers.decode import decode
from briefgen.sources.readers.header import iso_date

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it.token import Token

    from briefgen.sources.read import Limits

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEYS = {
    "title": "title", "headline": "title",
    "date": "date", "published": "date", "pubdate": "date",
    "author": "author", "byline": "author", "authors": "author",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "site": "outlet", "sitename": "outlet",
    "url": "url", "link": "url", "canonical": "url",
}
_SPACES = re.compile(r"[ \t]{2,}")
_RAW_SKIP = re.compile(r"<(script|style|template|noscript)\b", re.I)
_RAW_END = re.compile(r"</(script|style|template|noscript)\s*>", re.I)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata, rest). Only flat ``key: value`` lines; anything else is ignored, not evaluated."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group("body").split("\n"):
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _KEYS or _KEYS[key] in meta:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value:
            meta[_KEYS[key]] = value
    return meta, text[m.end():]


def _inline(token: Token, dropped: list[int]) -> str:
    out: list[str] = []
    skipping = False
    for child in token.children or ():
        kind = child.type
        if kind == "html_inline":
            dropped[0] += 1
            if _RAW_SKIP.match(child.content):
                skipping = True
            elif _RAW_END.match(child.content):
                skipping = False
            continue
        if skipping:
            continue
        if kind in ("text", "code_inline"):
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        # image: alt text is not prose; link/em/strong open/close: no text of their own
    return _SPACES.sub(" ", "".join(out)).strip()


def blocks(tokens: list[Token]) -> tuple[list[tuple[str, str]], int]:
    """[(kind, text)] in document order, kind in heading/para/list/code; and the raw-HTML count."""
    out: list[tuple[str, str]] = []
    dropped = [0]
    items: list[str] | None = None  # the current top-level list's lines
    depth = 0
    counters: list[int | None] = []
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            if depth == 0:
                items = []
            depth += 1
            counters.append(int(tok.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            counters.pop()
            if depth == 0 and items is not None:
                if items:
                    out.append(("list", "\n".join(items)))
                items = None
        elif kind == "list_item_open":
            n = counters[-1]
            marker = "-" if n is None else f"{n}."
            if n is not None:
                counters[-1] = n + 1
            assert items is not None
            items.append("  " * (depth - 1) + marker + " ")
        elif kind == "inline":
            text = _inline(tok, dropped)
            if not text:
                continue
            if items is not None:
                if items and items[-1].endswith(" "):
                    items[-1] += text
                else:
                    items.append("  " * depth + text)
            else:
                prev = tokens[i - 1].type if i else ""
                out.append(("heading" if prev == "heading_open" else "para", text))
        elif kind in ("fence", "code_block"):
            code = tok.content.strip("\n")
            if code.strip():
                (items.append(code) if items is not None else out.append(("code", code)))
        elif kind == "html_block":
            dropped[0] += 1
    if items:
        out.append(("list", "\n".join(items)))
    return out, dropped[0]


def read(raw: bytes, *, encoding: str | None = None, limits: Limits | None = None) -> Draft:
    from markdown_it import MarkdownIt

    source, codec = decode(raw, encoding)
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = front_matter(source)
    parser = MarkdownIt("commonmark", {"html": True})  # html on only to recognise and drop it
    found, dropped = blocks(parser.parse(body))
    title = " ".join(meta.get("title", "").split()) or None
    if title is None and found and found[0][0] == "heading":
        title = " ".join(found[0][1].split())
    text, title_first = with_title(title, [t for _, t in found])
    warnings = ()
    if dropped:
        warnings = (f"dropped {dropped:,} raw HTML fragment{'s' if dropped != 1 else ''} from the Markdown",)
    date = iso_date(meta["date"]) if "date" in meta else None
    return Draft(text=text, title=title, author=meta.get("author"), date=date, date_from="the front matter",
                 outlet=meta.get("outlet"), url=_url(meta.get("url")), warnings=warnings,
                 encoding=codec, title_first=title_first)


def _url(value: str | None) -> str | None:
    return value if value and re.match(r"https?://\S+\Z", value, re.I) else None
