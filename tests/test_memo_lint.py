"""The shared memo linter over the dev memos: every line a chief of staff would strike is a
failure. Runs where ../shared exists (skips cleanly elsewhere); slow (65 memos)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
LINT = SHARED / "memo_lint.py"
DEV = SHARED / "dev"


@pytest.mark.slow
@pytest.mark.skipif(not (LINT.is_file() and DEV.is_dir()), reason="shared memo_lint and dev set not available")
def test_dev_memos_are_clean_by_memo_lint(tmp_path):
    articles = sorted(str(p) for p in DEV.glob("*.txt"))
    build = subprocess.run([sys.executable, "-m", "briefgen", "build", *articles, "-o", str(tmp_path),
                            "--format", "md", "--quiet", "--date", "2026-01-01"],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    memos = sorted(str(p) for p in tmp_path.glob("*.md"))
    assert len(memos) == len(articles)
    out = subprocess.run([sys.executable, str(LINT), *memos, "--json"], capture_output=True, text=True,
                         timeout=120)
    report = json.loads(out.stdout)
    faulty = {k: {f: n for f, n in v.items() if f not in ("lines", "faults", "elided") and n}
              for k, v in report["per_memo"].items() if v["faults"]}
    assert report["clean_memos"] == report["memos"], f"memos with faults: {faulty}"
