"""Generate docs/language-rules.md from the lexicons, so the rule list is never written twice.

Run `python -m jdbuilder.language.docs` to rewrite the file; a test fails when it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jdbuilder.atomic import atomic_write_text
from jdbuilder.language.lexicon import CATEGORIES, Lexicon, default_lexicon

DOC_PATH = Path("docs") / "language-rules.md"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render(lex: Lexicon) -> str:
    lines = [
        "# Language rules",
        "",
        "Generated from `lexicons/*.yaml` by `python -m jdbuilder.language.docs`; do not edit by "
        "hand.",
        "",
        "Severity: **error** (harmful slurs: must fix), **warning** (stigmatizing, clinical, "
        "coercive or out-of-scope wording: strongly suggested), **info** (plain-language "
        "suggestions, and contested terms, which are off unless the organisation sets a "
        "person-first or identity-first preference).",
        "",
        f"{len(lex.rules)} rules in {len(lex.categories)} categories.",
        "",
    ]
    for cat in CATEGORIES:
        info = lex.categories.get(cat)
        rules = [r for r in lex.rules if r.category == cat]
        if info is None or not rules:
            continue
        lines += [f"## {info.title} (`{cat}`)", "", _cell(info.description), "",
                  "| rule | severity | matches | suggestions | why | sources |",
                  "|---|---|---|---|---|---|"]
        for r in rules:
            sev = r.severity + (" (contested)" if r.contested else "")
            pats = "; ".join(f"`{p}`" for p in r.patterns)
            sugg = "; ".join(r.suggestions) or "-"
            lines.append(f"| `{r.id}` | {sev} | {_cell(pats)} | {_cell(sugg)} | "
                         f"{_cell(r.why)} | {_cell('; '.join(r.sources))} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else DOC_PATH
    atomic_write_text(target, render(default_lexicon()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
