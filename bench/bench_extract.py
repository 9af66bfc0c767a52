"""Benchmark: extraction time per article after import (target: < 20 ms for ~1,000 words).

Run: .venv/bin/python bench/bench_extract.py [--runs N]
Prints the median over N runs for each sample in source/ and for a ~1,000-word
text made by concatenating the samples' paragraphs. Not a test: timing belongs here.
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from pathlib import Path

from briefgen.extract import extract
from briefgen.sources import Article, read_article

ROOT = Path(__file__).resolve().parents[1]


def _synthetic(words: int = 1000) -> Article:
    paras: list[str] = []
    for p in sorted((ROOT / "source").glob("*.txt")):
        paras += [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    out, n, i = [], 0, 0
    while n < words and paras:
        out.append(paras[i % len(paras)])
        n += len(paras[i % len(paras)].split())
        i += 1
    text = "Synthetic briefing benchmark\n\n" + "\n".join(out) + "\n"
    return Article(text=text, origin="synthetic.txt", sha256=hashlib.sha256(text.encode()).hexdigest())


def median_ms(article: Article, runs: int) -> float:
    extract(article)  # warm caches (regex compilation happens at import anyway)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        extract(article)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    for p in sorted((ROOT / "source").glob("*.txt")):
        a = read_article(p)
        print(f"{p.name:40} {len(a.text.split()):5d} words  median {median_ms(a, args.runs):6.2f} ms")
    s = _synthetic()
    print(f"{'synthetic (concatenated)':40} {len(s.text.split()):5d} words  median {median_ms(s, args.runs):6.2f} ms")


if __name__ == "__main__":
    main()
