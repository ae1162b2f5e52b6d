"""Organization and document policy for the language check.

Contested wording (person-first versus identity-first) follows the organization's preference;
allow-lists by phrase or rule id come from the organization and from each document. Suppressed
findings are counted and returned, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jdbuilder.vocab import Preference, values

PREFERENCES = values(Preference)


@dataclass(frozen=True)
class Policy:
    preference: Preference = Preference.NEUTRAL
    allow_phrases: frozenset[str] = field(default_factory=frozenset)
    allow_rules: frozenset[str] = field(default_factory=frozenset)
    show_contested: bool = False

    def __post_init__(self) -> None:
        try:
            preference = Preference(self.preference)
        except ValueError:
            raise ValueError(f"preference must be one of {', '.join(PREFERENCES)}") from None
        object.__setattr__(self, "preference", preference)

    def merged(self, other: Policy | None) -> Policy:
        """This policy (the organization's) with a document's additions on top."""
        if other is None:
            return self
        preference = (other.preference if other.preference != Preference.NEUTRAL
                      else self.preference)
        return Policy(preference, self.allow_phrases | other.allow_phrases,
                      self.allow_rules | other.allow_rules,
                      self.show_contested or other.show_contested)

    def allows(self, rule_id: str, phrase: str) -> str | None:
        """The reason a finding is suppressed, or None."""
        if rule_id in self.allow_rules:
            return f"rule '{rule_id}' is allowed"
        if normalise_phrase(phrase) in self.allow_phrases:
            return f"'{phrase}' is allowed"
        return None

    def to_dict(self) -> dict[str, Any]:
        return {"preference": str(self.preference), "allow_phrases": sorted(self.allow_phrases),
                "allow_rules": sorted(self.allow_rules), "show_contested": self.show_contested}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Policy:
        if not data:
            return cls()
        return cls(
            preference=Preference(_preference(data)),
            allow_phrases=frozenset(normalise_phrase(p) for p in _strs(data, "allow_phrases")),
            allow_rules=frozenset(_strs(data, "allow_rules")),
            show_contested=bool(data.get("show_contested", False)),
        )


def _preference(data: Mapping[str, Any]) -> str:
    value = str(data.get("preference", Preference.NEUTRAL))
    if value not in PREFERENCES:
        raise ValueError(f"preference must be one of {', '.join(PREFERENCES)}")
    return value


def _strs(data: Mapping[str, Any], key: str) -> Iterable[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' should be a list of text")
    return value


def normalise_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())
