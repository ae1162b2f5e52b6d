"""The bank covers every role, and carries the standard essential-functions question."""

from __future__ import annotations

import pytest

from jdbuilder.interview.bank import SECTIONS, default_bank
from jdbuilder.interview.kits import default_kit
from jdbuilder.interview.questions import check_question
from jdbuilder.library import Library, template_job_description

NEW_ROLES = ("director-of-peer-services", "reentry-peer-specialist", "warmline-peer-supporter",
             "employment-peer-specialist")


def test_essential_functions_question() -> None:
    (q,) = [q for q in default_bank() if q.id == "q.sd.essential-functions"]
    assert q.roles == ("all",) and q.section == "settings-dependability"
    assert "essential functions" in q.text and "reasonable accommodation" in q.text
    for text in (q.text, *q.probes):
        assert check_question(text).verdict == "ok", text
    # Probes stay on the job's tasks; the note keeps accommodation talk out of the scoring.
    assert all("accommodat" not in p for p in q.probes)
    assert "human resources" in q.interviewer_note


@pytest.mark.parametrize("role_id", NEW_ROLES)
def test_new_roles_have_their_own_questions_in_every_section(role_id: str) -> None:
    own = {q.section for q in default_bank() if role_id in q.roles}
    assert own == set(SECTIONS), role_id


def test_default_kit_for_every_role_covers_every_section(library: Library) -> None:
    bank = default_bank()
    section_of = {q.id: q.section for q in bank}
    for role in library.roles.values():
        kit = default_kit(role.id, template_job_description(role), bank)
        assert {section_of[q.id] for q in kit.questions} == set(SECTIONS), role.id
