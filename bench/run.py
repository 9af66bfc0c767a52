"""briefgen's speed, measured against a bare reference script in the same run (``make bench``).

Every figure is a ratio to bench/reference.py (reportlab + python-docx writing the same
fitted memo's lines with the same embedded TrueType font), run in turn with briefgen:
- fresh-process wall time, CPU time and peak RSS of ``briefgen --version``, ``extract
  --format json``, ``build`` (PDF + DOCX) and of the reference, each measured twice:
  * "no caches": PYTHONDONTWRITEBYTECODE=1, briefgen's own ``__pycache__`` removed first (so
    its modules compile from source on every run, as in a container that sets the variable;
    installed libraries keep the bytecode pip compiled) and an empty XDG cache folder per run;
  * "bytecode allowed": Python writes and reuses bytecode, the XDG cache folder persists;
- in-process time per memo over 200 builds, split by stage, the resident memory along the
  way, and the reference's per-memo time, the two taken in turns (five stretches each);
- a long article (~1,400 words, fitting must drop items) against the sample, built in turns;
- a batch of 60 articles with --jobs 1 and --jobs 2: time, throughput, peak RSS per worker.
Medians with min and max over several runs after a warm-up, the commands compared taking
turns, so ratios hold on a noisy machine (still: run it on an idle one, since the --jobs 2
figure needs both cores). About 3 minutes on 2 cores. Speed targets live here and in the
issue, never in unit tests.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source" / "blinken-beijing-2023.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev"
BIN = Path(sys.executable).parent
BRIEFGEN = str(BIN / "briefgen")
DATE = "2023-06-18"
# Subprocesses run as a user's would; each fresh-process mode below adjusts this.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
MODES = ("no_caches", "bytecode")


def stats(xs: list[float]) -> dict:
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak RSS MiB, CPU seconds) of one fresh process. Peak and CPU come from
    GNU time, a small process forking the command: Linux keeps ru_maxrss across exec, so a
    child forked straight from this (big) process would report this process's size. CPU
    seconds (user + system) are what a busy machine disturbs least."""
    cmd = [TIME, "-f", "BENCH_RSS_KIB %M %U %S", *argv] if TIME else argv
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or ENV)
    elapsed = time.perf_counter() - t0
    err = p.stderr.decode(errors="replace")
    if p.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed ({p.returncode}): {err[-500:]}")
    rows = [line.split()[1:] for line in err.splitlines() if line.startswith("BENCH_RSS_KIB ")]
    if not rows:
        return elapsed, float("nan"), float("nan")
    kib, user, system = rows[-1]
    return elapsed, int(kib) / 1024, float(user) + float(system)


def drop_own_bytecode() -> int:
    """Remove the ``__pycache__`` folders of the briefgen package being measured; returns
    how many. Installed libraries keep theirs (pip compiles them at install time)."""
    import importlib.util

    removed = 0
    for root in importlib.util.find_spec("briefgen").submodule_search_locations or []:
        for cache in Path(root).rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
            removed += 1
    return removed


def mode_env(mode: str, tmp: Path, run: int) -> dict[str, str]:
    """The environment of one fresh process in ``mode``."""
    if mode == "no_caches":
        xdg = tmp / "xdg-empty" / str(run)  # a new, empty cache folder for every run
        return {**ENV, "PYTHONDONTWRITEBYTECODE": "1", "XDG_CACHE_HOME": str(xdg)}
    return {**ENV, "XDG_CACHE_HOME": str(tmp / "xdg-kept")}


def fresh(commands: dict[str, list[str]], runs: int, mode: str, tmp: Path) -> dict[str, dict]:
    """Fresh-process wall time (median, min, max) and peak RSS of each command, run in turn
    (round-robin, after one warm-up each) so that a machine slowing down mid-way affects
    every command alike and the ratios between them hold."""
    if mode == "no_caches":
        drop_own_bytecode()
    counter = 0
    for argv in commands.values():
        counter += 1
        run_child(argv, mode_env(mode, tmp, counter))  # warm-up: page cache (and bytecode if allowed)
    times: dict[str, list[float]] = {k: [] for k in commands}
    peaks: dict[str, list[float]] = {k: [] for k in commands}
    cpus: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for k, argv in commands.items():
            counter += 1
            t, rss, cpu = run_child(argv, mode_env(mode, tmp, counter))
            times[k].append(t)
            peaks[k].append(rss)
            cpus[k].append(cpu)
    return {k: {**stats(times[k]), "peak_rss_mib": max(peaks[k]), "cpu_s": statistics.median(cpus[k])}
            for k in commands}


