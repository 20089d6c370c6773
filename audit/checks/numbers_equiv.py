"""When two different-looking numbers are the same fact, and when an absent one is there after all.

Translations legitimately write a number otherwise: converted to metric units (40 miles =
65 km), on a 24-hour clock (7 p.m. = 19:00), with the other separator convention (Arabic
20.000 for 20,000), as a century (the 1800s = the 19th century), or in a form the
extractor does not read (a classifier or case ending glued to a number word, a
magnitude word it does not know, digits glued to a clitic). number-mismatch and
number-missing ask here before reporting, and abstain when the evidence says "same".
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..extract.numwords import combine, lexicon
from ..extract.text import fold, load_data, tokens
from ..languages import babel_locale, writes_ideographic_numerals

_RUN = regex.compile(r"\p{Nd}+(?:[.,،٬'\u00a0\u202f\u2009 ]\p{Nd}+)*")
_GROUPED = regex.compile(r"(?<![\p{Nd}.,])\p{Nd}{1,3}[.,]\p{Nd}{3}$")  # the number last: no magnitude word after it
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_MAGNITUDES = (3, 5, 6, 7, 9, 12)  # thousand, lakh, million, crore, billion, trillion


def _numeric(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def written_alike(v, u, fact_v, fact_u) -> bool:
    """Whether ``u`` is ``v`` written with other separators only (2,240.191 for 2 240 191, 20.000
    for 20,000, or the same value computed apart): a slip of writing, not a reading of it."""
    if not (_numeric(v) and _numeric(u)) or fact_v is None:
        return False
    if _same_digits(fact_v.text, fact_u.text) or abs(u - v) <= 1e-9 * max(abs(u), abs(v)):
        return True
    return bool((u * 1000 == v and _GROUPED.search(fact_u.text)) or (v * 1000 == u and _GROUPED.search(fact_v.text)))


def same_number(v, u, fact_v, fact_u, text_u: str, lang_u: str, text_v: str | None = None) -> bool:
    """Whether ``u`` (in a translation whose paragraph is ``text_u``) renders ``v`` (the others',
    given in ``text_v`` when known)."""
    if not (_numeric(v) and _numeric(u)):
        return False
    if fact_v is not None and _same_digits(fact_v.text, fact_u.text):
        return True  # 2,240.191 for 2 240 191: the same digits, a separator slipped
    if _slash_decimal(text_u, fact_u, v):
        return True  # Persian 99/98: the slash typed for the decimal mark (٫)
    if text_v is not None and fact_v is not None and _unit_multiple(u, v, text_v, fact_v):
        return True  # 26 kilobases = 2.6 万 bases
    big = max(abs(u), abs(v))
    if abs(u - v) <= 1e-9 * big:
        return True  # 8.3 billion computed as 8300000000.000001
    if (u * 1000 == v and _GROUPED.search(fact_u.text)) or (
            v * 1000 == u and fact_v is not None and _GROUPED.search(fact_v.text)):
        return True  # 20.000 written for 20,000: the other convention's group separator
    if big < 24 and abs(abs(u - v) - 12) < 1e-9 and (big >= 13 or ":" in fact_u.text):
        return True  # 19:00 for 7 p.m.
    offset = (load_data("numbers.yaml").get(lang_u) or {}).get("clock_offset")
    if offset and _clock(fact_v) and _clock(fact_u) and abs((u - v) % 12 - (-offset) % 12) < 1e-9:
        return True  # Swahili time: saa 4:00 is 10:00, the hours counted from sunrise
    for clock, other in ((fact_u, v), (fact_v, u)):
        if _clock(clock) and hasattr(clock, "hour") and other == clock.hour * 100 + clock.minute and other >= 100:
            return True  # 08:00 for 0800 UTC: the time written the military way
    if _clock(fact_v) and isinstance(u, int) and u in (int(v), int(v) - 12, int(v) + 1, int(v) - 11):
        return True  # 09:30 said around its hour in words: "half past nine", সাড়ে ৯টা, "halb zehn"
    if 0 < u < 1000 and v > u and _magnitude_after(u, v, fact_u, text_u, lang_u):
        return True  # "200 डॉलर बिलियन": the magnitude word after a currency word
    for small, large, f in ((u, v, fact_u), (v, u, fact_v)):
        if isinstance(small, int) and isinstance(large, int) and 11 <= small <= 21 and 1000 <= large <= 2999:
            if large == (small - 1) * 100:
                return True  # the 19th century = 1800-talet, the 21st century = the 2000s
            if large // 100 + 1 == small and large % 10 == 0 and large % 100:
                return True  # the 1890s = 19 世纪 90 年代 (the decade's century)
        if isinstance(small, int) and isinstance(large, int) and 1000 <= large <= 2999 and large % 10 == 0 \
                and 10 <= small == large % 100:
            return True  # ... and its decade (60 年代: the 1960s)
        if isinstance(small, int) and isinstance(large, int) and 1000 <= large <= 2999 and f is not None \
                and f.form == "digits" and len(f.text) == 2 and 10 <= small == large % 100:
            return True  # a year by its last two digits: disease 19 / 2019, the class of '98
    if 0 < u < 1000 and v > u:
        before = tokens(text_u[max(0, fact_u.start - 24):fact_u.start])
        lex_u = lexicon(lang_u)
        # vifo elfu 52: the magnitude before the number (Swahili), or a word before that one
        # (milioni dola 275, 275 million dollars: the unit between)
        for k in (-1, -2)[:len(before)]:
            scale = lex_u.magnitudes_before.get(fold(before[k][2]))
            if scale:
                if abs(u * scale - v) < 1e-6 * v:
                    return True
                break
    return converted(v, u, fact_u, text_u, lang_u)


def _ascii_digits(text: str) -> str:
    return "".join(str(int(ch)) for ch in text if ch.isdigit())


def _same_digits(a: str, b: str) -> bool:
    """Whether two written numbers are the same three groups of digits or more, only with other
    separators (2,240.191 / 2 240 191; not 1716 / 1.716: a decimal point moved is a change)."""
    da, db = _ascii_digits(a), _ascii_digits(b)
    groups = [[len(g) for g in regex.findall(r"\p{Nd}+", x)] for x in (a, b)]
    return len(da) >= 4 and da == db and groups[0] == groups[1] and len(groups[0]) >= 3


def _slash_decimal(text: str, fact, v) -> bool:
    m = regex.fullmatch(r"(\p{Nd}+)/(\p{Nd}+)", _around(text, fact.start, fact.end))
    if not m or not isinstance(v, float):
        return False
    return abs(float(f"{_ascii_digits(m.group(1))}.{_ascii_digits(m.group(2))}") - v) < 1e-9


def _around(text: str, start: int, end: int) -> str:
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "/"):
        start -= 1
    while end < len(text) and (text[end].isdigit() or text[end] == "/"):
        end += 1
    return text[start:end]


def _unit_multiple(u, v, text_v: str, fact_v) -> bool:
    """Whether ``u`` is ``v`` times the multiple of a prefixed unit written after ``v``
    (26 kilobases, 26 kb, 26 كيلو قاعدة: 26,000 of the unit); data: numbers/units.yaml."""
    after = tokens(text_v[fact_v.end:fact_v.end + 24])[:1]
    if not after or not v or after[0][0] > 2:
        return False
    word = fold(after[0][2])
    data = load_data("numbers/units.yaml")
    for forms, exact in ((data.get("prefixes", {}), False), (data.get("prefixed_symbols", {}), True)):
        for prefix, factor in forms.items():
            p = fold(prefix)
            if (word == p if exact else word.startswith(p)) and abs(u - v * factor) < 1e-6 * abs(u):
                return True
    return False


def _clock(fact) -> bool:
    """Whether a number fact is a clock time (09:30, ১৯ঃ৩০)."""
    return fact is not None and bool(regex.search(r"\p{Nd}[:ঃ]\p{Nd}", fact.text))


def _magnitude_after(u, v, fact_u, text_u: str, lang_u: str) -> bool:
    """Whether a magnitude word of the language stands within two words after ``u`` and makes
    it ``v`` (a currency word or a unit between the number and its magnitude)."""
    after = tokens(text_u[fact_u.end:fact_u.end + 40])[:2]
    mags = lexicon(lang_u).magnitudes
    return any(abs(u * mags[w] - v) < 1e-6 * v for w in (fold(t) for _, _, t in after) if w in mags)


def converted(v, u, fact_u, text_u: str, lang_u: str) -> bool:
    """Whether ``u`` is ``v`` converted to a metric unit whose name follows ``u`` in the text."""
    data = load_data("numbers/units.yaml")
    tol = data["tolerance"]
    for conv in data["conversions"]:
        target = (v + conv.get("offset", 0)) * conv["factor"]
        if abs(u - target) <= max(tol * abs(target), 0.3) and _unit_follows(text_u, fact_u.end, lang_u, conv["to"]):
            return True
    return False


def converted_to_one(v, text: str, lang: str) -> bool:
    """Whether ``v`` converts to about one of a metric unit the text names without a number
    (three feet: "a metre", "около метра")."""
    if not _numeric(v):
        return False
    folded = [fold(t) for _, _, t in tokens(text)]
    for conv in load_data("numbers/units.yaml")["conversions"]:
        if 0.75 <= (v + conv.get("offset", 0)) * conv["factor"] <= 1.3:
            words, _ = _unit_forms(lang, conv["to"])
            if any(len(w) >= 4 and t.startswith(w[:-1]) for t in folded for w in words):
                return True
    return False


@lru_cache(maxsize=None)
def _unit_forms(lang: str, unit: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(first words, symbols) the language writes after a number in ``unit``, from CLDR."""
    from babel.units import format_unit

    loc = babel_locale(lang)
    words, symbols = set(), set()
    if loc is None:
        return frozenset(), ()
    for length in ("long", "short", "narrow"):
        for n in (1, 2, 5, 21, 1.5):
            try:
                said = format_unit(n, unit, length, locale=loc)
            except Exception:  # a unit CLDR lacks for this locale
                continue
            rest = regex.sub(r"[\p{Nd}.,\u00a0\u202f\u200f\u200e\s]+", " ", said).strip()
            if not rest:
                continue
            symbols.add(rest.split(" ")[0].casefold())
            toks = tokens(rest)
            if toks:
                words.add(fold(toks[0][2]))
    return frozenset(w for w in words if len(w) >= 2), tuple(sorted(symbols))


