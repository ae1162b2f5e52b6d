"""The reviewer copy: a DOCX with every language finding as a native Word comment.

`write_review(source, out)` reads a .docx, .txt/.md or .jdb, runs the language check on every
paragraph (table cells included) and, for questions, the interview question checker, and writes a
copy in which each finding is a Word comment anchored to exactly the flagged words. A "Review
summary" section with a table of all findings is appended at the end. The source is only read.

Anchoring: a comment range must start and end on run boundaries, so the paragraph's own runs
(direct `w:r` children of `w:p`) are split at each finding's start and end. A split copies the
run element and trims the copies, so the formatting (`w:rPr`) and any non-text content stay
exactly as they were. Runs inside hyperlinks, content controls, tracked insertions and fields are
never split: a finding that falls partly inside them is anchored to the smallest enclosing set of
whole runs instead.
"""

from __future__ import annotations

import copy
import io
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.styles import BabelFish
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from jdbuilder.atomic import atomic_write_bytes
from jdbuilder.errors import InputError
from jdbuilder.interview import QuestionVerdict, check_question
from jdbuilder.language import CheckReport, Finding, Policy, check_report
from jdbuilder.readers.text import TEXT_SUFFIXES, decode_text, read_bytes
from jdbuilder.vocab import Severity, Verdict

if TYPE_CHECKING:
    from jdbuilder.language.lexicon import Lexicon

AUTHOR = "jdbuilder language check"
INITIALS = "JD"
SEVERITIES: tuple[str, ...] = Severity.descending()
SUMMARY_HEADER = ("Phrase", "Severity", "Rule", "Why", "Suggestion")
QUESTION_HEADER = ("Question", "Verdict", "Why", "Compliant rewrite")
MAX_SUGGESTIONS = 3
MAX_PARAGRAPHS = 200_000
VERDICT_LABEL: dict[str, str] = {Verdict.NOT_ALLOWED: "not allowed before a job offer",
                                 Verdict.CAUTION: "caution"}

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_W_P = qn("w:p")
_W_R = qn("w:r")
_W_T = qn("w:t")
_W_RPR = qn("w:rPr")
_W_FLDCHAR = qn("w:fldChar")
_W_INSTR = qn("w:instrText")
_W_FLDCHAR_TYPE = qn("w:fldCharType")
_W_TXBX = qn("w:txbxContent")
# Run children with a text equivalent, exactly those python-docx counts in `Run.text`.
_TEXT_TAGS = frozenset(qn(f"w:{t}") for t in ("t", "tab", "br", "cr", "noBreakHyphen", "ptab"))
# Paragraph children whose runs are visible text but are never split (see module docstring).
_CONTAINERS = frozenset(qn(f"w:{t}") for t in (
    "hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "moveTo",
    "dir", "bdo"))


@dataclass(frozen=True)
class ReviewResult:
    """What `write_review` wrote: findings per severity, comments and question verdicts."""

    output: Path
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    comments: int = 0  # native Word comments added (language findings + question verdicts)
    question_verdicts: int = 0  # questions with a caution or not_allowed verdict (commented)
    questions_checked: int = 0
    suppressed: int = 0  # findings the policy suppressed (counted, not commented)

    @property
    def findings(self) -> int:
        return sum(self.counts.values())


@dataclass
class _Unit:
    """A run with visible text and where its text sits in the paragraph's text."""

    r: Any  # CT_R
    start: int
    end: int
    splittable: bool


@dataclass
class _Review:
    findings: list[Finding] = field(default_factory=list)
    questions: list[QuestionVerdict] = field(default_factory=list)
    questions_checked: int = 0
    suppressed: int = 0
    comments: int = 0
    lexicon: Lexicon | None = None  # None: the shipped lexicon


# -- reading the source --------------------------------------------------------------------------

def _read_text_file(path: Path) -> str:
    return decode_text(read_bytes(path), path).removeprefix("\ufeff")


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_BULLET = re.compile(r"^[-*+\u2022]\s+(.*)$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+(.*)$")
_SENTENCE_END = (".", "!", "?", ":", ";")
_MD_INLINE = re.compile(r"\*\*(?P<b1>[^*\n]+?)\*\*|__(?P<b2>[^_\n]+?)__|"
                        r"(?<![\w*])\*(?P<i1>[^*\s](?:[^*\n]*?[^*\s])?)\*(?![\w*])|"
                        r"(?<![\w_])_(?P<i2>[^_\s](?:[^_\n]*?[^_\s])?)_(?![\w_])|"
                        r"\[(?P<link>[^\]\n]+)\]\([^)\s]*\)|`(?P<code>[^`\n]+)`")


