"""A battery of hostile inputs through the CLI, as a user would feed them.

Every case must either build a valid one-page PDF and DOCX (exit 0) or exit with a
documented status and one line on stderr: no traceback, no partial file, nothing
outside the output folder, the input unchanged.
"""
from __future__ import annotations

import hashlib
import io
import os
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.status import ExitStatus

SAMPLE = Path(__file__).resolve().parent.parent / "source" / "blinken-beijing-2023.txt"
BODY = SAMPLE.read_text(encoding="utf-8")
INJECTION = ('AT&T and a<b said "<b>bold <font color=red>red</font> <seq/> '
             '<a href="javascript:alert(1)">x</a> <img src="file:///etc/passwd"/>" on Monday.')


def _docx(parts: dict[str, bytes], compress=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


_CT = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       b'<Default Extension="xml" ContentType="application/xml"/></Types>')

CASES = {
    # name: (file name, bytes, allowed exit statuses)
    "utf8-bom": ("a.txt", b"\xef\xbb\xbf" + BODY.encode(), {0}),
    "utf16-bom": ("a.txt", BODY.encode("utf-16"), {0}),
    "utf16-no-bom": ("a.txt", BODY.encode("utf-16-le"), {ExitStatus.BAD_INPUT}),
    "latin1": ("a.txt", ("Caf\u00e9 talks in S\u00e3o Paulo. " + BODY).encode("latin-1", "replace"),
               {ExitStatus.BAD_INPUT}),
    "binary": ("a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, {ExitStatus.BAD_INPUT}),
    "nul-heavy": ("a.txt", b"talks\x00" * 500, {ExitStatus.BAD_INPUT}),
    "controls-bidi": ("a.txt", ("\u202eevil\u202c \x07\x1b[31m " + BODY + "\u2028end\x0c").encode(), {0}),
    "crlf-cr": ("a.txt", BODY.replace("\n", "\r\n").encode(), {0}),
    "markup-injection": ("a.txt", (BODY + "\n" + INJECTION + "\n").encode(), {0}),
    "empty": ("a.txt", b"", {ExitStatus.BAD_INPUT}),
    "whitespace": ("a.txt", b" \n\t\n \r\n", {ExitStatus.BAD_INPUT}),
    "one-huge-paragraph": ("a.txt", ("word " * 8000).encode(), {ExitStatus.TOO_LARGE}),
    "too-many-bytes": ("a.txt", (BODY + "\n\n") .encode() * 9000, {ExitStatus.TOO_LARGE}),
    "unknown-suffix": ("a.csv", b"a,b\n1,2\n", {ExitStatus.UNSUPPORTED_FORMAT}),
    "pdf-as-input": ("a.pdf", b"%PDF-1.4\n%\xe2\xe3\n", {ExitStatus.UNSUPPORTED_FORMAT}),
    "docx-not-zip": ("a.docx", b"this is not a zip", {ExitStatus.BAD_INPUT}),
    "docx-bomb": ("a.docx", _docx({"[Content_Types].xml": _CT, "word/document.xml": b"<a>" + b" " * 30_000_000 + b"</a>"}),
                  {ExitStatus.BAD_INPUT, ExitStatus.TOO_LARGE}),
    "docx-doctype": ("a.docx", _docx({"[Content_Types].xml": _CT, "word/document.xml":
                                      b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'}),
                     {ExitStatus.BAD_INPUT}),
    "html-with-script": ("a.html", ("<html><head><title>Talks</title><script>fetch('http://x')</script>"
                                    "<link rel=stylesheet href='http://example.com/x.css'></head><body>"
                                    "<nav>Home | World</nav><article><h1>Talks in Geneva</h1>"
                                    + "".join(f"<p>{p}</p>" for p in BODY.split("\n") if p.strip())
                                    + "<img src='http://example.com/t.gif'></article></body></html>").encode(), {0}),
    "weird-name": ("a b;$(touch pwned)`x`.txt", BODY.encode(), {0}),
    # Read, not refused: padding is not text, and nesting depth is not content.
    "trailing-spaces": ("a.txt", (BODY + " " * 100_000).encode(), {0}),
    "padded-lines": ("a.txt", BODY.replace("\n", " " * 25_000 + "\n").encode(), {0}),
    "deep-divs": ("a.html", ("<html><head><title>Talks</title></head><body>" + "<div>" * 10_000
                             + "".join(f"<p>{p}</p>" for p in BODY.split("\n") if p.strip())
                             + "</div>" * 10_000 + "</body></html>").encode(), {0}),
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input(tmp_path, case, monkeypatch):
    name, data, allowed = CASES[case]
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in" / name
    src.parent.mkdir()
    src.write_bytes(data)
    before = _digest(src)
    out = tmp_path / "out"
    started = time.monotonic()
    r = CliRunner().invoke(app, ["build", str(src), "-o", str(out), "--date", "2024-01-02"])
    assert time.monotonic() - started < 30
    assert r.exit_code in {int(s) for s in allowed}, (r.exit_code, r.stderr)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert _digest(src) == before
    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    produced = [p for p in everything if not p.startswith("in/")]
    if r.exit_code == 0:
        assert len(produced) == 2, produced
        pdf = next(out.glob("*.pdf"))
        assert len(PdfReader(pdf).pages) == 1
        assert zipfile.ZipFile(next(out.glob("*.docx"))).testzip() is None
        assert all(p.startswith("out/") for p in produced)
    else:
        errors = [l for l in r.stderr.splitlines() if "error" in l]
        assert len(errors) == 1 and len(r.stderr.strip().splitlines()) <= 2, r.stderr
        assert produced == [], produced


def test_markup_is_drawn_literally(tmp_path):
    hostile = 'AT&T <b>bold <font color=red>red</font> <seq/> <a href="javascript:alert(1)">x</a>'
    src = tmp_path / "a.txt"
    src.write_text(BODY)
    r = CliRunner().invoke(app, ["build", str(src), "-o", str(tmp_path / "o"), "--format",
                                 "pdf,docx,md,html", "--to", hostile, "--from", "a<b & c>d"])
    assert r.exit_code == 0, r.stderr
    pdf_text = PdfReader(tmp_path / "o" / "a.pdf").pages[0].extract_text()
    assert hostile in pdf_text and "a<b & c>d" in pdf_text
    html = (tmp_path / "o" / "a.html").read_text()
    assert "<font" not in html and "<seq" not in html and 'href="javascript' not in html
    assert "AT&amp;T &lt;b&gt;bold" in html
    from markdown_it import MarkdownIt  # a Markdown viewer with raw HTML on must show text only

    md_html = MarkdownIt("commonmark").render((tmp_path / "o" / "a.md").read_text())
    assert "<font" not in md_html and "<b>bold" not in md_html and "AT&amp;T &lt;b&gt;bold" in md_html


MALICIOUS = {
    "python-internals": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
    "endless-loop": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "huge-range": "{% for i in range(10**9) %}{% endfor %}",
    "string-loops": "{% set s = 'x' * 999999 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "exponential-macro": "{% macro f(n) %}{% if n < 60 %}{{ f(n + 1) }}{{ f(n + 1) }}{% endif %}{% endmacro %}{{ f(0) }}",
    "macro-output-bomb": "{% set s = 'x' * 999999 %}{% macro m() %}{% for i in range(99999) %}{{ s }}"
                         "{% endfor %}{% endmacro %}{{ m() }}",
    "huge-output": "{{ 'x' * 1000000000 }}",
    "output-bomb": "{% for i in range(99999) %}{{ 'x' * 999999 }}{% endfor %}",
    "unknown-tag": "<memo><script>alert(1)</script></memo>",
    "doctype": '<!DOCTYPE memo [<!ENTITY x SYSTEM "file:///etc/passwd">]><memo>&x;</memo>',
    "undefined": "{{ no_such_variable }}",
}


def _children() -> set[int]:
    """Live child processes of this one (Linux /proc), to check a template left none running."""
    me, kids = str(os.getpid()), set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me and fields[0] != "Z":
            kids.add(int(stat.parent.name))
    return kids


# These run until the time limit stops them.
ENDLESS = {"endless-loop", "string-loops", "exponential-macro", "macro-output-bomb"}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.slow) if c in ENDLESS else c
                                  for c in sorted(MALICIOUS)])
def test_malicious_template(tmp_path, case, monkeypatch):
    from briefgen.compose import sandbox

    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 1.0)  # the limit, shortened for the test run
    runner = CliRunner()
    house = tmp_path / "house"
    assert runner.invoke(app, ["templates", "init", str(house)]).exit_code == 0
    (house / "memo.xml.j2").write_text(MALICIOUS[case])
    before = _children()
    started = time.monotonic()
    r = runner.invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path / "o"), "--template", str(house)])
    assert time.monotonic() - started < 30
    assert r.exit_code == ExitStatus.TEMPLATE_ERROR, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("briefgen: error: template 'house': "), r.stderr
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
    if Path("/proc/self/stat").exists():
        assert _children() <= before  # the render child is gone, not left looping


