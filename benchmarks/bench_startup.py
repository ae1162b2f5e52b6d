"""Desktop start-up: time from process start to the main window shown (offscreen), against
starting Python and showing an empty Qt window in the same run.

Run: python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

APP = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication
from jdbuilder.ui.views.main_window import MainWindow
app = QApplication(["jdbuilder"])
w = MainWindow()
w.show()
app.processEvents()
print(time.time() - t0)
"""
EMPTY = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["x"])
w = QMainWindow()
w.show()
app.processEvents()
print(time.time() - t0)
"""


def measure(code: str, runs: int = 5) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = []
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-c", code, str(time.time())], capture_output=True,
                           text=True, env=env, check=True)
        out.append(float(r.stdout.strip().splitlines()[-1]))
    return statistics.median(out)


def main() -> int:
    app = measure(APP)
    empty = measure(EMPTY)
    print(f"main window shown: {app:.2f} s after process start (median of 5; target <= 1.5 s)")
    print(f"empty Qt window:   {empty:.2f} s; ratio {app / empty:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
