"""What the whole app shares: the library, the question bank and the settings.

The library and the bank load on a pool thread after the window is shown. The settings module
pulls in the language check (and spaCy) when first imported, so it is imported lazily, normally
on the checker's warm-up thread first; nothing on the UI thread imports it during start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from jdbuilder.ui.services.tasks import run_task

if TYPE_CHECKING:
    from jdbuilder.interview.bank import BankQuestion
    from jdbuilder.language.policy import Policy
    from jdbuilder.library import Library
    from jdbuilder.settings import Settings


def _organisation_library_setting() -> str:
    """The `organisation_library` setting, read without importing jdbuilder.settings.

    Importing jdbuilder.settings imports the language package and with it spaCy (about a
    second), which would hold the role templates back at start-up. A settings file that cannot
    be read counts as no setting here; Preferences reports the problem.
    """
    import json

    from jdbuilder.userdata import user_data_dir

    try:
        data = json.loads((user_data_dir() / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    value = data.get("organisation_library") if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def _load_library(_progress: Any) -> Library:
    """The library with its organisation and personal layers (as load_user_library)."""
    from jdbuilder.library.loader import (
        load_library,
        organisation_library_dir,
        personal_library_dir,
    )

    lib = load_library(organisation=organisation_library_dir(_organisation_library_setting()),
                       personal=personal_library_dir())
    lib.index()  # build the search index here, not on the first keystroke
    return lib


def _load_bank(_progress: Any) -> tuple[BankQuestion, ...]:
    from jdbuilder.interview.bank import default_bank

    return default_bank()


class AppContext(QObject):
    libraryChanged = Signal()
    libraryFailed = Signal(str)
    bankReady = Signal()
    settingsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.bank: tuple[BankQuestion, ...] | None = None
        self._settings: Settings | None = None
        self.settings_problem = ""
        self.loading_library = False

    # ---- library and bank --------------------------------------------------------------
    def start(self) -> None:
        self.reload_library()
        run_task(_load_bank, parent=self, on_done=self._bank_loaded,
                 on_error=lambda exc: self.libraryFailed.emit(str(exc)))

    def reload_library(self) -> None:
        self.loading_library = True
        run_task(_load_library, parent=self, on_done=self._library_loaded,
                 on_error=self._library_failed)

    def load_now(self) -> None:
        """Load the library and bank on this thread (self-test, screenshots, tests)."""
        self._library_loaded(_load_library(None))
        self._bank_loaded(_load_bank(None))

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

    # ---- settings ----------------------------------------------------------------------
    def settings(self) -> Settings:
        if self._settings is None:
            from jdbuilder.settings import load_settings

            self._settings, err = load_settings()
            self.settings_problem = str(err) if err else ""
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        from jdbuilder.settings import save_settings

        save_settings(settings)
        self._settings = settings
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
