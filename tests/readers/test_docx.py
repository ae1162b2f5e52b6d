"""Opening DOCX files: bounded whatever the archive claims."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from jdbuilder.errors import InputError
from jdbuilder.readers.docx import docx_bytes, read_docx_paragraphs


def _docx(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _lie_about_sizes(data: bytes, name: str, claimed: int) -> bytes:
    """Rewrite the uncompressed size of `name` in its local header and the central directory."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    local = info.header_offset
    struct.pack_into("<I", raw, local + 22, claimed)
    central = raw.find(b"PK\x01\x02" + bytes(raw[local + 4:local + 6]))
    while central != -1:
        name_len = struct.unpack_from("<H", raw, central + 28)[0]
        if bytes(raw[central + 46:central + 46 + name_len]) == name.encode():
            struct.pack_into("<I", raw, central + 24, claimed)
            break
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def test_a_document_is_read(tmp_path: Path) -> None:
    p = tmp_path / "a.docx"
    p.write_bytes(_docx(["Supports people in recovery.", "Second paragraph."]))
    assert docx_bytes(p) == p.read_bytes()
    assert read_docx_paragraphs(p) == ["Supports people in recovery.", "Second paragraph."]


def test_a_part_that_claims_a_smaller_size_than_it_inflates_to(tmp_path: Path) -> None:
    base = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx(["Hello"]))) as src, \
            zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item.filename))
        dst.writestr("word/media/pad.bin", b"\0" * (300 * 1024 * 1024))
    lying = _lie_about_sizes(base.getvalue(), "word/media/pad.bin", 10)
    p = tmp_path / "lying.docx"
    p.write_bytes(lying)
    assert p.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(InputError) as info:
        read_docx_paragraphs(p)
    assert "lying.docx" in str(info.value)


def test_a_truncated_archive(tmp_path: Path) -> None:
    p = tmp_path / "cut.docx"
    p.write_bytes(_docx(["Hello"])[:700])
    with pytest.raises(InputError, match=r"damaged DOCX file|not a readable"):
        read_docx_paragraphs(p)


def test_a_pdf_renamed_docx(tmp_path: Path) -> None:
    p = tmp_path / "renamed.docx"
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    with pytest.raises(InputError, match="not a DOCX file"):
        read_docx_paragraphs(p)


def _with_document_xml(change: object) -> bytes:
    """A DOCX whose word/document.xml is passed through `change` (bytes -> bytes)."""
    base = _docx(["PLACEHOLDER"])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = change(data)  # type: ignore[operator]
            dst.writestr(item, data)
    return out.getvalue()


def declared_entity_docx() -> bytes:
    """A document that declares its own entity and uses it inside a sentence."""
    return _with_document_xml(lambda xml: xml.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY org "Hilltown Peer Center">]>', 1).replace(
        b"PLACEHOLDER", b"&org; staff help addicts &amp; families find housing."))


def test_text_after_a_declared_entity_is_read(tmp_path: Path) -> None:
    p = tmp_path / "entity.docx"
    p.write_bytes(declared_entity_docx())
    (text,) = read_docx_paragraphs(p)
    assert text == " staff help addicts & families find housing."
