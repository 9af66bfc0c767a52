"""style.toml parsing: every built-in style loads; typos and bad values are TemplateErrors."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.compose.context import builtin_templates, load_template
from briefgen.status import TemplateError
from briefgen.compose.styles import load_style, parse_style

DEFAULT = Path(__file__).resolve().parents[1] / "templates" / "default"


def _default_text() -> str:
    return (DEFAULT / "style.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", builtin_templates())
def test_builtin_styles_load(name):
    style = load_template(name).style
    assert style.min_body_size >= 9.0
    assert style.font_regular.is_file()
    assert style.docx_font


def test_default_values_match_the_memo_spec():
    s = load_style(DEFAULT / "style.toml", name="default")
    assert (s.page_size, s.body_size, s.leading, s.min_body_size) == ("A4", 10.5, 1.25, 9.0)
    assert round(s.margin_left / 72 * 2.54, 2) == 2.0
    assert s.banner_colour("UNCLASSIFIED") == "#007A33"
    assert s.drop_order[:2] == ("quotes>1", "context>3")


@pytest.mark.parametrize("marking, colour", [
    ("UNCLASSIFIED", "#007A33"),
    ("unclassified//fouo", "#007A33"),
    ("SECRET//NOFORN", "#C8102E"),
    ("TOP SECRET", "#E8700A"),  # the longer prefix wins over SECRET... and over nothing
    ("OFFICIAL-SENSITIVE", "#000000"),
])
def test_banner_colour_convention(marking, colour):
    assert load_style(DEFAULT / "style.toml", name="default").banner_colour(marking) == colour


@pytest.mark.parametrize("old, new, message", [
    ('body = 10.5', 'body = 10.5\nbodyy = 3', "unknown key sizes.bodyy"),
    ('[fit]', '[fitt]\nx = 1\n[fit]', "unknown table [fitt]"),
    ('text = "#1A1A1A"', 'text = "red"', "colours.text"),
    ('min_body = 9.0', 'min_body = 7.0', "sizes.min_body"),
    ('size = "A4"', 'size = "A3"', "page.size"),
    ('headings = "column"', 'headings = "sideways"', "layout.headings"),
    ('regular = "fonts/LiberationSerif-Regular.ttf"', 'regular = "../../etc/passwd.ttf"', "fonts.regular"),
    ('regular = "fonts/LiberationSerif-Regular.ttf"', 'regular = "fonts/Missing.ttf"', "not found"),
    ('drop_order = [', 'drop_order = ["rm -rf", ', "fit.drop_order"),
    ('bullet_lines = 2', '', "missing fit.bullet_lines"),
    ('[page]', '[page', "style.toml"),
])
def test_bad_styles_are_template_errors(old, new, message):
    text = _default_text()
    assert old in text
    with pytest.raises(TemplateError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_style(text.replace(old, new, 1), name="t", base_dir=DEFAULT)


def test_page_size_override():
    s = load_style(DEFAULT / "style.toml", name="default")
    letter = s.with_page_size("letter")
    assert (letter.page_size, letter.page_width, letter.page_height) == ("Letter", 612.0, 792.0)
    with pytest.raises(TemplateError):
        s.with_page_size("A5")


def test_spacing_scales_together():
    from dataclasses import replace
    s = load_style(DEFAULT / "style.toml", name="default")
    assert replace(s, spacing_scale=0.5).space("section") == pytest.approx(s.space_section / 2)
