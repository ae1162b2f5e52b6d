"""Accessibility and look: every control is named for assistive technology and reachable by
keyboard; the app uses the platform's palette and style (no style sheets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QTabBar,
    QWidget,
)


def focusable(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisibleTo(root):
            continue
        if isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin box or combo box
        out.append(w)
    return out


def named(w: QWidget) -> bool:
    if w.accessibleName().strip():
        return True
    if isinstance(w, QAbstractButton) and w.text().replace("&", "").strip():
        return True
    return isinstance(w, QTabBar) and all(w.tabText(i) for i in range(w.count()))


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}"
            for w in focusable(root) if not named(w)]


def test_every_control_on_every_view_has_a_name(jd_window: Any, bank: Any) -> None:
    w = jd_window
    w.kit_tab.questions.add_bank_question(bank[0])
    w.kit_tab.people.add_interviewer("A")
    w.kit_tab.people.add_candidate("C1")
    w.findings_panel.select_index(0)
    problems = []
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        for j in range(w.kit_tab.tabs.count()):
            w.kit_tab.tabs.setCurrentIndex(j)
            problems += unnamed(w)
    w.files.close_project()
    problems += unnamed(w)
    assert sorted(set(problems)) == []


def test_dialogs_have_named_controls(jd_window: Any, dialogs: Any) -> None:
    from jdbuilder.ui.dialogs.export import ExportDialog
    from jdbuilder.ui.dialogs.personal import AddStatementDialog
    from jdbuilder.ui.dialogs.preferences import PreferencesDialog
    from jdbuilder.ui.dialogs.print_choice import PrintChoiceDialog

    w = jd_window
    labels = [item.label for item in w.output.print_items()]
    for dialog in (ExportDialog(w.doc.to_project(), folder=w.output.default_export_folder()),
                   PreferencesDialog(w.ctx.settings()),
                   AddStatementDialog(role_id="peer-specialist", role_name="Peer Specialist"),
                   PrintChoiceDialog("Print", labels, [0])):
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()


def test_tab_reaches_the_editor_the_library_and_the_findings(jd_window: Any,
                                                             qtbot: Any) -> None:
    w = jd_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.jd_editor.fields[("jd", "title")].setFocus()
    seen: set[int] = set()
    reached = []
    for _ in range(400):
        current = QApplication.focusWidget()
        if current is None or (id(current) in seen and len(seen) > 50):
            break
        seen.add(id(current))
        reached.append(current)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    wanted = [w.jd_editor.fields[("jd", "function")],
              w.jd_editor.fields[("jd", "areas", 0, "duties", 0)],
              w.jd_editor.lists[("jd", "areas", 0, "duties")].add_button,
              w.jd_editor.lists[("jd", "areas", 0, "duties")].rows[0].remove_button,
              w.library_panel.search, w.library_panel.view, w.findings_panel.tree]
    missing = [x.accessibleName() or x.text() for x in wanted if x not in reached]
    assert missing == []


def test_the_findings_fixes_and_the_field_menu_are_named(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(("jd", "function"), "Supports addicts.", "edit")
    qtbot.waitUntil(lambda: w.findings_panel.tree.topLevelItemCount() > 0, timeout=60_000)
    w.findings_panel.select_index(0)
    assert w.findings_panel.suggestion_buttons
    assert unnamed(w.findings_panel) == []
    field = w.jd_editor.fields[("jd", "function")]
    menu = field.context_menu(field.toPlainText().index("addicts") + 1)
    assert all(a.text().strip() for a in menu.actions() if not a.isSeparator())


def test_the_platform_palette_and_style_are_used(jd_window: Any) -> None:
    app = QApplication.instance()
    assert app.styleSheet() == ""
    styled = [type(x).__name__ for x in jd_window.findChildren(QWidget) if x.styleSheet()]
    assert styled == []
    assert not jd_window.testAttribute(Qt.WidgetAttribute.WA_SetPalette)


def test_sizes_follow_the_font(jd_window: Any) -> None:
    """The page column and marker widths come from font metrics, not fixed pixels."""
    from jdbuilder.ui.widgets.form import PAGE_CHARS

    ed = jd_window.jd_editor
    assert ed.column.maximumWidth() == ed.fontMetrics().averageCharWidth() * PAGE_CHARS
