"""Messages as a reader of any one language can follow them, for the workbook, the
HTML view, SARIF and the terminal (audit.json keeps each message as the check wrote it).

A check quotes values with single quotes. Each quoted value in another script than
Latin gets a Latin transliteration in brackets, and a right-to-left one is isolated
(FSI ... PDI) so that it reads in order inside the left-to-right sentence: without
that, "writes 'مينه' 1 time(s)" displays as "writes '1 'مينه time(s)". Checks that
quote through ``checks.base.quote`` (``languages.quoted``) already do both; their
quotes are left as they are.
"""
from __future__ import annotations

import re

from ..languages import FSI, quoted

# a quote opens after a space, a bracket or the start, and closes before a space, punctuation or the end
_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))'([^'\n]{1,300}?)'(?=$|[\s,.;:!?)\]])(\s*\[)?")


def readable(message: str) -> str:
    def one(m: re.Match) -> str:
        inner, after = m.group(1), m.group(2) or ""
        if FSI in inner or after:  # already isolated, or followed by its own Latin form
            return m.group(0)
        return quoted(inner)

    return _QUOTE.sub(one, message)
