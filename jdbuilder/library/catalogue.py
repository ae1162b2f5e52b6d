"""Generate docs/library.md, the catalogue of roles and statements, from the shipped data.

Run `python -m jdbuilder.library.catalogue`; a test fails when the file is stale.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from jdbuilder.gendoc import cell, write_doc
from jdbuilder.library.loader import Library, load_library, template_job_description
from jdbuilder.model.statement import StatementKind

DOC_PATH = Path("docs") / "library.md"



def render(lib: Library) -> str:
    counts = Counter(s.kind for s in lib.statements.values())
    lines = [
        "# The library",
        "",
        "Generated from `resources/library/` by `python -m jdbuilder.library.catalogue`; do not "
        "edit by hand.",
        "",
        f"{len(lib.roles)} role templates and {len(lib.statements)} statements: "
        + ", ".join(f"{counts[k]} {k.label.lower()}" for k in StatementKind) + ".",
        "",
        "## Role templates",
        "",
        "| id | title | summary | areas | source |",
        "|---|---|---|---|---|",
    ]
    for role in sorted(lib.roles.values(), key=lambda r: r.id):
        jd = template_job_description(role)
        areas = "; ".join(a.title for a in jd.areas)
        lines.append(f"| `{role.id}` | {cell(jd.title)} | {cell(role.summary)} | "
                     f"{cell(areas)} | {cell(role.source)} |")
    for kind in StatementKind:
        items = sorted((s for s in lib.statements.values() if s.kind is kind),
                       key=lambda s: s.id)
        if not items:
            continue
        lines += ["", f"## {kind.label} statements ({len(items)})", "",
                  "| id | text | roles | tags | source |", "|---|---|---|---|---|"]
        for st in items:
            text = st.text + (f" ({st.level})" if st.level else "")
            lines.append(f"| `{st.id}` | {cell(text)} | {cell(', '.join(st.roles))} | "
                         f"{cell(', '.join(st.tags))} | {cell(st.source)} |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    return write_doc(argv, DOC_PATH, render(load_library()))

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
