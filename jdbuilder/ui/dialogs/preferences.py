"""Preferences: organisation name and logo, default paper, language preference, allow-list,
organisation library folder. Stored with jdbuilder.settings (settings.json)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from jdbuilder.vocab import Paper, Preference

if TYPE_CHECKING:
    from jdbuilder.settings import Settings

Chooser = Callable[[str], str | None]


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, *, choose_file: Chooser | None = None,
                 choose_folder: Chooser | None = None, problem: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.original = settings
        self.choose_file = choose_file
        self.choose_folder = choose_folder
        form = QFormLayout(self)
        if problem:
            note = QLabel(f"The settings file could not be used, so the defaults are shown: "
                          f"{problem}", self)
            note.setWordWrap(True)
            form.addRow(note)
        self.organisation = QLineEdit(settings.organisation, self)
        self.organisation.setAccessibleName("Organization name")
        self.organisation.setPlaceholderText("Shown in document headers")
        form.addRow("&Organization name", self.organisation)
        self.logo = QLineEdit(settings.logo, self)
        self.logo.setAccessibleName("Organization logo file")
        form.addRow("&Logo", self._with_browse(self.logo, self._browse_logo,
                                               "Choose the logo file"))
        self.paper = QComboBox(self)
        self.paper.setAccessibleName("Default paper size")
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        self.paper.setCurrentIndex(max(self.paper.findData(Paper(settings.paper).value), 0))
        form.addRow("Default &paper size", self.paper)
        self.preference = QComboBox(self)
        self.preference.setAccessibleName("Person-first or identity-first language")
        for pref in Preference:
            self.preference.addItem(pref.label, pref.value)
        self.preference.setCurrentIndex(
            max(self.preference.findData(Preference(settings.preference).value), 0))
        form.addRow("&Language preference", self.preference)
        self.allow = QPlainTextEdit("\n".join(settings.allow_phrases), self)
        self.allow.setAccessibleName("Phrases allowed for the organization, one per line")
        self.allow.setTabChangesFocus(True)
        self.allow.setPlaceholderText("One phrase per line; the language check never flags "
                                      "these")
        form.addRow("&Allowed phrases", self.allow)
        self.library = QLineEdit(settings.organisation_library, self)
        self.library.setAccessibleName("Organization library folder")
        self.library.setPlaceholderText("A shared folder with the organization's statements")
        form.addRow("Organization &library", self._with_browse(
            self.library, self._browse_library, "Choose the organization library folder"))
        self.eeo = QPlainTextEdit(settings.eeo_statement, self)
        self.eeo.setAccessibleName("Equal employment opportunity statement")
        self.eeo.setTabChangesFocus(True)
        self.eeo.setPlaceholderText("Printed in every job ad. Leave empty for a statement that "
                                    "welcomes people with disabilities and lived experience.")
        self.eeo.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow("&EEO statement", self.eeo)
        self.contact = QLineEdit(settings.accommodation_contact, self)
        self.contact.setAccessibleName("Accommodation contact")
        self.contact.setPlaceholderText("Who arranges accommodations during hiring: name, "
                                        "email or phone")
        form.addRow("Accommodation &contact", self.contact)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.sizeHint().height())

    def _with_browse(self, edit: QLineEdit, slot: Callable[[], None], name: str) -> QWidget:
        box = QWidget(self)
        box.setFocusProxy(edit)
        h = QHBoxLayout(box)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(edit, 1)
        b = QPushButton("Browse\u2026", box)
        b.setAccessibleName(name)
        b.clicked.connect(slot)
        h.addWidget(b)
        return box

    def _browse_logo(self) -> None:
        if self.choose_file:
            path = self.choose_file(self.logo.text())
            if path:
                self.logo.setText(path)

    def _browse_library(self) -> None:
        if self.choose_folder:
            path = self.choose_folder(self.library.text())
            if path:
                self.library.setText(path)

    def result_settings(self) -> Settings:
        """The settings as edited (unknown fields and allow_rules kept)."""
        s = copy.deepcopy(self.original)
        s.organisation = self.organisation.text().strip()
        s.logo = self.logo.text().strip()
        s.paper = Paper(self.paper.currentData())
        s.preference = Preference(self.preference.currentData())
        phrases = [" ".join(p.split()) for p in self.allow.toPlainText().splitlines()]
        s.allow_phrases = list(dict.fromkeys(p for p in phrases if p))
        s.organisation_library = self.library.text().strip()
        s.eeo_statement = " ".join(self.eeo.toPlainText().split())
        s.accommodation_contact = " ".join(self.contact.text().split())
        return s
