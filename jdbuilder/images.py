"""Checking an organization's logo before it goes into document headers.

Opened with Pillow (a maintained image library, which reportlab already depends on) under its
decompression-bomb limit: a file that only claims to be a PNG or JPEG, a 0x0 image, a
truncated one or one that decodes to more pixels than any logo needs is refused with the
reason, before any document is written.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from jdbuilder.errors import InputError
from jdbuilder.safeio import ReadProblem, read_limited

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 20_000_000  # a 5,000 x 4,000 logo is already far more than a header needs
FORMATS = ("PNG", "JPEG")


def check_logo(path: str | Path) -> None:
    p = Path(path)
    try:
        data = read_limited(p, MAX_LOGO_BYTES)
    except ReadProblem as exc:
        raise InputError(p, f"logo {exc.reason}") from None
    if not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        raise InputError(p, "logo must be a PNG or JPEG image")
    old = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_LOGO_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.format not in FORMATS:
                    raise InputError(p, "logo must be a PNG or JPEG image")
                width, height = img.size
                if width < 1 or height < 1:
                    raise InputError(p, "logo is an empty image (0 pixels)")
                if width * height > MAX_LOGO_PIXELS:
                    raise InputError(p, f"logo is {width} x {height} pixels, more than a logo "
                                        "needs; use a smaller image")
                img.load()  # decodes it: a truncated or damaged image fails here
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(p, "logo decodes to far more pixels than it should (a "
                            "decompression bomb); refused") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise InputError(p, f"logo is not a readable PNG or JPEG image "
                            f"({type(exc).__name__})") from None
    finally:
        Image.MAX_IMAGE_PIXELS = old
