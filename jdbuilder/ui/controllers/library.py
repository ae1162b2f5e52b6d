"""Inserting library statements and adding statements to the personal library."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from jdbuilder.model.statement import Statement
from jdbuilder.ui.controllers.workspace import Workspace
from jdbuilder.ui.dialogs.personal import AddStatementDialog
from jdbuilder.ui.editing.document import Document
from jdbuilder.ui.services.context import AppContext
from jdbuilder.ui.services.prompts import Dialogs, guarded


class LibraryController:
    def __init__(self, window: Workspace, doc: Document, ctx: AppContext,
                 dialogs: Dialogs) -> None:
        self.window = window
        self.doc = doc
        self.ctx = ctx
        self._dialogs = dialogs
        self.last_dialog: AddStatementDialog | None = None

    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs

    def dialog_parent(self) -> QWidget:
        return self.window.dialog_parent()

    @guarded
    def insert_statement(self, st: Statement) -> None:
        if not self.window.project_open:
            return
        self.window.insert_into_editor(st)
        self.window.show_status(f"Inserted: {st.kind.label.lower()}", 3000)

    def make_personal_dialog(self) -> AddStatementDialog:
        lib = self.ctx.library
        role = lib.roles.get(self.doc.jd.role_id) if lib else None
        st = self.window.current_library_statement()
        return AddStatementDialog(self.dialog_parent(), role_id=role.id if role else "",
                                  role_name=role.name if role else "",
                                  kind=st.kind.value if st else "duty")

    @guarded
    def add_personal_statement(self) -> None:
        from jdbuilder.library.personal import add_personal_statement

        dialog = self.make_personal_dialog()
        self.last_dialog = dialog
        if self.dialogs.run(dialog) != QDialog.DialogCode.Accepted:
            return
        lib = self.ctx.library
        st = add_personal_statement(**dialog.values(), taken_ids=lib.statements if lib else (),
                                    role_ids=lib.roles if lib else ())
        self.window.show_status(f"Added to your library: {st.text}", 5000)
        self.ctx.reload_library()
