"""What the window does in answer to its menus and panels, with typed dependencies.

Each controller receives the services it needs (the open document, the app context, the
prompts, the checker, the recovery manager) and the `Workspace` protocol, the few things it asks
of the window. The window (jdbuilder.ui.views.main_window) builds one of each and connects its
actions to them.
"""
