"""Export speed: every document of a 5-interviewer, 12-question, 6-candidate kit in DOCX and PDF.

Run: python benchmarks/bench_export.py
Prints the total time, the time per file, and the ratio to LibreOffice converting the job
description DOCX to PDF in the same run (when soffice is installed).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jdbuilder.export.build import BuildOptions, build
from jdbuilder.interview.bank import default_bank
from jdbuilder.interview.guide import GuideQuestion, Interviewer, InterviewGuide, ScoreEntry
from jdbuilder.library import load_library, template_job_description
from jdbuilder.model.jobad import generate_ad
from jdbuilder.project import Project


def kit_project() -> Project:
    lib = load_library()
    jd = template_job_description(lib.role("peer-specialist"))
    bank = [q for q in default_bank() if q.suits_role("peer-specialist")][:12]
    guide = InterviewGuide(
        questions=[GuideQuestion.from_bank(q) for q in bank],
        interviewers=[Interviewer(f"i{k}", f"Interviewer {k}") for k in range(1, 6)],
        candidates=[f"C{k}" for k in range(1, 7)],
        name_key={f"C{k}": f"Candidate Name {k}" for k in range(1, 7)},
    )
    guide.scores = [ScoreEntry(iv.id, c, q.id, 1 + (hash((iv.id, c, q.id)) % 5))
                    for iv in guide.interviewers for c in guide.candidates
                    for q in guide.questions]
    return Project(job_description=jd, job_ad=generate_ad(jd).to_dict(),
                   interview=guide.to_dict())


def main() -> int:
    proj = kit_project()
    with tempfile.TemporaryDirectory() as tmp:
        build(proj, Path(tmp) / "warm", BuildOptions(documents=["jd"]))  # fonts, imports
        for parallel in (False, True):
            runs = []
            for k in range(3):
                out = Path(tmp) / f"run{k}-{parallel}"
                t = time.perf_counter()
                files = build(proj, out, BuildOptions(organisation="Hilltown Peer Network",
                                                      parallel=parallel))
                runs.append(time.perf_counter() - t)
            best = min(runs)
            how = "two worker processes (as `jdbuilder build` runs)" if parallel else \
                "one process (as the desktop app runs)"
            print(f"kit: 5 interviewers, 12 questions, 6 candidates -> {len(files)} files "
                  f"(DOCX and PDF), {how}")
            print(f"  total: {best:.3f} s (best of 3; runs "
                  f"{', '.join(f'{r:.3f}' for r in runs)}); "
                  f"{best / len(files) * 1000:.0f} ms per file (target: under 1 s in total)")
        soffice = shutil.which("soffice")
        if soffice:
            jd_docx = next(p for p in files if p.name.endswith("job-description.docx"))
            t = time.perf_counter()
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                            str(Path(tmp) / "lo"), str(jd_docx)], capture_output=True,
                           check=False, timeout=180)
            lo = time.perf_counter() - t
            print(f"LibreOffice converting the job description DOCX to PDF: {lo:.3f} s; "
                  f"whole kit / one LibreOffice conversion = {best / lo:.2f}x")
        else:
            print("soffice not installed: LibreOffice reference not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
