"""A cache of briefgen's own derived data, beside Python's bytecode cache of the package.

Work a fresh process would otherwise redo (a built-in template's compiled code, the
DOCX package parts set up for a style) is kept in ``briefgen/__pycache__/``, where
Python keeps the package's compiled modules, so a build writes nothing in the user's
folders beyond its output. Each entry is named by a hash of everything it depends on,
so a change anywhere is a miss, never a stale hit. The folder must belong to this user
and be writable by nobody else, and so must each entry, or it is ignored. Nothing
here is needed: any failure (a read-only install) means recomputing. Like Python,
nothing is written when PYTHONDONTWRITEBYTECODE is set; BRIEFGEN_NO_CACHE=1 turns the
cache off entirely; BRIEFGEN_CACHE_DIR names another folder (tests use it).
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path


def key(*parts: str | bytes) -> str:
    """A hex digest naming an entry: every input the entry depends on."""
    h = hashlib.sha256()
    for p in parts:
        b = p.encode("utf-8") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "big"))
        h.update(b)
    return h.hexdigest()


def folder(kind: str) -> Path | None:
    """``briefgen/__pycache__/briefgen-<kind>`` (or under BRIEFGEN_CACHE_DIR); None when off."""
    if os.environ.get("BRIEFGEN_NO_CACHE") or not hasattr(os, "getuid"):
        return None
    base = os.environ.get("BRIEFGEN_CACHE_DIR")
    if base is not None and not os.path.isabs(base):
        return None
    root = Path(base) if base else Path(__file__).resolve().parent / "__pycache__"
    return root / f"briefgen-{kind}"


def _private(path: Path, *, is_dir: bool) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    kind = stat.S_ISDIR(st.st_mode) if is_dir else stat.S_ISREG(st.st_mode)
    return kind and st.st_uid == os.getuid() and not st.st_mode & 0o022


def read(kind: str, name: str) -> bytes | None:
    """An entry's bytes, or None if missing or not private to this user."""
    d = folder(kind)
    if d is None:
        return None
    path = d / name
    if not (_private(d.parent, is_dir=True) and _private(d, is_dir=True) and _private(path, is_dir=False)):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, data: bytes) -> None:
    """Store an entry atomically (0600 in a 0700 folder); failures are ignored."""
    d = folder(kind)
    if d is None or sys.dont_write_bytecode:
        return
    try:
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not (_private(d.parent, is_dir=True) and _private(d, is_dir=True)):
            return
        tmp = d / f".{name}.{os.getpid()}.tmp"
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
            f.write(data)
        os.replace(tmp, d / name)
    except OSError:
        pass