def text_blocks(text: str, *, markdown: bool) -> list[tuple[str, str]]:
    """Split plain text or Markdown into (Word style, text) paragraphs.

    A blank line, a heading, a list item, or a line ending a sentence ends a paragraph; a line
    that continues a wrapped sentence (the previous line has no end punctuation and this one
    starts in lower case) is joined to it.
    """
    blocks: list[tuple[str, str]] = []
    lines: list[str] = []
    style = "Normal"

    def flush() -> None:
        nonlocal lines, style
        if lines:
            blocks.append((style, " ".join(lines)))
        lines, style = [], "Normal"

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if markdown and _MD_RULE.match(line):
            flush()
            continue
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            level = len(heading.group(1))
            name = ("Title", "Heading 1", "Heading 2")[level - 1] if level <= 3 else "Heading 3"
            if heading.group(2).strip():
                blocks.append((name, heading.group(2).strip()))
            continue
        item = _BULLET.match(line) or _NUMBERED.match(line)
        if item:
            flush()
            style = "List Bullet" if item.re is _BULLET else "List Number"
            lines = [item.group(1).strip()]
            continue
        if lines and not lines[-1].endswith(_SENTENCE_END) and line[:1].islower():
            lines.append(line)
            continue
        flush()
        lines = [line]
    flush()
    return blocks


def _inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """Markdown emphasis as (text, bold, italic) runs; links keep their words only."""
    out: list[tuple[str, bool, bool]] = []
    pos = 0
    for m in _MD_INLINE.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False, False))
        kind = m.lastgroup or ""
        out.append((m.group(kind), kind.startswith("b"), kind.startswith("i")))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False, False))
    return out


def _document_from_text(path: Path) -> DocxDocument:
    markdown = path.suffix.lower() in (".md", ".markdown")
    doc = new_docx()
    for style, text in text_blocks(_read_text_file(path), markdown=markdown):
        par = doc.add_paragraph(style=style)
        pieces = _inline_runs(text) if markdown else [(text, False, False)]
        for piece, bold, italic in pieces:
            run = par.add_run(piece)
            if bold:
                run.bold = True
            if italic:
                run.italic = True
    return doc


def _document_from_project(path: Path, policy: Policy) -> tuple[DocxDocument, Policy]:
    from jdbuilder import project
    from jdbuilder.compose.jd import compose_job_description
    from jdbuilder.render.docx import DocxRenderer

    proj = project.load(path)
    if proj.policy:
        policy = policy.merged(proj.language_policy())
    tree = compose_job_description(proj.job_description)
    return DocxRenderer(tree).render(), policy


LETTER = (12240, 15840)  # twentieths of a point: 8.5 x 11 inches
MARGIN = 1440  # one inch


def _writable(doc: DocxDocument) -> DocxDocument:
    """A document python-docx can add a table to, whatever program wrote it: a body without
    section properties gets a Letter page with one-inch margins (tables need a page width)."""
    body = doc.element.body
    sect = body.get_or_add_sectPr()
    if sect.find(qn("w:pgSz")) is None or sect.find(qn("w:pgMar")) is None:
        section = doc.sections[-1]
        section.page_width = section.page_width or Twips(LETTER[0])
        section.page_height = section.page_height or Twips(LETTER[1])
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            if getattr(section, side) is None:
                setattr(section, side, Twips(MARGIN))
    return doc


def _load(source: Path, policy: Policy) -> tuple[DocxDocument, Policy]:
    suffix = source.suffix.lower()
    if suffix == ".docx":
        from jdbuilder.readers.docx import open_docx

        return _writable(open_docx(source)), policy
    if suffix == ".jdb":
        return _document_from_project(source, policy)
    if suffix in TEXT_SUFFIXES:
        return _document_from_text(source), policy
    raise InputError(source, f"cannot be reviewed: '{source.suffix or source.name}' is not a "
                             ".docx, .txt, .md or .jdb file")


# -- runs, offsets and splitting -----------------------------------------------------------------

def _run_text(r: Any) -> str:
    return "".join(str(c) for c in r if c.tag in _TEXT_TAGS)


def _nested_runs(el: Any) -> Iterator[Any]:
    for child in el:
        if child.tag == _W_R:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _nested_runs(child)


