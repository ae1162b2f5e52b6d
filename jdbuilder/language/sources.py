"""Where the lexicon comes from: the built-in folder and the optional organization and personal
folders. Light on purpose (no numpy, no spaCy), so settings and the UI can build sources without
loading the checker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LexiconSources:
    """The lexicon layers to load, in order: built-in (strict), organization, personal (lenient).

    A layer folder that does not exist is skipped without a problem: an organization that has
    not added terms needs no empty folder.
    """

    builtin: Path
    organisation: Path | None = None
    personal: Path | None = None

    @classmethod
    def builtin_only(cls) -> LexiconSources:
        """The shipped lexicons and nothing else (no settings are read)."""
        from jdbuilder.datapaths import lexicons_dir

        return cls(builtin=lexicons_dir())

    def user_layers(self) -> tuple[tuple[str, Path], ...]:
        """The organization and personal layers that are set, with their names."""
        out: list[tuple[str, Path]] = []
        if self.organisation is not None:
            out.append(("organization", self.organisation))
        if self.personal is not None:
            out.append(("personal", self.personal))
        return tuple(out)
