"""The command line: wires options to the library, prints, and maps errors to exit statuses.

No logic of its own lives here; everything a command does, ``import briefgen``
can do. Heavy modules are imported inside the commands that need them.

No ``from __future__ import annotations`` here: typer reads every command's
signature at start-up, and string annotations would cost an ``eval`` each
(about 10 ms of every run).
"""

import json
import os
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from typer.core import TyperGroup

from briefgen import __version__
from briefgen.render import FORMATS
from briefgen.sources.read import INPUT_FORMATS, Limits
from briefgen.status import BriefgenError, ExitStatus, UsageError


# Click's exception classes, found through typer's public BadParameter whether
# typer uses click or its own vendored copy of it.
_ClickUsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _Group(TyperGroup):
    """Click's usage errors exit with EX_USAGE (64), so exit 2 always means bad input."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        _hide_unset_envvars(self)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _ClickUsageError as e:
            e.show()
            sys.exit(ExitStatus.USAGE)
        except _ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except (typer.Abort, KeyboardInterrupt):
            typer.echo("briefgen: interrupted", err=True)
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


def _hide_unset_envvars(command) -> None:
    """typer shows an option's env var in its error messages even when it has none
    ("Invalid value for '--jobs' / '-j' (env var: 'None')"): show it only where one is set."""
    for param in getattr(command, "params", ()):
        if getattr(param, "envvar", None) is None and getattr(param, "show_envvar", False):
            param.show_envvar = False
    for sub in getattr(command, "commands", {}).values():
        _hide_unset_envvars(sub)


# Plain click help (rich_markup_mode=None): rich's renderer and the Markdown parser it
# brings would double the time of every ``--help``.
app = typer.Typer(cls=_Group, no_args_is_help=True, add_completion=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Turn a news report of an official visit, summit or talks into a "
                       "grounded one-page briefing memo (PDF, DOCX, Markdown, HTML, JSON).")
templates_app = typer.Typer(cls=_Group, no_args_is_help=True, rich_markup_mode=None,
                            help="List, show and start house templates.")
app.add_typer(templates_app, name="templates")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """briefgen: one-page briefing memos from news reports, offline and deterministic."""


# ------------------------------------------------------------------ shared options

Debug = Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Print warnings and fit details.")]
Encoding = Annotated[Optional[str], typer.Option(
    "--encoding", help="Decode text input with this codec (default: UTF-8, or the BOM's).")]
InputFormat = Annotated[Optional[str], typer.Option(
    "--input-format", help=f"Read input as {'|'.join(INPUT_FORMATS)} (default: by suffix).")]
MaxBytes = Annotated[Optional[int], typer.Option(
    "--max-bytes", min=1, help=f"Largest input file accepted (default {Limits().max_bytes:,}).")]
MaxChars = Annotated[Optional[int], typer.Option(
    "--max-chars", min=1, help=f"Longest article text accepted (default {Limits().max_chars:,}).")]
MaxParagraph = Annotated[Optional[int], typer.Option(
    "--max-paragraph-chars", min=1,
    help=f"Longest paragraph accepted (default {Limits().max_paragraph_chars:,}).")]
MemoDate = Annotated[Optional[str], typer.Option(
    "--date", metavar="YYYY-MM-DD",
    help="Memo date, also the anchor for 'on Monday' where the article has no date "
         "(default: SOURCE_DATE_EPOCH, else today).")]


def _err(message: str) -> None:
    typer.secho(f"briefgen: {message}", err=True, fg="red")


def _print_traceback() -> None:
    import traceback  # only with --debug: ~10 ms of start-up otherwise

    traceback.print_exc()


@contextmanager
def reported(debug: bool) -> Iterator[None]:
    """One line on stderr and the right exit status for every failure."""
    try:
        yield
    except BriefgenError as e:
        if debug:
            _print_traceback()
        _err(f"error: {e}")
        raise typer.Exit(int(e.status)) from None
    except (typer.Exit, _ClickException, typer.Abort, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        raise  # the reader of stdout went away ("| head"): click ends quietly, as for --help
    except Exception as e:  # a bug: say so in one line, details with --debug
        if debug:
            _print_traceback()
        _err(f"internal error: {type(e).__name__}: {str(e)[:200]} (rerun with --debug)")
        raise typer.Exit(int(ExitStatus.INTERNAL)) from None


def parse_date(value: str | None) -> date | None:
    """The --date option; None when not given."""
    if value is None:
        return None
    import re

    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)
    if not m:
        raise UsageError(f"--date must be YYYY-MM-DD, got {value!r}")
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        raise UsageError(f"--date {value!r}: month {month} is out of range (01-12)")
    import calendar

    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        raise UsageError(f"--date {value!r}: day {day} is out of range for {year:04d}-{month:02d} "
                         f"(01-{last})")
    try:
        return date(year, month, day)
    except ValueError as e:  # year 0
        raise UsageError(f"--date {value!r}: {e}") from None


def memo_date(explicit: date | None) -> date:
    """The memo's DATE: --date, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        from datetime import datetime, timezone

        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def limits(max_bytes: int | None, max_chars: int | None, max_paragraph: int | None) -> Limits:
    given = {"max_bytes": max_bytes, "max_chars": max_chars, "max_paragraph_chars": max_paragraph}
    return Limits(**{k: v for k, v in given.items() if v is not None})


