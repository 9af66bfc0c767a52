"""The writer registry: one entry per output format, each ``render(FittedMemo) -> bytes``.

Adding a format is one module with a ``render`` function and one line here.
Modules are imported on first use, so listing the formats (the CLI's choices)
does not import reportlab or python-docx.
"""
from __future__ import annotations

import importlib
from typing import Callable

_MODULES = {
    "pdf": "briefgen.render.pdf",
    "docx": "briefgen.render.docx",
    "md": "briefgen.render.md",
    "html": "briefgen.render.html",
    "json": "briefgen.render.json",
}


class _LazyRenderer:
    """Calls ``module.render`` and imports the module on the first call only."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.loaded: Callable | None = None

    def __call__(self, fitted) -> bytes:
        if self.loaded is None:
            self.loaded = importlib.import_module(self.module).render
        return self.loaded(fitted)

    def __repr__(self) -> str:
        return f"<renderer {self.module}.render>"


RENDERERS: dict[str, Callable] = {fmt: _LazyRenderer(mod) for fmt, mod in _MODULES.items()}
FORMATS = tuple(RENDERERS)
DEFAULT_FORMATS = ("pdf", "docx")
