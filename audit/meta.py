"""The bottom of the stack: what every stage may import, importing nothing of the package.

The tool's version (the report's signature carries it) and the statuses an
editor can give a finding live here, so that the pipeline, the writers and the
review store agree on them without importing one another.
"""
from __future__ import annotations

__version__ = "0.1.0"

STATUSES = ("Open", "Confirmed", "False positive", "Fixed", "Won't fix")
DISMISSED = frozenset({"False positive", "Won't fix"})  # kept in the workbook, never fail CI


def is_dismissed(status: str) -> bool:
    return status in DISMISSED


# The workbook's review columns, written by the workbook writer and read back by the review import.
WRITTEN_HEADER = "Status when written"  # hidden: the status each row had when the workbook was written
WRITTEN_COMMENT_HEADER = "Comment when written"  # hidden: its Editor comment then
REOPENED = "Reopened: marked Fixed, but this run still finds it."


def written_status(status: str, comment: str) -> str:
    """The status a workbook row records as written: the recorded one (Fixed) for a reopened finding."""
    return "Fixed" if status == "Open" and comment.startswith(REOPENED) else status
