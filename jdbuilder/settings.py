"""User settings: a JSON file in the user-data folder, read leniently, written atomically.

A broken settings file never stops the app: the defaults are used and the problem is reported.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jdbuilder.errors import ContentError
from jdbuilder.language.policy import Policy, normalise_phrase
from jdbuilder.model.jobad import Employer
from jdbuilder.safeio import ReadProblem, read_limited
from jdbuilder.userdata import user_data_dir, write_private
from jdbuilder.vocab import Paper, Preference, values

if TYPE_CHECKING:
    from jdbuilder.language.lexicon import LoadedLexicon
    from jdbuilder.language.sources import LexiconSources

SETTINGS_FILE = "settings.json"
MAX_SETTINGS_BYTES = 1024 * 1024


@dataclass
class Settings:
    organisation: str = ""
    logo: str = ""
    paper: Paper = Paper.LETTER
    preference: Preference = Preference.NEUTRAL
    allow_phrases: list[str] = field(default_factory=list)
    allow_rules: list[str] = field(default_factory=list)
    organisation_library: str = ""
    eeo_statement: str = ""  # printed as locked boilerplate in every ad
    accommodation_contact: str = ""  # the default; a job description's own comes first
    extra: dict[str, Any] = field(default_factory=dict)

    _FIELDS = ("organisation", "logo", "paper", "preference", "allow_phrases", "allow_rules",
               "organisation_library", "eeo_statement", "accommodation_contact")

    def employer(self) -> Employer:
        return Employer(organisation=self.organisation, eeo_statement=self.eeo_statement,
                        accommodation_contact=self.accommodation_contact)

    def policy(self) -> Policy:
        return Policy(preference=Preference(self.preference),
                      allow_phrases=frozenset(normalise_phrase(p) for p in self.allow_phrases),
                      allow_rules=frozenset(self.allow_rules))

    def lexicon_sources(self) -> LexiconSources:
        """Where this user's lexicon comes from: the shipped lexicons, then the organization
        library's `lexicons/` folder (the environment variable wins over the setting), then the
        personal `lexicons/` folder in the user-data folder."""
        from jdbuilder.language.sources import LexiconSources
        from jdbuilder.library.loader import organisation_library_dir

        org = organisation_library_dir(self.organisation_library or None)
        return LexiconSources(builtin=LexiconSources.builtin_only().builtin,
                              organisation=org / "lexicons" if org is not None else None,
                              personal=user_data_dir() / "lexicons")

    def to_dict(self) -> dict[str, Any]:
        return {"organisation": self.organisation, "logo": self.logo, "paper": self.paper,
                "preference": self.preference, "allow_phrases": list(self.allow_phrases),
                "allow_rules": list(self.allow_rules),
                "organisation_library": self.organisation_library,
                "eeo_statement": self.eeo_statement,
                "accommodation_contact": self.accommodation_contact, **self.extra}


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def _validated(data: dict[str, Any], path: Path) -> Settings:
    s = Settings(extra={k: v for k, v in data.items() if k not in Settings._FIELDS})
    for key in ("organisation", "logo", "organisation_library", "eeo_statement",
                "accommodation_contact"):
        value = data.get(key, "")
        if not isinstance(value, str):
            raise ContentError(path, "should be text", field=key)
        setattr(s, key, value)
    paper = data.get("paper", Paper.LETTER)
    if paper not in values(Paper):
        raise ContentError(path, f"'{paper}' is not letter or a4", field="paper")
    s.paper = Paper(paper)
    pref = data.get("preference", Preference.NEUTRAL)
    if pref not in values(Preference):
        raise ContentError(path, f"'{pref}' is not one of {', '.join(values(Preference))}",
                           field="preference")
    s.preference = Preference(pref)
    for key in ("allow_phrases", "allow_rules"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ContentError(path, "should be a list of text", field=key)
        setattr(s, key, list(value))
    return s


def load_settings(path: Path | None = None) -> tuple[Settings, ContentError | None]:
    """The saved settings, or the defaults and the reason the file could not be used."""
    p = path or settings_path()
    if not os.path.lexists(p):
        return Settings(), None
    try:
        raw = read_limited(p, MAX_SETTINGS_BYTES)
        data = json.loads(raw.decode("utf-8-sig"))  # a byte-order mark is fine
        if not isinstance(data, dict):
            raise ContentError(p, "settings should be a JSON object; using the defaults")
        return _validated(data, p), None
    except ReadProblem as exc:
        return Settings(), ContentError(p, f"{exc.reason}; using the defaults")
    except ContentError as err:
        return Settings(), err
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return Settings(), ContentError(p, f"settings could not be read ({exc}); "
                                           "using the defaults")


def save_settings(settings: Settings, path: Path | None = None) -> None:
    p = path or settings_path()
    write_private(p, json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n")


def load_user_lexicon(sources: LexiconSources) -> LoadedLexicon:
    """The lexicon these sources give, with the problems of the organization and personal
    layers. Without any such folder it is the shipped lexicon, compiled once per process."""
    from jdbuilder.language.lexicon import LoadedLexicon, builtin_lexicon, load_lexicon

    if (sources.builtin == type(sources).builtin_only().builtin
            and not any(path.is_dir() for _, path in sources.user_layers())):
        return LoadedLexicon(builtin_lexicon(), ())
    return load_lexicon(sources)
