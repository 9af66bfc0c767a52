"""reportlab's parse of a TrueType file, kept in the derived-data cache.

``TTFont(name, path)`` reads the whole file and builds its glyph tables: about
8 ms a face, and every build draws with at least two faces. What it builds is
plain data (tables, widths, the file's bytes) plus one scaling function, so it is
stored (pickled, in ``usercache``, which only ever reads files private to the
user, as Python's own bytecode cache is) and later processes rebuild the same
objects from it. The entry is named by the file's SHA-256, reportlab's version
and the settings ``TTFont`` reads; anything unexpected means parsing afresh.
"""
from __future__ import annotations

import pickle
import sys
from weakref import WeakKeyDictionary

from briefgen import reportlab_setup  # noqa: F401 - first: reportlab imported and configured

from reportlab import Version, rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from briefgen import usercache

_PROBES = (1, 7, 500, 1000, 2048, 12345)  # font units, to check the scaling function


def _scale(units_per_em: int):
    """``TTFontFile._pdfScale``: font units to the 1000-unit em of PDF text space."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _entry(digest: str) -> str:
    return usercache.key("ttfont/1", Version, sys.version, digest, repr(rl_config.ttfAsciiReadable),
                         repr(getattr(ttfonts, "unShapedFontGlob", None)))


def _freeze(font: TTFont) -> bytes | None:
    face = font.face
    scale = _scale(getattr(face, "unitsPerEm", 0) or 1000)
    if [face._pdfScale(v) for v in _PROBES] != [scale(v) for v in _PROBES]:
        return None  # reportlab scales differently now: do not cache
    font_state = {k: v for k, v in vars(font).items() if k not in ("face", "state", "fontName")}
    face_state = {k: v for k, v in vars(face).items() if k != "_pdfScale"}
    try:
        return pickle.dumps((font_state, face_state), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something unpicklable in a newer reportlab
        return None


def _thaw(name: str, data: bytes) -> TTFont | None:
    try:
        font_state, face_state = pickle.loads(data)
        face = TTFontFace.__new__(TTFontFace)
        face.__dict__.update(face_state)
        face._pdfScale = _scale(face.unitsPerEm)
        font = TTFont.__new__(TTFont)
        font.__dict__.update(font_state)
        font.fontName, font.face, font.state = name, face, WeakKeyDictionary()
        return font
    except Exception:  # a damaged entry
        return None


def load_ttfont(name: str, path: str, digest: str) -> TTFont:
    """``TTFont(name, path)``, from the cache when this file was parsed before."""
    entry = _entry(digest)
    data = usercache.read("fonts", entry)
    font = _thaw(name, data) if data else None
    if font is None:
        font = TTFont(name, path)
        frozen = _freeze(font)
        if frozen is not None:
            usercache.write("fonts", entry, frozen)
    return font
