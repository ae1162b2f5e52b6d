"""The command line: `jdbuilder SUBCOMMAND ...`.

Errors caused by input (a missing or broken file, an unknown role) print one line naming the file
and the cause and exit with code 2; nothing partial is left behind.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jdbuilder import __version__
from jdbuilder.errors import JdbError, printable
from jdbuilder.vocab import Paper, Severity, Verdict, values

if TYPE_CHECKING:
    from jdbuilder.export.build import BuildOptions
    from jdbuilder.language.lexicon import Lexicon
    from jdbuilder.model.jobdesc import JobDescription
    from jdbuilder.model.posting import Pay
    from jdbuilder.project import Project
    from jdbuilder.settings import Settings

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
    from jdbuilder.model.jobad import generate_ad

    settings = _user_settings()
    lib = load_library()
    jd = template_job_description(lib.role(args.role))
    from jdbuilder.interview.bank import default_bank
    from jdbuilder.interview.kits import default_kit

    _apply_posting(jd, args, out)
    ad = generate_ad(jd, employer=settings.employer())
    kit = default_kit(args.role, jd, default_bank())
    projects.save(projects.Project(job_description=jd, job_ad=ad, kit=kit), out)
    print(f"Created {out} from the '{args.role}' template.")
    return EXIT_OK


POSTING_OPTIONS = ("pay", "location", "arrangement", "travel", "flsa", "employment_type",
                   "closing_date", "apply", "accommodation_contact")


def parse_pay(text: str) -> Pay:
    """"21.50-25.00/hour", "$52,000-$60,000 per year", "22/hour" (a single rate)."""
    from jdbuilder.model.posting import Pay, PayPeriod

    s = text.strip().lower().replace(",", "").replace("$", "")
    per = PayPeriod.HOUR
    for sep in ("/", " per ", " an ", " a "):
        if sep in s:
            s, unit = s.rsplit(sep, 1)
            unit = unit.strip().rstrip("ly")
            if unit in ("hour", "hr"):
                per = PayPeriod.HOUR
            elif unit in ("year", "yr", "annual", "annum"):
                per = PayPeriod.YEAR
            else:
                raise ValueError(f"'{text}': the pay is per hour or per year")
            break
    ends = [e.strip() for e in s.replace("\u2013", "-").split("-")]
    try:
        values = [float(e) for e in ends if e]
    except ValueError:
        raise ValueError(f"'{text}' is not a pay range such as 21.50-25.00/hour") from None
    if not 1 <= len(values) <= 2:
        raise ValueError(f"'{text}' is not a pay range such as 21.50-25.00/hour")
    return Pay.from_dict({"min": values[0], "max": values[-1] if len(values) == 2 else None,
                          "per": per.value})


def _apply_posting(jd: JobDescription, args: argparse.Namespace, where: Path) -> list[str]:
    """Set the posting facts given on the command line; returns the names of those set."""
    import datetime as dt

    from jdbuilder.model.posting import Arrangement, Location

    changed = []
    try:
        if args.pay is not None:
            jd.pay = parse_pay(args.pay)
        loc = jd.location
        if args.location is not None or args.arrangement is not None \
                or args.travel is not None:
            arrangement = args.arrangement if args.arrangement is not None else (
                loc.arrangement.value if loc.arrangement else "")
            jd.location = Location(
                place=args.location if args.location is not None else loc.place,
                arrangement=Arrangement(arrangement) if arrangement else None,
                travel=args.travel if args.travel is not None else loc.travel, extra=loc.extra)
        if args.closing_date is not None:
            try:
                jd.closing_date = (dt.date.fromisoformat(args.closing_date)
                                   if args.closing_date else None)
            except ValueError:
                raise ValueError(f"closing date '{args.closing_date}' is not a real date "
                                 "(YYYY-MM-DD)") from None
    except ValueError as exc:
        raise JdbError(f"{where}: {exc}") from None
    for name in ("flsa", "employment_type", "apply", "accommodation_contact"):
        value = getattr(args, name)
        if value is not None:
            setattr(jd, name, " ".join(value.split()) if name in ("apply",
                                                                  "accommodation_contact")
                    else value)
    for name in POSTING_OPTIONS:
        if getattr(args, name) is not None:
            changed.append(name.replace("_", " "))
    return changed


def cmd_set(args: argparse.Namespace) -> int:
    """Set posting facts in an existing project (saved atomically, the old file kept as .bak)."""
    from jdbuilder import project as projects

    proj = projects.load(args.file)
    changed = _apply_posting(proj.job_description, args, Path(args.file))
    if not changed:
        raise JdbError("nothing to set: give at least one of --pay, --location, --arrangement, "
                       "--travel, --flsa, --employment-type, --closing-date, --apply, "
                       "--accommodation-contact")
    projects.save(proj, args.file)
    print(f"Updated {args.file}: {', '.join(changed)}.")
    return EXIT_OK


def _posting_arguments(p: argparse.ArgumentParser) -> None:
    from jdbuilder.model.posting import Arrangement, EmploymentType, FlsaStatus

    g = p.add_argument_group("posting facts (printed in the description and the ad)")
    g.add_argument("--pay", metavar="RANGE",
                   help="pay range, e.g. 21.50-25.00/hour or 52000-60000/year")
    g.add_argument("--location", metavar="PLACE", help="work location, e.g. 'Springfield, MA'")
    g.add_argument("--arrangement", choices=values(Arrangement), help="on-site, hybrid or remote")
    g.add_argument("--travel", metavar="AREA", help="travel area, if the work involves travel")
    g.add_argument("--flsa", choices=values(FlsaStatus), help="FLSA status")
    g.add_argument("--employment-type", choices=values(EmploymentType))
    g.add_argument("--closing-date", metavar="YYYY-MM-DD",
                   help="last day to apply ('' for open until filled)")
    g.add_argument("--apply", metavar="TEXT", help="how to apply")
    g.add_argument("--accommodation-contact", metavar="WHO",
                   help="whom to ask for an accommodation during hiring")


def _warn_about_the_ad(proj: Project, opts: BuildOptions, file: str) -> None:
    from jdbuilder.export.build import current_ad
    from jdbuilder.model.fields import AD, field_spec
    from jdbuilder.model.structure import check_posting

    for finding in check_posting(proj.job_description):
        print(f"jdbuilder: warning: {file}: job ad: {finding.message}", file=sys.stderr)
    for part in current_ad(proj, opts).stale:
        print(f"jdbuilder: warning: {file}: job ad: \u201c{field_spec(AD, part).label}\u201d "
              "was edited and the job description has changed since; it is exported as "
              "edited, check it", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from jdbuilder import project as projects
    from jdbuilder.export.build import (
        KIT_DOCUMENTS,
        BuildOptions,
        build,
        kit_blanks,
        refuse_blocked,
    )

    proj = projects.load(args.file)
    settings = _user_settings()
    opts = BuildOptions(formats=args.format, documents=args.documents,
                        large_print=args.large_print, paper=Paper(args.paper or settings.paper),
                        organisation=args.organisation or settings.organisation,
                        logo=args.logo if args.logo is not None else settings.logo,
                        eeo_statement=settings.eeo_statement,
                        accommodation_contact=settings.accommodation_contact,
                        parallel=True)
    if args.documents is None or "ad" in args.documents:
        _warn_about_the_ad(proj, opts, args.file)
    wants_kit = args.documents is None or any(d in KIT_DOCUMENTS for d in args.documents)
    if wants_kit and proj.kit is not None and proj.kit.questions:
        refuse_blocked(proj)  # exit 2, one line naming the question and the rule
        blanks = kit_blanks(proj, opts)
        if blanks:
            listed = "; ".join(f"{{{name}}}: {source}" for name, source in blanks.items())
            print(f"jdbuilder: warning: {args.file}: kit: {len(blanks)} field(s) have no "
                  f"value and print as lines to write on ({listed})", file=sys.stderr)
    for path in build(proj, args.out, opts):
        print(printable(str(path)))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    import json

    from jdbuilder.errors import InputError
    from jdbuilder.language import Policy, check_report
    from jdbuilder.readers.inputs import collect_paths, read_input
    from jdbuilder.readers.text import line_col

    floor = Severity(args.min_severity).rank
    paths, errors = collect_paths(args.paths)
    settings = _user_settings()
    policy = settings.policy()
    organisation = settings.organisation
    lexicon = _user_lexicon(settings)
    results: list[dict[str, object]] = [{"path": str(e.path), "error": e.reason} for e in errors]
    any_findings = False
    for path in paths:
        try:
            doc = read_input(path, organisation=organisation)
        except InputError as exc:
            results.append({"path": str(path), "error": exc.reason})
            errors.append(exc)
            continue
        doc_policy = policy.merged(Policy.from_dict(doc.policy)) if doc.policy else policy
        report = check_report(doc.text, doc_policy, lexicon)
        found = [f for f in report.findings if Severity(f.severity).rank >= floor]
        any_findings = any_findings or bool(found)
        entry: dict[str, object] = {"path": str(path), "findings": [f.to_dict() for f in found]}
        if report.suppressed:
            entry["suppressed"] = len(report.suppressed)
        if report.truncated:
            entry["truncated"] = True
        results.append(entry)
        if args.format == "text":
            shown = printable(str(path))
            for f in found:
                line, col = line_col(doc.text, f.start)
                where = doc.section_at(f.start)
                label = f" [{where}]" if where else ""
                tip = f" Suggestion: {'; '.join(f.suggestions)}." if f.suggestions else ""
                print(f"{shown}:{line}:{col}: {f.severity}: \"{' '.join(f.text.split())}\"{label} "
                      f"({f.rule}) {f.message}{tip}")
            if report.suppressed:
                print(f"{shown}: {len(report.suppressed)} finding(s) suppressed by policy")
            if report.truncated:
                print(f"{shown}: more than {len(report.findings)} findings; the rest of the file "
                      "was not reported")
    if args.format == "json":
        print(json.dumps({"files": results}, ensure_ascii=False, indent=2))
    else:
        for e in errors:
            print(f"jdbuilder: error: {e}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if any_findings else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from jdbuilder.report import ReportOptions, build_report, output_targets
    from jdbuilder.report.progress import TerminalProgress

    to_stdout = args.out == "-"
    if to_stdout and args.format not in (None, ["json"]):
        raise JdbError("--out - writes the JSON to standard output: use it with --format json")
    try:
        targets = {} if to_stdout else output_targets(args.out, args.format)
    except ValueError as exc:
        raise JdbError(str(exc)) from None
    settings = _user_settings()
    options = ReportOptions(policy=settings.policy(), organization=settings.organisation,
                            lexicon=_user_lexicon(settings),
                            since=Path(args.since) if args.since else None,
                            paper=Paper(args.paper or settings.paper), parallel=True)
    progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = build_report(args.paths, targets, options, progress,
                              json_stream=sys.stdout if to_stdout else None)
    except BrokenPipeError:  # the JSON's reader stopped early (| head)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    for name, reason in result.unreadable:
        print(f"jdbuilder: warning: {printable(name)}: {reason} (listed in the report; skipped)",
              file=sys.stderr)
    if not to_stdout:
        for written in result.files:
            print(printable(str(written)))
    print(f"jdbuilder: {result.documents} document(s) read, {result.findings} finding(s), "
          f"{len(result.unreadable)} file(s) could not be read.", file=sys.stderr)
    return EXIT_OK


def _question_lines(path: Path) -> tuple[list[tuple[int, str, str, int]], dict[str, str]]:
    """(line, text, context, probe) for each question (probe 0) and, in a kit, each probe
    after its question; and the job facts the rewrites may use."""
    from jdbuilder import project as projects
    from jdbuilder.interview.facts import job_facts
    from jdbuilder.readers.text import decode_text, read_bytes

    if path.suffix.lower() == ".jdb":
        from jdbuilder.library import load_library

        proj = projects.load(path)
        roles = load_library().roles
        jd = proj.job_description
        settings = roles[jd.role_id].settings if jd.role_id in roles else ()
        items = []
        for i, q in enumerate(proj.kit.questions if proj.kit else [], start=1):
            items.append((i, q.text, "", 0))
            items += [(i, p, q.text, j) for j, p in enumerate(q.probes, start=1) if p.strip()]
        return items, job_facts(jd, settings)
    text = decode_text(read_bytes(path, 10 * 1024 * 1024), path)
    return [(i, line.strip(), "", 0) for i, line in enumerate(text.splitlines(), start=1)
            if line.strip()], {}


def cmd_questions(args: argparse.Namespace) -> int:
    import json

    from jdbuilder.interview import check_question

    path = Path(args.file)
    results = []
    items, facts = _question_lines(path)
    for line, text, context, probe in items:
        v = check_question(text, context=context, facts=facts)
        results.append({"line": line, **v.to_dict(), **({"probe": probe} if probe else {})})
    if args.format == "json":
        print(json.dumps({"questions": results}, ensure_ascii=False, indent=2))
    else:
        for r in results:
            label = Verdict(str(r["verdict"])).label
            where = f"{r['line']}.{r['probe']}" if r.get("probe") else r["line"]
            print(f"{printable(str(path))}:{where}: {label}: {r['text']}")
            if r["verdict"] != Verdict.OK:
                print(f"    {r['category']}: {r['reason']}")
                print(f"    Try instead: {r['rewrite']}")
                print(f"    Source: {r['source']}")
            if r.get("note"):
                print(f"    Interviewer note: {r['note']}")
    blocked = any(r["verdict"] == Verdict.NOT_ALLOWED for r in results)
    return EXIT_FINDINGS if blocked else EXIT_OK


def cmd_scores(args: argparse.Namespace) -> int:
    import json

    from jdbuilder import project as projects
    from jdbuilder.interview.scoring import format_text, summarise
    from jdbuilder.model.kit import InterviewKit

    kit = projects.load(args.file).kit or InterviewKit()
    summary = summarise(kit)
    if args.format == "json":
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_text(kit, summary))
    return EXIT_OK


def _report_problems(problems: list[JdbError]) -> None:
    for err in problems:
        print(f"jdbuilder: warning: {err} (skipped; everything else loaded)", file=sys.stderr)


def _user_settings() -> Settings:
    """The saved settings. A broken settings file is a one-line warning (the defaults are used),
    never a silent change of what the commands do."""
    from jdbuilder.settings import load_settings

    settings, problem = load_settings()
    if problem is not None:
        print(f"jdbuilder: warning: {problem}", file=sys.stderr)
    return settings


def _user_lexicon(settings: Settings) -> Lexicon:
    """The shipped lexicon with the organization's and the personal lexicon folders over it;
    each skipped entry or file is a warning."""
    from jdbuilder.settings import load_user_lexicon

    loaded = load_user_lexicon(settings.lexicon_sources())
    _report_problems(list(loaded.problems))
    return loaded.lexicon


def cmd_library_search(args: argparse.Namespace) -> int:
    import json

    from jdbuilder.library import load_user_library
    from jdbuilder.model.statement import StatementKind

    settings = _user_settings()
    lib = load_user_library(settings.organisation_library)
    _report_problems(list(lib.problems))
    kind = StatementKind(args.kind) if args.kind else None
    if args.role and args.role not in lib.roles:
        lib.role(args.role)  # raises a clear error naming the known roles
    hits = lib.index().search(args.query, role=args.role, kind=kind, tags=args.tag or (),
                              limit=args.limit)
    if args.format == "json":
        print(json.dumps({"results": [{
            "id": h.statement.id, "kind": h.statement.kind.value, "text": h.statement.text,
            "source": h.statement.source, "layer": h.statement.layer,
            "score": round(h.score, 3)} for h in hits]}, ensure_ascii=False, indent=2))
    else:
        for h in hits:
            st = h.statement
            layer = "" if st.layer == "built-in" else f" [{st.layer}]"
            print(f"{st.id} ({st.kind.label}){layer}: {st.text}\n    source: {st.source}")
        if not hits:
            print("No statements match.")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from jdbuilder.errors import InputError
    from jdbuilder.review.annotate import write_review

    source, out = Path(args.input), Path(args.out)
    if out.suffix.lower() != ".docx":
        raise InputError(out, "the reviewer copy is a Word file: give a name ending in .docx")
    settings = _user_settings()
    result = write_review(source, out, policy=settings.policy(),
                          lexicon=_user_lexicon(settings))
    counts = ", ".join(f"{n} {sev}" for sev, n in result.counts.items() if n) or "no findings"
    print(f"Wrote {printable(str(out))}: {result.comments} comment(s) ({counts}; "
          f"{result.question_verdicts} question(s) flagged; {result.suppressed} suppressed "
          f"by policy).")
    return EXIT_OK


def make_parser() -> argparse.ArgumentParser:
    from jdbuilder.export.build import DOCUMENTS, FORMATS

    parser = _Parser(prog="jdbuilder", description=(
        "Job descriptions, job ads and interview kits for peer-support roles."))
    parser.add_argument("--version", action="version", version=f"jdbuilder {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (no display needed) and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("roles", help="list the role templates")
    p.set_defaults(func=cmd_roles)

    p = sub.add_parser("new", help="start a project from a role template")
    p.add_argument("--role", required=True, help="role template id (see 'jdbuilder roles')")
    p.add_argument("--out", required=True, metavar="FILE.jdb", help="project file to create")
    p.add_argument("--force", action="store_true", help="replace FILE.jdb if it exists")
    _posting_arguments(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("set", help="set a project's posting facts: pay, location, closing date, "
                                   "how to apply ...")
    p.add_argument("file", metavar="FILE.jdb")
    _posting_arguments(p)
    p.set_defaults(func=cmd_set)

    p = sub.add_parser("build", help="write a project's documents as DOCX and PDF")
    p.add_argument("file", metavar="FILE.jdb")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--format", type=_csv(FORMATS), default=list(FORMATS),
                   help="docx,pdf (default: both)")
    p.add_argument("--documents", type=_csv(DOCUMENTS), default=None,
                   help=f"{','.join(DOCUMENTS)} (default: every document the project has)")
    p.add_argument("--large-print", action="store_true", help="16 pt large-print versions")
    p.add_argument("--paper", choices=values(Paper), default=None,
                   help="letter or a4 (default: the settings' paper size, else letter)")
    p.add_argument("--organisation", help="organisation name for headers and document author")
    p.add_argument("--logo", metavar="IMAGE", help="organisation logo (PNG or JPEG) for headers")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("check", help="check wording: stigmatizing, clinical, coercive language "
                                     "and duties that contradict a peer role")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=".txt, .md, .docx or .jdb files, or folders (searched recursively)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--min-severity", choices=values(Severity), default="info",
                   help="report findings at or above this severity (default: info)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("report", help="a portfolio report of many documents: summary, charts "
                                      "and findings per document (HTML, PDF, JSON)")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=".docx, .txt, .md or .jdb files, or folders (searched recursively)")
    p.add_argument("--out", required=True, metavar="REPORT",
                   help="REPORT writes REPORT.html, REPORT.pdf and REPORT.json; REPORT.html "
                        "(or .pdf, .json) writes that one only; - writes the JSON to "
                        "standard output")
    p.add_argument("--format", type=_csv(("html", "pdf", "json")), default=None,
                   help="html,pdf,json: the files to write (default: all three, or the one "
                        "REPORT's extension names)")
    p.add_argument("--since", metavar="OLD_REPORT.json",
                   help="compare with an earlier report: what improved, what is new")
    p.add_argument("--paper", choices=values(Paper), default=None,
                   help="letter or a4 for the PDF (default: the settings' paper size)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("review", help="write a reviewer copy: findings as Word comments on the "
                                      "exact words, with a summary table")
    p.add_argument("input", metavar="IN", help=".docx, .txt, .md or .jdb (never modified)")
    p.add_argument("--out", required=True, metavar="OUT.docx")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("questions", help="check interview questions against pre-offer rules "
                                         "(ADA, GINA, protected classes)")
    p.add_argument("file", metavar="FILE", help="one question per line, or a .jdb project")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_questions)

    p = sub.add_parser("scores", help="committee scores: totals, spreads, consensus, ranking")
    p.add_argument("file", metavar="FILE.jdb")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_scores)

    from jdbuilder.model.statement import POPULATIONS, SETTINGS, StatementKind

    p = sub.add_parser("library", help="the statement library")
    lib_sub = p.add_subparsers(dest="library_command", metavar="COMMAND",
                               parser_class=_Parser, required=True)
    q = lib_sub.add_parser("search", help="ranked search over library statements")
    q.add_argument("query", metavar="QUERY")
    q.add_argument("--role", help="only statements that suit this role id")
    q.add_argument("--kind", choices=[k.value for k in StatementKind])
    q.add_argument("--tag", action="append", choices=(*SETTINGS, *POPULATIONS),
                   help="setting or population tag (repeatable)")
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(func=cmd_library_search)
    return parser


def _has_display() -> bool:
    import os

    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                    or os.environ.get("QT_QPA_PLATFORM"))
    return True


def open_app(files: list[str]) -> int:
    """Open the desktop app (optionally with project files)."""
    if not _has_display():
        print("jdbuilder: no display found; the desktop app needs one. Use the commands "
              "below, or run 'jdbuilder --self-test'.", file=sys.stderr)
        make_parser().print_help()
        return EXIT_OK
    from jdbuilder.ui.app import run_app

    code: int = run_app(["jdbuilder", *files])
    return code


def _utf8_output() -> None:
    """Names such as Nguyễn survive output redirected to a file on Windows (cp1252 otherwise);
    a character the stream cannot encode is written as an escape, never an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(ValueError, OSError):
            if stream.isatty():
                reconfigure(errors="backslashreplace")
            else:
                reconfigure(encoding="utf-8", errors="backslashreplace")


