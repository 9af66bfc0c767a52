"""Line budgets: how many lines a text takes in a column, and trimming a text to a budget at
a clause boundary (compose uses these before fitting; the fitter uses ``min_lines``).
Measured with the template's real font metrics (reportlab's, through layout/fonts.py)."""
from __future__ import annotations

import math
import re
from typing import NamedTuple

from briefgen.compose.styles import Style

ELLIPSIS = "\u2026"


# ------------------------------------------------------------------ line budgets (compose)

class Budget(NamedTuple):
    """``lines`` lines of body text in a column ``width`` (default: the section content) minus ``indent``.
    An internal record: a NamedTuple, which costs a tenth of a frozen dataclass to define."""

    style: Style
    lines: int
    indent: float = 0.0
    width: float | None = None

    @property
    def avail(self) -> float:
        return (self.width if self.width is not None else self.style.content_width) - self.indent


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> word -> width


def count_lines(text: str, width: float, style: Style, size: float | None = None) -> int:
    """Lines ``text`` takes when broken greedily at spaces, as reportlab's Paragraph does."""
    from briefgen.layout.fonts import fonts_for, string_width

    size = size or style.body_size
    fonts = fonts_for(style)
    if fonts.covered_chars.issuperset(text):  # the usual case: one font, measure directly
        from reportlab.pdfbase.pdfmetrics import getFont

        measure = getFont(fonts.regular).stringWidth
        cache = _WIDTHS.setdefault((fonts.regular, size), {})
        if len(cache) > 20_000:  # bounded: a long batch never grows it without limit
            cache.clear()

        def width_of(t: str) -> float:
            w = cache.get(t)
            if w is None:
                w = cache[t] = measure(t, size)
            return w
    else:
        def width_of(t: str) -> float:
            return string_width(t, style, size)
    space = width_of(" ")
    lines, cur = 1, 0.0
    for word in text.split(" "):
        w = width_of(word)
        if cur and cur + space + w > width:
            lines += 1 + int(w // width)
            cur = w % width
        else:
            cur = cur + space + w if cur else w
    return lines


MIN_WIDTH_SHARE = 0.8  # of a run's width in the regular face: what any face draws it in at least


def min_lines(runs, width: float, style: Style) -> int:
    """A lower bound on the lines reportlab wraps ``runs`` into at ``width``: the text's
    width in the regular face, discounted by MIN_WIDTH_SHARE (bold and italic faces, the
    spaces a line break swallows), over the column width; glyphs the family lacks count
    as nothing. At least one line for any visible text. Fitting uses it only to skip
    measuring layouts that surely overflow, so a loose bound costs time, never a decision."""
    from briefgen.layout.fonts import fonts_for  # first: it imports reportlab, configured
    from reportlab.pdfbase.pdfmetrics import getFont

    fonts = fonts_for(style)
    measure = getFont(fonts.regular).stringWidth
    total, visible = 0.0, False
    for r in runs:
        text = r.text if fonts.covered_chars.issuperset(r.text) else \
            "".join(ch for ch in r.text if ch in fonts.covered_chars)
        visible = visible or bool(r.text.strip())
        size = min(style.mark_size, style.body_size) if r.style == "mark" else style.body_size
        total += measure(text, size)
    if not visible:
        return 0
    return max(1, math.ceil(total * MIN_WIDTH_SHARE / width))


def fits(text: str, budget: Budget, tail: str = "") -> bool:
    return count_lines(text + tail, budget.avail, budget.style) <= budget.lines


# clause boundaries: after , ; : and before dashes, brackets and clause-opening words
_CLAUSE = re.compile(r"(?<=[,;:])\s|\s(?=[–—(]|-\s|(?:which|who|whom|where|when|while|but|as|after|"
                     r"amid|because|although|though|including|and|or|to|that|with|since|before|"
                     r"during|despite|following)\s)")


# Words a cut never ends on: "..., security and defence, and…", "... weapons under…" read as torn.
_ENDLESS = frozenset("""the a an of to and or but nor in on at for with by from as that which who whom whose
his her their its our your my what about than into onto under over between among against amid during
before after including such is are was were be been being has have had will would could should can may
might must not this these those so if while when where because although though""".split())


def _cut(prefix: str) -> str:
    """A prefix ready for the ellipsis: no trailing punctuation or dangling function word."""
    words = prefix.rstrip(" ,;:–—-(").split(" ")
    while len(words) > 1 and words[-1].strip(" ,;:–—-(\"“‘'").lower() in _ENDLESS:
        words.pop()
        words[-1] = words[-1].rstrip(",;:–—-(")
    return " ".join(words).rstrip(" ,;:–—-(")


# Words whose "to" infinitive is what they say: "India was keen…" or "the two sides agreed…" cut
# before "to build ..." tells nothing.
_TAKES_TO = frozenset("""keen eager ready willing able unable want wants wanted hope hopes hoped aim aims aimed
seek seeks sought try tries tried trying plan plans planned agree agrees agreed decided expected likely
unlikely set due going meant designed intended bid effort efforts attempt attempts opportunity chance
way ways need needs needed pledged promised vowed refused failed""".split())


def _wants_its_infinitive(text: str, pos: int) -> bool:
    """The clause cut at ``pos`` is a "to" infinitive that the word before it needs."""
    if not text.startswith(" to ", pos):
        return False
    before = text[:pos].rsplit(" ", 1)[-1].strip(",;:").lower()
    return before in _TAKES_TO


def closed(cut: str) -> str:
    """A cut prefix with the quotation it stops inside closed after the ellipsis
    ('added, "There are consequences…"'): marks that do not pair misread whose words end where."""
    if cut.count('"') % 2:
        cut += '"'
    if cut.count("“") > cut.count("”"):
        cut += "”"
    return cut


def trim(text: str, budget: Budget, tail: str = "") -> str:
    """``text`` if it fits the budget, else its longest clause (or, failing that, word)
    prefix that does, with an ellipsis (and the closing mark of a quotation it cuts).
    Never cuts inside a word."""
    if fits(text, budget, tail):
        return text
    cuts = sorted({m.start() for m in _CLAUSE.finditer(text)}, reverse=True)
    floor = len(text) * 0.25
    for pos in cuts:
        if pos < floor:
            break
        if _wants_its_infinitive(text, pos):
            continue
        cand = closed(_cut(text[:pos]) + ELLIPSIS)
        if fits(cand, budget, tail):
            return cand
    words = text.split(" ")
    for n in range(len(words) - 1, 0, -1):
        cand = closed(_cut(" ".join(words[:n])) + ELLIPSIS)
        if fits(cand, budget, tail):
            return cand
    return closed(words[0] + ELLIPSIS)
