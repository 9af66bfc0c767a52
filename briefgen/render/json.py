"""JSON writer: the Briefing, the fitted block tree and the fit report in one document.

Blocks become plain dicts with a ``type`` key (``banner``, ``section``,
``bullets`` ...); entries, runs and fields keep their dataclass field names.
Keys are sorted and the output ends with a newline, so equal memos give equal bytes.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from briefgen import __version__
from briefgen.model.blocks import Banner, Bullets, Footer, HeaderFields, Para, Quotes, Rule, Section

_TYPED = {Banner: "banner", HeaderFields: "header", Section: "section", Rule: "rule",
          Footer: "footer", Para: "para", Bullets: "bullets", Quotes: "quotes"}


def plain(obj: Any) -> Any:
    """Dataclasses, tuples and mappings as JSON-ready dicts and lists."""
    if is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: plain(getattr(obj, f.name)) for f in fields(obj)}
        kind = _TYPED.get(type(obj))
        if kind:
            out["type"] = kind
        return out
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    return obj


def render(fitted) -> bytes:
    """``{"generator", "briefing", "memo", "fit"}`` of a FittedMemo as UTF-8 JSON."""
    doc = {
        "generator": f"briefgen {__version__}",  # app/provenance.py reads it
        "briefing": plain(fitted.briefing) if fitted.briefing is not None else None,
        "memo": plain(fitted.memo),
        "fit": fitted.report.to_dict(),
    }
    return (json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
