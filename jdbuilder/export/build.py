"""Building a project's documents into a folder, in the formats asked for."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jdbuilder.compose.jd import compose_job_description
from jdbuilder.errors import InputError
from jdbuilder.export.tree import Document
from jdbuilder.project import Project

FORMATS = ("docx", "pdf")
DOCUMENTS = ("jd",)
PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class BuildOptions:
    formats: Sequence[str] = FORMATS
    documents: Sequence[str] = DOCUMENTS
    large_print: bool = False
    paper: str = "letter"
    organisation: str = ""


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "untitled"


def _writer(fmt: str) -> Callable[[Document, Path], None]:
    if fmt == "docx":
        from jdbuilder.export.docx import write_docx

        return write_docx
    if fmt == "pdf":
        from jdbuilder.export.pdf import write_pdf

        return write_pdf
    raise ValueError(f"unknown format '{fmt}'")


def compose_documents(project: Project, options: BuildOptions) -> list[tuple[str, Document]]:
    """(file stem, document) pairs for the documents asked for."""
    jd = project.job_description
    stem = slug(jd.role_id or jd.title)
    out: list[tuple[str, Document]] = []
    for kind in options.documents:
        if kind == "jd":
            doc = compose_job_description(jd, organisation=options.organisation,
                                          large_print=options.large_print, paper=options.paper)
            out.append((f"{stem}-job-description", doc))
        else:
            raise ValueError(f"unknown document '{kind}'")
    return out


def build(project: Project, outdir: str | Path, options: BuildOptions | None = None,
          progress: Callable[[int, int, Path], None] | None = None) -> list[Path]:
    """Write every requested document in every requested format; returns the files written."""
    opts = options or BuildOptions()
    folder = Path(outdir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = f"cannot create the output folder ({exc.strerror or exc})"
        raise InputError(folder, reason) from None
    if not folder.is_dir():
        raise InputError(folder, "is not a folder")
    suffix = "-large-print" if opts.large_print else ""
    docs = compose_documents(project, opts)
    jobs = [(stem, doc, fmt) for stem, doc in docs for fmt in opts.formats]
    written: list[Path] = []
    for i, (stem, doc, fmt) in enumerate(jobs, start=1):
        target = folder / f"{stem}{suffix}.{fmt}"
        try:
            _writer(fmt)(doc, target)
        except OSError as exc:
            raise InputError(target, f"could not be written ({exc.strerror or exc})") from None
        written.append(target)
        if progress:
            progress(i, len(jobs), target)
    return written
