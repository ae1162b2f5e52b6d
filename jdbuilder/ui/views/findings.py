"""The findings panel: every language finding with where it is, why, its source and fixes.

One click on a suggestion applies it; "Ignore here" adds the phrase to this project's
allow-list; "Allow for the organization" adds it to the organization's settings. The
explanation scrolls on its own (back to its start for each finding); the fixes and actions
stay below it, in view at any window size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jdbuilder.ui.services.checker import FindingRef
from jdbuilder.ui.widgets.common import discard
from jdbuilder.ui.widgets.flow import flow_container
from jdbuilder.ui.widgets.focus import apply_reading_order
from jdbuilder.ui.widgets.icons import SEVERITY_WORD, counted, icon
from jdbuilder.vocab import Severity

if TYPE_CHECKING:
    from jdbuilder.model.fields import ValuePath as Path
    from jdbuilder.ui.services.checker import CheckResults


class FindingsPanel(QWidget):
    goTo = Signal(object)
    applySuggestion = Signal(object, int)
    ignoreHere = Signal(object)
    allowOrganisation = Signal(object)

    def __init__(self, label_for: Callable[[Path], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_for = label_for
        self.refs: list[FindingRef] = []
        self.setAccessibleName("Language findings")
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split = split
        v.addWidget(split, 1)
        left = QWidget(split)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("The language check is starting\u2026", left)
        self.summary.setAccessibleName("Language check summary")
        lv.addWidget(self.summary)
        self.tree = QTreeWidget(left)
        lv.addWidget(self.tree, 1)
        self.tree.setAccessibleName("Findings list")
        self.tree.setHeaderLabels(["Severity", "Where", "Phrase", "Why"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemActivated.connect(lambda *_: self._go())

        # The details: the explanation scrolls if it is long; the fixes and the actions stay
        # below it, always in view.
        details = QWidget(split)
        details.setAccessibleName("Finding details")
        dv = QVBoxLayout(details)
        dv.setContentsMargins(0, 0, 0, 0)
        self.explanation = QScrollArea(details)
        self.explanation.setAccessibleName("Explanation of the finding")
        self.explanation.setWidgetResizable(True)
        self.explanation.setFrameShape(QFrame.Shape.NoFrame)
        text = QWidget()
        self.explanation.setWidget(text)
        d = QVBoxLayout(text)
        d.setContentsMargins(0, 0, 0, 0)
        d.setSpacing(2)
        self.phrase = QLabel(text)
        self.phrase.setWordWrap(True)
        self.phrase.setTextFormat(Qt.TextFormat.PlainText)
        font = self.phrase.font()
        font.setBold(True)
        self.phrase.setFont(font)
        self.why = QLabel(text)
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source = QLabel(text)
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.phrase, self.why, self.source):
            d.addWidget(w)
        d.addStretch(1)
        dv.addWidget(self.explanation, 1)
        # the fixes (one click applies one) and the actions, wrapped onto as few rows as fit
        self.suggestion_holder, self.suggestion_box = flow_container(details)
        dv.addWidget(self.suggestion_holder)
        self.suggestion_buttons: list[QPushButton] = []
        self.go_button = QPushButton("Go to phrase", details)
        self.ignore_button = QPushButton("Ignore here", details)
        self.ignore_button.setToolTip("Add this phrase to this project's allow-list")
        self.allow_button = QPushButton("Allow for the organization\u2026", details)
        self.allow_button.setToolTip("Add this phrase to the organization's allow-list "
                                     "(Preferences)")
        self.action_buttons = (self.go_button, self.ignore_button, self.allow_button)
        for b in self.action_buttons:
            b.setAccessibleName(b.text().replace("&", "").replace("\u2026", ""))
            self.suggestion_box.addWidget(b)
        self.go_button.clicked.connect(self._go)
        self.ignore_button.clicked.connect(lambda: self._emit(self.ignoreHere))
        self.allow_button.clicked.connect(lambda: self._emit(self.allowOrganisation))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self._sized = False
        self._show_current()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._sized and self.split.width() > 100:
            self._sized = True  # the list and the explanation share the width; then the user's
            half = self.split.width() // 2
            self.split.setSizes([half - half // 6, half + half // 6])

    # ---- content -------------------------------------------------------------------------
    def set_results(self, results: CheckResults) -> None:
        current = self.current()
        keep = current.key if current else None
        self.refs = [FindingRef(e.path, e.text, f) for e, f in results.findings()]
        self.tree.clear()
        select = None
        for ref in self.refs:
            f = ref.finding
            item = QTreeWidgetItem([SEVERITY_WORD.get(f.severity, f.severity),
                                    self.label_for(ref.path), " ".join(f.text.split()),
                                    f.message])
            item.setIcon(0, icon(f.severity))
            item.setToolTip(3, f.message)
            item.setData(0, Qt.ItemDataRole.UserRole, ref)
            self.tree.addTopLevelItem(item)
            if ref.key == keep:
                select = item
        if select is not None:
            self.tree.setCurrentItem(select)
        counts = results.counts()
        parts = [counted(s, counts[s]) for s in Severity.descending()]
        text = "Language check: " + ", ".join(parts) + "."
        if results.suppressed:
            text += f" {results.suppressed} allowed by policy."
        self.summary.setText(text)
        self._show_current()

    def current(self) -> FindingRef | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        ref = item.data(0, Qt.ItemDataRole.UserRole)
        return ref if isinstance(ref, FindingRef) else None

    def select_ref(self, ref: FindingRef) -> None:
        """Select the finding a field's menu asked about (the same rule at the same place)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            other = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
            if item is not None and isinstance(other, FindingRef) and other.key == ref.key:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def select_index(self, index: int) -> None:
        item = self.tree.topLevelItem(index)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _show_current(self) -> None:
        ref = self.current()
        for b in self.suggestion_buttons:
            self.suggestion_box.removeWidget(b)
            discard(b)
        self.suggestion_buttons = []
        enabled = ref is not None
        for b in (self.go_button, self.ignore_button, self.allow_button):
            b.setEnabled(enabled)
        self.explanation.verticalScrollBar().setValue(0)  # each finding is read from its start
        if ref is None:
            self.phrase.setText("Select a finding to see why it was flagged and how to "
                                "fix it." if self.refs else "No findings.")
            self.why.clear()
            self.source.clear()
            return
        f = ref.finding
        self.phrase.setText(f"{SEVERITY_WORD.get(f.severity, f.severity)}: "
                            f"\u201c{' '.join(f.text.split())}\u201d in "
                            f"{self.label_for(ref.path)}")
        self.why.setText(f.message)
        self.source.setText(f"Source: {f.source}" if f.source else "")
        for i, s in enumerate(f.suggestions):
            b = QPushButton(f"Use \u201c{s}\u201d", self.suggestion_holder)
            b.setAccessibleName(f"Use suggestion: {s}")
            b.setToolTip("Replace the phrase with this wording (one click; Undo takes it back)")
            b.clicked.connect(lambda _c=False, i=i, r=ref: self.applySuggestion.emit(r, i))
            self.suggestion_box.insertWidget(i, b)
            self.suggestion_buttons.append(b)
            b.show()
        self.suggestion_box.invalidate()
        self.explanation.verticalScrollBar().setValue(0)
        apply_reading_order(self.suggestion_holder)  # the fixes, then the actions

    def _go(self) -> None:
        ref = self.current()
        if ref is not None:
            self.goTo.emit(ref)

    def _emit(self, signal: SignalInstance) -> None:
        ref = self.current()
        if ref is not None:
            signal.emit(ref)
