"""Guard: the shared scorer on the dev set must not fall below the floor (issue 11, item 7).

Runs ../shared/eval/score.py over ../shared/eval/dev with predictions made in process (the
same extraction the CLI prints) and fails below FLOOR overall or with any span that is not a
verbatim slice (ground < 1.0). Skips where the shared folder is absent. Slow: ~65 articles.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.extract import extract
from briefgen.model.briefing import to_json
from briefgen.sources.read import read_article

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / ".." / "shared" / "eval"
FLOOR = {"overall": 0.785, "grounding": 1.0}  # just under the score (0.790 when set, 0.789 now)
# The people and event measures, just under their scores when set: principal 0.97, location 0.94,
# status 0.94, participants 0.97, quote speaker 0.98.
PEOPLE_FLOOR = {"event_principal": 0.93, "event_location": 0.91, "event_status": 0.91, "participants": 0.94,
                "speaker_acc": 0.95}


@pytest.mark.slow
def test_dev_score_holds_its_floor(tmp_path):
    dev, scorer = EVAL / "dev", EVAL / "score.py"
    if not dev.is_dir() or not scorer.exists():
        pytest.skip("../shared/eval/dev not present")
    for src in sorted(dev.glob("*.txt")):
        if not src.with_name(src.stem + ".gold.json").exists():
            continue
        article = read_article(src)
        data = to_json(extract(article), article.text)
        (tmp_path / f"{src.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(scorer), str(dev), "--pred", str(tmp_path), "--json"],
                         capture_output=True, text=True, check=True)
    summary = json.loads(run.stdout)["summary"]
    assert summary["failures"] == 0
    assert summary["grounding"] == FLOOR["grounding"]
    assert summary["overall"] >= FLOOR["overall"], summary
    for key, floor in PEOPLE_FLOOR.items():
        assert summary[key] >= floor, (key, summary[key])
