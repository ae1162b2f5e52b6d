"""Building a project's documents into a folder, in the formats asked for."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from jdbuilder.compose.ad import compose_job_ad
from jdbuilder.compose.jd import compose_job_description
from jdbuilder.compose.kit import (
    compose_consensus,
    compose_key,
    compose_packet,
    compose_reference_checks,
    compose_score_sheets,
    compose_summary,
)
from jdbuilder.doctree import Document
from jdbuilder.errors import InputError
from jdbuilder.export.names import person_stem, slug, unique_stems
from jdbuilder.images import check_logo
from jdbuilder.interview.blanks import Filler, kit_values
from jdbuilder.interview.facts import job_facts
from jdbuilder.interview.questions import check_with_probes
from jdbuilder.interview.references import default_reference_guide
from jdbuilder.interview.scoring import summarise
from jdbuilder.model.jobad import Employer, Refreshed, generate_ad, refresh_ad
from jdbuilder.model.kit import Interviewer, InterviewKit
from jdbuilder.project import Project
from jdbuilder.vocab import Paper, Verdict
from jdbuilder.workers import process_pool

FORMATS = ("docx", "pdf")
DOCUMENTS = ("jd", "ad", "kit", "scoresheet", "consensus", "summary", "references", "key")
KIT_DOCUMENTS = ("kit", "scoresheet", "consensus", "summary", "references", "key")


@dataclass(frozen=True)
class BuildOptions:
    formats: Sequence[str] = FORMATS
    documents: Sequence[str] | None = None  # None: every document the project has
    large_print: bool = False
    paper: Paper = Paper.LETTER
    organisation: str = ""
    logo: str = ""  # organisation logo for page headers (PNG or JPEG)
    eeo_statement: str = ""  # the organization's own EEO statement (settings)
    accommodation_contact: str = ""  # the organization's default (settings)
    # Render files in worker processes where the platform forks cheaply (Linux); callers that
    # run threads of their own (the GUI) leave it off.
    parallel: bool = False


def _writer(fmt: str) -> Callable[[Document, Path], None]:
    if fmt == "docx":
        from jdbuilder.render.docx import write_docx

        return write_docx
    if fmt == "pdf":
        from jdbuilder.render.pdf import write_pdf

        return write_pdf
    raise ValueError(f"unknown format '{fmt}'")


def employer(options: BuildOptions) -> Employer:
    return Employer(organisation=options.organisation, eeo_statement=options.eeo_statement,
                    accommodation_contact=options.accommodation_contact)


def current_ad(project: Project, options: BuildOptions) -> Refreshed:
    """The project's ad brought up to date with its description: what is exported is never
    stale generated text (edited parts whose source changed are listed in `.stale`)."""
    who = employer(options)
    ad = project.job_ad or generate_ad(project.job_description, employer=who)
    return refresh_ad(ad, project.job_description, who)


@dataclass(frozen=True)
class BlockedQuestion:
    number: int
    text: str
    rule: str
    reason: str
    probe: int = 0  # 0: the question itself; k: its k-th probe

    @property
    def where(self) -> str:
        return f"question {self.number}" + (f", probe {self.probe}" if self.probe else "")


def blocked_questions(project: Project) -> list[BlockedQuestion]:
    """Kit questions (and probes, each read with its question) the checker rules not allowed
    before an offer: they are never printed."""
    kit = project.kit
    if kit is None:
        return []
    facts = job_facts(project.job_description)
    out = []
    for q in kit.questions:
        main, probes = check_with_probes(q.text, q.probes, facts=facts)
        number = kit.number(q.id)
        if main.verdict == Verdict.NOT_ALLOWED:
            out.append(BlockedQuestion(number, q.text, main.category, main.reason))
        out += [BlockedQuestion(number, text, v.category, v.reason, k)
                for k, (text, v) in enumerate(zip(q.probes, probes, strict=True), start=1)
                if v.verdict == Verdict.NOT_ALLOWED and main.verdict != Verdict.NOT_ALLOWED]
    return out


def refuse_blocked(project: Project) -> None:
    """Kit documents are not built while a question is not allowed (one line names it)."""
    blocked = blocked_questions(project)
    if blocked:
        b = blocked[0]
        more = f" (and {len(blocked) - 1} more)" if len(blocked) > 1 else ""
        raise InputError("interview kit", f"{b.where} is not allowed before a job offer (rule "
                         f"{b.rule}): \u201c{' '.join(b.text.split())}\u201d; change or "
                         f"remove it before building kit documents{more}")


def filler(project: Project, options: BuildOptions) -> Filler:
    """Fills the kit's named fields from the project; collects the ones it lacks."""
    kit = project.kit or InterviewKit()
    return Filler(kit_values(project.job_description, kit,
                             accommodation_contact=options.accommodation_contact))


