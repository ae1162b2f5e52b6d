"""spacy-legacy registers old architectures through entry points only: keep it and its metadata."""

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

hiddenimports = collect_submodules("spacy_legacy")
datas = copy_metadata("spacy_legacy")
