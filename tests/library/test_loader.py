from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jdbuilder.datapaths import resource
from jdbuilder.errors import ContentError, JdbError
from jdbuilder.library import Library, load_library, template_job_description
from jdbuilder.library.loader import personal_library_dir
from jdbuilder.model.structure import check_structure

STATEMENT = """\
statements:
  - id: duty.my-own
    kind: duty
    text: Meets people where they are.
    roles: [peer-specialist]
    settings: [community]
    populations: [adults]
    source: Our own practice guide
    reviewed_on: 2026-11-01
"""


def test_required_roles_ship(library: Library) -> None:
    assert {"peer-specialist", "recovery-coach", "community-bridger"} <= set(library.roles)


def test_every_template_passes_the_structure_check(library: Library) -> None:
    for role in library.roles.values():
        jd = template_job_description(role)
        problems = [f for f in check_structure(jd) if f.severity != "info"]
        assert problems == [], role.id


def test_unknown_role_is_a_clear_error(library: Library) -> None:
    with pytest.raises(JdbError, match="unknown role 'nope'"):
        library.role("nope")


def _user_layer(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    folder = tmp_path / "layer"
    (folder / "statements").mkdir(parents=True)
    (folder / "statements" / name).write_text(text, encoding="utf-8")
    return folder


def test_personal_layer_adds_statements(tmp_path: Path) -> None:
    lib = load_library(personal=_user_layer(tmp_path, STATEMENT))
    assert lib.statements["duty.my-own"].layer == "personal"
    assert lib.problems == []


def test_broken_user_entry_is_reported_and_rest_loads(tmp_path: Path) -> None:
    broken = STATEMENT + """\
  - id: duty.broken
    kind: dutty
    text: Something.
    roles: [peer-specialist]
    settings: [community]
    populations: [adults]
    source: x
    reviewed_on: 2026-11-01
"""
    lib = load_library(personal=_user_layer(tmp_path, broken))
    assert "duty.my-own" in lib.statements
    assert "duty.broken" not in lib.statements
    (err,) = lib.problems
    assert err.entry == "duty.broken" and err.field == "kind" and err.line == 10
    assert "mine.yaml" in str(err) and "dutty" in str(err)


def test_an_impossible_date_skips_only_its_entry(tmp_path: Path) -> None:
    odd = STATEMENT + STATEMENT.split("statements:\n")[1].replace("duty.my-own", "duty.odd-day") \
        .replace("2026-11-01", "2026-13-45")
    lib = load_library(personal=_user_layer(tmp_path, odd))
    assert "duty.my-own" in lib.statements and "duty.odd-day" not in lib.statements
    (err,) = lib.problems
    assert err.entry == "duty.odd-day" and err.field == "reviewed_on"
    assert "2026-13-45" in str(err) and "mine.yaml" in str(err)


def test_yaml_syntax_error_in_user_file_names_file_and_line(tmp_path: Path) -> None:
    lib = load_library(personal=_user_layer(tmp_path, "statements:\n  - id: [unclosed\n"))
    (err,) = lib.problems
    assert err.line is not None and "YAML syntax error" in str(err)


def test_invalid_utf8_in_user_file(tmp_path: Path) -> None:
    folder = _user_layer(tmp_path, "")
    (folder / "statements" / "mine.yaml").write_bytes(b"statements: \xff\xfe")
    lib = load_library(personal=folder)
    assert "UTF-8" in str(lib.problems[0])


def test_precedence_personal_over_organisation_over_builtin(tmp_path: Path,
                                                            library: Library) -> None:
    some_id = next(iter(library.statements))
    org = _user_layer(tmp_path / "org", STATEMENT.replace("duty.my-own", some_id)
                      .replace("Meets people where they are.", "Organisation wording."))
    personal = _user_layer(tmp_path / "me", STATEMENT.replace("duty.my-own", some_id)
                           .replace("Meets people where they are.", "Personal wording."))
    assert load_library(organisation=org).statements[some_id].text == "Organisation wording."
    both = load_library(organisation=org, personal=personal)
    assert both.statements[some_id].text == "Personal wording."
    assert both.statements[some_id].layer == "personal"


def test_missing_organisation_folder_is_reported(tmp_path: Path) -> None:
    lib = load_library(organisation=tmp_path / "not-there")
    assert "not found" in str(lib.problems[0])


def test_broken_builtin_file_raises_with_file_entry_field(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "resources"
    shutil.copytree(resource("library"), fake / "library")
    role_file = fake / "library" / "roles" / "peer-specialist.yaml"
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("\nsummary:", "\nsumary:"),
                         encoding="utf-8")
    monkeypatch.setattr("jdbuilder.library.loader.resource", lambda *p: fake.joinpath(*p))
    with pytest.raises(ContentError) as info:
        load_library()
    err = info.value
    assert err.entry == "peer-specialist"
    assert err.field in ("summary", "sumary")
    assert "peer-specialist.yaml" in str(err)


def test_personal_library_lives_in_user_data(_isolated_user_data: Path) -> None:
    assert personal_library_dir().is_relative_to(_isolated_user_data)
