"""The sample's Briefing, block tree and inspected structure equal the reviewed golden files."""
from __future__ import annotations

import pytest

from tests.golden_update import GOLDEN, SAMPLES, golden_files


@pytest.mark.slow
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_matches_golden(sample):
    files, blocks = golden_files(sample)
    for name, content in files.items():
        path = GOLDEN / name
        assert path.exists(), f"{name} missing: run `make golden` and review the new file"
        assert content == path.read_text(encoding="utf-8"), (
            f"{name} differs from the golden file; if the change is intended, run `make golden` "
            "and review the diff")
    assert blocks["pdf"] == blocks["docx"], "PDF and DOCX hold different block sequences"


def test_there_is_a_sample():
    assert SAMPLES, "source/ holds no sample article"
