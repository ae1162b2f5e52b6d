"""PyInstaller hook for thinc (spaCy's machine-learning layer), replacing the generic one.

spaCy resolves thinc layers and optimisers by name through thinc's registry, so thinc's
submodules are collected, but not its tests. `thinc.backends._custom_kernels` reads its CUDA
source (.cu) when it is imported, even on CPU, so the kernel sources come along (a few KB).
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
datas = collect_data_files("thinc", includes=["backends/*.cu", "backends/*.hh"])
datas += copy_metadata("thinc")
