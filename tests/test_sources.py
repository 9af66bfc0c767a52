"""read_article(): bytes, decoding, format choice, budgets, errors and plain-text headers."""
from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import pytest

from briefgen.model.article import Article
from briefgen.sources.read import INPUT_FORMATS, Limits, read_article
from briefgen.status import BadInput, ExitStatus, TooLarge, UnsupportedFormat, UsageError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "source" / "blinken-beijing-2023.txt"
DEV = Path("/work/shared/eval/dev")
BODY = "Officials met in Beijing on Monday to discuss trade.\nThey agreed to meet again.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def universal(path: Path) -> str:
    with open(path, encoding="utf-8-sig", newline=None) as f:
        return f.read()


# --- decoding -----------------------------------------------------------------------------

DECODE_OK = [
    # (id, bytes, encoding option, expected text, expected codec)
    ("utf8", BODY.encode(), None, BODY, "utf-8"),
    ("utf8-bom", codecs.BOM_UTF8 + BODY.encode(), None, BODY, "utf-8"),
    ("utf8-crlf", BODY.replace("\n", "\r\n").encode(), None, BODY, "utf-8"),
    ("utf16le-bom", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"), None, BODY, "utf-16-le"),
    ("utf16be-bom", codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), None, BODY, "utf-16-be"),
    ("utf32le-bom", codecs.BOM_UTF32_LE + BODY.encode("utf-32-le"), None, BODY, "utf-32-le"),
    ("utf32be-bom", codecs.BOM_UTF32_BE + BODY.encode("utf-32-be"), None, BODY, "utf-32-be"),
    ("cp1252-override", "Caf\u00e9 talks \u201copen\u201d on Monday.\n".encode("cp1252"), "cp1252",
     "Caf\u00e9 talks \u201copen\u201d on Monday.\n", "cp1252"),
    ("latin1-override", "Caf\u00e9 talks began on Monday.\n".encode("latin-1"), "latin-1",
     "Caf\u00e9 talks began on Monday.\n", "iso8859-1"),
    ("utf16-override-no-bom", BODY.encode("utf-16-le"), "utf-16-le", BODY, "utf-16-le"),
    ("utf8-override-drops-bom", codecs.BOM_UTF8 + BODY.encode(), "utf-8", BODY, "utf-8"),
    ("utf8sig-override", codecs.BOM_UTF8 + BODY.encode(), "utf-8-sig", BODY, "utf-8"),
]


@pytest.mark.parametrize(("data", "encoding", "text", "codec"), [c[1:] for c in DECODE_OK],
                         ids=[c[0] for c in DECODE_OK])
def test_decoding(tmp_path: Path, data: bytes, encoding, text: str, codec: str) -> None:
    article = read_article(write(tmp_path, "a.txt", data), encoding=encoding)
    assert article.text == text
    assert article.encoding == codec
    assert article.warnings == ()


DECODE_BAD = [
    # (id, bytes, encoding, error class, message fragment)
    ("invalid-utf8", b"line one\nline two caf\xe9 au lait\n", None, BadInput,
     "not valid UTF-8 at byte 21 (line 2); try --encoding cp1252"),
    ("invalid-utf8-after-bom", codecs.BOM_UTF8 + b"ab\xff", None, BadInput, "at byte 5 (line 1)"),
    ("utf16-without-bom", BODY.encode("utf-16-le"), None, BadInput,
     "UTF-16 text without a byte-order mark; use --encoding utf-16-le"),
    ("nul-heavy", b"abc\x00\x00\x00def\x00" * 200, None, BadInput, "looks like binary data"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None, BadInput, "looks like binary data (a PDF file)"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), None, BadInput, "a PNG image"),
    ("zip-as-txt", b"PK\x03\x04" + b"\x00" * 40, None, BadInput, "--input-format docx"),
    ("control-heavy-override", bytes(range(1, 32)) * 100, "latin-1", BadInput, "looks like binary data"),
    ("bad-utf16-with-bom", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", None, BadInput, "not valid UTF-16"),
    ("bad-codec", BODY.encode(), "no-such-codec", UsageError, "unknown encoding 'no-such-codec' (--encoding)"),
    ("cp1252-undefined-byte", b"abc\x81def", "cp1252", BadInput, "not valid cp1252 at byte 3 (line 1)"),
]


