"""Build the frozen jdbuilder application for the operating system this runs on.

    python packaging/build.py [--clean] [--smoke] [--installer]

Writes dist/jdbuilder/ (all systems) and dist/jdbuilder.app (macOS) from packaging/jdbuilder.spec.
Run it with the Python environment that has jdbuilder's dependencies and PyInstaller
installed (`pip install . -r packaging/requirements.txt`).

--smoke      run packaging/smoke_test.py on the result
--installer  also make the installer: Windows, an Inno Setup installer (needs ISCC.exe, from
             Inno Setup 6); macOS, a .dmg (packaging/macos/make_dmg.sh); Linux, a .tar.gz
--clean      start from an empty PyInstaller cache and work folder
--skip-build use the application already in dist/ (with --smoke or --installer)

docs/PACKAGING.md explains what goes into the build and how to sign it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from appinfo import (  # noqa: E402
    APP_NAME,
    ROOT,
    cli_executable,
    installed_folder,
    version,
    version_tuple,
)

SPEC = HERE / "jdbuilder.spec"
ISS = HERE / "windows" / "jdbuilder.iss"
DMG_SCRIPT = HERE / "macos" / "make_dmg.sh"


def folder_size(path: Path) -> tuple[int, int]:
    total = files = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            total += Path(root, name).lstat().st_size
            files += 1
    return total, files


def check_environment() -> None:
    missing = [m for m in ("PyInstaller", "PySide6", "spacy", "spacy_lookups_data", "docx",
                           "reportlab", "yaml") if importlib.util.find_spec(m) is None]
    if missing:
        raise SystemExit(f"build: missing in this Python environment: {', '.join(missing)}\n"
                         "install with: pip install . -r packaging/requirements.txt")


def pyinstaller(dist: Path, work: Path, clean: bool) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
        shutil.rmtree(work, ignore_errors=True)
    print("build: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"),
                 os.environ.get("LOCALAPPDATA", "") + "\\Programs"):
        if base and Path(base, "Inno Setup 6", "ISCC.exe").is_file():
            return str(Path(base, "Inno Setup 6", "ISCC.exe"))
    return None


def installer(dist: Path) -> Path:
    ver = version()
    if sys.platform == "win32":
        iscc = find_iscc()
        if not iscc:
            raise SystemExit("build: ISCC.exe not found; install Inno Setup 6 "
                             "(choco install innosetup) or add it to PATH")
        numeric = ".".join(map(str, version_tuple(ver)))
        subprocess.run([iscc, f"/DAppVersion={ver}", f"/DAppNumericVersion={numeric}",
                        f"/DSourceDir={dist / APP_NAME}",
                        f"/DOutputDir={dist}", f"/DIconFile={HERE / 'icons' / 'jdbuilder.ico'}",
                        str(ISS)], check=True)
        return dist / f"{APP_NAME}-{ver}-windows-setup.exe"
    if sys.platform == "darwin":
        subprocess.run(["bash", str(DMG_SCRIPT), str(dist / f"{APP_NAME}.app"), ver,
                        str(dist)], check=True)
        return dist / f"{APP_NAME}-{ver}-macos-{platform.machine()}.dmg"
    target = dist / f"{APP_NAME}-{ver}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(dist / APP_NAME, arcname=f"{APP_NAME}-{ver}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller work folder (default: build/pyinstaller/)")
    parser.add_argument("--clean", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--installer", action="store_true")
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    if not args.skip_build:
        check_environment()
        pyinstaller(args.dist.resolve(), args.work.resolve(), args.clean)
    exe = cli_executable(args.dist)
    if not exe.is_file():
        raise SystemExit(f"build: {exe} was not produced")
    folder = installed_folder(args.dist)
    size, files = folder_size(folder)
    if not args.skip_build:
        print(f"build: {folder} ({size / 2**20:.0f} MiB, {files:,} files) "
              f"in {time.perf_counter() - start:.0f} s; try {exe} --self-test", flush=True)
    if args.smoke:
        smoke = subprocess.run([sys.executable, str(HERE / "smoke_test.py"), str(args.dist)],
                               check=False)
        if smoke.returncode:
            return smoke.returncode
    if args.installer:
        print(f"build: installer {installer(args.dist.resolve())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
