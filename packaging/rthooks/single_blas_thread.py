"""Runtime hook of the frozen jdbuilder: one OpenBLAS thread.

numpy starts OpenBLAS's thread pool (one thread per core) when it is imported, and those
threads spin for a while after start-up. jdbuilder does no linear algebra (spaCy's tokenizer
uses numpy only for small arrays), so the threads only compete with the app for the CPU: on a
two-core machine they cost about 0.3 s of CPU during `--self-test`. A value the user sets
themselves is kept.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
