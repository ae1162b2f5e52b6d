"""Library statements and roles: the building blocks HR staff assemble job descriptions from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class StatementKind(StrEnum):
    FUNCTION = "function"
    RESPONSIBILITY_AREA = "responsibility_area"
    DUTY = "duty"
    QUALIFICATION = "qualification"
    EMPLOYMENT_CONDITION = "employment_condition"
    ABILITY = "ability"

    @property
    def label(self) -> str:
        return {
            "function": "Function",
            "responsibility_area": "Responsibility area",
            "duty": "Duty",
            "qualification": "Qualification",
            "employment_condition": "Employment condition",
            "ability": "Ability or attribute",
        }[self.value]


SETTINGS = (
    "community",
    "inpatient",
    "emergency-department",
    "residential",
    "peer-run",
    "school-college",
    "justice",
)
POPULATIONS = (
    "adults",
    "youth-young-adults",
    "families",
    "people-who-use-substances",
    "people-leaving-incarceration",
)
LEVELS = ("required", "preferred")


@dataclass(frozen=True)
class Statement:
    """One reusable piece of a job description, with where it came from."""

    id: str
    kind: StatementKind
    text: str
    roles: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    area: str = ""
    level: str = ""
    source: str = ""
    reviewed_on: str = ""
    reviewed_by: str = ""
    layer: str = "built-in"

    def suits_role(self, role_id: str) -> bool:
        return "all" in self.roles or role_id in self.roles

    @property
    def tags(self) -> tuple[str, ...]:
        return self.settings + self.populations


@dataclass(frozen=True)
class Role:
    """A peer role with its complete template job description."""

    id: str
    name: str
    summary: str
    settings: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    source: str = ""
    reviewed_on: str = ""
    template: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
