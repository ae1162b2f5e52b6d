"""Drive the real window under a virtual display through the print preview of every document.

    python packaging/xvfb_print_check.py [--shots DIR] [--keep]

Starts Xvfb (and openbox when installed, so dialogs get a window manager), opens a project
with an interview kit for two interviewers in `python -m jdbuilder`, and for each document the
print chooser lists: File > Print Preview (Ctrl+Shift+P), "Clear all", tick that one document,
Enter, wait for the pages, take a screenshot (with ImageMagick's `import`, when installed),
close the preview with Escape. After each step it checks that the app is still running; at the
end it quits with Ctrl+Q and checks the exit code. The app runs in a fresh user-data folder.

Needs: Xvfb and xdotool (Debian: apt-get install xvfb xdotool; openbox and imagemagick
optional). Exit code 0 when every preview opened and closed without a crash, 1 otherwise,
2 when the tools are missing.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = 7  # job description, job ad, a packet per interviewer (2), score sheets,
# consensus record, candidate name key


def make_project(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from jdbuilder import project as projects
    from jdbuilder.library import load_library, template_job_description
    from jdbuilder.model.kit import Interviewer

    jd = template_job_description(load_library().role("peer-specialist"))
    proj = projects.Project(job_description=jd)
    from jdbuilder.interview.bank import default_bank
    from jdbuilder.interview.kits import default_kit

    kit = default_kit("peer-specialist", jd, default_bank())
    kit.interviewers = [Interviewer("a", "Ana Reyes"), Interviewer("b", "Ben Okafor")]
    kit.candidates = ["C1", "C2"]
    proj.kit = kit
    projects.save(proj, path)


class Display:
    def __init__(self, size: str) -> None:
        self.name = f":{random.randint(200, 900)}"
        self.xvfb = subprocess.Popen(["Xvfb", self.name, "-screen", "0", f"{size}x24",
                                      "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        self.env = {**os.environ, "DISPLAY": self.name}
        self.env.pop("QT_QPA_PLATFORM", None)
        self.wm = None
        if shutil.which("openbox"):
            self.wm = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(0.5)

    def keys(self, *keys: str, pause: float = 0.35) -> None:
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=self.env,
                           check=False)
            time.sleep(pause)

    def shot(self, path: Path) -> None:
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=False)

    def window_of(self, pid: int, timeout: float = 60.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            out = subprocess.run(["xdotool", "search", "--pid", str(pid), "--onlyvisible",
                                  "--name", "."], env=self.env, capture_output=True, text=True)
            ids = out.stdout.split()
            if ids:
                return ids[0]
            time.sleep(0.5)
        return ""

    def close(self) -> None:
        for p in (self.wm, self.xvfb):
            if p is not None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", default="", help="folder for the screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    missing = [t for t in ("Xvfb", "xdotool") if not shutil.which(t)]
    if missing:
        print(f"print check: missing {', '.join(missing)} (apt-get install xvfb xdotool)")
        return 2
    work = Path(tempfile.mkdtemp(prefix="jdbuilder-print-check-"))
    shots = Path(args.shots) if args.shots else work / "shots"
    shots.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    home.mkdir()
    sample = work / "kit.jdb"
    make_project(sample)
    display = Display(args.size)
    log = (work / "app.log").open("w", encoding="utf-8")
    env = {**display.env, "JDBUILDER_HOME": str(home)}
    app = subprocess.Popen([sys.executable, "-m", "jdbuilder", str(sample)], env=env,
                           stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    failed = False

    def alive(step: str) -> bool:
        nonlocal failed
        if app.poll() is not None:
            print(f"print check: the app died after {step} (exit code {app.returncode}); "
                  f"see {work / 'app.log'}")
            failed = True
            return False
        return True

    try:
        window = display.window_of(app.pid)
        if not window:
            print(f"print check: no window appeared; see {work / 'app.log'}")
            return 1
        time.sleep(6)  # the library, the bank and the language check load
        subprocess.run(["xdotool", "windowactivate", "--sync", window], env=display.env,
                       check=False)
        display.shot(shots / "00-window.png")
        for n in range(DOCUMENTS):
            display.keys("ctrl+shift+p")
            time.sleep(1.0)
            # the chooser: clear every tick, go to document n, tick it, preview
            display.keys("alt+c", "Home", *(["Down"] * n), "space", "Return")
            time.sleep(3.0)
            if not alive(f"opening the preview of document {n + 1}"):
                break
            display.shot(shots / f"{n + 1:02d}-preview.png")
            display.keys("Escape")
            time.sleep(1.0)
            if not alive(f"closing the preview of document {n + 1}"):
                break
            print(f"print check: document {n + 1} of {DOCUMENTS}: preview opened and closed")
        if not failed:
            display.keys("ctrl+q")
            try:
                code = app.wait(30)
            except subprocess.TimeoutExpired:
                print("print check: the app did not quit")
                failed = True
            else:
                if code != 0:
                    print(f"print check: the app exited with code {code}")
                    failed = True
    finally:
        if app.poll() is None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        log.close()
        display.close()
        if not args.keep and not failed and not args.shots:
            shutil.rmtree(work, ignore_errors=True)
    print("print check: " + ("FAILED" if failed else f"ok, {DOCUMENTS} previews"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
