"""Package-level DOCX details: fixed core properties and a byte-reproducible zip container.

The container is written here, not by python-docx: a fixed entry order, fixed times
(SOURCE_DATE_EPOCH or 1980-01-01) and fixed permissions, each part deflated once.
Parts that are the same for every memo of a style (styles.xml alone is ~350 kB)
are deflated once per process and their compressed bytes reused (``Deflated``).
"""
from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from xml.sax.saxutils import escape

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)  # the earliest time a zip entry can hold
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def fixed_time(iso: str = "") -> datetime:
    """The document's timestamp: ``iso`` when given, else SOURCE_DATE_EPOCH, else 1980-01-01.

    Never the current time, so the same memo always yields the same bytes.
    """
    if iso:
        try:
            t = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            t = None
        if t is not None:
            if t.tzinfo is None:
                t = t.replace(tzinfo=timezone.utc)
            return t.astimezone(timezone.utc).replace(microsecond=0)
    return epoch_time()


def epoch_time() -> datetime:
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw.isdigit():
        return max(datetime.fromtimestamp(int(raw), tz=timezone.utc), ZIP_EPOCH)
    return ZIP_EPOCH


def set_core_properties(cp, meta, *, generator: str) -> None:
    """Title, author, subject, keywords, language and fixed dates from MemoMeta
    (``cp``: python-docx CoreProperties)."""
    when = fixed_time(meta.created).replace(tzinfo=None)
    cp.title = meta.title
    cp.author = meta.author
    cp.subject = meta.subject
    cp.keywords = ", ".join(meta.keywords)
    cp.language = meta.language or "en"
    cp.comments = generator
    cp.category = ""
    cp.last_modified_by = meta.author
    cp.revision = 1
    cp.created = when
    cp.modified = when


def drop_thumbnail(doc) -> None:
    """python-docx's template ships a thumbnail of some other document: drop it."""
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == _THUMBNAIL:
            del rels[rid]


def app_properties(generator: str) -> bytes:
    """docProps/app.xml naming briefgen, not the Word that made python-docx's template."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Pages>1</Pages><Application>{escape(generator)}</Application><DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>").encode("utf-8")


# ----------------------------------------------------------------------------- zip

@dataclass(frozen=True)
class Deflated:
    """One part's content, compressed once: what a zip entry stores."""
    data: bytes  # raw deflate stream
    crc: int
    size: int


def deflate(content: bytes) -> Deflated:
    """Deflate as zipfile does (level 6, raw stream), so the bytes match a zipfile-written entry."""
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Deflated(c.compress(content) + c.flush(), zlib.crc32(content), len(content))


def _entry_order(name: str) -> tuple[int, str]:
    first = {"[Content_Types].xml": 0, "_rels/.rels": 1}
    return first.get(name, 2), name


_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DEFLATED = 8  # zip compression method


def zip_package(entries: dict[str, Deflated]) -> bytes:
    """A zip of ``entries``: sorted ([Content_Types].xml and _rels/.rels first), each
    deflated, dated SOURCE_DATE_EPOCH (or 1980-01-01), mode 0644, made on Unix: the
    same bytes zipfile would write for these ZipInfo settings, without deflating twice."""
    t = epoch_time()
    dostime = t.second // 2 | t.minute << 5 | t.hour << 11
    dosdate = (t.year - 1980) << 9 | t.month << 5 | t.day
    body, central = [], []
    offset = 0
    for name in sorted(entries, key=_entry_order):
        e = entries[name]
        raw = name.encode("ascii")
        local = _LOCAL.pack(b"PK\003\004", 20, 0, 0, _DEFLATED, dostime, dosdate,
                            e.crc, len(e.data), e.size, len(raw), 0)
        body += (local, raw, e.data)
        central.append(_CENTRAL.pack(b"PK\001\002", 20, 3, 20, 0, 0, _DEFLATED, dostime,
                                     dosdate, e.crc, len(e.data), e.size, len(raw), 0, 0, 0, 0,
                                     0o100644 << 16, offset) + raw)
        offset += len(local) + len(raw) + len(e.data)
    directory = b"".join(central)
    end = _END.pack(b"PK\005\006", 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(body) + directory + end
