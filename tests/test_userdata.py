"""User data is owner-only: folders 0700 and files 0600, whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jdbuilder.settings import Settings, save_settings, settings_path
from jdbuilder.userdata import private_folder, user_data_dir, write_private

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@posix
def test_files_and_folders_are_owner_only_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        target = user_data_dir() / "recovery" / "deep" / "session.json"
        write_private(target, "{}\n")
        save_settings(Settings(organisation="Harbor Peer Network"))
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o600
    assert settings_path().stat().st_mode & 0o777 == 0o600
    for folder in (target.parent, target.parent.parent, user_data_dir()):
        assert folder.stat().st_mode & 0o777 == 0o700, folder


@posix
def test_an_existing_open_user_data_folder_is_tightened() -> None:
    root = user_data_dir()
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    private_folder(root / "logs")
    assert root.stat().st_mode & 0o777 == 0o700


@posix
def test_folders_outside_the_user_data_folder_are_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared-library"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    private_folder(shared / "statements")
    assert shared.stat().st_mode & 0o777 == 0o755
