"""The live language check, run off the UI thread.

Edits restart a 300 ms debounce timer; when it fires, the texts to check are collected on the UI
thread and checked on a one-thread QThreadPool, so checks never overlap and never stall typing.
Results come back as a queued signal and are applied only if no newer check was requested.
At start-up a warm-up job imports spaCy and builds the rule tables; checks requested before
it finishes wait for it, and the first check runs as soon as it is ready.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from jdbuilder.model.fields import ValuePath as Path
from jdbuilder.vocab import Severity

if TYPE_CHECKING:
    from jdbuilder.language.checker import Finding
    from jdbuilder.language.lexicon import Lexicon

DEBOUNCE_MS = 300

# What to check, collected on the UI thread: the texts by path, the policy, and a function
# that gives the lexicon (called on the check's thread, where compiling it costs no typing).
LexiconGetter = Callable[[], "Lexicon | None"]
Provider = Callable[[], tuple[list[tuple[Path, str]], Any, LexiconGetter]]


@dataclass(frozen=True)
class FindingRef:
    """One finding and the field it was found in, as the check saw it."""

    path: Path
    text: str  # the field's text when it was checked
    finding: Finding

    @property
    def key(self) -> tuple[Path, str, int]:
        return (self.path, self.finding.rule, self.finding.start)


@dataclass(frozen=True)
class CheckEntry:
    path: Path
    text: str
    findings: tuple[Finding, ...]
    suppressed: int = 0


@dataclass
class CheckResults:
    generation: int = 0
    entries: dict[Path, CheckEntry] = field(default_factory=dict)
    worker_thread: str = ""

    def entry(self, path: Path) -> CheckEntry | None:
        return self.entries.get(path)

    def findings(self) -> list[tuple[CheckEntry, Finding]]:
        return [(e, f) for e in self.entries.values() for f in e.findings]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = dict.fromkeys(Severity.descending(), 0)
        for _, f in self.findings():
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    @property
    def suppressed(self) -> int:
        return sum(e.suppressed for e in self.entries.values())


class _Signals(QObject):
    ready = Signal()
    done = Signal(int, object)
    failed = Signal(int, str)


def _warm_up() -> None:
    import jdbuilder.settings  # noqa: F401  (imported here so the UI thread never waits)
    from jdbuilder.language import check_report

    check_report("The peer specialist walks alongside people in recovery.")


def _run_check(items: list[tuple[Path, str]], policy: Any,
               lexicon: Lexicon | None) -> dict[Path, CheckEntry]:
    from jdbuilder.language import check_many

    out: dict[Path, CheckEntry] = {}
    reports = check_many([t for _, t in items], policy, lexicon)
    for (path, text), report in zip(items, reports, strict=True):
        out[path] = CheckEntry(path, text, tuple(report.findings), len(report.suppressed))
    return out


class CheckerService(QObject):
    resultsReady = Signal(object)  # CheckResults
    readyChanged = Signal(bool)
    failed = Signal(str)

    def __init__(self, provider: Provider, parent: QObject | None = None,
                 delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.provider = provider
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)
        self._signals = _Signals(self)
        self._signals.ready.connect(self._on_ready)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._submit)
        self.ready = False
        self.started = False
        self.enabled = True
        self._pending = False
        self._generation = 0
        self._in_flight = 0
        self.last = CheckResults()

    # ---- public ------------------------------------------------------------------------
    def start(self) -> None:
        """Load the language check in the background (once)."""
        if self.started:
            return
        self.started = True
        signals = self._signals

        def job() -> None:
            try:
                _warm_up()
            except Exception as exc:  # shown as a status message, never a traceback
                signals.failed.emit(-1, f"The language check could not start: {exc}")
                return
            signals.ready.emit()

        self.pool.start(job)

    def request(self, immediate: bool = False) -> None:
        """Check again after the debounce delay (or at once)."""
        if not self.enabled:
            return
        self._pending = True
        self.timer.start(0 if immediate else self.timer.interval())

    def clear(self) -> None:
        self._generation += 1
        self._pending = False
        self.timer.stop()
        self.last = CheckResults(self._generation)
        self.resultsReady.emit(self.last)

    @property
    def idle(self) -> bool:
        """No check waiting or running (tests wait for this)."""
        return self.ready and not self._pending and not self.timer.isActive() and \
            self._in_flight == 0

    def wait_until_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until idle; for the self-test and screenshots, never the UI."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while not self.idle and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            self.pool.waitForDone(20)
        QCoreApplication.processEvents()
        return self.idle

    # ---- internals ---------------------------------------------------------------------
    def _submit(self) -> None:
        if not self.ready:
            return  # _on_ready submits it
        self._pending = False
        self._generation += 1
        gen = self._generation
        try:
            items, policy, lexicon = self.provider()
        except Exception as exc:  # e.g. a settings problem: say so, keep typing
            self.failed.emit(f"The language check could not run: {exc}")
            return
        signals = self._signals
        self._in_flight += 1

        def job() -> None:
            if gen != self._generation:
                signals.done.emit(gen, None)  # superseded before it started
                return
            try:
                entries = _run_check(items, policy, lexicon() if items else None)
            except Exception as exc:
                signals.failed.emit(gen, f"The language check failed: {exc}")
                return
            signals.done.emit(gen, (entries, threading.current_thread().name))

        self.pool.start(job)

    def _on_ready(self) -> None:
        self.ready = True
        self.readyChanged.emit(True)
        if self._pending:
            self._submit()

    def _on_done(self, gen: int, payload: Any) -> None:
        self._in_flight -= 1
        if payload is None or gen != self._generation:
            return
        entries, thread_name = payload
        self.last = CheckResults(gen, entries, thread_name)
        self.resultsReady.emit(self.last)

    def _on_failed(self, gen: int, message: str) -> None:
        if gen >= 0:
            self._in_flight -= 1
        self.failed.emit(message)
