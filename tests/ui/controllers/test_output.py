"""Export (documents, formats, paper, large print, progress, Open folder), print preview and
printing through Qt, and "Review a document..."."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

import jdbuilder.export.build as build
from jdbuilder.ui.services.printing import document_html, print_to_pdf


def open_export(w: Any, dialogs: Any) -> Any:
    dialogs.answers["run"] = QDialog.DialogCode.Rejected  # shown modally; driven below
    w.act_export.trigger()
    assert w.output.export_dialog is not None
    return w.output.export_dialog


def run_export(qtbot: Any, dialog: Any) -> list[Path]:
    with qtbot.waitSignal(dialog.exportFinished, timeout=120_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return [Path(p) for p in blocker.args[0]]


def test_export_documents_and_find_the_files(jd_window: Any, dialogs: Any, qtbot: Any,
                                             tmp_path: Path) -> None:
    w = jd_window
    dialog = open_export(w, dialogs)
    assert list(dialog.documents) == list(build.DOCUMENTS)  # read at run time
    assert dialog.selected_documents() == ["jd", "ad"]
    assert dialog.selected_formats() == list(build.FORMATS)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    files = run_export(qtbot, dialog)
    names = sorted(p.name for p in files)
    assert names == sorted(f"peer-specialist-{d}.{f}" for d in ("job-description", "job-ad")
                           for f in build.FORMATS)
    assert all(p.is_file() and p.stat().st_size > 0 for p in files)
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.status.text().startswith("Done: 4 files")
    assert dialog.file_list.count() == 4
    opened: list[Path] = []
    dialog.opener = opened.append
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path / "out"]


def test_large_print_and_one_format(jd_window: Any, dialogs: Any, qtbot: Any,
                                    tmp_path: Path) -> None:
    dialog = open_export(jd_window, dialogs)
    dialog.folder.setText(str(tmp_path))
    dialog.formats["docx"].setChecked(False)
    dialog.documents["ad"].setChecked(False)
    dialog.large_print.setChecked(True)
    assert dialog.options().large_print is True
    files = run_export(qtbot, dialog)
    assert [p.name for p in files] == ["peer-specialist-job-description-large-print.pdf"]


def test_nothing_selected_is_explained(jd_window: Any, dialogs: Any) -> None:
    dialog = open_export(jd_window, dialogs)
    for box in dialog.documents.values():
        box.setChecked(False)
    dialog.start()
    assert not dialog.running
    assert dialog.status.text() == "Choose at least one document and one format."


def test_export_errors_are_plain_words(jd_window: Any, dialogs: Any, qtbot: Any,
                                       tmp_path: Path) -> None:
    blocker_file = tmp_path / "a-file"
    blocker_file.write_text("not a folder", encoding="utf-8")
    dialog = open_export(jd_window, dialogs)
    dialog.folder.setText(str(blocker_file / "sub"))
    with qtbot.waitSignal(dialog.exportFailed, timeout=60_000) as blocker:
        dialog.start()
    message = blocker.args[0]
    assert "a-file" in message and "Traceback" not in message
    assert dialog.export_button.isEnabled() and not dialog.running


def test_documents_added_to_the_builder_appear(jd_window: Any, dialogs: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "DOCUMENTS", (*build.DOCUMENTS, "offer-letter"))
    dialog = open_export(jd_window, dialogs)
    assert dialog.documents["offer-letter"].text() == "Offer letter"


def test_kit_documents_are_chosen_when_the_kit_has_questions(jd_window: Any, dialogs: Any,
                                                             bank: Any) -> None:
    jd_window.kit_tab.questions.add_bank_question(bank[0])
    dialog = open_export(jd_window, dialogs)
    if "kit" in dialog.documents:
        assert "kit" in dialog.selected_documents()


def test_print_preview_renders_the_chosen_document(jd_window: Any, dialogs: Any,
                                                   tmp_path: Path) -> None:
    w = jd_window
    shown: list[QPrintPreviewDialog] = []

    def run(dialog: Any) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    dialogs.answers["run"] = run
    dialogs.answers["choose_item"] = list(build.DOCUMENTS).index("ad")
    w.act_preview.trigger()
    (preview,) = shown
    assert isinstance(preview, QPrintPreviewDialog)
    assert preview.document.title.endswith("job ad")  # type: ignore[attr-defined]
    # what the preview paints, printed to a PDF file
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "preview.pdf"
    printer.setOutputFileName(str(out))
    preview.paintRequested.emit(printer)
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")


def test_print_goes_to_the_printer(jd_window: Any, dialogs: Any, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"

    def run(dialog: Any) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    dialogs.answers["run"] = run
    dialogs.answers["choose_item"] = 0
    jd_window.act_print.trigger()
    assert out.is_file() and out.stat().st_size > 1000
    assert dialogs.called("error") == []


def test_document_html_has_every_part(jd_window: Any, tmp_path: Path) -> None:
    options = build.BuildOptions(formats=("pdf",), documents=("jd",), large_print=True)
    (_stem, doc), = build.compose_documents(jd_window.doc.to_project(), options)
    html = document_html(doc)
    jd = jd_window.doc.jd
    assert re.search(rf"<h1[^>]*>{re.escape(jd.title)}</h1>", html)
    assert re.search(r"<h2[^>]*>Responsibilities</h2>", html)
    assert re.search(rf"<h3[^>]*>{re.escape(jd.areas[0].title)}</h3>", html)
    assert "<li>" in html and "<b>Hours: </b>" in html
    print_to_pdf(doc, str(tmp_path / "jd.pdf"))
    assert (tmp_path / "jd.pdf").read_bytes().startswith(b"%PDF")


def test_review_a_document(jd_window: Any, dialogs: Any, qtbot: Any, tmp_path: Path) -> None:
    source = tmp_path / "jd.txt"
    source.write_text("Works with addicts and the mentally ill.\n", encoding="utf-8")
    out = tmp_path / "jd-review"
    dialogs.answers["open_file"] = str(source)
    dialogs.answers["save_file"] = str(out)
    jd_window.act_review.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.called("info") or dialogs.called("error")),
                    timeout=60_000)
    if dialogs.called("error"):  # the reviewer is being written elsewhere: a clear message
        (message,) = dialogs.called("error")[0]
        assert "Traceback" not in message
    else:
        (message,) = dialogs.called("info")[0]
        assert str(out) + ".docx" in message
        assert (tmp_path / "jd-review.docx").is_file()


def test_review_without_the_reviewer_module_says_so(jd_window: Any, dialogs: Any,
                                                     qtbot: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jdbuilder.review.annotate", None)  # import fails
    source = tmp_path / "jd.txt"
    source.write_text("Text.\n", encoding="utf-8")
    dialogs.answers["open_file"] = str(source)
    dialogs.answers["save_file"] = str(tmp_path / "out.docx")
    jd_window.output.review_document()
    qtbot.waitUntil(lambda: bool(dialogs.called("error")), timeout=30_000)
    (message,) = dialogs.called("error")[0]
    assert message.startswith("Reviewing documents is not available in this version")
