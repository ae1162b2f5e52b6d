"""The real window under a virtual display (Xvfb): print preview of every document, driven by
keys, without a crash (packaging/xvfb_print_check.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)")
def test_print_preview_of_every_document_in_the_real_window(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "xvfb_print_check.py"),
                           "--shots", str(tmp_path / "shots")], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=400)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[-1] == "print check: ok, 7 previews"
    assert sum("preview opened and closed" in line for line in lines) == 7
    assert len(list((tmp_path / "shots").glob("*-preview.png"))) in (0, 7)  # 7 with ImageMagick
