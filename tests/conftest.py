"""Shared fixtures: every test runs with its own user-data folder and an offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("JDBUILDER_HOME", str(home))
    monkeypatch.delenv("JDBUILDER_LIBRARY_PATH", raising=False)
    yield home


@pytest.fixture(scope="session")
def library():  # type: ignore[no-untyped-def]
    from jdbuilder.library import load_library

    return load_library()


@pytest.fixture
def sample_jd(library):  # type: ignore[no-untyped-def]
    from jdbuilder.library import template_job_description

    return template_job_description(library.role("peer-specialist"))
