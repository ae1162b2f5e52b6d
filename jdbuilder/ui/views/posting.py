"""The posting facts in the job-description editor: pay range, location and arrangement, FLSA
status, employment type and closing date. (How to apply and the accommodation contact are text
fields of the page itself, so the language check and Find reach them.)

Every change is one undoable edit of the job description; undo and redo show here through the
document's change signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from jdbuilder.model.fields import JD, ValuePath, field_spec
from jdbuilder.model.posting import (
    MAX_PAY,
    Arrangement,
    EmploymentType,
    FlsaStatus,
    Location,
    Pay,
    PayPeriod,
)
from jdbuilder.ui.editing.document import Document
from jdbuilder.ui.widgets.fields import UndoLineEdit
from jdbuilder.ui.widgets.form import StructureNotes
from jdbuilder.vocab import Severity

NOT_STATED = "Not stated"


def _choices(combo: QComboBox, enum: type[StrEnum], labels: dict[str, str]) -> None:
    combo.addItem(NOT_STATED, "")
    for member in enum:
        combo.addItem(labels.get(member.value, member.value), member.value)


def _select(combo: QComboBox, value: str) -> None:
    combo.blockSignals(True)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    combo.blockSignals(False)


class PostingFacts(QWidget):
    """The rows of the "Pay and posting" section, bound to the document."""

    def __init__(self, doc: Document, form: QFormLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.hide()  # a holder: the rows go into `form`

        pay_row = QWidget(parent)
        h = QHBoxLayout(pay_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.pay_min = self._amount("Pay, minimum")
        self.pay_max = self._amount("Pay, maximum")
        self.pay_per = QComboBox(pay_row)
        self.pay_per.setAccessibleName("Pay period")
        self.pay_per.addItem("per hour", PayPeriod.HOUR.value)
        self.pay_per.addItem("per year", PayPeriod.YEAR.value)
        h.addWidget(self.pay_min)
        h.addWidget(QLabel("to", pay_row))
        h.addWidget(self.pay_max)
        h.addWidget(self.pay_per)
        h.addStretch(1)
        form.addRow(field_spec(JD, "pay").accel_label, pay_row)
        self.pay_note = StructureNotes(parent)
        form.addRow("", self.pay_note)

        self.place = UndoLineEdit(parent)
        self.place.setAccessibleName("Work location")
        self.place.setPlaceholderText(field_spec(JD, "location").placeholder)
        self.arrangement = QComboBox(parent)
        self.arrangement.setAccessibleName("Work arrangement")
        _choices(self.arrangement, Arrangement, {a.value: a.label for a in Arrangement})
        self.travel = UndoLineEdit(parent)
        self.travel.setAccessibleName("Travel area")
        self.travel.setPlaceholderText("Travel area, if the work involves travel (optional)")
        loc = QWidget(parent)
        lh = QHBoxLayout(loc)
        lh.setContentsMargins(0, 0, 0, 0)
        lh.addWidget(self.place, 3)
        lh.addWidget(self.arrangement, 0)
        form.addRow(field_spec(JD, "location").accel_label, loc)
        form.addRow("Travel &area", self.travel)

        self.employment = QComboBox(parent)
        self.employment.setAccessibleName("Employment type")
        _choices(self.employment, EmploymentType, {e.value: e.label for e in EmploymentType})
        form.addRow(field_spec(JD, "employment_type").accel_label, self.employment)
        self.flsa = QComboBox(parent)
        self.flsa.setAccessibleName("FLSA status")
        _choices(self.flsa, FlsaStatus, {f.value: f.label for f in FlsaStatus})
        form.addRow(field_spec(JD, "flsa").accel_label, self.flsa)

        closing = QWidget(parent)
        ch = QHBoxLayout(closing)
        ch.setContentsMargins(0, 0, 0, 0)
        self.has_closing = QCheckBox("Applications close on", closing)
        self.has_closing.setAccessibleName("The posting has a closing date")
        self.closing = QDateEdit(closing)
        self.closing.setAccessibleName("Closing date")
        self.closing.setCalendarPopup(True)
        self.closing.setDisplayFormat("MMMM d, yyyy")
        ch.addWidget(self.has_closing)
        ch.addWidget(self.closing)
        ch.addStretch(1)
        form.addRow(field_spec(JD, "closing_date").accel_label, closing)

        self.refresh()
        for spin in (self.pay_min, self.pay_max):
            spin.editingFinished.connect(self._pay_edited)
        self.pay_per.currentIndexChanged.connect(lambda _i: self._pay_edited())
        self.place.editingFinished.connect(self._location_edited)
        self.travel.editingFinished.connect(self._location_edited)
        self.arrangement.currentIndexChanged.connect(lambda _i: self._location_edited())
        self.employment.currentIndexChanged.connect(
            lambda _i: self._set(("jd", "employment_type"), self.employment.currentData(),
                                 "set the employment type"))
        self.flsa.currentIndexChanged.connect(
            lambda _i: self._set(("jd", "flsa"), self.flsa.currentData(), "set the FLSA status"))
        self.has_closing.toggled.connect(lambda _c: self._closing_edited())
        self.closing.dateChanged.connect(lambda _d: self._closing_edited())
        doc.changed.connect(self._on_changed)

    def _amount(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self.parentWidget())
        spin.setAccessibleName(name)
        spin.setRange(0.0, MAX_PAY)
        spin.setDecimals(2)
        spin.setPrefix("$")
        spin.setGroupSeparatorShown(True)
        spin.setSpecialValueText(NOT_STATED)  # 0 shows as "Not stated"
        spin.setKeyboardTracking(False)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("$000,000.00") + 40)
        return spin

    # ---- model -> widgets ----------------------------------------------------------------
    def refresh(self) -> None:
        jd = self.doc.jd
        for spin, value in ((self.pay_min, jd.pay.min), (self.pay_max, jd.pay.max)):
            spin.blockSignals(True)
            spin.setValue(value or 0.0)
            spin.blockSignals(False)
        _select(self.pay_per, jd.pay.per.value)
        for edit, text in ((self.place, jd.location.place), (self.travel, jd.location.travel)):
            if edit.text() != text:
                edit.setText(text)
        _select(self.arrangement, jd.location.arrangement.value
                if jd.location.arrangement else "")
        _select(self.employment, jd.employment_type)
        _select(self.flsa, jd.flsa)
        for w in (self.has_closing, self.closing):
            w.blockSignals(True)
        self.has_closing.setChecked(jd.closing_date is not None)
        self.closing.setEnabled(jd.closing_date is not None)
        if jd.closing_date is not None:
            day = jd.closing_date
            self.closing.setDate(QDate(day.year, day.month, day.day))
        elif not self.closing.isEnabled():
            self.closing.setDate(QDate.currentDate().addDays(30))
        for w in (self.has_closing, self.closing):
            w.blockSignals(False)

    def _on_changed(self, path: ValuePath, structural: bool) -> None:
        if path[:1] == ("jd",) and (len(path) == 1 or path[1] in (
                "pay", "location", "flsa", "employment_type", "closing_date")):
            self.refresh()

    # ---- widgets -> model ----------------------------------------------------------------
    def _set(self, path: ValuePath, value: object, text: str) -> None:
        self.doc.set_value(path, value, text)

    def _pay_edited(self) -> None:
        low = self.pay_min.value() or None
        high = self.pay_max.value() or None
        try:
            pay = Pay(low, high, PayPeriod(self.pay_per.currentData()))
        except ValueError as exc:
            self.pay_note.set_findings([_PayProblem(str(exc)[:1].upper() + str(exc)[1:] + ".")])
            return
        self.pay_note.set_findings([])
        self._set(("jd", "pay"), pay, "edit the pay range")

    def _location_edited(self) -> None:
        arrangement = self.arrangement.currentData()
        location = Location(place=" ".join(self.place.text().split()),
                            arrangement=Arrangement(arrangement) if arrangement else None,
                            travel=" ".join(self.travel.text().split()),
                            extra=self.doc.jd.location.extra)
        self._set(("jd", "location"), location, "edit the location")

    def _closing_edited(self) -> None:
        self.closing.setEnabled(self.has_closing.isChecked())
        value = self.closing.date().toPython() if self.has_closing.isChecked() else None
        self._set(("jd", "closing_date"), value, "set the closing date")

    def widgets_in_order(self) -> list[QWidget]:
        """The controls in reading order (for the focus chain)."""
        return [self.pay_min, self.pay_max, self.pay_per, self.place, self.arrangement,
                self.travel, self.employment, self.flsa, self.has_closing, self.closing]


@dataclass(frozen=True)
class _PayProblem:
    message: str
    severity: str = Severity.WARNING
