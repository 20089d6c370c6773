"""Whether two words of a name, written in two translations, meet by their phonetic keys
(list-mismatch pairs list members with it, list-duplicate a repeated member with a cased
translation's capitalised words)."""
from __future__ import annotations

from functools import lru_cache

from .common import _prefixes


# A batch's vocabulary is far smaller than its word pairs are many (list-mismatch asks
# about every word of every member against every other translation's): each distinct
# pair of key sets is answered once. Frozensets cache their hash, so a hit is cheap.
@lru_cache(maxsize=1 << 17)
def word_meets(a: frozenset[str], b: frozenset[str]) -> bool:
    """One word of a name written in two translations: one key, or one key with an
    inflection after it (Poulter, পোউল্টারকে)."""
    both = a & b
    if both:
        return any(len(k) >= 2 for k in both)
    long_a = [k for k in a if len(k) >= 3]
    if long_a:
        pb = _prefixes(b)
        if any(k in pb for k in long_a):
            return True
    long_b = [k for k in b if len(k) >= 3]
    if long_b:
        pa = _prefixes(a)
        if any(k in pa for k in long_b):
            return True
    return False
