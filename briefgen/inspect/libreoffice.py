"""LibreOffice (soffice), headless: converting DOCX files to PDF and counting their pages."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(*paths: str | Path, out_dir: str | Path, timeout: float = 180.0) -> list[Path]:
    """Convert DOCX files with LibreOffice in one run (headless, private profile, so it
    never clashes with a running LibreOffice); returns the PDF paths in order."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    sources = [Path(p).resolve() for p in paths]
    out = Path(out_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="briefgen-lo-") as profile:
        subprocess.run(
            [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    pdfs = [out / (src.stem + ".pdf") for src in sources]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {', '.join(missing)}")
    return pdfs


def docx_page_count(path: str | Path) -> int | None:
    """Pages of a DOCX as LibreOffice lays it out; None without LibreOffice."""
    if soffice() is None:
        return None
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="briefgen-pages-") as tmp:
        return len(PdfReader(str(docx_to_pdf(path, out_dir=tmp)[0])).pages)
