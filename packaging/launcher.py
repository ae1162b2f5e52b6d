"""Entry script of the frozen application: the same `jdbuilder.cli:main` as the installed command.

PyInstaller freezes this file into the `jdbuilder` executable (and, on Windows, also into the
console companion `jdbuilder-cli.exe`).

- `freeze_support()` lets a worker process started by `multiprocessing` with the "spawn"
  method run inside the frozen executable; it does nothing otherwise.
- The garbage collector's first threshold goes from 700 to 10,000 allocations. Start-up builds
  about a million long-lived objects (the statement library, the lexicons, spaCy's lemma
  table); with the default thresholds Python runs six full collections over them during
  `--self-test`, about 0.37 s of a 3 s start. Collections still happen, only less often while
  the data is loading. This changes timing only, never results.
"""

import gc
import multiprocessing
import sys

GC_THRESHOLD = (10_000, 10, 10)

if __name__ == "__main__":
    multiprocessing.freeze_support()
    gc.set_threshold(*GC_THRESHOLD)
    from jdbuilder.cli import main

    sys.exit(main())
