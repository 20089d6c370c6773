"""The one error type for problems the user can fix.

The CLI turns an :class:`AuditError` into a one-line message and exit status 2.
Anything else that escapes is a bug and is allowed to surface as a traceback.
"""
from __future__ import annotations


class AuditError(Exception):
    """A problem with the user's input: which file, what is wrong, what to do."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.detail = message
        super().__init__(f"{path}: {message}" if path else message)
