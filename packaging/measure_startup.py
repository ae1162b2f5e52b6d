"""Start-up time and size: the frozen application against the installed (unfrozen) command.

    python packaging/measure_startup.py dist [--unfrozen .venv/bin/jdbuilder] [--runs 5]

Runs `--version` and `--self-test` alternately with each executable, every run a new process
with a fresh user-data folder, and prints the minimum, median and maximum wall-clock time,
plus the size of the frozen folder. `--cold` first asks the kernel to drop its file cache
(Linux, as root) before every run, so each run also reads the files from disk.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from appinfo import cli_executable, installed_folder


def folder_size(path: Path) -> int:
    """Bytes used by the files under path (symbolic links counted once, as links)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            p = Path(root, name)
            total += p.lstat().st_size
    return total


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], cold: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system; 0 on Windows) of one run."""
    with tempfile.TemporaryDirectory(prefix="jdbuilder-measure-") as home:
        env = {**os.environ, "JDBUILDER_HOME": home}
        if cold:
            drop_caches()
        cpu = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, check=False)
        took = time.perf_counter() - start
        cpu = _children_cpu() - cpu
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}")
    return took, cpu


def describe(runs: list[tuple[float, float]]) -> str:
    wall = [w for w, _ in runs]
    cpu = [c for _, c in runs]
    text = (f"wall min {min(wall):.2f} s, median {statistics.median(wall):.2f} s, "
            f"max {max(wall):.2f} s")
    if any(cpu):
        text += f"; CPU median {statistics.median(cpu):.2f} s"
    return f"{text} ({len(runs)} runs)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the dist folder (or the app folder in it)")
    parser.add_argument("--unfrozen", default=shutil.which("jdbuilder"),
                        help="the installed jdbuilder command to compare with "
                             "(default: jdbuilder on PATH)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true",
                        help="drop the file cache before every run (Linux, root)")
    args = parser.parse_args(argv)

    frozen = cli_executable(args.dist.resolve())
    if not frozen.is_file():
        raise SystemExit(f"{frozen}: no frozen executable (build with packaging/build.py)")
    folder = installed_folder(args.dist.resolve())
    print(f"frozen folder: {folder} ({folder_size(folder) / 2**20:.0f} MiB)")
    if hasattr(os, "getloadavg"):
        print("load average before: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.cold and not drop_caches():
        print("note: cannot drop the file cache here; runs are warm")
        args.cold = False
    subjects = {"frozen": [str(frozen)]}
    if args.unfrozen:
        subjects["unfrozen"] = [args.unfrozen]
    for label, flag in (("--version", "--version"), ("--self-test", "--self-test")):
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in subjects}
        for _ in range(args.runs):
            for name, cmd in subjects.items():
                times[name].append(run([*cmd, flag], args.cold))
        for name in subjects:
            print(f"{name:8} {label:12} {describe(times[name])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
