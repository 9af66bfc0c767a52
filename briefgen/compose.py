"""Briefing -> Memo: render a template to a closed XML vocabulary, then parse it into blocks.

The template (``templates/<name>/memo.xml.j2``) decides which sections appear,
in what order and under which labels; ``style.toml`` decides the look. Every
template, built-in or not, renders in a locked-down jinja2 sandbox (autoescape,
StrictUndefined, no mutation, no string padding, a time and an output budget),
and its output must use exactly the elements of blocks.py (see VOCABULARY), so a
house template can rearrange the memo but never inject markup, reach Python
internals or hang a batch.
"""
from __future__ import annotations

import importlib.resources
import os
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Iterable, Mapping

import jinja2
from jinja2.exceptions import SecurityError, TemplateError as JinjaError
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

from .blocks import (Banner, Bullets, Entry, Field, Footer, HeaderFields, Memo, MemoMeta, Para,
                     Quotes, Rule, Run, Section)
from .model import Briefing, Item, Span
from .status import TemplateError
from .styles import Style, load_style
from . import layout as textfit

TEMPLATE_FILE = "memo.xml.j2"
STYLE_FILE = "style.toml"
RENDER_SECONDS = 3.0  # wall time a template may take to render
OUTPUT_CHARS = 1_000_000  # characters a template may produce
SECTION_KEYS = ("bottom_line", "purpose", "participants", "agenda", "expectations", "context",
                "quotes", "gaps")


@dataclass(frozen=True)
class MemoOptions:
    """What the user chose on the command line or in the config (None = default)."""

    to: str | None = None
    from_: str | None = None
    date: date | None = None
    marking: str | None = None
    page_size: str | None = None
    source_text: str | None = None  # Article.text: lets a template quote a short article whole


@dataclass(frozen=True, eq=False)
class Template:
    name: str
    path: Path | Traversable
    style: Style
    source: str = field(repr=False)
    builtin: bool = False


# ------------------------------------------------------------------------ loading

def _builtin_root() -> Traversable:
    return importlib.resources.files("briefgen.templates")


def builtin_templates() -> list[str]:
    """Names of the templates shipped with briefgen."""
    root = _builtin_root()
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")) and (p / TEMPLATE_FILE).is_file())


def load_template(name_or_dir: str | Path | None = None) -> Template:
    """A built-in template by name ("default", "corporate") or a user template folder."""
    if name_or_dir is None or name_or_dir == "":
        name_or_dir = "default"
    text = str(name_or_dir)
    if isinstance(name_or_dir, str) and re.fullmatch(r"[a-z][a-z0-9_-]*", text) and text in builtin_templates():
        return _load(Path(str(_builtin_root() / text)), text, True)
    path = Path(name_or_dir)
    if not path.is_dir():
        known = ", ".join(builtin_templates())
        raise TemplateError(f"no template {text!r}: give a built-in name ({known}) or a template folder")
    return _load(path.resolve(), path.name, False)


@lru_cache(maxsize=32)
def _load(path: Path, name: str, builtin: bool) -> Template:
    src = path / TEMPLATE_FILE
    if not src.is_file():
        raise TemplateError(f"template {name!r}: {TEMPLATE_FILE} not found in {path}")
    if not (path / STYLE_FILE).is_file():
        raise TemplateError(f"template {name!r}: {STYLE_FILE} not found in {path}")
    try:
        if src.stat().st_size > 200_000:
            raise TemplateError(f"template {name!r}: {TEMPLATE_FILE} is over 200 kB")
        source = src.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise TemplateError(f"template {name!r}: cannot read {TEMPLATE_FILE} ({e})") from None
    style = load_style(path / STYLE_FILE, name=name)
    _compile(source, name, builtin)  # syntax errors surface at load time
    return Template(name=name, path=path, style=style, source=source, builtin=builtin)


# ------------------------------------------------------------------------ sandbox

class _Timeout(BaseException):
    """Raised asynchronously into a render thread that overran; BaseException so
    no ``except Exception`` inside jinja swallows it."""


_STR_PADDING = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs", "format", "format_map",
                          "encode", "translate", "maketrans"})


