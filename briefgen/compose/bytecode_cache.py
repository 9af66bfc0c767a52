"""Compiled templates kept between runs, through jinja2's public ``BytecodeCache``.

Compiling the memo template (lexing, parsing, generating and compiling Python) is about
25 ms of every fresh ``briefgen build``; loading it back from the cache is well under one.
The cache lives in the user's cache folder ($XDG_CACHE_HOME, else ~/.cache)/briefgen, never
in the installed package, and it is only an optimisation:
- jinja2 stores a checksum of the template source with the code, so an edited template is
  compiled afresh, never served stale;
- the file names carry a fingerprint of everything the generated code depends on (Python,
  jinja2 and the sandbox's settings), so another version never loads code compiled for it;
- a folder that cannot be made or written, or that others could write to, or a damaged file
  means no cache, never an error;
- where Python is told not to write bytecode (PYTHONDONTWRITEBYTECODE, -B), nothing is written
  (an entry already there is still read).
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Mapping

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path | None:
    """($XDG_CACHE_HOME or ~/.cache)/briefgen/templates, or None where there is no home."""
    base = environ.get("XDG_CACHE_HOME", "").strip()
    if not base or not os.path.isabs(base):  # the XDG spec: a relative path is ignored
        home = environ.get("HOME", "").strip()
        if not home:
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "briefgen" / "templates"


def fingerprint(env: jinja2.Environment) -> str:
    """What the code jinja2 generates depends on, hashed: the interpreter's version, jinja2's,
    the environment class and its syntax and sandbox settings."""
    parts = (sys.version_info[:2], jinja2.__version__, type(env).__qualname__, env.block_start_string,
             env.block_end_string, env.variable_start_string, env.variable_end_string,
             env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
             env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
             env.keep_trailing_newline, env.optimized, env.is_async, env.autoescape is True,
             sorted(env.extensions), sorted(getattr(env, "intercepted_binops", ())),
             sorted(getattr(env, "intercepted_unops", ())))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


class SafeCache(FileSystemBytecodeCache):
    """jinja2's file cache that never fails a build: unreadable, damaged or unwritable
    entries are a cache miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a truncated or foreign file: compile afresh
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if sys.dont_write_bytecode:  # PYTHONDONTWRITEBYTECODE / -B: no compiled code written, ours neither
            return
        try:
            super().dump_bytecode(bucket)
        except OSError:  # read-only, full or vanished folder: no cache this time
            pass


def bytecode_cache(env: jinja2.Environment, environ: Mapping[str, str] = os.environ) -> SafeCache | None:
    """The cache for ``env``, or None where no cache folder can be made."""
    folder = cache_dir(environ)
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK | os.X_OK) or not _private(folder):
        return None
    return SafeCache(str(folder), pattern=f"memo-{fingerprint(env)}-%s.cache")


def _private(folder: Path) -> bool:
    """Whether only this user can write the folder: cached code is run, so a folder another
    user could plant files in (a shared XDG_CACHE_HOME, a world-writable one) is not used."""
    try:
        st = folder.stat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return mine and not st.st_mode & 0o022


def compile_cached(env: jinja2.Environment, cache: SafeCache | None, source: str, key: str) -> jinja2.Template:
    """``env.from_string(source)``, with the compiled code kept in ``cache`` under ``key``
    (one entry per template, replaced when its source changes)."""
    if cache is None:
        return env.from_string(source)
    bucket = cache.get_bucket(env, key, None, source)
    code = bucket.code
    if code is None:
        code = env.compile(source)
        bucket.code = code
        cache.set_bucket(bucket)
    return env.template_class.from_code(env, code, env.make_globals(None), None)
