"""Messages as a reader of any one language can follow them, for the workbook, the
HTML view, SARIF and the terminal (audit.json keeps each message as the check wrote it).

A check quotes values with single quotes. Each quoted value in another script than
Latin gets a Latin transliteration in brackets (or, for a value the other
translations give, the forms the Latin-script ones write), and a right-to-left one is isolated
(FSI ... PDI) so that it reads in order inside the left-to-right sentence: without
that, "writes 'مينه' 1 time(s)" displays as "writes '1 'مينه time(s)". Checks that
quote through ``checks.base.quote`` (``languages.quoted``) already do both; their
quotes are left as they are.
"""
from __future__ import annotations

import re
from typing import Callable

from ..languages import FSI, quoted
from ..model import Finding

# a quote opens after a space, a bracket or the start, and closes before a space, punctuation or the end
_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))'([^'\n]{1,300}?)'(?=$|[\s,.;:!?)\]])(\s*\[)?")


def readable(message: str, latin: dict[str, str] | None = None) -> str:
    """``message`` with its quotes made readable; ``latin`` maps a quoted value to the
    forms Latin-script translations give it, written beside it instead of a transliteration."""
    def one(m: re.Match) -> str:
        inner, after = m.group(1), m.group(2) or ""
        if FSI in inner or after:  # already isolated, or followed by its own Latin form
            return m.group(0)
        return quoted(inner, (latin or {}).get(inner))

    return _QUOTE.sub(one, message)


def finding_message(f: Finding, docs: dict, clean: Callable[[str], str] | None = None) -> str:
    """The finding's message made readable, a value the other translations give in another
    script quoted beside the forms the Latin-script ones give (at most three).

    ``clean`` (e.g. the terminal's escaping of control characters) is applied to the
    message and the quoted forms first, so that the isolates added here survive it
    while any the input carried do not."""
    clean = clean or (lambda text: text)
    forms, others = [], set()
    for loc in f.locations:
        if loc.role != "support" or not loc.evidence or loc.document not in docs:
            continue
        doc = docs[loc.document]
        if doc.script == "Latn":
            if (doc.language, clean(loc.evidence)) not in forms:
                forms.append((doc.language, clean(loc.evidence)))
        else:
            others.add(clean(loc.evidence))
    if not forms or not others:
        return readable(clean(f.message))
    beside = ", ".join(f"{lang} '{text}'" for lang, text in forms[:3])
    return readable(clean(f.message), {text: beside for text in others})
