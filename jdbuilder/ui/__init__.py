"""The desktop app (PySide6). Only this package imports Qt."""

from jdbuilder.ui.pyside_compat import guard_singletons

guard_singletons()