def paragraph_units(p: Any) -> list[_Unit]:
    """The paragraph's visible runs in order, with offsets into the paragraph's text.

    Deleted text (`w:del`) is not visible and is skipped; field instructions have no text; the
    runs of a complex field's result are visible but never split.
    """
    units: list[_Unit] = []
    pos = 0
    depth = 0
    for child in p:
        if child.tag == _W_R:
            in_field = depth > 0 or child.find(_W_INSTR) is not None
            for fc in child.iter(_W_FLDCHAR):
                kind = fc.get(_W_FLDCHAR_TYPE)
                in_field = True
                if kind == "begin":
                    depth += 1
                elif kind == "end":
                    depth = max(depth - 1, 0)
            n = len(_run_text(child))
            units.append(_Unit(child, pos, pos + n, not in_field))
            pos += n
        elif child.tag in _CONTAINERS:
            for r in _nested_runs(child):
                n = len(_run_text(r))
                units.append(_Unit(r, pos, pos + n, False))
                pos += n
    return units


def _set_t(t: Any, text: str) -> None:
    t.text = text
    t.set(_XML_SPACE, "preserve")


def _split_run(r: Any, k: int) -> Any:
    """Split a `w:r` element at offset `k` of its text; `r` keeps the part before, and the new
    run holding the rest (same formatting, a deep copy) is inserted right after it."""
    right = copy.deepcopy(r)
    pos = 0
    for a, b in zip(list(r), list(right), strict=True):
        if a.tag == _W_RPR:
            continue
        n = len(str(a)) if a.tag in _TEXT_TAGS else 0
        if pos >= k:
            r.remove(a)
        elif pos + n <= k:
            right.remove(b)
        else:  # only a w:t can straddle the cut
            s = a.text or ""
            _set_t(a, s[: k - pos])
            _set_t(b, s[k - pos:])
        pos += n
    r.addnext(right)
    return right


def split_units(units: list[_Unit], cuts: Sequence[int]) -> list[_Unit]:
    """Split the splittable runs at every cut offset; returns the new list of units."""
    if not cuts:
        return units
    points = sorted(set(cuts))
    out: list[_Unit] = []
    for u in units:
        inner = [c for c in points if u.start < c < u.end] if u.splittable else []
        if not inner:
            out.append(u)
            continue
        current, start = u.r, u.start
        for c in inner:
            right = _split_run(current, c - start)
            out.append(_Unit(current, start, c, True))
            current, start = right, c
        out.append(_Unit(current, start, u.end, True))
    return out


def _anchor(units: list[_Unit], start: int, end: int) -> list[Any]:
    """The smallest run of whole units covering [start, end)."""
    return [u.r for u in units if u.end > u.start and u.start < end and u.end > start]


# -- comments ------------------------------------------------------------------------------------

def _suggestion_text(f: Finding) -> str:
    return " or ".join(f.suggestions[:MAX_SUGGESTIONS])


def finding_comment(f: Finding) -> str:
    why = f.message.strip()
    sugg = _suggestion_text(f)
    body = f"{why} Suggestion: {sugg}." if sugg else why
    return f"{body}\nRule: {f.rule} ({f.severity})"


def question_comment(v: QuestionVerdict) -> str:
    label = VERDICT_LABEL.get(v.verdict, v.verdict)
    parts = [f"Interview question, {label}: {v.reason.strip()}"]
    if v.rewrite:
        parts.append(f"Compliant rewrite: {v.rewrite}")
    if v.note:
        parts.append(v.note.strip())
    return " ".join(parts) + f"\nRule: {v.category} ({v.verdict})"


def _is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'\u201d\u2019)]").endswith("?")


def _review_paragraph(doc: DocxDocument, p: Any, policy: Policy, review: _Review) -> None:
    units = paragraph_units(p)
    text = "".join(_run_text(u.r) for u in units)
    if not text.strip():
        return
    report: CheckReport = check_report(text, policy, review.lexicon)
    review.suppressed += len(report.suppressed)
    verdict: QuestionVerdict | None = None
    q_start = q_end = 0
    if _is_question(text):
        review.questions_checked += 1
        stripped = text.strip()
        v = check_question(stripped)
        if v.verdict in VERDICT_LABEL:
            verdict = v
            q_start = len(text) - len(text.lstrip())
            q_end = q_start + len(stripped)
    if not report.findings and verdict is None:
        return
    cuts = [x for f in report.findings for x in (f.start, f.end)]
    if verdict is not None:
        cuts += [q_start, q_end]
    units = split_units(units, cuts)
    par = DocxParagraph(p, doc)
    for f in report.findings:
        review.findings.append(f)
        runs = _anchor(units, f.start, f.end)
        if runs:
            doc.add_comment([DocxRun(r, par) for r in runs], text=finding_comment(f),
                            author=AUTHOR, initials=INITIALS)
            review.comments += 1
    if verdict is not None:
        review.questions.append(verdict)
        runs = _anchor(units, q_start, q_end)
        if runs:
            doc.add_comment([DocxRun(r, par) for r in runs], text=question_comment(verdict),
                            author=AUTHOR, initials=INITIALS)
            review.comments += 1


