"""Effective settings: built-in defaults < user config < ./briefgen.toml < command-line options.

Each value remembers where it came from, so ``briefgen config`` can say why a
setting has the value it has.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

from briefgen.status import UsageError

CONFIG_NAME = "briefgen.toml"

# key -> (default, help). "from" is the memo's FROM line.
SETTINGS: dict[str, tuple[Any, str]] = {
    "to": (None, "TO line of the memo header"),
    "from": (None, "FROM line of the memo header"),
    "marking": (None, "handling marking banner (template default: UNCLASSIFIED)"),
    "template": ("default", "built-in template name or a template folder"),
    "output": ("out", "output folder"),
    "formats": ("pdf,docx", "output formats: \"pdf,docx\" or [\"pdf\", \"docx\"]"),
    "page_size": (None, "A4 or Letter (template default)"),
}

# Settings a config file may give as a TOML list; the value is kept comma-joined, as the option.
LIST_SETTINGS = frozenset({"formats"})


class Setting(NamedTuple):
    """A setting's value and where it comes from."""

    value: Any
    origin: str  # "default", a config file path, or "option"


def user_config_path() -> Path:
    """``$XDG_CONFIG_HOME/briefgen/briefgen.toml`` or the platform's app folder."""
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg:
        return Path(xdg) / "briefgen" / CONFIG_NAME
    import typer

    return Path(typer.get_app_dir("briefgen")) / CONFIG_NAME


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise UsageError(f"cannot read config: {e}", source=str(path)) from None
    unknown = sorted(set(data) - set(SETTINGS))
    if unknown:
        raise UsageError(f"unknown setting {unknown[0]!r}; known: {', '.join(SETTINGS)}",
                         source=str(path))
    for key, value in data.items():
        if key in LIST_SETTINGS and isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise UsageError(f"setting {key!r} must be a string or a list of strings",
                                 source=str(path))
            data[key] = ",".join(v.strip() for v in value)
        elif not isinstance(value, str):
            kind = "a string or a list of strings" if key in LIST_SETTINGS else "a string"
            raise UsageError(f"setting {key!r} must be {kind}", source=str(path))
    return data


def config_files(cwd: Path | None = None) -> list[Path]:
    return [user_config_path(), (cwd or Path.cwd()) / CONFIG_NAME]


def effective(options: dict[str, Any] | None = None, cwd: Path | None = None) -> dict[str, Setting]:
    """Merge defaults, config files and the options given (None means not given)."""
    merged = {k: Setting(default, "default") for k, (default, _) in SETTINGS.items()}
    for path in config_files(cwd):
        for key, value in read_config_file(path).items():
            merged[key] = Setting(value, str(path))
    for key, value in (options or {}).items():
        if value is not None:
            merged[key] = Setting(value, "option")
    return merged
