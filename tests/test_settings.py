from __future__ import annotations

import json
from pathlib import Path

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
