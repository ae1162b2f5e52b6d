"""Schemas of the library's YAML files (see docs/CONTENT-FORMAT.md)."""

from __future__ import annotations

from jdbuilder.model.statement import LEVELS, POPULATIONS, SETTINGS, StatementKind
from jdbuilder.model.structure import count_sentences
from jdbuilder.schema import Field

ROLE_IDS = frozenset({
    "peer-specialist", "peer-coordinator", "peer-advocate", "community-bridger",
    "recovery-coach", "family-recovery-coach", "ed-peer-recovery-specialist",
    "youth-vocational-peer-mentor", "tay-peer-specialist", "justice-involved-peer-mentor",
    "peer-group-facilitator", "peer-support-supervisor", "director-of-peer-services",
    "reentry-peer-specialist", "warmline-peer-supporter", "employment-peer-specialist",
})

_TEXT = Field("text")
_OPT_TEXT = Field("str", required=False)
_TEXTS = Field("list", items=_TEXT)
_OPT_TEXTS = Field("list", required=False, items=_TEXT)
_SETTINGS = Field("list", items=Field("str", choices=frozenset(SETTINGS)), min_items=1)
_POPULATIONS = Field("list", items=Field("str", choices=frozenset(POPULATIONS)), min_items=1)
_LEVEL = Field("str", choices=frozenset(LEVELS))


def _one_sentence(value: object) -> str | None:
    if isinstance(value, str) and count_sentences(value) > 1:
        return "must be one sentence"
    return None


QUALIFICATION = {"text": _TEXT, "level": _LEVEL}
AREA = {"title": _TEXT, "duties": Field("list", items=_TEXT, min_items=1)}
JOB_DESCRIPTION = {
    "title": _TEXT,
    "program": _TEXT,
    "reports_to": Field("list", items=_TEXT, min_items=1),
    "supervises": _OPT_TEXTS,
    "supervision": _OPT_TEXT,
    "hours": _TEXT,
    "schedule": _OPT_TEXT,
    "function": Field("text", check=_one_sentence),
    "areas": Field("list", items=Field("dict", schema=AREA), min_items=1),
    "qualifications": Field("list", items=Field("dict", schema=QUALIFICATION), min_items=1),
    "employment_conditions": Field("list", items=_TEXT, min_items=1),
    "abilities": _TEXTS,
}
ROLE = {
    "id": Field("id"),
    "name": _TEXT,
    "summary": _TEXT,
    "settings": _SETTINGS,
    "populations": _POPULATIONS,
    "source": _TEXT,
    "reviewed_on": Field("date"),
    "reviewed_by": _OPT_TEXT,
    "job_description": Field("dict", schema=JOB_DESCRIPTION),
}


def statement_schema(role_ids: frozenset[str]) -> dict[str, Field]:
    roles = Field("list", items=Field("str", choices=role_ids | {"all"}), min_items=1)
    return {
        "id": Field("id"),
        "kind": Field("str", choices=frozenset(k.value for k in StatementKind)),
        "text": _TEXT,
        "roles": roles,
        "settings": _SETTINGS,
        "populations": _POPULATIONS,
        "area": _OPT_TEXT,
        "level": Field("str", required=False, choices=frozenset(LEVELS)),
        "source": _TEXT,
        "reviewed_on": Field("date"),
        "reviewed_by": _OPT_TEXT,
    }
