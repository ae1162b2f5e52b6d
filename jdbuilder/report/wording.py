"""The words the page and the print share, so they always say the same thing."""

from __future__ import annotations

from typing import Any

from jdbuilder.report.analyze import KIND_DOCUMENT, KIND_JOB_DESCRIPTION, KIND_PROJECT
from jdbuilder.report.figures import DUTY_SOURCES
from jdbuilder.report.portfolio import percent, plural
from jdbuilder.vocab import Severity

SEVERITY_MARK = {"error": "\u25a0", "warning": "\u25b2", "info": "\u25cf"}  # square, up, dot
SEVERITY_WORD = {"error": "Error", "warning": "Warning", "info": "Info"}
KIND_WORD = {KIND_PROJECT: "jdbuilder project", KIND_JOB_DESCRIPTION: "job description",
             KIND_DOCUMENT: "document"}
STATUS_WORD = {"improved": "fewer findings", "worse": "more findings",
               "changed": "the same number, other phrases", "unchanged": "unchanged",
               "new": "not in the earlier report"}


def severity_counts(counts: dict[str, int]) -> str:
    """ "1 error, 4 warnings, 0 info" """
    return ", ".join(plural(counts.get(str(s), 0), str(s), "info" if s == Severity.INFO else "")
                     for s in Severity.descending())


def findings_sentence(entry: dict[str, Any]) -> str:
    total = sum(entry["counts"].values())
    words = entry["words"]
    rate = total * 1000 / words if words else 0.0
    allowed = (f"; {entry['suppressed']:,} allowed by policy" if entry["suppressed"] else "")
    return (f"{plural(total, 'finding')} ({severity_counts(entry['counts'])}), {rate:.1f} per "
            f"1,000 words{allowed}")


def duties_sentence(duties: dict[str, Any]) -> str:
    if not duties["total"]:
        return "no duties found (no duties heading was recognized)"
    n = duties["conflicting"]
    return (f"{plural(duties['total'], 'duty', 'duties')} (from the "
            f"{DUTY_SOURCES[duties['from']]}), {n:,} {'contradicts' if n == 1 else 'contradict'}"
            f" a peer role ({percent(n / duties['total'])})")


def _phrases(counter: dict[str, int]) -> str:
    return ", ".join(f"\u201c{k}\u201d \u00d7{v}" for k, v in counter.items())


def since_sentence(since: dict[str, Any] | None) -> str:
    """What changed in a document since the earlier report ("" when nothing did)."""
    if not since or since["status"] == "unchanged":
        return ""
    if since["status"] == "new":
        return "Since the earlier report: this document is new."
    text = (f"Since the earlier report: {plural(since['before'], 'finding')} then, "
            f"{since['after']:,} now ({STATUS_WORD[since['status']]}).")
    if since["resolved"]:
        text += f" No longer found: {_phrases(since['resolved'])}."
    if since["added"]:
        text += f" New: {_phrases(since['added'])}."
    return text


def facts_sentence(entry: dict[str, Any]) -> str:
    since = entry.get("since")
    unchanged = " \u00b7 unchanged since the earlier report" if (
        since and since["status"] == "unchanged") else ""
    return (f"{KIND_WORD[entry['kind']]} \u00b7 {entry['words']:,} words \u00b7 "
            f"{findings_sentence(entry)} \u00b7 {duties_sentence(entry['duties'])}{unchanged}.")


def comparison_sentence(c: dict[str, Any]) -> str:
    """The portfolio's change since the earlier report, in one paragraph."""
    from jdbuilder.report.portfolio import when

    docs, f, w = c["documents"], c["findings"], c["documents_without_findings"]
    of = f" of {when(c['generated'])}" if c["generated"] else ""
    changed = (f", {docs['changed']:,} with the same number of other phrases"
               if docs["changed"] else "")
    return (f"Compared with {c['since']}{of}: {plural(f['before'], 'finding')} then, "
            f"{f['after']:,} now; documents with no findings: {w['before']:,} then, "
            f"{w['after']:,} now. {plural(len(docs['improved']), 'document')} with fewer "
            f"findings, {len(docs['worse']):,} with more, {docs['unchanged']:,} unchanged"
            f"{changed}; {plural(len(docs['new']), 'new document')}, {len(docs['gone']):,} no "
            "longer there.")
