"""The section ranker: a logistic model per section over clause features (features.py).

The weights are data (``weights.json`` beside this file), written by ``make train``
(tools/train.py) from the dev gold and reviewed like code: one weight per line, keys sorted,
fixed precision. They hold no article text, only feature names and numbers. JSON rather than
TOML: ``json`` reads them in a fraction of a millisecond, ``tomllib`` (pure Python) in about 6,
in every fresh process. ``spec`` is a fingerprint of what the feature names stand for
(the cue lexicons): a weights file trained on other lexicons is refused rather than silently
misread. Loaded once, on first use.
"""
from __future__ import annotations

import hashlib
import json
import math
from functools import lru_cache
from importlib import resources

from briefgen.extract import cues

FORMAT = 1
WEIGHTS = "weights.json"


def spec() -> str:
    """Fingerprint of the cue lexicons the ``cue:<section>:<k>`` features index into."""
    h = hashlib.sha256()
    for name, lex in (("purpose", cues.PURPOSE), ("expectations", cues.EXPECT), ("context", cues.CONTEXT)):
        h.update(name.encode())
        for cue, w in lex:
            h.update(f"\0{cue.source}\0{w}".encode())
    return h.hexdigest()[:16]


class Model:
    """Per section: feature weights, the probability a clause needs (``threshold``), the most
    clauses kept (``cap``) and the lower bar the article's best clause needs (``floors``): a
    section is ranked within its article, so the clause that best states an article's purpose is
    kept even when the model is less sure of it than of clauses in other articles (outlets
    phrase a goal differently; the relative rank carries over to unseen ones better than an
    absolute bar). A section without a floor uses its threshold. A plain class, not a
    dataclass: nothing compares models, and a dataclass's generated methods cost start-up
    time in every fresh process (no __slots__: models tools/logo.py pickled still load)."""

    def __init__(self, weights: dict[str, dict[str, float]], thresholds: dict[str, float], caps: dict[str, int],
                 meta: dict | None = None, floors: dict[str, float] | None = None) -> None:
        self.weights = weights
        self.thresholds = thresholds
        self.caps = caps
        self.meta = {} if meta is None else meta
        self.floors = {} if floors is None else floors

    def floor(self, section: str) -> float:
        return min(self.floors.get(section, 1.0), self.thresholds[section])

    def margin(self, section: str, feats: dict[str, float]) -> float:
        w = self.weights.get(section, {})
        return sum(w.get(k, 0.0) * v for k, v in feats.items())

    def prob(self, section: str, feats: dict[str, float]) -> float:
        z = max(-30.0, min(30.0, self.margin(section, feats)))
        return 1.0 / (1.0 + math.exp(-z))

    def contributions(self, section: str, feats: dict[str, float]) -> list[tuple[str, float]]:
        """(feature, weight x value) of the features that fired, largest effect first."""
        w = self.weights.get(section, {})
        out = [(k, w.get(k, 0.0) * v) for k, v in feats.items() if w.get(k, 0.0) * v]
        return sorted(out, key=lambda kv: (-abs(kv[1]), kv[0]))


class StaleWeights(RuntimeError):
    """The weights file was trained for other cue lexicons or another format."""


def from_dict(data: dict, *, check: bool = True) -> Model:
    if data.get("format") != FORMAT:
        raise StaleWeights(f"weights format {data.get('format')!r}, expected {FORMAT}: run `make train`")
    if check and data.get("spec") != spec():
        raise StaleWeights("weights were trained on other cue lexicons: run `make train`")
    sections = data["sections"]
    return Model(weights={s: dict(v["weights"]) for s, v in sections.items()},
                 thresholds={s: float(v["threshold"]) for s, v in sections.items()},
                 caps={s: int(v["cap"]) for s, v in sections.items()},
                 meta={k: v for k, v in data.items() if k != "sections"},
                 floors={s: float(v["floor"]) for s, v in sections.items() if "floor" in v})


def to_json(model: Model) -> str:
    """The weights file's text: sorted keys, one weight per line, fixed precision (weights to 4
    decimals, thresholds and floors to 3; weights that round to 0 left out), so that training
    twice gives the same bytes and a retraining reads as a diff."""
    sections = {}
    for s in model.weights:
        sec = {"threshold": round(model.thresholds[s], 3), "cap": model.caps[s],
               "weights": {k: round(v, 4) for k, v in model.weights[s].items() if round(v, 4)}}
        if s in model.floors:
            sec["floor"] = round(model.floors[s], 3)
        sections[s] = sec
    meta = {k: v for k, v in model.meta.items() if k not in ("format", "spec")}
    data = {**meta, "format": FORMAT, "spec": spec(), "sections": sections}
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def default() -> Model:
    """The shipped model (read once per process)."""
    raw = resources.files("briefgen.extract").joinpath(WEIGHTS).read_text(encoding="utf-8")
    return from_dict(json.loads(raw))
