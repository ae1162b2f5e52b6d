"""Reading Word documents safely: size and zip-bomb checks, then the text of every paragraph.

Writing DOCX is `jdbuilder.render.docx`; this module only reads.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document as open_document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from jdbuilder.errors import InputError

MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_DOCX_PARAGRAPHS = 200_000


def check_docx_archive(path: str | Path) -> None:
    """Refuse files that are not DOCX archives, or that unpack past a safe size (zip bombs)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if size > MAX_DOCX_BYTES:
        raise InputError(p, f"is too large ({size // (1024 * 1024)} MB)")
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
    except zipfile.BadZipFile:
        raise InputError(p, "is not a DOCX file (not a zip archive)") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if total > MAX_DOCX_UNPACKED:
        raise InputError(p, f"unpacks to {total // (1024 * 1024)} MB, more than the "
                            f"{MAX_DOCX_UNPACKED // (1024 * 1024)} MB limit; refused")
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise InputError(p, "is not a Word document (word/document.xml is missing)")


def open_docx(path: str | Path) -> DocxDocument:
    """Open a DOCX safely (size-checked; python-docx's parser does not resolve entities)."""
    check_docx_archive(path)
    try:
        return open_document(str(path))
    except Exception as exc:  # python-docx raises many types for damaged parts
        raise InputError(path, f"is not a readable Word document ({type(exc).__name__}: "
                               f"{str(exc)[:120]})") from None


def read_docx_paragraphs(path: str | Path) -> list[str]:
    """The text of every body paragraph and table cell, in document order."""
    doc = open_docx(path)
    out: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(DocxParagraph(child, doc).text)
        elif tag == "tbl":
            for p in child.iter(qn("w:p")):
                out.append(DocxParagraph(p, doc).text)
        if len(out) > MAX_DOCX_PARAGRAPHS:
            raise InputError(path, f"has more than {MAX_DOCX_PARAGRAPHS} paragraphs; refused")
    return out
