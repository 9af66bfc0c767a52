"""What a build shows on the terminal: a progress bar while it runs, a summary at the end.

Progress and warnings go to stderr, the summary to stdout; colours only on a
terminal (rich decides, and honours NO_COLOR).
"""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .build import BuildResult
from .status import ExitStatus


class BatchView:
    def __init__(self, total: int, *, quiet: bool, verbose: bool, show_progress: bool) -> None:
        self.total, self.quiet, self.verbose = total, quiet, verbose
        self.out = Console(highlight=False, soft_wrap=True)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.progress = None
        if show_progress and not quiet:
            self.progress = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), TextColumn("{task.description}"),
                                     console=self.err, transient=False)
            self.task = self.progress.add_task("", total=total)

    def __enter__(self) -> "BatchView":
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()

    def advance(self, result: BuildResult) -> None:
        if self.progress:
            self.progress.update(self.task, advance=1, description=result.source)

    def summary(self, results: list[BuildResult], *, report: bool = False) -> None:
        for r in results:
            if r.error:
                self.err.print(f"briefgen: error: {r.error}", style="red", markup=False)
            if not self.quiet:
                for w in r.warnings:
                    self.err.print(f"briefgen: warning: {r.source}: {w}", style="yellow", markup=False)
        if self.quiet:
            return
        if len(results) > 1 or self.verbose:
            table = Table(title="briefgen build", title_justify="left")
            for col in ("file", "status", "dropped to fit", "warnings", "outputs"):
                table.add_column(col)
            for r in results:
                ok = r.status == ExitStatus.OK
                table.add_row(r.source, "[green]ok[/]" if ok else f"[red]{r.status.name.lower()}[/]",
                              str(r.dropped) if ok else "-", str(len(r.warnings)),
                              ", ".join(r.outputs))
            self.out.print(table)
            bad = sum(r.status != ExitStatus.OK for r in results)
            self.out.print(f"{len(results) - bad} built, {bad} failed")
        else:
            for r in results:
                for path in r.outputs:
                    self.out.print(f"wrote {path}", markup=False)
        if report or self.verbose:
            for r in results:
                if r.fit:
                    self.out.print(format_fit(r), markup=False)


def format_fit(result: BuildResult) -> str:
    fit = result.fit or {}
    lines = [f"fit report for {result.source}: body {fit.get('font_size')} pt, "
             f"leading {fit.get('leading')}, spacing x{fit.get('spacing_scale')}"]
    dropped = fit.get("dropped") or []
    if not dropped:
        lines.append("  nothing dropped")
    for d in dropped:
        lines.append(f"  dropped {d.get('section')} #{int(d.get('index', 0)) + 1}: {str(d.get('text', ''))[:80]}")
    return "\n".join(lines)
