"""Console entry point (``briefgen`` and ``python -m briefgen``).

``--version`` answers before the CLI machinery (typer, click) is imported, so
scripts that probe the version stay fast. When the command is done the process
ends: ``gc.freeze`` spares the interpreter's final collection, which would walk
every object the libraries loaded (30 to 50 ms of a build) only to free nothing.
"""
from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from briefgen import __version__

        print(f"briefgen {__version__}")
        return
    from briefgen.cli import app

    try:
        app()
    finally:
        import gc

        gc.freeze()


if __name__ == "__main__":
    main()