@pytest.mark.parametrize(("data", "encoding", "error", "fragment"), [c[1:] for c in DECODE_BAD],
                         ids=[c[0] for c in DECODE_BAD])
def test_decoding_errors(tmp_path: Path, data: bytes, encoding, error, fragment: str) -> None:
    path = write(tmp_path, "a.txt", data)
    with pytest.raises(error) as info:
        read_article(path, encoding=encoding)
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message
    if error is not UsageError:
        assert message.startswith(f"{path}: ")
    assert "\ufffd" not in message


def test_a_few_stray_nuls_are_removed_with_a_warning(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", b"Talks \x00began on\x00 Monday in Paris.\n"))
    assert article.text == "Talks began on Monday in Paris.\n"
    assert article.warnings == ("removed 2 control characters",)


def test_hostile_characters_are_removed_and_reported(tmp_path: Path) -> None:
    data = "Talks\u202e began\u2028on Monday\x1b and\u200b ended.\n".encode()
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.text == "Talks began\non Monday and ended.\n"
    assert set(article.warnings) == {
        "removed 1 control character",
        "removed 1 bidirectional override/isolate character",
        "removed 1 zero-width or invisible formatting character",
        "converted 1 unusual line break (U+2028/U+2029, NEL, form feed or vertical tab) to a newline",
    }


def test_sample_text_is_exactly_the_universal_newline_reading() -> None:
    article = read_article(SAMPLE)
    assert article.text == universal(SAMPLE)
    assert article.warnings == ()
    assert article.sha256 == __import__("hashlib").sha256(SAMPLE.read_bytes()).hexdigest()
    assert article.input_format == "txt"


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev set not present")
def test_dev_set_texts_are_unchanged_by_ingest() -> None:
    files = sorted(DEV.glob("*.txt"))
    assert files
    for path in files:
        article = read_article(path)
        assert article.text == universal(path), path.name
        assert article.warnings == (), path.name
        for span in article.metadata_spans:
            piece = span.slice(article.text)
            assert piece == piece.strip() and piece, path.name


# --- formats ------------------------------------------------------------------------------

def test_input_formats_exported() -> None:
    assert INPUT_FORMATS == ("txt", "md", "html", "docx")


@pytest.mark.parametrize(("name", "fmt"), [
    ("a.txt", "txt"), ("a.TXT", "txt"), ("a.text", "txt"), ("README", "txt"),
    ("a.md", "md"), ("a.markdown", "md"), ("a.html", "html"), ("a.htm", "html"),
])
def test_format_from_suffix(tmp_path: Path, name: str, fmt: str) -> None:
    data = b"<html><body><p>Officials met in Beijing on Monday to discuss trade.</p></body></html>" \
        if fmt == "html" else BODY.encode()
    assert read_article(write(tmp_path, name, data)).input_format == fmt


@pytest.mark.parametrize(("name", "fragment"), [
    ("a.pdf", "PDF input is not supported"),
    ("a.doc", "old Word .doc files are not supported"),
    ("a.csv", "unsupported input format '.csv'; use .txt, .md, .html or .docx, or name the format with --input-format"),
])
def test_unknown_suffix_is_unsupported(tmp_path: Path, name: str, fragment: str) -> None:
    with pytest.raises(UnsupportedFormat) as info:
        read_article(write(tmp_path, name, BODY.encode()))
    assert fragment in str(info.value)
    assert info.value.status == ExitStatus.UNSUPPORTED_FORMAT


def test_input_format_overrides_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", b"# Title here\n\nOfficials met on Monday.\n")
    article = read_article(path, input_format="markdown")
    assert article.input_format == "md"
    assert article.title == "Title here"


def test_bad_input_format_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown input format 'pdf'; choose from txt, md, html, docx"):
        read_article(write(tmp_path, "a.txt", BODY.encode()), input_format="pdf")


@pytest.mark.parametrize(("data", "fmt"), [
    (BODY.encode(), "txt"),
    (b"\xef\xbb\xbf  <!DOCTYPE html><html><body><p>Officials met on Monday in Beijing.</p></body></html>", "html"),
    (b"<html><head><title>x</title></head><body><p>Officials met on Monday.</p></body></html>", "html"),
    (b"# Heading\n\nOfficials met.\n", "txt"),  # conservative: no markdown sniffing
])
def test_stdin_sniffing(data: bytes, fmt: str) -> None:
    article = read_article("-", stdin=io.BytesIO(data))
    assert article.input_format == fmt
    assert article.origin == "<stdin>"


def test_stdin_format_named(tmp_path: Path) -> None:
    article = read_article("-", stdin=io.BytesIO(b"# T\n\nOfficials met.\n"), input_format="md")
    assert article.input_format == "md" and article.title == "T"


# --- files, emptiness, budgets ------------------------------------------------------------

@pytest.mark.parametrize(("setup", "error", "fragment"), [
    ("missing", BadInput, "no such file"),
    ("directory", BadInput, "is a directory"),
    ("fifo", BadInput, "not a regular file"),
    ("empty", BadInput, "empty article"),
    ("blank", BadInput, "empty article"),
    ("only-controls", BadInput, "empty article"),
    ("title-only-html", BadInput, "empty article"),
])
def test_unreadable_or_empty(tmp_path: Path, setup: str, error, fragment: str) -> None:
    path = tmp_path / "a.txt"
    if setup == "directory":
        path.mkdir()
    elif setup == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    elif setup == "empty":
        path.write_bytes(b"")
    elif setup == "blank":
        path.write_bytes(b" \n\t\r\n \n")
    elif setup == "only-controls":
        path.write_bytes("\x01\x02 \u200b\n".encode())
    elif setup == "title-only-html":
        path = tmp_path / "a.html"
        path.write_bytes(b"<html><head><title>Only a title</title></head><body></body></html>")
    with pytest.raises(error) as info:
        read_article(path)
    assert fragment in str(info.value)
    assert str(info.value).startswith(str(path))


LIMIT_CASES = [
    ("bytes", Limits(max_bytes=100), b"x" * 101 + b"\n", "input is 102 bytes; the limit is 100 (--max-bytes)"),
    ("chars", Limits(max_chars=1_000), ("word " * 300).encode(),
     "article has 1,500 characters; the limit is 1,000 (--max-chars)"),
    ("paragraph", Limits(max_paragraph_chars=50), b"Title line\n\n" + b"y" * 60 + b"\n",
     "paragraph at line 3 has 60 characters; the limit is 50 (--max-paragraph-chars)"),
]


@pytest.mark.parametrize(("limits", "data", "message"), [c[1:] for c in LIMIT_CASES],
                         ids=[c[0] for c in LIMIT_CASES])
def test_limits(tmp_path: Path, limits: Limits, data: bytes, message: str) -> None:
    path = write(tmp_path, "a.txt", data)
    with pytest.raises(TooLarge) as info:
        read_article(path, limits=limits)
    assert str(info.value) == f"{path}: {message}"
    assert info.value.status == ExitStatus.TOO_LARGE


def test_stdin_over_the_byte_budget_is_not_read_whole() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, b) -> int:
            b[:] = b"a" * len(b)
            return len(b)

    with pytest.raises(TooLarge, match=r"<stdin>: input is over 1,000 bytes; the limit is 1,000 \(--max-bytes\)"):
        read_article("-", stdin=io.BufferedReader(Endless()), limits=Limits(max_bytes=1_000))


