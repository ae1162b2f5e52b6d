"""Quality gates on the shipped library: clean language, peer-consistent duties, stable ids."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jdbuilder.language import check_many
from jdbuilder.library import Library, template_job_description
from jdbuilder.library.catalogue import DOC_PATH, render
from jdbuilder.model.fields import text_items
from jdbuilder.model.jobad import generate_ad
from jdbuilder.model.statement import POPULATIONS, SETTINGS, StatementKind
from jdbuilder.model.structure import check_structure

ROOT = Path(__file__).resolve().parents[2]
TWELVE = {
    "peer-specialist", "peer-coordinator", "peer-advocate", "community-bridger",
    "recovery-coach", "family-recovery-coach", "ed-peer-recovery-specialist",
    "youth-vocational-peer-mentor", "tay-peer-specialist", "justice-involved-peer-mentor",
    "peer-group-facilitator", "peer-support-supervisor",
}


def test_twelve_roles_and_400_statements(library: Library) -> None:
    assert set(library.roles) >= TWELVE
    assert len(library.statements) >= 400
    kinds = Counter(s.kind for s in library.statements.values())
    assert all(kinds[k] >= 20 for k in StatementKind), kinds


def test_statements_are_distinct_and_tagged(library: Library) -> None:
    texts = [s.text.lower() for s in library.statements.values()]
    assert len(texts) == len(set(texts))
    used_settings = {t for s in library.statements.values() for t in s.settings}
    used_pops = {t for s in library.statements.values() for t in s.populations}
    assert used_settings == set(SETTINGS) and used_pops == set(POPULATIONS)
    for role in TWELVE:
        assert sum(1 for s in library.statements.values() if s.suits_role(role)) >= 60, role
    for s in library.statements.values():
        assert s.source and s.reviewed_on, s.id


def test_ids_are_stable(library: Library) -> None:
    shipped = (Path(__file__).parent / "data" / "shipped_ids.txt").read_text(
        encoding="utf-8").split()
    current = set(library.statements) | {f"role:{r}" for r in library.roles}
    assert [i for i in shipped if i not in current] == []


def _findings(texts: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    out = []
    for (where, text), report in zip(texts, check_many([t for _, t in texts]), strict=True):
        # notes too: a note on shipped wording is a false alarm every user would see
        out += [(where, f.rule, f.text, text) for f in report.findings]
    return out


def test_every_statement_passes_the_language_check(library: Library) -> None:
    texts = [(s.id, s.text) for s in library.statements.values()]
    assert _findings(texts) == []


def test_every_template_and_ad_passes_the_checks(library: Library) -> None:
    texts: list[tuple[str, str]] = []
    for role in library.roles.values():
        jd = template_job_description(role)
        structure = [f for f in check_structure(jd) if f.severity != "info"]
        assert structure == [], (role.id, structure)
        ad = generate_ad(jd, organisation="Hilltown Peer Network")
        texts += [(f"{role.id}: {item.label}", item.text) for item in text_items(jd, ad)]
    assert _findings(texts) == []


def test_catalogue_is_up_to_date(library: Library) -> None:
    assert (ROOT / DOC_PATH).read_text(encoding="utf-8") == render(library), (
        "docs/library.md is stale: run python -m jdbuilder.library.catalogue")
