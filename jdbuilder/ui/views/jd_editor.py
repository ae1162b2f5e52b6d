"""The job description editor, laid out in the handbook's sections.

Title and program; reporting relationships; hours and schedule; the one-sentence function;
responsibility areas with their duties; qualifications (required, then preferred, in order of
importance); employment conditions; abilities and attributes. The structure check's findings
show at the top of the section they concern, and library statements are inserted into the
section their kind belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from jdbuilder.model.fields import JD, field_spec
from jdbuilder.model.jobdesc import Qualification, ResponsibilityArea
from jdbuilder.model.statement import Statement, StatementKind
from jdbuilder.model.structure import check_structure
from jdbuilder.ui.views.posting import PostingFacts
from jdbuilder.ui.widgets.common import clear_layout
from jdbuilder.ui.widgets.fields import FieldEdit
from jdbuilder.ui.widgets.form import FormPage, SectionBox, StructureNotes

if TYPE_CHECKING:
    from jdbuilder.model.fields import ValuePath as Path
    from jdbuilder.ui.editing.document import Document
    from jdbuilder.ui.services.context import AppContext

LEVELS = (("required", "Required"), ("preferred", "Preferred"))


def _text_of(kind: StatementKind) -> Callable[[Statement], str | None]:
    """What a list takes from a dropped library statement: its text, if it is of this kind."""
    return lambda st: st.text if st.kind is kind else None


class JDEditor(FormPage):
    def __init__(self, doc: Document, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(doc, ctx, "jd", parent)
        self.setAccessibleName("Job description editor")
        self.current_area: int | None = None
        self.boxes: dict[str, SectionBox] = {}
        self.area_notes: dict[int, StructureNotes] = {}
        self.rebuild_all()

    # ---- building ------------------------------------------------------------------------
    def rebuild(self) -> None:
        clear_layout(self.body)
        self.forget_all()
        self.area_notes = {}
        self.boxes = {}

        for key, title, names in (("title", "Title and program", ("title", "program")),
                                  ("reporting", "Reporting relationships",
                                   ("reports_to", "supervises", "supervision")),
                                  ("hours", "Hours and schedule", ("hours", "schedule"))):
            form = self._form(self._box(key, title))
            for name in names:
                form.addRow(field_spec(JD, name).accel_label, self._field(name))

        form = self._form(self._box("posting", "Pay and posting",
                                    "What a US posting states: the pay range (required in "
                                    "several states), where the work is, the employment type "
                                    "and FLSA status, the closing date and how to apply."))
        self.posting = PostingFacts(self.doc, form, self.boxes["posting"])
        for name in ("apply", "accommodation_contact"):
            form.addRow(field_spec(JD, name).accel_label, self._field(name))

        box = self._box("function", field_spec(JD, "function").label,
                        "One sentence that states the main purpose of the position.")
        box.body.addWidget(self._field("function"))
        function = self.fields[("jd", "function")]
        function.accepts_statement = self._is_function
        function.drop_statement = self._drop_function

        box = self._box("areas", "Responsibility areas",
                        "Four to six core areas, each with its duties. Drag the handle or press "
                        "Alt+Shift+Up/Down to reorder.")
        areas = self.make_list(("jd", "areas"), kind="area", item_name="responsibility area",
                               make_content=self._area_content,
                               new_value=lambda: ResponsibilityArea(title="", duties=[""]),
                               add_label="Add responsibility area",
                               statement_value=self._area_from_statement,
                               resolve=self._resolve)
        box.body.addWidget(areas)

        box = self._box("qualifications", "Qualifications",
                        "In order of importance: every required qualification first, then the "
                        "preferred ones. State the lived-experience requirement explicitly.")
        box.body.addWidget(self.make_list(
            ("jd", "qualifications"), kind="qualification", item_name="qualification",
            make_content=self._qualification_content,
            new_value=lambda: Qualification(text="", level="required"),
            add_label="Add qualification", statement_value=self._qual_from_statement,
            resolve=self._resolve))

        for key, title, path, item, kind in (
                ("conditions", "Employment conditions", ("jd", "employment_conditions"),
                 "employment condition", StatementKind.EMPLOYMENT_CONDITION),
                ("abilities", "Abilities and attributes", ("jd", "abilities"), "ability",
                 StatementKind.ABILITY)):
            box = self._box(key, title)
            box.body.addWidget(self.make_list(
                path, kind=key, item_name=item,
                make_content=lambda i, v, p=path, n=item: self._text_item((*p, i), n, i),
                new_value=str, add_label=f"Add {item}",
                statement_value=_text_of(kind), resolve=self._resolve))
        self.body.addStretch(1)
        self.update_structure()
        self.apply_results(self.results)

    def _box(self, key: str, title: str, hint: str = "") -> SectionBox:
        box = SectionBox(title, hint, self.column)
        self.boxes[key] = box
        self.body.addWidget(box)
        box.show()
        return box

    def _form(self, box: SectionBox) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        box.body.addLayout(form)
        return form

    def _field(self, key: str) -> QWidget:
        field = self.table_field(key)
        field.focused.connect(lambda: self._set_current_area(None))
        return self.with_marker(field)

    def _text_item(self, path: Path, item_name: str, i: int) -> tuple[QWidget, FieldEdit]:
        field = self.make_field(path, name=f"{item_name.capitalize()} {i + 1}",
                                placeholder=f"Write the {item_name}", list_item=True,
                                undo_text=f"edit {item_name}")
        return self.with_marker(field), field

    def _area_content(self, i: int, area: ResponsibilityArea) -> tuple[QWidget, FieldEdit]:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, self.fontMetrics().height() // 2)
        title = self.make_field(("jd", "areas", i, "title"),
                                name=f"Responsibility area {i + 1} title",
                                placeholder="Title of the responsibility area", list_item=True,
                                undo_text="edit area title")
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        title.focused.connect(lambda: self._set_current_area(i))
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.with_marker(title), 1)
        v.addLayout(line)
        box.header_layout = line  # type: ignore[attr-defined]  # the row's Remove goes here
        notes = StructureNotes(box)
        self.area_notes[i] = notes
        v.addWidget(notes)
        duties = self.make_list(
            ("jd", "areas", i, "duties"), kind="duty", item_name="duty",
            make_content=lambda j, _v, i=i: self._duty_content(i, j), new_value=str,
            add_label="Add duty", statement_value=_text_of(StatementKind.DUTY),
            resolve=self._resolve)
        indent = QHBoxLayout()
        indent.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        indent.addWidget(duties, 1)
        v.addLayout(indent)
        return box, title

    def _duty_content(self, i: int, j: int) -> tuple[QWidget, FieldEdit]:
        widget, field = self._text_item(("jd", "areas", i, "duties", j), "duty", j)
        field.setAccessibleName(f"Duty {j + 1} in responsibility area {i + 1}")
        field.focused.connect(lambda: self._set_current_area(i))
        return widget, field

    def _qualification_content(self, i: int, q: Qualification) -> tuple[QWidget, FieldEdit]:
        box = QWidget()
        h = QHBoxLayout(box)
        h.setContentsMargins(0, 0, 0, 0)
        field = self.make_field(("jd", "qualifications", i, "text"),
                                name=f"Qualification {i + 1}",
                                placeholder="Write the qualification", list_item=True,
                                undo_text="edit qualification")
        h.addWidget(self.with_marker(field), 1)
        level = QComboBox(box)
        level.setAccessibleName(f"Qualification {i + 1} level")
        for value, label in LEVELS:
            level.addItem(label, value)
        level.setCurrentIndex(0 if q.level == "required" else 1)
        level.currentIndexChanged.connect(
            lambda _n, i=i, combo=level: self.set_level(i, combo.currentData()))
        h.addWidget(level, 0, Qt.AlignmentFlag.AlignTop)
        return box, field

    # ---- edits ---------------------------------------------------------------------------
    def set_level(self, index: int, level: str) -> None:
        """Change a qualification's level and move it to the end of its group."""
        quals = self.doc.jd.qualifications
        if quals[index].level == level:
            return
        with self.doc.macro(f"mark qualification {level}"):
            self.doc.set_value(("jd", "qualifications", index, "level"), level,
                               f"mark qualification {level}", structural=True)
            required = [q for q in self.doc.jd.qualifications if q.required]
            target = len(required) - 1 if level == "required" else len(required)
            self.doc.move(("jd", "qualifications"), index, target, "move qualification")

    def _is_function(self, statement_id: str) -> bool:
        st = self._resolve(statement_id)
        return st is not None and st.kind is StatementKind.FUNCTION

    def _drop_function(self, statement_id: str) -> None:
        st = self._resolve(statement_id)
        if st is not None:
            self.doc.set_value(("jd", "function"), st.text, "insert function")

    def _set_current_area(self, index: int | None) -> None:
        self.current_area = index

    def _resolve(self, statement_id: str) -> Statement | None:
        lib = self.ctx.library
        return lib.statements.get(statement_id) if lib else None

    @staticmethod
    def _area_from_statement(st: Statement) -> ResponsibilityArea | None:
        if st.kind is StatementKind.RESPONSIBILITY_AREA:
            return ResponsibilityArea(title=st.text, duties=[])
        return None

    @staticmethod
    def _qual_from_statement(st: Statement) -> Qualification | None:
        if st.kind is not StatementKind.QUALIFICATION:
            return None
        return Qualification(text=st.text, level=st.level or "required")

    def insert_statement(self, st: Statement) -> Path:
        """Insert a library statement into the section its kind belongs to; returns where."""
        jd = self.doc.jd
        kind = st.kind
        if kind is StatementKind.FUNCTION:
            self.doc.set_value(("jd", "function"), st.text, "insert function")
            path: Path = ("jd", "function")
        elif kind is StatementKind.RESPONSIBILITY_AREA:
            at = len(jd.areas) if self.current_area is None else self.current_area + 1
            self.doc.insert(("jd", "areas"), at, ResponsibilityArea(title=st.text, duties=[]),
                            "insert responsibility area")
            path = ("jd", "areas", at, "title")
        elif kind is StatementKind.DUTY:
            area = self._target_area(st)
            if area is None:
                self.doc.insert(("jd", "areas"), len(jd.areas), ResponsibilityArea(
                    title=st.area or "", duties=[st.text]), "insert duty")
                path = ("jd", "areas", len(jd.areas) - 1, "duties", 0)
            else:
                at = len(jd.areas[area].duties)
                self.doc.insert(("jd", "areas", area, "duties"), at, st.text, "insert duty")
                path = ("jd", "areas", area, "duties", at)
        elif kind is StatementKind.QUALIFICATION:
            level = st.level or "required"
            at = (len(jd.required_qualifications) if level == "required"
                  else len(jd.qualifications))
            self.doc.insert(("jd", "qualifications"), at, Qualification(st.text, level),
                            "insert qualification")
            path = ("jd", "qualifications", at, "text")
        elif kind is StatementKind.EMPLOYMENT_CONDITION:
            at = len(jd.employment_conditions)
            self.doc.insert(("jd", "employment_conditions"), at, st.text,
                            "insert employment condition")
            path = ("jd", "employment_conditions", at)
        else:
            at = len(jd.abilities)
            self.doc.insert(("jd", "abilities"), at, st.text, "insert ability")
            path = ("jd", "abilities", at)
        self.focus_path(path)
        return path

    def _target_area(self, st: Statement) -> int | None:
        areas = self.doc.jd.areas
        if not areas:
            return None
        if self.current_area is not None and self.current_area < len(areas):
            return self.current_area
        wanted = st.area.strip().lower()
        for i, a in enumerate(areas):
            if wanted and a.title.strip().lower() == wanted:
                return i
        return len(areas) - 1

    # ---- structure -----------------------------------------------------------------------
    def update_structure(self) -> None:
        findings = check_structure(self.doc.jd)
        by_box: dict[str, list[Any]] = {k: [] for k in self.boxes}
        by_area: dict[int, list[Any]] = {i: [] for i in self.area_notes}
        for f in findings:
            if f.section.startswith("area:"):
                try:
                    n = int(f.section.split(":", 1)[1]) - 1
                except ValueError:
                    n = -1
                if n in by_area:
                    by_area[n].append(f)
                    continue
                by_box["areas"].append(f)
            elif f.code == "no-hours":
                by_box["hours"].append(f)
            elif f.section in by_box:
                by_box[f.section].append(f)
            else:
                by_box["title"].append(f)
        for key, items in by_box.items():
            self.boxes[key].notes.set_findings(items)
        for i, items in by_area.items():
            self.area_notes[i].set_findings(items)
        self.structure_findings = findings

    def _on_changed(self, path: Path, structural: bool) -> None:
        super()._on_changed(path, structural)
        if path and path[0] == "jd":
            self.update_structure()
