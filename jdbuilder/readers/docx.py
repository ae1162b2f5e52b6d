"""Reading Word documents safely: size and zip-bomb checks, then the text of every paragraph.

Writing DOCX is `jdbuilder.render.docx`; this module only reads.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from docx import Document as open_document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from jdbuilder.errors import InputError
from jdbuilder.safeio import ReadProblem, read_limited

MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_DOCX_PARAGRAPHS = 200_000


def _inflate_all(zf: zipfile.ZipFile, path: Path) -> None:
    """Decompress every entry with a running cap: an entry that claims a small size and
    inflates to gigabytes is refused once the total passes the limit, not after."""
    total = 0
    for info in zf.infolist():
        if info.file_size > MAX_DOCX_UNPACKED:
            raise InputError(path, f"has a part of {info.file_size // (1024 * 1024)} MB, more "
                                   f"than the {MAX_DOCX_UNPACKED // (1024 * 1024)} MB limit; "
                                   "refused")
        produced = 0
        with zf.open(info) as part:
            while True:
                chunk = part.read(1 << 20)
                if not chunk:
                    break
                produced += len(chunk)
                total += len(chunk)
                if produced > info.file_size or total > MAX_DOCX_UNPACKED:
                    raise InputError(path, f"unpacks to more than "
                                           f"{MAX_DOCX_UNPACKED // (1024 * 1024)} MB (a part is "
                                           "larger than it claims); refused")


def docx_bytes(path: str | Path) -> bytes:
    """The bytes of a DOCX file, after refusing what is not a regular file, not a Word archive,
    or unpacks past a safe size (zip bombs, parts that lie about their size)."""
    p = Path(path)
    try:
        data = read_limited(p, MAX_DOCX_BYTES)
    except ReadProblem as exc:
        raise InputError(p, exc.reason) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = {i.filename for i in zf.infolist()}
            if sum(i.file_size for i in zf.infolist()) > MAX_DOCX_UNPACKED:
                raise InputError(p, f"unpacks to more than "
                                    f"{MAX_DOCX_UNPACKED // (1024 * 1024)} MB; refused")
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise InputError(p, "is not a Word document (word/document.xml is missing)")
            _inflate_all(zf, p)
    except zipfile.BadZipFile:
        if not data.startswith(b"PK"):
            raise InputError(p, "is not a DOCX file (not a zip archive)") from None
        raise InputError(p, "is a damaged DOCX file (its zip archive cannot be read)") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError,
            zlib.error) as exc:
        raise InputError(p, f"is not a readable DOCX file ({type(exc).__name__})") from None
    return data


def check_docx_archive(path: str | Path) -> None:
    """Refuse files that are not DOCX archives, or that unpack past a safe size (zip bombs)."""
    docx_bytes(path)


def _flatten_entities(doc: DocxDocument) -> None:
    """python-docx's parser never expands entities (no XXE, no "billion laughs"), so an entity
    a document declares for itself stays a reference node, with the text after it in the node's
    tail. Drop each reference and keep that text where it was: every reader sees the whole
    paragraph, and a copy saved from it is well-formed (it would otherwise name an entity it no
    longer declares)."""
    from lxml import etree

    parts = [doc.part, *(rel.target_part for rel in doc.part.rels.values()
                         if not rel.is_external)]
    for part in parts:
        root = getattr(part, "element", None)
        if root is None:
            continue
        for ref in list(root.iter(etree.Entity)):
            parent = ref.getparent()
            if parent is None:
                continue
            if ref.tail:
                previous = ref.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + ref.tail
                else:
                    parent.text = (parent.text or "") + ref.tail
            parent.remove(ref)


def open_docx(path: str | Path) -> DocxDocument:
    """Open a DOCX safely (bounded; python-docx's parser does not resolve entities)."""
    data = docx_bytes(path)
    try:
        doc = open_document(io.BytesIO(data))
        _flatten_entities(doc)
        return doc
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