@pytest.mark.slow
def test_endless_template_reports_the_time_limit(tmp_path, monkeypatch):
    from briefgen.compose import sandbox

    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.5)
    house = tmp_path / "house"
    assert CliRunner().invoke(app, ["templates", "init", str(house)]).exit_code == 0
    (house / "memo.xml.j2").write_text(MALICIOUS["endless-loop"])
    r = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path / "o"), "--template", str(house)])
    assert r.exit_code == ExitStatus.TEMPLATE_ERROR
    assert "rendering took longer than 0.5 s" in r.stderr


def test_house_template_renders_like_the_builtin(tmp_path):
    """The child process a house template renders in gives the same memo as the built-in path."""
    house = tmp_path / "house"
    assert CliRunner().invoke(app, ["templates", "init", str(house)]).exit_code == 0
    for name, template in (("builtin", "default"), ("house", str(house))):
        r = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path / name), "--format", "md",
                                     "--date", "2024-01-02", "--template", template])
        assert r.exit_code == 0, r.stderr
    assert (tmp_path / "builtin" / f"{SAMPLE.stem}.md").read_text() == \
        (tmp_path / "house" / f"{SAMPLE.stem}.md").read_text()


def test_output_folder_is_a_file(tmp_path):
    (tmp_path / "o").write_text("x")
    r = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path / "o")])
    assert r.exit_code == ExitStatus.OUTPUT_REFUSED
    assert (tmp_path / "o").read_text() == "x"


def test_output_folder_symlink_refused(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    r = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path / "link")])
    assert r.exit_code == ExitStatus.OUTPUT_REFUSED
    assert not any((tmp_path / "real").iterdir())
