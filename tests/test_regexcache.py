"""The compiled-regex cache: what it rebuilds equals what ``re`` compiles, a damaged
entry costs a recompile and never a wrong pattern, and extraction is the same warm or cold."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import regexcache

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source" / "blinken-beijing-2023.txt"

pytestmark = pytest.mark.skipif(regexcache._ENTRY is None, reason="no sre internals on this Python")

def _run(cache: Path, *, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A fresh ``briefgen extract`` of the sample that also imports reportlab as the
    renderers do, and reports on stderr how many patterns came from the cache."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "BRIEFGEN_NO_CACHE")}
    env |= {"BRIEFGEN_CACHE_DIR": str(cache), **(extra_env or {})}
    code = ("import sys, json; from briefgen.cli import app; "
            "from briefgen import regexcache; import briefgen.reportlab_setup; "
            "sys.argv = ['briefgen', 'extract', sys.argv[1], '--format', 'json']\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "hits = sum(1 for k, v in regexcache._used.items() if regexcache._stored.get(k) is v)\n"
            "print('HITS', hits, file=sys.stderr)")
    return subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def _hits(r: subprocess.CompletedProcess) -> int:
    assert r.returncode == 0, r.stderr[-2000:]
    return int(r.stderr.rsplit("HITS", 1)[1].split()[0])


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "briefgen-regex").glob("*"))


def test_warm_process_takes_patterns_from_the_cache_and_extracts_the_same(tmp_path):
    cold = _run(tmp_path)
    assert _hits(cold) == 0
    entries = _entries(tmp_path)
    assert len(entries) == 2  # briefgen's own patterns, and reportlab's import-time ones
    saved = {e: e.read_bytes() for e in entries}
    warm = _run(tmp_path)
    assert _hits(warm) > 100
    assert warm.stdout == cold.stdout
    # Nothing rewritten: reportlab builds one pattern from a set (its order changes from run
    # to run), which must not make the entry grow with every run.
    assert {e: e.read_bytes() for e in _entries(tmp_path)} == saved
    off = _run(tmp_path, extra_env={"BRIEFGEN_NO_CACHE": "1"})
    assert off.stdout == cold.stdout and _hits(off) == 0


def test_every_cached_pattern_equals_what_re_compiles(tmp_path):
    import _sre

    assert _hits(_run(tmp_path)) == 0
    checked = 0
    for entry in _entries(tmp_path):
        for (pattern, flags), parts in marshal.loads(entry.read_bytes()).items():
            assert _sre.compile(pattern, *parts) == re.compile(pattern, flags), pattern[:80]
            checked += 1
    assert checked > 150


@pytest.mark.parametrize("spoil", ["garbage", "bad-code", "wrong-shape"])
def test_a_damaged_cache_costs_a_recompile_never_a_wrong_pattern(spoil, tmp_path):
    cold = _run(tmp_path)
    for entry in _entries(tmp_path):
        if spoil == "garbage":
            entry.write_bytes(b"\x00not marshal")
            continue
        table = marshal.loads(entry.read_bytes())
        for key, (flags, code, groups, groupindex, indexgroup) in table.items():
            table[key] = ((flags, [7] * len(code), groups, groupindex, indexgroup) if spoil == "bad-code"
                          else (flags, code))
        entry.write_bytes(marshal.dumps(table))
    spoiled = _run(tmp_path)
    assert _hits(spoiled) == 0
    assert spoiled.stdout == cold.stdout


def test_regex_behaves_as_re_compile_in_process():
    assert regexcache.regex(r"\bfoo(?P<x>bar)", re.I) == re.compile(r"\bfoo(?P<x>bar)", re.I)
    assert regexcache.regex(rb"bytes?") == re.compile(rb"bytes?")
    with pytest.raises(re.error):
        regexcache.regex(r"(unclosed")
