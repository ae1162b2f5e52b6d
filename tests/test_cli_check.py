from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from jdbuilder.cli import main


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_text_file_offsets_index_the_file_as_read(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "jd.txt"
    raw = "Zoë's team\r\nWorks with addicts and non-\ncompliant clients.\n"
    p.write_bytes(raw.encode("utf-8"))
    code, data = run_json([str(p)], capsys)
    assert code == 1
    (entry,) = data["files"]
    text = p.read_bytes().decode("utf-8")
    assert entry["findings"]
    for f in entry["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert set(f) >= {"rule", "category", "severity", "start", "end", "text", "message",
                          "suggestions"}


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "ok.md"
    p.write_text("# Peer Specialist\n\nSupports people who use the service.\n", encoding="utf-8")
    assert main(["check", str(p)]) == 0


def test_min_severity_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Works with addicts.", encoding="utf-8")
    assert main(["check", "--min-severity", "error", str(p)]) in (0, 1)
    capsys.readouterr()
    code, data = run_json(["--min-severity", "error", str(p)], capsys)
    assert all(f["severity"] == "error" for f in data["files"][0]["findings"])
    assert code == (1 if data["files"][0]["findings"] else 0)


def test_text_output_reads_like_a_compiler(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Line one.\nHelps addicts.\n", encoding="utf-8")
    assert main(["check", str(p)]) == 1
    out = capsys.readouterr().out
    assert f"{p}:2:7: warning: \"addicts\"" in out
    assert "Suggestion:" in out


def test_folders_docx_jdb_and_unreadable_files(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    d = docx.Document()
    d.add_paragraph("The peer will administer medications to residents.")
    d.save(str(folder / "sub" / "jd.docx"))
    (folder / "bad.txt").write_bytes(b"abc \xff\xfe def")
    (folder / "fine.txt").write_text("Supports people.", encoding="utf-8")
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    assert main(["new", "--role", "recovery-coach", "--out", str(folder / "p.jdb")]) == 0
    capsys.readouterr()
    code, data = run_json([str(folder)], capsys)
    by_name = {Path(e["path"]).name: e for e in data["files"]}
    assert set(by_name) == {"jd.docx", "bad.txt", "fine.txt", "p.jdb"}
    assert "UTF-8" in by_name["bad.txt"]["error"]
    assert by_name["jd.docx"]["findings"][0]["category"] == "peer-role-conflict"
    assert by_name["fine.txt"]["findings"] == []
    assert by_name["p.jdb"]["findings"] == []
    assert code == 2


def test_missing_path_is_an_error_entry(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text("Supports people.", encoding="utf-8")
    code, data = run_json([str(tmp_path / "nope.txt"), str(ok)], capsys)
    assert code == 2
    assert data["files"][0]["error"] == "file not found"
    assert data["files"][1]["findings"] == []


def test_utf16_with_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes("Works with addicts.".encode("utf-16"))
    code, data = run_json([str(p)], capsys)
    assert code == 1 and data["files"][0]["findings"][0]["text"] == "addicts"


def test_organisation_allow_list_is_applied_and_counted(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        _isolated_user_data: Path) -> None:
    (_isolated_user_data / "settings.json").write_text(
        json.dumps({"allow_phrases": ["addicts"]}), encoding="utf-8")
    p = tmp_path / "a.txt"
    p.write_text("Works with addicts.", encoding="utf-8")
    code, data = run_json([str(p)], capsys)
    assert code == 0
    assert data["files"][0]["findings"] == [] and data["files"][0]["suppressed"] == 1


def test_not_a_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "fake.docx"
    p.write_text("not a zip", encoding="utf-8")
    code, data = run_json([str(p)], capsys)
    assert code == 2 and "not a zip" in data["files"][0]["error"]
