"""Running slow work (loading, exporting, reviewing) on a QThreadPool thread.

`run_task(fn, ...)` calls `fn(progress)` on a pool thread; results, errors and progress come
back to the UI thread as queued signals of an object that lives on the UI thread, so the
callbacks run there and may touch widgets.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

Progress = Callable[[Any], None]
T = TypeVar("T")


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


def _body(fn: Callable[[Progress], object], signals: TaskSignals) -> Callable[[], None]:
    def run() -> None:
        try:
            result = fn(signals.progress.emit)
        except BaseException as exc:  # reported to the UI thread, never lost
            with contextlib.suppress(AttributeError):
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            signals.failed.emit(exc)
        else:
            signals.finished.emit(result)

    return run


def run_task(fn: Callable[[Progress], T], *, parent: QObject,
             on_done: Callable[[T], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[Any], None] | None = None,
             pool: QThreadPool | None = None) -> TaskSignals:
    """Start `fn(progress)` on a pool thread; callbacks run on the UI thread."""
    signals = TaskSignals(parent)

    def done(result: T) -> None:
        signals.deleteLater()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        signals.deleteLater()
        if on_error:
            on_error(exc)
        else:
            print(getattr(exc, "__traceback_text__", repr(exc)))

    signals.finished.connect(done)
    signals.failed.connect(failed)
    if on_progress:
        signals.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(_body(fn, signals))
    return signals
