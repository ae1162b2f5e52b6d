"""What the whole app shares: the library, the question bank, the lexicon and the settings.

The library and the bank load on a pool thread after the window is shown; the library is loaded
again when the organization library folder changes in Preferences. The lexicon (the shipped
lexicons with the organization's and the personal `lexicons/` folders over them) is compiled
on the language check's thread at its first check and again after Preferences are saved;
entries it had to skip are reported once through `lexiconProblems`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from jdbuilder.settings import Settings, load_settings, save_settings
from jdbuilder.ui.services.tasks import Progress, run_task

if TYPE_CHECKING:
    from jdbuilder.interview.bank import BankQuestion
    from jdbuilder.language.lexicon import Lexicon
    from jdbuilder.language.policy import Policy
    from jdbuilder.language.sources import LexiconSources
    from jdbuilder.library import Library


def _load_library(organisation_library: str) -> Library:
    """The library with its organization and personal layers, its search index built."""
    from jdbuilder.library import load_user_library

    lib = load_user_library(organisation_library)
    lib.index()  # build the search index here, not on the first keystroke
    return lib


def _load_bank(_progress: Progress) -> tuple[BankQuestion, ...]:
    from jdbuilder.interview.bank import default_bank

    return default_bank()


class AppContext(QObject):
    libraryChanged = Signal()
    libraryFailed = Signal(str)
    bankReady = Signal()
    settingsChanged = Signal()
    lexiconProblems = Signal(list)  # the messages of the lexicon entries or files skipped

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.bank: tuple[BankQuestion, ...] | None = None
        self._settings: Settings | None = None
        self.settings_problem = ""
        self.loading_library = False
        self._lexicon_lock = threading.Lock()
        self._lexicon: tuple[LexiconSources, Lexicon] | None = None

    # ---- library and bank --------------------------------------------------------------
    def start(self) -> None:
        self.reload_library()
        run_task(_load_bank, parent=self, on_done=self._bank_loaded,
                 on_error=lambda exc: self.libraryFailed.emit(str(exc)))

    def reload_library(self) -> None:
        self.loading_library = True
        folder = self.settings().organisation_library
        run_task(lambda _progress: _load_library(folder), parent=self,
                 on_done=self._library_loaded, on_error=self._library_failed)

    def load_now(self) -> None:
        """Load the library and bank on this thread (self-test, screenshots, tests)."""
        self._library_loaded(_load_library(self.settings().organisation_library))
        self._bank_loaded(_load_bank(lambda _value: None))

    def use(self, library: Library | None, bank: tuple[BankQuestion, ...] | None) -> None:
        """Share already-loaded content (tests reuse one library across windows)."""
        if library is not None:
            self._library_loaded(library)
        if bank is not None:
            self._bank_loaded(bank)

    def forget_settings(self) -> None:
        self._settings = None
        self.settings_problem = ""

    def _library_loaded(self, lib: Library) -> None:
        self.library = lib
        self.loading_library = False
        self.libraryChanged.emit()

    def _library_failed(self, exc: BaseException) -> None:
        self.loading_library = False
        self.libraryFailed.emit(str(exc))

    def _bank_loaded(self, bank: tuple[BankQuestion, ...]) -> None:
        self.bank = bank
        self.bankReady.emit()

    def library_problems(self) -> list[str]:
        return [str(p) for p in self.library.problems] if self.library else []

    # ---- lexicon -----------------------------------------------------------------------
    def lexicon_sources(self) -> LexiconSources:
        return self.settings().lexicon_sources()

    def lexicon_for(self, sources: LexiconSources) -> Lexicon:
        """The compiled lexicon for these sources, compiled once (safe from any thread)."""
        from jdbuilder.settings import load_user_lexicon

        with self._lexicon_lock:
            if self._lexicon is not None and self._lexicon[0] == sources:
                return self._lexicon[1]
            loaded = load_user_lexicon(sources)
            self._lexicon = (sources, loaded.lexicon)
        if loaded.problems:
            self.lexiconProblems.emit([str(p) for p in loaded.problems])
        return loaded.lexicon

    def lexicon(self) -> Lexicon:
        """The lexicon the current settings give (for checks run on the UI thread)."""
        return self.lexicon_for(self.lexicon_sources())

    def reload_lexicon(self) -> None:
        """Compile the lexicon again at its next use (its files may have changed)."""
        with self._lexicon_lock:
            self._lexicon = None

    # ---- settings ----------------------------------------------------------------------
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings, err = load_settings()
            self.settings_problem = str(err) if err else ""
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        save_settings(settings)
        self._settings = settings
        self.reload_lexicon()
        self.settingsChanged.emit()

    def organisation(self) -> str:
        return self.settings().organisation

    def policy(self, project_policy: dict[str, Any] | None = None) -> Policy:
        """The organisation's policy with the project's own additions on top."""
        from jdbuilder.language.policy import Policy

        base = self.settings().policy()
        if not project_policy:
            return base
        try:
            return base.merged(Policy.from_dict(project_policy))
        except ValueError:
            return base
