"""Console entry point (``briefgen`` and ``python -m briefgen``).

``--version`` answers before the CLI machinery (typer, click) is imported, so
scripts that probe the version stay fast. A command is one short run, so the cyclic
garbage collector stays off: in a fresh ``build`` it would otherwise run about a hundred
times over everything the libraries load (30 ms, three times what the bare reportlab +
python-docx script spends on it) and free next to nothing; a batch collects after each
article itself (app/batch.py). When the command is done the process ends: ``gc.freeze``
spares the interpreter's final collection, which would walk every object the libraries
loaded (30 to 50 ms of a build) only to free nothing.
"""
from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from briefgen import __version__

        print(f"briefgen {__version__}")
        return
    import gc

    gc.disable()
    from briefgen.cli import app

    try:
        app()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
