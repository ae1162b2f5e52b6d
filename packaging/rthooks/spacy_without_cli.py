"""Runtime hook of the frozen jdbuilder: spaCy without its command-line tools.

`import spacy` runs `from .cli.info import info`, and `spacy.cli` imports every spaCy command
(download, train, package, project ...) with typer, rich, weasel, requests, httpx, jinja2 and
friends: about a third of spaCy's import time. jdbuilder uses none of it (it builds
`spacy.blank("en")` with a lookup lemmatizer), so the frozen build leaves `spacy.cli` and
those libraries out (see the spec's EXCLUDES) and this hook, which runs before any application
code, gives spaCy a small stand-in in their place. `spacy.info()` then says plainly that it is
not available instead of failing with an import error.
"""

import sys
import types

_MESSAGE = ("spaCy's command-line tools (spacy.cli) are not part of the frozen jdbuilder "
            "application")


def _not_available(*_args, **_kwargs):
    raise RuntimeError(_MESSAGE)


def _install():
    if "spacy.cli" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli", _MESSAGE)
    cli.__path__ = []  # a package with no submodules: `import spacy.cli.x` fails cleanly
    info = types.ModuleType("spacy.cli.info", _MESSAGE)
    info.info = _not_available
    cli.info = info
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


_install()
