"""Smoke test of the frozen application: does the built program work on its own?

    python packaging/smoke_test.py DIST_DIR [--offscreen] [--keep]

DIST_DIR is the folder build.py wrote (dist/) or the application folder in it. The test uses
only the frozen executable and the Python standard library (no jdbuilder, no third-party
packages), runs every command in a fresh, empty home folder, and checks:

- `--version` prints this checkout's version; `--self-test` passes (Qt platform plugin,
  library, lexicons, spaCy and its English lemma table, the main window, a live language
  check, a DOCX and PDF export), and how long the cold start took;
- `roles`, `new`, `check` (text, JSON, a .txt file and a .jdb project), `questions`, `scores`,
  `library search`, `review` and `build` (every document, both formats, large print, a logo)
  on the sample project packaging/smoke/sample.jdb, whose planted problems must be found;
- that the DOCX files are complete Word documents with the expected text, and the PDFs
  complete PDF files with the DejaVu font embedded;
- that user data lives in the platform's user-data folder: settings and a personal library
  placed there are used (organisation name in the headers, A4 paper, the personal statement
  found by search), and the install folder is byte-for-byte unchanged after every command;
- that an input error is one line on stderr with exit code 2.

Exit code 0 when everything passes, 1 otherwise. Each check prints one line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from appinfo import APP_NAME, ICONS, cli_executable, installed_folder, version  # noqa: E402

SAMPLE = HERE / "smoke" / "sample.jdb"
SAMPLE_TITLE = "Certified Peer Specialist"
PLANTED_WORDS = ("addicts", "non-compliant")
PLANTED_QUESTION = "How old are you?"
ORGANISATION = "Smoke Test Organisation"
PERSONAL_ID = "duty.smoke-test-personal-library"
PERSONAL_YAML = f"""\
statements:
  - id: {PERSONAL_ID}
    kind: duty
    text: Keeps a shared calendar of peer support groups and community events up to date.
    roles: [all]
    settings: [community]
    populations: [adults]
    source: "jdbuilder packaging smoke test"
    reviewed_on: 2026-11-22
