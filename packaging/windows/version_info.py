"""The Windows version resource (File > Properties > Details) of jdbuilder.exe.

`make(version)` returns the PyInstaller structure the spec passes to EXE(version=...). It is
built from jdbuilder's own version, so it never goes stale.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from appinfo import APP_NAME, version, version_tuple

DESCRIPTION = "jdbuilder: job descriptions, job ads and interview kits for peer-support roles"


def strings(text: str, exe_name: str = APP_NAME) -> dict[str, str]:
    """The string table of the resource (also checked by tests/packaging)."""
    return {
        "CompanyName": APP_NAME,
        "FileDescription": DESCRIPTION,
        "FileVersion": text,
        "InternalName": exe_name,
        "LegalCopyright": "Released under the MIT licence",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": text,
    }


def make(text: str | None = None, exe_name: str = APP_NAME) -> Any:
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    text = text or version()
    numbers = version_tuple(text)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0,
                          OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            StringFileInfo([StringTable("040904B0", [
                StringStruct(k, v) for k, v in strings(text, exe_name).items()])]),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
