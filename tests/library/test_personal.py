"""The personal library: adding statements keeps every existing entry and loads back."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from jdbuilder.errors import ContentError
from jdbuilder.library import load_library
from jdbuilder.library.loader import personal_library_dir
from jdbuilder.library.personal import add_personal_statement, personal_statements_file
from jdbuilder.model.statement import StatementKind

DAY = dt.date(2026, 11, 22)

EXISTING = """\
# My own statements, kept by hand.
statements:
  - id: duty.my-own
    kind: duty
    text: Meets people where they are.
    roles: [peer-specialist]
    settings: [community]
    populations: [adults]
    source: Our own practice guide   # where it came from
    reviewed_on: 2026-11-01
"""


def test_first_statement_creates_a_valid_file_in_the_user_data_folder() -> None:
    st = add_personal_statement("Walks with people to their first appointment.", "duty",
                                area="Community connection", reviewed_on=DAY)
    path = personal_statements_file()
    assert path == personal_library_dir() / "statements" / "personal.yaml"
    assert path.is_file()
    assert st.id == "duty.walks-with-people-to-their-first"
    assert st.layer == "personal" and st.area == "Community connection"
    lib = load_library(personal=personal_library_dir())
    assert lib.problems == []
    loaded = lib.statements[st.id]
    assert loaded.layer == "personal"
    assert loaded.text == "Walks with people to their first appointment."
    assert loaded.kind is StatementKind.DUTY
    assert loaded.reviewed_on == "2026-11-22"
    assert lib.index().search("first appointment")[0].statement.id == st.id


def test_appending_keeps_existing_entries_comments_and_layout() -> None:
    path = personal_statements_file()
    path.parent.mkdir(parents=True)
    path.write_text(EXISTING, encoding="utf-8")
    add_personal_statement("Speaks up: with care, and \"plainly\".", StatementKind.ABILITY,
                           reviewed_on=DAY)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # appended; nothing above was rewritten
    lib = load_library(personal=personal_library_dir())
    assert lib.problems == []
    assert lib.statements["duty.my-own"].source == "Our own practice guide"
    assert lib.statements["ability.speaks-up-with-care-and-plainly"].text == (
        "Speaks up: with care, and \"plainly\".")


def test_many_additions_never_lose_an_entry() -> None:
    ids = [add_personal_statement(f"Condition number {i} applies.", "employment_condition",
                                  reviewed_on=DAY).id for i in range(5)]
    ids.append(add_personal_statement("Condition number 0 applies.", "employment_condition",
                                      reviewed_on=DAY).id)
    assert len(set(ids)) == 6
    assert ids[-1] == "cond.condition-number-0-applies-2"
    lib = load_library(personal=personal_library_dir())
    assert set(ids) <= set(lib.statements)


def test_flow_style_or_odd_files_are_rewritten_without_losing_entries() -> None:
    path = personal_statements_file()
    path.parent.mkdir(parents=True)
    path.write_text("statements: []\nnote: kept\n", encoding="utf-8")
    add_personal_statement("Knows the local services well.", "ability", reviewed_on=DAY)
    st2 = add_personal_statement("Is calm in a crisis.", "ability", reviewed_on=DAY)
    lib = load_library(personal=personal_library_dir())
    assert lib.problems == []
    assert {"ability.knows-the-local-services-well", st2.id} <= set(lib.statements)
    assert "note: kept" in path.read_text(encoding="utf-8")


def test_generated_ids_never_shadow_library_statements(library) -> None:  # type: ignore[no-untyped-def]
    some = next(s for s in library.statements.values() if s.kind is StatementKind.ABILITY)
    st = add_personal_statement(some.text, "ability", taken_ids=library.statements,
                                reviewed_on=DAY)
    assert st.id not in library.statements


def test_qualifications_get_a_level() -> None:
    st = add_personal_statement("Has lived experience of recovery.", "qualification",
                                level="preferred", roles=["peer-specialist"], reviewed_on=DAY)
    assert st.level == "preferred"
    st2 = add_personal_statement("Has a driving licence.", "qualification", reviewed_on=DAY)
    assert st2.level == "required"
    lib = load_library(personal=personal_library_dir())
    assert lib.statements[st.id].roles == ("peer-specialist",)


@pytest.mark.parametrize("kwargs, field", [
    ({"text": "   ", "kind": "duty"}, "text"),
    ({"text": "Fine.", "kind": "dutty"}, "kind"),
    ({"text": "Fine.", "kind": "duty", "roles": ["astronaut"]}, "roles"),
    ({"text": "Fine.", "kind": "duty", "settings": []}, "settings"),
    ({"text": "Fine.", "kind": "duty", "level": "required"}, "level"),
])
def test_invalid_input_is_refused_and_nothing_is_written(kwargs, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ContentError) as err:
        add_personal_statement(**kwargs)
    assert err.value.field is not None and err.value.field.startswith(field)
    assert not personal_statements_file().exists()


def test_a_broken_file_is_left_alone(tmp_path: Path) -> None:
    path = personal_statements_file()
    path.parent.mkdir(parents=True)
    broken = "statements:\n  - id: [unclosed\n"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError, match="YAML"):
        add_personal_statement("Anything.", "duty")
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in path.parent.iterdir()] == ["personal.yaml"]  # no temp files left


def test_an_explicit_id_already_in_use_is_refused() -> None:
    add_personal_statement("One.", "duty", statement_id="duty.mine", reviewed_on=DAY)
    with pytest.raises(ContentError, match="already used"):
        add_personal_statement("Two.", "duty", statement_id="duty.mine")


def test_ids_in_other_personal_files_are_avoided() -> None:
    other = personal_statements_file().parent / "other.yaml"
    other.parent.mkdir(parents=True)
    other.write_text(EXISTING.replace("duty.my-own", "duty.meets-people"), encoding="utf-8")
    st = add_personal_statement("Meets people.", "duty", reviewed_on=DAY)
    assert st.id == "duty.meets-people-2"
    lib = load_library(personal=personal_library_dir())
    assert lib.problems == []


def test_custom_folder(tmp_path: Path) -> None:
    st = add_personal_statement("Leads a weekly group.", "duty", folder=tmp_path / "lib",
                                reviewed_on=DAY)
    lib = load_library(personal=tmp_path / "lib")
    assert lib.statements[st.id].layer == "personal"


def test_a_full_personal_library_refuses_one_more_and_keeps_what_it_has(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from jdbuilder.library import personal

    add_personal_statement("Walks with people to their first appointment.", "duty",
                           reviewed_on=DAY)
    path = personal_statements_file()
    before = path.read_bytes()
    monkeypatch.setattr(personal, "MAX_CONTENT_BYTES", len(before) + 50)
    with pytest.raises(ContentError, match="is full") as info:
        add_personal_statement("Sits with people while they wait for a bed at the shelter.",
                               "duty", reviewed_on=DAY)
    assert "personal.yaml" in str(info.value)
    assert path.read_bytes() == before
    assert any(s.layer == "personal" for s in
               load_library(personal=personal_library_dir()).statements.values())


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_personal_library_is_owner_only() -> None:
    add_personal_statement("Walks with people to their first appointment.", "duty",
                           reviewed_on=DAY)
    path = personal_statements_file()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
