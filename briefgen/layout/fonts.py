"""TrueType fonts for the PDF: registered once per process, with a per-character fallback.

A template's four TTFs form one reportlab family. Characters that family lacks
are drawn in the shipped fallback (DejaVu Sans: Greek, Cyrillic, Armenian,
Georgian, Hebrew, Arabic, symbols). Characters neither has (CJK names, for
instance) are drawn in a font of the machine's that has them, found through
fontconfig (``fc-list``) and embedded like the others; only characters no font
anywhere has become a visible U+25A1 box and a warning instead of vanishing or
crashing. Registration names derive from the file contents, never from paths,
so output does not depend on where briefgen is installed; it depends on the
machine's fonts only for the characters the bundled ones lack
(``BRIEFGEN_SYSTEM_FONTS=0`` turns the machine's fonts off).
"""
from __future__ import annotations

import bisect
import hashlib
import importlib.resources
import os
import struct
import threading
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.compose.styles import Style

REPLACEMENT = "\u25a1"  # WHITE SQUARE, drawn for characters no font here has
_LOCK = threading.Lock()


class FontSet(NamedTuple):
    """reportlab font names for one template, plus the glyph coverage to check text against.

    Coverage comes from the four files' cmap tables alone; a face is named (a hash of its
    file), parsed and registered with reportlab only when something draws or measures with
    it (``face`` or ``ensure``): most memos use the regular and bold faces only, so the
    italic ones are never hashed or parsed. The fallback face (DejaVu Sans, the largest
    file) likewise waits until some text needs it. An internal record (a NamedTuple:
    cheaper to define than a frozen dataclass)."""

    regular: str
    bold: str
    covered: frozenset[int]  # code points all four faces have
    covered_chars: frozenset[str] = frozenset()  # ``covered`` as characters: a fast path for plain text
    paths: tuple = ()  # regular, bold, italic and bold italic files

    @property
    def italic(self) -> str:
        return self.face(italic=True)

    @property
    def bold_italic(self) -> str:
        return self.face(bold=True, italic=True)

    @property
    def fallback(self) -> str:
        return _fallback()[0]

    @property
    def fallback_covered(self) -> frozenset[int]:
        return _fallback()[1]

    def face(self, bold: bool = False, italic: bool = False) -> str:
        """The registered face's name."""
        if not italic:
            return self.bold if bold else self.regular
        self.ensure()  # the italic faces: named, registered and mapped on first use
        return _register(self.paths[3 if bold else 2])[0]

    def ensure(self) -> None:
        """Register every face and map the family's italic styles to them (before reportlab
        maps <i> markup to the italic ones)."""
        _italics(self.paths)


def _fallback_path() -> Path:
    return Path(str(importlib.resources.files("briefgen.templates") / "_shared" / "fonts" / "DejaVuSans.ttf"))


def _cmap_keys(data: bytes) -> frozenset[int] | None:
    """The code points reportlab's TTFontFile maps (its charToGlyph keys: the same cmap
    subtable choice, formats 4 and 12, and its U+0020/U+00A0 sharing), read without parsing
    the whole font; None for anything else (the caller then lets reportlab parse it)."""
    if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return None
    u16, u32 = struct.Struct(">H").unpack_from, struct.Struct(">L").unpack_from
    cmap = None
    for n in range(u16(data, 4)[0]):
        rec = 12 + 16 * n
        if data[rec:rec + 4] == b"cmap":
            cmap = u32(data, rec + 8)[0]
    if cmap is None:
        return None
    version, count = u16(data, cmap)[0], u16(data, cmap + 2)[0]
    if count == 0 and version != 0:
        count = version
    encoffs, enc = None, 0
    for n in range(count):
        platform, encoding = u16(data, cmap + 4 + 8 * n)[0], u16(data, cmap + 6 + 8 * n)[0]
        offset = u32(data, cmap + 8 + 8 * n)[0]
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            enc, encoffs = 1, offset
        elif platform == 1 and encoding == 0 and enc != 1:
            enc, encoffs = 2, offset
    if encoffs is None:
        return None
    at = cmap + encoffs
    fmt = u16(data, at)[0]
    keys: set[int] = set()
    if fmt == 4:
        segs = u16(data, at + 6)[0] // 2
        ends = struct.unpack_from(f">{segs}H", data, at + 14)
        starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
        for a, b in zip(starts, ends):
            keys.update(range(a, b + 1))
    elif fmt == 12:
        for n in range(u32(data, at + 12)[0]):
            a, b = struct.unpack_from(">LL", data, at + 16 + 12 * n)
            keys.update(range(a, b + 1))
    else:
        return None
    if 0x20 in keys or 0xA0 in keys:
        keys.update((0x20, 0xA0))
    return frozenset(keys)


