"""The report as JSON, for other tools and for `--since` (the format is in docs/REPORT.md).

The head (summary, charts, phrases, comparison, unreadable files) comes first; the documents
follow one per line, streamed from the spool.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from jdbuilder import __version__
from jdbuilder.atomic import AtomicOutput
from jdbuilder.report.compare import REPORT_FORMAT, REPORT_VERSION
from jdbuilder.report.figures import figures
from jdbuilder.report.portfolio import Portfolio, summary_dict


def head(p: Portfolio, titles: dict[str, str]) -> dict[str, Any]:
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "generated": p.generated,
        "jdbuilder": __version__,
        "inputs": p.inputs,
        "organization": p.organization,
        "policy": p.policy.to_dict(),
        "summary": summary_dict(p),
        "categories": {c: titles.get(c, c) for c in p.by_category},
        "charts": {f.key: {"title": f.chart.title, "labels": list(f.chart.labels),
                           "values": [round(v, 4) for v in f.chart.values],
                           "value_labels": list(f.chart.value_labels)}
                   for f in figures(p, titles)},
        "phrases": [{"phrase": k, "count": s.count, "documents": s.documents,
                     "category": s.categories.most_common(1)[0][0],
                     "rule": s.rules.most_common(1)[0][0], "severity": s.severity}
                    for k, s in sorted(p.phrases.items(), key=lambda kv: (-kv[1].count, kv[0]))],
        "comparison": p.comparison,
        "unreadable": [{"path": path, "error": reason} for path, reason in p.unreadable],
    }


def write_json_stream(fh: IO[str], p: Portfolio, titles: dict[str, str]) -> None:
    text = json.dumps(head(p, titles), ensure_ascii=False, indent=1)
    fh.write(text[:-1].rstrip() + ',\n "documents": [\n')
    for i, entry in enumerate(p.entries()):
        fh.write(("" if i == 0 else ",\n") + json.dumps(entry, ensure_ascii=False))
    fh.write("\n ]\n}\n")


def write_json(p: Portfolio, path: Path, titles: dict[str, str]) -> None:
    with AtomicOutput(path) as out, open(out.temp, "w", encoding="utf-8", newline="\n") as fh:
        write_json_stream(fh, p, titles)
