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
