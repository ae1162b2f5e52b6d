"""Fixtures for the desktop app: a real main window driven through its widgets.

Modal questions go to `FakeDialogs`, which records every call and answers from a script, so no
test ever blocks on a dialog. The library and question bank are loaded once per session and
shared (each test still has its own JDBUILDER_HOME from tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.ui.helpers import FakeDialogs, wait_checked


@pytest.fixture(scope="session")
def bank() -> Any:
    from jdbuilder.interview.bank import default_bank

    return default_bank()


@pytest.fixture(autouse=True)
def speller(qapp: Any) -> Any:
    """The spelling check, loaded, with this test's own (empty) personal dictionary."""
    from jdbuilder.ui.services.spelling import spell_service

    service = spell_service()
    service.load_now()
    assert service.speller is not None
    service.speller.reload_personal()
    service.set_enabled(True)
    return service


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def make_window(qtbot: Any, library: Any, bank: Any,
                dialogs: FakeDialogs) -> Iterator[Callable[..., Any]]:
    """make_window(dialogs=None) -> a shown MainWindow with the library and bank loaded."""
    from jdbuilder.ui.services.context import AppContext
    from jdbuilder.ui.views.main_window import MainWindow

    made: list[Any] = []

    def make(fake: FakeDialogs | None = None, *, checker: bool = True) -> Any:
        ctx = AppContext()
        ctx.use(library, bank)
        window = MainWindow(dialogs=fake or dialogs, ctx=ctx, start_background=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        if checker:
            window.checker.start()
        made.append(window)
        return window

    yield make
    for window in made:
        window.recovery.shutdown()
        window.checker.timer.stop()
        window.checker.pool.waitForDone(30_000)


@pytest.fixture
def window(make_window: Callable[..., Any]) -> Any:
    return make_window()


@pytest.fixture
def jd_window(window: Any, qtbot: Any) -> Any:
    """A window with the Peer Specialist template open and its first check done."""
    window.files.new_from_template("peer-specialist")
    wait_checked(qtbot, window)
    return window



@pytest.fixture
def kit_window(make_window: Callable[..., Any], bank: Any) -> Any:
    """A window with the Peer Specialist template and three bank questions in its kit."""
    from jdbuilder.interview.kits import from_bank

    window = make_window(checker=False)
    window.files.new_from_template("peer-specialist")
    for q in [q for q in bank if q.suits_role("peer-specialist")][:3]:
        window.doc.insert(("kit", "questions"), len(window.doc.kit.questions), from_bank(q),
                          "add question")
    return window
