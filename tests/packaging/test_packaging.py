"""The packaging files are present, valid and agree with each other and with the app.

These tests never run PyInstaller (a build takes minutes and belongs to
`python packaging/build.py --smoke`). They check the spec, the freezing rules, the hooks'
choices, the icons, the macOS Info.plist, the Inno Setup script and the CI workflow.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "jdbuilder.spec"
ICONS = PACKAGING / "icons"
INFO_PLIST = PACKAGING / "macos" / "Info.plist"
ISS = PACKAGING / "windows" / "jdbuilder.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "package.yml"
SAMPLE = PACKAGING / "smoke" / "sample.jdb"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def modules() -> Iterator[dict[str, ModuleType]]:
    """packaging/'s own modules, imported the way the build scripts import them."""
    sys.path.insert(0, str(PACKAGING))
    try:
        yield {
            "appinfo": _load("appinfo", PACKAGING / "appinfo.py"),
            "rules": _load("freeze_rules", PACKAGING / "freeze_rules.py"),
            "version_info": _load("version_info", PACKAGING / "windows" / "version_info.py"),
        }
    finally:
        sys.path.remove(str(PACKAGING))
        sys.modules.pop("appinfo", None)


# ---- the spec -----------------------------------------------------------------------------------
def test_spec_is_python_and_its_files_exist() -> None:
    text = SPEC.read_text(encoding="utf-8")
    compile(text, str(SPEC), "exec")
    for chain in re.findall(r'HERE((?:\s*/\s*"[^"]+")+)', text):
        parts = re.findall(r'"([^"]+)"', chain)
        assert PACKAGING.joinpath(*parts).exists(), f"the spec names missing {parts}"
    for data in ("resources", "lexicons"):
        assert f'(str(ROOT / "{data}"), "{data}")' in text
        assert (ROOT / data).is_dir()
    assert "hookspath=[str(HERE / \"hooks\")]" in text
    assert "rules.EXCLUDES" in text and "rules.prune_qt" in text
    assert '("X utf8", None, "OPTION")' in text  # UTF-8 output on every system


def test_every_packaging_script_compiles() -> None:
    for path in PACKAGING.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_data_folders_match_the_frozen_lookup() -> None:
    """The spec puts resources/ and lexicons/ where datapaths looks first in a frozen build
    (test_frozen_build_finds_data_under_meipass checks that lookup)."""
    spec = SPEC.read_text(encoding="utf-8")
    assert '"resources"), "resources")' in spec and '"lexicons"), "lexicons")' in spec


def test_frozen_build_finds_data_under_meipass(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from jdbuilder import datapaths

    for name in ("resources", "lexicons"):
        (tmp_path / name).mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    datapaths.resources_dir.cache_clear()
    datapaths.lexicons_dir.cache_clear()
    try:
        assert datapaths.resources_dir() == tmp_path / "resources"
        assert datapaths.lexicons_dir() == tmp_path / "lexicons"
    finally:
        monkeypatch.delattr(sys, "_MEIPASS")
        datapaths.resources_dir.cache_clear()
        datapaths.lexicons_dir.cache_clear()
    assert datapaths.resources_dir() != tmp_path / "resources"


# ---- what is left out ---------------------------------------------------------------------------
def test_app_uses_only_the_qt_modules_the_build_keeps(modules: dict[str, ModuleType]) -> None:
    rules = modules["rules"]
    used = set()
    for path in (ROOT / "jdbuilder").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used <= set(rules.USED_QT_MODULES), (
        f"jdbuilder now uses {sorted(used - set(rules.USED_QT_MODULES))}: add them to "
        "USED_QT_MODULES and remove them from UNUSED_QT_MODULES in packaging/freeze_rules.py")
    assert not set(rules.USED_QT_MODULES) & set(rules.UNUSED_QT_MODULES)
    for heavy in ("PySide6.QtWebEngineCore", "PySide6.QtQuick", "PySide6.Qt3DCore",
                  "PySide6.QtQml", "tkinter", "torch", "tensorflow", "matplotlib"):
        assert heavy in rules.EXCLUDES


def test_app_imports_nothing_the_build_excludes(modules: dict[str, ModuleType]) -> None:
    excluded = {m for m in modules["rules"].EXCLUDES if not m.startswith("PySide6.")}
    for path in (ROOT / "jdbuilder").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom)
                     and not node.level else [])
            for name in names:
                hit = {m for m in excluded if name == m or name.startswith(m + ".")}
                assert not hit, f"{path.relative_to(ROOT)} imports {name}, which the build excludes"