def _quiet_stdout() -> None:
    """The reader of our output went away (`| head`): send the rest nowhere, say nothing."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _crash_log(exc: BaseException, argv: Sequence[str]) -> str:
    """Write the details of an unexpected error to a log in the user-data folder (owner-only)
    and return where; "" if even that fails."""
    import datetime as dt
    import traceback

    from jdbuilder.userdata import user_data_dir, write_private

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = user_data_dir() / "logs" / f"error-{stamp}.log"
    text = (f"jdbuilder {__version__} on Python {sys.version.split()[0]}, {sys.platform}\n"
            f"command: jdbuilder {' '.join(argv)[:2000]}\n\n"
            + "".join(traceback.format_exception(exc)))
    try:
        write_private(path, text)
    except OSError:
        return ""
    return str(path)


def _unexpected(exc: BaseException, argv: Sequence[str]) -> int:
    """The last resort: one line, the details in a log, exit 2; never a traceback."""
    if isinstance(exc, MemoryError):
        reason = "ran out of memory"
    elif isinstance(exc, OSError) and exc.strerror:
        where = f"{printable(str(exc.filename))}: " if exc.filename else ""
        reason = f"{where}{exc.strerror}"
    else:
        reason = f"unexpected problem ({type(exc).__name__}: {printable(str(exc))[:200]})"
    log = _crash_log(exc, argv)
    where = f"; details are in {printable(log)}" if log else ""
    print(f"jdbuilder: error: {reason}{where}", file=sys.stderr)
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw and all(a.lower().endswith(".jdb") and not a.startswith("-") for a in raw):
        return open_app(raw)  # "jdbuilder FILE.jdb" opens the project in the app
    parser = make_parser()
    args = parser.parse_args(raw)
    if args.self_test:
        from jdbuilder.ui.selftest import self_test

        passed: int = self_test()
        return passed
    if not getattr(args, "command", None):
        return open_app([])
    try:
        result: int = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return result
    except JdbError as exc:
        print(f"jdbuilder: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("jdbuilder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:  # the last resort: a bug, never a traceback for the user
        return _unexpected(exc, raw)
