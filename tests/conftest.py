"""Suite-wide set-up: briefgen's derived-data cache goes to a temporary folder, so tests never
read entries an earlier run left behind nor write into the package."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()
