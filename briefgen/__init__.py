"""briefgen: a news report of an official visit, summit or talks in, a grounded one-page memo out.

The library API mirrors the CLI; the stages live in their own modules
(``briefgen.extract.extract``, ``briefgen.compose.context.compose``,
``briefgen.layout.fit.fit``). Names here are imported lazily so that
``import briefgen`` (and ``briefgen --version``) stays fast and does not load
reportlab or python-docx until a memo is actually drawn.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "read_article": "briefgen.sources.read",
    "Article": "briefgen.model.article",
    "Briefing": "briefgen.model.briefing",
    "to_json": "briefgen.model.briefing",
    "load_template": "briefgen.compose.template",
    "MemoOptions": "briefgen.compose.context",
    "RENDERERS": "briefgen.render",
    "BuildOptions": "briefgen.app.build",
    "build_article": "briefgen.app.build",
    "build_file": "briefgen.app.build",
    "ExitStatus": "briefgen.status",
    "BriefgenError": "briefgen.status",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
