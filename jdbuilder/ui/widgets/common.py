"""Small shared widgets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QLayout,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 6

Index = QModelIndex | QPersistentModelIndex


class TwoLineDelegate(QStyledItemDelegate):
    """A list item as wrapped main text (bold when asked) and a smaller, dimmed second line."""

    def __init__(self, parent: QObject | None = None, bold_main: bool = False) -> None:
        super().__init__(parent)
        self.bold_main = bold_main

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        main = QFont(option.font)
        main.setBold(self.bold_main)
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        return main, small

    def _rects(self, option: QStyleOptionViewItem, index: Index,
               width: int) -> tuple[QRect, QRect, str, str]:
        main_font, small_font = self._fonts(option)
        main = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        second = str(index.data(SECONDARY_ROLE) or "")
        flags = int(Qt.TextFlag.TextWordWrap)
        inner = max(width - 2 * PAD, 50)
        r1 = QFontMetrics(main_font).boundingRect(QRect(0, 0, inner, 10_000), flags, main)
        r2 = (QFontMetrics(small_font).boundingRect(QRect(0, 0, inner, 10_000), flags, second)
              if second else QRect(0, 0, 0, 0))
        return r1, r2, main, second

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = option.rect.width() if option.rect.width() > 0 else 300
        view = option.widget
        if view is not None and hasattr(view, "viewport"):
            width = view.viewport().width()
        r1, r2, _, second = self._rects(option, index, width)
        h = r1.height() + (r2.height() + 2 if second else 0) + 2 * PAD
        return QSize(width, h)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        opt.text = text
        r1, r2, main, second = self._rects(option, index, option.rect.width())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (QPalette.ColorGroup.Normal if option.state & QStyle.StateFlag.State_Enabled
                 else QPalette.ColorGroup.Disabled)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        main_font, small_font = self._fonts(option)
        painter.save()
        x, y = option.rect.left() + PAD, option.rect.top() + PAD
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.setFont(main_font)
        painter.setPen(option.palette.color(group, role))
        painter.drawText(QRect(x, y, r1.width() + 1, r1.height()), flags, main)
        if second:
            painter.setFont(small_font)
            painter.setPen(option.palette.color(group, role) if selected
                           else dimmed(option.palette, group))
            painter.drawText(QRect(x, y + r1.height() + 2, r2.width() + 1, r2.height()), flags,
                             second)
        painter.restore()


def fitting_combo(combo: QComboBox) -> QComboBox:
    """A combo box as wide as its longest entry (never cut), growing with its row."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def dimmed(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    """Secondary text: the text color moved a quarter of the way to the background, so it
    reads as secondary in light and dark schemes and keeps good contrast."""
    text = palette.color(group, QPalette.ColorRole.Text)
    base = palette.color(group, QPalette.ColorRole.Base)
    return QColor(round(text.red() * 0.7 + base.red() * 0.3),
                  round(text.green() * 0.7 + base.green() * 0.3),
                  round(text.blue() * 0.7 + base.blue() * 0.3))


def discard(widget: QWidget) -> None:
    """Remove a widget now (hidden at once; deleted when control returns to the loop)."""
    widget.hide()
    widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    """Remove every item of a layout, hiding and deleting its widgets and sub-layouts."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            discard(widget)
        elif inner is not None:
            clear_layout(inner)
            inner.deleteLater()
