"""The jinja2 sandbox every template renders in, built-in or not.

Autoescape, StrictUndefined, no mutation, no string padding or %-formatting, bounded
arithmetic and an output budget: a house template can rearrange the memo but never
reach Python internals or allocate without bound.

A house template (any folder the user names) also renders in a child process
(``python -m briefgen.compose.sandbox``) with a CPU-time and memory limit set by the
kernel: a template that loops for ever is stopped wherever it is, C code included,
and the parent kills and reaps the child if it overruns its wall time too, so
nothing is left running. Built-in templates are ours and render in-process.
"""
from __future__ import annotations

import json
import signal
import sys
from functools import lru_cache
from typing import Any, Mapping

import jinja2
from jinja2.exceptions import SecurityError, TemplateError as JinjaError
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

from briefgen.status import TemplateError

RENDER_SECONDS = 3.0  # CPU time a house template may take to render
START_SECONDS = 10.0  # wall time the child may add to it (start-up on a busy machine)
MEMORY_BYTES = 1 << 30  # address space of the child that renders a house template
OUTPUT_CHARS = 1_000_000  # characters a template may produce
TEMPLATE_FILE = "memo.xml.j2"

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
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, (str, bytes, list, tuple)) and len(result) > OUTPUT_CHARS:
            raise SecurityError(f"a value over {OUTPUT_CHARS:,} characters")  # a macro's output bomb
        return result


def _env() -> _Sandbox:
    env = _Sandbox(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                   lstrip_blocks=True, keep_trailing_newline=False, auto_reload=False)
    for unsafe in ("format", "center", "indent", "wordwrap", "random", "filesizeformat", "urlize",
                   "pprint", "xmlattr"):
        env.filters.pop(unsafe, None)
    env.globals = {"range": safe_range}
    return env


ENV = _env()


@lru_cache(maxsize=1)
def _bytecode_cache():
    """The user's template cache for ENV (or None), found on the first compile."""
    from briefgen.compose.bytecode_cache import bytecode_cache

    return bytecode_cache(ENV)


@lru_cache(maxsize=32)
def compile_template(source: str, name: str, builtin: bool = False) -> jinja2.Template:
    """The template compiled in the sandbox; the code comes from the user's cache folder
    where an earlier run left it for this very source (bytecode_cache)."""
    from briefgen.compose.bytecode_cache import compile_cached

    try:
        return compile_cached(ENV, _bytecode_cache(), source, ("builtin:" if builtin else "house:") + name)
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"template {name!r}: {TEMPLATE_FILE} line {e.lineno}: {e.message}") from None
    except JinjaError as e:
        raise TemplateError(f"template {name!r}: {e}") from None


def _render_here(source: str, name: str, builtin: bool, context: Mapping[str, Any]) -> str:
    """Render in this process under the output budget; template faults become TemplateError."""
    compiled = compile_template(source, name, builtin)
    parts: list[str] = []
    size = 0
    try:
        for chunk in compiled.generate(context):
            size += len(chunk)
            if size > OUTPUT_CHARS:
                raise SecurityError(f"output over {OUTPUT_CHARS:,} characters")
            parts.append(chunk)
    except SecurityError as e:
        raise TemplateError(f"template {name!r}: unsafe operation refused ({e})") from None
    except jinja2.UndefinedError as e:
        raise TemplateError(f"template {name!r}: {e}") from None
    except (JinjaError, TypeError, ValueError, AttributeError, KeyError, IndexError,
            ZeroDivisionError, OverflowError, RecursionError, MemoryError) as e:
        raise TemplateError(f"template {name!r}: {e.__class__.__name__}: {e}") from None
    return "".join(parts)


def render(template, context: Mapping[str, Any]) -> str:
    """Render ``template`` (a template.Template): a built-in one here, a house one in a
    child process that the kernel stops after RENDER_SECONDS of CPU time."""
    if template.builtin:
        return _render_here(template.source, template.name, True, context)
    return _render_in_child(template.source, template.name, context)


def _render_in_child(source: str, name: str, context: Mapping[str, Any]) -> str:
    import pickle
    import subprocess

    too_slow = TemplateError(f"template {name!r}: rendering took longer than {RENDER_SECONDS:g} s")
    job = pickle.dumps((source, name, dict(context), RENDER_SECONDS), protocol=pickle.HIGHEST_PROTOCOL)
    with subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as child:
        try:
            out, err = child.communicate(job, timeout=RENDER_SECONDS + START_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()  # the with block then waits for it: nothing is left running
            raise too_slow from None
    if child.returncode in (-signal.SIGPROF, -signal.SIGXCPU, -signal.SIGKILL):
        raise too_slow
    try:
        answer = json.loads(out)
    except ValueError:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {child.returncode}"]
        raise RuntimeError(f"template worker failed: {detail[0]}") from None
    if "error" in answer:
        raise TemplateError(answer["error"])
    return answer["text"]


def _child() -> int:
    """The child's side: job in on stdin (pickle, from the parent), answer out on stdout (JSON)."""
    import pickle

    source, name, context, seconds = pickle.load(sys.stdin.buffer)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass  # no such limit here: the output budget and the wall-time kill remain
    signal.setitimer(signal.ITIMER_PROF, seconds)  # SIGPROF's default action ends the process
    try:
        answer = {"text": _render_here(source, name, False, context)}
    except TemplateError as e:
        answer = {"error": e.message}
    signal.setitimer(signal.ITIMER_PROF, 0)
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(_child())
