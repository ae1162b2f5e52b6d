"""Layout that uses the window: the page grows with it up to a readable width, the sections
share one label column, combo boxes show their longest entry, hints read whole, and the text
keeps its contrast in a dark palette."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from jdbuilder.ui.screenshots import dark_palette, truncated
from jdbuilder.ui.widgets.form import PAGE_CHARS


def settle(qtbot: Any) -> None:
    qtbot.wait(30)
    QApplication.processEvents()


def test_the_page_grows_with_the_window_up_to_a_readable_width(jd_window: Any,
                                                               qtbot: Any) -> None:
    w = jd_window
    ed = w.jd_editor
    widths = {}
    for size in ((1024, 700), (1366, 768), (1920, 1080), (2560, 1440)):
        w.resize(*size)
        settle(qtbot)
        widths[size[0]] = ed.column.width()
        room = ed.viewport().width()
        # the column takes the room there is, up to its readable maximum
        assert ed.column.width() >= min(room - 40, ed.column.maximumWidth()), size
    assert widths[1024] < widths[1366] <= widths[1920] == widths[2560]
    assert widths[2560] == ed.fontMetrics().averageCharWidth() * PAGE_CHARS


def test_every_section_shares_one_label_column(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.resize(1366, 768)
    settle(qtbot)
    ed = w.jd_editor
    lefts = set()
    for form in ed.column.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field is not None and label is not None and isinstance(label.widget(), QLabel):
                lefts.add(field.mapTo(ed.column, field.rect().topLeft()).x())
    assert len(lefts) == 1, lefts


def needed_width(combo: QComboBox) -> int:
    """What Qt itself needs to show the combo's longest entry whole: the size hint of a fresh
    combo box with the same entries, sized to its contents."""
    probe = QComboBox()
    probe.setFont(combo.font())
    probe.setStyle(combo.style())
    probe.addItems([combo.itemText(i) for i in range(combo.count())])
    probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    width = probe.sizeHint().width()
    probe.deleteLater()
    return width


def cut_combos(root: QWidget) -> list[str]:
    return [f"{c.accessibleName()}: {c.width()} < {needed_width(c)}"
            for c in root.findChildren(QComboBox)
            if c.isVisible() and c.count() and c.width() < needed_width(c)]


def test_combo_boxes_show_their_longest_entry(jd_window: Any, qtbot: Any, bank: Any) -> None:
    w = jd_window
    for q in list(bank)[:2]:
        w.kit_tab.questions.add_bank_question(q)
    w.kit_tab.people.add_candidate("C1")
    problems = []
    for size in ((1366, 768), (1920, 1080)):
        w.resize(*size)
        for i in range(w.tabs.count()):
            w.tabs.setCurrentIndex(i)
            settle(qtbot)
            problems += cut_combos(w)
    assert problems == [], "\n".join(problems)


def test_no_label_or_button_is_cut_in_any_view(jd_window: Any, qtbot: Any, bank: Any) -> None:
    w = jd_window
    for q in list(bank)[:2]:
        w.kit_tab.questions.add_bank_question(q)
    w.resize(1366, 768)
    problems = []
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        for j in range(w.kit_tab.tabs.count()):
            w.kit_tab.tabs.setCurrentIndex(j)
            settle(qtbot)
            problems += truncated(w)
    assert problems == []


def test_a_long_hint_reads_whole(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.resize(1366, 768)
    settle(qtbot)
    field = w.jd_editor.fields[("jd", "accommodation_contact")]
    assert not field.toPlainText()
    hint = field.placeholderText()
    metrics = field.fontMetrics()
    lines = -(-metrics.horizontalAdvance(hint) // max(field.viewport().width() - 12, 1))
    assert lines >= 2  # the hint is longer than the field is wide ...
    assert field.viewport().height() >= lines * metrics.lineSpacing()  # ... and it all shows


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_keeps_its_contrast_in_a_dark_palette(jd_window: Any, qtbot: Any) -> None:
    from jdbuilder.ui.widgets.common import dimmed
    from jdbuilder.ui.widgets.highlight import SPELLING, underline_color
    from jdbuilder.vocab import Severity

    app = QApplication.instance()
    old = app.palette()
    app.setPalette(dark_palette())
    try:
        settle(qtbot)
        field = jd_window.jd_editor.fields[("jd", "title")]
        p = field.palette()
        base = p.color(QPalette.ColorRole.Base)
        assert base.lightness() < 80  # the field follows the palette: nothing fixed
        assert contrast(p.color(QPalette.ColorRole.Text), base) >= 7
        assert contrast(p.color(QPalette.ColorRole.PlaceholderText), base) >= 4.5
        group = QPalette.ColorGroup.Normal
        assert contrast(dimmed(p, group), base) >= 4.5  # secondary lines of the lists
        for kind in (Severity.ERROR, Severity.WARNING, Severity.INFO, SPELLING):
            assert contrast(underline_color(kind, p), base) >= 3, kind
    finally:
        app.setPalette(old)
