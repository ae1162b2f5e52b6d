"""Render-neutral documents and the DOCX and PDF renderers that walk them."""
