"""Ranges of numbers: two number facts joined by a dash or a range word (19–21, 2019-20,
১৯ থেকে ২১, 14 to 22 million) become one fact with both ends.
"""
from __future__ import annotations

from dataclasses import replace

from ..languages import writes_ideographic_numerals
from ..model import NumberFact
from .digits import _num
from .numwords import NumberLexicon
from .text import fold, tokens

_DASHES = "-–—―~〜～"


def _ranges(text: str, facts: list[NumberFact], lex: NumberLexicon) -> list[NumberFact]:
    out: list[NumberFact] = []
    i = 0
    while i < len(facts):
        a = facts[i]
        if i + 1 < len(facts):
            b = facts[i + 1]
            gap = text[a.end:b.start]
            word = fold(gap.strip(" .\u00a0"))
            is_dash = gap.strip() and all(ch in _DASHES for ch in gap.strip()) and len(gap) <= 3
            b_value = b.value
            if gap == "/" and _abbreviated_year_end(a, b):
                is_dash = True  # 1968/69: a season or a pair of years
            if is_dash and _abbreviated_year_end(a, b):
                b_value = a.value - a.value % 100 + b.value  # 2019-20 is 2019-2020
            elif is_dash and _abbreviated_year_end(b, a):
                a, b_value = b, b.value - b.value % 100 + a.value  # 20-2019: right-to-left text
                a = replace(a, start=facts[i].start, text=text[facts[i].start:b.end])
            is_range = is_dash or (word in lex.range_words and len(gap) <= 12)
            scale = _shared_magnitude(a, b, lex) if is_range or (word in lex.joined_words and len(gap) <= 12) else 0
            if scale:
                a = replace(a, value=_num(str(a.value * scale)))  # 2.6 至 3.2 万: the magnitude is both ends'
            if is_range and isinstance(a.value, (int, float)) \
                    and isinstance(b_value, (int, float)) and a.value < b_value:
                out.append(NumberFact(text[a.start:b.end], a.start, b.end, (a.value, b_value), approx=a.approx or b.approx,
                                      form=a.form, ordinal=a.ordinal, percent=a.percent, range=True))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _shared_magnitude(a: NumberFact, b: NumberFact, lex: NumberLexicon) -> int:
    """The magnitude of the second end of a range that the first lacks: glued to it in East
    Asian text (2.6 至 3.2 万), the last word elsewhere (14 to 22 million, entre 14 y 22
    millones), when the first end is below the second's count of it (500 to 2 million are
    two numbers)."""
    if not isinstance(a.value, (int, float)) or not b.text or not isinstance(b.value, (int, float)):
        return 0
    if not writes_ideographic_numerals(lex.lang):
        last, first = tokens(b.text), tokens(a.text)
        scale = lex.magnitudes.get(fold(last[-1][2])) if last else None
        if not scale or scale < 1000 or (first and fold(first[-1][2]) in lex.magnitudes) \
                or not 0 < a.value < b.value / scale:
            return 0
        return scale
    hit = lex.lookup(b.text[-1])
    if not hit or hit.kind != "mag" or (a.text and lex.lookup(a.text[-1]) == hit):
        return 0
    return hit.value


def _abbreviated_year_end(a: NumberFact, b: NumberFact) -> bool:
    """2019-20, 2010–11: a year, then the last two digits of a later year."""
    return (isinstance(a.value, int) and isinstance(b.value, int) and 1000 <= a.value <= 2999
            and len(b.text) == 2 and a.value % 100 < b.value and a.form == b.form == "digits")
