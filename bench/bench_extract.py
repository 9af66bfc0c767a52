"""Benchmark: extraction time per article after import (target: < 20 ms for ~1,000 words).

Run: .venv/bin/python bench/bench_extract.py [--runs N]
Prints the min and the median over N runs (the machine is shared: the min is the
cost, the median what a user sees) for each sample in source/, for a ~1,000-word
text built from the samples' paragraphs, and for the dev-set articles when
../shared/eval/dev exists (read in place, never copied). Not a test: timing
belongs here.
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from pathlib import Path

from briefgen.extract import extract
from briefgen.model.article import Article
from briefgen.sources.read import read_article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
# Each pass over the samples opens its paragraphs differently, so that the segmenter
# does not drop them as repeats and the body really holds ~1,000 words.
_OPENERS = ("", "Separately, ", "Meanwhile, ", "Earlier, ", "Later, ")


def synthetic(words: int = 1000) -> Article:
    paras: list[str] = []
    for p in sorted((ROOT / "source").glob("*.txt")):
        paras += [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    out, n, i = [], 0, 0
    while n < words and paras:
        lap, k = divmod(i, len(paras))
        out.append(_OPENERS[lap % len(_OPENERS)] + paras[k])
        n += len(out[-1].split())
        i += 1
    text = "Synthetic briefing benchmark\n\n" + "\n\n".join(out) + "\n"
    return Article(text=text, origin="synthetic.txt", sha256=hashlib.sha256(text.encode()).hexdigest())


def timings(article: Article, runs: int) -> tuple[float, float]:
    """(min, median) milliseconds per extraction."""
    extract(article)  # warm caches (regex compilation happens at import anyway)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        extract(article)
        times.append((time.perf_counter() - t) * 1000)
    return min(times), statistics.median(times)


def _line(label: str, article: Article, runs: int) -> str:
    lo, med = timings(article, runs)
    return f"{label:44} {len(article.text.split()):5d} words  min {lo:6.2f} ms  median {med:6.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    for p in sorted((ROOT / "source").glob("*.txt")):
        print(_line(p.name, read_article(p), args.runs))
    s = synthetic()
    body = extract(s).source.words
    print(_line(f"synthetic ({body} body words)", s, args.runs))
    if DEV.is_dir():
        arts = [read_article(p) for p in sorted(DEV.glob("*.txt"))]
        longest = max(arts, key=lambda a: len(a.text.split()))
        print(_line(f"dev: longest ({Path(longest.origin).name[:28]})", longest, args.runs))
        t = time.perf_counter()
        for a in arts:
            extract(a)
        print(f"dev: all {len(arts)} articles, one pass: {(time.perf_counter() - t) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
