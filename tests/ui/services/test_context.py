"""The lexicon the window checks with: the organization's and the personal folders over the
shipped lexicons, compiled on the check's thread, again after Preferences are saved; skipped
entries said in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from jdbuilder.language.lexicon import builtin_lexicon
from tests.lexicon_layers import SENTENCE, org_library
from tests.ui.helpers import CHECK_TIMEOUT, wait_checked

DUTY = ("jd", "areas", 0, "duties", 0)


def _rules(w: Any) -> set[str]:
    return {ref.finding.rule for ref in w.findings_panel.refs}


def test_choosing_an_organization_library_brings_its_lexicon(jd_window: Any, dialogs: Any,
                                                             qtbot: Any, tmp_path: Path) -> None:
    w = jd_window
    assert w.ctx.lexicon() is builtin_lexicon()
    w.doc.set_value(DUTY, SENTENCE)
    wait_checked(qtbot, w)
    assert "org-service-user" not in _rules(w)
    folder = org_library(tmp_path, broken=True)
    dialogs.answers["choose_folder"] = str(folder)

    def choose(dialog: Any) -> int:
        dialog._browse_library()
        return QDialog.DialogCode.Accepted

    dialogs.answers["run"] = choose
    w.preferences()
    qtbot.waitUntil(lambda: "org-service-user" in _rules(w), timeout=CHECK_TIMEOUT)
    # the broken entry is named in the status bar, not in a dialog while typing
    assert any("org-broken" in p and "house.yaml" in p for p in w.lexicon_problems)
    assert "Lexicon entry skipped" in w.statusBar().currentMessage()
    # a fix applied after more typing finds the same words again with the same lexicon
    ref = next(r for r in w.findings_panel.refs if r.finding.rule == "org-service-user")
    w.doc.set_value(DUTY, "Then " + SENTENCE[0].lower() + SENTENCE[1:])
    w.finding_actions.apply_suggestion(ref, 0)
    assert w.doc.value(DUTY) == "Then calls each member weekly."


def test_the_lexicon_is_compiled_once_for_the_same_sources(window: Any,
                                                           tmp_path: Path) -> None:
    folder = org_library(tmp_path)
    ctx = window.ctx
    settings = ctx.settings()
    settings.organisation_library = str(folder)
    first = ctx.lexicon()
    assert first is ctx.lexicon()
    assert first is not builtin_lexicon()
    ctx.reload_lexicon()  # as after Preferences: the files may have changed
    assert ctx.lexicon() is not first
