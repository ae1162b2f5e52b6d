"""spacy-loggers registers spaCy's training loggers through entry points only.

`nlp.initialize()` resolves the training section of the config, which names
`spacy.ConsoleLogger.v1`; spaCy finds it through this package's entry points.
"""

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

hiddenimports = collect_submodules("spacy_loggers")
datas = copy_metadata("spacy_loggers")
