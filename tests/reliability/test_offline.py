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


_BLOCK = '''
import socket
class _NoNetwork(socket.socket):
    def __init__(self, *args, **kwargs):
        raise AssertionError("jdbuilder tried to open a network socket")
def _refuse(*args, **kwargs):
    raise AssertionError("jdbuilder tried to connect to the network")
socket.socket = _NoNetwork
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def test_self_test_runs_offline(tmp_path: Path) -> None:
    """The self-test (main window offscreen, check, export) in a process with sockets blocked."""
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_BLOCK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(site), *filter(None, [os.environ.get("PYTHONPATH")])]),
        "QT_QPA_PLATFORM": "offscreen", "JDBUILDER_HOME": str(tmp_path / "home")}
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and "network socket" in probe.stderr
    r = subprocess.run([sys.executable, "-m", "jdbuilder", "--self-test"], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "all steps passed" in r.stdout


_RECORD = '''
import os, socket, traceback
class _Recorded(socket.socket):
    def __init__(self, *args, **kwargs):
        with open(os.environ["SOCKET_LOG"], "a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_stack(limit=12)) + "\\n----\\n")
        raise OSError("sockets are recorded and refused in this test")
socket.socket = _Recorded
'''


def test_no_socket_is_even_created_on_the_check_path(tmp_path: Path) -> None:
    """Libraries that probe the network at import and swallow the failure (urllib3 checks for
    IPv6 by opening a socket) would pass a blocking test: record every socket instead."""
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_RECORD, encoding="utf-8")
    log = tmp_path / "sockets.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(site), *filter(None, [os.environ.get("PYTHONPATH")])]),
        "SOCKET_LOG": str(log), "JDBUILDER_HOME": str(tmp_path / "home")}
    probe = subprocess.run([sys.executable, "-c", "import socket\ntry: socket.socket()\n"
                            "except OSError: pass"], env=env, timeout=60)
    assert probe.returncode == 0 and log.exists()  # the recorder works
    log.unlink()
    text = tmp_path / "jd.txt"
    text.write_text("Helps addicts find housing.\nDo you have children?\n", encoding="utf-8")
    for args in (["check", str(text)], ["questions", str(text)],
                 ["review", str(text), "--out", str(tmp_path / "r.docx")]):
        subprocess.run([sys.executable, "-m", "jdbuilder", *args], env=env,
                       capture_output=True, timeout=300)
        assert not log.exists(), (args, log.read_text(encoding="utf-8"))
