"""The cache of reportlab's TrueType parse: a font rebuilt from it is the font reportlab
builds, and a PDF is the same bytes with the cache cold, warm, damaged or off."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import ttfcache
from reportlab.pdfbase.ttfonts import TTFont

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source" / "blinken-beijing-2023.txt"
FONTS = sorted((ROOT / "templates").glob("*/fonts/*.ttf"))


@pytest.mark.parametrize("path", FONTS[:3] + FONTS[-1:], ids=lambda p: p.name)
def test_a_font_from_the_cache_is_the_font_reportlab_builds(path, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    fresh = TTFont("probe", str(path))
    ttfcache.load_ttfont("probe", str(path), digest)  # parses and stores
    assert list((tmp_path / "briefgen-fonts").iterdir())
    cached = ttfcache.load_ttfont("probe", str(path), digest)
    objects = ("face", "state", "encoding")
    assert {k: v for k, v in vars(cached).items() if k not in objects} == \
        {k: v for k, v in vars(fresh).items() if k not in objects}
    assert vars(cached.encoding) == vars(fresh.encoding)
    assert {k: v for k, v in vars(cached.face).items() if k != "_pdfScale"} == \
        {k: v for k, v in vars(fresh.face).items() if k != "_pdfScale"}
    assert [cached.face._pdfScale(v) for v in (1, 333, 2048)] == [fresh.face._pdfScale(v) for v in (1, 333, 2048)]
    text = "Beijing – “talks” ÅΩЖ 1,234"
    assert cached.stringWidth(text, 10.5) == fresh.stringWidth(text, 10.5)


def _build(out: Path, cache: Path, **env: str) -> bytes:
    e = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "BRIEFGEN_NO_CACHE")}
    e |= {"BRIEFGEN_CACHE_DIR": str(cache), **env}
    r = subprocess.run([sys.executable, "-m", "briefgen", "build", str(SAMPLE), "-o", str(out),
                        "--date", "2023-06-18", "--format", "pdf", "--quiet"],
                       capture_output=True, text=True, env=e, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return (out / "blinken-beijing-2023.pdf").read_bytes()


def test_pdf_bytes_are_the_same_cold_warm_damaged_and_off(tmp_path):
    cache = tmp_path / "cache"
    cold = _build(tmp_path / "cold", cache)
    entries = list((cache / "briefgen-fonts").iterdir())
    assert len(entries) >= 2  # the regular and bold faces every memo draws with
    assert _build(tmp_path / "warm", cache) == cold
    for entry in entries:
        entry.write_bytes(b"\x80\x05not a pickle")
    assert _build(tmp_path / "damaged", cache) == cold
    assert _build(tmp_path / "off", cache, BRIEFGEN_NO_CACHE="1") == cold
