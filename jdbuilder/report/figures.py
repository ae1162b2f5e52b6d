"""The report's four charts and their tables, computed once for the HTML page and the PDF.

Each figure is a bar chart (`jdbuilder.render.charts.BarChart`) and a table holding the same
numbers: the chart's text alternative, shown beside it in both outputs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jdbuilder.render.charts import BarChart
from jdbuilder.report.portfolio import TOP, Portfolio, Row, percent, plural
from jdbuilder.vocab import Severity

DUTY_SOURCES = {"project": "project file", "headings": "headings", "none": "\u2014"}


@dataclass(frozen=True)
class Cell:
    text: str
    anchor: str = ""  # "#doc-12": the cell links to that document's section


@dataclass(frozen=True)
class Figure:
    key: str
    heading: str
    chart: BarChart
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths of the table
    note: str = ""  # how the numbers are computed
    empty: str = ""  # said instead of the chart when there is nothing to draw


def display_names(p: Portfolio) -> dict[int, str]:
    """A document's name in charts: its file name, or its path where names repeat."""
    names = Counter(r.name for r in p.rows)
    return {r.index: r.name if names[r.name] == 1 else r.key for r in p.rows}


def _doc(r: Row, names: dict[int, str]) -> Cell:
    return Cell(names[r.index], f"#doc-{r.index}")


def _n(value: int) -> str:
    return f"{value:,}"


def by_category(p: Portfolio, titles: dict[str, str]) -> Figure:
    cats = p.by_category.most_common()
    sev = Severity.descending()
    rows = [tuple([Cell(titles.get(c, c))]
                  + [Cell(_n(p.by_pair.get((c, str(s)), 0))) for s in sev] + [Cell(_n(n))])
            for c, n in cats]
    chart = BarChart(
        "Findings by category", tuple(titles.get(c, c) for c, _ in cats),
        tuple(float(n) for _, n in cats), tuple(_n(n) for _, n in cats),
        axis_label="findings",
        description=(f"{plural(p.findings, 'finding')} in {plural(len(p.rows), 'document')}, "
                     "by category of the language check, most frequent first."))
    return Figure("categories", "Findings by category", chart,
                  ("Category", "Errors", "Warnings", "Info", "Total"), tuple(rows),
                  (3.2, 1, 1.1, 0.8, 0.9),
                  empty="No findings in any document.")


def by_rate(p: Portfolio, names: dict[int, str]) -> Figure:
    top = p.top_rates()
    chart = BarChart(
        "Documents with the most findings per 1,000 words",
        tuple(names[r.index] for r in top), tuple(r.rate for r in top),
        tuple(f"{r.rate:.1f}" for r in top), axis_label="findings per 1,000 words",
        description=(f"The {plural(len(top), 'document')} with the most findings for their "
                     "length (findings per 1,000 words), highest first."))
    rows = tuple((_doc(r, names), Cell(_n(r.words)), Cell(_n(r.findings)),
                  Cell(f"{r.rate:.1f}")) for r in top)
    return Figure("rates", "Documents with the most findings per 1,000 words", chart,
                  ("Document", "Words", "Findings", "Per 1,000 words"), rows, (4, 1, 1, 1.4),
                  note=(f"Findings divided by the document's words (whitespace-separated), "
                        f"times 1,000; the top {TOP} documents with at least one finding."),
                  empty="No document has a finding.")


def by_phrase(p: Portfolio, titles: dict[str, str]) -> Figure:
    top = p.top_phrases()
    chart = BarChart(
        f"The {TOP} most frequent flagged phrases",
        tuple(f"\u201c{k}\u201d" for k, _ in top), tuple(float(s.count) for _, s in top),
        tuple(f"{s.count:,} in {s.documents:,} doc{'s' if s.documents != 1 else ''}"
              for _, s in top),
        axis_label="times flagged across the portfolio",
        description=(f"The {plural(len(top), 'flagged phrase')} found most often across all "
                     "documents (case and spacing ignored), with how many documents use each."))
    rows = tuple((Cell(k), Cell(_n(s.count)), Cell(_n(s.documents)),
                  Cell(titles.get(s.categories.most_common(1)[0][0],
                                  s.categories.most_common(1)[0][0])),
                  Cell(s.severity.capitalize())) for k, s in top)
    return Figure("phrases", f"The {TOP} most frequent flagged phrases", chart,
                  ("Phrase", "Times", "Documents", "Category", "Severity"), rows,
                  (2.6, 0.8, 1.2, 2.4, 1.1),
                  note=("Phrases are compared in lower case with runs of spaces folded, so "
                        "\u201cAddicts\u201d and \u201caddicts\u201d count together; "
                        "different words for the same thing count apart."),
                  empty="No phrase was flagged.")


def by_duty_share(p: Portfolio, names: dict[int, str]) -> Figure:
    top = p.top_shares()
    with_duties = p.with_duties()
    conflicted = sum(1 for r in p.rows if r.conflicting)
    chart = BarChart(
        "Share of each document's duties that contradict a peer role",
        tuple(names[r.index] for r in top), tuple(r.share or 0.0 for r in top),
        tuple(f"{percent(r.share)} ({r.conflicting} of {r.duties})" for r in top),
        axis_label="share of the document's duties", percent=True,
        description=(f"The {plural(len(top), 'document')} with the highest share of duties "
                     "that contradict a peer role, highest first."))
    rows = tuple((_doc(r, names), Cell(_n(r.duties)), Cell(_n(r.conflicting)),
                  Cell(percent(r.share))) for r in top)
    note = (f"{_n(len(with_duties))} of {plural(len(p.rows), 'document')} "
            f"{'has' if len(with_duties) == 1 else 'have'} duties the report can find; "
            f"{_n(conflicted)} of them {'has' if conflicted == 1 else 'have'} at least one duty "
            "that contradicts a peer role (a finding of the \u201cDuties that conflict with a "
            "peer role\u201d category inside the duty). Duties come from the job description "
            "of project files, and from the paragraphs under a duties heading "
            "(\u201cResponsibilities\u201d, \u201cDuties\u201d, \u201cEssential "
            "functions\u201d, \u201cWhat you will do\u201d ...) in other documents; see "
            "docs/REPORT.md.")
    return Figure("duties", "Duties that contradict a peer role", chart,
                  ("Document", "Duties", "Contradicting", "Share"), rows, (4, 1, 1.4, 0.9),
                  note=note,
                  empty="No document has a duty that contradicts a peer role.")


def figures(p: Portfolio, titles: dict[str, str]) -> list[Figure]:
    names = display_names(p)
    return [by_category(p, titles), by_rate(p, names), by_phrase(p, titles),
            by_duty_share(p, names)]
