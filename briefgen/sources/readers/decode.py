"""Bytes to str without guessing: UTF-8 (BOM optional), UTF-16/32 only with a BOM.

Never the locale, never a silent replacement character: bytes that are not
valid in the chosen encoding stop the run with the byte offset and line, and a
hint. Binary data (NUL-heavy, or a known file signature) is refused before any
decoding, so a PDF or image renamed .txt gives a clear error, not garbage.
"""
from __future__ import annotations

import codecs

from briefgen.status import BadInput, UsageError

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a zip archive; for a Word file use the .docx suffix or --input-format docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "an old-style Office file (.doc) or a password-protected one; save it as .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "an executable"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)

_SAMPLE = 65536


def lookup(name: str) -> str:
    """Canonical codec name for ``--encoding``, or UsageError."""
    try:
        return codecs.lookup(name).name
    except (LookupError, TypeError, ValueError):
        raise UsageError(f"unknown encoding {name!r} (--encoding)") from None


def sniff_bom(raw: bytes) -> tuple[str, str, int] | None:
    """(codec, display name, BOM length) when ``raw`` starts with a BOM."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            return codec, label, len(bom)
    return None


def binary_reason(raw: bytes) -> str | None:
    """Why ``raw`` is not text in an 8-bit or UTF-8 encoding, or None."""
    for magic, what in _SIGNATURES:
        if raw.startswith(magic):
            return what
    sample = raw[:_SAMPLE]
    nuls = sample.count(0)
    if not nuls:
        return None
    if len(sample) >= 4 and nuls * 10 >= len(sample) * 3:
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        if max(even, odd) >= 0.9 * nuls:
            return ("UTF-16 text without a byte-order mark; "
                    "use --encoding utf-16-le or --encoding utf-16-be")
    if nuls > 64 or (nuls >= 8 and nuls * 100 > len(sample)):
        return f"{nuls:,} NUL bytes in the first {len(sample):,}"
    return None


def _control_heavy(text: str) -> bool:
    sample = text[:_SAMPLE]
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\x0b\x0c") or "\x7f" <= c <= "\x9f")
    return bad > 16 and bad * 20 > len(sample)


def _position(raw: bytes, offset: int) -> str:
    line = raw.count(b"\n", 0, offset) + 1
    if line == 1 and b"\n" not in raw:
        line = raw.count(b"\r", 0, offset) + 1
    return f"byte {offset:,} (line {line:,})"


def _hint(raw: bytes) -> str:
    try:
        raw.decode("cp1252")
        return "try --encoding cp1252"
    except UnicodeDecodeError:
        return "try --encoding latin-1 (or the file's real encoding)"


def _strict(raw: bytes, start: int, codec: str, label: str, hint: str | None) -> str:
    try:
        return raw[start:].decode(codec)
    except UnicodeDecodeError as e:
        where = _position(raw, start + e.start)
        tail = f"; {hint}" if hint else ""
        raise BadInput(f"not valid {label} at {where}{tail}") from None


def decode(raw: bytes, encoding: str | None = None, *, declared: str | None = None) -> tuple[str, str]:
    """Return (text, codec used).

    ``encoding`` (the user's ``--encoding``) wins over everything; a BOM in that
    same encoding is dropped. Otherwise a BOM decides; otherwise UTF-8, and
    ``declared`` (an HTML page's own charset) is tried only if UTF-8 fails.
    """
    if encoding is not None:
        codec = lookup(encoding)
        bom = sniff_bom(raw)
        start = 0
        if codec == "utf-8-sig":
            codec = "utf-8"
        if bom and bom[0] == codec:  # the generic utf-16/utf-32 codecs eat their BOM themselves
            start = bom[2]
        if not codec.startswith(("utf-16", "utf-32")):
            _refuse_binary(raw)
        text = _strict(raw, start, codec, encoding, None)
        if _control_heavy(text):
            raise BadInput(f"looks like binary data (mostly control characters when read as {encoding})")
        return text, codec

    bom = sniff_bom(raw)
    if bom:
        codec, label, start = bom
        text = _strict(raw, start, codec, label, None)
    else:
        _refuse_binary(raw)
        codec = "utf-8"
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            if declared is None:
                where = _position(raw, e.start)
                raise BadInput(f"not valid UTF-8 at {where}; {_hint(raw)}") from None
            codec = lookup(declared)
            text = _strict(raw, 0, codec, f"{declared} (the page's declared charset)",
                           "try --encoding with the real one")
    if _control_heavy(text):
        raise BadInput("looks like binary data (mostly control characters)")
    return text, codec


def _refuse_binary(raw: bytes) -> None:
    reason = binary_reason(raw)
    if reason:
        raise BadInput(f"looks like binary data ({reason}), not a text article")
