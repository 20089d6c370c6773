"""Stage 5: checks. One unit per file; this list is the registry.

Adding a check: write ``checks/<code>.py`` with a ``Check`` subclass that declares
itself (code, severity, one-line description, rationale, default_enabled, message
templates) and ``run``s (a cross-translation check subclasses ``cross.CrossCheck`` and
reports its votes with ``from_vote``), add one line below and its row to the README's
check table, add its tests (docs/architecture.md has a worked example). A check
imports no other check: what several share lives beside them (``vote``, ``cross``,
``numbers_common``, ``numbers_small``, ``lists_common``, ``names/``).
"""
from __future__ import annotations

from .base import Check, GroupContext
from .country_label_conflict import CountryLabelConflict
from .country_label_mismatch import CountryLabelMismatch
from .country_mismatch import CountryMismatch
from .date_mismatch import DateMismatch
from .glossary_country import GlossaryCountry
from .list_duplicate import ListDuplicate
from .list_mismatch import ListMismatch
from .misfiled_translation import MisfiledTranslation
from .name_missing import NameMissing
from .name_spelling_variant import NameSpellingVariant
from .name_substituted import NameSubstituted
from .number_mismatch import NumberMismatch
from .number_missing import NumberMissing

REGISTRY: list[type[Check]] = [
    NumberMismatch,
    NumberMissing,
    DateMismatch,
    NameMissing,
    NameSubstituted,
    CountryLabelMismatch,
    CountryMismatch,
    ListMismatch,
    CountryLabelConflict,
    NameSpellingVariant,
    ListDuplicate,
    GlossaryCountry,
    MisfiledTranslation,
]


def selected_checks(config) -> list[Check]:
    select = set(config.checks.select)
    ignore = set(config.checks.ignore)
    known = {c.code for c in REGISTRY}
    from ..errors import AuditError

    for code in select | ignore | set(config.checks.severity):
        if code not in known:
            raise AuditError(f"config names an unknown check '{code}' (known: {', '.join(sorted(known))})", "config")
    out = []
    for cls in REGISTRY:
        if (cls.code not in select if select else not cls.default_enabled) or cls.code in ignore:
            continue
        check = cls()
        if cls.code in config.checks.severity:
            check.severity = config.checks.severity[cls.code]
        out.append(check)
    return out


__all__ = ["Check", "GroupContext", "REGISTRY", "selected_checks"]