def _unit_follows(text: str, end: int, lang: str, unit: str) -> bool:
    words, symbols = _unit_forms(lang, unit)
    rest = text[end:end + 24].lstrip(" \u00a0\u202f").casefold()
    if any(rest.startswith(s) for s in symbols):
        return True
    toks = tokens(rest)
    if not toks or toks[0][0] > 2:
        return False
    first = fold(toks[0][2])
    return any(first.startswith(w) for w in words)


@lru_cache(maxsize=None)
def _words_for(lang: str) -> dict:
    """value -> folded number words of the language (cardinal and ordinal): three letters or
    more, two in a non-Latin script (Bengali নয়, folded নয)."""
    out: dict = {}
    lex = lexicon(lang)
    for word, (value, _) in (*lex.words.items(), *((w, (v, False)) for w, v in lex.stems.items())):
        if len(word) >= 3 or (len(word) == 2 and not word.isascii()):
            out.setdefault(value, set()).add(word)
    return out


def _roman(token: str) -> int | None:
    if len(token) < 2 or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for a, b in zip(token, token[1:] + " "):
        x = _ROMAN_VALUES[a]
        total += -x if b != " " and _ROMAN_VALUES[b] > x else x
    return total


def _cjk_candidates(text: str, lang: str) -> set:
    """Values of East Asian numeral runs, magnitudes alone included (十年: ten years, 百万: a
    million), which extraction leaves out as too often part of a word (十分, 百姓)."""
    lex = lexicon(lang)
    if not writes_ideographic_numerals(lang):
        return set()
    out, run = set(), []
    for ch in text + " ":
        hit = lex.lookup(ch) if not ch.isspace() else None
        if hit and hit.kind in ("num", "mag"):
            run.append((hit.kind, hit.value))
            continue
        if run:
            value = combine(run, lex.small_magnitudes)
            if value is not None:
                out.add(value)
            run = []
    return out


