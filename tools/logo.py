"""Leave-one-group-out evaluation of the section ranker: the honest score on unseen outlets.

Run: ``make logo`` (``python -m tools.logo``). For each group of the dev set (the id before
the first "-": bbc, cnn, wsj ...), train the ranker on the other groups (tools/train.py:
weights, thresholds and caps alike), predict the held-out group's articles with it and write
``ID.json`` into one folder; then score every article with the shared scorer
(``score.py --pred DIR --by-group``) and print its table. ``--in-sample`` instead predicts
every article with the shipped weights (the number a lead sees with ``score.py --cmd``).

``--quick`` (about half the time, no extraction past ``agenda``) estimates it on clauses: each
group's clause probabilities from a model trained without it, each group's threshold, cap and
floor chosen on the other groups' out-of-group probabilities, and the scorer's F1 computed on
clauses (train.prefix_f1). It also prints the mean average precision of the positives within
their article: how well the model ranks, apart from how many clauses it keeps. On the 65 dev
articles the F1 part moves by +-0.03 between feature sets whose ranking (AP) hardly differs:
most of it is how the threshold chosen without a group suits that group.
"""
from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from briefgen.extract import extract, ranker
from briefgen.model.briefing import to_json
from tools import train
from tools.devset import DEV, SCORER, load


def write(pred_dir: Path, aid: str, article, model) -> None:
    data = to_json(extract(article, model=model), article.text)
    (pred_dir / f"{aid}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def average_precision(rec: train.Record, section: str, probs: list[float]) -> float | None:
    """Mean precision at each positive clause, clauses ranked by probability (None: no positive)."""
    order = sorted(range(len(probs)), key=lambda k: (-probs[k], k))
    hits, total = 0, 0.0
    for i, k in enumerate(order, 1):
        if rec.label(section, k):
            hits += 1
            total += hits / i
    return total / hits if hits else None


def quick(records: list[train.Record]) -> dict[str, tuple[float, float]]:
    """Per section: (clause-level leave-one-group-out F1, mean average precision)."""
    groups = sorted({r.group for r in records})
    out = {}
    for sec in train.SECTIONS:
        probs: dict[str, list[float]] = {}
        for g in groups:
            w = train.fit([r for r in records if r.group != g], sec)
            probs.update((r.id, train.predict(w, r.features, sec)) for r in records if r.group == g)
        f1 = 0.0
        for g in groups:
            t, cap, floor, _ = train.choose([(r, probs[r.id]) for r in records if r.group != g], sec)
            for r in records:
                if r.group == g:
                    ranked, f1s = train.prefix_f1(probs[r.id], r.spans, r.gold[sec])
                    f1 += f1s[train.kept(ranked, t, cap, floor)]
        aps = [a for r in records if (a := average_precision(r, sec, probs[r.id])) is not None]
        out[sec] = (f1 / len(records), sum(aps) / len(aps))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEV)
    ap.add_argument("--pred", type=Path, help="write the predictions here (default: a temporary folder)")
    ap.add_argument("--in-sample", action="store_true", help="predict with the shipped weights instead")
    ap.add_argument("-v", "--verbose", action="store_true", help="the scorer's misses and extras")
    ap.add_argument("--json", action="store_true", help="the scorer's JSON")
    ap.add_argument("--quick", action="store_true", help="estimate on clauses (F1 and ranking AP), no scorer run")
    ap.add_argument("--models", type=Path, help="keep the held-out models in this folder and reuse them on the "
                    "next run: for changes after the ranker (rank.py); stale once features or training change")
    args = ap.parse_args(argv)
    if not args.gold.is_dir() or not SCORER.exists():
        print(f"no gold folder or scorer beside {args.gold}", file=sys.stderr)
        return 2
    examples = load(args.gold)
    if args.quick:
        for sec, (f1, ap_) in quick([train.record(ex) for ex in examples]).items():
            print(f"{sec:<13} clause LOGO F1 {f1:.3f}   ranking AP {ap_:.3f}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        pred_dir = args.pred or Path(tmp)
        pred_dir.mkdir(parents=True, exist_ok=True)
        if args.in_sample:
            model = ranker.default()
            for ex in examples:
                write(pred_dir, ex.id, ex.article, model)
        else:
            records = None
            for group in sorted({ex.group for ex in examples}):
                cached = args.models / f"{group}.pickle" if args.models else None
                if cached and cached.exists():
                    model = pickle.loads(cached.read_bytes())
                else:
                    records = records or [train.record(ex) for ex in examples]
                    model = train.train([r for r in records if r.group != group])
                    if cached:
                        cached.parent.mkdir(parents=True, exist_ok=True)
                        cached.write_bytes(pickle.dumps(model))
                for ex in examples:
                    if ex.group == group:
                        write(pred_dir, ex.id, ex.article, model)
                print(f"  held out {group}: thresholds " + " ".join(
                    f"{s[:4]} {model.thresholds[s]:.2f}/{model.caps[s]}/{model.floor(s):.2f}" for s in train.SECTIONS),
                    file=sys.stderr)
        cmd = [sys.executable, str(SCORER), str(args.gold), "--pred", str(pred_dir)]
        cmd += ["--json"] if args.json else ["--by-group"] + (["-v"] if args.verbose else [])
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
