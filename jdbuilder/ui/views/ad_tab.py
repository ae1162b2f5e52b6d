"""The job ad tab: generated from the job description, editable, checked live.

Parts that were not edited follow the description as it changes. An edited part whose source
changed since is marked "out of date", with a choice to take the updated text or keep one's
own. The equal-opportunity and accommodation lines are the organization's boilerplate
(Preferences): shown, never edited here. The posting check's findings (no pay range, no way to
apply) show at the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.model.fields import AD, field_spec
from jdbuilder.model.jobad import EDITABLE, accept_current, use_generated
from jdbuilder.model.statement import Statement, StatementKind
from jdbuilder.model.structure import check_posting
from jdbuilder.ui.widgets.common import clear_layout
from jdbuilder.ui.widgets.fields import FieldEdit
from jdbuilder.ui.widgets.form import FormPage, SectionBox, StructureNotes
from jdbuilder.ui.widgets.icons import icon, icon_size
from jdbuilder.vocab import Severity

if TYPE_CHECKING:
    from jdbuilder.model.fields import ValuePath
    from jdbuilder.ui.editing.document import Document
    from jdbuilder.ui.services.context import AppContext


class StaleNote(QWidget):
    """"Out of date" beside an edited ad part whose source in the description has changed."""

    def __init__(self, tab: AdTab, part: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab, self.part = tab, part
        label = field_spec(AD, part).label
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 0)
        pic = QLabel(self)
        size = icon_size()
        pic.setPixmap(icon(Severity.WARNING).pixmap(size, size))
        pic.setAccessibleName("Warning")
        text = QLabel(f"Out of date: the job description changed after \u201c{label}\u201d was "
                      "edited here.", self)
        text.setWordWrap(True)
        self.use_button = QPushButton("Use the updated text", self)
        self.use_button.setAccessibleName(f"{label}: use the updated text")
        self.keep_button = QPushButton("Keep my text", self)
        self.keep_button.setAccessibleName(f"{label}: keep my text")
        self.use_button.clicked.connect(lambda: tab.use_updated(part))
        self.keep_button.clicked.connect(lambda: tab.keep_mine(part))
        h.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        h.addWidget(text, 1)
        h.addWidget(self.use_button)
        h.addWidget(self.keep_button)
        self.setAccessibleName(f"{label} is out of date")
        self.setVisible(part in tab.doc.ad_stale)


class AdTab(FormPage):
    def __init__(self, doc: Document, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(doc, ctx, "ad", parent)
        self.setAccessibleName("Job ad editor")
        self.stale_notes: dict[str, StaleNote] = {}
        self.rebuild_all()
        doc.adStaleChanged.connect(self._show_stale)
        doc.changed.connect(self._jd_changed)

    def rebuild(self) -> None:
        clear_layout(self.body)
        self.forget_all()
        self.stale_notes = {}

        top = QWidget(self.column)
        h = QHBoxLayout(top)
        h.setContentsMargins(0, 0, 0, 0)
        self.regenerate_button = QPushButton("&Regenerate from the job description", top)
        self.regenerate_button.setAccessibleName("Regenerate from the job description")
        self.regenerate_button.setToolTip("Replace every part of the ad with the text "
                                          "generated from the job description (you can undo "
                                          "this)")
        self.regenerate_button.clicked.connect(self.regenerate)
        h.addWidget(self.regenerate_button)
        h.addStretch(1)
        self.body.addWidget(top)
        top.show()
        self.posting_notes = StructureNotes(self.column)
        self.body.addWidget(self.posting_notes)
        self._update_posting_notes()

        box = SectionBox("Job ad", "A short ad: title and hours, what the person will do, "
                                   "the qualifications, how to apply. Pay, location, "
                                   "employment type and the closing date come from the job "
                                   "description.", self.column)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        box.body.addLayout(form)
        for key in ("title", "hours", "summary"):
            form.addRow(field_spec(AD, key).accel_label, self._with_stale(key, self._field(key)))
        self.body.addWidget(box)
        box.show()

        for key, title in (("required", "Required qualifications"),
                           ("preferred", "Preferred qualifications")):
            box = SectionBox(title, parent=self.column)
            box.body.addWidget(self._stale_note(key))
            box.body.addWidget(self.make_list(
                ("ad", key), kind="ad-qualification", item_name=f"{key} qualification",
                make_content=lambda i, _v, k=key: self._item(k, i), new_value=str,
                add_label=f"Add {key} qualification", statement_value=self._qual_text,
                resolve=self._resolve))
            self.body.addWidget(box)
            box.show()

        box = SectionBox("How to apply", parent=self.column)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        box.body.addLayout(form)
        form.addRow(field_spec(AD, "how_to_apply").accel_label,
                    self._with_stale("how_to_apply", self._field("how_to_apply")))
        self.body.addWidget(box)
        box.show()

        box = SectionBox("Equal opportunity and accommodations",
                         "The organization's statement and accommodation contact, printed "
                         "in every ad. Change them in Preferences; the job description's own "
                         "accommodation contact comes first.", self.column)
        self.boilerplate: dict[str, QLabel] = {}
        for key in ("equal_opportunity", "accommodation"):
            label = QLabel(self.doc.value(("ad", key)), box)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(f"{field_spec(AD, key).label} (set in Preferences)")
            box.body.addWidget(label)
            self.boilerplate[key] = label
        self.body.addWidget(box)
        box.show()
        self.body.addStretch(1)
        self.apply_results(self.results)

    # ---- parts ---------------------------------------------------------------------------
    def _field(self, key: str) -> QWidget:
        return self.with_marker(self.table_field(key))

    def _stale_note(self, part: str) -> StaleNote:
        note = StaleNote(self, part, self.column)
        self.stale_notes[part] = note
        return note

    def _with_stale(self, part: str, field: QWidget) -> QWidget:
        box = QWidget(self.column)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self._stale_note(part))
        v.addWidget(field)
        return box

    def _item(self, key: str, i: int) -> tuple[QWidget, FieldEdit]:
        field = self.make_field(("ad", key, i), name=f"{key.capitalize()} qualification "
                                f"{i + 1}", list_item=True, undo_text="edit ad qualification")
        return self.with_marker(field), field

    def _resolve(self, statement_id: str) -> Statement | None:
        lib = self.ctx.library
        return lib.statements.get(statement_id) if lib else None

    @staticmethod
    def _qual_text(st: Statement) -> str | None:
        return st.text if st.kind is StatementKind.QUALIFICATION else None

    # ---- following the description -------------------------------------------------------
    def _show_stale(self) -> None:
        for part, note in self.stale_notes.items():
            note.setVisible(part in self.doc.ad_stale)

    def _update_posting_notes(self) -> None:
        self.posting_notes.set_findings(check_posting(self.doc.jd))

    def _jd_changed(self, path: ValuePath, _structural: bool) -> None:
        if path[:1] == ("jd",):
            self._update_posting_notes()
        elif path[:1] == ("ad",):
            for key, label in getattr(self, "boilerplate", {}).items():
                label.setText(self.doc.value(("ad", key)))

    def use_updated(self, part: str) -> None:
        ad = use_generated(self.doc.ad, part, self.doc.jd, self.doc.employer)
        self.doc.set_value(("ad",), ad, "use the updated ad text", structural=True)

    def keep_mine(self, part: str) -> None:
        ad = accept_current(self.doc.ad, part, self.doc.jd, self.doc.employer)
        self.doc.set_value(("ad",), ad, "keep the edited ad text", structural=True)

    def regenerate(self) -> None:
        ad = self.doc.ad
        for part in EDITABLE:
            ad = use_generated(ad, part, self.doc.jd, self.doc.employer)
        self.doc.set_value(("ad",), ad, "regenerate the job ad", structural=True)
        self.regenerate_button.setFocus(Qt.FocusReason.OtherFocusReason)
