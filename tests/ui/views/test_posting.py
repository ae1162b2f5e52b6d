"""The Pay and posting section of the editor, and an ad that follows its description."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate

from jdbuilder.model.posting import PayPeriod
from jdbuilder.settings import load_settings, save_settings


def test_pay_location_and_closing_date_are_undoable_edits(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    posting = w.jd_editor.posting
    posting.pay_min.setValue(21.5)
    posting.pay_min.editingFinished.emit()
    posting.pay_max.setValue(25.0)
    posting.pay_max.editingFinished.emit()
    assert w.doc.jd.pay.display() == "$21.50-$25.00 per hour"
    posting.pay_per.setCurrentIndex(posting.pay_per.findData(PayPeriod.YEAR.value))
    assert w.doc.jd.pay.per is PayPeriod.YEAR
    w.act_undo.trigger()
    assert w.doc.jd.pay.per is PayPeriod.HOUR and posting.pay_per.currentData() == "hour"

    posting.place.setText("Springfield, MA")
    posting.place.editingFinished.emit()
    posting.arrangement.setCurrentIndex(posting.arrangement.findData("hybrid"))
    assert w.doc.jd.location.display() == "Springfield, MA; hybrid"

    posting.has_closing.setChecked(True)
    posting.closing.setDate(QDate(2027, 1, 15))
    assert w.doc.jd.closing_date == dt.date(2027, 1, 15)
    posting.has_closing.setChecked(False)
    assert w.doc.jd.closing_date is None and not posting.closing.isEnabled()


def test_a_minimum_above_the_maximum_is_explained_not_saved(jd_window: Any) -> None:
    posting = jd_window.jd_editor.posting
    posting.pay_max.setValue(20.0)
    posting.pay_max.editingFinished.emit()
    posting.pay_min.setValue(30.0)
    posting.pay_min.editingFinished.emit()
    assert jd_window.doc.jd.pay.max == 20.0 and jd_window.doc.jd.pay.min is None
    assert posting.pay_note.messages and "above the maximum" in posting.pay_note.messages[0]


def test_the_ad_follows_the_description_until_edited(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    w.doc.set_value(("jd", "title"), "Recovery Support Specialist")
    assert w.doc.ad.title == "Recovery Support Specialist"
    assert w.ad_tab.fields[("ad", "title")].text() == "Recovery Support Specialist"
    w.act_undo.trigger()
    assert w.doc.ad.title == w.doc.jd.title  # undoing the edit brings the ad back too

    w.doc.set_value(("ad", "summary"), "Our own summary of the job.")
    note = w.ad_tab.stale_notes["summary"]
    assert note.isHidden()
    w.doc.set_value(("jd", "function"), "The Peer Specialist walks alongside adults in "
                                        "recovery.")
    assert w.doc.ad.summary == "Our own summary of the job."  # an edit is never lost
    assert w.doc.ad_stale == ("summary",)
    note = w.ad_tab.stale_notes["summary"]
    assert not note.isHidden()
    note.keep_button.click()
    assert w.doc.ad_stale == () and w.doc.ad.summary == "Our own summary of the job."
    w.doc.set_value(("jd", "function"), "The Peer Specialist builds hope with adults.")
    w.ad_tab.stale_notes["summary"].use_button.click()
    assert w.doc.ad.summary.startswith("You will build hope with adults")
    assert w.doc.ad_stale == ()


def test_the_ad_shows_the_organisations_boilerplate(jd_window: Any, qtbot: Any) -> None:
    w = jd_window
    settings, _ = load_settings()
    settings.eeo_statement = "Harbor Peer Network hires without regard to any protected trait."
    settings.accommodation_contact = "Dana Ruiz (hr@harbor.example)"
    save_settings(settings)
    w.ctx.forget_settings()
    w.ctx.save_settings(settings)
    assert w.doc.ad.equal_opportunity == settings.eeo_statement
    assert "Dana Ruiz (hr@harbor.example)" in w.ad_tab.boilerplate["accommodation"].text()
    assert ("ad", "equal_opportunity") not in w.ad_tab.fields  # locked: not editable here
    notes = " ".join(w.ad_tab.posting_notes.messages)
    assert "No pay range" in notes and "No way to apply" in notes
