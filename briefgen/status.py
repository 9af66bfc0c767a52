"""Exit statuses and the one exception hierarchy that maps onto them.

Every failure the CLI can report is a ``BriefgenError`` subclass carrying its
``ExitStatus``; the CLI prints ``str(error)`` as one line on stderr and exits
with ``error.status``. Anything else is an internal error (exit 70).
"""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1  # a batch finished but at least one input failed
    BAD_INPUT = 2  # missing, unreadable, empty, undecodable or binary input
    UNSUPPORTED_FORMAT = 3  # input or output format briefgen does not handle
    TOO_LARGE = 4  # input over a size budget (bytes, characters, paragraph length)
    OVER_ONE_PAGE = 5  # --strict and items had to be dropped to fit the page
    TEMPLATE_ERROR = 6  # template missing, invalid, unsafe, too slow or too big
    OUTPUT_REFUSED = 7  # would replace a file briefgen did not write, overwrite an input, follow a symlink ...
    USAGE = 64  # bad option value (mirrors EX_USAGE)
    INTERNAL = 70  # a bug: please report it (mirrors EX_SOFTWARE)


class BriefgenError(Exception):
    """Base of every error the CLI reports as one line."""

    status: ExitStatus = ExitStatus.INTERNAL

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class BadInput(BriefgenError):
    status = ExitStatus.BAD_INPUT


class UnsupportedFormat(BriefgenError):
    status = ExitStatus.UNSUPPORTED_FORMAT


class TooLarge(BriefgenError):
    status = ExitStatus.TOO_LARGE


class OverOnePage(BriefgenError):
    status = ExitStatus.OVER_ONE_PAGE


class TemplateError(BriefgenError):
    status = ExitStatus.TEMPLATE_ERROR


class OutputRefused(BriefgenError):
    status = ExitStatus.OUTPUT_REFUSED


class UsageError(BriefgenError):
    status = ExitStatus.USAGE


def excerpt(text: str, limit: int = 80) -> str:
    """``repr`` of at most ``limit`` characters of article text, for error lines."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
