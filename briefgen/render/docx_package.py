"""Package-level DOCX details: the template's reference.docx, fixed core properties, the
generator in docProps/app.xml and a byte-reproducible zip container.

python-docx writes the package; this module re-zips what it wrote with a fixed entry order
([Content_Types].xml and _rels/.rels first, then by name), fixed times (SOURCE_DATE_EPOCH
or 1980-01-01) and fixed permissions, so the same memo always gives the same bytes.
"""
from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from briefgen import __version__

ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)  # the earliest time a zip entry can hold
GENERATOR = f"briefgen {__version__}"
REFERENCE = "reference.docx"


def fixed_time(iso: str = "") -> datetime:
    """The document's timestamp: ``iso`` when given, else SOURCE_DATE_EPOCH, else 1980-01-01.
    Never the current time, so the same memo always yields the same bytes."""
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


def reference_path(style) -> Path:
    """The template's reference.docx; the default template's for a folder without one (a
    house style made before templates shipped it)."""
    if style.folder is not None:
        own = Path(style.folder) / REFERENCE
        if own.is_file():
            return own
    from importlib.resources import files

    return Path(str(files("briefgen.templates") / "default" / REFERENCE))


MAX_REFERENCE = 2_000_000  # bytes: a reference document holds styles, not content


@lru_cache(maxsize=16)
def reference_bytes(path: Path) -> bytes:
    """The reference document's bytes, read once per process (kept in memory only)."""
    from briefgen.status import TemplateError

    try:
        if path.stat().st_size > MAX_REFERENCE:
            raise TemplateError(f"{path.name} is larger than {MAX_REFERENCE // 1_000_000} MB", source=str(path))
        return path.read_bytes()
    except OSError as e:
        raise TemplateError(f"cannot read {path.name} ({e})", source=str(path)) from None


def set_core_properties(doc, meta) -> None:
    """Title, author, subject, keywords, language and fixed dates from MemoMeta."""
    cp = doc.core_properties
    when = fixed_time(meta.created).replace(tzinfo=None)
    cp.title, cp.author, cp.subject = meta.title, meta.author, meta.subject
    cp.keywords = ", ".join(meta.keywords)
    cp.language = meta.language or "en"
    cp.comments = GENERATOR
    cp.category = ""
    cp.last_modified_by = meta.author
    cp.revision = 1
    cp.created = cp.modified = when
    if cp.last_printed is not None:
        cp.last_printed = when


def app_properties() -> bytes:
    """docProps/app.xml naming briefgen as the application (overwrite protection reads it)."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Pages>1</Pages><Application>{GENERATOR}</Application><DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>").encode("utf-8")


def _entry_order(name: str) -> tuple[int, str]:
    return {"[Content_Types].xml": 0, "_rels/.rels": 1}.get(name, 2), name


def save(doc) -> bytes:
    """``doc`` saved by python-docx, re-zipped reproducibly, with briefgen's app properties."""
    raw = io.BytesIO()
    doc.save(raw)
    with zipfile.ZipFile(raw) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["docProps/app.xml"] = app_properties()
    t = epoch_time()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts, key=_entry_order):
            info = zipfile.ZipInfo(name, (t.year, t.month, t.day, t.hour, t.minute, t.second))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o100644 << 16
            z.writestr(info, parts[name])
    return out.getvalue()
