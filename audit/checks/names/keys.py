"""Whether two words of a name, written in two translations, meet by their phonetic keys
(list-mismatch pairs list members with it, list-duplicate a repeated member with a cased
translation's capitalised words)."""
from __future__ import annotations

from .common import _prefixes


def word_meets(a: frozenset[str], b: frozenset[str]) -> bool:
    """One word of a name written in two translations: one key, or one key with an
    inflection after it (Poulter, পোউল্টারকে)."""
    if a & b:
        return any(len(k) >= 2 for k in a & b)
    return any(len(k) >= 3 and (k in _prefixes(b)) for k in a) or \
        any(len(k) >= 3 and (k in _prefixes(a)) for k in b)
