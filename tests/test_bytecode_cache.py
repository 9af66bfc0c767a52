"""The compiled-template cache (compose/bytecode_cache.py): right or absent, never stale, never an error."""
from pathlib import Path

import pytest

from briefgen.compose import sandbox
from briefgen.compose.bytecode_cache import bytecode_cache, cache_dir, compile_cached


@pytest.fixture(autouse=True)
def _bytecode_allowed(monkeypatch):
    """As where Python may write bytecode (the test run may have PYTHONDONTWRITEBYTECODE set)."""
    monkeypatch.setattr("sys.dont_write_bytecode", False)


def _cache(tmp_path: Path):
    return bytecode_cache(sandbox.ENV, {"XDG_CACHE_HOME": str(tmp_path)})


def test_cache_lives_in_the_users_cache_folder(tmp_path):
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "briefgen" / "templates"
    assert cache_dir({"XDG_CACHE_HOME": "relative", "HOME": "/home/u"}) == Path("/home/u/.cache/briefgen/templates")
    assert cache_dir({}) is None


def test_compiled_code_is_stored_and_served_for_the_same_source(tmp_path):
    compile_cached(sandbox.ENV, _cache(tmp_path), "A {{ x }}", "builtin:t")
    assert len(list((tmp_path / "briefgen" / "templates").iterdir())) == 1
    fresh = _cache(tmp_path)  # as a later process would
    assert fresh.get_bucket(sandbox.ENV, "builtin:t", None, "A {{ x }}").code is not None
    assert compile_cached(sandbox.ENV, fresh, "A {{ x }}", "builtin:t").render(x=1) == "A 1"


def test_a_changed_template_is_never_served_stale(tmp_path):
    assert compile_cached(sandbox.ENV, _cache(tmp_path), "A {{ x }}", "house:t").render(x=1) == "A 1"
    assert compile_cached(sandbox.ENV, _cache(tmp_path), "B {{ x }}", "house:t").render(x=1) == "B 1"
    assert compile_cached(sandbox.ENV, _cache(tmp_path), "A {{ x }}", "house:t").render(x=2) == "A 2"


def test_no_cache_folder_means_no_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert bytecode_cache(sandbox.ENV, {"XDG_CACHE_HOME": str(blocker)}) is None
    assert compile_cached(sandbox.ENV, None, "C {{ x }}", "house:t").render(x=3) == "C 3"


def test_a_vanished_folder_or_a_damaged_file_is_a_miss(tmp_path):
    cache = _cache(tmp_path)
    compile_cached(sandbox.ENV, cache, "D {{ x }}", "house:t")
    (entry,) = (tmp_path / "briefgen" / "templates").iterdir()
    entry.write_bytes(entry.read_bytes()[:40])  # truncated mid-way
    assert compile_cached(sandbox.ENV, _cache(tmp_path), "D {{ x }}", "house:t").render(x=4) == "D 4"
    for f in entry.parent.iterdir():
        f.unlink()
    entry.parent.rmdir()  # gone after the cache was set up: writing fails, the build does not
    assert compile_cached(sandbox.ENV, cache, "E {{ x }}", "house:t").render(x=5) == "E 5"


def test_the_cached_code_is_the_code_jinja2_compiles(tmp_path):
    from briefgen.compose.template import load_template

    source = load_template("default").source
    compile_cached(sandbox.ENV, _cache(tmp_path), source, "builtin:default")
    stored = _cache(tmp_path).get_bucket(sandbox.ENV, "builtin:default", None, source).code
    assert stored is not None and stored == sandbox.ENV.compile(source)


def test_a_folder_others_can_write_to_is_not_used(tmp_path):
    folder = tmp_path / "briefgen" / "templates"
    folder.mkdir(parents=True)
    folder.chmod(0o777)  # cached code is run: a planted file must never be
    assert _cache(tmp_path) is None
    folder.chmod(0o700)
    assert _cache(tmp_path) is not None


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    assert compile_cached(sandbox.ENV, _cache(tmp_path), "F {{ x }}", "house:t").render(x=6) == "F 6"
    assert list((tmp_path / "briefgen" / "templates").iterdir()) == []
