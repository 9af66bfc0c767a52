"""Values for shell completion and ``templates list``: template names (with their one-line
descriptions) and output formats. Cheap: no renderer, no template compilation."""
from __future__ import annotations

import tomllib
from pathlib import Path

from briefgen.render import FORMATS

_FORMAT_HELP = {"pdf": "one-page PDF", "docx": "Word document", "md": "Markdown",
                "html": "standalone HTML page", "json": "briefing, memo and fit report"}


def description(folder: Path) -> str:
    """The ``description`` line of a template folder's style.toml ('' when absent or unreadable)."""
    try:
        with open(folder / "style.toml", "rb") as f:
            value = tomllib.load(f).get("description", "")
    except (OSError, tomllib.TOMLDecodeError):
        return ""
    return " ".join(value.split()) if isinstance(value, str) else ""


def is_template_folder(path: Path) -> bool:
    return path.is_dir() and (path / "memo.xml.j2").is_file() and (path / "style.toml").is_file()


def builtin_templates() -> list[tuple[str, str]]:
    """(name, description) of each built-in template."""
    import importlib.resources

    from briefgen.compose.template import STYLE_FILE, builtin_templates as names

    root = importlib.resources.files("briefgen.templates")
    out = []
    for name in names():
        try:
            value = tomllib.loads(root.joinpath(name, STYLE_FILE).read_text(encoding="utf-8")).get("description", "")
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            value = ""
        out.append((name, " ".join(value.split()) if isinstance(value, str) else ""))
    return out


def local_templates(where: Path | None = None) -> list[tuple[str, str]]:
    """(folder, description) of the template folders directly inside ``where`` (the working folder)."""
    base = where or Path(".")
    try:
        folders = sorted(p for p in base.iterdir() if not p.name.startswith(".") and is_template_folder(p))
    except OSError:
        return []
    return [(str(p) if where else p.name, description(p)) for p in folders]


def complete_template(incomplete: str) -> list[tuple[str, str]]:
    """``--template``: built-in names, then template folders in the working folder (or under
    the folder typed so far)."""
    options = builtin_templates()
    if "/" in incomplete:
        parent = Path(incomplete.rsplit("/", 1)[0] or "/")
        options = [(f"{parent}/{Path(name).name}" if str(parent) != "/" else f"/{Path(name).name}", d)
                   for name, d in local_templates(parent)]
    else:
        options += local_templates()
    return [(name, _short(d) or "template folder") for name, d in options if name.startswith(incomplete)]


def _short(text: str, limit: int = 56) -> str:
    """A description short enough that no shell wraps it (typer re-wraps zsh's at 80 columns)."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def complete_formats(incomplete: str) -> list[tuple[str, str]]:
    """``--format``: the formats, completing the last of a comma-separated list."""
    done, _, last = incomplete.rpartition(",")
    chosen = set(done.split(",")) if done else set()
    prefix = done + "," if done else ""
    return [(prefix + fmt, _FORMAT_HELP.get(fmt, fmt)) for fmt in FORMATS
            if fmt.startswith(last) and fmt not in chosen]
