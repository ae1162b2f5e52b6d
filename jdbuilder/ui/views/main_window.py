"""The main window: start view, the four tabs, the library and findings panels, menus, the
live check, and window state. What the menus and panels do is in the controllers
(jdbuilder.ui.controllers): files, output (export, print, review), findings and library; the
window implements their `Workspace` protocol.

Modal questions go through `self.dialogs` (jdbuilder.ui.dialogs.Dialogs), so tests replace it.
Errors are shown as dialogs in plain words (a JdbError's own message), never as tracebacks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.errors import JdbError
from jdbuilder.model.fields import ValuePath
from jdbuilder.model.statement import Statement
from jdbuilder.ui.controllers.files import FileController
from jdbuilder.ui.controllers.findings import FindingsController
from jdbuilder.ui.controllers.library import LibraryController
from jdbuilder.ui.controllers.output import OutputController
from jdbuilder.ui.editing.document import Document, checkable_items, label_for
from jdbuilder.ui.services import uistate
from jdbuilder.ui.services.checker import CheckerService, CheckResults
from jdbuilder.ui.services.context import AppContext
from jdbuilder.ui.services.prompts import Dialogs, guarded
from jdbuilder.ui.services.recovery import RecoveryManager
from jdbuilder.ui.views.ad_tab import AdTab
from jdbuilder.ui.views.findings import FindingsPanel
from jdbuilder.ui.views.jd_editor import JDEditor
from jdbuilder.ui.views.kit_tab import KitTab
from jdbuilder.ui.views.library_panel import LibraryPanel
from jdbuilder.ui.views.scoring_tab import ScoringTab
from jdbuilder.ui.views.start_view import StartView
from jdbuilder.ui.widgets.findbar import FindBar
from jdbuilder.ui.widgets.icons import counted, icon, icon_size
from jdbuilder.vocab import Severity

APP_TITLE = "jdbuilder"


class MainWindow(QMainWindow):
    def __init__(self, *, dialogs: Dialogs | None = None, ctx: AppContext | None = None,
                 start_background: bool = True) -> None:
        super().__init__()
        self._dialogs = dialogs or Dialogs()
        self.ctx = ctx or AppContext(self)
        self.doc = Document(self)
        self.doc.set_employer(self.ctx.settings().employer())
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_TITLE)
        self._project_open = False
        self._docks_hidden_by_tab: dict[QDockWidget, bool] = {}
        self._dock_sizes_pending = False
        self.last_dialog: QDialog | None = None

        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.start_view = StartView(self.ctx, self.stack)
        self.stack.addWidget(self.start_view)
        self.workspace = QWidget(self.stack)
        wv = QVBoxLayout(self.workspace)
        wv.setContentsMargins(0, 0, 0, 0)
        wv.setSpacing(0)
        self.findbar = FindBar(self._find_fields, self.workspace)
        wv.addWidget(self.findbar)
        self.tabs = QTabWidget(self.workspace)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Project")
        self.jd_editor = JDEditor(self.doc, self.ctx)
        self.ad_tab = AdTab(self.doc, self.ctx)
        self.kit_tab = KitTab(self.doc, self.ctx)
        self.scoring_tab = ScoringTab(self.doc)
        self.tabs.addTab(self.jd_editor, "Job description")
        self.tabs.addTab(self.ad_tab, "Job ad")
        self.tabs.addTab(self.kit_tab, "Interview kit")
        self.tabs.addTab(self.scoring_tab, "Scoring")
        wv.addWidget(self.tabs, 1)
        self.stack.addWidget(self.workspace)

        self.library_panel = LibraryPanel(self.ctx)
        self.library_dock = self._dock("Library", "LibraryDock", self.library_panel,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.findings_panel = FindingsPanel(lambda p: label_for(self.doc, p))
        self.findings_dock = self._dock("Findings", "FindingsDock", self.findings_panel,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self._make_status_bar()

        self.checker = CheckerService(self._check_items, self)
        self.recovery = RecoveryManager(lambda: self.files.recovery_snapshot(), self)
        self.files = FileController(self, self.doc, self.ctx, self.dialogs, self.recovery,
                                    self.checker)
        self.output = OutputController(self, self.doc, self.ctx, self.dialogs)
        self.finding_actions = FindingsController(self, self.doc, self.ctx, self.dialogs,
                                                  self.checker)
        self.library_actions = LibraryController(self, self.doc, self.ctx, self.dialogs)
        self._make_actions()
        self._make_menus()
        self._connect()
        self.show_start()
        self._restore_geometry()
        if start_background:
            QTimer.singleShot(0, self.start_background)

    # ---- what the controllers ask of the window (controllers.workspace.Workspace) -------
    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs

    @property
    def project_open(self) -> bool:
        return self._project_open

    def dialog_parent(self) -> QWidget:
        return self

    def show_status(self, message: str, ms: int = 4000) -> None:
        self.statusBar().showMessage(message, ms)

    def project_opened(self) -> None:
        self.library_panel.set_role(self.doc.jd.role_id)
        self.jd_editor.focus_path(("jd", "title"))

    def recent_files_changed(self) -> None:
        self.start_view.set_recent(uistate.recent_files())

    def go_to(self, path: ValuePath, start: int = 0, end: int = 0) -> None:
        page = self.ad_tab if path and path[0] == "ad" else self.jd_editor
        self.tabs.setCurrentWidget(page)
        page.focus_path(path, start, end)

    def insert_into_editor(self, statement: Statement) -> None:
        self.tabs.setCurrentWidget(self.jd_editor)
        self.jd_editor.insert_statement(statement)

    def current_library_statement(self) -> Statement | None:
        return self.library_panel.current_statement()

    # ---- construction ------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_labels: dict[str, tuple[QLabel, QLabel]] = {}
        size = icon_size()
        for sev in Severity.descending():
            pic = QLabel(self)
            pic.setPixmap(icon(sev).pixmap(size, size))
            text = QLabel(counted(sev, 0), self)
            text.setAccessibleName(f"Number of {sev} findings")
            bar.addPermanentWidget(pic)
            bar.addPermanentWidget(text)
            self.count_labels[sev] = (pic, text)
        self.check_label = QLabel("Language check: starting\u2026", self)
        self.check_label.setAccessibleName("Language check status")
        bar.addPermanentWidget(self.check_label)

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None,
                role: QAction.MenuRole | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if role is not None:
            action.setMenuRole(role)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        S = QKeySequence.StandardKey
        a = self._action
        files, output = self.files, self.output
        self.act_new = a("&New\u2026", files.new_project, S.New, tip="Start a new project")
        self.act_open = a("&Open\u2026", files.open_project, S.Open)
        self.act_save = a("&Save", files.save, S.Save)
        self.act_save_as = a("Save &As\u2026", files.save_as, S.SaveAs)
        if not QKeySequence.keyBindings(S.SaveAs):
            self.act_save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.act_export = a("&Export\u2026", output.export, "Ctrl+E")
        self.act_preview = a("Print Pre&view\u2026", output.print_preview, "Ctrl+Shift+P")
        self.act_print = a("&Print\u2026", output.print_document, S.Print)
        self.act_review = a("&Review a Document\u2026", output.review_document,
                            tip="Write a reviewer copy of a Word document with the findings "
                                "as comments")
        self.act_report = a("Por&tfolio Report\u2026", output.portfolio_report,
                            tip="Check a folder of job descriptions and ads and write a report "
                                "with charts")
        self.act_close = a("&Close", files.close_project, S.Close)
        self.act_quit = a("&Quit", self.close, S.Quit, QAction.MenuRole.QuitRole)
        if not QKeySequence.keyBindings(S.Quit):
            self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        stack = self.doc.undo_stack
        self.act_undo = stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts(S.Undo)
        self.act_redo = stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts(S.Redo)
        self.act_cut = a("Cu&t", lambda: self._edit("cut"), S.Cut)
        self.act_copy = a("&Copy", lambda: self._edit("copy"), S.Copy)
        self.act_paste = a("&Paste", lambda: self._edit("paste"), S.Paste)
        for act in (self.act_cut, self.act_copy, self.act_paste):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # fields handle keys
        self.act_find = a("&Find\u2026", self.open_find_bar, S.Find)
        self.act_find_next = a("Find &Next", lambda: self.findbar.find_next(), S.FindNext)
        self.act_find_prev = a("Find Pre&vious", lambda: self.findbar.find_previous(),
                               S.FindPrevious)
        self.act_prefs = a("Pre&ferences\u2026", self.preferences, S.Preferences,
                           QAction.MenuRole.PreferencesRole)
        self.act_guide = a("jdbuilder &Guide", self.show_guide, S.HelpContents)
        self.act_about = a("&About jdbuilder", self.about, role=QAction.MenuRole.AboutRole)
        self.tab_actions = [a(f"&{n + 1} {self.tabs.tabText(n)}", self._show_tab(n),
                              f"Ctrl+{n + 1}") for n in range(self.tabs.count())]
        self.addActions([self.act_undo, self.act_redo, self.act_find_next, self.act_find_prev,
                         *self.tab_actions])

    def _show_tab(self, index: int) -> Callable[[], None]:
        return lambda: self.tabs.setCurrentIndex(index)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu("&File")
        m.addAction(self.act_new)
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addSeparator()
        m.addActions([self.act_save, self.act_save_as])
        m.addSeparator()
        m.addActions([self.act_export, self.act_preview, self.act_print, self.act_review,
                      self.act_report])
        m.addSeparator()
        m.addActions([self.act_close, self.act_quit])
        m = bar.addMenu("&Edit")
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_cut, self.act_copy, self.act_paste])
        m.addSeparator()
        m.addActions([self.act_find, self.act_find_next, self.act_find_prev])
        m.addSeparator()
        m.addAction(self.act_prefs)
        m = bar.addMenu("&View")
        m.addActions(self.tab_actions)
        m.addSeparator()
        m.addAction(self.library_dock.toggleViewAction())
        m.addAction(self.findings_dock.toggleViewAction())
        m = bar.addMenu("&Help")
        m.addActions([self.act_guide, self.act_about])
        self._fill_recent_menu()

    def _connect(self) -> None:
        d = self.doc
        d.changed.connect(self._doc_changed)
        d.reset.connect(self._doc_reset)
        d.modifiedChanged.connect(lambda _m: self._update_title())
        d.fileChanged.connect(self._update_title)
        self.checker.resultsReady.connect(self._apply_results)
        self.checker.readyChanged.connect(lambda _r: self._check_ready())
        self.checker.failed.connect(self._check_failed)
        self.library_panel.insertRequested.connect(self.library_actions.insert_statement)
        self.library_panel.addPersonalRequested.connect(
            self.library_actions.add_personal_statement)
        fp, fa = self.findings_panel, self.finding_actions
        fp.goTo.connect(fa.go_to_finding)
        fp.applySuggestion.connect(fa.apply_suggestion)
        fp.ignoreHere.connect(fa.ignore_here)
        fp.allowOrganisation.connect(fa.allow_for_organisation)
        sv, files = self.start_view, self.files
        sv.templateChosen.connect(files.new_from_template)
        sv.blankChosen.connect(files.new_blank)
        sv.openRequested.connect(files.open_project)
        sv.recentChosen.connect(files.open_path)
        self.ctx.libraryChanged.connect(self._library_changed)
        self.ctx.settingsChanged.connect(
            lambda: self.doc.set_employer(self.ctx.settings().employer()))
        self.ctx.libraryFailed.connect(lambda msg: self.dialogs.error(
            self, "jdbuilder", f"The library could not be loaded: {msg}"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.kit_tab.status.connect(lambda m: self.statusBar().showMessage(m, 5000))
        self.scoring_tab.status.connect(lambda m: self.statusBar().showMessage(m, 5000))

    # ---- start-up ----------------------------------------------------------------------
    def start_background(self) -> None:
        """Load the library, the bank and the language check off the UI thread."""
        self.ctx.start()
        self.checker.start()
        QTimer.singleShot(0, self.files.startup_files)

    def _library_changed(self) -> None:
        if self.project_open:
            self.library_panel.set_role(self.doc.jd.role_id)
        problems = self.ctx.library_problems()
        if problems:
            self.statusBar().showMessage(
                f"{len(problems)} entr{'y' if len(problems) == 1 else 'ies'} of your library "
                f"could not be used: {problems[0]}", 15000)

    # ---- views -------------------------------------------------------------------------
    def show_start(self) -> None:
        self._project_open = False
        self.stack.setCurrentWidget(self.start_view)
        self.start_view.set_recent(uistate.recent_files())
        self.library_dock.hide()
        self.findings_dock.hide()
        self.findbar.hide()
        self._show_counts(False)
        for act in (self.act_save, self.act_save_as, self.act_export, self.act_preview,
                    self.act_print, self.act_close, self.act_find, *self.tab_actions):
            act.setEnabled(False)
        self._update_title()
        self.start_view.focus_first()

    def show_workspace(self) -> None:
        self._project_open = True
        self._docks_hidden_by_tab = {}
        self.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.workspace)
        self.library_dock.show()
        self.findings_dock.show()
        self._initial_dock_sizes()
        self._show_counts(True)
        for act in (self.act_save, self.act_save_as, self.act_export, self.act_preview,
                    self.act_print, self.act_close, self.act_find, *self.tab_actions):
            act.setEnabled(True)
        self.tabs.setCurrentIndex(0)
        self._update_title()

    def _text_tab(self) -> bool:
        return self.tabs.currentWidget() in (self.jd_editor, self.ad_tab)

    def _tab_changed(self, _index: int) -> None:
        """The library and findings panels belong to the text tabs; the kit and scoring tabs
        get the whole window (the panels come back as they were)."""
        if not self.project_open:
            return
        if self._text_tab():
            if self._docks_hidden_by_tab:
                for dock, visible in self._docks_hidden_by_tab.items():
                    dock.setVisible(visible)
                self._docks_hidden_by_tab = {}
        elif not self._docks_hidden_by_tab:
            self._docks_hidden_by_tab = {d: d.isVisible()
                                         for d in (self.library_dock, self.findings_dock)}
            for dock in self._docks_hidden_by_tab:
                dock.hide()

    def _show_counts(self, visible: bool) -> None:
        for pic, text in self.count_labels.values():
            pic.setVisible(visible)
            text.setVisible(visible)

    def _update_title(self) -> None:
        if self.project_open:
            self.setWindowTitle(f"{self.doc.display_name}[*] \u2014 {APP_TITLE}")
            self.setWindowModified(self.doc.modified)
        else:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)

    def _find_fields(self) -> list[Any]:
        page = self.tabs.currentWidget()
        return page.find_fields() if hasattr(page, "find_fields") else []

    # ---- the live check ----------------------------------------------------------------
    def _check_items(self) -> tuple[list[Any], Any]:
        if not self.project_open:
            return [], None
        return checkable_items(self.doc), self.ctx.policy(self.doc.policy)

    def _doc_changed(self, path: Any, structural: bool) -> None:
        self.checker.request()
        self.recovery.changed(self.doc.revision)

    def _doc_reset(self) -> None:
        self.checker.request(immediate=True)

    def _apply_results(self, results: CheckResults) -> None:
        self.jd_editor.apply_results(results)
        self.ad_tab.apply_results(results)
        self.findings_panel.set_results(results)
        counts = results.counts()
        for sev, (_pic, text) in self.count_labels.items():
            text.setText(counted(sev, counts.get(sev, 0)))
        self.check_label.setText("Language check: up to date")

    def _check_ready(self) -> None:
        self.check_label.setText("Language check: ready")
        if self.project_open:
            self.checker.request(immediate=True)

    def _check_failed(self, message: str) -> None:
        self.check_label.setText("Language check: not available")
        self.statusBar().showMessage(message, 10000)

    # ---- edit --------------------------------------------------------------------------
    def _edit(self, what: str) -> None:
        widget = QApplication.focusWidget()
        method = getattr(widget, what, None)
        if callable(method):
            method()

    def open_find_bar(self) -> None:
        if self.project_open:
            self.findbar.open_bar()

    @guarded
    def preferences(self) -> None:
        from jdbuilder.ui.dialogs.preferences import PreferencesDialog

        old = self.ctx.settings()
        dialog = PreferencesDialog(
            old, problem=self.ctx.settings_problem, parent=self,
            choose_file=lambda start: self.dialogs.open_file(
                self, "Choose the logo", start, "Images (*.png *.jpg *.jpeg *.svg);;All (*)"),
            choose_folder=lambda start: self.dialogs.choose_folder(
                self, "Organisation library folder", start))
        self.last_dialog = dialog
        if self.dialogs.run(dialog) != QDialog.DialogCode.Accepted:
            return
        new = dialog.result_settings()
        try:
            self.ctx.save_settings(new)
        except OSError as exc:
            raise JdbError(f"The preferences could not be saved ({exc.strerror or exc}).") \
                from None
        self.ctx.settings_problem = ""
        if new.organisation_library != old.organisation_library:
            self.ctx.reload_library()
        self.checker.request(immediate=True)

    # ---- help --------------------------------------------------------------------------
    def show_guide(self) -> None:
        from jdbuilder.ui.dialogs.help import GuideDialog

        dialog = GuideDialog(self)
        self.last_dialog = dialog
        dialog.show()

    def about(self) -> None:
        from jdbuilder.ui.dialogs.help import ABOUT_HTML

        self.dialogs.about(self, "About jdbuilder", ABOUT_HTML)

    # ---- geometry, close -------------------------------------------------------------
    def _restore_geometry(self) -> None:
        state = uistate.load_state()
        geometry = state.get("geometry")
        restored = False
        if isinstance(geometry, str):
            restored = self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if not restored:
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            w, h = 1280, 800
            if avail is not None:
                w, h = min(w, int(avail.width() * 0.95)), min(h, int(avail.height() * 0.95))
            self.resize(w, h)
        docks = state.get("window_state")
        if isinstance(docks, str):
            self.restoreState(QByteArray.fromBase64(docks.encode("ascii")))
        else:
            self._dock_sizes_pending = True
        if not self.project_open:
            self.library_dock.hide()
            self.findings_dock.hide()

    def _initial_dock_sizes(self) -> None:
        if not self._dock_sizes_pending:
            return
        self._dock_sizes_pending = False
        self.resizeDocks([self.findings_dock], [self.fontMetrics().height() * 12],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.library_dock], [self.fontMetrics().averageCharWidth() * 50],
                         Qt.Orientation.Horizontal)

    def save_geometry(self) -> None:
        for dock, visible in self._docks_hidden_by_tab.items():
            dock.setVisible(visible)
        self._docks_hidden_by_tab = {}
        uistate.update_state(
            geometry=bytes(self.saveGeometry().toBase64().data()).decode("ascii"),
            window_state=bytes(self.saveState().toBase64().data()).decode("ascii"))

    def dispose(self) -> None:
        """Stop timers and background work and delete the window without closing it (no
        prompts, no saved window state): for the self-test and screenshots."""
        from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

        self.recovery.shutdown()
        self.checker.timer.stop()
        self.checker.enabled = False
        self.checker.pool.waitForDone(60_000)
        QThreadPool.globalInstance().waitForDone(60_000)
        QCoreApplication.processEvents()  # deliver the last queued results
        self.hide()
        self.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = uistate.recent_files()
        for i, p in enumerate(paths, start=1):
            act = self.recent_menu.addAction(f"&{i % 10} {Path(p).name}")
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, p=p: self.files.open_path(p))
        if not paths:
            act = self.recent_menu.addAction("No recent files")
            act.setEnabled(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.project_open:
            self.save_geometry()
        else:
            uistate.update_state(geometry=bytes(
                self.saveGeometry().toBase64().data()).decode("ascii"))
        self.recovery.shutdown()
        self.checker.timer.stop()
        event.accept()
