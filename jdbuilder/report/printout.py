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
from jdbuilder.report.figures import DUTY_SOURCES, Figure, figures
from jdbuilder.report.page import KIND_WORD, SEVERITY_MARK, SEVERITY_WORD, STATUS_WORD
from jdbuilder.report.portfolio import Portfolio, percent, plural, summary_dict, when
from jdbuilder.vocab import Severity

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
        f"Findings: {s['findings']:,} (" + ", ".join(
            plural(s["by_severity"][str(x)], SEVERITY_WORD[str(x)].lower(),
                   "info" if x == Severity.INFO else "") for x in Severity.descending()) + ")",
        f"Documents with no findings: {s['documents_without_findings']:,}",
        f"Files that could not be read: {s['unreadable']:,}",
        f"Words checked: {s['words']:,}",
        f"Findings allowed by the organization's policy: {s['suppressed']:,}"))))
    body.append(_p("Findings by category and severity: see the first chart's table.", "note"))


def _comparison(c: dict[str, Any], body: list[Node]) -> None:
    docs, phrases = c["documents"], c["phrases"]
    body.append(Heading("Changes since the earlier report", 1))
    f, w = c["findings"], c["documents_without_findings"]
    body.append(_p(f"Compared with {c['since']}"
                   f"{' of ' + c['generated'] if c['generated'] else ''}: findings "
                   f"{f['before']:,} then, {f['after']:,} now; documents with no findings "
                   f"{w['before']:,} then, {w['after']:,} now. {len(docs['improved']):,} "
                   f"document(s) have fewer findings, {len(docs['worse']):,} more, "
                   f"{docs['unchanged'] + docs['changed']:,} the same number; "
                   f"{len(docs['new']):,} are new and {len(docs['gone']):,} are no longer "
                   "there."))
    for title, items in (("What improved", docs["improved"]), ("What got worse", docs["worse"])):
        if items:
            body.append(Heading(title, 2))
            body.append(Table(("Document", "Findings then", "Findings now"),
                              tuple((d["key"], f"{d['before']:,}", f"{d['after']:,}")
                                    for d in items)))
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
    counts = entry["counts"]
    total = sum(counts.values())
    words = entry["words"]
    duties = entry["duties"]
    share = duties["conflicting"] / duties["total"] if duties["total"] else None
    body.append(Heading(entry["name"], 2))
    facts = (f"{entry['path']} \u00b7 {KIND_WORD[entry['kind']]} \u00b7 {words:,} words \u00b7 "
             f"{total:,} finding(s), {total * 1000 / words if words else 0:.1f} per 1,000 "
             "words")
    if duties["total"]:
        facts += (f" \u00b7 {duties['total']:,} duties (from the "
                  f"{DUTY_SOURCES[duties['from']]}), {duties['conflicting']:,} contradict a "
                  f"peer role ({percent(share)})")
    body.append(_p(facts + "."))
    since = entry.get("since")
    if since and since["status"] == "new":
        body.append(_p("Since the earlier report: this document is new."))
    elif since:
        text = (f"Since the earlier report: {since['before']:,} finding(s) then, "
                f"{since['after']:,} now ({STATUS_WORD[since['status']]}).")
        if since["resolved"]:
            text += " No longer found: " + ", ".join(
                f"\u201c{k}\u201d \u00d7{v}" for k, v in since["resolved"].items()) + "."
        if since["added"]:
            text += " New: " + ", ".join(
                f"\u201c{k}\u201d \u00d7{v}" for k, v in since["added"].items()) + "."
        body.append(_p(text))
    st = entry["structure"]
    if entry["kind"] == KIND_DOCUMENT:
        body.append(_p("Structure check: not recognized as a job description.", "note"))
    elif not st["findings"]:
        body.append(_p("Structure check: nothing missing."))
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
    if not entry["findings"]:
        body.append(_p("No findings."))


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
        body.append(Table(("File", "Reason"), tuple(p.unreadable), (1, 1)))
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
