"""Export (documents, formats, paper, large print, progress, Open folder), print preview and
printing through Qt, and "Review a document..."."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

import jdbuilder.export.build as build
from jdbuilder.render.html import document_html
from jdbuilder.ui.dialogs.print_choice import PrintChoiceDialog
from jdbuilder.ui.services.printing import PreviewDialog, PrintDialog, print_to_pdf
from tests.ui.helpers import wait_checked


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


def choose(labels: list[str], *wanted: str) -> Any:
    """A scripted answer for the document chooser: tick the documents whose label starts with
    one of `wanted` (all of them with no argument)."""
    def run(dialog: Any) -> int:
        if isinstance(dialog, PrintChoiceDialog):
            labels.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
            dialog.set_checked([i for i, t in enumerate(labels)
                                if not wanted or t.startswith(wanted)])
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected
    return run


def test_the_chooser_lists_every_document_and_a_packet_per_interviewer(
        jd_window: Any, dialogs: Any, bank: Any) -> None:
    w = jd_window
    w.kit_tab.questions.add_bank_question(bank[0])
    w.kit_tab.people.add_interviewer("Ana Reyes")
    w.kit_tab.people.add_interviewer("Ben Okafor")
    w.tabs.setCurrentWidget(w.kit_tab)
    seen: list[Any] = []

    def run(dialog: Any) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Rejected

    dialogs.answers["run"] = run
    w.act_preview.trigger()
    (chooser,) = seen  # cancelled: no preview
    labels = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert labels == ["Job description", "Job ad", "Interview kit: Ana Reyes",
                      "Interview kit: Ben Okafor", "Score sheets", "Consensus record",
                      "Chair's summary", "Reference-check packet", "Candidate name key"]
    assert chooser.selected() == [2, 3]  # the kit tab: its packets
    chooser.set_all(False)
    chooser.accept()
    assert chooser.result() != QDialog.DialogCode.Accepted  # nothing ticked: says so
    assert chooser.message.text() == "Tick at least one document."
    assert not chooser.message.isHidden()


def test_print_preview_shows_the_chosen_documents(jd_window: Any, dialogs: Any,
                                                  qtbot: Any, tmp_path: Path) -> None:
    w = jd_window
    shown: list[Any] = []
    expected: list[int] = []
    labels: list[str] = []
    pick = choose(labels, "Job description", "Job ad")

    def run(dialog: Any) -> int:
        if isinstance(dialog, PreviewDialog):
            shown.append(dialog)
            expected.append(sum(dialog.job.page_counts()))
            dialog.show()
            qtbot.waitUntil(lambda: dialog.pages_painted == expected[0])
            dialog.close()
            return QDialog.DialogCode.Rejected
        return pick(dialog)

    dialogs.answers["run"] = run
    w.act_preview.trigger()
    (preview,) = shown
    assert isinstance(preview, QPrintPreviewDialog)
    titles = [d.title for d in preview.job.documents]
    assert titles[0].endswith("job description") and titles[1].endswith("job ad")
    assert preview.pages_painted == expected[0] >= 2
    assert not preview.job.folder.exists()  # closed with the dialog
    assert dialogs.called("error") == []


def test_print_to_pdf_from_the_window_has_the_exported_page_count(
        jd_window: Any, dialogs: Any, qtbot: Any, tmp_path: Path) -> None:
    w = jd_window
    out = tmp_path / "printed.pdf"
    labels: list[str] = []
    pick = choose(labels, "Job description")
    offered: list[str] = []

    def run(dialog: Any) -> int:
        if isinstance(dialog, PrintDialog):
            printer = dialog.printer()
            offered.append(printer.docName())
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            return QDialog.DialogCode.Accepted
        return pick(dialog)

    dialogs.answers["run"] = run
    w.act_print.trigger()
    assert dialogs.called("error") == []
    assert offered and ":" not in offered[0]
    options = dataclasses.replace(w.output.print_options(), documents=("jd",))
    exported = build.build(w.doc.to_project(), tmp_path / "export", options)
    assert len(PdfReader(str(out)).pages) == len(PdfReader(str(exported[0])).pages)


def test_export_and_print_say_how_many_findings_are_open(jd_window: Any, dialogs: Any,
                                                         qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(("jd", "function"), "Supports addicts who are mentally ill.", "edit")
    w.checker.request(immediate=True)
    wait_checked(qtbot, w)
    total = sum(w.open_findings().values())
    assert total >= 2
    dialogs.answers["findings_open"] = "review"
    w.act_export.trigger()
    (args,) = dialogs.called("findings_open")
    title, message, go_on = args
    assert title == "Export" and go_on == "Export anyway"
    assert f"{total} open findings" in message
    assert w.output.export_dialog is None  # reviewing instead
    assert w.findings_dock.isVisible() and w.findings_panel.current() is not None
    dialogs.answers["findings_open"] = "cancel"
    w.act_print.trigger()
    assert dialogs.called("findings_open")[-1][0] == "Print"
    assert dialogs.called("run") == []  # nothing printed, no chooser
    dialogs.answers["findings_open"] = "continue"
    dialogs.answers["run"] = QDialog.DialogCode.Rejected
    w.act_export.trigger()
    assert w.output.export_dialog is not None


def test_document_html_has_every_part(jd_window: Any, tmp_path: Path) -> None:
    options = build.BuildOptions(formats=("pdf",), documents=("jd",), large_print=True)
    (_stem, doc), = build.compose_documents(jd_window.doc.to_project(), options)
    html = document_html(doc)
    jd = jd_window.doc.jd
    assert re.search(rf"<h1[^>]*>{re.escape(jd.title)}</h1>", html)
    assert re.search(r"<h2[^>]*>Responsibilities</h2>", html)
    assert re.search(rf"<h3[^>]*>{re.escape(jd.areas[0].title)}</h3>", html)
    assert "<li>" in html and "<b>Hours: </b>" in html
    assert print_to_pdf([doc], str(tmp_path / "jd.pdf")) >= 1
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