class _Sandbox(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, minus every way we know to allocate without bound."""

    intercepted_binops = frozenset({"*", "**", "%", "//", "+"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, (str, bytes)) and attr in _STR_PADDING:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if not all(isinstance(v, (int, float)) for v in (left, right)) or abs(right) > 64 \
                    or abs(left) > 1_000_000:
                raise SecurityError("exponent too large")
        elif operator == "%" and isinstance(left, (str, bytes)):
            raise SecurityError("%-formatting is not available in templates")
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) \
                        and len(seq) * n > OUTPUT_CHARS:
                    raise SecurityError("repetition too large")
            if isinstance(left, int) and isinstance(right, int) and \
                    max(abs(left), abs(right)).bit_length() > 4096:
                raise SecurityError("number too large")
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > OUTPUT_CHARS:
                raise SecurityError("value too large")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        for v in (*args, *kwargs.values()):
            if isinstance(v, (str, bytes, list, tuple)) and len(v) > OUTPUT_CHARS:
                raise SecurityError("argument too large")
        return super().call(__context, __obj, *args, **kwargs)


def _env() -> _Sandbox:
    env = _Sandbox(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                   lstrip_blocks=True, keep_trailing_newline=False, auto_reload=False)
    for unsafe in ("format", "center", "indent", "wordwrap", "random", "filesizeformat", "urlize",
                   "pprint", "xmlattr"):
        env.filters.pop(unsafe, None)
    env.globals = {"range": safe_range}
    return env


_ENV = _env()


@lru_cache(maxsize=32)
def _compile(source: str, name: str, builtin: bool = False) -> jinja2.Template:
    try:
        if builtin:
            code = _cached_code(source, name)
            return _ENV.template_class.from_code(_ENV, code, _ENV.make_globals(None), None)
        return _ENV.from_string(source)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"template {name!r}: {TEMPLATE_FILE} line {e.lineno}: {e.message}") from None
    except JinjaError as e:
        raise TemplateError(f"template {name!r}: {e}") from None


def _render(template: Template, context: Mapping[str, Any]) -> str:
    """Render in a worker thread under a wall-time and output-size budget."""
    compiled = _compile(template.source, template.name, template.builtin)
    result: dict[str, Any] = {}

    def work() -> None:
        parts: list[str] = []
        size = 0
        try:
            for chunk in compiled.generate(context):
                size += len(chunk)
                if size > OUTPUT_CHARS:
                    raise SecurityError(f"output over {OUTPUT_CHARS:,} characters")
                parts.append(chunk)
            result["text"] = "".join(parts)
        except _Timeout:
            result["timeout"] = True
        except BaseException as e:  # noqa: BLE001 - reported as a TemplateError below
            result["error"] = e

    t = threading.Thread(target=work, name=f"template-{template.name}", daemon=True)
    t.start()
    t.join(RENDER_SECONDS)
    if t.is_alive():
        import ctypes  # only here, on a timeout: ~2 ms of start-up otherwise

        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(t.ident), ctypes.py_object(_Timeout))
        t.join(1.0)
        raise TemplateError(f"template {template.name!r}: rendering took longer than {RENDER_SECONDS:g} s")
    if result.get("timeout"):
        raise TemplateError(f"template {template.name!r}: rendering took longer than {RENDER_SECONDS:g} s")
    err = result.get("error")
    if err is not None:
        if isinstance(err, SecurityError):
            raise TemplateError(f"template {template.name!r}: unsafe operation refused ({err})")
        if isinstance(err, jinja2.UndefinedError):
            raise TemplateError(f"template {template.name!r}: {err}")
        if isinstance(err, (JinjaError, TypeError, ValueError, AttributeError, KeyError, IndexError,
                            ZeroDivisionError, OverflowError, RecursionError, MemoryError)):
            raise TemplateError(f"template {template.name!r}: {err.__class__.__name__}: {err}")
        raise err
    return result["text"]


# A built-in template's compiled code is kept in the user's cache (briefgen.usercache), so
# a fresh process skips jinja's ~20 ms compile: only for the templates shipped with
# briefgen (trusted source), keyed by everything the generated code depends on (the
# source, jinja2's and Python's versions, the sandbox's settings).

_CODE_KEY = "briefgen-template-code-1"


def _cached_code(source: str, name: str):
    import marshal
    import sys

    from . import usercache

    entry = usercache.key(
        _CODE_KEY, jinja2.__version__, sys.version, repr(sorted(_Sandbox.intercepted_binops)),
        repr((_ENV.trim_blocks, _ENV.lstrip_blocks, _ENV.keep_trailing_newline, _ENV.autoescape)),
        name, source) + ".code"
    data = usercache.read("templates", entry)
    if data is not None:
        try:
            return marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            pass
    code = _ENV.compile(source, name)
    usercache.write("templates", entry, marshal.dumps(code))
    return code


# ------------------------------------------------------------------------ context

# what XML 1.0 forbids, listed (the complement of its Char production, which compiles ~10x slower)
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(s: str | None) -> str:
    """Article text as safe XML character data (the sanitiser should already ensure it)."""
    return _XML_BAD.sub("", s or "").strip()


def format_marks(marks: Iterable[int]) -> str:
    """¶ marks, consecutive paragraphs as a range: [1, 2, 3, 7] -> "¶1–3 ¶7"."""
    nums = sorted(set(marks))
    parts: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        parts.append(f"¶{nums[i]}" if j == i else
                     f"¶{nums[i]}\u00a0¶{nums[j]}" if j == i + 1 else f"¶{nums[i]}–{nums[j]}")
        i = j + 1
    return "\u00a0".join(parts)


def _marks(b: Briefing, spans: Iterable[Span]) -> list[int]:
    return sorted({b.paragraph_of(s.start) for s in spans})


def _version() -> str:
    try:
        from . import __version__  # type: ignore[attr-defined]
        return str(__version__)
    except ImportError:
        from importlib.metadata import PackageNotFoundError, version
        try:
            return version("briefgen")
        except PackageNotFoundError:
            return "0"


def _memo_date(options: MemoOptions, b: Briefing) -> str:
    if options.date:
        return options.date.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
    return b.source.date or "not dated"


def _created(options: MemoOptions) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if options.date:
        return f"{options.date.isoformat()}T00:00:00Z"
    return ""


def _article(b: Briefing, text: str | None) -> list[dict[str, Any]]:
    """The article's paragraphs (numbered as the ¶ marks count them), if the text was given."""
    if not text:
        return []
    starts = list(b.source.paragraph_starts)
    out = []
    for n, (a, z) in enumerate(zip(starts, starts[1:] + [len(text)]), start=1):
        para = _WS.sub(" ", _clean(text[a:z]))
        if para:
            out.append({"n": n, "text": para, "mark": f"¶{n}"})
    return out


def _display(text: str) -> str:
    """Bullet text as shown: the first letter capitalised (the span keeps the source wording)."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _entry_ctx(b: Briefing, style: Style, text: str, spans: Iterable[Span], index: int, score: float,
               lines: int, indent: float, extra: str = "", children: list | None = None,
               verbatim: bool = False) -> dict[str, Any]:
    """One entry as the template sees it; ``verbatim`` (quotations) keeps the source's case."""
    marks = _marks(b, spans)
    mark = format_marks(marks)
    budget = textfit.Budget(style, lines=lines, indent=indent)
    full = _clean(text) if verbatim else _display(_clean(text))
    shown = textfit.trim(full, budget, tail=f"{extra}\u00a0{mark}")
    return {"text": shown, "full_text": _clean(text), "trimmed": shown != full,
            "marks": " ".join(map(str, marks)), "mark": mark, "index": index, "score": round(score, 4),
            "children": children or []}


def _items(b: Briefing, style: Style, items: tuple[Item, ...], *, children: bool = False) -> list[dict]:
    out = []
    bullet_indent = textfit.bullet_indent(style)
    for i, it in enumerate(items):
        kids = [_entry_ctx(b, style, c.text, c.evidence, j, c.score, style.bullet_lines, 2 * bullet_indent)
                for j, c in enumerate(it.children)] if children else []
        out.append(_entry_ctx(b, style, it.text, it.evidence, i, it.score, style.bullet_lines,
                              bullet_indent, children=kids))
    return out


def _bottom_line(b: Briefing, style: Style) -> dict[str, Any] | None:
    """The BLUF: the extractor's phrases joined, trailing phrases dropped to fit its line budget."""
    phrases = [p for p in b.bottom_line if _clean(p.text)]
    if not phrases:
        return None
    budget = textfit.Budget(style, lines=style.bottom_line_lines, indent=0.0)
    while phrases:
        text = "; ".join(_clean(p.text).rstrip(" ;") for p in phrases)
        spans = [s for p in phrases for s in p.evidence]
        mark = format_marks(_marks(b, spans))
        if len(phrases) == 1 or textfit.fits(text, budget, tail="\u00a0" + mark):
            ctx = _entry_ctx(b, style, text, spans, 0, 1.0, style.bottom_line_lines, 0.0)
            return ctx
        phrases.pop()
    return None


def _participants(b: Briefing, style: Style) -> list[dict]:
    out = []
    for i, p in enumerate(b.participants):
        text = _clean(p.name) + (f", {_clean(p.role)}" if p.role and _clean(p.role) else "")
        ctx = _entry_ctx(b, style, text, p.evidence, i, p.score, style.bullet_lines,
                         textfit.bullet_indent(style))
        ctx.update(name=_clean(p.name), role=_clean(p.role), side=_clean(p.side))
        out.append(ctx)
    return out


def _quotes(b: Briefing, style: Style) -> list[dict]:
    out = []
    for i, q in enumerate(b.quotes):
        who = ", ".join(x for x in (_clean(q.speaker), _clean(q.speaker_role)) if x)
        attribution = f" \u2014 {who}" if who else ""
        body = _clean(q.text).strip("\"“”")
        ctx = _entry_ctx(b, style, body, q.evidence, i, q.score, style.quote_lines,
                         textfit.bullet_indent(style), extra="\u201d" + attribution, verbatim=True)
        ctx.update(speaker=_clean(q.speaker), role=_clean(q.speaker_role), attribution=who)
        out.append(ctx)
    return out


_GAP_NAMES = {"purpose": "purpose", "agenda": "agenda", "participants": "participants",
              "context": "context", "quotes": "direct quotations"}


def _overlap(a: Span, b: Span) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared / min(a.end - a.start, b.end - b.start) if shared > 0 else 0.0


def distinct(*sections: tuple[Item, ...]) -> list[tuple[Item, ...]]:
    """The sections without items already told in an earlier one (purpose before
    expectations before context): the Briefing may file one clause under two headings,
    a one-page memo says it once."""
    shown: list[Span] = []
    out = []
    for items in sections:
        kept = tuple(it for it in items
                     if not any(_overlap(a, b) >= 0.5 for a in it.evidence for b in shown))
        shown.extend(s for it in kept for s in it.evidence)
        out.append(kept)
    return out


def build_context(b: Briefing, style: Style, options: MemoOptions) -> dict[str, Any]:
    """Everything a template may use: plain strings, numbers, lists and dicts only."""
    purpose, expectations, context = distinct(b.purpose, b.expectations, b.context)
    concluded = b.event.status == "concluded"
    gaps = [("outcomes" if concluded else "expectations") if g == "expectations" else _GAP_NAMES.get(g, g)
            for g in b.gaps]
    src = b.source
    marking = _clean(options.marking) if options.marking is not None else style.marking
    return {
        "to": _clean(options.to) or None,
        "from_": _clean(options.from_) or None,
        "date": _memo_date(options, b),
        "marking": marking,
        "banner": bool(style.banner and marking),
        "banner_colour": style.banner_colour(marking) if marking else style.banner_default_colour,
        "subject": textfit.trim(_clean(b.subject) or "Briefing",
                                textfit.Budget(style, lines=2, indent=0.0, width=style.frame_width
                                               - style.header_label_width)),
        "event": {"principal": _clean(b.event.principal), "principal_role": _clean(b.event.principal_role),
                  "location": _clean(b.event.location), "kind": b.event.kind,
                  "status": b.event.status or "", "concluded": concluded},
        "bottom_line": _bottom_line(b, style),
        "purpose": _items(b, style, purpose),
        "agenda": _items(b, style, b.agenda, children=True),
        "expectations": _items(b, style, expectations),
        "context": _items(b, style, context),
        "participants": _participants(b, style),
        "quotes": _quotes(b, style),
        "gaps": [_clean(g) for g in gaps if _clean(g)],
        "source": {"name": _clean(src.name), "sha256": src.sha256, "sha12": src.sha256[:12],
                   "title": _clean(src.title), "outlet": _clean(src.outlet), "author": _clean(src.author),
                   "date": _clean(src.date), "url": _clean(src.url), "paragraphs": src.paragraphs,
                   "words": src.words},
        "article": _article(b, options.source_text),
        "version": _version(),
    }


# ------------------------------------------------------------------------ XML -> blocks

# element -> allowed attributes; the closed vocabulary mirrored from blocks.py
VOCABULARY: dict[str, frozenset[str]] = {
    "memo": frozenset({"lang"}),
    "banner": frozenset({"colour"}),
    "header": frozenset({"title"}),
    "field": frozenset({"label"}),
    "rule": frozenset(),
    "section": frozenset({"key", "label"}),
    "para": frozenset(),
    "bullets": frozenset(),
    "quotes": frozenset(),
    "entry": frozenset({"marks", "index", "score", "droppable"}),
    "children": frozenset(),
    "attribution": frozenset(),
    "b": frozenset(), "i": frozenset(), "mark": frozenset(),
    "footer": frozenset({"page"}),
    "line": frozenset(),
}
_RUN_TAGS = {"b": "bold", "i": "italic", "mark": "mark"}
_WS = re.compile(r"[ \t\r\n]+")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\Z")


class _Bad(Exception):
    pass


def _check(el: ET.Element, parent: str) -> None:
    if el.tag not in VOCABULARY:
        raise _Bad(f"unknown element <{el.tag}> inside <{parent}>")
    extra = set(el.attrib) - VOCABULARY[el.tag]
    if extra:
        raise _Bad(f"unknown attribute {sorted(extra)[0]!r} on <{el.tag}>")


def _only(el: ET.Element, allowed: set[str]) -> list[ET.Element]:
    kids = list(el)
    for k in kids:
        _check(k, el.tag)
        if k.tag not in allowed:
            raise _Bad(f"<{k.tag}> is not allowed inside <{el.tag}>")
    if (el.text or "").strip() or any((k.tail or "").strip() for k in kids):
        raise _Bad(f"text is not allowed directly inside <{el.tag}>")
    return kids


def _runs(el: ET.Element, stop: set[str] = frozenset()) -> tuple[tuple[Run, ...], list[ET.Element]]:
    """Mixed content -> runs (whitespace collapsed, ends trimmed); returns the structural kids too."""
    runs: list[Run] = []
    rest: list[ET.Element] = []

    def add(text: str | None, style: str) -> None:
        if text:
            t = _WS.sub(" ", text)
            if runs and runs[-1].style == style:
                runs[-1] = Run(runs[-1].text + t, style)
            else:
                runs.append(Run(t, style))

    add(el.text, "plain")
    for k in el:
        _check(k, el.tag)
        if k.tag in _RUN_TAGS:
            if len(k):
                raise _Bad(f"<{k.tag}> may hold text only")
            add(k.text, _RUN_TAGS[k.tag])
        elif k.tag in stop:
            rest.append(k)
        else:
            raise _Bad(f"<{k.tag}> is not allowed inside <{el.tag}>")
        add(k.tail, "plain")
    # trim the outer whitespace, drop empty runs
    if runs:
        runs[0] = Run(runs[0].text.lstrip(" "), runs[0].style)
        runs[-1] = Run(runs[-1].text.rstrip(" "), runs[-1].style)
    return tuple(r for r in runs if r.text), rest


def _num(el: ET.Element, name: str, kind: type, default: Any) -> Any:
    raw = el.get(name)
    if raw is None or raw == "":
        return default
    try:
        return kind(raw)
    except ValueError:
        raise _Bad(f"<{el.tag} {name}={raw!r}> is not a number") from None


def _entry(el: ET.Element, section: str, index: int, style: Style, *, kids_ok: bool,
           attribution_ok: bool) -> Entry:
    stop = ({"children"} if kids_ok else set()) | ({"attribution"} if attribution_ok else set())
    runs, rest = _runs(el, stop)
    if not runs:
        raise _Bad(f"an <entry> of section {section!r} is empty")
    marks_raw = el.get("marks", "").split()
    if not all(m.isdigit() for m in marks_raw):
        raise _Bad(f"<entry marks={el.get('marks')!r}> must list paragraph numbers")
    droppable = el.get("droppable", "true")
    if droppable not in ("true", "false"):
        raise _Bad("<entry droppable=...> must be true or false")
    children: list[Entry] = []
    attribution: tuple[Run, ...] = ()
    for k in rest:
        if k.tag == "children":
            for j, c in enumerate(_only(k, {"entry"})):
                children.append(_entry(c, f"{section}.children", j, style, kids_ok=False,
                                       attribution_ok=False))
        else:
            if attribution:
                raise _Bad("an <entry> has two <attribution> elements")
            attribution, more = _runs(k)
    return Entry(runs=runs, marks=tuple(int(m) for m in marks_raw), section=section,
                 index=_num(el, "index", int, index), score=_num(el, "score", float, 0.0),
                 droppable=droppable == "true" and section.split(".")[0] not in style.never_drop,
                 children=tuple(children), attribution=attribution)


def _section(el: ET.Element, style: Style) -> Section:
    key, label = el.get("key", ""), el.get("label", "")
    if not re.fullmatch(r"[a-z_]{1,40}", key):
        raise _Bad(f"<section key={key!r}> must be a lower-case name like \"purpose\"")
    if not label.strip():
        raise _Bad(f"<section key={key!r}> needs a label")
    body: list[Para | Bullets | Quotes] = []
    for part in _only(el, {"para", "bullets", "quotes"}):
        entries = _only(part, {"entry"})
        if not entries:
            continue
        if part.tag == "para":
            if len(entries) != 1:
                raise _Bad("a <para> holds exactly one <entry>")
            body.append(Para(_entry(entries[0], key, 0, style, kids_ok=False, attribution_ok=False)))
        elif part.tag == "bullets":
            body.append(Bullets(tuple(_entry(e, key, i, style, kids_ok=True, attribution_ok=False)
                                      for i, e in enumerate(entries))))
        else:
            body.append(Quotes(tuple(_entry(e, key, i, style, kids_ok=False, attribution_ok=True)
                                     for i, e in enumerate(entries))))
    return Section(key=key, label=_WS.sub(" ", label).strip(), body=tuple(body))


def _blocks(root: ET.Element, style: Style) -> tuple[tuple, str | None]:
    if root.tag != "memo":
        raise _Bad(f"the root element must be <memo>, not <{root.tag}>")
    _check(root, "document")
    blocks: list = []
    for el in _only(root, {"banner", "header", "rule", "section", "footer"}):
        if el.tag == "banner":
            runs, _ = _runs(el)
            text = "".join(r.text for r in runs)
            colour = el.get("colour") or style.banner_colour(text)
            if not _COLOUR.match(colour):
                raise _Bad(f"<banner colour={colour!r}> must be like #007A33")
            if text:
                blocks.append(Banner(text=text, colour=colour.upper()))
        elif el.tag == "header":
            fields_ = []
            for f in _only(el, {"field"}):
                runs, _ = _runs(f)
                fields_.append(Field(label=_WS.sub(" ", f.get("label", "")).strip(),
                                     value="".join(r.text for r in runs)))
            blocks.append(HeaderFields(title=_WS.sub(" ", el.get("title", "")).strip(), fields=tuple(fields_)))
        elif el.tag == "rule":
            _only(el, set())
            blocks.append(Rule())
        elif el.tag == "section":
            sec = _section(el, style)
            if sec.body:
                blocks.append(sec)
        else:
            lines = tuple(r for r in (_runs(line)[0] for line in _only(el, {"line"})) if r)
            blocks.append(Footer(lines=lines, page_label=_WS.sub(" ", el.get("page", "Page 1 of 1")).strip()))
    return tuple(blocks), root.get("lang")


def parse_memo_xml(text: str, style: Style, *, name: str = "template") -> tuple[tuple, str | None]:
    """Parse rendered template XML into blocks; anything outside VOCABULARY is a TemplateError."""
    if re.search(r"<!\s*(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise TemplateError(f"template {name!r}: DOCTYPE and entity declarations are not allowed")
    # Without a DTD no entity can be declared, so only the five XML entities and
    # character references exist; an undefined entity is a parse error.
    parser = ET.XMLParser()
    try:
        parser.feed(text)
        root = parser.close()
        return _blocks(root, style)
    except ET.ParseError as e:
        line, col = e.position
        raise TemplateError(f"template {name!r}: output is not well-formed XML at line {line}, "
                            f"column {col + 1}") from None
    except _Bad as e:
        raise TemplateError(f"template {name!r}: {e}") from None


# ------------------------------------------------------------------------ compose

def compose(briefing: Briefing, template: Template, options: MemoOptions = MemoOptions()) -> Memo:
    """Render ``template`` for ``briefing`` and parse the result into a Memo."""
    style = template.style.with_page_size(options.page_size)
    context = build_context(briefing, style, options)
    xml = _render(template, context)
    blocks, lang = parse_memo_xml(xml, style, name=template.name)
    author = context["from_"] or next((f.value for b in blocks if isinstance(b, HeaderFields)
                                       for f in b.fields if f.label.upper().rstrip(":") == "FROM"), "")
    keywords = tuple(dict.fromkeys(k for k in (
        context["event"]["kind"] if context["event"]["kind"] != "other" else "",
        context["event"]["location"], context["event"]["principal"],
        *(p["name"] for p in context["participants"][:4]), "briefing memo") if k))
    meta = MemoMeta(title=context["subject"], author=author, subject=f"Briefing memo: {context['subject']}",
                    keywords=keywords, language=(lang or "en")[:20], created=_created(options))
    return Memo(meta=meta, blocks=blocks)
