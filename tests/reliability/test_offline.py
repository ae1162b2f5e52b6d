"""No network access anywhere: every CLI command runs with socket creation blocked."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from jdbuilder.cli import main


class _NoNetwork(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("jdbuilder tried to open a network socket")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _NoNetwork)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("jdbuilder tried to connect to the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_every_command_runs_offline(offline: None, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "p.jdb"
    q = tmp_path / "q.txt"
    q.write_text("What medications do you take?\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert main(["roles"]) == 0
    assert main(["new", "--role", "tay-peer-specialist", "--out", str(p)]) == 0
    assert main(["build", str(p), "--out", str(tmp_path / "out")]) == 0
    assert main(["check", str(tmp_path / "out")]) in (0, 1)
    assert main(["questions", str(q)]) == 1
    assert main(["questions", str(p)]) in (0, 1)
    assert main(["scores", str(p)]) == 0
    assert main(["library", "search", "naloxone"]) == 0
    assert main(["review", str(q), "--out", str(tmp_path / "r.docx")]) == 0
