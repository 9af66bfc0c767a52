"""Many articles at once: expand files, folders and globs; build them in a process pool.

Workers import the heavy libraries once (pool initializer) and build many
articles each; a failed article is a failed BuildResult, never a stopped batch.
"""
from __future__ import annotations

import gc
import glob
import os
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


def _warm(options: BuildOptions) -> None:
    """Pool initializer: import and compile everything once per worker."""
    from briefgen.compose.context import load_template
    from briefgen.layout.fonts import fonts_for

    template = load_template(options.template)
    import briefgen.render.pdf  # noqa: F401
    from briefgen.render.docx import warm_up

    fonts_for(template.style)  # registered once, before the workers fork
    warm_up(template.style)  # python-docx and the reference document, once per worker

    gc.freeze()  # what is loaded now lives for the worker's life: keep it out of every collection


def _build_one(src: str, options: BuildOptions, stem: str) -> BuildResult:
    """One article of a batch, after ``_warm``: the collection afterwards (cheap, since the
    libraries are frozen out of it) keeps a long batch's memory flat."""
    result = build_file(src, options, stem=stem)
    gc.collect()
    return result


def build_many(inputs: list[str], options: BuildOptions, jobs: int,
               on_done: Callable[[BuildResult], None] | None = None) -> list[BuildResult]:
    """Build every input; results come back in input order. A batch warms up first in this
    process (imports, then ``gc.freeze`` of everything loaded so far: collections after each
    article skip it), as the workers it forks do."""
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
        _warm(options)
        for src in inputs:
            results[src] = r = _build_one(src, options, stems[src])
            if on_done:
                on_done(r)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if method == "fork":
            _warm(options)  # import once in the parent; forked workers inherit it
        with ProcessPoolExecutor(max_workers=min(jobs, len(inputs)),
                                 mp_context=multiprocessing.get_context(method),
                                 initializer=_warm, initargs=(options,)) as pool:
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
