"""A progress bar on a terminal, for `jdbuilder report` (the window shows its own)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TextIO

from jdbuilder.report.portfolio import Step

PHASES = {"read": "Checking", "write": "Writing"}


class TerminalProgress:
    """Draws `Checking [#####-----] 120/1000 name.docx` on one line, redrawn at most ten
    times a second, and ends the line when a phase is done."""

    def __init__(self, stream: TextIO, columns: int | None = None,
                 interval: float = 0.1) -> None:
        self.stream = stream
        self.columns = columns or shutil.get_terminal_size((80, 24)).columns
        self.interval = interval
        self._last = 0.0

    def line(self, step: Step) -> str:
        label = PHASES.get(step.phase, step.phase.capitalize())
        name = Path(step.detail).name if step.detail else ""
        if step.phase == "write":
            text = (f"Wrote {step.total} file{'s' if step.total != 1 else ''}"
                    if step.done >= step.total else
                    f"{label} {name} ({step.done + 1} of {step.total})")
        else:
            width = max(10, min(30, self.columns - 40))
            filled = width * step.done // step.total if step.total else width
            text = (f"{label} [{'#' * filled}{'-' * (width - filled)}] "
                    f"{step.done}/{step.total} {name}")
        room = max(self.columns - 1, 10)
        return text[:room].ljust(room)

    def __call__(self, step: Step) -> None:
        finished = step.done >= step.total
        now = time.monotonic()
        if not finished and now - self._last < self.interval and step.phase == "read":
            return
        self._last = now
        self.stream.write("\r" + self.line(step))
        if finished:
            self.stream.write("\n")
        self.stream.flush()
