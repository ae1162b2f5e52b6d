"""Which documents to print or preview: every document the project has, one line each (an
interview packet for each interviewer), ticked one, several or all."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PrintChoiceDialog(QDialog):
    def __init__(self, title: str, labels: Sequence[str], checked: Sequence[int] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        v = QVBoxLayout(self)
        label = QLabel("&Documents to include (Space ticks or clears the current one):", self)
        label.setWordWrap(True)
        v.addWidget(label)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Documents to include")
        label.setBuddy(self.list)
        for n, text in enumerate(labels):
            item = QListWidgetItem(text, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if n in checked
                               else Qt.CheckState.Unchecked)
        self.list.setCurrentRow(min(checked) if checked else 0)
        v.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton("Select &all", self)
        self.none_button = QPushButton("&Clear all", self)
        for b in (self.all_button, self.none_button):
            b.setAccessibleName(b.text().replace("&", ""))
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Problem")
        self.message.hide()
        v.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(title.rstrip("\u2026"))
        ok.setAccessibleName(ok.text())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        width = max([self.list.fontMetrics().horizontalAdvance(t) for t in labels] or [200])
        self.resize(min(width + 120, 900), self.sizeHint().height() + 80)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def set_checked(self, rows: Sequence[int]) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if i in rows
                                            else Qt.CheckState.Unchecked)

    def selected(self) -> list[int]:
        return [i for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        if not self.selected():
            self.message.setText("Tick at least one document.")
            self.message.show()
            return
        super().accept()
