"""Severity and verdict markers: an icon from the platform style plus a word, never colour alone.

The only fixed colours in the app are the underline colours of language findings, and each
underline also has a shape (wavy for errors and warnings, dotted for notes) and a marker icon
with a count beside the field.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QIcon, QTextCharFormat
from PySide6.QtWidgets import QApplication, QStyle

SEVERITY_WORD = {"error": "Error", "warning": "Warning", "info": "Note"}
SEVERITY_PLURAL = {"error": ("error", "errors"), "warning": ("warning", "warnings"),
                   "info": ("note", "notes")}
VERDICT_WORD = {"ok": "OK", "caution": "Caution", "not_allowed": "Not allowed"}

_UNDERLINE = {"error": QColor(204, 0, 0), "warning": QColor(204, 102, 0),
              "info": QColor(0, 102, 204)}
_STYLE_ICON = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "not_allowed": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "caution": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
}


def icon(kind: str) -> QIcon:
    """The platform's icon for a severity (error, warning, info) or verdict."""
    style = QApplication.style()
    return style.standardIcon(_STYLE_ICON.get(kind, QStyle.StandardPixmap.SP_MessageBoxQuestion))


def icon_size() -> int:
    """A small icon size that follows the system font size."""
    return max(16, QFontMetrics(QApplication.font()).height())


def counted(severity: str, n: int) -> str:
    one, many = SEVERITY_PLURAL.get(severity, (severity, severity + "s"))
    return f"{n} {one if n == 1 else many}"


def underline_format(severity: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if severity == "info":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(_UNDERLINE.get(severity, _UNDERLINE["warning"]))
    return fmt


def worst(severities: list[str]) -> str:
    for s in ("error", "warning", "info"):
        if s in severities:
            return s
    return ""
