"""The report for print: the same summary, charts (each with its table) and per-document
sections as the page, as a document tree rendered by `jdbuilder.render.charts`.

A printed document section lists at most `PRINT_FINDINGS` findings in context and says how many
more the page and the JSON hold, so one document with thousands of findings cannot turn the
print into a book.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jdbuilder.doctree import BulletList, Document, Heading, Node, Paragraph, Run, Table, Title
from jdbuilder.doctree import plain as _plain
from jdbuilder.render.charts import BarChart, write_pdf_with_charts
from jdbuilder.report.analyze import KIND_DOCUMENT
from jdbuilder.report.figures import Figure, figures
from jdbuilder.report.portfolio import Portfolio, plural, summary_dict, when
from jdbuilder.report.wording import (
    SEVERITY_MARK,
    SEVERITY_WORD,
    comparison_sentence,
    facts_sentence,
    severity_counts,
    since_sentence,
)

PRINT_FINDINGS = 40


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(_plain(text), style)


def _figure(fig: Figure, body: list[Node], charts: dict[int, BarChart]) -> None:
    if fig.chart.labels:
        charts[len(body)] = fig.chart
    body.append(Heading(fig.heading, 1))
    if not fig.chart.labels:
        body.append(_p(fig.empty))
    else:
        body.append(_p(fig.chart.description, "note"))
        body.append(Table(fig.header, tuple(tuple(c.text for c in row) for row in fig.rows),
                          fig.widths))
    if fig.note:
        body.append(_p(fig.note, "note"))


def _summary(p: Portfolio, titles: dict[str, str], body: list[Node]) -> None:
    s = summary_dict(p)
    body.append(Heading("Summary", 1))
    body.append(BulletList(tuple(_plain(t) for t in (
        f"Documents read: {s['documents']:,}",
        f"Findings: {s['findings']:,} ({severity_counts(s['by_severity'])})",
        f"Documents with no findings: {s['documents_without_findings']:,}",
        f"Files that could not be read: {s['unreadable']:,}",
        f"Words checked: {s['words']:,}",
        f"Findings allowed by the organization's policy: {s['suppressed']:,}"))))
    body.append(_p("Findings by category and severity: see the first chart's table.", "note"))


def _comparison(c: dict[str, Any], body: list[Node]) -> None:
    docs, phrases = c["documents"], c["phrases"]
    body.append(Heading("Changes since the earlier report", 1))
    body.append(_p(comparison_sentence(c)))
    for title, items in (("What improved", docs["improved"]), ("What got worse", docs["worse"])):
        if items:
            body.append(Heading(title, 2))
            body.append(Table(("Document", "Findings then", "Findings now"),
                              tuple((d["name"], f"{d['before']:,}", f"{d['after']:,}")
                                    for d in items), (3, 1, 1)))
    for title, items in (("New documents", docs["new"]),
                         ("Documents no longer there", docs["gone"])):
        if items:
            body.append(Heading(title, 2))
            body.append(BulletList(tuple(_plain(k) for k in items)))
    for title, key in (("Phrases no longer found", "resolved"),
                       ("Phrases found less often", "fewer"), ("New phrases", "new"),
                       ("Phrases found more often", "more")):
        items = phrases[key]
        if not items:
            continue
        body.append(Heading(title, 2))
        if "count" in items[0]:
            body.append(Table(("Phrase", "Times"),
                              tuple((x["phrase"], f"{x['count']:,}") for x in items)))
        else:
            body.append(Table(("Phrase", "Times then", "Times now"),
                              tuple((x["phrase"], f"{x['before']:,}", f"{x['after']:,}")
                                    for x in items)))


def _finding(f: dict[str, Any], titles: dict[str, str]) -> Paragraph:
    sev = f["severity"]
    a, b = f["mark"]
    s = f["sentence"]
    where = f"line {f['line']}" + (f", {f['section']}" if f["section"] else "")
    tip = f" Try: {'; '.join(f['suggestions'])}." if f["suggestions"] else ""
    return Paragraph((
        Run(f"{SEVERITY_MARK[sev]} {SEVERITY_WORD[sev]}", bold=True),
        Run(f" \u00b7 {titles.get(f['category'], f['category'])} \u00b7 {where}: "),
        Run(f"\u201c{s[:a]}"), Run(s[a:b], bold=True, italic=True), Run(f"{s[b:]}\u201d "),
        Run(f"{f['message']}{tip}"),
    ))


def _document(entry: dict[str, Any], titles: dict[str, str], body: list[Node]) -> None:
    body.append(Heading(entry["name"], 2))
    body.append(_p(f"{entry['path']} \u00b7 {facts_sentence(entry)}"))
    since = since_sentence(entry.get("since"))
    if since:
        body.append(_p(since))
    st = entry["structure"]
    if entry["kind"] == KIND_DOCUMENT:
        body.append(_p("Structure check: not run; not recognized as a job description.",
                       "note"))
    elif not st["findings"]:
        body.append(_p("Structure check: nothing the handbook asks for is missing."))
    else:
        body.append(_p("Structure check:"))
        body.append(BulletList(tuple(
            (Run(f"{SEVERITY_MARK[x['severity']]} {SEVERITY_WORD[x['severity']]}: ", bold=True),
             Run(x["message"])) for x in st["findings"])))
    shown = entry["findings"][:PRINT_FINDINGS]
    body += [_finding(f, titles) for f in shown]
    if len(entry["findings"]) > len(shown):
        body.append(_p(f"\u2026 and {len(entry['findings']) - len(shown):,} more finding(s); "
                       "the HTML page and the JSON list every one.", "note"))


def report_document(p: Portfolio, titles: dict[str, str],
                    title: str = "Portfolio report") -> tuple[Document, dict[int, BarChart]]:
    heading = f"{title}: {p.organization}" if p.organization else title
    body: list[Node] = [Title(heading),
                        _p(f"{plural(len(p.rows), 'document')} read from {', '.join(p.inputs)} "
                           f"on {when(p.generated)}.", "note")]
    charts: dict[int, BarChart] = {}
    _summary(p, titles, body)
    for fig in figures(p, titles):
        _figure(fig, body, charts)
    if p.comparison:
        _comparison(p.comparison, body)
    if p.unreadable:
        body.append(Heading("Files that could not be read", 1))
        # a list, not a table: a long path wraps inside a paragraph, never widens a column
        body.append(BulletList(tuple((Run(path, bold=True), Run(f": {reason}"))
                                     for path, reason in p.unreadable)))
    body.append(Heading("Documents", 1))
    for entry in p.entries():
        _document(entry, titles, body)
    doc = Document(title=heading, author=p.organization or "jdbuilder",
                   header=p.organization, body=tuple(body), paper=p.paper)
    return doc, charts


def write_pdf(p: Portfolio, path: Path, titles: dict[str, str],
              title: str = "Portfolio report") -> None:
    doc, charts = report_document(p, titles, title)
    write_pdf_with_charts(doc, charts, path)
