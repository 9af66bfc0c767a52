"""What both readers share: text normalisation and page-size names."""
from __future__ import annotations

import re
from typing import Any

PAGE_NAMES = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0), "Legal": (612.0, 1008.0),
              "A3": (841.89, 1190.55), "A5": (419.53, 595.28)}
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def page_size(width: float, height: float) -> dict[str, Any]:
    """Name (A4, Letter ... or "custom", "-landscape" when wider than tall) and points."""
    w, h = sorted((width, height))
    name = next((n for n, (pw, ph) in PAGE_NAMES.items() if abs(pw - w) < 1.5 and abs(ph - h) < 1.5),
                "custom")
    if name != "custom" and width > height:
        name += "-landscape"
    return {"name": name, "width": round(width, 1), "height": round(height, 1)}