@lru_cache(maxsize=64)
def _identify(path: Path) -> tuple[str, frozenset[int] | None]:
    """(registration name from the file's contents, covered code points or None)."""
    data = path.read_bytes()
    return "bg" + hashlib.sha256(data).hexdigest()[:12], _cmap_keys(data)


@lru_cache(maxsize=64)
def _register(path: Path) -> tuple[str, frozenset[int]]:
    """Register one TTF under a content-derived name; return (name, covered code points)."""
    name, keys = _identify(path)
    with _LOCK:
        # ask by registered name: pdfmetrics.getFont on an unknown name first searches
        # the whole file system for Type 1 (AFM) files, which costs ~0.1 s
        if name in pdfmetrics.getRegisteredFontNames():
            font = pdfmetrics.getFont(name)
        else:
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph) if keys is None else keys


@lru_cache(maxsize=64)
def _coverage(path: Path) -> frozenset[int]:
    """The code points of a face not registered yet, from its cmap table (no hashing, no
    parsing of the rest); reportlab's own reading where the table is one it reads differently."""
    keys = _cmap_keys(path.read_bytes())
    return keys if keys is not None else _register(path)[1]


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
    (r, rc), (b, bc) = (_register(p) for p in paths[:2])  # every memo draws with these two
    with _LOCK:
        addMapping(r, 0, 0, r)
        addMapping(r, 1, 0, b)
    covered = rc & bc & _coverage(paths[2]) & _coverage(paths[3])
    return FontSet(r, b, covered, frozenset(map(chr, covered)), paths)


@lru_cache(maxsize=16)
def _italics(paths: tuple[Path, Path, Path, Path]) -> None:
    """Register the italic faces of a family and map its italic styles to them."""
    r, b, i, bi = (_register(p)[0] for p in paths)
    with _LOCK:
        addMapping(r, 0, 1, i)
        addMapping(r, 1, 1, bi)


# ------------------------------------------------------------------ the machine's fonts

SYSTEM_FONTS_ENV = "BRIEFGEN_SYSTEM_FONTS"  # "0": the bundled fonts only


class _SystemFont(NamedTuple):
    """One face fontconfig lists, with the code points it covers (fontconfig's own charset)."""

    path: str
    index: int
    starts: tuple[int, ...]  # sorted range starts
    ends: tuple[int, ...]  # inclusive range ends
    size: int  # code points covered

    def covers(self, cp: int) -> bool:
        i = bisect.bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ends[i]


def _parse_charset(text: str) -> tuple[tuple[int, ...], tuple[int, ...], int]:
    starts, ends, size = [], [], 0
    for item in text.split():
        a, _, b = item.partition("-")
        lo = int(a, 16)
        hi = int(b, 16) if b else lo
        starts.append(lo)
        ends.append(hi)
        size += hi - lo + 1
    return tuple(starts), tuple(ends), size


