"""Golden files of the sample articles: what they are, and the explicit command that rewrites them.

``make golden`` (``python -m tests.golden_update``) rewrites tests/golden/ from
the current code; tests/test_golden.py compares. Review the diff before you
commit it: a golden change is a behaviour change.
"""
from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted((ROOT / "source").glob("*.txt"))
# Fixed options, so the files do not change with the day they are made.
MEMO_DATE = date(2023, 6, 18)


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def inspected_blocks(stem: str, outputs: dict[str, bytes]) -> dict[str, list]:
    """``briefgen inspect``'s block sequence of each produced file, by format."""
    from briefgen.inspect.reader import inspect_file

    blocks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("pdf", "docx"):
            path = Path(tmp) / f"{stem}.{fmt}"
            path.write_bytes(outputs[fmt])
            blocks[fmt] = inspect_file(path)["blocks"]
    return blocks


def golden_files(sample: Path) -> tuple[dict[str, str], dict[str, list]]:
    """(file name -> expected content, inspected blocks by format) for one sample."""
    from briefgen.app.build import BuildOptions, build_article
    from briefgen.extract import extract
    from briefgen.model.briefing import to_json
    from briefgen.render.text import block_tree_text
    from briefgen.sources.read import read_article

    article = read_article(sample)
    briefing = extract(article, today=MEMO_DATE)
    outputs, fitted = build_article(article, BuildOptions(formats=("pdf", "docx"), date=MEMO_DATE))
    blocks = inspected_blocks(sample.stem, outputs)
    files = {
        f"{sample.stem}.briefing.json": _dump(to_json(briefing, article.text)),
        f"{sample.stem}.blocks.txt": block_tree_text(fitted.memo),
        f"{sample.stem}.inspect.json": _dump(blocks["pdf"]),
    }
    return files, blocks


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES:
        files, _ = golden_files(sample)
        for name, content in files.items():
            target = GOLDEN / name
            old = target.read_text(encoding="utf-8") if target.exists() else None
            target.write_text(content, encoding="utf-8")
            print(("unchanged " if old == content else "rewrote   ") + str(target.relative_to(ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
