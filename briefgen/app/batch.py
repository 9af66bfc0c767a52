"""Many articles at once: expand files, folders and globs; build them in a process pool.

Pool workers start with the stages imported and build many articles each; a failed
article is a failed BuildResult, never a stopped batch.
"""
from __future__ import annotations

import gc
import glob
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable

from briefgen.app.build import BuildOptions, BuildResult, build_file, output_stem
from briefgen.status import BadInput, ExitStatus

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx")


def expand_inputs(args: Iterable[str]) -> tuple[list[str], list[BuildResult]]:
    """Files as given, folders walked for articles (sorted), globs expanded.

    Returns the inputs and a failed result for each argument that named nothing.
    """
    inputs: list[str] = []
    missing: list[BuildResult] = []
    for arg in args:
        p = Path(arg)
        if arg == "-" or p.is_file():
            inputs.append(arg)
        elif p.is_dir():
            found = sorted(str(f) for f in p.rglob("*")
                           if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                missing.append(_failed(arg, BadInput("folder holds no articles "
                                                     f"({', '.join(ARTICLE_SUFFIXES)})", source=arg)))
            inputs.extend(found)
        elif glob.has_magic(arg):
            found = sorted(f for f in glob.glob(arg, recursive=True) if Path(f).is_file())
            if not found:
                missing.append(_failed(arg, BadInput("pattern matches no file", source=arg)))
            inputs.extend(found)
        else:
            inputs.append(arg)  # build_file reports it (missing, unreadable ...)
    return list(dict.fromkeys(inputs)), missing


def _failed(source: str, error) -> BuildResult:
    return BuildResult(source=source, status=error.status, error=str(error))


def unique_stems(inputs: list[str]) -> dict[str, str]:
    """One output stem per input; a repeated stem gets -2, -3 ... in input order (compared
    ignoring case, as case-insensitive file systems would)."""
    seen: dict[str, int] = {}
    stems = {}
    for src in inputs:
        base = output_stem(src)
        n = seen.get(base.casefold(), 0) + 1
        seen[base.casefold()] = n
        stems[src] = base if n == 1 else f"{base}-{n}"
    return stems


_frozen = False  # whether this process has frozen what its first article loaded


def _build_one(src: str, options: BuildOptions, stem: str) -> BuildResult:
    """One article of a batch (in this process or a pool worker). After the first built, what is
    loaded (libraries, template, fonts) lives as long as the process: ``gc.freeze`` keeps it
    out of the collection that follows each later article, which keeps a long batch's
    memory flat at little cost."""
    global _frozen
    result = build_file(src, options, stem=stem)
    gc.collect()
    if not _frozen and result.status == ExitStatus.OK:
        gc.freeze()
        _frozen = True
    return result


def _pool_context(options: BuildOptions):
    """Workers come from a fork server (a fresh, single-threaded process started with exec),
    or are spawned where there is none: never forked from this process, which may run
    threads (the progress bar) and where fork() could deadlock. The fork server imports
    the stages once, so each worker starts with them loaded (a name that does not import is
    skipped by multiprocessing: the worker then imports it itself)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["briefgen.app.batch", "briefgen.extract", "briefgen.compose.context",
                                    "briefgen.layout.fit", *(f"briefgen.render.{f}" for f in options.formats)])
    return ctx


@contextmanager
def _current_folder_off_worker_path():
    """While the pool starts its processes, keep the current folder off their import path.

    multiprocessing starts its fork server as ``python -c ...``, which puts the current
    folder first on ``sys.path``; the parent's path is handed over but the server ignores
    it (CPython 3.11-3.13, multiprocessing/forkserver.py ``main``). A batch run in a folder
    holding a ``briefgen`` folder (a checkout, a user's project) then imported that one.
    PYTHONSAFEPATH (Python 3.11+) is the interpreter's own switch for exactly this; it is
    set while the pool runs, then restored."""
    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = before


def build_many(inputs: list[str], options: BuildOptions, jobs: int,
               on_done: Callable[[BuildResult], None] | None = None) -> list[BuildResult]:
    """Build every input; results come back in input order, ``on_done`` called as each
    finishes. ``jobs > 1`` runs a process pool whose workers start from a fork server
    that has imported the stages once. As with any multiprocessing pool that does
    not fork, a script calling this with ``jobs > 1`` guards its entry point with
    ``if __name__ == "__main__":`` (each worker imports the main module)."""
    stems = unique_stems(inputs)
    results: dict[str, BuildResult] = {}
    if not inputs:
        return []
    if len(inputs) == 1:  # the process ends next: no warm-up, no collection
        (src,) = inputs
        results[src] = r = build_file(src, options, stem=stems[src])
        if on_done:
            on_done(r)
    elif jobs <= 1:
        for src in inputs:
            results[src] = r = _build_one(src, options, stems[src])
            if on_done:
                on_done(r)
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with (_current_folder_off_worker_path(),
              ProcessPoolExecutor(max_workers=min(jobs, len(inputs)), mp_context=_pool_context(options)) as pool):
            futures = {pool.submit(_build_one, src, options, stems[src]): src for src in inputs}
            for fut in as_completed(futures):
                src = futures[fut]
                try:
                    r = fut.result()
                except Exception as e:  # a crashed worker: report, keep going
                    r = BuildResult(source=src, status=ExitStatus.INTERNAL,
                                    error=f"{src}: internal error: {type(e).__name__}: {e}")
                results[src] = r
                if on_done:
                    on_done(r)
    return [results[src] for src in inputs]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


__all__ = ["expand_inputs", "build_many", "default_jobs", "unique_stems"]
