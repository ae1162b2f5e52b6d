"""The kit's "Packet details" page: what the packets say that the job description cannot (the
decision date, how candidates will hear, the notice period ...), the minutes per question,
and the list of named fields the packets would still print as lines to write on."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from jdbuilder.export.build import kit_blanks
from jdbuilder.interview.blanks import DETAILS, FIELDS
from jdbuilder.model.fields import ValuePath
from jdbuilder.ui.editing.document import Document
from jdbuilder.ui.widgets.fields import UndoLineEdit

LABELS = {
    "decision_date": ("Dec&ision by", "For example: Friday, January 15"),
    "contact_method": ("Candidates hear &by", "For example: phone or email"),
    "notice_period": ("&Notice for time off", "For example: two weeks'"),
    "commitment": ("Shortest co&mmitment", "For example: 12 months"),
    "restrictive_settings": ("Settings with &restraint or holds",
                             "For example: the inpatient unit and the crisis program"),
}


class KitDetailsPage(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._stale = False
        self.setAccessibleName("Packet details")
        v = QVBoxLayout(self)
        intro = QLabel("What the packets' scripts and questions need that the job description "
                       "does not say. Anything left empty prints as a line to write on.", self)
        intro.setWordWrap(True)
        v.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow windows
        v.addLayout(form)
        self.edits: dict[str, UndoLineEdit] = {}
        for key in DETAILS:
            label, example = LABELS[key]
            edit = UndoLineEdit(self)
            edit.setAccessibleName(label.replace("&", ""))
            edit.setPlaceholderText(example)
            edit.editingFinished.connect(lambda k=key: self._edited(k))
            form.addRow(label, edit)
            self.edits[key] = edit
        self.minutes = QSpinBox(self)
        self.minutes.setAccessibleName("Minutes per question")
        self.minutes.setRange(1, 60)
        self.minutes.setSuffix(" minutes")
        self.minutes.editingFinished.connect(self._minutes_edited)
        form.addRow("Minu&tes per question", self.minutes)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("Fields the packets cannot fill yet")
        v.addWidget(self.missing)
        v.addStretch(1)
        self.refresh()
        doc.changed.connect(self._changed)
        doc.reset.connect(self.refresh)

    def refresh(self) -> None:
        kit = self.doc.kit
        for key, edit in self.edits.items():
            value = kit.details.get(key, "")
            if edit.text() != value:
                edit.setText(value)
        self.minutes.blockSignals(True)
        self.minutes.setValue(kit.question_minutes)
        self.minutes.blockSignals(False)
        blanks = kit_blanks(self.doc.to_project()) if kit.questions else {}
        if blanks:
            self.missing.setText("Still printed as lines to write on: " + "; ".join(
                f"{FIELDS.get(k, k)}" for k in blanks) + ".")
        else:
            self.missing.setText("Every field the packets name has a value."
                                 if kit.questions else "")

    def _changed(self, path: ValuePath, _structural: bool) -> None:
        if path[:1] in (("kit",), ("jd",)):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def _edited(self, key: str) -> None:
        details = dict(self.doc.kit.details)
        value = " ".join(self.edits[key].text().split())
        if value:
            details[key] = value
        else:
            details.pop(key, None)
        self.doc.set_value(("kit", "details"), details, "edit the packet details")

    def _minutes_edited(self) -> None:
        self.doc.set_value(("kit", "question_minutes"), self.minutes.value(),
                           "set the minutes per question")
