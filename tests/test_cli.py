"""The CLI as a user drives it: through typer's CliRunner, plus a few real subprocesses."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefgen import __version__
from briefgen.cli import app
from briefgen.status import ExitStatus

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source" / "blinken-beijing-2023.txt"
runner = CliRunner()

SHORT = """Leaders meet in Geneva for climate talks

GENEVA - Foreign Minister Ana Silva arrived in Geneva on Monday for two days of talks with
her Swiss counterpart, Foreign Minister Karl Weber, aimed at reviving a stalled climate deal.

The ministers will discuss carbon pricing, border tariffs and aid for poorer nations.

"We expect hard but honest talks," Silva told reporters. Officials said no breakthrough was expected.
"""


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1 and "Traceback" not in text


def test_version():
    r = run("--version")
    assert r.exit_code == 0
    assert r.output.strip() == f"briefgen {__version__}"


@pytest.mark.slow
def test_python_m_and_console_script_version():
    r = subprocess.run([sys.executable, "-m", "briefgen", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == f"briefgen {__version__}"


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly():
    """``briefgen extract ... | head``: the reader is gone before the output is written."""
    p = subprocess.Popen([sys.executable, "-m", "briefgen", "extract", str(SAMPLE), "--format", "json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait() == 1 and err == b""


def test_every_command_has_help_with_an_example():
    for cmd in (["build"], ["extract"], ["inspect"], ["config"], ["templates", "list"],
                ["templates", "show"], ["templates", "init"]):
        r = run(*cmd, "--help")
        assert r.exit_code == 0, cmd
        assert "Example: briefgen" in r.output, cmd


def test_extract_json_contract_on_sample():
    r = run("extract", str(SAMPLE), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    for key in ("subject", "event", "purpose", "agenda", "expectations", "context",
                "participants", "quotes"):
        assert key in data
    spans = [ev for sec in ("purpose", "agenda", "expectations", "context", "participants", "quotes")
             for item in data[sec] for ev in item["evidence"]]
    assert spans, "the sample yields evidence"
    for ev in spans:
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_extract_text_outline_and_stdin():
    r = run("extract", "-", "--format", "text", input=SHORT)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Subject: ")
    assert "Source: <stdin>" in r.stdout


@pytest.mark.parametrize("content, status", [
    (None, ExitStatus.BAD_INPUT),        # missing file
    ("", ExitStatus.BAD_INPUT),          # empty
    ("   \n\n  ", ExitStatus.BAD_INPUT),  # whitespace only
])
def test_extract_bad_input_is_one_line_and_exit_2(tmp_path, content, status):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_text(content)
    r = run("extract", str(path))
    assert r.exit_code == status
    assert one_line(r.stderr), r.stderr
    assert str(path) in r.stderr


def test_bad_option_value_is_usage_error(tmp_path):
    assert run("build", str(SAMPLE), "-o", str(tmp_path), "--format", "gif").exit_code == ExitStatus.USAGE
    assert run("build", str(SAMPLE), "-o", str(tmp_path), "--date", "yesterday").exit_code == ExitStatus.USAGE
    assert run("extract", str(SAMPLE), "--format", "xml").exit_code == ExitStatus.USAGE
    assert run("build", "--no-such-option").exit_code == ExitStatus.USAGE
    assert not any(tmp_path.iterdir())


def test_build_sample_writes_one_page_pdf_and_docx(tmp_path):
    r = run("build", str(SAMPLE), "-o", str(tmp_path / "out"), "--date", "2023-06-18")
    assert r.exit_code == 0, r.output
    pdf = tmp_path / "out" / "blinken-beijing-2023.pdf"
    docx = tmp_path / "out" / "blinken-beijing-2023.docx"
    assert len(PdfReader(pdf).pages) == 1
    assert docx.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [docx.name, pdf.name]


def test_build_is_deterministic(tmp_path):
    for d in ("a", "b"):
        assert run("build", str(SAMPLE), "-o", str(tmp_path / d), "--date", "2023-06-18",
                   "--format", "pdf,docx,md,html,json").exit_code == 0
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_build_missing_input_writes_nothing(tmp_path):
    out = tmp_path / "out"
    r = run("build", str(tmp_path / "nope.txt"), "-o", str(out))
    assert r.exit_code == ExitStatus.BAD_INPUT
    assert one_line(r.stderr), r.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.slow
def test_batch_with_one_bad_file_builds_the_others(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(SHORT)
    (src / "sample.txt").write_text(SAMPLE.read_text(encoding="utf-8"))
    (src / "empty.txt").write_text("")
    r = run("build", str(src), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert r.exit_code == ExitStatus.FAILED
    built = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert built == ["good.docx", "good.pdf", "sample.docx", "sample.pdf"]
    assert "2 built, 1 failed" in r.stdout


def test_output_never_overwrites_the_input(tmp_path):
    article = tmp_path / "memo.md"
    article.write_text(SHORT)
    before = article.read_bytes()
    r = run("build", str(article), "-o", str(tmp_path), "--format", "md")
    assert r.exit_code == ExitStatus.OUTPUT_REFUSED
    assert one_line(r.stderr)
    assert article.read_bytes() == before


def test_output_refuses_symlink_target(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "sample.pdf").symlink_to(victim)
    article = tmp_path / "sample.txt"
    article.write_text(SHORT)
    r = run("build", str(article), "-o", str(out), "--format", "pdf")
    assert r.exit_code == ExitStatus.OUTPUT_REFUSED
    assert victim.read_text() == "keep me"


def test_stdin_build_names_output_from_title(tmp_path):
    r = run("build", "-", "-o", str(tmp_path), "--format", "md", input=SHORT)
    assert r.exit_code == 0, r.output
    names = [p.name for p in tmp_path.iterdir()]
    assert len(names) == 1 and names[0].endswith(".md")


def test_templates_list_init_and_use(tmp_path):
    r = run("templates", "list")
    assert r.exit_code == 0 and "default" in r.stdout.split()
    house = tmp_path / "house"
    assert run("templates", "init", str(house)).exit_code == 0
    assert (house / "memo.xml.j2").exists() and (house / "style.toml").exists()
    assert run("templates", "init", str(house)).exit_code == ExitStatus.OUTPUT_REFUSED
    style = house / "style.toml"
    style.write_text(style.read_text().replace('marking = "UNCLASSIFIED"', 'marking = "HOUSE ONLY"'))
    r = run("build", str(SAMPLE), "-o", str(tmp_path / "out"), "--template", str(house), "--format", "md")
    assert r.exit_code == 0, r.output
    assert "HOUSE ONLY" in (tmp_path / "out" / "blinken-beijing-2023.md").read_text()


def test_unknown_template_is_template_error(tmp_path):
    r = run("build", str(SAMPLE), "-o", str(tmp_path), "--template", str(tmp_path / "none"))
    assert r.exit_code == ExitStatus.TEMPLATE_ERROR
    assert one_line(r.stderr)


def test_config_file_in_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    (tmp_path / "briefgen.toml").write_text('to = "The Minister"\noutput = "memos"\n')
    r = run("config")
    assert r.exit_code == 0
    line = next(l for l in r.stdout.splitlines() if l.startswith("to "))
    assert "The Minister" in line and "briefgen.toml" in line
    (tmp_path / "a.txt").write_text(SHORT)
    assert run("build", "a.txt", "--format", "md").exit_code == 0
    assert "The Minister" in (tmp_path / "memos" / "a.md").read_text()
    assert run("build", "a.txt", "--format", "md", "--to", "Cabinet").exit_code == 0
    assert "Cabinet" in (tmp_path / "memos" / "a.md").read_text()


def test_bad_config_is_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefgen.toml").write_text('colour = "red"\n')
    r = run("config")
    assert r.exit_code == ExitStatus.USAGE and one_line(r.stderr)


@pytest.mark.slow
@pytest.mark.skipif(not __import__("shutil").which("pdffonts"), reason="poppler's pdffonts is not installed")
def test_every_pdf_font_is_embedded(tmp_path):
    assert run("build", str(SAMPLE), "-o", str(tmp_path), "--format", "pdf").exit_code == 0
    r = subprocess.run(["pdffonts", str(tmp_path / "blinken-beijing-2023.pdf")],
                       capture_output=True, text=True, check=True)
    rows = r.stdout.splitlines()[2:]
    assert rows, r.stdout
    for row in rows:  # name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", row


def test_debug_adds_the_traceback(tmp_path):
    r = run("extract", str(tmp_path / "missing.txt"), "--debug")
    assert r.exit_code == ExitStatus.BAD_INPUT
    assert "Traceback" in r.stderr and r.stderr.strip().endswith("no such file")


def test_interrupt_is_one_line_and_exit_130(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("briefgen.sources.read.read_article", interrupted)
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    r = run("extract", str(tmp_path / "a.txt"))
    assert r.exit_code == 130  # as a shell expects after Ctrl-C, and quietly: no traceback
    assert "Traceback" not in r.output and "Traceback" not in r.stderr


NO_EVENT = """Local side lifts the county cup

The Riverside Rovers won the county cup on Saturday, beating Harbour Town 3-2 after extra time.

The club will hold a parade through the town centre next weekend, the mayor's office said.
"""


@pytest.mark.parametrize("command", ["build", "extract"])
def test_an_article_without_an_event_is_built_with_a_warning_naming_what_is_missing(command, tmp_path):
    src = tmp_path / "cup.txt"
    src.write_text(NO_EVENT, encoding="utf-8")
    args = [command, str(src)] + (["-o", str(tmp_path / "out"), "--format", "md"] if command == "build"
                                   else ["--format", "json"])
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "warning: " in result.stderr and "no visit, summit or talks found" in result.stderr
    if command == "build":
        memo = (tmp_path / "out" / "cup.md").read_text(encoding="utf-8")
        assert "**SUBJECT:** Local side lifts the county cup" in memo
    else:
        assert json.loads(result.stdout)["event"]["kind"] is None
