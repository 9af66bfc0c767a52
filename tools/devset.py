"""The gold set as the developer scripts see it: articles read as the CLI reads them, gold as JSON.

Only these scripts read ../shared/eval: the package never does.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefgen.model.article import Article
from briefgen.sources.read import read_article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@dataclass(frozen=True)
class Example:
    id: str
    group: str  # the part of the id before the first "-"
    article: Article
    gold: dict


def load(folder: Path = DEV) -> list[Example]:
    """Every ID.txt with its ID.gold.json, sorted by id (deterministic)."""
    out = []
    for g in sorted(folder.glob("*.gold.json")):
        aid = g.name[: -len(".gold.json")]
        art = read_article(g.with_name(aid + ".txt"))
        out.append(Example(aid, aid.split("-", 1)[0], art, json.loads(g.read_text(encoding="utf-8"))))
    return out


def gold_spans(ex: Example, section: str) -> list[tuple[int, int]]:
    """Offsets of each gold item's evidence (required and optional alike)."""
    out = []
    for it in ex.gold.get(section, []):
        ev = it.get("evidence")
        if ev:
            i = ex.article.text.find(ev)
            if i >= 0:
                out.append((i, i + len(ev)))
    return out
