from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdbuilder.settings import Settings, load_settings, save_settings


def test_round_trip(_isolated_user_data: Path) -> None:
    s = Settings(organisation="Hilltown", preference="identity-first",
                 allow_phrases=["Consumer"], extra={"window": [1, 2]})
    save_settings(s)
    loaded, err = load_settings()
    assert err is None and loaded.organisation == "Hilltown"
    assert loaded.extra == {"window": [1, 2]}
    assert "consumer" in loaded.policy().allow_phrases


def test_broken_settings_fall_back_to_defaults_and_name_the_file(
        _isolated_user_data: Path) -> None:
    path = _isolated_user_data / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    loaded, err = load_settings()
    assert loaded == Settings() and err is not None and "settings.json" in str(err)
    path.write_text(json.dumps({"paper": "tabloid"}), encoding="utf-8")
    loaded, err = load_settings()
    assert loaded == Settings() and err is not None and err.field == "paper"


def test_the_lexicon_comes_from_the_organization_and_personal_folders(
        tmp_path: Path, _isolated_user_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jdbuilder.language import check
    from jdbuilder.language.lexicon import builtin_lexicon
    from jdbuilder.settings import load_user_lexicon
    from tests.lexicon_layers import SENTENCE, org_library

    plain = Settings()
    assert load_user_lexicon(plain.lexicon_sources()).lexicon is builtin_lexicon()
    org = org_library(tmp_path, broken=True)
    with_org = Settings(organisation_library=str(org))
    sources = with_org.lexicon_sources()
    assert sources.organisation == org / "lexicons"
    assert sources.personal == _isolated_user_data / "lexicons"
    loaded = load_user_lexicon(sources)
    assert "org-service-user" in {f.rule for f in check(SENTENCE, lexicon=loaded.lexicon)}
    (problem,) = loaded.problems
    assert "house.yaml" in str(problem) and "org-broken" in str(problem)
    # the environment variable wins over the setting, as for the library
    monkeypatch.setenv("JDBUILDER_LIBRARY_PATH", str(tmp_path / "elsewhere"))
    assert plain.lexicon_sources().organisation == tmp_path / "elsewhere" / "lexicons"