@lru_cache(maxsize=1)
def _system_fonts() -> tuple[_SystemFont, ...]:
    """The machine's TrueType-outline faces (reportlab embeds no CFF outlines), largest
    coverage first, then by path: a fixed order, so a character's font depends on the
    character and the installed fonts only, never on what was drawn before."""
    if os.environ.get(SYSTEM_FONTS_ENV, "").strip() == "0":
        return ()
    import shutil
    import subprocess

    exe = shutil.which("fc-list")
    if not exe:
        return ()
    try:
        out = subprocess.run([exe, ":fontformat=TrueType", "-f", "%{file}|%{index}|%{charset}\n"],
                             capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return ()
    fonts = []
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[0].lower().endswith((".ttf", ".ttc")):
            continue
        try:
            starts, ends, size = _parse_charset(parts[2])
            fonts.append(_SystemFont(parts[0], int(parts[1] or 0), starts, ends, size))
        except ValueError:
            continue
    return tuple(sorted(fonts, key=lambda f: (-f.size, f.path, f.index)))


@lru_cache(maxsize=32)
def _register_system(path: str, index: int) -> tuple[str, frozenset[int]] | None:
    """Register one of the machine's faces under a content-derived name; None if reportlab
    cannot use it (damaged, or CFF outlines after all)."""
    try:
        data = Path(path).read_bytes()
        name = f"bgs{hashlib.sha256(data).hexdigest()[:12]}i{index}"
        with _LOCK:
            if name in pdfmetrics.getRegisteredFontNames():
                font = pdfmetrics.getFont(name)
            else:
                font = TTFont(name, path, subfontIndex=index)
                pdfmetrics.registerFont(font)
                for bold in (0, 1):
                    for italic in (0, 1):
                        addMapping(name, bold, italic, name)
    except Exception:  # noqa: BLE001 - any font reportlab cannot read is simply not used
        return None
    return name, frozenset(font.face.charToGlyph)


_SYSTEM_FACE: dict[int, str | None] = {}


def system_face(cp: int) -> str | None:
    """The registered name of the machine's font for code point ``cp`` (the first face in
    ``_system_fonts`` order that reportlab can embed and that has it), or None."""
    try:
        return _SYSTEM_FACE[cp]
    except KeyError:
        pass
    name = None
    for font in _system_fonts():
        if font.covers(cp):
            registered = _register_system(font.path, font.index)
            if registered and cp in registered[1]:
                name = registered[0]
                break
    _SYSTEM_FACE[cp] = name
    return name


def pin_reportlab() -> None:
    """Pin reportlab's security-relevant settings, whatever RL_* environment variables or
    ~/.reportlab_settings said: no URL fetching from any host or scheme, no expression
    evaluation in colour strings, invariant (reproducible) output."""
    rl_config.trustedHosts = None
    rl_config.trustedSchemes = []
    rl_config.toColorCanUse = None
    rl_config.invariant = 1
    rl_config.allowTableBoundsErrors = 1


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
        from briefgen.status import TemplateError
        raise TemplateError(f"template {name!r}: cannot load its fonts ({e.__class__.__name__}: {e})") from None


def _ok(cp: int) -> bool:
    # Controls and format characters are never drawn, so never "missing".
    return cp < 0x20 or cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD)


def split_by_font(text: str, fonts: FontSet) -> list[tuple[str, str]]:
    """Cut ``text`` into (font, text) pieces: "main" where the family has every glyph,
    the fallback font's name where it has them, else a font of the machine's that has
    them; characters nobody has become REPLACEMENT."""
    if fonts.covered_chars.issuperset(text):
        return [("main", text)] if text else []
    out: list[tuple[str, str]] = []
    for ch in text:
        cp = ord(ch)
        if cp in fonts.covered or _ok(cp):
            key, c = "main", ch
        elif cp in fonts.fallback_covered:
            key, c = fonts.fallback, ch
        elif (system := system_face(cp)) is not None:
            key, c = system, ch
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
        if not (cp in fonts.covered or _ok(cp) or cp in fonts.fallback_covered or system_face(cp)):
            seen.setdefault(ch)
    return list(seen)


def string_width(text: str, style: Style, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` as the PDF draws it (fallback glyphs included)."""
    fonts = fonts_for(style)
    main = fonts.face(bold, italic)
    return sum(pdfmetrics.stringWidth(t, main if f == "main" else f, size)
               for f, t in split_by_font(text, fonts))