def _digit_candidates(text: str) -> set:
    out: set = set()
    for m in _RUN.finditer(text):
        raw = "".join(str(int(ch)) if ch.isdigit() else ch for ch in m.group())
        parts = regex.split(r"[^0-9]", raw)
        out.update(int(p) for p in parts if p)
        out.add(int("".join(parts)))
        for sep in (".", ","):
            if raw.count(sep) == 1 and all(c.isdigit() or c == sep for c in raw):
                out.add(round(float(raw.replace(sep, ".")), 6))
    return out


def written_anyway(v, text: str, lang: str) -> bool:
    """Whether ``text`` gives ``v`` in a form the extractor did not read: digits glued to a
    word (و39, حوالي200), a number word with a classifier or ending (সাতজন, десятью, wanne,
    trefaldige), the digits of a number whose magnitude word is unknown (18 மில்லியன்), the
    decade of a year (60 年代 for 1960), a century in Roman numerals (siglo XXI)."""
    if not _numeric(v):
        return False
    digits = _digit_candidates(text) | _cjk_candidates(text, lang)
    toks = [t for _, _, t in tokens(text)]
    folded = [fold(t) for t in toks]
    words = _words_for(lang)
    lex = lexicon(lang)

    def given(x) -> bool:
        if x in digits or (isinstance(x, float) and any(_numeric(d) and abs(d - x) < 1e-6 for d in digits)):
            return True
        for w in words.get(x, ()):
            for t in folded:
                if t.startswith(w) or t.endswith(w) or (len(w) >= 5 and t[:len(w) - 1] == w[:-1]):
                    return True
        if any(w and any(t.startswith(w) for t in folded) for w, val in lex.magnitudes.items() if val == x and val >= 1000):
            return True  # "le million", "до миллиона": the magnitude word is the number
        return any(_roman(t.rstrip("abcdefghijklmnopqrstuvwxyzèéº")) == x for t in toks)  # XIXe siècle

    if given(v):
        return True
    if v >= 1000:
        for k in _MAGNITUDES:
            m = v / 10**k
            m = int(m) if float(m).is_integer() else round(m, 6)
            if m >= 1 and given(m):
                return True
        if isinstance(v, int) and 1000 <= v <= 2999:
            if v % 100 == 0:
                return given(v // 100 + 1)  # 2000s: the 21st century
            if v % 10 == 0:
                return given(v % 100)  # the 1960s: 60 年代, ثمانينيات
    return False


def bracketed_conversion(text: str, fact, lang: str) -> bool:
    """Whether the number stands alone in brackets right after another number: "30 meters
    (100 feet)", "six meters (18 feet)", "$200 billion (£150 billion)", a conversion a
    translation may drop."""
    before = text[:fact.start].rstrip(" \u00a0£$€¥")
    after = text[fact.end:fact.end + 20]
    if not before.endswith(("(", "（")) or not regex.match(r"[^()（）\p{Nd}]{0,16}[)）]", after):
        return False
    from ..extract.numbers import extract_numbers

    return bool(regex.search(r"\p{Nd}", before[-30:-1]) or extract_numbers(before[-30:-1], lang))


_REF_SKIP = regex.compile(r"[\p{Nd}\s.,;:()\[\]\-–—‐\u200b\u200c\u200d]*$")


@lru_cache(maxsize=None)
def _reference_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stems, single characters) that make the number after them a cross-reference."""
    data = load_data("numbers/references.yaml")
    words = {fold(w) for w in (*data.get("default", ()), *data.get(lang, ()))}
    return frozenset(w for w in words if len(w) > 1), frozenset(w for w in words if len(w) == 1)


def cross_reference(text: str, fact, lang: str) -> bool:
    """Whether the number points at a figure, table or equation (Fig. 3, (表 1-3), الجدول 2):
    the word before it, past other numbers and punctuation of the same reference."""
    before = text[max(0, fact.start - 48):fact.start]
    before = before[:_REF_SKIP.search(before).start()]
    toks = tokens(before)
    if not toks:
        return False
    word = fold(toks[-1][2])
    stems, chars = _reference_words(lang)
    if word in chars:
        return True
    return any(word.startswith(s) or (len(s) >= 3 and not s.isascii() and s in word) for s in stems)


# a bare number closing a sentence right after a word ("common colds 4.", "普通感冒4。"): how
# references are marked once their superscript is lost; what may follow it (sentence-final
# punctuation of any script, closing quotes) and precede it (a letter, one space or none)
_CITATION_AFTER = regex.compile(r"[.。．!?！？।॥؟۔]+[\p{Pe}\p{Pf}\"']*(?:\s|$)")
_CITATION_BEFORE = regex.compile(r"[\p{L}\p{M}][ \u00a0]?$")


def citation_marker(text: str, fact) -> bool:
    """Whether the number is a reference marker: a bare count of up to three digits (no percent,
    no unit, not approximate) glued to the end of a sentence after a word. Translations keep
    it, move it or drop it; dropping it loses no fact of the article."""
    from ..model import NumberFact

    if not isinstance(fact, NumberFact) or fact.form != "digits" or fact.percent or fact.approx or fact.ordinal:
        return False
    if not isinstance(fact.value, int) or not 1 <= fact.value <= 999 or not fact.text.isdigit():
        return False
    return bool(_CITATION_BEFORE.search(text[max(0, fact.start - 4):fact.start])
                and _CITATION_AFTER.match(text, fact.end))
