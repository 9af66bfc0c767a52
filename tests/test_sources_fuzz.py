"""Seeded random inputs: read_article either returns a clean Article or raises a BriefgenError.

Deterministic (fixed seed) so a failure reproduces; built from pieces that hit
the decoder, the sanitiser, every reader and the header finder.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefgen.sources.read import read_article
from briefgen.status import BriefgenError

PIECES = [
    b"<html>", b"</p>", b"<p>", b"<script>", b"<div hidden>", b"<!DOCTYPE html>", b"&#x202E;", b"&#0;",
    b"\x00", b"\xff", b"\xe2\x80\xae", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"\r\n", b"\n\n", b"\x0c",
    b"By Jane Doe", b"TOKYO, April 27 - ", b"(LEAD) ", b"---\ntitle: x\n---\n", b"# T\n", b"- item\n",
    "caf\u00e9 \u201cquoted\u201d ".encode(), b"word ", b"[", b"]", b"*", b"AT&T a<b <b> ",
]


def cases(n: int, seed: int = 20240617):
    rng = random.Random(seed)
    for _ in range(n):
        if rng.random() < 0.2:
            data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 200)))
        else:
            data = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        yield rng.choice([".txt", ".md", ".html", ".docx", ""]), data


def xml_safe(ch: str) -> bool:
    o = ord(ch)
    return o in (0x9, 0xA) or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF


def test_random_inputs_never_crash(tmp_path: Path) -> None:
    outcomes = {"ok": 0, "error": 0}
    for i, (suffix, data) in enumerate(cases(400)):
        path = tmp_path / f"case{i}{suffix}"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except BriefgenError as e:
            message = str(e)
            assert message.startswith(f"{path}: ") and "\n" not in message, (suffix, data)
            outcomes["error"] += 1
            continue
        except Exception as e:  # pragma: no cover - the failure report
            pytest.fail(f"{type(e).__name__}: {e} for {suffix} {data!r}")
        outcomes["ok"] += 1
        assert article.text.strip()
        assert all(xml_safe(c) for c in article.text), (suffix, data)
        assert "\u202e" not in article.text and "\r" not in article.text
        for span in article.metadata_spans:
            piece = span.slice(article.text)
            assert span.end <= len(article.text) and piece == piece.strip() and piece
    assert outcomes["ok"] > 50 and outcomes["error"] > 50  # the generator reaches both paths
