"""Word hygiene and one design: true properties, alt text, contrast, the same fonts and colors
in the DOCX and the PDF."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from pathlib import Path

import docx

from jdbuilder.doctree import Document, Heading, Paragraph, Title, plain
from jdbuilder.render.docx import write_docx
from jdbuilder.render.pdf import write_pdf
from jdbuilder.render.style import BODY_FONT, FALLBACK_FONT, HEADING_RGB, NOTE_RGB, contrast


def _logo(path: Path) -> Path:
    """A real 2x2 PNG."""
    raw = b"".join(b"\x00" + b"\x20\x40\x80" * 2 for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2,
                                                                       0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def _doc(logo: str = "") -> Document:
    return Document(title="Peer Specialist: job description", author="Harbor Peer Network",
                    header="Harbor Peer Network", logo=logo,
                    body=(Title("Peer Specialist"), Heading("Function", 1),
                          Paragraph(plain("Walks alongside people."))))


def test_docx_properties_are_true(tmp_path: Path) -> None:
    out = tmp_path / "jd.docx"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    write_docx(_doc(), out)
    props = docx.Document(str(out)).core_properties
    assert props.created is not None
    assert props.created.replace(tzinfo=dt.UTC) >= before - dt.timedelta(seconds=2)
    assert props.modified == props.created and props.created.year >= 2026
    assert props.author == props.last_modified_by == "Harbor Peer Network"
    with zipfile.ZipFile(out) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
        names = z.namelist()
    assert "<Application>jdbuilder</Application>" in app and "Microsoft" not in app
    assert not any("thumbnail" in n for n in names)


def test_the_logo_has_alt_text(tmp_path: Path) -> None:
    out = tmp_path / "jd.docx"
    write_docx(_doc(str(_logo(tmp_path / "logo.png"))), out)
    with zipfile.ZipFile(out) as z:
        header = next(z.read(n).decode("utf-8") for n in z.namelist() if "header" in n
                      and n.endswith(".xml") and b"docPr" in z.read(n))
    assert 'descr="Logo of Harbor Peer Network"' in header


def test_headings_read_and_both_formats_use_one_design(tmp_path: Path) -> None:
    assert contrast(HEADING_RGB) >= 4.5 and contrast(NOTE_RGB) >= 4.5
    out = tmp_path / "jd.docx"
    write_docx(_doc(), out)
    d = docx.Document(str(out))
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        color = d.styles[name].font.color.rgb
        assert color is not None and tuple(color) == HEADING_RGB, name
    with zipfile.ZipFile(out) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    assert f'w:ascii="{BODY_FONT}"' in styles and f'w:eastAsia="{FALLBACK_FONT}"' in styles
    pdf = tmp_path / "jd.pdf"
    write_pdf(_doc(), pdf)
    data = pdf.read_bytes()
    assert b"DejaVuSans" in data and b"Helvetica" not in data