def _body_paragraphs(doc: DocxDocument, source: Path) -> list[Any]:
    """Body and table-cell paragraphs in document order (not text boxes: Word allows no
    comments there)."""
    out: list[Any] = []
    for p in doc.element.body.iter(_W_P):
        if any(a.tag == _W_TXBX for a in p.iterancestors()):
            continue
        out.append(p)
        if len(out) > MAX_PARAGRAPHS:
            raise InputError(source, f"has more than {MAX_PARAGRAPHS} paragraphs; refused")
    return out


# -- the summary ---------------------------------------------------------------------------------

@cache
def _template_styles() -> Any:
    return new_docx().styles.element


def _ensure_style(doc: DocxDocument, name: str) -> None:
    """Copy a built-in style (and the styles it names) from python-docx's default template when
    the document lacks it; Word files usually carry only the styles they use."""
    if name in doc.styles:
        return
    template = _template_styles()
    styles = doc.styles.element
    el = template.get_by_name(BabelFish.ui2internal(name))
    pending = [el] if el is not None else []
    while pending:
        style = pending.pop()
        if styles.get_by_id(style.get(qn("w:styleId"))) is not None:
            continue
        styles.append(copy.deepcopy(style))
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(tag))
            dep = template.get_by_id(ref.get(qn("w:val"))) if ref is not None else None
            if dep is not None:
                pending.append(dep)


def _repeat_header(table: DocxTable) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        el = tr_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
        tr_pr.append(el)


def _style(doc: DocxDocument, name: str) -> str | None:
    """`name` if the document has (or was given) that style, else None (the default style)."""
    _ensure_style(doc, name)
    return name if name in doc.styles else None


def _table(doc: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = _style(doc, "Table Grid")
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    _repeat_header(table)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value


def _add_summary(doc: DocxDocument, review: _Review, counts: dict[str, int]) -> None:
    heading = doc.add_paragraph("Review summary", style=_style(doc, "Heading 1"))
    heading.paragraph_format.page_break_before = True
    total = sum(counts.values())
    by_severity = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES)
    doc.add_paragraph(f"Language check: {total} finding(s) ({by_severity}); "
                      f"{review.suppressed} finding(s) suppressed by policy.")
    doc.add_paragraph(f"Interview questions: {len(review.questions)} of "
                      f"{review.questions_checked} question(s) flagged.")
    doc.add_paragraph(f"Comments added: {review.comments}, by \"{AUTHOR}\".")
    _table(doc, SUMMARY_HEADER,
           [(f.text, f.severity, f.rule, f.message, _suggestion_text(f))
            for f in review.findings])
    if review.questions:
        doc.add_paragraph("Interview questions", style=_style(doc, "Heading 2"))
        _table(doc, QUESTION_HEADER,
               [(v.text, VERDICT_LABEL.get(v.verdict, v.verdict), v.reason, v.rewrite or "")
                for v in review.questions])


# -- the entry point -----------------------------------------------------------------------------

def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def write_review(source: Path, out: Path, *, policy: Policy | None = None,
                 lexicon: Lexicon | None = None) -> ReviewResult:
    """Write a reviewer copy of `source` (.docx, .txt, .md or .jdb) to the DOCX `out`, checked
    with `lexicon` (the organization's and the user's terms over the shipped ones; None: the
    shipped lexicon only).

    Every language finding becomes a Word comment on exactly the flagged words; every question
    the interview checker marks caution or not allowed gets a comment with the reason and a
    compliant rewrite. `source` is never modified; `out` is written atomically. Raises
    `InputError` for unreadable or unsupported input, or when `out` would overwrite `source`.
    """
    source, out = Path(source), Path(out)
    if _same_file(source, out):
        raise InputError(out, "is the file being reviewed; choose another output file")
    if out.suffix.lower() != ".docx":
        raise InputError(out, "the reviewer copy must be a .docx file")
    if not source.exists():
        raise InputError(source, "file not found")
    doc, pol = _load(source, policy or Policy())
    review = _Review(lexicon=lexicon)
    for p in _body_paragraphs(doc, source):
        _review_paragraph(doc, p, pol, review)
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in review.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    _add_summary(doc, review, counts)
    buffer = io.BytesIO()  # in memory first: a full disk fails in one plain write
    doc.save(buffer)
    try:
        atomic_write_bytes(out, buffer.getvalue())
    except OSError as exc:
        raise InputError(out, f"cannot be written ({exc.strerror or exc})") from None
    return ReviewResult(output=out, counts=counts, comments=review.comments,
                        question_verdicts=len(review.questions),
                        questions_checked=review.questions_checked,
                        suppressed=review.suppressed)
