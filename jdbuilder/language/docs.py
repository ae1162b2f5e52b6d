"""Generate docs/language-rules.md from the built-in lexicons, so the rule list is never written
twice. Organization and personal layers never appear in it.

Run `python -m jdbuilder.language.docs` to rewrite the file; a test fails when it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jdbuilder.gendoc import cell, write_doc
from jdbuilder.language.lexicon import CATEGORIES, Lexicon, builtin_lexicon

DOC_PATH = Path("docs") / "language-rules.md"


def render(lex: Lexicon) -> str:
    lines = [
        "# Language rules",
        "",
        "Generated from `lexicons/*.yaml` by `python -m jdbuilder.language.docs`; do not edit by "
        "hand.",
        "",
        "Severity: **error** (harmful slurs: must fix), **warning** (stigmatizing, clinical, "
        "coercive or out-of-scope wording and health-status requirements: strongly "
        "suggested), **info** (plain-language suggestions, and contested terms, which are off "
        "unless the organization sets a person-first or identity-first preference or shows "
        "contested terms).",
        "",
        "Pattern syntax and concepts are described in `docs/CONTENT-FORMAT.md`; a concept "
        "`A ~ B` is an action and its object inside one clause in either order, `A > B` in "
        "that order, `/N` its window in tokens. Only the built-in lexicons are listed; an "
        "organization's or a user's own terms never appear here.",
        "",
        f"{len(lex.rules)} rules in {len(lex.categories)} categories.",
        "",
    ]
    for cat in CATEGORIES:
        info = lex.categories.get(cat)
        rules = [r for r in lex.rules if r.category == cat]
        if info is None or not rules:
            continue
        lines += [f"## {info.title} (`{cat}`)", "", cell(info.description), "",
                  "| rule | severity | matches | suggestions | why | sources |",
                  "|---|---|---|---|---|---|"]
        for r in rules:
            sev = r.severity + (" (contested)" if r.contested else "")
            pats = "; ".join([f"`{p}`" for p in r.patterns]
                             + [f"concept `{c.text}`" for c in r.concepts])
            sugg = "; ".join(r.suggestions + r.before_noun) or "-"
            if r.rewrites:
                sugg = (f"Peer version: {r.peer_version} Rewrites of the whole duty: "
                        + "; ".join(r.rewrites))
            lines.append(f"| `{r.id}` | {sev} | {cell(pats)} | {cell(sugg)} | "
                         f"{cell(r.why)} | {cell('; '.join(r.sources))} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    return write_doc(argv, DOC_PATH, render(builtin_lexicon()))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
