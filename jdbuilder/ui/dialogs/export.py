"""The export dialog: which documents, which formats, paper size and large print; the build
runs on a pool thread with a progress bar, and "Open folder" shows the result.

The documents and formats are those of jdbuilder.export.build, so a document added there
appears here without a change to this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.errors import JdbError
from jdbuilder.export import build
from jdbuilder.export.build import BuildOptions
from jdbuilder.project import Project
from jdbuilder.ui.services.tasks import run_task
from jdbuilder.vocab import Paper

DOCUMENT_LABELS = {
    "jd": "Job description",
    "ad": "Job ad",
    "kit": "Interview kit",
    "scoresheet": "Score sheets",
    "consensus": "Consensus record",
    "summary": "Chair's summary",
    "references": "Reference-check packet",
    "key": "Candidate name key",
}
FORMAT_LABELS = {"docx": "Word (DOCX)", "pdf": "PDF"}


def document_label(key: str) -> str:
    return DOCUMENT_LABELS.get(key, key.replace("-", " ").replace("_", " ").capitalize())


def make_options(*, formats: list[str], documents: list[str], large_print: bool, paper: str,
                 organisation: str, logo: str = "") -> BuildOptions:
    return BuildOptions(formats=tuple(formats), documents=tuple(documents),
                        large_print=large_print, paper=Paper(paper),
                        organisation=organisation, logo=logo)


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def error_text(exc: BaseException) -> str:
    if isinstance(exc, JdbError):
        return str(exc)
    return f"The export could not be finished: {exc}"


class ExportDialog(QDialog):
    exportFinished = Signal(list)
    exportFailed = Signal(str)

    def __init__(self, project: Project, *, folder: Path, organisation: str = "",
                 logo: str = "", paper: str = "letter",
                 choose_folder: Callable[[str], str | None] | None = None,
                 opener: Callable[[Path], None] = open_folder,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.project = project
        self.organisation = organisation
        self.logo = logo
        self.choose_folder = choose_folder
        self.opener = opener
        self.files: list[Path] = []
        self.running = False
        v = QVBoxLayout(self)

        docs = QGroupBox("Documents", self)
        dv = QVBoxLayout(docs)
        self.documents: dict[str, QCheckBox] = {}
        for key in build.DOCUMENTS:
            box = QCheckBox(document_label(key), docs)
            box.setAccessibleName(document_label(key))
            box.setChecked(key in ("jd", "ad"))
            dv.addWidget(box)
            self.documents[key] = box
        v.addWidget(docs)

        opts = QGroupBox("Options", self)
        form = QFormLayout(opts)
        fmt_row = QHBoxLayout()
        self.formats: dict[str, QCheckBox] = {}
        for key in build.FORMATS:
            box = QCheckBox(FORMAT_LABELS.get(key, key.upper()), opts)
            box.setAccessibleName(FORMAT_LABELS.get(key, key))
            box.setChecked(True)
            fmt_row.addWidget(box)
            self.formats[key] = box
        fmt_row.addStretch(1)
        form.addRow("Formats", fmt_row)
        self.paper = QComboBox(opts)
        self.paper.setAccessibleName("Paper size")
        for each in Paper:
            self.paper.addItem(each.label, each.value)
        self.paper.setCurrentIndex(max(self.paper.findData(Paper(paper).value), 0))
        form.addRow("&Paper size", self.paper)
        self.large_print = QCheckBox("&Large print", opts)
        self.large_print.setAccessibleName("Large print")
        form.addRow("", self.large_print)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(folder), opts)
        self.folder.setAccessibleName("Output folder")
        browse = QPushButton("&Browse\u2026", opts)
        browse.setAccessibleName("Browse for the output folder")
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel("&Folder", opts)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        v.addWidget(opts)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.progress.setValue(0)
        v.addWidget(self.progress)
        self.status = QLabel("Choose the documents and formats, then Export.", self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Export status")
        v.addWidget(self.status)
        self.file_list = QListWidget(self)
        self.file_list.setAccessibleName("Files written")
        self.file_list.hide()
        v.addWidget(self.file_list)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("&Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("&Open folder",
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.setEnabled(False)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(lambda: self.opener(Path(self.folder.text())))
        self.close_button.clicked.connect(self.reject)
        v.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def _browse(self) -> None:
        if self.choose_folder is None:
            return
        chosen = self.choose_folder(self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def selected_documents(self) -> list[str]:
        return [k for k, b in self.documents.items() if b.isChecked()]

    def selected_formats(self) -> list[str]:
        return [k for k, b in self.formats.items() if b.isChecked()]

    def options(self) -> Any:
        return make_options(formats=self.selected_formats(),
                            documents=self.selected_documents(),
                            large_print=self.large_print.isChecked(),
                            paper=str(self.paper.currentData()),
                            organisation=self.organisation, logo=self.logo)

    def start(self) -> None:
        if self.running:
            return
        if not self.selected_documents() or not self.selected_formats():
            self.status.setText("Choose at least one document and one format.")
            return
        folder = Path(self.folder.text().strip() or ".").expanduser()
        options = self.options()
        project = self.project
        self.running = True
        self.export_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText("Exporting\u2026")

        def work(progress: Callable[[Any], None]) -> list[Path]:
            return list(build.build(project, folder, options,
                                    progress=lambda i, n, path: progress((i, n, path))))

        run_task(work, parent=self, on_done=self._done, on_error=self._failed,
                 on_progress=self._progress)

    def _progress(self, value: Any) -> None:
        i, n, path = value
        self.progress.setRange(0, n)
        self.progress.setValue(i)
        self.status.setText(f"Wrote {Path(path).name} ({i} of {n})")

    def _done(self, files: list[Path]) -> None:
        self.running = False
        self.files = files
        self.progress.setRange(0, max(len(files), 1))
        self.progress.setValue(max(len(files), 1))
        self.status.setText(f"Done: {len(files)} file{'s' if len(files) != 1 else ''} in "
                            f"{self.folder.text()}.")
        self.file_list.clear()
        self.file_list.addItems([p.name for p in files])
        self.file_list.show()
        self.export_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.exportFinished.emit(files)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        message = error_text(exc)
        self.status.setText(message)
        self.export_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.exportFailed.emit(message)

    def reject(self) -> None:
        if self.running:
            return  # the build finishes first; nothing is left half-written
        super().reject()
