"""The curated library: role templates and statements, validated when loaded."""

from jdbuilder.library.loader import (
    Library,
    load_library,
    load_user_library,
    template_job_description,
)

__all__ = ["Library", "load_library", "load_user_library", "template_job_description"]
