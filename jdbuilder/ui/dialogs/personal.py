"""The dialog for adding a statement to the personal library."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from jdbuilder.library.personal import DEFAULT_SOURCE
from jdbuilder.model.statement import POPULATIONS, SETTINGS, StatementKind


def _checklist(name: str, values: tuple[str, ...], parent: QWidget) -> QListWidget:
    lst = QListWidget(parent)
    lst.setAccessibleName(name)
    lst.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    for v in values:
        item = QListWidgetItem(v.replace("-", " ").capitalize(), lst)
        item.setData(Qt.ItemDataRole.UserRole, v)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
    lst.setMaximumHeight(lst.sizeHintForRow(0) * min(len(values), 4) + 6)
    return lst


def _checked(lst: QListWidget) -> list[str]:
    return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked]


class AddStatementDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, role_id: str = "",
                 role_name: str = "", text: str = "", kind: str = "duty") -> None:
        super().__init__(parent)
        self.setWindowTitle("Add to my library")
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind")
        for k in StatementKind:
            self.kind.addItem(k.label, k.value)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        form.addRow("&Kind", self.kind)
        self.text = QPlainTextEdit(text, self)
        self.text.setAccessibleName("Statement text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("The statement, as a sentence")
        form.addRow("&Text", self.text)
        self.area = QLineEdit(self)
        self.area.setAccessibleName("Responsibility area (duties only)")
        self.area.setPlaceholderText("The responsibility area it fits (optional)")
        form.addRow("&Area", self.area)
        self.level = QComboBox(self)
        self.level.setAccessibleName("Level (qualifications only)")
        self.level.addItem("Required", "required")
        self.level.addItem("Preferred", "preferred")
        form.addRow("&Level", self.level)
        self.this_role_only = QCheckBox(
            f"Only for {role_name}" if role_name else "Only for this role", self)
        self.this_role_only.setAccessibleName("Only for this role")
        self.this_role_only.setEnabled(bool(role_id))
        self.role_id = role_id
        form.addRow("Roles", self.this_role_only)
        self.settings = _checklist("Settings", SETTINGS, self)
        form.addRow("&Settings", self.settings)
        self.populations = _checklist("Populations", POPULATIONS, self)
        form.addRow("&Populations", self.populations)
        self.source = QLineEdit(DEFAULT_SOURCE, self)
        self.source.setAccessibleName("Source")
        form.addRow("S&ource", self.source)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.sizeHint().height())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.area.setEnabled(kind == "duty")
        self.level.setEnabled(kind == "qualification")

    def values(self) -> dict[str, Any]:
        """Keyword arguments for add_personal_statement."""
        kind = self.kind.currentData()
        return {
            "text": self.text.toPlainText(),
            "kind": kind,
            "roles": [self.role_id] if self.this_role_only.isChecked() and self.role_id
            else ["all"],
            "settings": _checked(self.settings),
            "populations": _checked(self.populations),
            "area": self.area.text() if kind == "duty" else "",
            "level": self.level.currentData() if kind == "qualification" else "",
            "source": self.source.text(),
        }
