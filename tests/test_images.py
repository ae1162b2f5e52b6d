"""Logos are checked with Pillow before they go into any document."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from jdbuilder.errors import InputError
from jdbuilder.images import MAX_LOGO_PIXELS, check_logo


def _png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buf, "PNG")
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` x `height` (a decompression bomb's shape)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(
        b"IEND", b"")


def test_a_real_png_and_jpeg_pass(tmp_path: Path) -> None:
    png = tmp_path / "logo.png"
    png.write_bytes(_png(120, 40))
    check_logo(png)
    jpg = tmp_path / "logo.jpg"
    Image.new("RGB", (120, 40), "teal").save(jpg, "JPEG")
    check_logo(jpg)


def test_a_decompression_bomb_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bomb.png"
    p.write_bytes(_png_header_only(60_000, 60_000))
    assert MAX_LOGO_PIXELS < 60_000 * 60_000
    with pytest.raises(InputError, match=r"pixels"):
        check_logo(p)


def test_a_truncated_image_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "cut.png"
    p.write_bytes(_png(400, 400)[:200])
    with pytest.raises(InputError, match="not a readable PNG or JPEG"):
        check_logo(p)


def test_a_file_that_only_starts_like_a_png(tmp_path: Path) -> None:
    p = tmp_path / "fake.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 50)
    with pytest.raises(InputError, match="not a readable PNG or JPEG"):
        check_logo(p)


@pytest.mark.parametrize("data", [b"GIF89a....", b"", b"<svg/>"])
def test_other_files_are_not_logos(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "logo.gif"
    p.write_bytes(data)
    with pytest.raises(InputError, match="PNG or JPEG"):
        check_logo(p)


def test_a_missing_logo_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="logo file not found") as info:
        check_logo(tmp_path / "gone.png")
    assert "gone.png" in str(info.value)