"""
TIMEOUT = 300


class Failed(Exception):
    pass


class Smoke:
    def __init__(self, exe: Path, install: Path, work: Path, offscreen: bool) -> None:
        self.exe = exe
        self.install = install
        self.work = work
        self.home = work / "home"
        self.home.mkdir()
        self.env = self._environment(offscreen)
        self.user_data = self._platform_user_data()
        self.results: list[tuple[str, bool, str]] = []
        self.timings: dict[str, float] = {}
        self.snapshot = snapshot(install)

    # ---- environment -------------------------------------------------------------------------
    def _environment(self, offscreen: bool) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("JDBUILDER_", "XDG_", "PYTHON", "QT_"))}
        env.update(HOME=str(self.home), USERPROFILE=str(self.home),
                   APPDATA=str(self.home / "AppData" / "Roaming"),
                   LOCALAPPDATA=str(self.home / "AppData" / "Local"),
                   TMPDIR=str(self.work / "tmp"), TEMP=str(self.work / "tmp"),
                   TMP=str(self.work / "tmp"))
        (self.work / "tmp").mkdir()
        if offscreen:
            env["QT_QPA_PLATFORM"] = "offscreen"
        return env

    def _platform_user_data(self) -> Path:
        """Where jdbuilder must keep user data on this platform (README, 'Where data lives')."""
        if sys.platform == "win32":
            return Path(self.env["APPDATA"]) / APP_NAME
        if sys.platform == "darwin":
            return self.home / "Library" / "Application Support" / APP_NAME
        return self.home / ".local" / "share" / APP_NAME

    # ---- running ------------------------------------------------------------------------------
    def run(self, *args: str, expect: int | tuple[int, ...] = 0) -> subprocess.CompletedProcess:
        start = time.perf_counter()
        try:
            proc = subprocess.run([str(self.exe), *args], cwd=self.work, env=self.env,
                                  capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise Failed(f"'{' '.join(args)}' did not finish within {TIMEOUT} s") from None
        took = time.perf_counter() - start
        out = subprocess.CompletedProcess(proc.args, proc.returncode,
                                          proc.stdout.decode("utf-8", "replace"),
                                          proc.stderr.decode("utf-8", "replace"))
        out.took = took  # type: ignore[attr-defined]
        wanted = (expect,) if isinstance(expect, int) else expect
        if out.returncode not in wanted:
            raise Failed(f"'{' '.join(args)}' exited with {out.returncode}, expected "
                         f"{' or '.join(map(str, wanted))}\n--- stdout\n{out.stdout[-3000:]}"
                         f"\n--- stderr\n{out.stderr[-3000:]}")
        return out

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
            changed = diff(self.snapshot, snapshot(self.install))
            if changed:
                raise Failed("the install folder changed: " + ", ".join(changed[:5]))
        except Failed as exc:
            self.results.append((name, False, str(exc)))
            print(f"FAIL  {name}: {exc}", flush=True)
            return
        except Exception as exc:  # a bug in a check is a failure too, with its reason
            self.results.append((name, False, f"{type(exc).__name__}: {exc}"))
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}", flush=True)
            return
        self.results.append((name, True, detail))
        print(f"ok    {name}: {detail}", flush=True)

    # ---- the checks ---------------------------------------------------------------------------
    def version(self) -> str:
        out = self.run("--version")
        expected = f"{APP_NAME} {version()}"
        if out.stdout.strip() != expected:
            raise Failed(f"printed {out.stdout.strip()!r}, expected {expected!r}")
        self.timings["--version"] = out.took
        return f"{expected} ({out.took:.2f} s)"

    def self_test(self) -> str:
        out = self.run("--self-test")
        if "self-test: all steps passed" not in out.stdout:
            raise Failed("no 'all steps passed' line:\n" + out.stdout)
        self.timings["--self-test"] = out.took
        steps = [line.split(":")[1].strip() for line in out.stdout.splitlines()
                 if line.startswith("self-test:") and ": ok (" in line]
        qt = re.search(r"platform (\w+)", out.stdout)
        return (f"{len(steps)} steps passed ({', '.join(steps)}), Qt platform "
                f"{qt.group(1) if qt else '?'}, cold start {out.took:.2f} s")

    def roles(self) -> str:
        out = self.run("roles")
        ids = [line.split()[0] for line in out.stdout.splitlines() if line.strip()]
        if "peer-specialist" not in ids:
            raise Failed("peer-specialist is not listed:\n" + out.stdout)
        return f"{len(ids)} role templates"

    def new(self) -> str:
        target = self.work / "new.jdb"
        self.run("new", "--role", "recovery-coach", "--out", str(target))
        data = json.loads(target.read_text(encoding="utf-8"))
        if data.get("format") != "jdbuilder-project" or not data.get("job_description"):
            raise Failed(f"{target} is not a jdbuilder project")
        self.run("new", "--role", "recovery-coach", "--out", str(target), expect=2)
        return f"{target.name} created ({target.stat().st_size:,} bytes); refused to overwrite"

    def check_text(self) -> str:
        sample = self.work / "ad.txt"
        sample.write_text("We are hiring.\nSupports addicts who are non-compliant with "
                          "treatment.\n", encoding="utf-8")
        out = self.run("check", str(sample), expect=1)
        hits = [line for line in out.stdout.splitlines() if re.match(r".*ad\.txt:2:\d+: ", line)]
        if not hits:
            raise Failed("no finding on line 2:\n" + out.stdout)
        return f"{len(hits)} finding(s) on line 2 of a .txt file"

    def check_project(self) -> str:
        out = self.run("check", "--format", "json", str(SAMPLE), expect=1)
        data = json.loads(out.stdout)
        found = [f for entry in data["files"] for f in entry.get("findings", [])]
        texts = " ".join(f["text"].lower() for f in found)
        missing = [w for w in PLANTED_WORDS if w not in texts]
        if missing:
            raise Failed(f"planted wording not found: {missing}")
        if not all(f.get("source") and f.get("suggestions") for f in found):
            raise Failed("a finding has no source or no suggestion")
        fresh = self.run("check", "--format", "json", str(self.work / "new.jdb"),
                         expect=(0, 1))
        n = sum(len(e.get("findings", [])) for e in json.loads(fresh.stdout)["files"])
        return (f"{len(found)} finding(s) in the sample, with sources and suggestions; "
                f"{n} in a fresh template")

    def questions(self) -> str:
        out = self.run("questions", "--format", "json", str(SAMPLE), expect=1)
        verdicts = json.loads(out.stdout)["questions"]
        blocked = [q for q in verdicts if q["verdict"] == "not_allowed"]
        if [q["text"] for q in blocked] != [PLANTED_QUESTION]:
            raise Failed(f"expected only the planted question to be blocked, got {blocked}")
        if not blocked[0].get("rewrite"):
            raise Failed("no compliant rewrite offered")
        plain = self.work / "questions.txt"
        plain.write_text("Tell me about a time you supported someone through a setback.\n\n"
                         "Do you have any disabilities?\n", encoding="utf-8")
        text = self.run("questions", str(plain), expect=1)
        if "NOT ALLOWED" not in text.stdout or "questions.txt:3:" not in text.stdout:
            raise Failed("a disability question in a text file was not blocked:\n" + text.stdout)
        return (f"{len(verdicts)} kit questions checked, the planted one blocked with a "
                f"rewrite; a .txt list checked too")

    def scores(self) -> str:
        data = json.loads(self.run("scores", "--format", "json", str(SAMPLE)).stdout)
        if not data:
            raise Failed("empty score summary")
        text = self.run("scores", str(SAMPLE)).stdout  # to a pipe: must be UTF-8 everywhere
        if "Sam Nguyễn" not in text or "DIVERGENT" not in text:
            raise Failed("the text summary lacks the interviewer 'Sam Nguyễn' or the divergent "
                         "spread:\n" + text)
        return (f"JSON summary with {', '.join(sorted(data))}; text output UTF-8 with the "
                f"divergent spread marked")

    def user_data_setup(self) -> str:
        self.user_data.mkdir(parents=True, exist_ok=True)
        (self.user_data / "settings.json").write_text(
            json.dumps({"organisation": ORGANISATION, "paper": "a4"}), encoding="utf-8")
        statements = self.user_data / "library" / "statements"
        statements.mkdir(parents=True, exist_ok=True)
        (statements / "smoke.yaml").write_text(PERSONAL_YAML, encoding="utf-8")
        return f"settings and a personal statement written to {self.user_data}"

    def library_search(self) -> str:
        out = self.run("library", "search", "shared calendar peer support groups", "--format",
                       "json")
        results = json.loads(out.stdout)["results"]
        mine = [r for r in results if r["id"] == PERSONAL_ID]
        if not mine or mine[0]["layer"] != "personal":
            raise Failed("the personal statement in the user-data folder was not found")
        builtin = self.run("library", "search", "lived experience", "--format", "json")
        n = len(json.loads(builtin.stdout)["results"])
        if not n:
            raise Failed("no built-in statement matches 'lived experience'")
        return f"personal layer read from the user-data folder; {n} built-in matches"

    def build(self) -> str:
        out_dir = self.work / "documents"
        logo = self.work / "logo.png"
        shutil.copyfile(ICONS / "jdbuilder.png", logo)
        out = self.run("build", str(SAMPLE), "--out", str(out_dir), "--logo", str(logo))
        files = [Path(line) for line in out.stdout.splitlines() if line.strip()]
        if PLANTED_QUESTION not in out.stderr:
            raise Failed("no warning about the blocked kit question")
        kinds = {"job-description", "job-ad", "interview-", "score-sheets", "consensus-sheet",
                 "candidate-key"}
        for kind in kinds:
            for ext in (".docx", ".pdf"):
                if not any(kind in f.name and f.suffix == ext for f in files):
                    raise Failed(f"no {kind}*{ext} among {[f.name for f in files]}")
        for f in files:
            if f.suffix == ".docx":
                check_docx(f, must_contain=[ORGANISATION])
            else:
                check_pdf(f, a4=True)
        check_docx(next(f for f in files if "job-description" in f.name and f.suffix == ".docx"),
                   must_contain=[SAMPLE_TITLE])
        check_docx(next(f for f in files if "candidate-key" in f.name and f.suffix == ".docx"),
                   must_contain=["Zoë Łukasz", "Nguyễn Thị Hoa"])
        large = self.run("build", str(SAMPLE), "--out", str(out_dir / "large"), "--documents",
                         "jd", "--large-print", "--paper", "letter", "--organisation", "Other")
        large_files = [Path(line) for line in large.stdout.splitlines() if line.strip()]
        if not any("large-print" in f.name for f in large_files):
            raise Failed("no large-print files")
        for f in large_files:
            check_docx(f, ["Other"]) if f.suffix == ".docx" else check_pdf(f, a4=False)
        size = sum(f.stat().st_size for f in files)
        return (f"{len(files)} documents ({size / 1024:.0f} KiB): DOCX valid with the "
                f"organisation from settings, PDFs A4 with DejaVu embedded; large print too")

    def review(self) -> str:
        target = self.work / "review.docx"
        out = self.run("review", str(SAMPLE), "--out", str(target))
        with zipfile.ZipFile(target) as zf:
            comments = zf.read("word/comments.xml").decode("utf-8")
        n = comments.count("<w:comment ")
        if n < len(PLANTED_WORDS):
            raise Failed(f"only {n} comment(s) in the reviewer copy")
        return f"{n} Word comments ({out.stdout.strip()[:80]})"

    def input_error(self) -> str:
        missing = self.work / "missing.jdb"
        out = self.run("build", str(missing), "--out", str(self.work / "x"), expect=2)
        lines = [line for line in out.stderr.splitlines() if line.strip()]
        if len(lines) != 1 or "missing.jdb" not in lines[0]:
            raise Failed(f"expected one line naming the file, got {out.stderr!r}")
        if (self.work / "x").exists() and any((self.work / "x").iterdir()):
            raise Failed("a failed build left files behind")
        return f"one line, exit 2: {lines[0]}"

    def data_locations(self) -> str:
        written = sorted(str(p.relative_to(self.home)) for p in self.home.rglob("*")
                         if p.is_file())
        outside = [p for p in written if not (self.home / p).is_relative_to(self.user_data)]
        where = ", ".join(outside[:5]) if outside else "nothing"
        return (f"install folder unchanged after every command; files in the home folder "
                f"outside {self.user_data.relative_to(self.home)}: {where}")


# ---- document checks --------------------------------------------------------------------------
def check_docx(path: Path, must_contain: list[str]) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
            if bad:
                raise Failed(f"{path.name}: damaged member {bad}")
            names = zf.namelist()
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise Failed(f"{path.name}: not a Word document")
            text = " ".join(zf.read(n).decode("utf-8") for n in names
                            if n.startswith("word/") and n.endswith(".xml"))
    except zipfile.BadZipFile as exc:
        raise Failed(f"{path.name}: not a ZIP file ({exc})") from None
    plain = re.sub(r"<[^>]+>", "", text)
    for wanted in must_contain:
        if wanted not in plain:
            raise Failed(f"{path.name}: '{wanted}' not found in the document")


def check_pdf(path: Path, a4: bool) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise Failed(f"{path.name}: not a complete PDF")
    if b"DejaVu" not in data:
        raise Failed(f"{path.name}: the DejaVu font is not embedded")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    if not box:
        raise Failed(f"{path.name}: no page size")
    w, h = float(box.group(1)), float(box.group(2))
    size = (595.3, 841.9) if a4 else (612.0, 792.0)
    if abs(min(w, h) - size[0]) > 1 or abs(max(w, h) - size[1]) > 1:
        raise Failed(f"{path.name}: page {w:.0f} x {h:.0f} pt, expected "
                     f"{'A4' if a4 else 'Letter'}")


# ---- install folder snapshot ------------------------------------------------------------------
def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if Path(root, d).is_symlink()]:
            p = Path(root, name)
            st = p.lstat()
            out[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return out


def diff(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    added = [f"+{k}" for k in after.keys() - before.keys()]
    removed = [f"-{k}" for k in before.keys() - after.keys()]
    changed = [f"~{k}" for k in before.keys() & after.keys() if before[k] != after[k]]
    return sorted(added + removed + changed)


def unresolved_libraries(folder: Path) -> list[str]:
    """Linux: bundled libraries whose bundled dependencies cannot be found (via ldd)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    problems = []
    for lib in folder.rglob("*.so*"):
        if not lib.is_file() or lib.is_symlink():
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, check=False)
        for line in out.stdout.splitlines():
            if "not found" in line and re.search(r"lib(Qt6|pyside6|shiboken6|python)", line):
                problems.append(f"{lib.relative_to(folder)}: {line.strip()}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="dist/ from build.py, or the app folder in it")
    parser.add_argument("--offscreen", action="store_true",
                        help="run the self-test on Qt's offscreen platform (no desktop session)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)

    exe = cli_executable(args.dist.resolve())
    if not exe.is_file():
        print(f"smoke test: {exe}: no frozen executable; build it with packaging/build.py",
              file=sys.stderr)
        return 2
    install = installed_folder(args.dist.resolve())
    work = Path(tempfile.mkdtemp(prefix="jdbuilder-smoke-"))
    print(f"smoke test of {exe}\n      install folder {install}\n      work folder {work}")
    smoke = Smoke(exe, install, work, args.offscreen)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("--version", smoke.version),
        ("--self-test", smoke.self_test),
        ("roles", smoke.roles),
        ("new", smoke.new),
        ("check (text file)", smoke.check_text),
        ("check (project)", smoke.check_project),
        ("questions", smoke.questions),
        ("scores", smoke.scores),
        ("user data", smoke.user_data_setup),
        ("library search", smoke.library_search),
        ("build", smoke.build),
        ("review", smoke.review),
        ("input error", smoke.input_error),
        ("data locations", smoke.data_locations),
    ]
    for name, fn in checks:
        smoke.check(name, fn)
    libs = unresolved_libraries(install)
    smoke.results.append(("libraries", not libs, "; ".join(libs[:5]) or "all resolve"))
    print(f"{'ok  ' if not libs else 'FAIL'}  bundled libraries: "
          f"{'; '.join(libs[:5]) or 'every bundled Qt/Python library resolves'}")
    failed = [name for name, ok, _ in smoke.results if not ok]
    size = sum(s for s, _ in smoke.snapshot.values())
    print(f"\nsize of the install folder: {size / 2**20:.0f} MiB "
          f"({len(smoke.snapshot):,} files)")
    for key, took in smoke.timings.items():
        print(f"{key}: {took:.2f} s")
    if args.keep or failed:
        print(f"work folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"smoke test: {'FAILED: ' + ', '.join(failed) if failed else 'all checks passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
