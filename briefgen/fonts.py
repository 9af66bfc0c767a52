"""TrueType fonts for the PDF: registered once per process, with a per-character fallback.

A template's four TTFs form one reportlab family. Characters that family lacks
are drawn in the shipped fallback (DejaVu Sans: Greek, Cyrillic, Armenian,
Georgian, Hebrew, Arabic, symbols); characters no font here has (CJK, for
instance) become a visible U+25A1 box and a warning instead of vanishing or
crashing. Registration names derive from the file contents, never from paths,
so output does not depend on where briefgen is installed.
"""
from __future__ import annotations

import hashlib
import importlib.resources
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .styles import Style

from reportlab import rl_config

REPLACEMENT = "\u25a1"  # WHITE SQUARE, drawn for characters no font here has
_LOCK = threading.Lock()


def pin_reportlab() -> None:
    """Pin reportlab's security-relevant settings after import, whatever RL_* environment
    variables or ~/.reportlab_settings said: no URL fetching from any host or scheme, no
    expression evaluation in colour strings, invariant (reproducible) output."""
    rl_config.trustedHosts = None
    rl_config.trustedSchemes = []
    rl_config.toColorCanUse = None
    rl_config.invariant = 1
    rl_config.allowTableBoundsErrors = 1


pin_reportlab()


@dataclass(frozen=True)
class FontSet:
    """reportlab font names for one template, plus the glyph coverage to check text against.

    The fallback face (DejaVu Sans, the largest file) is parsed and registered only when
    some text needs it: most memos never do."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    covered: frozenset[int]  # code points all four faces have
    covered_chars: frozenset[str] = frozenset()  # ``covered`` as characters: a fast path for plain text

    @property
    def fallback(self) -> str:
        return _fallback()[0]

    @property
    def fallback_covered(self) -> frozenset[int]:
        return _fallback()[1]

    def face(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        return self.bold if bold else self.italic if italic else self.regular


def _fallback_path() -> Path:
    return Path(str(importlib.resources.files("briefgen.templates") / "_shared" / "fonts" / "DejaVuSans.ttf"))


@lru_cache(maxsize=64)
def _register(path: Path) -> tuple[str, frozenset[int]]:
    """Register one TTF under a content-derived name; return (name, covered code points)."""
    data = path.read_bytes()
    name = "bg" + hashlib.sha256(data).hexdigest()[:12]
    with _LOCK:
        # look in the registry directly: pdfmetrics.getFont on an unknown name first
        # searches the whole file system for Type 1 (AFM) files, which costs ~0.1 s
        font = pdfmetrics._fonts.get(name)
        if font is None:
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


@lru_cache(maxsize=1)
def _fallback() -> tuple[str, frozenset[int]]:
    fb, fbc = _register(_fallback_path())
    with _LOCK:
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(fb, bold, italic, fb)
    return fb, fbc


@lru_cache(maxsize=16)
def _fontset(paths: tuple[Path, Path, Path, Path]) -> FontSet:
    (r, rc), (b, bc), (i, ic), (bi, bic) = (_register(p) for p in paths)
    with _LOCK:
        addMapping(r, 0, 0, r)
        addMapping(r, 1, 0, b)
        addMapping(r, 0, 1, i)
        addMapping(r, 1, 1, bi)
    covered = rc & bc & ic & bic
    return FontSet(r, b, i, bi, covered, frozenset(map(chr, covered)))


def fonts_for(style: Style) -> FontSet:
    """The registered family of ``style`` (cheap after the first call)."""
    pin_reportlab()  # every path into reportlab passes here
    return _fonts_for_paths((style.font_regular, style.font_bold, style.font_italic, style.font_bold_italic),
                            style.name)


@lru_cache(maxsize=64)
def _fonts_for_paths(paths: tuple[Path, ...], name: str) -> FontSet:
    try:
        return _fontset(tuple(Path(p).resolve() for p in paths))
    except Exception as e:  # a corrupt or non-TrueType file in a user template
        from .status import TemplateError
        raise TemplateError(f"template {name!r}: cannot load its fonts ({e.__class__.__name__}: {e})") from None


def _ok(cp: int) -> bool:
    # Controls and format characters are never drawn, so never "missing".
    return cp < 0x20 or cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD)


def split_by_font(text: str, fonts: FontSet) -> list[tuple[str, str]]:
    """Cut ``text`` into (font, text) pieces: "main" where the family has every glyph,
    the fallback font name elsewhere; characters nobody has become REPLACEMENT."""
    if fonts.covered_chars.issuperset(text):
        return [("main", text)] if text else []
    out: list[tuple[str, str]] = []
    for ch in text:
        cp = ord(ch)
        if cp in fonts.covered or _ok(cp):
            key, c = "main", ch
        elif cp in fonts.fallback_covered:
            key, c = fonts.fallback, ch
        else:
            key, c = fonts.fallback, REPLACEMENT
        if out and out[-1][0] == key:
            out[-1] = (key, out[-1][1] + c)
        else:
            out.append((key, c))
    return out


def missing_chars(text: str, fonts: FontSet) -> list[str]:
    """Distinct characters of ``text`` that no font can draw (they print as a box)."""
    if fonts.covered_chars.issuperset(text):
        return []
    seen: dict[str, None] = {}
    for ch in text:
        cp = ord(ch)
        if not (cp in fonts.covered or _ok(cp) or cp in fonts.fallback_covered):
            seen.setdefault(ch)
    return list(seen)


def string_width(text: str, style: Style, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` as the PDF draws it (fallback glyphs included)."""
    fonts = fonts_for(style)
    main = fonts.face(bold, italic)
    return sum(pdfmetrics.stringWidth(t, main if f == "main" else f, size)
               for f, t in split_by_font(text, fonts))