def test_default_limits() -> None:
    assert Limits() == Limits(max_bytes=10_000_000, max_chars=200_000, max_paragraph_chars=20_000,
                              max_zip_entries=2_000, max_unzipped_bytes=50_000_000, max_zip_ratio=100)


def test_sha256_is_of_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    data = codecs.BOM_UTF8 + BODY.replace("\n", "\r\n").encode()
    article = read_article(write(tmp_path, "a.txt", data))
    assert article.sha256 == hashlib.sha256(data).hexdigest()
    assert isinstance(article, Article)


# --- plain-text header ----------------------------------------------------------------------

HEADER_CASES = [
    # (id, text, title, author, outlet, date, metadata slices)
    ("title-dateline-byline-slug",
     "(LEAD) Lee to visit China next week\n\nBy Kim Eun-jung\n\n"
     "SEOUL, Dec. 30, 2025 (Yonhap) -- President Lee will make a state visit to China.\n",
     "Lee to visit China next week", "Kim Eun-jung", "Yonhap", "2025-12-30",
     ["(LEAD) Lee to visit China next week", "By Kim Eun-jung", "SEOUL, Dec. 30, 2025 (Yonhap) --"]),
    ("reuters-wire",
     "NAKASONE TO MEET REAGAN\n\n    By Yuko Nakamikado, Reuters\n\n    TOKYO, April 27 - Prime Minister\n"
     "Yasuhiro Nakasone sets out Wednesday.\n",
     "NAKASONE TO MEET REAGAN", "Yuko Nakamikado", "Reuters", None,
     ["NAKASONE TO MEET REAGAN", "By Yuko Nakamikado, Reuters", "TOKYO, April 27 -"]),
    ("reuters-dateline-no-title",
     "BEIJING (Reuters) - Leaders met on Monday.\nThey talked.\n",
     None, None, "Reuters", None, ["BEIJING (Reuters) -"]),
    ("washington-dateline",
     "Talks open\n\nWASHINGTON, March 3 (Reuters) - The talks opened.\n",
     "Talks open", None, "Reuters", None, ["Talks open", "WASHINGTON, March 3 (Reuters) -"]),
    ("em-dash-dateline",
     "Leaders dine in Beijing\n\nBEIJING \u2014 The two leaders attended a banquet on Monday.\n",
     "Leaders dine in Beijing", None, None, None, ["Leaders dine in Beijing", "BEIJING \u2014"]),
    ("urgent-slug-line",
     "Summit ends\n\n(URGENT)\nGENEVA, May 4 - The summit ended.\n",
     "Summit ends", None, None, None, ["Summit ends", "(URGENT)", "GENEVA, May 4 -"]),
    ("date-line",
     "Summit ends\n\nPublished: 12 May 2015\n\nThe summit ended.\n",
     "Summit ends", None, None, "2015-05-12", ["Summit ends", "Published: 12 May 2015"]),
    ("first-paragraph-is-body",
     "Blinken arrived in Beijing on Sunday for talks.\n\nHe will meet Xi.\n",
     None, None, None, None, []),
    ("long-first-line-no-period",
     "Blinken arrived in Beijing on Sunday for talks " + "and more talks " * 20 + "\n\nHe will meet Xi.\n",
     None, None, None, None, []),
    ("one-line-article", "Blinken arrives in Beijing\n", None, None, None, None, []),
    ("hard-wrapped-first-line",
     "Officials from both sides met on Monday in the\ncapital to discuss trade.\n",
     None, None, None, None, []),
    ("shouting-title-hard-wrapped",
     "TENSE TRADE TIES TO DOMINATE EC TALKS\n    BRUSSELS, March 15 - Tense trade relations\nwith the U.S.\n",
     "TENSE TRADE TIES TO DOMINATE EC TALKS", None, None, None,
     ["TENSE TRADE TIES TO DOMINATE EC TALKS", "BRUSSELS, March 15 -"]),
    ("body-acronym-is-not-a-dateline",
     "Alliance meets\n\nThe alliance, NATO - which met on Monday - agreed.\n",
     "Alliance meets", None, None, None, ["Alliance meets"]),
    ("inline-dateline-after-kicker",
     "FTA talks\n\nS Korea-China FTA talks SEOUL, Dec. 30 (Yonhap) -- Trade chiefs met.\n",
     "FTA talks", None, "Yonhap", None,
     ["FTA talks", "S Korea-China FTA talks SEOUL, Dec. 30 (Yonhap) --"]),
    ("byline-with-job-is-not-outlet",
     "Talks\n\nBy Jane Doe, Staff Reporter\n\nThe talks began.\n",
     "Talks", "Jane Doe", None, None, ["Talks", "By Jane Doe, Staff Reporter"]),
    # page date stamps in other outlets' styles, also after a standfirst or an outlet line
    ("stamp-updated-dash-time-zone",
     "Envoy lands\n\nUpdated - November 07, 2023 10:42 pm IST\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2023-11-07", ["Envoy lands", "Updated - November 07, 2023 10:42 pm IST"]),
    ("stamp-agency-pipe-time",
     "Envoy lands\n\nTNN | Jun 3, 2023, 06.15 AM IST\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2023-06-03", ["Envoy lands", "TNN | Jun 3, 2023, 06.15 AM IST"]),
    ("stamp-time-first",
     "Envoy lands\n\nPublished: 7:00pm, 15 Mar, 2024\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2024-03-15", ["Envoy lands", "Published: 7:00pm, 15 Mar, 2024"]),
    ("stamp-after-standfirst",
     "Envoy lands\n\nTalks on grain are likely\nTue 14 Oct 2025 18.30 BST\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2025-10-14", ["Envoy lands", "Tue 14 Oct 2025 18.30 BST"]),
    ("stamp-with-section",
     "Envoy lands\n\nJul 12, 2024 - World\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2024-07-12", ["Envoy lands", "Jul 12, 2024 - World"]),
    ("stamp-numeric-month-first",
     "Envoy lands\n\n04/16/2025 07:00 PM EDT\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2025-04-16", ["Envoy lands", "04/16/2025 07:00 PM EDT"]),
    ("stamp-numeric-day-first-dots",
     "Envoy lands\n\nNews | 30.08.2012\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2012-08-30", ["Envoy lands", "News | 30.08.2012"]),
    ("stamp-numeric-either-way-gives-no-date",
     "Envoy lands\n\n04/06/2025 07:00 PM\n\nThe envoy landed.\n",
     "Envoy lands", None, None, None, ["Envoy lands"]),
    # a saved page: navigation before the title, share buttons between title and byline
    ("page-chrome-around-the-title",
     "Skip to main content\nWorld\nPolitics\n\nEnvoy to visit Lima for talks\n\nListen to this article \u00b7 4 min\n"
     "Share\nFacebook\n\nBy Jane Roe\nDecember 6, 2023 3:45 PM GMT+2\n\nLIMA, Dec 6 (Reuters) - The envoy will visit Lima.\n",
     "Envoy to visit Lima for talks", "Jane Roe", "Reuters", "2023-12-06",
     ["Skip to main content", "World", "Politics", "Envoy to visit Lima for talks", "Listen to this article \u00b7 4 min",
      "Share", "Facebook", "By Jane Roe", "December 6, 2023 3:45 PM GMT+2", "LIMA, Dec 6 (Reuters) -"]),
    ("short-lines-after-the-body-are-no-chrome",
     "Envoy lands\n\nThe envoy landed in Lima on Monday.\n\nAgenda\n\nPorts\n",
     "Envoy lands", None, None, None, ["Envoy lands"]),
    ("stamp-iso-with-seconds-after-source-lines",
     "Envoy lands\n\nSource: Wire\nEditor: Jane Roe\n2024-06-19 21:45:10\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2024-06-19", ["Envoy lands", "Source: Wire", "2024-06-19 21:45:10"]),
    ("stamp-relative-update-and-ordinal",
     "Envoy lands\n\nSunday 3rd of March 2024, 10:45 / Updated 2 hours ago\n\nThe envoy landed.\n",
     "Envoy lands", None, None, "2024-03-03", ["Envoy lands", "Sunday 3rd of March 2024, 10:45 / Updated 2 hours ago"]),
    ("sentence-with-a-date-is-no-stamp",
     "Envoy lands\n\nThe envoy landed on March 3, 2023 in Lima.\n",
     "Envoy lands", None, None, None, ["Envoy lands"]),
]


@pytest.mark.parametrize(("text", "title", "author", "outlet", "date", "slices"),
                         [c[1:] for c in HEADER_CASES], ids=[c[0] for c in HEADER_CASES])
def test_plain_text_header(tmp_path: Path, text, title, author, outlet, date, slices) -> None:
    article = read_article(write(tmp_path, "a.txt", text.encode()))
    assert article.text == text
    assert (article.title, article.author, article.outlet, article.date) == (title, author, outlet, date)
    assert [span.slice(article.text) for span in article.metadata_spans] == slices
