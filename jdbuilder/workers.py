"""Worker processes that never outlive the command that started them.

The export and the portfolio report render in two forked processes on Linux. If the command is
killed (Ctrl+C twice, SIGKILL from a task manager), its workers must stop too instead of going
on writing files: each worker asks the kernel for SIGKILL when its parent dies
(`PR_SET_PDEATHSIG`), and checks once that the parent is still the one that forked it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl: the check below still catches a parent already gone
    if os.getppid() != parent:
        os._exit(1)


def process_pool(workers: int = 2) -> ProcessPoolExecutor | None:
    """A pool of forked workers tied to this process; None where fork is not available."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        context = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=_die_with_parent, initargs=(os.getpid(),))
    except (ValueError, OSError):
        return None
