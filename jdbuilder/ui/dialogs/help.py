"""Help: About and a short guide."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from jdbuilder import __version__

ABOUT_HTML = f"""
<h3>jdbuilder {__version__}</h3>
<p>Job descriptions, job ads and interview kits for peer-support roles: Peer Specialists,
Recovery Coaches, Peer Mentors and their kin.</p>
<p>The language check and the interview question check explain each finding with its sources.
They support good judgement; they are not legal advice.</p>
"""

GUIDE_HTML = """
<h2>A short guide</h2>
<h3>1. Start</h3>
<p>Choose a role template on the start page, or start from a blank job description, or open a
project (<b>File &gt; Open</b>). A project is one <i>.jdb</i> file.</p>
<h3>2. Build the job description</h3>
<p>The <b>Job description</b> tab follows the handbook's sections. Type in any field. In a list
(duties, qualifications ...) press <b>Enter</b> to add the next item, <b>Backspace</b> in an empty
item to remove it, and <b>Alt+Shift+Up/Down</b> to move it (or drag the handle at its left).
The structure check's notes appear at the top of the section they concern.</p>
<h3>3. Use the library</h3>
<p>Search the library on the right as you type and filter by role, kind, setting and population.
Insert a statement with a double-click, <b>Enter</b> or the <b>Insert</b> button, or drag it onto a
section. <b>Add to my library</b> keeps your own statements for next time.</p>
<h3>4. Check the language</h3>
<p>Words the language check flags are underlined as you type, with an icon and count beside the
field. The <b>Findings</b> panel explains why, names the source and offers respectful wording: one
click applies it. <b>Ignore here</b> allows a phrase in this project; <b>Allow for the
organization</b> adds it to the organization's allow-list. The status bar counts errors,
warnings and notes.</p>
<h3>5. Job ad, interview kit and scoring</h3>
<p>The <b>Job ad</b> tab is generated from the job description and stays editable. In the
<b>Interview kit</b> tab, pick questions from the bank or write your own: each gets a verdict
(OK, Caution, Not allowed) with the reason and a compliant rewrite. Add interviewers and
candidates (by ID; names stay in the separate name key) and check the coverage of
responsibility areas. The <b>Scoring</b> tab collects scores from 1 to 5, shows spreads, the
agreed scores and the ranked summary.</p>
<h3>6. Save, export and print</h3>
<p><b>File &gt; Save</b> writes the project safely (the previous version is kept as
<i>.jdb.bak</i>); unsaved work is also autosaved for recovery. <b>File &gt; Export</b> writes Word
and PDF documents; <b>File &gt; Print Preview</b> and <b>Print</b> print any document.</p>
"""


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("jdbuilder guide")
        v = QVBoxLayout(self)
        browser = QTextBrowser(self)
        browser.setAccessibleName("Guide")
        browser.setHtml(GUIDE_HTML)
        v.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        fm = self.fontMetrics()
        self.resize(fm.averageCharWidth() * 90, fm.height() * 36)
