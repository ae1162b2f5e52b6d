"""Every command that checks wording uses the organization's and the personal lexicon, and says
which entries it skipped; a broken settings file is a warning, not a silent change."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from jdbuilder.cli import main
from tests.lexicon_layers import SENTENCE, org_library


@pytest.fixture
def org(tmp_path: Path, _isolated_user_data: Path) -> Path:
    folder = org_library(tmp_path, broken=True)
    (_isolated_user_data / "settings.json").write_text(
        json.dumps({"organisation_library": str(folder)}), encoding="utf-8")
    return folder


def _text(tmp_path: Path) -> Path:
    p = tmp_path / "posting.txt"
    p.write_text(SENTENCE + "\n", encoding="utf-8")
    return p


def test_check_uses_the_organization_lexicon(org: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(_text(tmp_path))]) == 1
    out, err = capsys.readouterr()
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert "org-service-user" in rules
    (warning,) = [line for line in err.splitlines() if "org-broken" in line]
    assert warning.startswith("jdbuilder: warning: ") and "house.yaml" in warning


def test_review_comments_on_the_organization_terms(org: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "review.docx"
    assert main(["review", str(_text(tmp_path)), "--out", str(out)]) == 0
    assert "org-broken" in capsys.readouterr().err
    body = docx.Document(str(out))
    comments = "\n".join(p.text for c in body.comments for p in c.paragraphs)
    assert "Our members are members." in comments


def test_the_report_counts_the_organization_terms(org: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    assert main(["report", str(folder), "--out", "-", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "org-broken" in err
    assert '"org-service-user"' in out


@pytest.mark.parametrize("command", [["check", "{text}"], ["roles"]])
def test_a_broken_settings_file_is_a_warning(command: list[str], tmp_path: Path,
                                             _isolated_user_data: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (_isolated_user_data / "settings.json").write_bytes(b"{not json")
    text = _text(tmp_path)
    code = main([a.replace("{text}", str(text)) for a in command])
    err = capsys.readouterr().err
    if command[0] == "roles":  # reads no settings, so says nothing about them
        assert code == 0 and "settings" not in err
        return
    assert code in (0, 1)
    (line,) = [x for x in err.splitlines() if "settings.json" in x]
    assert line.startswith("jdbuilder: warning: ") and "using the defaults" in line


def test_build_warns_about_broken_settings(tmp_path: Path, _isolated_user_data: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.jdb"
    assert main(["new", "--role", "peer-specialist", "--out", str(project)]) == 0
    (_isolated_user_data / "settings.json").write_text('{"paper": "tabloid"}', encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(project), "--out", str(tmp_path / "out"),
                 "--documents", "jd", "--format", "pdf"]) == 0
    err = capsys.readouterr().err
    assert "settings.json" in err and "warning" in err
