"""Render every document of a project to PNG pages so a person can look at them.

Usage: python packaging/render_pages.py PROJECT.jdb OUTDIR [--large-print] [--paper a4]

Builds all documents (DOCX and PDF) into OUTDIR/files, converts each DOCX to PDF with
LibreOffice (`soffice --headless --convert-to pdf`) and renders every PDF page to
OUTDIR/png/<file>-<page>.png with poppler's `pdftoppm`. Prints one line per file.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from jdbuilder import project as projects
from jdbuilder.export.build import BuildOptions, build


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project")
    parser.add_argument("outdir")
    parser.add_argument("--large-print", action="store_true")
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not pdftoppm:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 2
    out = Path(args.outdir)
    files = build(projects.load(args.project), out / "files",
                  BuildOptions(large_print=args.large_print, paper=args.paper))
    (out / "png").mkdir(parents=True, exist_ok=True)
    (out / "docx-as-pdf").mkdir(parents=True, exist_ok=True)
    for path in files:
        pdf = path
        if path.suffix == ".docx":
            if not soffice:
                print(f"{path.name}: skipped (LibreOffice not installed)")
                continue
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                            str(out / "docx-as-pdf"), str(path)], check=True,
                           capture_output=True, timeout=300)
            pdf = out / "docx-as-pdf" / (path.stem + ".pdf")
        prefix = out / "png" / f"{path.stem}-{path.suffix[1:]}"
        subprocess.run([pdftoppm, "-png", "-r", str(args.dpi), str(pdf), str(prefix)],
                       check=True, capture_output=True, timeout=300)
        pages = len(list((out / "png").glob(f"{prefix.name}-*.png")))
        print(f"{path.name}: {pages} page(s) -> {prefix}-N.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
