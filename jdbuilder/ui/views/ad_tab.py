"""The job ad tab: generated from the job description, editable, checked live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QWidget

from jdbuilder.model.fields import AD, field_spec
from jdbuilder.model.jobad import generate_ad
from jdbuilder.model.statement import Statement, StatementKind
from jdbuilder.ui.widgets.common import clear_layout
from jdbuilder.ui.widgets.fields import FieldEdit
from jdbuilder.ui.widgets.form import FormPage, SectionBox

if TYPE_CHECKING:
    from jdbuilder.ui.editing.document import Document
    from jdbuilder.ui.services.context import AppContext


class AdTab(FormPage):
    def __init__(self, doc: Document, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(doc, ctx, "ad", parent)
        self.setAccessibleName("Job ad editor")
        self.rebuild()

    def rebuild(self) -> None:
        clear_layout(self.body)
        self.forget_all()

        top = QWidget(self.column)
        h = QHBoxLayout(top)
        h.setContentsMargins(0, 0, 0, 0)
        self.regenerate_button = QPushButton("&Regenerate from the job description", top)
        self.regenerate_button.setAccessibleName("Regenerate from the job description")
        self.regenerate_button.setToolTip("Replace the ad with one generated from the job "
                                          "description (you can undo this)")
        self.regenerate_button.clicked.connect(self.regenerate)
        h.addWidget(self.regenerate_button)
        h.addStretch(1)
        self.body.addWidget(top)
        top.show()

        box = SectionBox("Job ad", "A short ad: title and hours, what the person will do, "
                                   "the qualifications, how to apply.", self.column)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        box.body.addLayout(form)
        for key in ("title", "hours", "summary"):
            form.addRow(field_spec(AD, key).accel_label, self._field(key))
        self.body.addWidget(box)
        box.show()

        for key, title in (("required", "Required qualifications"),
                           ("preferred", "Preferred qualifications")):
            box = SectionBox(title, parent=self.column)
            box.body.addWidget(self.make_list(
                ("ad", key), kind="ad-qualification", item_name=f"{key} qualification",
                make_content=lambda i, _v, k=key: self._item(k, i), new_value=str,
                add_label=f"Add {key} qualification", statement_value=self._qual_text,
                resolve=self._resolve))
            self.body.addWidget(box)
            box.show()

        box = SectionBox("How to apply and equal opportunity", parent=self.column)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        box.body.addLayout(form)
        for key in ("how_to_apply", "equal_opportunity"):
            form.addRow(field_spec(AD, key).accel_label, self._field(key))
        self.body.addWidget(box)
        box.show()
        self.body.addStretch(1)
        self.apply_results(self.results)

    def _field(self, key: str) -> QWidget:
        return self.with_marker(self.table_field(key))

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

    def regenerate(self) -> None:
        ad = generate_ad(self.doc.jd, organisation=self.ctx.organisation(),
                         how_to_apply=self.doc.ad.how_to_apply)
        self.doc.set_value(("ad",), ad, "regenerate the job ad", structural=True)
        self.regenerate_button.setFocus(Qt.FocusReason.OtherFocusReason)
