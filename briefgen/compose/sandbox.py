"""The jinja2 sandbox every template renders in, built-in or not.

Autoescape, StrictUndefined, no mutation, no string padding or %-formatting, bounded
arithmetic, and a wall-time and output budget: a house template can rearrange the
memo but never reach Python internals, allocate without bound or hang a batch.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, Mapping

import jinja2
from jinja2.exceptions import SecurityError, TemplateError as JinjaError
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

from briefgen.status import TemplateError

RENDER_SECONDS = 3.0  # wall time a template may take to render
OUTPUT_CHARS = 1_000_000  # characters a template may produce
TEMPLATE_FILE = "memo.xml.j2"


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


ENV = _env()


@lru_cache(maxsize=32)
def compile_template(source: str, name: str, builtin: bool = False) -> jinja2.Template:
    try:
        return ENV.from_string(source)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"template {name!r}: {TEMPLATE_FILE} line {e.lineno}: {e.message}") from None
    except JinjaError as e:
        raise TemplateError(f"template {name!r}: {e}") from None


def render(template, context: Mapping[str, Any]) -> str:
    """Render ``template`` (a template.Template) in a worker thread under a wall-time and
    output-size budget."""
    compiled = compile_template(template.source, template.name, template.builtin)
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
