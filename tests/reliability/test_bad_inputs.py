"""Bad and hostile input: each gets a clear error naming the file, bounded in time and memory,
and nothing is overwritten."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import docx
import pytest

from jdbuilder import project as projects
from jdbuilder.cli import main
from jdbuilder.errors import InputError, ProjectError
from jdbuilder.language import check
from jdbuilder.readers.docx import read_docx_paragraphs


def _docx_bytes(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _replace_part(data: bytes, name: str, content: bytes | None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename == name:
                if content is not None:
                    dst.writestr(item, content)
            else:
                dst.writestr(item, src.read(item.filename))
    return out.getvalue()


def test_project_file_of_50_mb_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.jdb"
    with open(p, "wb") as fh:
        fh.write(b'{"format": "jdbuilder-project", "schema_version": 1, "x": "')
        fh.write(b"a" * (50 * 1024 * 1024))
        fh.write(b'"}')
    t = time.perf_counter()
    with pytest.raises(ProjectError, match="too large"):
        projects.load(p)
    assert time.perf_counter() - t < 5


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bomb.docx"
    base = _docx_bytes(["Hello"])
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        src = zipfile.ZipFile(io.BytesIO(base))
        for item in src.infolist():
            z.writestr(item, src.read(item.filename))
        with z.open("word/media/padding.bin", "w") as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(260):
                fh.write(chunk)
    assert p.stat().st_size < 5 * 1024 * 1024
    with pytest.raises(InputError, match="unpacks to"):
        read_docx_paragraphs(p)


def test_entity_expansion_and_external_entities_are_not_resolved(tmp_path: Path) -> None:
    base = _docx_bytes(["Hello"])
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "{"&l" + str(i - 1) + ";" * 1}{"&l" + str(i - 1) + ";"}' \
                     f'{"&l" + str(i - 1) + ";"}">' for i in range(1, 12))
    doc_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}'
        f'<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l11;</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    p = tmp_path / "hostile.docx"
    p.write_bytes(_replace_part(base, "word/document.xml", doc_xml))
    t = time.perf_counter()
    try:
        text = "\n".join(read_docx_paragraphs(p))
    except InputError as exc:
        text = str(exc)
    assert time.perf_counter() - t < 5
    assert "TOP-SECRET-VALUE" not in text
    assert text.count("lol") < 1000


def test_docx_missing_its_main_part(tmp_path: Path) -> None:
    p = tmp_path / "broken.docx"
    p.write_bytes(_replace_part(_docx_bytes(["Hi"]), "word/document.xml", None))
    with pytest.raises(InputError, match=r"document\.xml is missing"):
        read_docx_paragraphs(p)


def test_docx_with_10000_paragraphs_is_checked_in_bounded_time(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    p = tmp_path / "long.docx"
    p.write_bytes(_docx_bytes([f"Paragraph {i}: supports people who use the service."
                               for i in range(10_000)]))
    t = time.perf_counter()
    assert main(["check", str(p)]) == 0
    assert time.perf_counter() - t < 60


@pytest.mark.parametrize(("content", "reason"), [
    (b"abc \xc3\x28 def", "UTF-8"),
    (b"text\x00with NUL", "NUL"),
])
def test_bad_text_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                        reason: str) -> None:
    p = tmp_path / "t.txt"
    p.write_bytes(content)
    assert main(["check", "--format", "json", str(p)]) == 2
    entry = json.loads(capsys.readouterr().out)["files"][0]
    assert reason in entry["error"]


def test_a_10_mb_single_line_is_refused_quickly(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "line.txt"
    p.write_bytes(b"Supports people. " * (10 * 1024 * 1024 // 17))
    t = time.perf_counter()
    assert main(["check", str(p)]) == 2
    assert time.perf_counter() - t < 5
    assert "too large" in capsys.readouterr().err


def test_emoji_and_right_to_left_text(tmp_path: Path) -> None:
    text = "Zoë 👩🏽‍⚕️ مرحبا Works with addicts. שלום non-compliant 🙂\n" * 50
    findings = check(text)
    assert len(findings) == 100
    assert all(text[f.start:f.end] == f.text for f in findings)


def test_failed_build_overwrites_nothing(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "p.jdb"
    assert main(["new", "--role", "peer-specialist", "--out", str(p)]) == 0
    out = tmp_path / "out"
    assert main(["build", str(p), "--out", str(out), "--documents", "jd"]) == 0
    before = {f.name: f.read_bytes() for f in out.iterdir()}
    p.write_text('{"format": "jdbuilder-project", "schema_version": 99}', encoding="utf-8")
    assert main(["build", str(p), "--out", str(out)]) == 2
    assert {f.name: f.read_bytes() for f in out.iterdir()} == before
