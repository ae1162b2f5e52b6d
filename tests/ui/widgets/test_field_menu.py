"""Acting where you type: underlines whose shape tells the severity, and a right-click menu on
a flagged phrase or a misspelled word, as a word processor's spelling menu offers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from jdbuilder.settings import load_settings
from jdbuilder.ui.services.spelling import personal_path
from jdbuilder.ui.widgets.highlight import SPELLING, paint_underline, underline_color
from jdbuilder.vocab import Severity
from tests.ui.helpers import CHECK_TIMEOUT, underline_pixels, wait_checked

FUNCTION = ("jd", "function")


def flagged(w: Any, qtbot: Any, text: str, path: tuple[Any, ...] = FUNCTION) -> Any:
    w.doc.set_value(path, text, "edit")
    field = w.jd_editor.fields[path]
    qtbot.waitUntil(lambda: bool(field.findings), timeout=CHECK_TIMEOUT)
    wait_checked(qtbot, w)
    return field


def entries(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def action(menu: QMenu, text: str) -> Any:
    return next(a for a in menu.actions() if a.text() == text)


def position_of(field: Any, word: str) -> int:
    return field.toPlainText().index(word) + 1


def right_click(qtbot: Any, field: Any, position: int, choose: str) -> list[str]:
    """A real right-click at the character: the menu pops up and `choose` is clicked."""
    cursor = field.textCursor()
    cursor.setPosition(position)
    point = field.cursorRect(cursor).center()
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        seen.extend(entries(menu))
        act = action(menu, choose)
        menu.setActiveAction(act)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              field.viewport().mapToGlobal(point))
    QApplication.sendEvent(field.viewport(), event)
    return seen


def test_right_click_on_a_flagged_phrase_applies_a_suggestion(jd_window: Any,
                                                               qtbot: Any) -> None:
    w = jd_window
    field = flagged(w, qtbot, "Walks alongside addicts in recovery.")
    (finding,) = field.findings
    uses = [f"Use \u201c{s}\u201d" for s in finding.suggestions]
    assert "Use \u201cpeople who use drugs\u201d" in uses
    seen = right_click(qtbot, field, position_of(field, "addicts"),
                       "Use \u201cpeople who use drugs\u201d")
    assert seen[0].startswith("Warning: ")
    n = len(uses)
    assert seen[1:n + 1] == uses
    assert seen[n + 1:n + 4] == ["Ignore here", "Allow for the organization\u2026", "Explain"]
    assert w.doc.jd.function == "Walks alongside people who use drugs in recovery."
    w.act_undo.trigger()  # one undo step
    assert w.doc.jd.function == "Walks alongside addicts in recovery."


def test_ignore_allow_and_explain_from_the_menu(jd_window: Any, qtbot: Any,
                                                dialogs: Any) -> None:
    w = jd_window
    field = flagged(w, qtbot, "Supports lunatics and addicts.")
    menu = field.context_menu(position_of(field, "lunatics"))
    assert entries(menu)[0].startswith("Error: ")
    action(menu, "Explain").trigger()
    current = w.findings_panel.current()
    assert current is not None and current.finding.text == "lunatics"
    assert w.findings_dock.isVisible() and w.findings_panel.tree.hasFocus()
    action(menu, "Ignore here").trigger()
    assert w.doc.policy["allow_phrases"] == ["lunatics"]
    wait_checked(qtbot, w)
    dialogs.answers["confirm"] = True
    menu = field.context_menu(position_of(field, "addicts"))
    action(menu, "Allow for the organization\u2026").trigger()
    assert load_settings()[0].allow_phrases == ["addicts"]
    qtbot.waitUntil(lambda: not field.findings, timeout=CHECK_TIMEOUT)


def test_outside_a_finding_the_menu_is_the_usual_one(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    field = flagged(w, qtbot, "Supports addicts every day.")
    menu = field.context_menu(position_of(field, "every"))
    assert "Ignore here" not in entries(menu)
    assert any(t.replace("&", "").startswith("Copy") for t in entries(menu))
    assert not any(t.replace("&", "").startswith("Undo") for t in entries(menu))


def test_a_misspelled_word_is_underlined_and_corrected_from_its_menu(jd_window: Any,
                                                                    qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(FUNCTION, "Helps people recieve the support they choose.", "edit")
    field = w.jd_editor.fields[FUNCTION]
    wait_checked(qtbot, w)
    assert [m.word for _a, _b, m in field.misspellings()] == ["recieve"]
    inside, outside = underline_pixels(field, SPELLING)
    assert inside >= 10 and outside == 0
    seen = right_click(qtbot, field, position_of(field, "recieve"), "receive")
    assert seen[0] == "Spelling: \u201crecieve\u201d is not in the dictionary"
    assert seen[1] == "receive" and "Add \u201crecieve\u201d to dictionary" in seen
    assert w.doc.jd.function == "Helps people receive the support they choose."
    assert field.misspellings() == []


def test_add_to_dictionary_stops_flagging_the_word_everywhere(jd_window: Any,
                                                              qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(FUNCTION, "Works at Brightwater with the Okonkwo family.", "edit")
    w.doc.set_value(("jd", "schedule"), "Brightwater hours", "edit")
    field = w.jd_editor.fields[FUNCTION]
    other = w.jd_editor.fields[("jd", "schedule")]
    assert [m.word for *_x, m in other.misspellings()] == ["Brightwater"]
    menu = field.context_menu(position_of(field, "Brightwater"))
    action(menu, "Add \u201cBrightwater\u201d to dictionary").trigger()
    assert [m.word for *_x, m in field.misspellings()] == ["Okonkwo"]
    assert other.misspellings() == []
    assert personal_path().read_text(encoding="utf-8").splitlines() == ["Brightwater"]


def test_the_fields_words_are_not_underlined(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(FUNCTION, "Teaches naloxone use, co-facilitates WRAP groups at the "
                    "peer-run center and links people to IPS and Medicaid.", "edit")
    assert w.jd_editor.fields[FUNCTION].misspellings() == []


def test_every_text_field_of_the_template_is_spelled_right(jd_window: Any) -> None:
    """The shipped template holds no word the check would flag (its vocabulary is known)."""
    w = jd_window
    flagged_words = {(p, m.word) for p, f in w.jd_editor.fields.items()
                     for *_x, m in f.misspellings()}
    flagged_words |= {(p, m.word) for p, f in w.ad_tab.fields.items()
                      for *_x, m in f.misspellings()}
    assert flagged_words == set()


def _paint(kind: str) -> QImage:
    image = QImage(120, 24, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
    paint_underline(painter, kind, 10, 110, 8, 16, palette)
    painter.end()
    return image


def _marked(image: QImage, kind: str) -> list[tuple[int, int]]:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
    want = underline_color(kind, palette)
    return [(x, y) for y in range(image.height()) for x in range(image.width())
            if abs(image.pixelColor(x, y).red() - want.red()) +
            abs(image.pixelColor(x, y).green() - want.green()) +
            abs(image.pixelColor(x, y).blue() - want.blue()) < 120]


def test_each_severity_has_its_own_shape(qtbot: Any) -> None:
    shapes = {k: _marked(_paint(k), k) for k in (Severity.ERROR, Severity.WARNING,
                                                 Severity.INFO, SPELLING)}
    rows = {k: {y for _x, y in v} for k, v in shapes.items()}
    cols = {k: {x for x, _y in v} for k, v in shapes.items()}
    # a wave spans several rows; a dotted note stays on one or two rows with gaps
    assert len(rows[Severity.WARNING]) >= 4 and len(rows[Severity.INFO]) <= 3
    assert len(cols[Severity.INFO]) < 0.8 * len(cols[Severity.WARNING])
    # an error is a wave with a line under it: it reaches lower than a warning
    assert max(rows[Severity.ERROR]) >= max(rows[Severity.WARNING]) + 2
    # the spelling wave is thinner than a finding's
    assert len(shapes[SPELLING]) < len(shapes[Severity.WARNING])
    # and each is clearly visible: most of its length is painted
    for kind in (Severity.ERROR, Severity.WARNING):
        assert len(cols[kind]) >= 90, kind
    assert len(cols[SPELLING]) >= 75


def test_underline_colors_keep_contrast_on_a_dark_background() -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.white)
    for kind in (Severity.ERROR, Severity.WARNING, Severity.INFO, SPELLING):
        assert underline_color(kind, dark).lightness() > 140
        assert underline_color(kind, light).lightness() < 120


def test_the_menu_key_opens_the_menu_at_the_cursor(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    field = flagged(w, qtbot, "Walks alongside addicts in recovery.")
    cursor = field.textCursor()
    cursor.setPosition(position_of(field, "addicts"))
    field.setTextCursor(cursor)
    QTimer.singleShot(50, lambda: QApplication.activePopupWidget() and
                      QApplication.activePopupWidget().close())
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5),
                              field.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(field, event)
    assert field.menu is not None
    assert "Ignore here" in entries(field.menu)
