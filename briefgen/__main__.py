"""Console entry point (``briefgen`` and ``python -m briefgen``).

``--version`` answers before the CLI machinery (typer, click) is imported, so
scripts that probe the version stay fast.
"""
from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"briefgen {__version__}")
        return
    from .cli import app

    app()


if __name__ == "__main__":
    main()
