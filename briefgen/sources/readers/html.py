"""HTML: the main article text and its metadata via trafilatura, without fetching anything.

Safety, in order:

* We decode the bytes ourselves (UTF-8/BOM first, then the page's declared
  charset) and parse with lxml's HTML parser with ``no_network=True``,
  ``huge_tree=False``, comments and processing instructions removed. The HTML
  parser never loads a DTD nor expands external entities.
* script/style/noscript/template/iframe/object/embed/svg elements and hidden
  content (``hidden``, ``aria-hidden="true"``, ``display:none``,
  ``visibility:hidden``, ``<input type=hidden>``) are dropped from the tree
  before extraction. JSON-LD ``<script>`` blocks are kept for trafilatura's
  metadata only; their text never reaches the article.
* trafilatura gets the parsed *tree*, never a string: its loader downloads a
  string that looks like a URL, a tree it uses as is. Extraction itself does
  no I/O. Its loggers get a NullHandler so nothing is printed on stderr.
* Only http(s) URLs are kept as the article URL.

If trafilatura finds no main text, the visible text of the whole page is
used, with a warning.
"""
from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from briefgen.sources.sanitize import sanitize
from briefgen.status import BadInput
from briefgen.sources.readers import Draft, with_title
from briefgen.sources.readers.decode import decode, sniff_bom
from briefgen.sources.readers.header import iso_date

if TYPE_CHECKING:  # pragma: no cover
    from lxml.html import HtmlElement

    from briefgen.sources.read import Limits

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
              "embed", "applet", "svg", "math", "canvas", "audio", "video", "map", "button",
              "select", "textarea", "dialog")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li",
                     "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                     "table", "tr", "td", "th", "figure", "figcaption", "br", "hr", "address", "body"})
_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (browsers treat latin-1/ascii as cp1252)."""
    m = _CHARSET.search(raw[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        return "cp1252"
    return name


def parse(text: str) -> HtmlElement:
    tree, _deep = _parse(text)
    return tree


def _parse(text: str) -> tuple[HtmlElement, bool]:
    """The tree, and whether libxml2 stopped at its depth limit (and so lost content)."""
    from lxml import etree, html

    parser = html.HTMLParser(encoding="utf-8", no_network=True, huge_tree=False,
                             remove_comments=True, remove_pis=True, remove_blank_text=False)
    try:
        tree = html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        raise BadInput("empty article (no HTML content)") from None
    deep = any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message.lower()
               for e in parser.error_log)
    return tree, deep


def parse_shallow(text: str) -> tuple[HtmlElement, str]:
    """The tree and the source it came from: a page nested deeper than libxml2 goes is
    flattened first (``nesting``), so its text is read instead of lost."""
    tree, deep = _parse(text)
    if not deep:
        return tree, text
    from briefgen.sources.readers.nesting import flatten

    flat = flatten(text, blocks=_BLOCKS, dropped=_dropped)
    tree, deep = _parse(flat)
    if deep:  # pragma: no cover - flatten caps the depth well inside the limit
        raise BadInput("the HTML is too deeply nested to read")
    return tree, flat


def _dropped(tag: str, attributes: dict[str, str]) -> bool:
    """What drop_hidden would remove, for an element flattening takes out of the tree."""
    return tag in _DROP_TAGS or _hidden(attributes, tag)


def _hidden(el, tag: str) -> bool:
    return (el.get("hidden") is not None
            or (el.get("aria-hidden") or "").strip().lower() == "true"
            or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
            or (tag == "input" and (el.get("type") or "").lower() == "hidden"))


def drop_hidden(tree: HtmlElement, *, keep_json_ld: bool) -> int:
    """Remove non-content and hidden elements in place; the count removed."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):  # comments, PIs, entities left by the parser
            doomed.append(el)
            continue
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag in _DROP_TAGS:
            json_ld = tag == "script" and (el.get("type") or "").lower() == "application/ld+json"
            if not (keep_json_ld and json_ld):
                doomed.append(el)
        elif _hidden(el, tag):
            doomed.append(el)
    for el in doomed:  # document order: a dropped parent takes its doomed children along
        if el.getparent() is not None:
            el.drop_tree()
    return len(doomed)


def visible_text(tree: HtmlElement) -> list[str]:
    """Fallback: every visible text block of the page, one string per block (no tree mutation)."""
    from lxml import etree

    body = tree.find(".//body")
    root = body if body is not None else tree
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(el.tag, str) and el.tag.lower() in _BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            parts.append(el.text or "")
        else:
            if block:
                parts.append("\n")
            if el is not root:
                parts.append(el.tail or "")
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _quiet() -> None:
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _extract(tree: HtmlElement):
    """trafilatura's Document for the tree, or None when it finds nothing.

    Any failure inside trafilatura (odd markup, deep nesting) also gives None:
    the caller then falls back to the page's visible text, so a hostile page
    costs quality, never a crash.
    """
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a broken install (e.g. lxml_html_clean missing)
        return None
    _quiet()
    try:
        return trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False,
            deduplicate=False, fast=False,
            # Only dates the page states in its markup (meta tags, <time>, JSON-LD, URL):
            # htmldate's extensive search would turn "Copyright 2023" into 2023-01-01.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - third-party extractor boundary, see docstring
        return None


def _get(doc, name: str):
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) else None


def read(raw: bytes, *, encoding: str | None = None, limits: Limits | None = None) -> Draft:
    declared = None if (encoding or sniff_bom(raw)) else declared_charset(raw)
    source, codec = decode(raw, encoding, declared=declared)
    # Sanitise the markup too: lxml refuses control characters in text it is
    # handed back, and trafilatura gives up on them. The article text is
    # sanitised again later (entities such as &#x202E; only appear after parsing).
    source, counts = sanitize(source)
    tree, source = parse_shallow(source)
    drop_hidden(tree, keep_json_ld=True)
    doc = _extract(tree)
    warnings: list[str] = []
    body = _get(doc, "text") if doc is not None else None
    if body and body.strip():
        paragraphs = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    else:
        tree = parse(source)
        drop_hidden(tree, keep_json_ld=False)
        paragraphs = visible_text(tree)
        if paragraphs:
            warnings.append("no main article text found in the page; used all of its visible text")
    title = _get(doc, "title") if doc is not None else None
    if not title:
        title = _fallback_title(source)
    title = " ".join(title.split()) if title else None
    if title and len(title) > 300:
        title = None
    text, title_first = with_title(title, paragraphs)
    date = _get(doc, "date") if doc is not None else None
    url = _get(doc, "url") if doc is not None else None
    return Draft(
        text=text, title=title,
        author=_get(doc, "author") if doc is not None else None,
        date=iso_date(date) if date else None,
        outlet=(_get(doc, "sitename") if doc is not None else None),
        url=url if url and re.match(r"https?://\S+\Z", url, re.I) else None,
        warnings=tuple(warnings), encoding=codec, title_first=title_first,
        counts=tuple(sorted(counts.items())),
    )


def _fallback_title(source: str) -> str | None:
    tree = parse(source)
    for path in (".//title", ".//h1"):
        el = tree.find(path)
        if el is not None:
            text = " ".join(el.text_content().split())
            if text:
                return text
    return None
