"""The block sequence of a PDF memo, recovered from text positions.

The PDF has no structure to read, so its text is grouped into lines: the title is the
largest text, banners sit above it and below the footer, section labels come from the
outline (bookmarks) when present, else from bold capitals at the left edge, and entries
are lines that start with a bullet glyph drawn on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefgen.inspect.common import norm as _norm

BULLETS = frozenset("•◦▪▫●○‣⁃–—-·*■□➢►")
_PAGE_LABEL = re.compile(r"^Page \d+ of \d+$")


@dataclass(frozen=True)
class Frag:
    page: int
    x: float
    y: float
    font: str
    size: float
    text: str

    @property
    def bold(self) -> bool:
        return "bold" in self.font.lower() or "black" in self.font.lower()


def lines_of(frags: list[Frag]) -> list[list[Frag]]:
    """Fragments grouped into visual lines, top to bottom, left to right."""
    lines: list[list[Frag]] = []
    for f in sorted(frags, key=lambda f: (f.page, -f.y, f.x)):
        if lines and lines[-1][0].page == f.page and abs(lines[-1][0].y - f.y) <= 2.0:
            lines[-1].append(f)
        else:
            lines.append([f])
    return [sorted(line, key=lambda f: f.x) for line in lines]


def _text(line: list[Frag]) -> str:
    return _norm(" ".join(f.text for f in line))


def pdf_blocks(lines: list[list[Frag]], labels: list[str]) -> list[dict[str, Any]]:
    """Banners, header, sections (with item counts) and footer from the page's text ``lines``
    (see ``lines_of``) and the outline's top-level ``labels``."""
    if not lines:
        return []
    sizes: dict[float, int] = {}
    for line in lines:
        for f in line:
            sizes[f.size] = sizes.get(f.size, 0) + len(f.text)
    body = max(sizes, key=lambda s: sizes[s])
    left = min(f.x for line in lines for f in line)
    title_at = max(range(len(lines)), key=lambda i: (max(f.size for f in lines[i]), -i))
    if max(f.size for f in lines[title_at]) <= body * 1.15:
        title_at = -1  # no title larger than the body text
    blocks: list[dict[str, Any]] = [{"type": "banner", "text": _text(l)} for l in lines[:max(title_at, 0)]]

    # footer: the trailing run of small-print lines (and any bottom banner after them)
    small = lambda line: max(f.size for f in line) < body * 0.9  # noqa: E731
    end = len(lines)
    bottom: list[dict[str, Any]] = []
    top_banners = {b["text"] for b in blocks}
    while end > 0 and not small(lines[end - 1]) and _text(lines[end - 1]) in top_banners:
        bottom.insert(0, {"type": "banner", "text": _text(lines[end - 1])})
        end -= 1
    foot = end
    while foot > 0 and small(lines[foot - 1]):
        foot -= 1
    if foot == end:  # no small print: a page label line alone may still mark the footer
        if end > 0 and _PAGE_LABEL.match(_text(lines[end - 1])):
            foot = end - 1
    body_lines = lines[title_at + 1:foot]

    # header: "LABEL:" lines right under the title
    header: dict[str, Any] | None = None
    if title_at >= 0:
        header = {"type": "header", "title": _text(lines[title_at]), "fields": []}
    i = 0
    while header is not None and i < len(body_lines):
        line = body_lines[i]
        first = line[0].text.strip()
        if labels and _text(line).startswith(labels[0]) and line[0].x <= left + 1:
            break
        if first.endswith(":") and line[0].bold:
            header["fields"].append({"label": first[:-1], "value": _norm(" ".join(f.text for f in line[1:]))})
        elif header["fields"] and line[0].x > left + 1:
            header["fields"][-1]["value"] = _norm(header["fields"][-1]["value"] + " " + _text(line))
        else:
            break
        i += 1
    if header is not None:
        blocks.append(header)

    sections = _pdf_sections(body_lines[i:], labels, left)
    blocks += sections
    if foot < end:
        blocks.append({"type": "footer"})
    return blocks + bottom


def _is_bullet(frag: Frag) -> bool:
    glyph = frag.text.strip()
    return len(glyph) == 1 and glyph in BULLETS


def _pdf_sections(lines: list[list[Frag]], labels: list[str], left: float) -> list[dict[str, Any]]:
    """Section labels and the entries under each.

    An entry starts at a bullet glyph drawn on its own (deeper ones are sub-points),
    or, for prose and quotes, at the first line of the section or after a gap
    wider than the line pitch (the renderers put the item spacing between entries).
    """
    queue = list(labels)
    found: list[tuple[str, list[Frag]]] = []  # (label, first fragment of each content line)
    for line in lines:
        head, rest = line[0], line
        text = head.text.strip()
        if head.x <= left + 1 and head.bold and (
                (queue and _norm(text) == queue[0])
                or (not labels and text == text.upper() and any(c.isalpha() for c in text))):
            if queue:
                queue.pop(0)
            found.append((_norm(text), []))
            rest = line[1:]
        if found and rest:
            found[-1][1].append(rest[0])
    # the line pitch: the smallest step from a line to the next non-bullet line
    steps = [round(a.y - b.y, 1) for _, heads in found for a, b in zip(heads, heads[1:])
             if not _is_bullet(b) and a.page == b.page and a.y > b.y]
    pitch = min(steps) if steps else 0.0
    sections = []
    for label, heads in found:
        sec: dict[str, Any] = {"type": "section", "label": label, "items": 0}
        bullet_x: list[float] = []
        children = 0
        for n, f in enumerate(heads):
            if _is_bullet(f):
                if not bullet_x or f.x <= min(bullet_x) + 1:
                    sec["items"] += 1
                else:
                    children += 1
                bullet_x.append(f.x)
            elif n == 0 or (not bullet_x and heads[n - 1].y - f.y > pitch + 0.5):
                sec["items"] += 1  # prose or a quote: a new paragraph
        if children:
            sec["children"] = children
        sections.append(sec)
    return sections
