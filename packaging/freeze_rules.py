"""What the frozen application leaves out, as plain functions the spec applies and tests check.

jdbuilder.spec calls these on PyInstaller's tables of contents: lists of
`(destination, source, kind)` entries. Nothing here imports PyInstaller at module level, so the
test suite can check the rules without it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

Entry = tuple[str, str, str]

# ---- Python modules that are never needed ------------------------------------------------------
UNUSED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization",
    "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer",
    "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth",
    "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml", "QtLabsStyleKit",
)
USED_QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
# Qt libraries never dropped, whatever the dependency walk says.
QT_LIBS_ALWAYS_KEPT = frozenset({"Core", "Gui", "Widgets", "PrintSupport", "DBus"})

EXCLUDES = [
    # optional back ends that thinc, spaCy, spacy-loggers or reportlab import when present
    "torch", "tensorflow", "jax", "jaxlib", "cupy", "cupyx", "mxnet", "transformers",
    "wandb", "mlflow", "clearml", "pandas", "scipy", "sklearn", "matplotlib", "IPython",
    "ipykernel", "jupyter_client", "notebook", "tkinter", "_tkinter", "PyQt5", "PyQt6",
    "PySide2", "pygame", "sympy", "numba",
    # parts of Pillow and lxml nothing uses: reportlab reads PNG/JPEG logos with PIL.Image;
    # python-docx uses lxml.etree only
    "PIL.AvifImagePlugin", "PIL._avif", "PIL.WebPImagePlugin", "PIL._webp", "PIL.ImageQt",
    "PIL.ImageTk", "PIL._imagingtk", "PIL.ImageFont", "PIL._imagingft", "PIL.ImageCms",
    "PIL._imagingcms", "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax",
    # spaCy's command-line tools and what only they use (rthooks/spacy_without_cli.py)
    "spacy.cli", "spacy.__main__", "typer", "weasel", "rich", "requests", "httpx", "jinja2",
    "cloudpathlib", "smart_open", "shellingham", "click",
    # setuptools' pkg_resources: only spacy-lookups-data names it, for Python < 3.9; collected,
    # it would also add PyInstaller's pkg_resources runtime hook, which imports it at start-up
    "pkg_resources", "setuptools", "distutils", "_distutils_hack",
    # test and development tools
    "pytest", "_pytest", "hypothesis", "pytestqt", "mypy", "ruff", "pypdf", "spacy.tests",
    "thinc.tests", "numpy.tests", "numpy.f2py", "lxml.tests", "pydoc_data",
    # Qt modules jdbuilder does not use (jdbuilder.ui uses QtCore, QtGui, QtWidgets and
    # QtPrintSupport)
    *[f"PySide6.{m}" for m in UNUSED_QT_MODULES],
]

# ---- Qt plugins ---------------------------------------------------------------------------------
# Plugin folder -> the plugins kept (a plugin is kept when one of the names is part of its file
# name). None keeps every plugin of that type; a folder not listed is left out entirely.
QT_PLUGINS: dict[str, dict[str, list[str] | None]] = {
    "win32": {
        "platforms": ["qwindows", "qoffscreen", "qminimal"],
        "styles": None,                      # qmodernwindowsstyle: the Windows 10/11 look
        "printsupport": None,
        "imageformats": ["qico", "qjpeg", "qsvg", "qgif"],
        "iconengines": None,                 # SVG icons
    },
    "darwin": {
        "platforms": ["qcocoa", "qoffscreen", "qminimal"],
        "styles": None,                      # qmacstyle: the native look
        "printsupport": None,                # CUPS
        "imageformats": ["qico", "qjpeg", "qsvg", "qgif", "qicns", "qmacheif", "qmacjp2"],
        "iconengines": None,
    },
    "linux": {
        "platforms": ["qxcb", "qwayland", "qoffscreen", "qminimal"],
        "platformthemes": None,              # GTK 3 and the XDG portal (native file dialogs)
        "platforminputcontexts": ["compose", "ibus"],  # dead keys and input methods
        "xcbglintegrations": None,
        "wayland-shell-integration": ["xdg-shell"],
        "wayland-decoration-client": None,
        "wayland-graphics-integration-client": ["shm-emulation", "qt-plugin-wayland-egl"],
        "styles": None,
        "printsupport": None,                # CUPS
        "imageformats": ["qico", "qjpeg", "qsvg", "qgif"],
        "iconengines": None,
    },
}


def platform_key(platform: str) -> str:
    return "win32" if platform == "win32" else "darwin" if platform == "darwin" else "linux"


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def is_qt_plugin(dest: str) -> bool:
    parts = _parts(dest)
    return "PySide6" in parts and "plugins" in parts


def keep_plugin(dest: str, platform: str) -> bool:
    """Is this Qt plugin (a destination path under PySide6/.../plugins/<type>/) wanted?"""
    parts = _parts(dest)
    i = parts.index("plugins")
    kind = parts[i + 1] if len(parts) > i + 2 else ""
    wanted = QT_PLUGINS[platform_key(platform)].get(kind, [])
    return True if wanted is None else any(w in PurePosixPath(parts[-1]).stem for w in wanted)


def qt_lib_name(dest: str) -> str | None:
    """The bare Qt module name of a bundled Qt library, else None.

    'Quick' for PySide6/Qt/lib/libQt6Quick.so.6 (Linux), PySide6/Qt6Quick.dll (Windows) and
    PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick (macOS).
    """
    parts = _parts(dest)
    name = parts[-1]
    for pattern in (r"^libQt6(\w+)\.so(\.\d+)*$", r"^Qt6(\w+)\.dll$"):
        match = re.match(pattern, name)
        if match:
            return match.group(1)
    match = re.match(r"^Qt(\w+)$", name)
    if match and f"Qt{match.group(1)}.framework" in parts:
        return match.group(1)
    return None


def prune_qt(binaries: list[Entry], platform: str,
             imports_of=None) -> tuple[list[Entry], set[str]]:
    """Drop unwanted Qt plugins, then every Qt library nothing kept links to.

    A Qt library is kept only when something kept links to it: an extension module of PySide6
    or a kept plugin, directly or through another Qt library. Dropping a plugin thus drops the
    libraries only it needed (Qt Quick and QML for the virtual keyboard, QtPdf for the PDF image
    format, QtNetwork for the TLS back ends ...). `imports_of(path)` returns the resolved paths a
    binary links to (the spec passes PyInstaller's own dependency reader). Returns the binaries
    kept and the names of the Qt libraries left out.
    """
    binaries = [b for b in binaries if not is_qt_plugin(b[0]) or keep_plugin(b[0], platform)]
    qt_libs = {os.path.realpath(src): dest for dest, src, kind in binaries
               if kind != "SYMLINK" and qt_lib_name(dest)}
    if not qt_libs or imports_of is None:
        return binaries, set()
    todo = [src for dest, src, _ in binaries
            if "PySide6" in _parts(dest) and not qt_lib_name(dest)]
    todo += [src for dest, src, _ in binaries if _parts(dest)[-1].startswith(
        ("shiboken6", "libshiboken6", "pyside6", "libpyside6"))]
    needed: set[str] = set()
    seen: set[str] = set()
    while todo:
        src = os.path.realpath(todo.pop())
        if src in seen:
            continue
        seen.add(src)
        try:
            imports = imports_of(src)
        except Exception as exc:  # unreadable: keep every Qt library rather than guess
            print(f"freeze_rules: cannot read the imports of {src} ({exc}); keeping all Qt")
            return binaries, set()
        for path in imports:
            real = os.path.realpath(path) if path else None
            if real in qt_libs and real not in needed:
                needed.add(real)
                todo.append(real)
    if "Core" not in {qt_lib_name(qt_libs[real]) for real in needed}:
        # The walk resolved nothing: a layout this function does not know. Keep everything.
        print("freeze_rules: the Qt dependency walk did not reach QtCore; keeping all Qt")
        return binaries, set()
    needed |= {real for real, dest in qt_libs.items() if qt_lib_name(dest) in QT_LIBS_ALWAYS_KEPT}
    dropped = {dest for real, dest in qt_libs.items() if real not in needed}
    kept = [b for b in binaries if not qt_lib_name(b[0]) or os.path.realpath(b[1]) in needed]
    return kept, {n for n in (qt_lib_name(d) for d in dropped) if n}


def keep_data(dest: str, platform: str, dropped_qt: Iterable[str] = ()) -> bool:
    parts = _parts(dest)
    if "PySide6" in parts and ("translations" in parts or "qml" in parts):
        return False  # jdbuilder installs no Qt translator; it uses no QML
    if any(f"Qt{name}.framework" in parts for name in dropped_qt):
        return False  # macOS: Info.plist and links of a framework that was left out
    return not is_qt_plugin(dest) or keep_plugin(dest, platform)


def without_dangling_links(binaries: list[Entry], datas: list[Entry]) -> list[Entry]:
    """Drop symbolic links (PyInstaller files them under datas) whose target is not collected.

    Targets are resolved through other links on the way, including links to folders (macOS
    frameworks: QtCore.framework/QtCore -> Versions/Current/QtCore, Versions/Current -> A).
    """
    def norm(path: str) -> str:
        return os.path.normpath(path.replace("\\", "/")).replace(os.sep, "/")

    files = {norm(d) for d, _, kind in [*binaries, *datas] if kind != "SYMLINK"}
    folders = {parent.as_posix() for f in files for parent in PurePosixPath(f).parents}
    links = {norm(d): norm(str(PurePosixPath(norm(d)).parent / link.replace("\\", "/")))
             for d, link, kind in datas if kind == "SYMLINK"}

    def resolve(path: str, depth: int = 0) -> str:
        parts = PurePosixPath(path).parts
        for i in range(1, len(parts) + 1):
            prefix = "/".join(parts[:i])
            if prefix in links and depth < 40:
                rest = parts[i:]
                return resolve("/".join((links[prefix], *rest)), depth + 1)
        return path

    return [e for e in datas if e[2] != "SYMLINK"
            or resolve(links[norm(e[0])]) in files | folders]


def strip_extensions(binaries: list[Entry], cache: Path) -> tuple[list[Entry], int]:
    """Linux: copies of the extension modules without debug sections and unneeded symbols.

    The spaCy, thinc, blis, srsly and Pillow wheels for Linux ship their extension modules with
    DWARF debug information (over 100 MB), and a Python built from source (pyenv) has a debug
    libpython (about 20 MB of it). `strip --strip-unneeded` keeps everything a shared
    library needs to load and link. Libraries that auditwheel vendored and patched (`*.libs`
    folders; stripping corrupts them) and Qt's own libraries (already stripped) are left alone.
    Returns the new entries and the bytes saved.
    """
    tool = shutil.which("strip")
    if not tool:
        print("freeze_rules: 'strip' (binutils) not found; debug sections are kept")
        return binaries, 0
    out, saved = [], 0
    for dest, src, kind in binaries:
        parts = _parts(dest)
        python_lib = re.match(r"^libpython3\.\d+\.so", parts[-1]) is not None
        if ((kind != "EXTENSION" and not python_lib) or "PySide6" in parts
                or any(p.endswith(".libs") for p in parts)):
            out.append((dest, src, kind))
            continue
        copy = cache / dest
        if not copy.exists() or copy.stat().st_mtime < os.path.getmtime(src):
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, copy)
            subprocess.run([tool, "--strip-unneeded", str(copy)], check=True)
        saved += os.path.getsize(src) - copy.stat().st_size
        out.append((dest, str(copy), kind))
    return out, saved


def min_macos(qt_version: str) -> str:
    """The oldest macOS the bundled Qt supports (Qt's "Supported platforms" pages)."""
    qt = tuple(int(n) for n in qt_version.split(".")[:2])
    for since, macos in (((6, 12), "14.4"), ((6, 10), "13.0"), ((6, 8), "12.0")):
        if qt >= since:
            return macos
    return "11.0"
