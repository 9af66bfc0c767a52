"""Package-level DOCX details: fixed core properties and byte-reproducible zip output.

python-docx stamps nothing time-dependent into the parts we keep, but the zip
container records each entry's wall-clock time and the order python-docx
happens to write. ``normalise_zip`` rewrites the container with a fixed entry
order, fixed times (SOURCE_DATE_EPOCH or 1980-01-01) and fixed permissions.
"""
from __future__ import annotations

import io
import os
import zipfile
from xml.sax.saxutils import escape
from datetime import datetime, timezone

from docx.opc.constants import RELATIONSHIP_TYPE as RT

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)  # the earliest time a zip entry can hold


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


def set_core_properties(doc, meta, *, generator: str) -> None:
    """Title, author, subject, keywords, language and fixed dates from MemoMeta."""
    cp = doc.core_properties
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
        if rel.reltype == RT.THUMBNAIL:
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


def _entry_order(name: str) -> tuple[int, str]:
    first = {"[Content_Types].xml": 0, "_rels/.rels": 1}
    return first.get(name, 2), name


def normalise_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a DOCX container with sorted entries, a fixed time and fixed modes
    (``replace`` swaps the content of existing entries)."""
    stamp = epoch_time()
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {i.filename: src.read(i) for i in src.infolist()}
    for name, content in (replace or {}).items():
        if name in entries:
            entries[name] = content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in sorted(entries, key=_entry_order):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            dst.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
