"""The command line: `jdbuilder SUBCOMMAND ...`.

Errors caused by input (a missing or broken file, an unknown role) print one line naming the file
and the cause and exit with code 2; nothing partial is left behind.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from jdbuilder import __version__
from jdbuilder.errors import JdbError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _csv(choices: Sequence[str]) -> Callable[[str], list[str]]:
    def parse(value: str) -> list[str]:
        items = [v.strip().lower() for v in value.split(",") if v.strip()]
        bad = [v for v in items if v not in choices]
        if bad or not items:
            raise argparse.ArgumentTypeError(
                f"'{value}': choose from {', '.join(choices)} (comma-separated)")
        return list(dict.fromkeys(items))

    return parse


def cmd_roles(args: argparse.Namespace) -> int:
    from jdbuilder.library import load_library

    lib = load_library()
    width = max(len(r) for r in lib.roles) if lib.roles else 0
    for role in sorted(lib.roles.values(), key=lambda r: r.id):
        print(f"{role.id:<{width}}  {role.name}: {role.summary}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from jdbuilder import project as projects
    from jdbuilder.library import load_library, template_job_description

    out = Path(args.out)
    if out.exists() and not args.force:
        raise JdbError(f"{out}: already exists; choose another name or pass --force")
    lib = load_library()
    jd = template_job_description(lib.role(args.role))
    projects.save(projects.Project(job_description=jd), out)
    print(f"Created {out} from the '{args.role}' template.")
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from jdbuilder import project as projects
    from jdbuilder.export.build import BuildOptions, build

    proj = projects.load(args.file)
    opts = BuildOptions(formats=args.format, documents=args.documents,
                        large_print=args.large_print, paper=args.paper,
                        organisation=args.organisation or "")
    for path in build(proj, args.out, opts):
        print(path)
    return EXIT_OK


def make_parser() -> argparse.ArgumentParser:
    from jdbuilder.export.build import DOCUMENTS, FORMATS, PAPERS

    parser = _Parser(prog="jdbuilder", description=(
        "Job descriptions, job ads and interview kits for peer-support roles."))
    parser.add_argument("--version", action="version", version=f"jdbuilder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("roles", help="list the role templates")
    p.set_defaults(func=cmd_roles)

    p = sub.add_parser("new", help="start a project from a role template")
    p.add_argument("--role", required=True, help="role template id (see 'jdbuilder roles')")
    p.add_argument("--out", required=True, metavar="FILE.jdb", help="project file to create")
    p.add_argument("--force", action="store_true", help="replace FILE.jdb if it exists")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("build", help="write a project's documents as DOCX and PDF")
    p.add_argument("file", metavar="FILE.jdb")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--format", type=_csv(FORMATS), default=list(FORMATS),
                   help="docx,pdf (default: both)")
    p.add_argument("--documents", type=_csv(DOCUMENTS), default=list(DOCUMENTS),
                   help="which documents (default: all)")
    p.add_argument("--large-print", action="store_true", help="16 pt large-print versions")
    p.add_argument("--paper", choices=PAPERS, default="letter")
    p.add_argument("--organisation", help="organisation name for headers and document author")
    p.set_defaults(func=cmd_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_OK
    try:
        result: int = args.func(args)
        return result
    except JdbError as exc:
        print(f"jdbuilder: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("jdbuilder: interrupted", file=sys.stderr)
        return 130
