"""The report page in a real browser, where one is installed (skipped otherwise): a headless
screenshot, and the DOM after the page's script ran (paging works offline)."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from jdbuilder.cli import main

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio")


def browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.fixture
def exe() -> str:
    found = browser()
    if found is None:
        pytest.skip("no Chromium or Chrome installed")
    return found


@pytest.fixture
def page(portfolio: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The report of the portfolio and 40 more small documents (three pages of 25)."""
    extra = portfolio / "more"
    extra.mkdir()
    for i in range(40):
        (extra / f"note-{i:02d}.txt").write_text(
            f"Peer Note {i}\n\nDuties\nMeets people in the community every week.\n",
            encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", str(portfolio), "--out", str(out), "--format", "html"]) == 0
    capsys.readouterr()
    return out.with_suffix(".html")


def run_browser(exe: str, tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "browser-profile"
    done = subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_headless_screenshot_of_the_page(exe: str, page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    run_browser(exe, tmp_path, "--window-size=1280,2000", f"--screenshot={shot}",
                page.as_uri())
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (1280, 2000)
    # not a blank page: text, charts and tables give many different pixel values
    assert len(set(pixels)) > 40
    assert pixels.count(b"\xff\xff\xff") < len(pixels) // 3 * 0.98


def test_the_script_pages_the_documents_in_a_browser(exe: str, page: Path,
                                                     tmp_path: Path) -> None:
    dom = run_browser(exe, tmp_path, "--virtual-time-budget=5000", "--dump-dom",
                      page.as_uri())
    articles = re.findall(r"<article class=\"doc\"[^>]*>", dom)
    visible = [a for a in articles if " hidden" not in a]
    assert len(articles) == 60
    assert len(visible) == 25
    status = re.search(r'<p id="f-status"[^>]*>([^<]*)</p>', dom)
    assert status is not None
    assert status.group(1) == "Documents 1\u201325 of 60, page 1 of 3."
    assert re.search(r'<div class="controls" id="doc-controls"(?![^>]*hidden)', dom)
