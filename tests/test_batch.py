"""build_many: results in input order whatever the number of workers, nothing for nothing."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefgen.app.batch import build_many
from briefgen.app.build import BuildOptions
from briefgen.status import ExitStatus

SAMPLE = Path(__file__).resolve().parent.parent / "source" / "blinken-beijing-2023.txt"


@pytest.mark.parametrize("jobs", [1, 2])
def test_no_inputs_no_results(jobs, tmp_path):
    assert build_many([], BuildOptions(out_dir=tmp_path), jobs) == []


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])  # 2: a process pool
def test_results_come_back_in_input_order(jobs, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    inputs = []
    for name in ("c.txt", "a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        inputs.append(str(tmp_path / name))
    inputs.insert(1, str(tmp_path / "missing.txt"))
    done = []
    results = build_many(inputs, BuildOptions(out_dir=tmp_path / "out", formats=("pdf",), date=date(2023, 6, 18)),
                         jobs, on_done=done.append)
    assert [r.source for r in results] == inputs
    assert sorted(r.source for r in done) == sorted(inputs)
    assert [r.status for r in results] == [ExitStatus.OK, ExitStatus.BAD_INPUT, ExitStatus.OK, ExitStatus.OK]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]


@pytest.mark.slow
def test_pool_workers_never_fork_a_threaded_process(tmp_path):
    """A batch runs beside the progress bar's thread: Python 3.12+ warns when a process with
    threads forks (a deadlock risk), and the workers must be started without that."""
    import threading
    import warnings

    text = SAMPLE.read_text(encoding="utf-8")
    inputs = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        inputs.append(str(tmp_path / name))
    stop = threading.Event()
    ticker = threading.Thread(target=stop.wait)
    ticker.start()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            results = build_many(inputs, BuildOptions(out_dir=tmp_path / "out", formats=("md",),
                                                      date=date(2023, 6, 18)), 2)
    finally:
        stop.set()
        ticker.join()
    assert [r.status for r in results] == [ExitStatus.OK, ExitStatus.OK]
    assert not [w for w in caught if "fork" in str(w.message)], [str(w.message) for w in caught]


@pytest.mark.slow
def test_workers_import_briefgen_not_a_folder_of_that_name_where_the_batch_runs(tmp_path):
    """A batch run in a folder that holds a ``briefgen`` folder (a checkout, a user's own
    project) still builds with this package: the pool's processes must not put the current
    directory first on their path."""
    import subprocess
    import sys

    work = tmp_path / "work"
    (work / "briefgen").mkdir(parents=True)
    (work / "briefgen" / "__init__.py").write_text('raise SystemExit("the wrong briefgen")\n', encoding="utf-8")
    text = SAMPLE.read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (work / name).write_text(text, encoding="utf-8")
    # the parent runs as the console script does: its own folder, not the current one, on its path
    launcher = tmp_path / "bin" / "run_briefgen.py"
    launcher.parent.mkdir()
    launcher.write_text("import sys\nfrom briefgen.__main__ import main\n\nif __name__ == '__main__':\n    sys.exit(main())\n",
                        encoding="utf-8")
    r = subprocess.run([sys.executable, str(launcher), "build", "a.txt", "b.txt", "-o", "out", "-f", "md",
                        "--jobs", "2", "--date", "2023-06-18", "--quiet"],
                       cwd=work, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (work / "out").iterdir()) == ["a.md", "b.md"]
