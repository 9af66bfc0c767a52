"""Plain text: just decoding. Title, dateline and byline are found later, for every format."""
from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.sources.readers import Draft
from briefgen.sources.readers.decode import decode

if TYPE_CHECKING:  # pragma: no cover
    from briefgen.sources.read import Limits


def read(raw: bytes, *, encoding: str | None = None, limits: Limits | None = None) -> Draft:
    text, codec = decode(raw, encoding)
    return Draft(text=text, encoding=codec)