def _complete_template(incomplete: str) -> list[tuple[str, str]]:
    from briefgen.app.completion import complete_template

    return complete_template(incomplete)


def _complete_formats(incomplete: str) -> list[tuple[str, str]]:
    from briefgen.app.completion import complete_formats

    return complete_formats(incomplete)


# ------------------------------------------------------------------ build

@app.command(epilog="Example: briefgen build source/ -o out --format pdf,docx --to 'Minister' --jobs 2")
def build(
    sources: Annotated[Optional[list[str]], typer.Argument(
        help="Article files, folders or globs; '-' reads stdin (default: the source/ folder).",
        show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output folder.")] = None,
    formats: Annotated[Optional[str], typer.Option(
        "--format", "-f", help=f"Comma-separated formats from {','.join(FORMATS)}.",
        autocompletion=_complete_formats)] = None,
    template: Annotated[Optional[str], typer.Option(
        "--template", "-t", help="Built-in template name or a template folder.",
        autocompletion=_complete_template)] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="TO line of the header.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", help="FROM line of the header.")] = None,
    date_option: MemoDate = None,
    marking: Annotated[Optional[str], typer.Option(
        "--marking", help="Handling marking for the banners, e.g. 'OFFICIAL'.")] = None,
    page_size: Annotated[Optional[str], typer.Option("--page-size", help="A4 or Letter.")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail (exit 5) if anything had to be dropped to fit one page.")] = False,
    report: Annotated[bool, typer.Option("--report", help="Print what fitting dropped and the final sizes.")] = False,
    summary: Annotated[Optional[str], typer.Option(
        "--summary", metavar="table|lines|json",
        help="Summary of a batch: a table, one line per input, or JSON for scripts "
             "(default: table on a terminal, else lines).")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace existing files in the output folder that briefgen did not write.")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="Parallel workers (default: number of cores).")] = None,
    input_format: InputFormat = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = None,
    max_chars: MaxChars = None,
    max_paragraph_chars: MaxParagraph = None,
    open_: Annotated[bool, typer.Option("--open", help="Open the result with the system viewer.")] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    debug: Debug = False,
) -> None:
    """Build one-page memos (PDF and DOCX by default) from articles into the output folder."""
    from briefgen.app.batch import build_many, default_jobs, expand_inputs
    from briefgen.app.build import BuildOptions, check_formats, check_page_size
    from briefgen.app.config import effective
    from briefgen.app.progress import BatchView, summary_format
    from briefgen.sources.read import normalise_format

    with reported(debug):
        anchor = parse_date(date_option)
        summary_kind = summary_format(summary, terminal=sys.stdout.isatty())
        cfg = effective({"to": to, "from": from_, "marking": marking, "template": template,
                         "output": str(output) if output else None, "formats": formats,
                         "page_size": page_size})
        fmts = check_formats(tuple(f.strip().lower() for f in cfg["formats"].value.split(",") if f.strip()))
        options = BuildOptions(
            out_dir=Path(cfg["output"].value), formats=fmts, template=cfg["template"].value,
            to=cfg["to"].value, from_=cfg["from"].value, date=memo_date(anchor), anchor=anchor,
            marking=cfg["marking"].value, strict=strict, force=force,
            page_size=check_page_size(cfg["page_size"].value, cfg["page_size"].origin),
            input_format=normalise_format(input_format), encoding=encoding,
            limits=limits(max_bytes, max_chars, max_paragraph_chars))
        from briefgen.compose.template import load_template

        load_template(options.template)  # a bad template is one error, not one per article
        if not sources:
            if not Path("source").is_dir():
                raise UsageError("no articles given and no source/ folder here; "
                                 "try: briefgen build ARTICLE.txt")
            sources = ["source"]
        inputs, missing = expand_inputs(sources)
        view = BatchView(total=len(inputs), quiet=quiet, verbose=verbose, show_progress=len(inputs) > 1,
                         summary=summary_kind)
        with view:
            results = build_many(inputs, options, jobs or default_jobs(), on_done=view.advance)
        results = missing + results
        view.summary(results, report=report)
        if open_:
            for r in results:
                for out in r.outputs:
                    typer.launch(out)
        failed = [r for r in results if r.status != ExitStatus.OK]
        if failed:
            code = failed[0].status if len(results) == 1 else ExitStatus.FAILED
            raise typer.Exit(int(code))


# ------------------------------------------------------------------ extract

@app.command(epilog="Example: briefgen extract source/blinken-beijing-2023.txt --format json")
def extract(
    source: Annotated[str, typer.Argument(help="Article file, or '-' for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or text.")] = "json",
    date_option: MemoDate = None,
    input_format: InputFormat = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = None,
    max_chars: MaxChars = None,
    max_paragraph_chars: MaxParagraph = None,
    quiet: Quiet = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show each clause's section scores and the cues and features behind them.")] = False,
    debug: Debug = False,
) -> None:
    """Print what the parser found in an article, every item with its evidence span."""
    with reported(debug):
        if fmt not in ("json", "text"):
            raise UsageError("--format must be json or text")
        from briefgen.sources.read import read_article

        article = read_article(source, encoding=encoding, input_format=input_format,
                               limits=limits(max_bytes, max_chars, max_paragraph_chars))
        if explain:
            from briefgen.extract.explain import explain as explain_article

            typer.echo(explain_article(article, today=parse_date(date_option)), nl=False)
            return
        from briefgen.extract import extract as run_extract

        briefing = run_extract(article, today=parse_date(date_option))
        if not quiet:
            for w in briefing.warnings:
                _err(f"warning: {article.origin}: {w}")
        if fmt == "json":
            from briefgen.model.briefing import to_json

            typer.echo(json.dumps(to_json(briefing, article.text), ensure_ascii=False, indent=1))
        else:
            from briefgen.render.outline import outline

            typer.echo(outline(briefing), nl=False)


# ------------------------------------------------------------------ inspect

@app.command(epilog="Example: briefgen inspect out/blinken-beijing-2023.pdf --json")
def inspect(
    path: Annotated[Path, typer.Argument(help="A memo briefgen produced (.pdf or .docx).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    debug: Debug = False,
) -> None:
    """Show the structure of a produced memo: pages, fonts, metadata and block sequence."""
    with reported(debug):
        from briefgen.inspect.reader import inspect_file, to_text

        info = inspect_file(path)
        typer.echo(json.dumps(info, ensure_ascii=False, indent=1) if as_json else to_text(info))


# ------------------------------------------------------------------ templates, config

@templates_app.command("list", epilog="Example: briefgen templates list")
def templates_list() -> None:
    """List the built-in templates and the template folders here, each with its description."""
    from briefgen.app.completion import builtin_templates, local_templates

    rows = builtin_templates() + [(f"{name}/", d) for name, d in local_templates()]
    width = max(len(name) for name, _ in rows)
    for name, text in rows:
        typer.echo(f"{name:<{width}}  {text}".rstrip())


@templates_app.command("show", epilog="Example: briefgen templates show default")
def templates_show(
    name: Annotated[str, typer.Argument(help="Built-in template name or a template folder.")],
    debug: Debug = False,
) -> None:
    """Print a template's files (memo.xml.j2 and style.toml)."""
    with reported(debug):
        from briefgen.compose.template import load_template

        tpl = load_template(name)
        for fname in ("style.toml", "memo.xml.j2"):
            typer.secho(f"# {fname}", bold=True)
            typer.echo((tpl.path / fname).read_text(encoding="utf-8"))


@templates_app.command("init", epilog="Example: briefgen templates init my-house-style")
def templates_init(
    folder: Annotated[Path, typer.Argument(help="New folder for the copy.")],
    base: Annotated[str, typer.Option("--from-template", help="Template to copy.")] = "default",
    debug: Debug = False,
) -> None:
    """Copy a built-in template into FOLDER as the start of a house style."""
    with reported(debug):
        from briefgen.compose.templates_init import init_template

        init_template(base, folder)
        typer.echo(f"created {folder}; build with: briefgen build --template {folder} ARTICLE")


@app.command(epilog="Example: briefgen config")
def config(debug: Debug = False) -> None:
    """Print the effective settings and where each comes from."""
    with reported(debug):
        from briefgen.app.config import SETTINGS, config_files, effective

        for path in config_files():
            typer.echo(f"# config file {path}" + ("" if path.exists() else " (absent)"))
        for key, setting in effective().items():
            value = "-" if setting.value is None else setting.value
            typer.echo(f"{key:<10} {value!s:<24} ({setting.origin})  # {SETTINGS[key][1]}")
