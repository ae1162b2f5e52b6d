"""The spelling check must not slow typing.

Measures, in one run (offscreen):
- a keystroke in a job-description field (the key, the edit, the repaint that underlines the
  misspelled words) with the spelling check on, against the same keystrokes with it off: the
  ratio is what the check adds to typing;
- checking one new paragraph (nothing cached) and one unchanged paragraph (cached), against a
  repaint of the field without the check;
- working out the suggestions of a misspelled word (done only when its menu opens), and
  loading the dictionary (done once, on a pool thread at start-up).

Run: python benchmarks/bench_spelling.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARAGRAPH = ("Meets people one-on-one at times and places that suit them, listens without "
             "judgment, and shares parts of their own recovery story when it may offer hope. "
             "Co-facilitates WRAP groups at the peer-run center, teaches naloxone use, and "
             "helps people recieve the benefits and Medicaid services they choose.")
TYPED = " Works alongside the team to plan wellness activities with each person."
ROUNDS = 5


def keystrokes(field: object, qtest: object, key_text: str) -> float:
    """Seconds per keystroke: type the text, one key at a time, painting after each key."""
    from PySide6.QtCore import QCoreApplication

    times = []
    for _ in range(ROUNDS):
        field.set_text(PARAGRAPH)  # type: ignore[attr-defined]
        cursor = field.textCursor()  # type: ignore[attr-defined]
        cursor.movePosition(cursor.MoveOperation.End)
        field.setTextCursor(cursor)  # type: ignore[attr-defined]
        QCoreApplication.processEvents()
        start = time.perf_counter()
        for ch in key_text:
            qtest.keyClicks(field, ch)  # type: ignore[attr-defined]
            field.viewport().repaint()  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) / len(key_text))
    return statistics.median(times)


def per_call(fn: object, n: int) -> float:
    runs = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for i in range(n):
            fn(i)  # type: ignore[operator]
        runs.append((time.perf_counter() - start) / n)
    return statistics.median(runs)


def main() -> int:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    from jdbuilder.ui.services.spelling import Speller, spell_service
    from jdbuilder.ui.widgets.fields import FieldEdit

    start = time.perf_counter()
    speller = Speller()
    load = time.perf_counter() - start
    service = spell_service()
    service.load_now()

    field = FieldEdit(("jd", "function"), name="Function", multiline=True)
    field.resize(760, 120)
    field.show()
    app.processEvents()

    service.set_enabled(False)
    reference = keystrokes(field, QTest, TYPED)
    service.set_enabled(True)
    with_check = keystrokes(field, QTest, TYPED)
    misspelled = [m.word for *_x, m in field.misspellings()]

    paint = per_call(lambda _i: field.viewport().repaint(), 200)
    fresh = iter(range(10**9))
    cold = per_call(lambda _i: speller.check(f"{PARAGRAPH} {next(fresh)}"), 300)  # never cached
    warm = per_call(lambda _i: speller.check(PARAGRAPH), 3000)
    suggest = per_call(lambda _i: speller.suggestions("recieve"), 20)

    print(f"misspelled words found: {misspelled}")
    print(f"keystroke, spelling on:   {with_check * 1e3:.3f} ms")
    print(f"keystroke, spelling off:  {reference * 1e3:.3f} ms (reference, same run)")
    print(f"ratio on/off:             {with_check / reference:.2f}x")
    print(f"check a new paragraph:    {cold * 1e6:.1f} us "
          f"({cold / paint:.2f}x a repaint of the field, {paint * 1e3:.3f} ms)")
    print(f"check an unchanged one:   {warm * 1e6:.2f} us (cached)")
    print(f"suggestions for a word:   {suggest * 1e3:.2f} ms (when its menu opens)")
    print(f"load the dictionary:      {load * 1e3:.0f} ms (once, off the UI thread)")
    field.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
