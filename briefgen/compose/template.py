"""House templates: find, load and check a template folder (memo.xml.j2 + style.toml).

Built-in templates ship inside the package (``briefgen.templates``, found with
importlib.resources); any other folder is a user template. Loading compiles the
template in the sandbox (sandbox.py), so syntax errors surface before any article
is read.
"""
from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from briefgen.compose.sandbox import compile_template
from briefgen.status import TemplateError
from briefgen.compose.styles import Style, load_style

TEMPLATE_FILE = "memo.xml.j2"
STYLE_FILE = "style.toml"


@dataclass(frozen=True, eq=False)
class Template:
    """A loaded template: its style and its memo.xml.j2 source."""

    name: str
    path: Path | Traversable
    style: Style
    source: str = field(repr=False)
    builtin: bool = False


def _builtin_root() -> Traversable:
    return importlib.resources.files("briefgen.templates")


def builtin_templates() -> list[str]:
    """Names of the templates shipped with briefgen."""
    root = _builtin_root()
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")) and (p / TEMPLATE_FILE).is_file())


def load_template(name_or_dir: str | Path | None = None) -> Template:
    """A built-in template by name ("default", "corporate") or a user template folder."""
    if name_or_dir is None or name_or_dir == "":
        name_or_dir = "default"
    text = str(name_or_dir)
    if isinstance(name_or_dir, str) and re.fullmatch(r"[a-z][a-z0-9_-]*", text) and text in builtin_templates():
        return _load(Path(str(_builtin_root() / text)), text, True)
    path = Path(name_or_dir)
    if not path.is_dir():
        known = ", ".join(builtin_templates())
        raise TemplateError(f"no template {text!r}: give a built-in name ({known}) or a template folder")
    return _load(path.resolve(), path.name, False)


@lru_cache(maxsize=32)
def _load(path: Path, name: str, builtin: bool) -> Template:
    src = path / TEMPLATE_FILE
    if not src.is_file():
        raise TemplateError(f"template {name!r}: {TEMPLATE_FILE} not found in {path}")
    if not (path / STYLE_FILE).is_file():
        raise TemplateError(f"template {name!r}: {STYLE_FILE} not found in {path}")
    try:
        if src.stat().st_size > 200_000:
            raise TemplateError(f"template {name!r}: {TEMPLATE_FILE} is over 200 kB")
        source = src.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise TemplateError(f"template {name!r}: cannot read {TEMPLATE_FILE} ({e})") from None
    style = load_style(path / STYLE_FILE, name=name)
    compile_template(source, name, builtin)  # syntax errors surface at load time
    return Template(name=name, path=path, style=style, source=source, builtin=builtin)
