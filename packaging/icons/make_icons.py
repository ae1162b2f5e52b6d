"""Render the application icon from jdbuilder.svg into PNG, ICO (Windows) and ICNS (macOS).

    python packaging/icons/make_icons.py

The SVG is the source; the other files are generated and committed, so a build needs neither
this script nor a display. Qt's SVG renderer (PySide6.QtSvg, part of PySide6-Essentials) draws
each size from the vector file, so small sizes are rendered, not scaled down from a large
bitmap; Pillow writes the ICO and ICNS containers.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "jdbuilder.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
PNG_SIZES = (256, 512)


def render(size: int) -> bytes:
    """The SVG drawn at size x size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: Qt could not read the SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image

    sizes = sorted(set(ICO_SIZES) | set(ICNS_SIZES) | set(PNG_SIZES))
    images = {s: Image.open(io.BytesIO(render(s))).convert("RGBA") for s in sizes}
    for s in PNG_SIZES:
        suffix = "" if s == 256 else f"-{s}"
        images[s].save(HERE / f"jdbuilder{suffix}.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    largest.save(HERE / "jdbuilder.ico", format="ICO",
                 sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    biggest = images[max(ICNS_SIZES)]
    biggest.save(HERE / "jdbuilder.icns", format="ICNS",
                 append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)])
    for name in ("jdbuilder.png", "jdbuilder-512.png", "jdbuilder.ico", "jdbuilder.icns"):
        print(f"wrote {HERE / name} ({(HERE / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
