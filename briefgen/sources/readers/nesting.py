"""Flatten HTML nested deeper than a parser will go, keeping every visible word.

libxml2 (lxml) stops building the tree at 256 levels unless ``huge_tree`` lifts
its safety limits, so a page whose text sits under 10,000 nested ``<div>``s
would lose all of it. This module re-serialises such a page with the standard
library's tokenizer (no tree, no recursion): elements up to ``max_depth`` are
kept as they are; deeper ones lose their tags but keep their text, a block
element becoming a ``<p>`` (which HTML cannot nest) so paragraphs stay apart. Content the
reader would drop (scripts, hidden elements: the caller's ``dropped``
predicate) is skipped at any depth, so flattening never reveals it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from html.parser import HTMLParser

MAX_DEPTH = 128  # well inside libxml2's 256, and shallow enough for trafilatura's recursion

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_RAW_TEXT = frozenset({"script", "style"})
_ATTR_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*\Z")

Dropped = Callable[[str, dict[str, str]], bool]  # (tag, attributes) -> drop with its content


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int, blocks: frozenset[str], dropped: Dropped) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth, self.blocks, self.dropped = max_depth, blocks, dropped
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, tag written out)
        self.skipping = 0  # open elements, beyond the depth, whose content is dropped

    def _mark(self, tag: str) -> None:
        """A block boundary beyond the depth: ``<p>`` and ``</p>``, which HTML never nests."""
        if not self.out or self.out[-1] != tag:
            self.out.append(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs if _ATTR_NAME.match(k)}
        deep = len(self.stack) >= self.max_depth
        if tag in _VOID:
            if not self.skipping:
                self.out.append(_start(tag, attributes) if not deep else "<br>" if tag == "br" else "")
            return
        if deep or self.skipping:  # beyond the depth: no tag; "\0" marks a skipped element
            skip = bool(self.skipping) or self.dropped(tag, attributes)
            self.stack.append((f"\0{tag}" if skip else tag, False))
            if skip:
                self.skipping += 1
            elif tag in self.blocks:
                self._mark("<p>")
            return
        self.stack.append((tag, True))
        self.out.append(_start(tag, attributes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0].lstrip("\0") == tag:
                for name, written in reversed(self.stack[i:]):
                    if name.startswith("\0"):
                        self.skipping -= 1
                    elif written:
                        self.out.append(f"</{name}>")
                    elif not self.skipping and name in self.blocks:
                        self._mark("</p>")
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        raw = self.stack and self.stack[-1][1] and self.stack[-1][0] in _RAW_TEXT
        self.out.append(data if raw else escape(data, quote=False))


def _start(tag: str, attributes: dict[str, str]) -> str:
    return "<" + tag + "".join(f' {k}="{escape(v, quote=True)}"' for k, v in attributes.items()) + ">"


def flatten(source: str, *, blocks: frozenset[str], dropped: Dropped, max_depth: int = MAX_DEPTH) -> str:
    """``source`` with no element deeper than ``max_depth``; comments and declarations dropped."""
    parser = _Flattener(max_depth, blocks, dropped)
    parser.feed(source)
    parser.close()
    return "".join(parser.out)
