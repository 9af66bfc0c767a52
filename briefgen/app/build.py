"""Article in, memo files out: the one place that chains read → extract → compose → fit → render.

``build_article`` is pure (bytes per format); ``build_file`` adds the file
system: it reads one input and writes each output atomically (a temporary
file in the output folder, then a rename), refusing anything that would
overwrite an input or a file briefgen did not write (unless forced), follow a
symlink, replace a directory or leave the output folder. Batch builds (batch.py) call ``build_file`` once per input.
"""
from __future__ import annotations

import re

import os
import tempfile
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

from briefgen.render import DEFAULT_FORMATS, RENDERERS
from briefgen.sources.read import Limits
from briefgen.status import BriefgenError, ExitStatus, OutputRefused, OverOnePage, UsageError


@dataclass(frozen=True)
class BuildOptions:
    """What a build writes and how (the options of ``briefgen build``)."""

    out_dir: Path = Path("out")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    template: str | None = None  # built-in name or a folder
    to: str | None = None
    from_: str | None = None
    date: date | None = None  # the memo's DATE line (None: the article's date, else "not dated")
    anchor: date | None = None  # resolves "on Monday" where the article itself gives no date
    marking: str | None = None
    page_size: str | None = None
    strict: bool = False  # fail with OVER_ONE_PAGE if anything had to be dropped
    force: bool = False  # replace existing outputs briefgen did not write
    input_format: str | None = None
    encoding: str | None = None
    limits: Limits | None = None  # input size budgets (sources.Limits defaults)


@dataclass
class BuildResult:
    """What happened to one input; picklable, so worker processes can return it."""

    source: str
    status: ExitStatus = ExitStatus.OK
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    dropped: int = 0
    fit: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the input was read (its date ...): --verbose


def check_formats(formats: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown or not formats:
        raise UsageError(f"unknown output format {', '.join(unknown) or '(none)'}; "
                         f"choose from {', '.join(RENDERERS)}")
    return tuple(dict.fromkeys(formats))


def check_page_size(size: str | None, origin: str = "option") -> str | None:
    """``--page-size`` (or ``page_size`` in a config file): a usage error listing the sizes."""
    if size is None:
        return None
    from briefgen.compose.styles import PAGE_SIZES

    if size.strip().upper() not in PAGE_SIZES:
        where = "--page-size" if origin == "option" else f"page_size in {origin}"
        raise UsageError(f"{where}: unknown page size {size!r}; choose from A4, Letter")
    return size.strip()


def build_article(article, options: BuildOptions,
                  warn: Callable[[str], None] | None = None) -> tuple[dict[str, bytes], Any]:
    """Render ``article`` into each requested format; returns (bytes by format, FittedMemo).

    ``warn`` receives what extraction found wrong with the article beyond what reading it
    already said (``article.warnings``), such as an article that reports no event."""
    from briefgen.compose.context import MemoOptions, compose, load_template
    from briefgen.extract import extract
    from briefgen.layout.fit import fit
    from briefgen.model.briefing import to_json

    template = load_template(options.template)
    briefing = extract(article, today=options.anchor)
    if warn is not None:
        for w in briefing.warnings[len(article.warnings):]:
            warn(w)
    memo = compose(briefing, template, MemoOptions(
        to=options.to, from_=options.from_, date=options.date, marking=options.marking,
        page_size=options.page_size, source_text=article.text))
    fitted = fit(memo, template.style.with_page_size(options.page_size))
    if options.strict and fitted.report.over_one_page:
        raise strict_failure(fitted.report.dropped, memo, template, template.style.never_drop,
                             source=article.origin)
    if "json" in options.formats:
        fitted = replace(fitted, briefing=to_json(briefing, article.text))
    return {fmt: RENDERERS[fmt](fitted) for fmt in options.formats}, fitted


def first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def strict_failure(dropped, memo, template, required, *, source: str) -> OverOnePage:
    """``--strict``'s error: what was dropped (section label and first words, one per line)
    and what the user can change so the memo fits."""
    from briefgen.model.blocks import Section

    labels = {b.key: " ".join(b.label.split()) or b.key for b in memo.blocks if isinstance(b, Section)}
    lines = []
    for d in dropped:
        key = str(d.get("section", "")).removesuffix(".children")
        label = labels.get(key, key) + (" (sub-point)" if str(d.get("section")).endswith(".children") else "")
        lines.append(f"  dropped from {label}: {first_words(str(d.get('text', '')))}")
    hit = sorted({str(d.get("section", "")).removesuffix(".children") for d in dropped} & set(required))
    if hit:
        n = len([d for d in dropped if str(d.get("section", "")).removesuffix(".children") in hit])
        must = f", {n} of them from required sections ({', '.join(labels.get(k, k) for k in hit)})"
    else:
        shown = [labels[k] for k in required if k in labels]
        must = f", none from the required sections ({', '.join(shown)})" if shown else ""
    name = template.name
    hint = ("  to fit: try a more compact template (" + ("--template corporate" if name != "corporate"
            else "a copy with smaller sizes in style.toml") + "), fewer sections (copy the template with "
            f"`briefgen templates init DIR --from-template {name}` and remove some from memo.xml.j2), "
            "smaller page margins ([page] margin_*_cm in style.toml), or build without --strict "
            "to keep what fits")
    head = (f"the memo does not fit one page with template {name!r}: {len(dropped)} item"
            f"{'s' if len(dropped) != 1 else ''} would be dropped{must} (--strict)")
    return OverOnePage("\n".join([head, *lines, hint]), source=source)


def build_file(path: str | Path, options: BuildOptions, *, stdin=None,
               stem: str | None = None) -> BuildResult:
    """Build one input into ``options.out_dir``; never raises a BriefgenError.

    ``stem`` names the outputs (a slug of the input's name by default).
    """
    from briefgen.sources.read import read_article

    result = BuildResult(source=str(path))
    try:
        article = read_article(path, encoding=options.encoding, input_format=options.input_format,
                               stdin=stdin, limits=options.limits)
        result.warnings.extend(article.warnings)
        result.notes.extend(article.notes)
        outputs, fitted = build_article(article, options, warn=result.warnings.append)
        targets = plan_outputs(options.out_dir, stem or output_stem(path), outputs,
                               inputs=[path], force=options.force)
        for target, data in targets:
            write_atomic(target, data)
            result.outputs.append(str(target))
        result.fit = fitted.report.to_dict()
        result.dropped = len(fitted.report.dropped)
        result.warnings.extend(fitted.report.warnings)
    except BriefgenError as e:
        result.status, result.error = e.status, str(e)
    return result


# ------------------------------------------------------------------ output paths

_SLUG_DROP = re.compile(r"[^a-z0-9]+")
# A stem kept as it is: ASCII letters, digits, dot, dash and underscore, starting with a letter
# or digit, at most 80 characters, not a Windows device name.
_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}\Z")
_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                           *(f"lpt{i}" for i in range(10))})


