"""Tab order in reading order, and the panes F6 moves between.

Qt's Tab order is the order widgets were created in, so a list rebuilt in the middle of a form
(a new duty, a removed area) would send Tab to its rows last. `apply_reading_order(root)` walks
the layouts under `root` in their visual order (a form row's label before its field, a row's
text before its buttons, a grid row by row) and chains every control that takes Tab in that
order, right after `root` itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

_LEAVES = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
           QLineEdit, QPlainTextEdit, QTextEdit, QTabBar)


def takes_tab(w: QWidget) -> bool:
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _layout_items(layout: QLayout) -> list[tuple[QWidget | None, QLayout | None]]:
    indexed = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        key: tuple[int, int] = (i, 0)
        if isinstance(layout, QGridLayout):
            grid: Any = layout.getItemPosition(i)  # (row, column, row span, column span)
            key = (int(grid[0]), int(grid[1]))
        elif isinstance(layout, QFormLayout):
            form: Any = layout.getItemPosition(i)  # (row, role)
            role = form[1]
            key = (int(form[0]), int(role.value) if hasattr(role, "value") else int(role))
        indexed.append((key, item.widget(), item.layout()))
    indexed.sort(key=lambda t: t[0])
    return [(w, sub) for _k, w, sub in indexed]


def _walk_layout(layout: QLayout) -> Iterator[QWidget]:
    for widget, sub in _layout_items(layout):
        if widget is not None:
            yield from reading_order(widget)
        elif sub is not None:
            yield from _walk_layout(sub)


def reading_order(root: QWidget) -> Iterator[QWidget]:
    """`root` and the widgets under it, in the order a reader meets them."""
    yield root
    if isinstance(root, _LEAVES):
        return
    if isinstance(root, QScrollArea):
        inner = root.widget()
        if inner is not None:
            yield from reading_order(inner)
        return
    if isinstance(root, QTabWidget):
        yield root.tabBar()
        for i in range(root.count()):
            page = root.widget(i)
            if page is not None:
                yield from reading_order(page)
        return
    if isinstance(root, QSplitter | QStackedWidget):
        for i in range(root.count()):
            part = root.widget(i)
            if part is not None:
                yield from reading_order(part)
        return
    if isinstance(root, QDockWidget):
        inner = root.widget()
        if inner is not None:
            yield from reading_order(inner)
        return
    layout = root.layout()
    if layout is not None:
        yield from _walk_layout(layout)
        return
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        yield from reading_order(child)


def apply_reading_order(root: QWidget) -> None:
    """Chain the Tab order of everything under `root` in reading order, after `root`."""
    chain = [w for w in reading_order(root) if w is root or takes_tab(w)]
    seen: set[int] = set()
    previous = chain[0]
    for w in chain[1:]:
        if id(w) in seen or w.focusProxy() is not None:
            continue
        seen.add(id(w))
        QWidget.setTabOrder(previous, w)
        previous = w


class ReadingOrder:
    """Re-applies the reading order under a widget once the current burst of rebuilds is
    over (one pass however many lists were rebuilt)."""

    def __init__(self, root: QWidget) -> None:
        self.root = root
        self.timer = QTimer(root)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.apply_now)

    def schedule(self) -> None:
        self.timer.start()

    def apply_now(self) -> None:
        self.timer.stop()
        apply_reading_order(self.root)
