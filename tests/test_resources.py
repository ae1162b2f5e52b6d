from __future__ import annotations

from jdbuilder.resources import lexicons_dir, resource, resources_dir


def test_data_folders_are_found() -> None:
    assert (resources_dir() / "library" / "roles").is_dir()
    assert lexicons_dir().is_dir()
    assert resource("fonts", "DejaVuSans.ttf").is_file()
