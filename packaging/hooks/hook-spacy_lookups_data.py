"""PyInstaller hook for spacy-lookups-data: only the English tables jdbuilder uses.

spacy-lookups-data holds lookup tables for some 40 languages (about 100 MB). spaCy finds the
package through its `spacy_lookups` entry point, so the package metadata is copied, and the
package itself is a hidden import (nothing imports it by name).

jdbuilder's pipeline (jdbuilder/language/nlp.py) is `spacy.blank("en")` plus the lemmatizer in
lookup mode; `nlp.initialize()` loads exactly one table, `en_lemma_lookup`. The English
licence travels with it. Add a table name to TABLES if the pipeline starts using another one
(the frozen self-test fails loudly if a table is missing).
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

TABLES = ["en_lemma_lookup"]

hiddenimports = ["spacy_lookups_data", "spacy_lookups_data.about"]
datas = collect_data_files(
    "spacy_lookups_data",
    includes=[f"data/{t}.json.gz" for t in TABLES] + ["data/en_license.txt"],
)
datas += copy_metadata("spacy_lookups_data")
