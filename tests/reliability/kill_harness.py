"""Kill a saving process with SIGKILL at random moments, then load every file it was writing.

Run the long version:  python tests/reliability/kill_harness.py [ITERATIONS] [SEED]
(default 200 iterations). The suite runs a short version (tests/reliability/test_kill_harness.py).

The child process saves, in a loop and in turn: the project file (with its .bak), the settings
file, the personal library (a new statement each round), an exported DOCX and PDF, and the
autosave recovery file, each through the app's own save functions. After each kill every file
must load, be one complete version (old or new, never a mix), and nothing saved before the
kill may be lost. The recovery file must always hold the last autosaved edit or a later one.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHILD = r"""
import json, os, sys
from pathlib import Path
os.environ["JDBUILDER_HOME"] = sys.argv[2]
from jdbuilder import project as projects
from jdbuilder.atomic import atomic_write_text
from jdbuilder.export.build import BuildOptions, build
from jdbuilder.library.personal import add_personal_statement
from jdbuilder.model.jobdesc import JobDescription, ResponsibilityArea
from jdbuilder.settings import Settings, save_settings
from jdbuilder.userdata import user_data_dir

folder = Path(sys.argv[1])
progress = folder / "progress.log"
start = int(sys.argv[3])
print("ready", flush=True)
i = start
while True:
    tag = f"v{i}"
    jd = JobDescription(title=tag, reports_to=["Lead"],
                        areas=[ResponsibilityArea(tag * 20, [tag * 80] * 120)])
    proj = projects.Project(job_description=jd)
    projects.save(proj, folder / "p.jdb")
    save_settings(Settings(organisation=tag, allow_phrases=[tag] * 50))
    add_personal_statement(f"Shares experience in round {i}.", "duty",
                           statement_id=f"duty.round-{i}")
    build(proj, folder / "out", BuildOptions(documents=["jd"]))
    recovery = user_data_dir() / "recovery"
    recovery.mkdir(parents=True, exist_ok=True)
    atomic_write_text(recovery / "session.jdb", projects.dumps(proj))
    with open(progress, "a", encoding="utf-8") as fh:   # written after every save completed
        fh.write(f"{i}\n")
        fh.flush()
        os.fsync(fh.fileno())
    i += 1
"""


@dataclass
class Result:
    kills: int = 0
    problems: list[str] = field(default_factory=list)
    files_checked: int = 0
    stray_temp_files: int = 0  # temporary files a killed write leaves (never the target)


def _check(folder: Path, home: Path, result: Result) -> int:
    saved_home = os.environ.get("JDBUILDER_HOME")
    os.environ["JDBUILDER_HOME"] = str(home)  # read the same user-data folder as the child
    try:
        return _check_files(folder, home, result)
    finally:
        if saved_home is None:
            os.environ.pop("JDBUILDER_HOME", None)
        else:
            os.environ["JDBUILDER_HOME"] = saved_home


def _check_files(folder: Path, home: Path, result: Result) -> int:
    from docx import Document
    from pypdf import PdfReader

    from jdbuilder import project as projects
    from jdbuilder.library import load_library
    from jdbuilder.library.loader import personal_library_dir
    from jdbuilder.settings import load_settings

    log = folder / "progress.log"
    done = [int(x) for x in log.read_text(encoding="utf-8").split()] if log.exists() else []
    last = done[-1] if done else -1

    def version(title: str) -> int:
        return int(title[1:]) if title.startswith("v") else -1

    p = projects.load(folder / "p.jdb")
    v = version(p.job_description.title)
    area = p.job_description.areas[0]
    if area.title != p.job_description.title * 20 or any(
            d != p.job_description.title * 80 for d in area.duties):
        result.problems.append(f"project mixes versions (v{v})")
    if v < last:
        result.problems.append(f"project lost saved work: has v{v}, v{last} was saved")
    bak = folder / "p.jdb.bak"
    if bak.exists():
        projects.load(bak)
    settings, err = load_settings()
    if err is not None:
        result.problems.append(f"settings unreadable: {err}")
    elif (folder / "progress.log").exists() and version(settings.organisation) < last:
        result.problems.append("settings lost a saved version")
    lib = load_library(personal=personal_library_dir())
    if lib.problems:
        result.problems.append(f"personal library: {lib.problems[0]}")
    missing = [i for i in done if f"duty.round-{i}" not in lib.statements]
    if missing:
        result.problems.append(f"personal library lost statements {missing[:3]}")
    out = folder / "out"
    for f in out.glob("*.docx"):
        Document(str(f))
    for f in out.glob("*.pdf"):
        PdfReader(str(f)).pages[0].extract_text()
    result.stray_temp_files = max(result.stray_temp_files,
                                  len([f for f in out.iterdir() if f.suffix == ".tmp"]))
    recovery = home / "recovery" / "session.jdb"
    if recovery.exists():
        r = projects.load(recovery)
        if version(r.job_description.title) < last:
            result.problems.append("autosave lost the last autosaved edit")
    result.files_checked += 6
    taken = [int(i.split("-")[-1]) for i in lib.statements if i.startswith("duty.round-")]
    return max([last, v, *taken]) + 1


def run(iterations: int, seed: int = 1, max_delay: float = 0.6) -> Result:
    rng = random.Random(seed)
    result = Result()
    with tempfile.TemporaryDirectory() as tmp:
        folder, home = Path(tmp) / "work", Path(tmp) / "home"
        folder.mkdir()
        home.mkdir()
        start = 0
        env = {**os.environ, "JDBUILDER_HOME": str(home)}
        for _ in range(iterations):
            proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(home),
                                     str(start)], stdout=subprocess.PIPE, text=True, env=env)
            assert proc.stdout is not None
            if proc.stdout.readline().strip() != "ready":
                proc.kill()
                raise RuntimeError("the saving process did not start")
            time.sleep(rng.uniform(0.0, max_delay))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            result.kills += 1
            try:
                start = _check(folder, home, result)
            except Exception as exc:  # any load failure is a corrupt or lost file
                result.problems.append(f"{type(exc).__name__}: {exc}")
                start += 1
    return result


def main(argv: list[str]) -> int:
    iterations = int(argv[0]) if argv else 200
    seed = int(argv[1]) if len(argv) > 1 else 1
    t = time.perf_counter()
    result = run(iterations, seed)
    print(json.dumps({"kills": result.kills, "files_checked": result.files_checked,
                      "stray_temp_files_at_most": result.stray_temp_files,
                      "problems": result.problems,
                      "seconds": round(time.perf_counter() - t, 1)}, indent=2))
    return 0 if not result.problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
