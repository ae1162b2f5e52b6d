"""Drag-and-drop formats shared by the lists, the fields and the library panel."""

MIME_MOVE = "application/x-jdbuilder-item"  # an item dragged within or between lists
MIME_STATEMENT = "application/x-jdbuilder-statement"  # a library statement's id