@pytest.mark.parametrize(("platform", "plugin", "kept"), [
    ("win32", "PySide6/plugins/platforms/qwindows.dll", True),
    ("win32", "PySide6/plugins/platforms/qoffscreen.dll", True),
    ("win32", "PySide6/plugins/platforms/qdirect2d.dll", False),
    ("win32", "PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("win32", "PySide6/plugins/imageformats/qpdf.dll", False),
    ("win32", "PySide6/plugins/tls/qschannelbackend.dll", False),
    ("darwin", "PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("darwin", "PySide6/Qt/plugins/platforms/libqoffscreen.dylib", True),
    ("darwin", "PySide6/Qt/plugins/styles/libqmacstyle.dylib", True),
    ("darwin", "PySide6/Qt/plugins/printsupport/libcocoaprintersupport.dylib", True),
    ("darwin", "PySide6/Qt/plugins/imageformats/libqwebp.dylib", False),
    ("linux", "PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("linux", "PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("linux", "PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("linux", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("linux", "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("linux", "PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
])
def test_qt_plugin_rules(modules: dict[str, ModuleType], platform: str, plugin: str,
                         kept: bool) -> None:
    rules = modules["rules"]
    assert rules.is_qt_plugin(plugin)
    assert rules.keep_plugin(plugin, platform) is kept


def test_every_platform_keeps_the_plugins_the_app_needs(modules: dict[str, ModuleType]) -> None:
    plugins = modules["rules"].QT_PLUGINS
    native = {"win32": "qwindows", "darwin": "qcocoa", "linux": "qxcb"}
    for platform, table in plugins.items():
        assert native[platform] in table["platforms"]
        assert "qoffscreen" in table["platforms"]  # --self-test without a display
        assert "styles" in table and "printsupport" in table


@pytest.mark.parametrize(("dest", "name"), [
    ("PySide6/Qt/lib/libQt6Quick.so.6", "Quick"),
    ("PySide6/Qt6Widgets.dll", "Widgets"),
    ("PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore", "Core"),
    ("PySide6/QtCore.abi3.so", None),
    ("PySide6/Qt/lib/libicudata.so.73", None),
    ("numpy.libs/libscipy_openblas64_.so", None),
])
def test_qt_lib_name(modules: dict[str, ModuleType], dest: str, name: str | None) -> None:
    assert modules["rules"].qt_lib_name(dest) == name


def test_prune_qt_drops_what_only_dropped_plugins_need(modules: dict[str, ModuleType],
                                                       tmp_path: Path) -> None:
    rules = modules["rules"]
    files = {}
    for dest in ("PySide6/QtWidgets.abi3.so", "PySide6/Qt/lib/libQt6Widgets.so.6",
                 "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
                 "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
                 "PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"):
        path = tmp_path / dest.replace("/", "_")
        path.write_bytes(b"")
        files[dest] = str(path)
    links = {
        "PySide6/QtWidgets.abi3.so": ["PySide6/Qt/lib/libQt6Widgets.so.6"],
        "PySide6/Qt/lib/libQt6Widgets.so.6": ["PySide6/Qt/lib/libQt6Gui.so.6"],
        "PySide6/Qt/lib/libQt6Gui.so.6": ["PySide6/Qt/lib/libQt6Core.so.6"],
        "PySide6/Qt/plugins/platforms/libqxcb.so": ["PySide6/Qt/lib/libQt6Gui.so.6"],
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so": [
            "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Network.so.6"],
    }
    by_path = {os.path.realpath(p): d for d, p in files.items()}

    def imports_of(path: str) -> list[str]:
        return [files[d] for d in links.get(by_path[os.path.realpath(path)], [])]

    binaries = [(d, p, "BINARY") for d, p in files.items()]
    kept, dropped = rules.prune_qt(binaries, "linux", imports_of)
    names = {d for d, _, _ in kept}
    assert dropped == {"Quick", "Network"}
    assert "PySide6/Qt/lib/libQt6Core.so.6" in names
    assert not any("virtualkeyboard" in n for n in names)
    # A walk that resolves nothing (an unknown layout) keeps every Qt library.
    everything, none = rules.prune_qt(binaries, "linux", lambda path: [])
    assert none == set() and len(everything) == len(binaries) - 1  # only the plugin goes


def test_dangling_links_are_dropped(modules: dict[str, ModuleType]) -> None:
    rules = modules["rules"]
    core = "PySide6/Qt/lib/QtCore.framework"
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
                (f"{core}/Versions/A/QtCore", "/x/QtCore", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("via-link", "libQt6Core.so.6", "SYMLINK"),  # a link to a link that is kept
        (f"{core}/Versions/Current", "A", "SYMLINK"),  # a link to a folder
        (f"{core}/QtCore", "Versions/Current/QtCore", "SYMLINK"),  # through that folder link
        (f"{core}/Resources", "Versions/Current/Resources", "SYMLINK"),  # nothing there
        ("resources/library/roles/a.yaml", "/x/a.yaml", "DATA"),
    ]
    kept = {d for d, _, _ in rules.without_dangling_links(binaries, datas)}
    assert kept == {"libQt6Core.so.6", "via-link", f"{core}/Versions/Current", f"{core}/QtCore",
                    "resources/library/roles/a.yaml"}


def test_keep_data(modules: dict[str, ModuleType]) -> None:
    rules = modules["rules"]
    assert not rules.keep_data("PySide6/Qt/translations/qtbase_de.qm", "linux")
    assert not rules.keep_data("PySide6/Qt/lib/QtQuick.framework/Resources/Info.plist",
                               "darwin", {"Quick"})
    assert rules.keep_data("PySide6/Qt/lib/QtCore.framework/Resources/Info.plist",
                           "darwin", {"Quick"})
    assert rules.keep_data("resources/fonts/DejaVuSans.ttf", "win32")


def test_min_macos(modules: dict[str, ModuleType]) -> None:
    rules = modules["rules"]
    assert rules.min_macos("6.12.0") == "14.4"
    assert rules.min_macos("6.10.1") == "13.0"
    assert rules.min_macos("6.6.0") == "11.0"


# ---- hooks ---------------------------------------------------------------------------------------
def _hook_constant(hook: str, name: str) -> Any:
    tree = ast.parse((PACKAGING / "hooks" / hook).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{hook} defines no {name}")


def test_hooks_compile() -> None:
    hooks = sorted((PACKAGING / "hooks").glob("hook-*.py"))
    assert {h.name for h in hooks} >= {"hook-spacy.py", "hook-spacy_lookups_data.py",
                                       "hook-thinc.py", "hook-docx.py"}
    for hook in [*hooks, *(PACKAGING / "rthooks").glob("*.py")]:
        compile(hook.read_text(encoding="utf-8"), str(hook), "exec")


def test_the_bundled_lookup_tables_are_the_ones_the_pipeline_loads() -> None:
    """Only English tables travel, and every table the pipeline loads is among them."""
    import spacy_lookups_data

    from jdbuilder.language import nlp

    tables = _hook_constant("hook-spacy_lookups_data.py", "TABLES")
    assert all(t.startswith("en_") for t in tables)
    pipeline = nlp.pipeline()
    loaded = set(pipeline.vocab.lookups.tables)
    for name in pipeline.pipe_names:
        lookups = getattr(pipeline.get_pipe(name), "lookups", None)
        if lookups is not None:
            loaded |= set(lookups.tables)
    assert {f"en_{t}" for t in loaded} <= set(tables), (
        f"the pipeline loads {sorted(loaded)}; add them to TABLES in "
        "packaging/hooks/hook-spacy_lookups_data.py")
    data = Path(spacy_lookups_data.__file__).parent / "data"
    for table in tables:
        assert (data / f"{table}.json.gz").is_file()


def test_spacy_runs_without_its_command_line_tools() -> None:
    """The runtime hook's stand-in for spacy.cli is enough for jdbuilder's pipeline."""
    code = (
        "import runpy, sys\n"
        f"runpy.run_path({str(PACKAGING / 'rthooks' / 'spacy_without_cli.py')!r})\n"
        "from jdbuilder.language import nlp\n"
        "p = nlp.pipeline()\n"
        "assert [t.text for t in p('carried away')] == ['carried', 'away']\n"
        "assert nlp.lemma('carried') == 'carry', nlp.lemma('carried')\n"
        "import spacy\n"
        "try:\n"
        "    spacy.info()\n"
        "except RuntimeError as exc:\n"
        "    assert 'not part of the frozen' in str(exc)\n"
        "else:\n"
        "    raise AssertionError('spacy.info() should say it is unavailable')\n"
        "print(sorted(m for m in ('typer', 'rich', 'weasel', 'requests', 'httpx', 'click')\n"
        "             if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300, cwd=ROOT, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]", f"spaCy still imported {out.stdout.strip()}"


# ---- icons --------------------------------------------------------------------------------------
def test_svg_icon_is_valid() -> None:
    root = ET.parse(ICONS / "jdbuilder.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def test_raster_icons() -> None:
    from PIL import Image

    with Image.open(ICONS / "jdbuilder.png") as png:
        assert png.size == (256, 256) and png.mode == "RGBA"
    with Image.open(ICONS / "jdbuilder.ico") as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "jdbuilder.icns") as icns:
        assert icns.format == "ICNS"
        assert {(16, 16, 2), (128, 128, 1), (512, 512, 2)} <= set(icns.info["sizes"])


# ---- macOS --------------------------------------------------------------------------------------
def test_info_plist_declares_the_jdb_document(modules: dict[str, ModuleType]) -> None:
    appinfo = modules["appinfo"]
    with INFO_PLIST.open("rb") as fh:
        info = plistlib.load(fh)
    assert info["CFBundleIdentifier"] == appinfo.BUNDLE_ID
    assert (ICONS / info["CFBundleIconFile"]).is_file()
    (doc,) = info["CFBundleDocumentTypes"]
    assert doc["CFBundleTypeExtensions"] == [appinfo.DOCUMENT_EXTENSION]
    assert doc["LSItemContentTypes"] == [appinfo.DOCUMENT_UTI]
    assert doc["CFBundleTypeRole"] == "Editor" and doc["LSHandlerRank"] == "Owner"
    (uti,) = info["UTExportedTypeDeclarations"]
    assert uti["UTTypeIdentifier"] == appinfo.DOCUMENT_UTI
    assert uti["UTTypeTagSpecification"]["public.filename-extension"] == ["jdb"]
    assert "public.data" in uti["UTTypeConformsTo"]
    # The spec adds these from jdbuilder's and Qt's versions; a fixed value here would go stale.
    assert not {"CFBundleShortVersionString", "CFBundleVersion",
                "LSMinimumSystemVersion"} & set(info)


def test_entitlements_and_dmg_script() -> None:
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as fh:
        entitlements = plistlib.load(fh)
    assert entitlements and all(k.startswith("com.apple.security.") for k in entitlements)
    assert all(v is True for v in entitlements.values())
    script = PACKAGING / "macos" / "make_dmg.sh"
    assert os.access(script, os.X_OK)
    text = script.read_text(encoding="utf-8")
    assert "hdiutil create" in text and "notarytool submit" in text and "stapler staple" in text
    if shutil.which("bash"):
        subprocess.run(["bash", "-n", str(script)], check=True)


# ---- Windows ------------------------------------------------------------------------------------
def _iss() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The preprocessor defines and the section lines of the Inno Setup script."""
    defines: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current = None
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        match = re.match(r'#define\s+(\w+)\s+"([^"]*)"', line)
        if match:
            defines.setdefault(match.group(1), match.group(2))
        if not line or line.startswith((";", "#")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections[current] = []
        elif current:
            sections[current].append(line)
    return defines, sections


def test_inno_setup_script(modules: dict[str, ModuleType]) -> None:
    defines, sections = _iss()
    assert {"Setup", "Files", "Icons", "Registry", "Tasks", "Run"} <= set(sections)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["ChangesAssociations"] == "yes"
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup.get("Uninstallable", "yes") != "no"
    assert setup["UninstallDisplayIcon"] == r"{app}\{#AppExe}"
    assert defines["AppExe"] == f"{modules['appinfo'].APP_NAME}.exe"
    icon = ISS.parent.joinpath(*defines["IconFile"].split("\\"))
    assert icon.resolve() == (ICONS / "jdbuilder.ico").resolve()
    source = ISS.parent.joinpath(*defines["SourceDir"].split("\\"))
    assert source.resolve() == (ROOT / "dist" / "jdbuilder").resolve()
    files = " ".join(sections["Files"])
    assert r'Source: "{#SourceDir}\*"' in files and "recursesubdirs" in files
    icons = sections["Icons"]
    assert any(line.startswith(r'Name: "{group}\{#AppName}"') and r'{app}\{#AppExe}' in line
               for line in icons), "no Start-menu shortcut"
    assert any("{uninstallexe}" in line for line in icons), "no uninstall shortcut"


def test_inno_setup_associates_jdb_files() -> None:
    defines, sections = _iss()
    registry = sections["Registry"]
    prog_id = defines["ProgId"]

    def unquote(value: str) -> str:
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].replace('""', '"')
        return value

    def entry(subkey: str, value_name: str = "") -> str:
        for line in registry:
            fields = {k: unquote(v) for k, v in
                      re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)}
            if fields.get("Subkey") == subkey and fields.get("ValueName", "") == value_name:
                return fields.get("ValueData", "")
        raise AssertionError(f"no registry entry for {subkey} {value_name}")

    assert entry(r"Software\Classes\.jdb") == "{#ProgId}"
    assert entry(r"Software\Classes\.jdb\OpenWithProgids", "{#ProgId}") == ""
    command = entry(r"Software\Classes\{#ProgId}\shell\open\command")
    assert command == r'"{app}\{#AppExe}" "%1"'
    assert entry(r"Software\Classes\{#ProgId}\DefaultIcon") == r"{app}\{#AppExe},0"
    assert prog_id == "jdbuilder.project"
    assert all("HKA" in line for line in registry)  # per-user or all-users, as installed


def test_windows_version_resource(modules: dict[str, ModuleType]) -> None:
    appinfo, version_info = modules["appinfo"], modules["version_info"]
    import jdbuilder

    assert appinfo.version() == jdbuilder.__version__
    strings = version_info.strings("1.2.0", "jdbuilder-cli")
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.0"
    assert strings["OriginalFilename"] == "jdbuilder-cli.exe"
    assert appinfo.version_tuple("1.2.0rc1") == (1, 2, 0, 0)
    assert appinfo.version_tuple("0.1") == (0, 1, 0, 0)


# ---- the frozen layout ---------------------------------------------------------------------------
@pytest.mark.parametrize(("platform", "layout", "expected"), [
    ("linux", ["jdbuilder/jdbuilder", "jdbuilder/_internal/x"], "jdbuilder/jdbuilder"),
    ("win32", ["jdbuilder/jdbuilder.exe", "jdbuilder/jdbuilder-cli.exe",
               "jdbuilder/_internal/x"], "jdbuilder/jdbuilder-cli.exe"),
    ("darwin", ["jdbuilder/jdbuilder", "jdbuilder/_internal/x",
                "jdbuilder.app/Contents/MacOS/jdbuilder"],
     "jdbuilder.app/Contents/MacOS/jdbuilder"),
])
def test_executable_is_found_in_dist(modules: dict[str, ModuleType], tmp_path: Path,
                                     platform: str, layout: list[str], expected: str) -> None:
    appinfo = modules["appinfo"]
    for rel in layout:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"")
    assert appinfo.cli_executable(tmp_path, platform) == tmp_path / expected
    if platform != "darwin":  # the app folder itself is accepted too
        assert appinfo.cli_executable(tmp_path / "jdbuilder", platform) == tmp_path / expected


def test_smoke_sample_still_has_its_planted_problems() -> None:
    """packaging/smoke/sample.jdb loads, and the checks find exactly what was planted in it."""
    from jdbuilder import project
    from jdbuilder.interview import check_question
    from jdbuilder.language import check

    proj = project.load(SAMPLE)
    abilities = " ".join(proj.job_description.abilities)
    found = " ".join(f.text.lower() for f in check(abilities))
    assert "addicts" in found and "non-compliant" in found
    kit = proj.kit
    blocked = [q.text for q in kit.questions
               if check_question(q.text).verdict == "not_allowed"]
    assert blocked == ["How old are you?"]
    assert not kit.problems()
    assert json.loads(SAMPLE.read_text(encoding="utf-8"))["format"] == "jdbuilder-project"


# ---- CI -----------------------------------------------------------------------------------------
def test_workflow_builds_and_smoke_tests_windows_and_macos() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "workflow_dispatch"} <= set(triggers)
    assert triggers["push"]["tags"] == ["v*"]
    (job,) = workflow["jobs"].values()
    runners = [m["os"] for m in job["strategy"]["matrix"]["include"]]
    assert any(r.startswith("windows") for r in runners)
    assert any(r.startswith("macos") for r in runners)
    assert job["runs-on"] == "${{ matrix.os }}"
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("python packaging/build.py" in r for r in runs)
    assert any("python packaging/smoke_test.py dist" in r for r in runs)
    assert any("--installer" in r for r in runs)
    for step in job["steps"]:
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]
        assert "secrets." not in str(step.get("if", "")), "secrets cannot be used in if:"
        for path in re.findall(r"packaging/[\w./-]+\.(?:py|sh|txt)", step.get("run", "")):
            assert (ROOT / path).is_file(), f"the workflow runs missing {path}"
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload")]
    assert any("setup.exe" in s["with"]["path"] and ".dmg" in s["with"]["path"]
               for s in uploads)


def test_requirements_pin_pyinstaller() -> None:
    lines = [line.strip() for line in
             (PACKAGING / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert any(re.fullmatch(r"pyinstaller==[\d.]+", line) for line in lines)


def test_every_package_is_listed_in_pyproject() -> None:
    """setuptools installs only the packages pyproject.toml lists: a new folder must be there."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    found = {".".join(d.relative_to(ROOT).parts) for d in (ROOT / "jdbuilder").rglob("*")
             if d.is_dir() and (d / "__init__.py").is_file()} | {"jdbuilder"}
    assert found <= listed, sorted(found - listed)
    assert listed - found == {"jdbuilder.resources", "jdbuilder.lexicons"}


def test_ci_workflow_runs_the_checks_on_three_platforms() -> None:
    """Every push runs .ci/run on Linux and the same steps on Windows and macOS."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))
    assert {"push", "pull_request"} <= set(triggers)
    jobs = workflow["jobs"]
    linux_runs = [s.get("run", "") for s in jobs["linux"]["steps"]]
    assert "bash .ci/run" in linux_runs and jobs["linux"]["runs-on"].startswith("ubuntu")
    assert set(jobs["desktop"]["strategy"]["matrix"]["os"]) == {"windows-latest",
                                                                "macos-latest"}
    runs = " ".join(s.get("run", "") for s in jobs["desktop"]["steps"])
    for command in ("pytest", "ruff\" check", "mypy", "lint-imports", "pip install -q -e"):
        assert command in runs, command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in (".venv/bin/python -m pytest", "ruff check", ".venv/bin/mypy",
                    ".venv/bin/lint-imports"):
        assert command in ci, command


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler is installed by .ci/run")
def test_render_pages_renders_every_page_type(tmp_path: Path) -> None:
    """packaging/render_pages.py turns every document of a panel into PNG pages to look at."""
    from jdbuilder import project as projects
    from tests.export.panel import panel_project

    jdb = tmp_path / "panel.jdb"
    projects.save(panel_project(), jdb)
    r = subprocess.run([sys.executable, str(PACKAGING / "render_pages.py"), str(jdb),
                        str(tmp_path / "out"), "--dpi", "20"], capture_output=True, text=True,
                       timeout=900, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    pngs = {p.name for p in (tmp_path / "out" / "png").glob("*.png")}
    for kind in ("job-description", "job-ad", "interview-", "score-sheets", "consensus-sheet",
                 "chairs-summary", "candidate-key"):
        assert any(kind in n and "-pdf-" in n for n in pngs), kind
        if shutil.which("soffice"):
            assert any(kind in n and "-docx-" in n for n in pngs), kind
