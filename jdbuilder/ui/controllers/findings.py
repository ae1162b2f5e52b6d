"""Acting on a language finding: go to it, apply a suggestion, ignore it in this project, or
allow the phrase for the whole organization."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import QWidget

from jdbuilder.ui.controllers.workspace import Workspace
from jdbuilder.ui.editing.document import Document
from jdbuilder.ui.services.checker import CheckerService, FindingRef
from jdbuilder.ui.services.context import AppContext
from jdbuilder.ui.services.prompts import Dialogs, guarded


class FindingsController:
    def __init__(self, window: Workspace, doc: Document, ctx: AppContext, dialogs: Dialogs,
                 checker: CheckerService) -> None:
        self.window = window
        self.doc = doc
        self.ctx = ctx
        self._dialogs = dialogs
        self.checker = checker

    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs

    def dialog_parent(self) -> QWidget:
        return self.window.dialog_parent()

    def go_to_finding(self, ref: FindingRef) -> None:
        self.window.go_to(ref.path, ref.finding.start, ref.finding.end)

    def explain(self, ref: FindingRef) -> None:
        """Show the finding in the findings panel: why, its source and every fix."""
        self.window.show_finding(ref)

    @guarded
    def apply_suggestion(self, ref: FindingRef, index: int) -> None:
        from jdbuilder.language import apply_suggestion, check_report

        current = self.doc.value(ref.path)
        finding = ref.finding
        if current != ref.text:  # typed since the check: find the same words again
            fresh = check_report(current, self.ctx.policy(self.doc.policy),
                                 self.ctx.lexicon()).findings
            same = [f for f in fresh if f.rule == finding.rule and f.text == finding.text]
            if not same:
                self.window.show_status("That wording is no longer there.", 4000)
                return
            finding = min(same, key=lambda f: abs(f.start - finding.start))
        new = apply_suggestion(current, finding, index)
        self.doc.set_value(ref.path, new, "apply suggestion")
        self.checker.request(immediate=True)

    def ignore_here(self, ref: FindingRef) -> None:
        policy = copy.deepcopy(self.doc.policy)
        phrases = list(policy.get("allow_phrases") or [])
        phrase = " ".join(ref.finding.text.split())
        if phrase.lower() not in (p.lower() for p in phrases):
            phrases.append(phrase)
        policy["allow_phrases"] = phrases
        self.doc.set_value(("policy",), policy, "ignore phrase here", structural=True)
        self.window.show_status(f"\u201c{phrase}\u201d is allowed in this project.", 4000)

    @guarded
    def allow_for_organisation(self, ref: FindingRef) -> None:
        phrase = " ".join(ref.finding.text.split())
        if not self.dialogs.confirm(self.dialog_parent(), "Allow for the organization",
                                    f"Never flag \u201c{phrase}\u201d in any of the "
                                    "organization's documents? You can change this in "
                                    "Preferences."):
            return
        settings = copy.deepcopy(self.ctx.settings())
        if phrase.lower() not in (p.lower() for p in settings.allow_phrases):
            settings.allow_phrases.append(phrase)
        self.ctx.save_settings(settings)
        self.checker.request(immediate=True)
