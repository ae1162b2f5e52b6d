from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jdbuilder import __version__
from jdbuilder.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jdbuilder", *args], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ}, timeout=120)


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"jdbuilder {__version__}"


def test_roles_lists_templates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roles"]) == 0
    out = capsys.readouterr().out
    for role in ("peer-specialist", "recovery-coach", "community-bridger"):
        assert role in out


def test_new_then_build_end_to_end(tmp_path: Path) -> None:
    r = run("new", "--role", "peer-specialist", "--out", "p.jdb", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("build", "p.jdb", "--out", "out/", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    stems = ["candidate-key", "chairs-summary", "consensus-sheet", "interview-packet",
             "job-ad", "job-description", "reference-checks", "score-sheets"]
    assert names == sorted(f"peer-specialist-{s}.{ext}" for s in stems for ext in ("docx", "pdf"))


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "p.jdb"
    p.write_text("precious", encoding="utf-8")
    assert main(["new", "--role", "peer-specialist", "--out", str(p)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert p.read_text(encoding="utf-8") == "precious"


def test_unknown_role_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--role", "astronaut", "--out", str(tmp_path / "x.jdb")]) == 2
    err = capsys.readouterr().err.strip()
    assert "unknown role 'astronaut'" in err and "\n" not in err
    assert not (tmp_path / "x.jdb").exists()


def test_truncated_project_exits_2_and_touches_nothing(tmp_path: Path) -> None:
    assert run("new", "--role", "peer-specialist", "--out", "p.jdb", cwd=tmp_path).returncode == 0
    assert run("build", "p.jdb", "--out", "out", cwd=tmp_path).returncode == 0
    p = tmp_path / "p.jdb"
    p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])
    before = {f: f.read_bytes() for f in tmp_path.rglob("*") if f.is_file()}
    r = run("build", "p.jdb", "--out", "out", cwd=tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "p.jdb" in lines[0] and "truncated" in lines[0]
    after = {f: f.read_bytes() for f in tmp_path.rglob("*") if f.is_file()}
    assert after == before


def test_bad_option_value_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["build", "x.jdb", "--out", "o", "--format", "rtf"])
    assert info.value.code == 2


def test_no_arguments_without_a_display_prints_help(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([]) == 0
    captured = capsys.readouterr()
    assert "roles" in captured.out and "no display" in captured.err


def test_self_test_runs_headless() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "jdbuilder", "--self-test"], capture_output=True,
                       text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-test" in r.stdout


def test_library_search_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "search", "naloxone", "--kind", "duty", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("source:") == 2 and "naloxone" in out.lower()


def test_library_search_unknown_role(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "search", "x", "--role", "astronaut"]) == 2


def test_broken_personal_library_is_reported_and_search_still_works(
        capsys: pytest.CaptureFixture[str], _isolated_user_data: Path) -> None:
    folder = _isolated_user_data / "library" / "statements"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("statements:\n  - id: duty.x\n    kind: nope\n",
                                      encoding="utf-8")
    assert main(["library", "search", "naloxone"]) == 0
    captured = capsys.readouterr()
    assert "mine.yaml" in captured.err and "duty.x" in captured.err
    assert "naloxone" in captured.out.lower()


def test_organisation_library_from_environment(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "org" / "statements"
    folder.mkdir(parents=True)
    (folder / "org.yaml").write_text(
        "statements:\n  - id: duty.org-zebra\n    kind: duty\n    text: Leads zebra walks.\n"
        "    roles: [all]\n    settings: [community]\n    populations: [adults]\n"
        "    source: Org handbook\n    reviewed_on: 2026-11-01\n", encoding="utf-8")
    monkeypatch.setenv("JDBUILDER_LIBRARY_PATH", str(tmp_path / "org"))
    assert main(["library", "search", "zebra"]) == 0
    assert "duty.org-zebra" in capsys.readouterr().out


def test_every_role_builds_and_checks_clean(tmp_path: Path) -> None:
    from jdbuilder.library import load_library

    for role in sorted(load_library().roles):
        proj = tmp_path / f"{role}.jdb"
        assert main(["new", "--role", role, "--out", str(proj)]) == 0
        assert main(["build", str(proj), "--out", str(tmp_path / "out")]) == 0
    built = sorted((tmp_path / "out").glob("*.docx"))
    assert len(built) == 8 * len(load_library().roles)
    jds_and_ads = [str(p) for p in built if p.name.endswith(("job-description.docx",
                                                              "job-ad.docx"))]
    assert len(jds_and_ads) == 2 * len(load_library().roles)
    assert main(["check", "--min-severity", "warning", *jds_and_ads]) == 0
