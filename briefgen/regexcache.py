"""Regular expressions compiled once per machine rather than once per process.

A fresh ``briefgen extract`` needs a few hundred patterns, and ``re`` parses and
compiles each one in Python: about 40 ms, more than the extraction itself. What the
compiler produces (sre code, a list of integers, plus the group names) depends only on
the pattern, its flags and the interpreter, so it is kept in the derived-data cache
(``usercache``) and later processes hand it straight to ``_sre.compile``, the
constructor ``re`` itself ends with.

Safety: an entry is named by the interpreter's exact build and sre's version; it is
stored only after the pattern it rebuilds compared equal to ``re.compile``'s (a
``Pattern`` compares its code); ``_sre`` validates any code it is given. Any mismatch
in these private interfaces (another Python) falls back to plain ``re.compile``.
Use ``regex`` for the package's own fixed patterns only, never for text from an article.

Libraries compile their own patterns when imported (reportlab's URL pattern alone takes
about 40 ms). ``compiled_ahead`` wraps such an import: it puts the patterns the same
import compiled the first time into ``re``'s own cache (``re._cache``, where
``re.compile`` looks first).
"""
from __future__ import annotations

import atexit
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from briefgen import usercache

try:
    import _sre
    from re import _compiler, _parser

    _ENTRY = usercache.key("regex/1", sys.version, sys.implementation.cache_tag, str(_sre.MAGIC),
                           str(_sre.CODESIZE), str(_sre.MAXREPEAT), str(_sre.MAXGROUPS))
except (ImportError, AttributeError):  # another implementation: no cache
    _ENTRY = None

# (pattern, flags) -> (flags after parsing, code, groups, groupindex, indexgroup)
Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_MAX_ENTRIES = 4096  # beyond this (patterns edited many times over), keep only those in use

_stored: dict[tuple[str, int], Parts] = {}
_used: dict[tuple[str, int], Parts] = {}
_new = False


def _load(name: str | None) -> dict[tuple[str, int], Parts]:
    data = usercache.read("regex", name) if name else None
    if not data:
        return {}
    try:
        loaded = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _save() -> None:
    if not _new:
        return
    merged = {**_stored, **_used}
    try:
        usercache.write("regex", _ENTRY, marshal.dumps(_used if len(merged) > _MAX_ENTRIES else merged))
    except ValueError:  # unmarshallable: nothing to keep
        pass


def _parts(pattern: str, flags: int) -> Parts:
    """What ``re._compiler.compile`` passes to ``_sre.compile``, besides the pattern."""
    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]  # plain ints: opcodes are an int subclass
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | p.state.flags), code, p.state.groups - 1, groupindex, tuple(indexgroup)


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, taken from the cache when this interpreter has
    compiled it before."""
    global _new
    flags = int(flags)
    key = (pattern, flags)
    if _ENTRY is None or not isinstance(pattern, str) or flags & (re.DEBUG | re.TEMPLATE):
        return re.compile(pattern, flags)
    parts = _stored.get(key)
    if parts is not None:
        try:
            compiled = _sre.compile(pattern, *parts)
        except Exception:  # a damaged entry: compile afresh below
            pass
        else:
            _used[key] = parts
            return compiled
    compiled = re.compile(pattern, flags)  # raises re.error for a bad pattern, as usual
    try:
        parts = _parts(pattern, flags)
        same = _sre.compile(pattern, *parts) == compiled
    except Exception:  # the private interfaces differ here: keep plain re
        return compiled
    if same:
        if not _new:
            atexit.register(_save)
        _used[key], _new = parts, True
    return compiled


@contextmanager
def compiled_ahead(package: str) -> Iterator[None]:
    """Around the import of ``package``: the regexes its import compiled the first time
    are ready in ``re``'s cache. The entry is written once per installed version of the
    package (named by its ``__init__`` file's size and time): a pattern built from a set
    differs from run to run, and re-learning would grow the entry forever."""
    cache = getattr(re, "_cache", None)
    origin = _origin(package)
    if _ENTRY is None or not isinstance(cache, dict) or origin is None:
        yield
        return
    name = usercache.key(_ENTRY, "package", package, *origin)
    stored = _load(name)
    for (pattern, flags), parts in stored.items():
        try:
            cache.setdefault((str, pattern, flags), _sre.compile(pattern, *parts))
        except Exception:  # a damaged entry: re compiles that one itself
            pass
    before = set(cache)
    yield
    if stored:
        return
    learned = {}
    for key in [k for k in cache if k not in before]:
        kind, pattern, flags = key
        if kind is str and isinstance(flags, int) and not flags & (re.DEBUG | re.TEMPLATE):
            try:
                parts = _parts(pattern, flags)
                if _sre.compile(pattern, *parts) == cache[key]:
                    learned[(pattern, flags)] = parts
            except Exception:  # the private interfaces differ here: learn nothing
                return
    if learned:
        usercache.write("regex", name, marshal.dumps(learned))


def _origin(package: str) -> tuple[str, str, str] | None:
    """(path, size, modification time) of an installed package's ``__init__``, or None."""
    try:
        spec = importlib.util.find_spec(package)
        st = os.stat(spec.origin)
    except (ImportError, ValueError, AttributeError, TypeError, OSError):
        return None
    return spec.origin, str(st.st_size), str(st.st_mtime_ns)


if _ENTRY is not None:
    _stored = _load(_ENTRY)
