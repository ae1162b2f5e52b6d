"""Window state kept between sessions: recent files, geometry and dock layout.

Stored as `ui-state.json` in the user-data folder (beside settings.json, never in the install
folder), written atomically; a broken file just means the defaults.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from jdbuilder.userdata import user_data_dir, write_private

STATE_FILE = "ui-state.json"
MAX_RECENT = 10


def state_path() -> Path:
    return user_data_dir() / STATE_FILE


def load_state() -> dict[str, Any]:
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_state(data: dict[str, Any]) -> None:
    path = state_path()
    with contextlib.suppress(OSError):  # window state is a convenience; never an error dialog
        write_private(path, json.dumps(data, indent=2) + "\n")


def update_state(**values: Any) -> None:
    data = load_state()
    data.update(values)
    save_state(data)


def recent_files() -> list[str]:
    items = load_state().get("recent", [])
    if not isinstance(items, list):
        return []
    return [p for p in items if isinstance(p, str)][:MAX_RECENT]


def add_recent(path: Path) -> list[str]:
    text = str(Path(path).resolve())
    items = [p for p in recent_files() if p != text]
    items.insert(0, text)
    items = items[:MAX_RECENT]
    update_state(recent=items)
    return items


def remove_recent(path: str) -> list[str]:
    items = [p for p in recent_files() if p != path]
    update_state(recent=items)
    return items
