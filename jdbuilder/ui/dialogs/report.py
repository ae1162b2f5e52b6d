"""File > Portfolio Report...: folders and files to include, where to save the report, which
formats, an optional earlier report to compare with; the report is built on a pool thread with
a progress bar, and "Open report" shows the page in the browser.

The work is `jdbuilder.report.build_report`, the same as `jdbuilder report` on the command
line, with the organization's language policy from Preferences.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
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
from jdbuilder.language.policy import Policy
from jdbuilder.report import FORMATS, ReportOptions, ReportResult, Step, output_targets
from jdbuilder.ui.services.tasks import run_task
from jdbuilder.vocab import Paper

FORMAT_LABELS = {"html": "Web page (HTML)", "pdf": "PDF for print", "json": "Data (JSON)"}
Chooser = Callable[[str], str | None]


def open_in_browser(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def error_text(exc: BaseException) -> str:
    if isinstance(exc, JdbError):
        return str(exc)
    return f"The report could not be finished: {exc}"


class ReportDialog(QDialog):
    reportFinished = Signal(object)  # ReportResult
    reportFailed = Signal(str)

    def __init__(self, *, policy: Policy, output: Path, organization: str = "",
                 paper: str = "letter", choose_folder: Chooser | None = None,
                 choose_file: Chooser | None = None, choose_output: Chooser | None = None,
                 choose_since: Chooser | None = None,
                 opener: Callable[[Path], None] = open_in_browser,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Portfolio report")
        self.policy = policy
        self.organization = organization
        self.paper = Paper(paper)
        self.choose_folder, self.choose_file = choose_folder, choose_file
        self.choose_output, self.choose_since = choose_output, choose_since
        self.opener = opener
        self.running = False
        self.outcome: ReportResult | None = None
        v = QVBoxLayout(self)

        box = QGroupBox("Documents to include", self)
        bv = QVBoxLayout(box)
        intro = QLabel("Folders are searched for .docx, .txt, .md and .jdb files, sub-folders "
                       "included.", box)
        intro.setWordWrap(True)
        bv.addWidget(intro)
        self.inputs = QListWidget(box)
        self.inputs.setAccessibleName("Folders and files to include")
        bv.addWidget(self.inputs)
        row = QHBoxLayout()
        self.add_folder_button = QPushButton("Add &folder\u2026", box)
        self.add_file_button = QPushButton("Add f&ile\u2026", box)
        self.remove_button = QPushButton("Re&move", box)
        self.add_folder_button.clicked.connect(self._add_folder)
        self.add_file_button.clicked.connect(self._add_file)
        self.remove_button.clicked.connect(self._remove)
        for b in (self.add_folder_button, self.add_file_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        bv.addLayout(row)
        v.addWidget(box)

        opts = QGroupBox("Report", self)
        form = QFormLayout(opts)
        out_row = QHBoxLayout()
        self.output = QLineEdit(str(output), opts)
        self.output.setAccessibleName("Save the report as")
        browse = QPushButton("&Browse\u2026", opts)
        browse.setAccessibleName("Choose where to save the report")
        browse.clicked.connect(self._browse_output)
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        out_label = QLabel("&Save as", opts)
        out_label.setBuddy(self.output)
        form.addRow(out_label, out_row)
        fmt_row = QHBoxLayout()
        self.formats: dict[str, QCheckBox] = {}
        for key in FORMATS:
            check = QCheckBox(FORMAT_LABELS[key], opts)
            check.setAccessibleName(FORMAT_LABELS[key])
            check.setChecked(True)
            fmt_row.addWidget(check)
            self.formats[key] = check
        fmt_row.addStretch(1)
        form.addRow("Formats", fmt_row)
        since_row = QHBoxLayout()
        self.since = QLineEdit(opts)
        self.since.setPlaceholderText("An earlier report's .json file (optional)")
        self.since.setAccessibleName("Compare with an earlier report")
        since_browse = QPushButton("Bro&wse\u2026", opts)
        since_browse.setAccessibleName("Choose an earlier report to compare with")
        since_browse.clicked.connect(self._browse_since)
        since_row.addWidget(self.since, 1)
        since_row.addWidget(since_browse)
        since_label = QLabel("&Compare with", opts)
        since_label.setBuddy(self.since)
        form.addRow(since_label, since_row)
        v.addWidget(opts)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Report progress")
        self.progress.setValue(0)
        v.addWidget(self.progress)
        self.status = QLabel("Add the folders or files to include, then Create report.", self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Report status")
        v.addWidget(self.status)

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton("Create &report",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("&Open report",
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.setEnabled(False)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_report)
        self.close_button.clicked.connect(self.reject)
        v.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 84, self.sizeHint().height())

    # ---- choosing ----------------------------------------------------------------------
    def add_path(self, path: str | Path) -> None:
        text = str(path)
        if text and text not in self.paths():
            self.inputs.addItem(text)

    def paths(self) -> list[str]:
        return [self.inputs.item(i).text() for i in range(self.inputs.count())]

    def _start_folder(self) -> str:
        items = self.paths()
        return str(Path(items[-1]).parent) if items else str(Path(self.output.text()).parent)

    def _add_folder(self) -> None:
        chosen = self.choose_folder(self._start_folder()) if self.choose_folder else None
        if chosen:
            self.add_path(chosen)

    def _add_file(self) -> None:
        chosen = self.choose_file(self._start_folder()) if self.choose_file else None
        if chosen:
            self.add_path(chosen)

    def _remove(self) -> None:
        for item in self.inputs.selectedItems():
            self.inputs.takeItem(self.inputs.row(item))

    def _browse_output(self) -> None:
        chosen = self.choose_output(self.output.text()) if self.choose_output else None
        if chosen:
            self.output.setText(chosen)

    def _browse_since(self) -> None:
        start = self.since.text() or str(Path(self.output.text()).parent)
        chosen = self.choose_since(start) if self.choose_since else None
        if chosen:
            self.since.setText(chosen)

    def selected_formats(self) -> list[str]:
        return [k for k, b in self.formats.items() if b.isChecked()]

    def targets(self) -> dict[str, Path]:
        return output_targets(Path(self.output.text().strip()).expanduser(),
                              self.selected_formats())

    # ---- running -----------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        inputs = self.paths()
        if not inputs:
            self.status.setText("Add at least one folder or file to include.")
            return
        if not self.output.text().strip() or not self.selected_formats():
            self.status.setText("Choose where to save the report and at least one format.")
            return
        targets = self.targets()
        since = self.since.text().strip()
        options = ReportOptions(policy=self.policy, organization=self.organization,
                                since=Path(since).expanduser() if since else None,
                                paper=self.paper)
        self.running = True
        self.outcome = None
        for b in (self.create_button, self.close_button, self.open_button):
            b.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText("Finding the documents\u2026")

        def work(progress: Callable[[Any], None]) -> ReportResult:
            from jdbuilder.report import build_report

            return build_report(inputs, targets, options, progress=progress)

        run_task(work, parent=self, on_done=self._done, on_error=self._failed,
                 on_progress=self._progress)

    def _progress(self, step: Any) -> None:
        if not isinstance(step, Step):
            return
        self.progress.setRange(0, max(step.total, 1))
        self.progress.setValue(step.done)
        name = Path(step.detail).name if step.detail else ""
        if step.phase == "read":
            self.status.setText(f"Checked {step.done} of {step.total}: {name}")
        elif step.done < step.total:
            self.status.setText(f"Writing {name} ({step.done + 1} of {step.total})\u2026")

    def _done(self, result: ReportResult) -> None:
        self.running = False
        self.outcome = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        text = (f"Done: {result.documents} document{'s' if result.documents != 1 else ''} "
                f"read, {result.findings} finding{'s' if result.findings != 1 else ''}.")
        if result.unreadable:
            listed = "; ".join(f"{Path(p).name} ({reason})" for p, reason in
                               result.unreadable[:3])
            more = (f" and {len(result.unreadable) - 3} more" if len(result.unreadable) > 3
                    else "")
            n = len(result.unreadable)
            text += (f" {n} file{' was' if n == 1 else 's were'} not readable (listed in the "
                     f"report): {listed}{more}.")
        self.status.setText(text)
        for b in (self.create_button, self.close_button, self.open_button):
            b.setEnabled(True)
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reportFinished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        message = error_text(exc)
        self.status.setText(message)
        self.create_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.reportFailed.emit(message)

    def report_file(self) -> Path | None:
        """The file "Open report" shows: the page, else the PDF, else the JSON."""
        if self.outcome is None or not self.outcome.files:
            return None
        by_suffix = {p.suffix.lower(): p for p in self.outcome.files}
        for suffix in (".html", ".pdf", ".json"):
            if suffix in by_suffix:
                return by_suffix[suffix]
        return self.outcome.files[0]

    def open_report(self) -> None:
        path = self.report_file()
        if path is not None:
            self.opener(path)

    def reject(self) -> None:
        if self.running:
            return  # the report finishes first; nothing is left half-written
        super().reject()
