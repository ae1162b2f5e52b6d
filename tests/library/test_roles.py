"""Every role template is complete, and no qualification asks for a health status or a proxy."""

from __future__ import annotations

import re

import pytest

from jdbuilder.library import Library, template_job_description
from jdbuilder.model.structure import count_sentences

NEW_ROLES = ("director-of-peer-services", "reentry-peer-specialist", "warmline-peer-supporter",
             "employment-peer-specialist")
_LIVED = re.compile(r"\b(lived|personal|own) experience\b|\bself-identif", re.IGNORECASE)

# Requirements that can only be checked by asking about health, recovery or records, or that
# stand in for race, national origin, age or being currently employed.
HEALTH_OR_PROXY = [re.compile(p, re.IGNORECASE) for p in (
    r"\bstab(?:le|ility)\b.{0,40}\brecovery\b",
    r"\b(?:clean|sober) (?:time|for)\b|\bcontinuous(?:ly)? (?:sobriety|sober|abstinen)",
    r"\b(?:years?|months?) (?:of|in) (?:their own |continuous )?(?:recovery|sobriety)\b",
    r"\bwellness plan of their own\b|\bkeeps? a (?:written |personal )?wellness plan\b",
    r"\bpsychiatric hospital (?:stay|admission)\b|\bhospitalization\b",
    r"\barrests?\b|\bcriminal record\b|\bconvictions?\b",
    r"\bcurrently (?:working|employed|studying|in work|in school|enrolled)\b",
    r"\bshared (?:language|culture|background|ethnicity|race|community)\b",
    r"\bties to\b|\bcomes from\b|\bnative speaker\b",
    r"\b(?:aged|over the age of|older than) (?:19|[2-9]\d)\b|\b(?:19|[2-9]\d) or older\b",
)]


def _proxies(text: str) -> list[str]:
    return [m.group(0) for rx in HEALTH_OR_PROXY for m in rx.finditer(text)]


def test_sixteen_roles_and_800_statements(library: Library) -> None:
    assert len(library.roles) >= 16
    assert set(NEW_ROLES) <= set(library.roles)
    assert len(library.statements) >= 800


@pytest.mark.parametrize("role_id", NEW_ROLES)
def test_new_roles_have_their_own_statements(library: Library, role_id: str) -> None:
    own = [s for s in library.statements.values() if role_id in s.roles]
    kinds = {s.kind.value for s in own}
    assert kinds == {"function", "responsibility_area", "duty", "qualification",
                     "employment_condition", "ability"}, (role_id, kinds)
    assert len(own) >= 60, role_id
    assert all(s.source and s.reviewed_on for s in own)


def test_every_role_has_60_statements(library: Library) -> None:
    for role_id in library.roles:
        assert sum(1 for s in library.statements.values() if s.suits_role(role_id)) >= 60, role_id


def test_every_template_has_the_five_components(library: Library) -> None:
    for role in library.roles.values():
        jd = template_job_description(role)
        assert count_sentences(jd.function) == 1, role.id
        assert jd.reports_to and jd.hours, role.id
        assert 4 <= len(jd.areas) <= 6, role.id
        assert all(3 <= len(a.duties) <= 6 for a in jd.areas), role.id
        levels = [q.required for q in jd.qualifications]
        assert levels == sorted(levels, reverse=True), role.id  # required ones first
        assert jd.qualifications[0].required and _LIVED.search(jd.qualifications[0].text), role.id
        assert jd.employment_conditions and len(jd.abilities) >= 4, role.id


def test_no_qualification_requires_a_health_status_or_a_proxy(library: Library) -> None:
    found = []
    for role in library.roles.values():
        jd = template_job_description(role)
        found += [(role.id, q.text, _proxies(q.text)) for q in jd.qualifications
                  if _proxies(q.text)]
        found += [(role.id, a, _proxies(a)) for a in jd.abilities if _proxies(a)]
    found += [(s.id, s.text, _proxies(s.text)) for s in library.statements.values()
              if s.kind.value in ("qualification", "ability") and _proxies(s.text)]
    assert found == []


def test_proxy_patterns_catch_the_old_wording() -> None:
    for text in ("Enough stability in their own recovery to keep the focus on others.",
                 "Has taken part in a WRAP workshop or keeps a written wellness plan of their own.",
                 "Lived experience of the justice system, such as arrest or a criminal record.",
                 "Has been through a psychiatric hospital stay.",
                 "Is currently working, studying or in training.",
                 "Shared language, culture or background with the young people served.",
                 "Comes from, or has close ties to, the neighborhoods served.",
                 "Two years of continuous sobriety.",
                 "Aged 25 or older."):
        assert _proxies(text), text
    assert _proxies("At least 18 years old.") == []


def test_background_checks_come_after_a_conditional_offer(library: Library) -> None:
    texts = [(r.id, c) for r in library.roles.values()
             for c in template_job_description(r).employment_conditions]
    texts += [(s.id, s.text) for s in library.statements.values()
              if s.kind.value == "employment_condition"]
    checks = [(where, t) for where, t in texts if re.search(r"background check", t, re.I)]
    assert checks
    after_offer = re.compile(r"\bconditional (?:job )?offer\b")
    assert [(w, t) for w, t in checks if not after_offer.search(t)] == []
