"""PyInstaller hook for python-docx, replacing the generic one (which collects only the data).

python-docx finds its part templates (header, footer, styles, settings, comments) through
`<docx/parts>/../templates/...`. On macOS and Linux the operating system resolves the `..`, so
the folder `docx/parts` must exist in the frozen application even though its modules live in
the archive; collecting that package's sources as files as well makes it exist. Without this a
job description with a page header fails to save ("No such file or directory").
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("docx")
module_collection_mode = {"docx.parts": "pyz+py"}
