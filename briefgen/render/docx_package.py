"""Package-level DOCX details: python-docx's template package read without python-docx,
fixed core properties and a byte-reproducible zip container.

The container is written here, not by python-docx: a fixed entry order, fixed times
(SOURCE_DATE_EPOCH or 1980-01-01) and fixed permissions, each part deflated once.
Parts that are the same for every memo of a style (styles.xml alone is ~350 kB)
are deflated once per process and their compressed bytes reused (``Deflated``).
"""
from __future__ import annotations

import importlib.util
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from lxml import etree

from briefgen.render import xml_escape as escape


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


_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


def set_core_properties(core, meta, *, generator: str) -> None:
    """Title, author, subject, keywords, language and fixed dates from MemoMeta, on the
    cp:coreProperties root ``core``, as python-docx's CoreProperties setters write them
    (a missing element is appended; text over 255 characters is refused, as there)."""
    when = fixed_time(meta.created).replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%SZ")

    def put(tag: str, value: str):
        if len(value) > 255:
            raise ValueError(f"exceeded 255 char limit for property, got:\n\n'{value}'")
        el = core.find(tag)
        if el is None:
            el = etree.SubElement(core, tag)
        el.text = value
        return el

    put(_DC + "title", meta.title)
    put(_DC + "creator", meta.author)
    put(_DC + "subject", meta.subject)
    put(_CP + "keywords", ", ".join(meta.keywords))
    put(_DC + "language", meta.language or "en")
    put(_DC + "description", generator)
    put(_CP + "category", "")
    put(_CP + "lastModifiedBy", meta.author)
    put(_CP + "revision", "1")
    for tag in ("created", "modified"):
        put(_DCTERMS + tag, when).set(_XSI_TYPE, "dcterms:W3CDTF")


# ----------------------------------------------------------------------------- template package
# python-docx's own default.docx, read as a zip without importing python-docx: the parts
# python-docx would re-serialise (XML parts it models, every .rels, [Content_Types].xml) are
# written as it writes them; the rest is copied verbatim. The thumbnail (of some other
# document) is dropped, and an empty header and footer part are added.

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_MODELLED = {"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
             "docProps/core.xml"}  # XML parts python-docx parses (and so re-serialises)
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _package_dir() -> Path:
    spec = importlib.util.find_spec("docx")  # locates python-docx without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("python-docx is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _xml(root) -> bytes:
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _rels_xml(rels: list[tuple[str, str, str, bool]]) -> bytes:
    root = etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})
    for rid, reltype, target, external in rels:
        el = etree.SubElement(root, f"{{{_REL_NS}}}Relationship", Id=rid, Type=reltype, Target=target)
        if external:
            el.set("TargetMode", "External")
    return _xml(root)


def _read_rels(raw: bytes) -> list[tuple[str, str, str, bool]]:
    return [(r.get("Id"), r.get("Type"), r.get("Target"), r.get("TargetMode") == "External")
            for r in etree.fromstring(raw, _PARSER).iter(f"{{{_REL_NS}}}Relationship")]


def _next_rid(rels) -> str:
    used = {r[0] for r in rels}
    n = 1
    while f"rId{n}" in used:
        n += 1
    return f"rId{n}"


@dataclass(frozen=True)
class TemplatePackage:
    """default.docx with a header and a footer part: raw XML of the parts a memo fills,
    and every other part ready to store (``static``)."""
    raw: dict
    static: dict
    header_name: str
    footer_name: str
    header_rid: str
    footer_rid: str

    def parse(self, name: str):
        return etree.fromstring(self.raw[name], _PARSER)


_DEFAULT_TYPES = {"rels": "application/vnd.openxmlformats-package.relationships+xml",
                  "xml": "application/xml"}


def template_files() -> tuple[Path, Path, Path]:
    """python-docx's files the package is made from."""
    root = _package_dir() / "templates"
    return root / "default.docx", root / "default-header.xml", root / "default-footer.xml"


def template_package_parser():
    """The parser python-docx reads parts with (so re-serialised parts come out alike)."""
    return _PARSER


@lru_cache(maxsize=1)
def template_package() -> TemplatePackage:
    root = _package_dir() / "templates"
    with zipfile.ZipFile(root / "default.docx") as z:
        raw = {i.filename: z.read(i) for i in z.infolist()}
    raw["header"] = (root / "default-header.xml").read_bytes()
    raw["footer"] = (root / "default-footer.xml").read_bytes()

    pkg_rels = [r for r in _read_rels(raw["_rels/.rels"]) if r[1] != _THUMBNAIL]
    thumbs = {"docProps/" + r[2].split("/")[-1] for r in _read_rels(raw["_rels/.rels"])
              if r[1] == _THUMBNAIL}
    doc_rels = _read_rels(raw["word/_rels/document.xml.rels"])
    names = {}
    for kind in ("header", "footer"):
        n = 1
        while f"word/{kind}{n}.xml" in raw:
            n += 1
        names[kind] = f"word/{kind}{n}.xml"
        doc_rels.append((_next_rid(doc_rels), _RT + kind, f"{kind}{n}.xml", False))

    types = etree.fromstring(raw["[Content_Types].xml"], _PARSER)
    overrides = {o.get("PartName"): o.get("ContentType")
                 for o in types.iter(f"{{{_CT_NS}}}Override")}
    overrides = {k: v for k, v in overrides.items() if k.lstrip("/") in raw and k.lstrip("/") not in thumbs}
    overrides["/" + names["header"]] = _WML + "header+xml"
    overrides["/" + names["footer"]] = _WML + "footer+xml"
    ct = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
    for ext in sorted(_DEFAULT_TYPES):
        etree.SubElement(ct, f"{{{_CT_NS}}}Default", Extension=ext, ContentType=_DEFAULT_TYPES[ext])
    for name in sorted(overrides):
        etree.SubElement(ct, f"{{{_CT_NS}}}Override", PartName=name, ContentType=overrides[name])

    static = {"[Content_Types].xml": deflate(_xml(ct)), "_rels/.rels": deflate(_rels_xml(pkg_rels)),
              "word/_rels/document.xml.rels": deflate(_rels_xml(doc_rels))}
    for name, data in raw.items():
        if name in static or name in thumbs or name in ("header", "footer", "[Content_Types].xml"):
            continue
        if name.endswith(".rels"):
            static[name] = deflate(_rels_xml(_read_rels(data)))
        elif name in _MODELLED:
            if name == "word/settings.xml":
                static[name] = deflate(_xml(etree.fromstring(data, _PARSER)))
        elif name not in ("docProps/app.xml",):
            static[name] = deflate(data)
    return TemplatePackage(raw=raw, static=static, header_name=names["header"],
                           footer_name=names["footer"], header_rid=doc_rels[-2][0],
                           footer_rid=doc_rels[-1][0])


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