def kit_blanks(project: Project, options: BuildOptions | None = None) -> dict[str, str]:
    """The named fields kit documents would print as lines to write on: field -> where its
    value comes from (`build` warns about them, the kit tab lists them)."""
    if project.kit is None or not project.kit.questions:
        return {}
    opts = options or BuildOptions()
    fill = filler(project, opts)
    jd, kit = project.job_description, project.kit
    packets: list[Interviewer | None] = list(kit.interviewers) or [None]
    for iv in packets:
        compose_packet(jd, kit, iv, fill=fill)
    compose_score_sheets(jd, kit, fill=fill)
    return dict(fill.missing)


def compose_documents(project: Project, options: BuildOptions) -> list[tuple[str, Document]]:
    """(file stem, document) pairs for the documents asked for. Kit documents are refused
    while a kit question is not allowed before an offer."""
    jd = project.job_description
    stem = slug(jd.role_id or jd.title)
    kit = project.kit
    has_kit = kit is not None and bool(kit.questions)
    wanted = list(options.documents) if options.documents is not None else [
        d for d in DOCUMENTS if d not in KIT_DOCUMENTS or has_kit]
    if not has_kit and any(d in KIT_DOCUMENTS for d in wanted):
        raise InputError("interview kit", "the project has no interview questions yet; add "
                         "questions before building kit documents")
    if any(d in KIT_DOCUMENTS for d in wanted):
        refuse_blocked(project)
    fill = filler(project, options)
    facts = job_facts(jd)
    def made(compose: Callable[..., Document], *args: object, **kwargs: object) -> Document:
        doc: Document = compose(*args, organisation=options.organisation,
                                large_print=options.large_print, paper=options.paper, **kwargs)
        return replace(doc, logo=options.logo) if options.logo else doc

    out: list[tuple[str, Document]] = []
    for kind in wanted:
        if kind == "jd":
            out.append((f"{stem}-job-description", made(compose_job_description, jd)))
        elif kind == "ad":
            ad = current_ad(project, options).ad
            out.append((f"{stem}-job-ad", made(compose_job_ad, ad, jd)))
        elif kind == "kit" and kit is not None:
            if not kit.interviewers:
                out.append((f"{stem}-interview-packet",
                            made(compose_packet, jd, kit, None, fill=fill, facts=facts)))
            names = unique_stems([person_stem(iv.name, iv.id) for iv in kit.interviewers],
                                 [iv.id for iv in kit.interviewers])
            for iv, name in zip(kit.interviewers, names, strict=True):
                out.append((f"{stem}-interview-{name}",
                            made(compose_packet, jd, kit, iv, fill=fill, facts=facts)))
        elif kind == "scoresheet" and kit is not None:
            out.append((f"{stem}-score-sheets",
                        made(compose_score_sheets, jd, kit, fill=fill)))
        elif kind == "consensus" and kit is not None:
            out.append((f"{stem}-consensus-sheet",
                        made(compose_consensus, jd, kit, summarise(kit))))
        elif kind == "references" and kit is not None:
            out.append((f"{stem}-reference-checks",
                        made(compose_reference_checks, jd, kit, default_reference_guide())))
        elif kind == "summary" and kit is not None:
            out.append((f"{stem}-chairs-summary", made(compose_summary, jd, kit, summarise(kit))))
        elif kind == "key" and kit is not None:
            out.append((f"{stem}-candidate-key", made(compose_key, jd, kit)))
        else:
            raise ValueError(f"unknown document '{kind}'")
    stems = [name for name, _ in out]
    if len(stems) != len(set(stems)):  # never: names are made unique above
        raise ValueError(f"two documents would share a file name: {stems}")
    return out


def build(project: Project, outdir: str | Path, options: BuildOptions | None = None,
          progress: Callable[[int, int, Path], None] | None = None) -> list[Path]:
    """Write every requested document in every requested format; returns the files written."""
    opts = options or BuildOptions()
    if opts.logo:
        check_logo(opts.logo)
    folder = Path(outdir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = f"cannot create the output folder ({exc.strerror or exc})"
        raise InputError(folder, reason) from None
    if not folder.is_dir():
        raise InputError(folder, "is not a folder")
    suffix = "-large-print" if opts.large_print else ""
    docs = compose_documents(project, opts)
    jobs = [(doc, fmt, folder / f"{stem}{suffix}.{fmt}") for stem, doc in docs
            for fmt in opts.formats]
    written: list[Path] = []
    pool = _pool(len(jobs)) if opts.parallel else None
    try:
        results = pool.map(_write_one, jobs) if pool is not None else map(_write_one, jobs)
        for i, target in enumerate(results, start=1):
            written.append(target)
            if progress:
                progress(i, len(jobs), target)
    except BrokenProcessPool:
        raise InputError(folder, "the documents could not be written (a worker process "
                                 "stopped; try again)") from None
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return written


def _write_one(job: tuple[Document, str, Path]) -> Path:
    doc, fmt, target = job
    try:
        _writer(fmt)(doc, target)
    except OSError as exc:
        raise InputError(target, f"could not be written ({exc.strerror or exc})") from None
    return target


def _pool(jobs: int) -> Executor | None:
    """Two worker processes on Linux (fork is cheap there); None elsewhere or for small jobs."""
    if jobs < 6 or (os.cpu_count() or 1) < 2:
        return None
    return process_pool(2)
