"""Severity and verdict markers: an icon from the platform style plus a word, never color alone.

The only fixed colors in the app are the underline colors of language findings and misspelled
words (jdbuilder.ui.widgets.highlight), and each underline also has a shape per severity and a
marker icon with a count beside the field.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from jdbuilder.vocab import Severity, Verdict

SEVERITY_WORD: dict[str, str] = {Severity.ERROR: "Error", Severity.WARNING: "Warning",
                                 Severity.INFO: "Note"}
SEVERITY_PLURAL: dict[str, tuple[str, str]] = {Severity.ERROR: ("error", "errors"),
                                               Severity.WARNING: ("warning", "warnings"),
                                               Severity.INFO: ("note", "notes")}
VERDICT_WORD: dict[str, str] = {Verdict.OK: "OK", Verdict.CAUTION: "Caution",
                                Verdict.NOT_ALLOWED: "Not allowed"}

_STYLE_ICON: dict[str, QStyle.StandardPixmap] = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Verdict.NOT_ALLOWED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Verdict.CAUTION: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Verdict.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
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


def worst(severities: list[str]) -> str:
    for s in Severity.descending():
        if s in severities:
            return s
    return ""
