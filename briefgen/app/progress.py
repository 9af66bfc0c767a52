"""What a build shows on the terminal: a progress bar while it runs, a summary at the end.

Progress, errors and warnings go to stderr, the summary to stdout; colours only
on a terminal. rich (progress bar, table) is imported only for batches, so a
single build starts fast.
"""
from __future__ import annotations

import typer

from briefgen.app.build import BuildResult
from briefgen.status import ExitStatus


SUMMARY_FORMATS = ("table", "lines", "json")


def summary_format(value: str | None, *, terminal: bool) -> str:
    """``--summary``: a table on a terminal, one line per input when piped, or JSON."""
    if value is None:
        return "table" if terminal else "lines"
    key = value.strip().lower()
    if key not in SUMMARY_FORMATS:
        from briefgen.status import UsageError

        raise UsageError(f"--summary {value!r}: choose from {', '.join(SUMMARY_FORMATS)}")
    return key


class BatchView:
    def __init__(self, total: int, *, quiet: bool, verbose: bool, show_progress: bool,
                 summary: str = "table") -> None:
        self.total, self.quiet, self.verbose, self.format = total, quiet, verbose, summary
        self.progress = None
        if show_progress and not quiet:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn)

            console = Console(stderr=True, highlight=False)
            if console.is_terminal:  # in a log, a bar is one cut-off line: the summary says it all
                self.progress = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                                         TimeElapsedColumn(), TextColumn("{task.description}"),
                                         console=console)
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
                typer.secho(f"briefgen: error: {r.error}", err=True, fg="red")
            if not self.quiet:
                for w in r.warnings:
                    typer.secho(f"briefgen: warning: {r.source}: {w}", err=True, fg="yellow")
            if self.verbose:
                for note in r.notes:
                    typer.echo(f"briefgen: note: {r.source}: {note}", err=True)
        if self.format == "json":  # asked for by name: printed even with --quiet
            typer.echo(summary_json(results))
            return
        if self.quiet:
            return
        if len(results) > 1 or self.verbose:
            if self.format == "table":
                print_table(results)
            else:
                print_lines(results)
        else:
            for r in results:
                for path in r.outputs:
                    typer.echo(f"wrote {path}")
        if report or self.verbose:
            for r in results:
                if r.fit:
                    typer.echo(format_fit(r))


def print_table(results: list[BuildResult]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="briefgen build", title_justify="left")
    for col in ("file", "status", "dropped to fit", "warnings", "outputs"):
        table.add_column(col)
    for r in results:
        ok = r.status == ExitStatus.OK
        table.add_row(r.source, "[green]ok[/]" if ok else f"[red]{r.status.name.lower()}[/]",
                      str(r.dropped) if ok else "-", str(len(r.warnings)), ", ".join(r.outputs))
    bad = sum(r.status != ExitStatus.OK for r in results)
    console = Console(highlight=False)
    console.print(table)
    console.print(f"{len(results) - bad} built, {bad} failed", markup=False)


def _display(path: str) -> str:
    """A path relative to the working folder where it lies inside it, else as given."""
    import os

    if path == "-" or not os.path.isabs(path):
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if rel.startswith("..") else rel


def print_lines(results: list[BuildResult]) -> None:
    """The summary for pipes and logs: one input per line, full paths, never cut to a width.

    ``STATUS<TAB>FILE<TAB>dropped N<TAB>warnings N<TAB>OUTPUT, OUTPUT`` (``-`` where none).
    """
    for r in results:
        ok = r.status == ExitStatus.OK
        outputs = ", ".join(_display(p) for p in r.outputs) or "-"
        typer.echo("\t".join((r.status.name.lower(), _display(r.source),
                               f"dropped {r.dropped if ok else '-'}", f"warnings {len(r.warnings)}",
                               outputs)))
    bad = sum(r.status != ExitStatus.OK for r in results)
    typer.echo(f"{len(results) - bad} built, {bad} failed")


def summary_json(results: list[BuildResult]) -> str:
    """The summary for scripts: one JSON document (``--summary json``)."""
    import json

    rows = [{"source": r.source, "status": r.status.name.lower(), "exit_status": int(r.status),
             "outputs": list(r.outputs), "dropped": r.dropped, "warnings": list(r.warnings),
             "error": r.error} for r in results]
    bad = sum(r.status != ExitStatus.OK for r in results)
    return json.dumps({"results": rows, "built": len(results) - bad, "failed": bad},
                      ensure_ascii=False, indent=1)


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