def slug(text: str, limit: int = 80) -> str:
    """A safe file stem: ASCII letters, digits and dashes only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = _SLUG_DROP.sub("-", ascii_text.lower()).strip("-")
    return s[:limit].rstrip("-") or "memo"


def safe_stem(stem: str) -> bool:
    """A file stem that is safe everywhere as it is (see ``_SAFE_STEM``)."""
    return bool(_SAFE_STEM.match(stem)) and stem.split(".")[0].lower() not in _DEVICE_NAMES \
        and not stem.endswith(".")


def output_stem(path: str | Path) -> str:
    """The default name of an input's outputs: the input's stem where it is a safe file name
    (``kerry_pandoc.docx`` -> ``kerry_pandoc``), else a slug of it; "stdin" for "-"."""
    if str(path) == "-":
        return "stdin"
    stem = Path(path).stem
    if safe_stem(stem):
        return stem
    s = slug(stem)
    return f"{s}-memo" if s in _DEVICE_NAMES else s


def plan_outputs(out_dir: Path, stem: str, outputs: dict[str, bytes],
                 inputs: list[str | Path], force: bool = False) -> list[tuple[Path, bytes]]:
    """Decide every target path before writing anything, refusing unsafe ones.

    An existing file is replaced only if briefgen wrote it (its format's generator
    marker, see ``provenance``), or with ``force``.
    """
    out_dir = Path(out_dir)
    if out_dir.is_symlink():
        raise OutputRefused("output folder is a symbolic link; refusing to write through it",
                            source=str(out_dir))
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputRefused("output folder exists and is not a folder", source=str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputRefused(f"cannot create the output folder: {e.strerror}",
                            source=str(out_dir)) from None
    real_dir = out_dir.resolve()
    protected = set()
    for p in inputs:
        if str(p) != "-":
            try:
                protected.add(Path(p).resolve())
            except OSError:
                pass
    planned = []
    for fmt, data in outputs.items():
        target = out_dir / f"{stem}.{fmt}"
        if target.is_symlink():
            raise OutputRefused("output is a symbolic link; refusing to write through it",
                                source=str(target))
        if target.exists() and not target.is_file():
            raise OutputRefused("output path exists and is not a regular file",
                                source=str(target))
        real = target.resolve()
        if real.parent != real_dir:
            raise OutputRefused("output would land outside the output folder", source=str(target))
        if real in protected:
            raise OutputRefused("output would overwrite the input", source=str(target))
        if not force and target.exists():
            from briefgen.app.provenance import written_by_briefgen  # only an existing output needs it

            if not written_by_briefgen(target):
                raise OutputRefused("exists and was not written by briefgen; refusing to replace it "
                                    "(move it away, choose another folder with -o, or use --force)",
                                    source=str(target))
        planned.append((target, data))
    return planned


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target``, then rename: no partial files, ever."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as e:
        raise OutputRefused(f"cannot write: {e.strerror}", source=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise OutputRefused(f"cannot write: {e.strerror}", source=str(target)) from None
        raise
