"""PyInstaller hook for lxml, replacing the generic one (which collects every submodule).

python-docx uses `lxml.etree` only; lxml.html, lxml.objectify and the rest stay out (the spec
excludes them).
"""

hiddenimports = ["lxml._elementpath"]
