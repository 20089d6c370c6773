"""Dates: day (or day range), month, year, with month names from CLDR.

Month names come from babel for the language and all its regional locales
(so Levantine Arabic شباط is February too), folded so that real spelling
(ফেব্রুয়ারি, फरवरी) meets CLDR's (ফেব্রুয়ারী, फ़रवरी). A date claims the numbers
it is made of, so "21 February 2025" is one date fact, not three numbers.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import NamedTuple

from ..model import DateFact, NumberFact
from ..punctuation import DATE_GAP
from .morphology import clitics, date_connectors
from .numwords import lexicon, with_clitic
from .text import fold, folded_words, load_data, tokens


@lru_cache(maxsize=None)
def month_names(lang: str) -> dict[str, int]:
    from babel import Locale, localedata

    names: dict[str, int] = {}
    ids = [i for i in localedata.locale_identifiers() if i == lang or i.startswith(lang + "_")]
    for ident in sorted(ids):
        try:
            loc = Locale.parse(ident)
        except Exception:  # a locale babel lists but cannot load is simply skipped
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in loc.months[context][width].items():
                    key = fold(name).strip(".")
                    if key and not key.isdigit() and (width == "wide" or len(key) >= 3):
                        names.setdefault(key, number)
    return names


@lru_cache(maxsize=None)
def _month_first(lang: str) -> bool:
    from ..languages import babel_locale

    loc = babel_locale(lang)
    if loc is None:
        return False
    pattern = loc.date_formats["long"].pattern
    return 0 <= pattern.find("M") < pattern.find("d")


class MonthName(NamedTuple):
    """A month named in the text, at ``start:end``."""

    start: int
    end: int
    month: int  # 1-12


def _month_at(text: str, lang: str) -> list[MonthName]:
    """Every month name in text; multi-word names (تشرين الثاني) first."""
    toks = tokens(text)
    folded = folded_words(text)
    out = []
    next_free = 0
    for i in _month_candidates(lang, folded):
        if i < next_free:
            continue  # the second word of a two-word name
        hit, words = None, 1
        if i + 1 < len(toks) and _starts_month(lang, folded[i]):
            month = _month_of(lang, folded[i] + " " + folded[i + 1])
            if month is not None:
                hit, words = MonthName(toks[i][0], toks[i + 1][1], month), 2
        if hit is None:
            month = _month_of(lang, folded[i])
            if month is not None:  # a day glued before the name (15Maret) is the number's, not the name's
                hit = MonthName(toks[i][0] + _glued_day(toks[i][2]), toks[i][1], month)
        if hit and text[hit.end:hit.end + 1] == "\u200c":
            hit = None  # a prefix joined to its word (Persian می‌توان), not the month می
        if hit:
            out.append(hit)
            next_free = i + words
    return out


# per language: the folded words that neither name a month nor start a multi-word name;
# a batch's vocabulary is far smaller than its tokens, so each is tested once per process
_NOT_MONTH: dict[str, set[str]] = {}


@lru_cache(maxsize=None)
def _month_within(lang: str):
    """A test of whether a folded word has a month name or a multi-word name's first word
    inside it, which every word that names a month or starts one has (``_month_of`` and
    ``_starts_month`` only take a clitic off its front, a case ending or a glued day off
    it): one search in C that spares them the words no name is inside."""
    import regex

    parts = sorted(set(month_names(lang)) | _first_words(lang), key=lambda p: (-len(p), p))
    if not parts:
        return lambda word: False
    return regex.compile("|".join(map(regex.escape, parts))).search


def _month_candidates(lang: str, folded) -> list[int]:
    """Indices of the words that name a month or may start a multi-word name, in order."""
    not_month = _NOT_MONTH.setdefault(lang, set())
    fresh = set(folded).difference(not_month)
    if not fresh:  # each word known to be none (most paragraphs): set operations, no loop per word
        return []
    within = _month_within(lang)
    months = {w for w in fresh if within(w) and (_starts_month(lang, w) or _month_of(lang, w) is not None)}
    not_month.update(fresh.difference(months))
    return [i for i, w in enumerate(folded) if w in months] if months else []


@lru_cache(maxsize=100_000)
def _month_of(lang: str, words: str) -> int | None:
    """The month that folded ``words`` name, with or without a clitic (بفبراير) or a case
    ending (Nepali फेब्रुअरीमा, "in February"; the endings are names.yaml's)."""
    names = month_names(lang)
    month = with_clitic(names, words, lang)
    if month is None and " " not in words:
        for ending in _case_endings(lang):
            stem = words[:-len(ending)]
            if words.endswith(ending) and len(stem) >= 4:  # not a short abbreviation (Swedish majs, maize)
                month = with_clitic(names, stem, lang)
                if month is not None:
                    break
    if month is None and " " not in words and (n := _glued_day(words)):
        month = _month_of(lang, words[n:])  # 15Maret, 28فروری: the space after the day left out
    return month


def _glued_day(word: str) -> int:
    """How many digits (of any script) a word starts with, one or two, before its letters: a
    day glued to the month name after it."""
    n = 0
    while n < len(word) and word[n].isdecimal():
        n += 1
    return n if n <= 2 and n < len(word) else 0


@lru_cache(maxsize=None)
def _case_endings(lang: str) -> tuple[str, ...]:
    return tuple(fold(x) for x in load_data("names.yaml")["suffixes"].get(lang) or ())


@lru_cache(maxsize=100_000)
def _starts_month(lang: str, head: str) -> bool:
    """Whether a multi-word month name may start with the folded word ``head``."""
    firsts = _first_words(lang)
    return head in firsts or any(head.startswith(p) and head[len(p):] in firsts for p in clitics(lang))


@lru_cache(maxsize=None)
def _first_words(lang: str) -> frozenset[str]:
    """First words of the language's multi-word month names."""
    return frozenset(name.split(" ", 1)[0] for name in month_names(lang) if " " in name)


def mentions_month(text: str, lang: str, month: int) -> bool:
    """Whether the text names ``month`` (by name, or as a number before the month unit: 6月)."""
    if any(m == month for _, _, m in _month_at(text, lang)):
        return True
    names = [n for n, m in month_names(lang).items() if m == month and len(n) >= 4 and " " not in n]
    if any(fold(t).startswith(n) for _, _, t in tokens(text) for n in names):
        return True  # with a case ending: मार्चला, डिसेंबरच्या
    unit = lexicon(lang).date_units.get("month")
    return bool(unit) and f"{month}{unit}" in text.replace(" ", "")


def _is_day(f: NumberFact) -> bool:
    return all(isinstance(v, int) and 1 <= v <= 31 for v in f.values) and not f.approx


def _misprinted_day(f: NumberFact) -> bool:
    """Two digits past the 31st in a day's place: still the date's day, misprinted."""
    return f.form == "digits" and isinstance(f.value, int) and 32 <= f.value <= 99 and not f.approx and len(f.text) == 2


def _is_year(f: NumberFact) -> bool:
    return isinstance(f.value, int) and 1000 <= f.value <= 2999


def _unit_dates(text: str, units: dict[str, str], numbers: list[NumberFact]):
    """Dates written with unit characters after each number: 2025年2月21日, 2025년 2월 21일."""
    def unit_after(f: NumberFact) -> str | None:
        rest = text[f.end:f.end + 3].lstrip(" ")
        return next((k for k, u in units.items() if rest.startswith(u)), None)

    def end_of(f: NumberFact) -> int:
        return text.index(units[unit_after(f)], f.end) + 1

    out, claimed = [], set()
    for k, f in enumerate(numbers):
        if unit_after(f) != "month" or not (isinstance(f.value, int) and 1 <= f.value <= 12):
            continue
        parts = [k]
        year = day = None
        if k and unit_after(numbers[k - 1]) == "year" and _is_year(numbers[k - 1]) \
                and not text[end_of(numbers[k - 1]):f.start].strip():
            year = numbers[k - 1].value
            parts.insert(0, k - 1)
        if k + 1 < len(numbers) and unit_after(numbers[k + 1]) == "day" and _is_day(numbers[k + 1]) \
                and not text[end_of(f):numbers[k + 1].start].strip():
            day = numbers[k + 1].value
            parts.append(k + 1)
        if year is None and day is None:
            continue
        d1, d2 = day if isinstance(day, tuple) else (day, day)
        start, end = numbers[parts[0]].start, end_of(numbers[parts[-1]])
        out.append(DateFact(text[start:end], start, end, year=year, month=f.value, day=d1, last_day=d2))
        claimed.update(parts)
    return out, claimed


def extract_dates(text: str, lang: str, numbers: list[NumberFact]) -> tuple[list[DateFact], list[NumberFact]]:
    """(date facts, the number facts left once dates have claimed theirs)."""
    units = lexicon(lang).date_units
    if units:
        dates, claimed = _unit_dates(text, units, numbers)
        return dates, [f for k, f in enumerate(numbers) if k not in claimed]
    dates: list[DateFact] = []
    claimed: set[int] = set()
    month_first = _month_first(lang)
    ends = [f.end for f in numbers]  # numbers are in text order and disjoint: both lists are sorted
    starts = [f.start for f in numbers]
    months = _month_at(text, lang)
    month_starts = [m[0] for m in months]

    def day_of_next_month(f: NumberFact) -> bool:
        """Whether the number is written before the month name right after it (29 फेब्रुअरीमा),
        so that it is that month's day, not the day of a month name before it."""
        k = bisect.bisect_left(month_starts, f.end)
        return k < len(months) and len(text[f.end:months[k][0]]) <= 2 and not text[f.end:months[k][0]].strip(" \u00a0-")

    for m_start, m_end, month in months:
        kb = bisect.bisect_right(ends, m_start) - 1
        while kb >= 0 and kb in claimed:
            kb -= 1
        before = [kb] if kb >= 0 else []
        ka = bisect.bisect_left(starts, m_end)
        after = [k for k in range(ka, min(len(numbers), ka + 4)) if k not in claimed]
        day = year = None
        if before and _near(text, numbers[before[-1]].end, m_start) and (
                _is_day(numbers[before[-1]]) or _misprinted_day(numbers[before[-1]])):
            day = before[-1]  # 28 de marzo, and 38 de marzo: a day misprinted is still the date's day
        if after and (_near(text, m_end, numbers[after[0]].start) or _year_word_between(
                text, m_end, numbers[after[0]], lang)):
            nxt = numbers[after[0]]
            # the day after the month: the language's order, a hyphen (மார்ச்-2), or a construction
            # closed after the day ("(September 29)", "September 29, 2018" in Malay; not "Mac 15
            # orang": 15 people)
            closed = text[nxt.end:].lstrip(" \u00a0")[:1]
            gap = text[m_end:nxt.start]
            month_day = month_first or gap == "-" or (not gap.strip(" \u00a0") and not closed.isalpha())
            misprinted = not month_first and month_day and _misprinted_day(nxt)  # (September 39)
            if day is None and month_day and (_is_day(nxt) or misprinted) and not day_of_next_month(nxt):
                day = after[0]
                later = [k for k in after[1:] if _near(text, nxt.end, numbers[k].start, comma=True)]
                if later and _is_year(numbers[later[0]]):
                    year = later[0]
            elif _is_year(nxt):
                year = after[0]
        if day is None and year is None:
            continue
        parts = [k for k in (day, year) if k is not None]
        start = min([m_start] + [numbers[k].start for k in parts])
        end = max([m_end] + [numbers[k].end for k in parts])
        d = numbers[day].value if day is not None else None
        days = d if isinstance(d, tuple) else (d, d) if d is not None else (None, None)
        pair = _paired_day(text, lang, numbers, day, claimed) if day is not None and before and day == before[-1] else None
        if pair is not None:  # "4 and 5 March": the first day is a date of the month too
            p = numbers[pair]
            dates.append(DateFact(p.text, p.start, p.end, year=numbers[year].value if year is not None else None,
                                  month=month, day=p.value, last_day=p.value))
            claimed.add(pair)
        dates.append(DateFact(text[start:end], start, end, year=numbers[year].value if year is not None else None,
                              month=month, day=days[0], last_day=days[1]))
        claimed.update(parts)
    rest = [f for k, f in enumerate(numbers) if k not in claimed]
    return dates, rest


def _paired_day(text: str, lang: str, numbers: list[NumberFact], day: int, claimed: set[int]) -> int | None:
    """The index of a day joined to the date's day before it by the language's word for "and"
    (numbers.yaml ``joined``: "4 and 5 March", "4ঠা এবং 5ই মার্চ", "4 y 5 de marzo"): a date of
    the same month, not a count; None where there is none (a range, "4 to 5 March", is the
    numbers' reading)."""
    k = day - 1
    if k < 0 or k in claimed:
        return None
    f, g = numbers[k], numbers[day]
    if not (isinstance(f.value, int) and isinstance(g.value, int) and _is_day(f)) \
            or f.percent or g.percent or f.form != "digits" or g.form != "digits":
        return None
    gap = fold(text[f.end:g.start].strip(" \u00a0"))
    return k if gap and gap in lexicon(lang).joined_words else None


@lru_cache(maxsize=None)
def _year_words(lang: str) -> frozenset[str]:
    """CLDR's word for the unit "year" (babel, long and short), folded: Persian and Urdu
    write it between a month and its year (دسامبر سال ۲۰۱۹, "December, year 2019"), as
    Arabic does (ديسمبر سنة 2019). One-letter and abbreviated forms (es a, ru г.) are left out."""
    from babel.units import get_unit_name

    out = set()
    for length in ("long", "short"):
        try:
            name = get_unit_name("duration-year", length=length, locale=lang)
        except Exception:  # a locale babel lacks has no such word
            continue
        if name and "." not in name and len(name) >= 2:
            out.add(fold(name))
    return frozenset(out) | lexicon(lang).year_words  # numbers.yaml year_words: Arabic عام


def _year_word_between(text: str, a: int, nxt: NumberFact, lang: str) -> bool:
    """Whether only the word for "year" stands between a month ending at ``a`` and the
    year ``nxt``."""
    gap = text[a:nxt.start].strip(" \u00a0")
    return bool(gap) and _is_year(nxt) and fold(gap) in _year_words(lang)


def _near(text: str, a: int, b: int, comma: bool = True) -> bool:
    gap = text[a:b]
    if gap[:1] == "-":
        gap = gap[1:]  # 13-மார்ச், 23- பிப்ரவரி: a dash glued to the day (not a range's " - ")
    return len(gap) <= 6 and gap.strip(DATE_GAP) == "" or fold(gap.strip()) in date_connectors()


def date_label(value) -> str:
    """2025-02-21, --02-21 without a year, 2025-02-19/21 for a day range."""
    year, month, d1, d2 = value
    head = f"{year:04d}" if year else "-"
    if d1 is None:
        return f"{head}-{month:02d}"
    day = f"{d1:02d}" if d1 == d2 else f"{d1:02d}/{d2:02d}"
    return f"{head}-{month:02d}-{day}"
