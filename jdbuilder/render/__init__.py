"""Renderers of the document tree (`jdbuilder.doctree`): DOCX, PDF and print HTML."""