def rss_mib() -> float:
    """Current resident set size of this process."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def memo_lines(fitted) -> list[list[str]]:
    """The fitted memo as [kind, text] lines, for the reference script."""
    from briefgen.model.blocks import Banner, Bullets, Footer, HeaderFields, Para, Quotes, Section

    lines = []
    for b in fitted.memo.blocks:
        match b:
            case Banner(text=t):
                lines.append(["para", t])
            case HeaderFields(title=t, fields=fs):
                lines.append(["heading", t])
                lines += [["para", f"{f.label}: {f.value}"] for f in fs]
            case Section(label=label, body=body):
                lines.append(["heading", label])
                for part in body:
                    match part:
                        case Para(entry=e):
                            lines.append(["para", e.text])
                        case Bullets(entries=es) | Quotes(entries=es):
                            for e in es:
                                lines.append(["bullet", e.text])
                                lines += [["bullet", c.text] for c in e.children]
            case Footer(lines=ls):
                lines += [["para", "".join(r.text for r in l)] for l in ls]
    return lines


def font_of() -> str | None:
    """The regular TTF the PDF embeds, so the reference embeds the same font."""
    fonts = sorted((ROOT / "templates").glob("default/fonts/*.ttf"))
    regular = [f for f in fonts if "regular" in f.name.lower()] or fonts
    return str(regular[0]) if regular else None


STAGES = ("read", "extract", "compose", "fit", "pdf", "docx")
ROUNDS = 5  # stretches of in-process builds, each after a turn of the reference


def build_once(path: Path) -> tuple[list[float], object]:
    """One memo built exactly as build_article does: (seconds per stage, fitted memo)."""
    from briefgen.compose.context import MemoOptions, compose, load_template
    from briefgen.extract import extract
    from briefgen.layout.fit import fit
    from briefgen.render import RENDERERS
    from briefgen.sources.read import read_article
    from datetime import date

    today = date.fromisoformat(DATE)
    t = [time.perf_counter()]
    article = read_article(path); t.append(time.perf_counter())
    briefing = extract(article, today=today); t.append(time.perf_counter())
    template = load_template(None)
    memo = compose(briefing, template, MemoOptions(date=today, source_text=article.text))
    t.append(time.perf_counter())
    fitted = fit(memo, template.style); t.append(time.perf_counter())
    RENDERERS["pdf"](fitted); t.append(time.perf_counter())
    RENDERERS["docx"](fitted); t.append(time.perf_counter())
    return [b - a for a, b in zip(t, t[1:])], fitted


def in_process(path: Path, n: int, between=None, rounds: int = 1) -> tuple[dict, object]:
    """Build ``path`` n times after 3 warm-up builds: time per stage, resident memory.
    ``between`` (the reference's turn) runs before each of ``rounds`` equal stretches of builds,
    so both per-memo medians come from the same stretches of machine time."""
    import gc

    per_stage: dict[str, list[float]] = {k: [] for k in STAGES}
    totals, rss = [], []
    fitted = None
    stretch = max(1, n // rounds)
    for i in range(n + 3):
        if between is not None and i >= 3 and (i - 3) % stretch == 0:
            between()
        stages, fitted = build_once(path)
        if i < 3:
            continue  # warm-up
        for k, v in zip(STAGES, stages):
            per_stage[k].append(v)
        totals.append(sum(stages))
        if i in (3, 3 + n // 2, n + 2):
            gc.collect()
            rss.append(rss_mib())
    out = {k: stats(v) for k, v in per_stage.items()}
    out["total"] = stats(totals)
    out["dropped"] = len(fitted.report.dropped)
    out["rss_mib"] = {"after_warmup": rss[0], "half": rss[1], "end": rss[-1]}
    return out, fitted


def long_vs_short(long: Path, n: int) -> dict:
    """The long article and the sample built alternately (after 3 warm-up pairs), so both
    medians come from the same stretch of machine time."""
    per = {"short": [], "long": [], "long_fit": []}
    dropped = 0
    for i in range(n + 3):
        short_stages, _ = build_once(SAMPLE)
        long_stages, fitted = build_once(long)
        if i >= 3:
            per["short"].append(sum(short_stages))
            per["long"].append(sum(long_stages))
            per["long_fit"].append(long_stages[STAGES.index("fit")])
            dropped = len(fitted.report.dropped)
    return {"short": stats(per["short"]), "per_memo": stats(per["long"]), "fit": stats(per["long_fit"]),
            "dropped": dropped, "words": len(long.read_text(encoding="utf-8").split()),
            "short_words": len(SAMPLE.read_text(encoding="utf-8").split())}


def long_article(tmp: Path, words: int = 1400) -> Path:
    """About 1,400 words: the sample plus reworded copies of its paragraphs (not dedupable)."""
    paras = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    extra = []
    for k, p in enumerate(paras):
        extra.append(p.replace("Blinken", "the secretary").replace("Beijing", "the Chinese capital")
                     + f" Officials added that talks on item {k + 1} would continue.")
    out, count = [], 0
    for p in paras + extra + [e.replace("the secretary", "the envoy") for e in extra]:
        if count >= words:
            break
        out.append(p)
        count += len(p.split())
    path = tmp / "long.txt"
    path.write_text("\n\n".join(out), encoding="utf-8")
    return path


# Runs a command as a child subreaper (Linux prctl), so every descendant is reaped by it and
# RUSAGE_CHILDREN covers the whole tree, fork-server workers included: their CPU seconds
# and the peak RSS of the largest process.
TREE = """
import ctypes, os, resource, subprocess, sys
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
u = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(p.stderr.decode(errors="replace")[-500:])
print("TREE", p.returncode, u.ru_utime + u.ru_stime, u.ru_maxrss)
"""


def batch(tmp: Path, n: int, runs: int) -> dict:
    """A batch of ``n`` articles with --jobs 1 and --jobs 2, taking turns ``runs`` times."""
    src = tmp / "batch"
    src.mkdir()
    articles = sorted(DEV.glob("*.txt")) if DEV.is_dir() else [SAMPLE]
    for i in range(n):
        shutil.copy(articles[i % len(articles)], src / f"a{i:03d}.txt")
    times, cpus, peaks = {1: [], 2: []}, {1: [], 2: []}, {1: [], 2: []}
    for r in range(runs):
        for jobs in (1, 2):
            out = tmp / f"out-{jobs}-{r}"
            argv = [sys.executable, "-c", TREE, BRIEFGEN, "build", str(src), "-o", str(out),
                    "--jobs", str(jobs), "--date", DATE, "--quiet"]
            t0 = time.perf_counter()
            p = subprocess.run(argv, capture_output=True, text=True, check=True, env=ENV)
            times[jobs].append(time.perf_counter() - t0)
            built = len(list(out.glob("*.pdf")))
            code, cpu, kib = p.stdout.split("TREE")[-1].split()
            if built != n or code != "0":
                raise RuntimeError(f"batch --jobs {jobs} built {built} of {n} memos: {p.stderr[-500:]}")
            cpus[jobs].append(float(cpu))
            peaks[jobs].append(int(kib) / 1024)
            shutil.rmtree(out)
    res = {}
    for jobs in (1, 2):
        s = stats(times[jobs])
        s["articles_per_s"] = n / s["median"]
        s["cpu_s"] = statistics.median(cpus[jobs])
        s["peak_rss_largest_process_mib"] = max(peaks[jobs])
        res[f"jobs{jobs}"] = s
    return res


def print_ratios(ratios: dict[str, float], bars: dict[str, tuple[str, float]]) -> None:
    print("ratios (bar)")
    for k, v in ratios.items():
        if k not in bars:
            print(f"  {k:<40} {v:6.2f}")
            continue
        op, bar = bars[k]
        ok = v <= bar if op == "<=" else v >= bar
        print(f"  {k:<40} {v:6.2f}  ({op} {bar})  {'ok' if ok else 'MISSED'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15, help="timed runs of each fresh-process command")
    ap.add_argument("--batch-runs", type=int, default=3, help="timed runs of each batch")
    ap.add_argument("--memos", type=int, default=200)
    ap.add_argument("--batch", type=int, default=60)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--fresh-only", action="store_true",
                    help="only the fresh-process figures (a quick check while working; "
                         "writes bench/results/fresh.json unless --out is given)")
    ap.add_argument("--mode", choices=MODES, action="append",
                    help="fresh-process mode(s) to measure (default: both)")
    args = ap.parse_args()
    modes = tuple(args.mode or MODES)
    if args.fresh_only:
        args.memos = min(args.memos, 5)
        if args.out == ap.get_default("out"):
            args.out = ROOT / "bench" / "results" / "fresh.json"
    started = time.perf_counter()
    res: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                 "settings": {"runs": args.runs, "memos": args.memos, "batch": args.batch,
                              "batch_runs": args.batch_runs}}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        _, fitted = build_once(SAMPLE)
        lines = tmp / "lines.json"
        lines.write_text(json.dumps(memo_lines(fitted)), encoding="utf-8")
        ttf = font_of()
        def ref_cmd(repeat: int) -> list[str]:
            return [sys.executable, str(ROOT / "bench" / "reference.py"), str(lines),
                    str(tmp / "ref"), str(repeat), *([ttf] if ttf else [])]

        # The reference's per-memo times, taken in turns with briefgen's builds.
        ref_times: list[float] = []
        def reference_turn() -> None:
            ref = subprocess.run(ref_cmd(max(2, args.memos // ROUNDS)), capture_output=True, text=True,
                                 check=True, env=ENV)
            ref_times.extend(json.loads(ref.stdout)["times_s"])

        stages, _ = in_process(SAMPLE, args.memos, between=reference_turn, rounds=ROUNDS)
        res["in_process"] = stages
        res["reference_per_memo"] = statistics.median(ref_times)
        commands = {
            "reference": ref_cmd(1),
            "version": [BRIEFGEN, "--version"],
            "extract": [BRIEFGEN, "extract", str(SAMPLE), "--format", "json"],
            "build": [BRIEFGEN, "build", str(SAMPLE), "-o", str(tmp / "o"), "--date", DATE, "--quiet"],
        }
        res["fresh"] = {mode: fresh(commands, args.runs, mode, tmp) for mode in modes}
        if not args.fresh_only:
            res["long_article"] = long_vs_short(long_article(tmp), max(args.memos // 5, 20))
            res["batch"] = batch(tmp, args.batch, args.batch_runs)
    res["bench_seconds"] = time.perf_counter() - started

    ratios = {}
    for mode in modes:
        fr = res["fresh"][mode]
        for k in ("build", "extract", "version"):
            ratios[f"{k}_fresh_{mode}_vs_reference"] = fr[k]["median"] / fr["reference"]["median"]
        for k in ("build", "extract"):  # the same in CPU seconds: steadier on a shared machine
            ratios[f"{k}_fresh_{mode}_cpu_vs_reference"] = fr[k]["cpu_s"] / fr["reference"]["cpu_s"]
    if not args.fresh_only:
        ratios.update({
            "per_memo_vs_reference": res["in_process"]["total"]["median"] / res["reference_per_memo"],
            "batch_jobs2_speedup": res["batch"]["jobs2"]["articles_per_s"] / res["batch"]["jobs1"]["articles_per_s"],
            "long_vs_short_per_memo": res["long_article"]["per_memo"]["median"] / res["long_article"]["short"]["median"],
        })
    # The bars of issue 13 ("Speed after the clean-up"); None: reported, no bar.
    bars = {"build_fresh_no_caches_vs_reference": ("<=", 1.8), "build_fresh_bytecode_vs_reference": ("<=", 1.3),
            "extract_fresh_no_caches_vs_reference": ("<=", 0.8), "per_memo_vs_reference": ("<=", 1.5),
            "batch_jobs2_speedup": (">=", 1.6), "long_vs_short_per_memo": ("<=", 1.5)}
    res["ratios"] = ratios
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")

    ms = lambda s: f"{s['median'] * 1000:8.1f} ms  (min {s['min'] * 1000:7.1f}, max {s['max'] * 1000:7.1f})"  # noqa: E731
    for mode in modes:
        print(f"fresh process, {mode.replace('_', ' ')} ({args.runs} runs after a warm-up)")
        for k, s in res["fresh"][mode].items():
            print(f"  {k:<22} {ms(s)}  peak RSS {s['peak_rss_mib']:5.1f} MiB  CPU {s['cpu_s'] * 1000:6.1f} ms")
    ip = res["in_process"]
    if args.fresh_only:
        print_ratios(ratios, bars)
        print(f"wrote {args.out} ({res['bench_seconds']:.0f} s)")
        return 0
    print(f"in-process per memo ({args.memos} builds of the sample after 3 warm-up builds; "
          f"{ip['dropped']} items dropped)")
    for k, s in ip.items():
        if isinstance(s, dict) and "median" in s:
            print(f"  {k:<22} {ms(s)}")
    print(f"  {'reference':<22} {res['reference_per_memo'] * 1000:8.1f} ms")
    r = ip["rss_mib"]
    print(f"  RSS after warm-up {r['after_warmup']:.1f} MiB, half-way {r['half']:.1f}, end {r['end']:.1f}")
    la = res["long_article"]
    print(f"long article ({la['words']} words): {ms(la['per_memo'])}, fit {la['fit']['median'] * 1000:.1f} ms, "
          f"{la['dropped']} items dropped;\n  the sample ({la['short_words']} words) built alternately with it: "
          f"{ms(la['short'])}")
    for k, s in res["batch"].items():
        print(f"batch of {args.batch}, {k}: "
              f"{s['median']:.2f} s (min {s['min']:.2f}, max {s['max']:.2f}), {s['articles_per_s']:.1f} articles/s, "
              f"{s['cpu_s']:.1f} CPU s, peak RSS of the largest process {s['peak_rss_largest_process_mib']:.0f} MiB")
    print_ratios(ratios, bars)
    print(f"wrote {args.out} ({res['bench_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
