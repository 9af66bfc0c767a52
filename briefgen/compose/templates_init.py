"""``briefgen templates init``: copy a template folder as the start of a house style."""
from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from briefgen.status import OutputRefused


def _copy(src: Traversable, dest: Path) -> None:
    for entry in sorted(src.iterdir(), key=lambda e: e.name):
        if entry.name.startswith((".", "__")):
            continue
        target = dest / entry.name
        if entry.is_dir():
            target.mkdir()
            _copy(entry, target)
        else:
            target.write_bytes(entry.read_bytes())


def init_template(base: str, folder: Path) -> Path:
    """Copy template ``base`` into ``folder`` (which must not exist, or be empty)."""
    from briefgen.compose.template import load_template

    source = load_template(base).path
    folder = Path(folder)
    if folder.is_symlink() or (folder.exists() and (not folder.is_dir() or any(folder.iterdir()))):
        raise OutputRefused("exists and is not an empty folder; choose a new one", source=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    _copy(source, folder)
    return folder
