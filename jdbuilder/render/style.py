"""One design for every format: the fonts, colors and sizes the DOCX, PDF and print renderers
share, so a document looks like the same product whichever way it is opened."""

from __future__ import annotations

BODY_FONT = "DejaVu Sans"  # shipped in resources/fonts; embedded in every PDF
FALLBACK_FONT = "Droid Sans Fallback"  # Chinese, Japanese and Korean (resources/fonts)
BODY_PT = 10.5
LARGE_PT = 16.0
# Headings and titles: a dark navy, 11.6:1 against white (WCAG AA asks for 4.5:1).
HEADING_RGB = (0x1F, 0x38, 0x64)
NOTE_RGB = (0x33, 0x33, 0x33)  # notes, in italics: 12.6:1
RULE_RGB = (0x80, 0x80, 0x80)  # ruled note lines
SHADE_RGB = (0xD9, 0xD9, 0xD9)  # shaded cells (always bold and with a word as well)
HEADER_FILL_RGB = (0xE6, 0xE6, 0xE6)  # table header rows


def hex_rgb(rgb: tuple[int, int, int]) -> str:
    return "".join(f"{c:02X}" for c in rgb)


def contrast(fg: tuple[int, int, int], bg: tuple[int, int, int] = (255, 255, 255)) -> float:
    """The WCAG contrast ratio of two sRGB colors."""
    def lum(rgb: tuple[int, int, int]) -> float:
        def ch(c: int) -> float:
            v = c / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b = (ch(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
