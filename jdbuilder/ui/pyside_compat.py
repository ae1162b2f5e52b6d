"""A guard against a reference-counting bug seen with PySide6 6.12 on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11): every call of a Qt method that returns
nothing lowers the reference count of None by one, and some calls do the same to True and
False; the bindings hand these objects to Python without taking a new reference. From Python
3.12 they are immortal (PEP 683), so nothing happens there. On 3.11 a session makes enough
calls to bring the count to zero and the interpreter aborts ("Fatal Python error:
none_dealloc" or "bool_dealloc"), at the latest when it exits.

`guard_singletons()` gives None, True and False a reference count far beyond reach, which is
what Python 3.12 does for them. It touches nothing else, and does nothing on Python 3.12+, on
debug builds or on other interpreters.
"""

from __future__ import annotations

import sys

_MARGIN = min(1 << 40, sys.maxsize >> 4)
_done = False


def guard_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython 3.11 (once). True if applied."""
    global _done
    if _done:
        return True
    if (sys.implementation.name != "cpython" or sys.version_info >= (3, 12)
            or hasattr(sys, "gettotalrefcount")):  # debug builds lay objects out differently
        return False
    import ctypes

    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field
        if count.value < _MARGIN:
            count.value += _MARGIN
    _done = True
    return True
