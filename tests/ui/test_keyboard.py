"""The keyboard: Tab follows reading order in every view, new people take focus in their name
field, F6 / Shift+F6 move between the panes, and accelerators are unique in every menu and in
every view."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QMenu,
    QWidget,
)

TOLERANCE = 3


def tab_chain(view: QWidget) -> list[QWidget]:
    """The controls of `view` that Tab visits, in the order it visits them (starting after the
    view itself, as Tab does when the view is entered)."""
    out: list[QWidget] = []
    w = view.nextInFocusChain()
    for _ in range(20_000):
        if w is view:
            break
        if view.isAncestorOf(w) and w.isVisible() and w.isEnabled() and \
                w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None and \
                not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox):
            out.append(w)
        w = w.nextInFocusChain()
    return out


def screen_rect(w: QWidget) -> QRect:
    return QRect(w.mapTo(w.window(), w.rect().topLeft()), w.size())


def follows(a: QRect, b: QRect) -> bool:
    """b comes after a in reading order: on a later line, or to the right (the rest of the
    line, or the next column)."""
    return b.top() >= a.bottom() - TOLERANCE or b.left() >= a.right() - TOLERANCE


def out_of_order(view: QWidget) -> list[str]:
    chain = tab_chain(view)
    assert chain, f"nothing in {view.accessibleName()} takes Tab"
    wrong = []
    for a, b in itertools.pairwise(chain):
        if not follows(screen_rect(a), screen_rect(b)):
            wrong.append(f"{name(a)} -> {name(b)}")
    return wrong


def name(w: QWidget) -> str:
    text = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
    return f"{type(w).__name__} {text!r}"


def settle(qtbot: Any) -> None:
    qtbot.wait(30)
    QApplication.processEvents()


def kit_window(w: Any, bank: Any) -> Any:
    for q in list(bank)[:3]:
        w.kit_tab.questions.add_bank_question(q)
    w.kit_tab.people.add_interviewer("Ana Reyes")
    w.kit_tab.people.add_candidate("C1")
    return w


def test_tab_follows_reading_order_in_the_job_description(jd_window: Any,
                                                          qtbot: Any) -> None:
    w = jd_window
    w.resize(1366, 768)
    settle(qtbot)
    assert out_of_order(w.jd_editor) == []
    chain = tab_chain(w.jd_editor)
    ed = w.jd_editor
    title = ed.fields[("jd", "title")]
    areas = ed.lists[("jd", "areas")]
    first_area = ed.fields[("jd", "areas", 0, "title")]
    duty = ed.fields[("jd", "areas", 0, "duties", 0)]
    duties = ed.lists[("jd", "areas", 0, "duties")]
    # the fields before the buttons that add to them, each Remove after its text
    assert chain.index(title) == 0
    assert chain.index(first_area) < chain.index(areas.add_button)
    assert chain.index(duty) < chain.index(duties.rows[0].remove_button) < \
        chain.index(ed.fields[("jd", "areas", 0, "duties", 1)])
    assert chain.index(first_area) < chain.index(areas.rows[0].remove_button) < \
        chain.index(duty)
    assert chain.index(duties.add_button) < chain.index(ed.fields[("jd", "areas", 1, "title")])


def test_reading_order_survives_rebuilding_a_list(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    ed = w.jd_editor
    ed.lists[("jd", "areas", 1, "duties")].add_after(0)  # a new duty in the middle
    ed.lists[("jd", "areas")].remove_at(0)
    ed.lists[("jd", "qualifications")].add_after(0)
    settle(qtbot)
    assert out_of_order(ed) == []
    chain = tab_chain(ed)
    assert chain.index(ed.fields[("jd", "areas", 0, "duties", 1)]) < \
        chain.index(ed.fields[("jd", "areas", 1, "title")])


def test_tab_follows_reading_order_in_every_other_view(jd_window: Any, qtbot: Any,
                                                       bank: Any) -> None:
    w = kit_window(jd_window, bank)
    w.resize(1366, 768)
    w.doc.set_value(("jd", "function"), "Supports addicts.", "edit")
    qtbot.waitUntil(lambda: w.findings_panel.tree.topLevelItemCount() > 0, timeout=60_000)
    w.findings_panel.select_index(0)
    problems: dict[str, list[str]] = {}
    w.tabs.setCurrentWidget(w.ad_tab)
    settle(qtbot)
    problems["ad"] = out_of_order(w.ad_tab)
    w.tabs.setCurrentWidget(w.jd_editor)
    settle(qtbot)
    problems["library"] = out_of_order(w.library_panel)
    problems["findings"] = out_of_order(w.findings_panel)
    w.tabs.setCurrentWidget(w.kit_tab)
    for i in range(w.kit_tab.tabs.count()):
        w.kit_tab.tabs.setCurrentIndex(i)
        w.kit_tab.questions.select(0)
        settle(qtbot)
        problems[f"kit {i}"] = out_of_order(w.kit_tab)
    w.tabs.setCurrentWidget(w.scoring_tab)
    settle(qtbot)
    problems["scoring"] = out_of_order(w.scoring_tab)
    w.files.close_project()
    settle(qtbot)
    problems["start"] = out_of_order(w.start_view)
    assert {k: v for k, v in problems.items() if v} == {}


def test_new_people_take_focus_in_their_name_field(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.tabs.setCurrentWidget(w.kit_tab)
    people = w.kit_tab.people
    w.kit_tab.tabs.setCurrentWidget(people)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    before = len(w.doc.kit.candidates)
    qtbot.mouseClick(people.add_c, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: people.candidates.state() ==
                    people.candidates.State.EditingState)
    editor = QApplication.focusWidget()
    assert editor is not None and people.candidates.isAncestorOf(editor)
    assert people.candidates.currentColumn() == 1  # the name, typed at once
    qtbot.keyClicks(editor, "Sam Rivera")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cid = w.doc.kit.candidates[-1]
    qtbot.waitUntil(lambda: w.doc.kit.name_key.get(cid) == "Sam Rivera")  # Qt commits queued
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(30)
    assert len(w.doc.kit.candidates) == before + 1  # Enter did not add another

    n = len(w.doc.kit.interviewers)
    qtbot.mouseClick(people.add_iv, Qt.MouseButton.LeftButton)
    assert people.iv_name.hasFocus()
    qtbot.keyClicks(people.iv_name, "Jordan Lee")
    # the list follows the name as it is typed
    assert people.interviewers.currentItem().text() == "Jordan Lee"
    qtbot.keyClick(people.iv_name, Qt.Key.Key_Return)
    assert len(w.doc.kit.interviewers) == n + 1
    assert w.doc.kit.interviewers[-1].name == "Jordan Lee"


def test_f6_cycles_the_panes(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.jd_editor.fields[("jd", "title")].setFocus()
    visited = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(w.pane_of(QApplication.focusWidget()))
    assert visited == ["library", "findings", "editor"]
    assert w.jd_editor.fields[("jd", "title")].hasFocus()  # back where the user was
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert w.pane_of(QApplication.focusWidget()) == "findings"
    w.findings_dock.hide()
    w.library_panel.search.setFocus()
    qtbot.keyClick(w.library_panel.search, Qt.Key.Key_F6)  # the hidden findings are skipped
    assert w.pane_of(QApplication.focusWidget()) == "editor"


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def test_menu_accelerators_are_unique_in_each_menu(jd_window: Any) -> None:
    bar = jd_window.menuBar()
    tops = [_mnemonic(a.text()) for a in bar.actions()]
    assert None not in tops and len(set(tops)) == len(tops)
    clashes = {}
    for top in bar.actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        menu.aboutToShow.emit()
        letters = [_mnemonic(a.text()) for a in menu.actions()
                   if not a.isSeparator() and a.text()]
        dup = [k for k, n in Counter(letters).items() if k and n > 1]
        if dup:
            clashes[top.text()] = dup
    assert clashes == {}


def view_mnemonics(view: QWidget) -> list[str]:
    """The Alt+letter keys the visible part of a view answers to: its labels' buddies, its
    buttons and its tab titles."""
    from PySide6.QtWidgets import QTabBar

    keys = []
    for w in view.findChildren(QWidget):
        if not w.isVisibleTo(view.window()) or not w.isVisible():
            continue
        if (isinstance(w, QLabel) and w.buddy() is not None) or isinstance(w, QAbstractButton):
            keys.append(_mnemonic(w.text()))
        elif isinstance(w, QTabBar):
            keys += [_mnemonic(w.tabText(i)) for i in range(w.count())]
    return [k for k in keys if k]


def test_accelerators_are_unique_in_each_view(jd_window: Any, qtbot: Any, bank: Any) -> None:
    w = kit_window(jd_window, bank)
    w.resize(1366, 768)
    menu_keys = [_mnemonic(a.text()) for a in w.menuBar().actions()]
    views: dict[str, list[str]] = {}
    for tab in (w.jd_editor, w.ad_tab):
        w.tabs.setCurrentWidget(tab)
        settle(qtbot)
        keys = view_mnemonics(tab) + view_mnemonics(w.library_panel) + \
            view_mnemonics(w.findings_panel)
        views[tab.accessibleName()] = keys
    w.tabs.setCurrentWidget(w.kit_tab)
    for i in range(w.kit_tab.tabs.count()):
        w.kit_tab.tabs.setCurrentIndex(i)
        settle(qtbot)
        views[f"kit {i}"] = view_mnemonics(w.kit_tab)
    w.tabs.setCurrentWidget(w.scoring_tab)
    settle(qtbot)
    views["scoring"] = view_mnemonics(w.scoring_tab)
    clashes = {}
    for key, letters in views.items():
        counted = Counter([*letters, *[k for k in menu_keys if k]])
        dup = sorted(k for k, n in counted.items() if n > 1)
        if dup:
            clashes[key] = dup
    assert clashes == {}
