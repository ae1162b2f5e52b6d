"""PyInstaller hook for spaCy, replacing the generic one from pyinstaller-hooks-contrib.

The generic hook collects every submodule and data file of spaCy: all 79 languages, the test
suite and the Cython sources. jdbuilder builds `spacy.blank("en")` with a lookup lemmatizer, so
this hook collects spaCy's own modules (its pipeline pieces are Cython modules imported by
name through its registry), English only among the language packages, the default configs,
and the package metadata that `importlib.metadata` and catalogue's entry points need.
spaCy's command-line tools (`spacy.cli`) stay out: packaging/rthooks/spacy_without_cli.py
explains. Languages that spaCy imports statically (its registry imports a few tokenizers) are
still found by the import analysis.
"""

from pathlib import Path

from PyInstaller.utils.hooks import (
    collect_data_files,
    collect_submodules,
    copy_metadata,
    get_package_paths,
)

KEEP_LANGUAGES = {"en"}

_, _spacy_dir = get_package_paths("spacy")
_LANGUAGE_PACKAGES = {p.parent.name for p in Path(_spacy_dir, "lang").glob("*/__init__.py")}


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] in ("tests", "cli"):
        return False  # the test suite; the command-line tools (see rthooks/spacy_without_cli.py)
    return not (len(parts) > 2 and parts[1] == "lang" and parts[2] in _LANGUAGE_PACKAGES
                and parts[2] not in KEEP_LANGUAGES)


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = collect_data_files("spacy", includes=["*.cfg"])
datas += copy_metadata("spacy")
