"""Country labels: "ENTITY (COUNTRY)" with country names from CLDR.

Territory names come from babel for every configured language, so that
ভিয়েতনাম, वियतनाम, فيتنام and Vietnam all mean VN. A LabelFact holds the entity's
keys and the ISO 3166 code; the evidence spans entity and label.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import LabelFact
from .names import boundary_words, strip_clitic
from .numwords import with_clitic
from .text import fold, is_cased_script, phonetic_key, tokens

_PAREN = regex.compile(r"\(\s*([^()]{1,40}?)\s*\)")
_MAX_ENTITY_WORDS = 5


@lru_cache(maxsize=None)
def territory_names(lang: str) -> dict[str, str]:
    from ..languages import babel_locale

    loc = babel_locale(lang)
    out: dict[str, str] = {}
    if loc is None:
        return out
    for code, name in loc.territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
            out.setdefault(fold(name), code)
    return out


def country_code(name: str, lang: str) -> str | None:
    return with_clitic(territory_names(lang), fold(name.strip()), lang)


def extract_labels(text: str, lang: str) -> list[LabelFact]:
    facts = []
    stops = boundary_words(lang)
    cased = is_cased_script(text)
    for m in _PAREN.finditer(text):
        code = country_code(m.group(1), lang)
        if code is None:
            continue
        window = max(0, m.start() - 400)  # the entity is the last few words before "(": look no further
        words = [(s + window, e + window, t) for s, e, t in tokens(text[window: m.start()])][-_MAX_ENTITY_WORDS * 2:]
        entity: list[tuple[int, int, str]] = []
        for s, e, t in reversed(words):
            gap = text[e:(entity[0][0] if entity else m.start())]
            if gap.strip(" -") or fold(t) in stops or (cased and not t[:1].isupper()):
                break
            entity.insert(0, (s, e, t))
            if len(entity) >= _MAX_ENTITY_WORDS:
                break
        if not entity:
            continue
        key = tuple(phonetic_key(strip_clitic(t, lang)) for _, _, t in entity)
        start = entity[0][0]
        facts.append(LabelFact(text[start:m.end()], start, m.end(), entity_keys=key, code=code,
                               entity=text[start:entity[-1][1]], country=m.group(1)))
    return facts
