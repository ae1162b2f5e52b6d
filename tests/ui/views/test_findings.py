"""The live language check: off the UI thread, highlighted in place with a marker, listed in
the findings panel with why, source and suggestions; one-click fixes, ignore here, allow for
the organisation, and counts in the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jdbuilder.settings import load_settings
from jdbuilder.ui.widgets.fields import FieldMarker
from tests.ui.helpers import CHECK_TIMEOUT, underline_pixels, wait_checked

TITLE = ("jd", "title")


def type_title(w: Any, qtbot: Any, text: str) -> Any:
    field = w.jd_editor.fields[TITLE]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    return field


def wait_for_findings(qtbot: Any, field: Any, n: int = 1) -> None:
    qtbot.waitUntil(lambda: len(field.findings) >= n, timeout=CHECK_TIMEOUT)


def test_typing_a_flagged_word_underlines_it_with_a_marker(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    field = type_title(w, qtbot, "Addict Outreach Worker")
    assert w.checker.timer.isActive() or not w.checker.idle  # debounced, not checked inline
    wait_for_findings(qtbot, field)
    (f,) = field.findings
    assert (f.rule, f.start, f.end, f.severity) == ("addict", 0, 6, "warning")
    # underline in place: the span covers exactly the word, and a bold wavy line is
    # painted under it (and nowhere else)
    (span,) = field.underlines.spans
    assert (span.start, span.end, span.severity) == (0, 6, "warning")
    inside, outside = underline_pixels(field, "warning")
    assert inside >= 20 and outside == 0
    # ... and a marker beside the field: an icon and a count, not color alone
    marker = field.parentWidget().findChild(FieldMarker)
    assert marker.count == 1 and marker.count_label.text() == "1"
    assert not marker.icon_label.pixmap().isNull()
    assert "addict" in marker.accessibleName().lower()


def test_findings_panel_lists_phrase_why_source_and_suggestions(jd_window: Any,
                                                                qtbot: Any) -> None:
    w = jd_window
    field = type_title(w, qtbot, "Addict Outreach Worker")
    wait_for_findings(qtbot, field)
    panel = w.findings_panel
    # the ad's title follows the job title, so the same words are flagged there too
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=CHECK_TIMEOUT)
    item = panel.tree.topLevelItem(0)
    assert [item.text(i) for i in range(3)] == ["Warning", "Job title", "Addict"]
    ad_item = panel.tree.topLevelItem(1)
    assert [ad_item.text(i) for i in range(3)] == ["Warning", "Ad: Title", "Addict"]
    assert item.text(3) == field.findings[0].message
    panel.tree.setCurrentItem(item)
    assert "Addict" in panel.phrase.text() and "Job title" in panel.phrase.text()
    assert panel.why.text() == field.findings[0].message
    assert panel.source.text().startswith("Source: NIDA")
    labels = [b.text() for b in panel.suggestion_buttons]
    assert labels[0] == "Use \u201cperson with a substance use disorder\u201d"
    # counts per severity in the status bar
    assert w.count_labels["warning"][1].text() == "2 warnings"
    assert w.count_labels["error"][1].text() == "0 errors"
    assert panel.summary.text() == "Language check: 0 errors, 2 warnings, 0 notes."


def test_one_click_applies_a_suggestion(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    field = type_title(w, qtbot, "Addict Outreach Worker")
    wait_for_findings(qtbot, field)
    panel = w.findings_panel
    # the job title and the ad's title, which follows it
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=CHECK_TIMEOUT)
    panel.select_index(0)
    qtbot.mouseClick(panel.suggestion_buttons[0], Qt.MouseButton.LeftButton)
    assert w.doc.jd.title == "Person with a substance use disorder Outreach Worker"
    assert field.text() == w.doc.jd.title
    qtbot.waitUntil(lambda: not field.findings and panel.tree.topLevelItemCount() == 0,
                    timeout=CHECK_TIMEOUT)
    assert w.count_labels["warning"][1].text() == "0 warnings"
    w.act_undo.trigger()  # the fix is one undo step
    assert w.doc.jd.title == "Addict Outreach Worker"


def test_a_suggestion_still_applies_after_more_typing(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    field = type_title(w, qtbot, "Addict Outreach Worker")
    wait_for_findings(qtbot, field)
    qtbot.waitUntil(lambda: w.findings_panel.refs != [], timeout=CHECK_TIMEOUT)
    ref = w.findings_panel.refs[0]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClicks(field, "Senior ")  # the finding's offsets are now stale
    w.finding_actions.apply_suggestion(ref, 1)
    assert w.doc.jd.title == "Senior Person who uses drugs Outreach Worker"


def test_go_to_phrase_selects_it_in_its_field(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(("jd", "areas", 1, "duties", 0), "Helps the mentally ill find housing.")
    qtbot.waitUntil(lambda: any(r.path == ("jd", "areas", 1, "duties", 0)
                                for r in w.findings_panel.refs), timeout=CHECK_TIMEOUT)
    index = next(i for i, r in enumerate(w.findings_panel.refs)
                 if r.path == ("jd", "areas", 1, "duties", 0))
    w.findings_panel.select_index(index)
    qtbot.keyClick(w.findings_panel.tree, Qt.Key.Key_Return)
    field = w.jd_editor.fields[("jd", "areas", 1, "duties", 0)]
    assert field.hasFocus()
    assert field.textCursor().selectedText() == "the mentally ill"


def test_ignore_here_adds_the_phrase_to_the_project_policy(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    field = type_title(w, qtbot, "Addict Outreach Worker")
    wait_for_findings(qtbot, field)
    qtbot.waitUntil(lambda: w.findings_panel.refs != [], timeout=CHECK_TIMEOUT)
    w.findings_panel.select_index(0)
    qtbot.mouseClick(w.findings_panel.ignore_button, Qt.MouseButton.LeftButton)
    assert w.doc.policy["allow_phrases"] == ["Addict"]
    assert w.doc.to_project().policy == {"allow_phrases": ["Addict"]}
    qtbot.waitUntil(lambda: not field.findings, timeout=CHECK_TIMEOUT)
    wait_checked(qtbot, w)
    assert "2 allowed by policy" in w.findings_panel.summary.text()  # the ad's title too
    w.act_undo.trigger()
    assert "allow_phrases" not in w.doc.policy
    wait_for_findings(qtbot, field)


def test_allow_for_the_organisation_saves_the_setting(jd_window: Any, qtbot: Any,
                                                      dialogs: Any) -> None:
    w = jd_window
    field = type_title(w, qtbot, "Addict Outreach Worker")
    wait_for_findings(qtbot, field)
    qtbot.waitUntil(lambda: w.findings_panel.refs != [], timeout=CHECK_TIMEOUT)
    w.findings_panel.select_index(0)
    dialogs.answers["confirm"] = False
    qtbot.mouseClick(w.findings_panel.allow_button, Qt.MouseButton.LeftButton)
    assert load_settings()[0].allow_phrases == []
    dialogs.answers["confirm"] = True
    qtbot.mouseClick(w.findings_panel.allow_button, Qt.MouseButton.LeftButton)
    assert load_settings()[0].allow_phrases == ["Addict"]
    qtbot.waitUntil(lambda: not field.findings, timeout=CHECK_TIMEOUT)
    assert not w.doc.policy  # the project itself is unchanged


def test_checks_run_off_the_ui_thread_and_only_the_latest_counts(jd_window: Any,
                                                                 qtbot: Any) -> None:
    w = jd_window
    assert w.checker.last.worker_thread not in ("", "MainThread")
    assert w.checker.pool is not None and w.checker.pool.maxThreadCount() == 1
    field = type_title(w, qtbot, "Addict")
    for word in (" and", " lunatic", " worker"):
        qtbot.keyClicks(field, word)
    wait_checked(qtbot, w)
    assert [f.text for f in field.findings] == ["Addict", "lunatic"]
    assert field.text() == "Addict and lunatic worker"
    assert w.count_labels["error"][1].text() == "2 errors"  # the ad's title follows


def test_ad_text_is_checked_live_too(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.tabs.setCurrentWidget(w.ad_tab)
    field = w.ad_tab.fields[("ad", "summary")]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, " You will work with schizophrenics.")
    wait_for_findings(qtbot, field)
    assert any(f.text.lower() == "schizophrenics" for f in field.findings)
    qtbot.waitUntil(lambda: any(r.path == ("ad", "summary")
                                for r in w.findings_panel.refs), timeout=CHECK_TIMEOUT)
    ref = next(r for r in w.findings_panel.refs if r.path == ("ad", "summary"))
    w.tabs.setCurrentWidget(w.jd_editor)
    w.finding_actions.go_to_finding(ref)
    assert w.tabs.currentWidget() is w.ad_tab and field.hasFocus()


def _visible_in(widget: Any, area: Any) -> bool:
    """The widget is shown whole inside `area` (no part cut off or scrolled away)."""
    top_left = widget.mapTo(area, widget.rect().topLeft())
    bottom_right = widget.mapTo(area, widget.rect().bottomRight())
    return widget.isVisible() and area.rect().contains(top_left) and \
        area.rect().contains(bottom_right)


def test_the_details_and_their_buttons_show_without_scrolling_at_1366x768(
        jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.resize(1366, 768)
    w.doc.set_value(("jd", "function"), "Supports addicts and lunatics and the mentally ill.")
    panel = w.findings_panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() >= 3, timeout=CHECK_TIMEOUT)
    for i in range(panel.tree.topLevelItemCount()):
        panel.select_index(i)
        qtbot.wait(10)
        ref = panel.current()
        assert ref is not None
        # the explanation reads whole, without a scroll bar
        assert panel.explanation.verticalScrollBar().maximum() == 0, ref.finding.text
        for b in [*panel.suggestion_buttons, panel.go_button, panel.ignore_button,
                  panel.allow_button]:
            assert _visible_in(b, w.findings_dock), (ref.finding.text, b.text())
    assert [b.text() for b in panel.suggestion_buttons] == [
        f"Use \u201c{s}\u201d" for s in panel.current().finding.suggestions]


def test_each_finding_is_read_from_its_start(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(("jd", "function"), "Supports addicts and lunatics.")
    panel = w.findings_panel
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() >= 2, timeout=CHECK_TIMEOUT)
    w.findings_dock.resize(w.findings_dock.width(), 120)  # a short panel: the text scrolls
    panel.select_index(0)
    bar = panel.explanation.verticalScrollBar()
    bar.setValue(bar.maximum())
    panel.select_index(1)
    assert bar.value() == 0
