"""Helpers for the extraction stage tests: build an Article from a short text."""
from __future__ import annotations

import hashlib

import pytest

from briefgen.extract import run_stages
from briefgen.model.article import Article


def article(text: str, **kw) -> Article:
    return Article(text=text, origin="t.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), **kw)


@pytest.fixture
def stages():
    def _run(text: str, until: str | None = None, **kw):
        return run_stages(article(text), until=until, **kw)
    return _run
