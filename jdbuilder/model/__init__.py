"""The domain model: plain dataclasses with no Qt, python-docx, reportlab or spaCy imports."""

from jdbuilder.model.jobdesc import JobDescription, Qualification, ResponsibilityArea
from jdbuilder.model.statement import Role, Statement, StatementKind

__all__ = [
    "JobDescription",
    "Qualification",
    "ResponsibilityArea",
    "Role",
    "Statement",
    "StatementKind",
]
