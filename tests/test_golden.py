"""The sample's Briefing, block tree and inspected structure equal the reviewed golden files."""
from __future__ import annotations

import pytest

from tests.golden_update import GOLDEN, SAMPLES, golden_files


@pytest.mark.slow
@pytest.mark.parametrize("sample", SAMPLES or [None], ids=lambda p: p.stem if p else "none")
def test_sample_matches_golden(sample):
    assert sample is not None, "source/ holds no sample article"
    files, blocks = golden_files(sample)
    for name, content in files.items():
        path = GOLDEN / name
        assert path.exists(), f"{name} missing: run `make golden` and review the new file"
        assert content == path.read_text(encoding="utf-8"), (
            f"{name} differs from the golden file; if the change is intended, run `make golden` "
            "and review the diff")
    assert blocks["pdf"] == blocks["docx"], "PDF and DOCX hold different block sequences"
