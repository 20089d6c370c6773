"""Runs of digits read as numbers: where a run of digits and separators starts and ends,
and its value in any digit system (২০২৫, ٢٠٢٥, 1 000, 1.000,5, 12,34,567) with the
language's own decimal and group marks. The rest of number reading is in ``numbers``.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..languages import babel_locale

# digits with separators; a plain space only before exactly three digits (1 000 in sv, fr)
# (the Arabic comma only as a group separator before exactly three digits: ۷،۱۶۲)
_DIGITS = regex.compile(r"(?:(?<=^|[\s(])\.(?=\p{Nd}))?"  # .08: a decimal fraction without its zero
                        r"\p{Nd}+(?:(?:,(?!(?:1[5-9]|20)\p{Nd}{2}(?!\p{Nd}))|[.٫٬'\u00a0\u202f\u2009]|[\x20،](?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*")
_SPACES = regex.compile(r"[\x20\u00a0\u202f\u2009]")
MAX_DIGITS = 30  # longer digit runs are identifiers or noise, not quantities


@lru_cache(maxsize=None)
def _separators(lang: str) -> tuple[str, str]:
    loc = babel_locale(lang)
    if loc is None:
        return ".", ","
    sym = loc.number_symbols.get("latn", {}) if "latn" in loc.number_symbols else {}
    return sym.get("decimal", "."), sym.get("group", ",")


_NON_DIGIT = regex.compile(r"[^0-9]")


def _digit_value(raw: str, lang: str) -> float | int | None:
    digits_only = "".join(str(unicodedata.decimal(ch)) if ch.isdigit() else ch for ch in raw)
    seps = [ch for ch in digits_only if not ch.isdigit()]
    groups = _NON_DIGIT.split(digits_only)
    if sum(len(g) for g in groups) > MAX_DIGITS:
        return None
    if not seps:
        return int(digits_only)
    if digits_only.startswith("."):
        return _num("0" + digits_only) if digits_only.count(".") == 1 else None
    if "،" in seps:
        return int("".join(groups)) if set(seps) == {"،"} and all(len(g) == 3 for g in groups[1:]) else None
    decimal, group = _separators(lang)
    kinds = list(dict.fromkeys(seps))
    if len(kinds) == 2:  # 1,000.5 / 1.000,5: the last separator is the decimal one
        dec = seps[-1]
        if seps.count(dec) != 1:
            return None
        whole, frac = digits_only.rsplit(dec, 1)
        return _num("".join(ch for ch in whole if ch.isdigit()) + "." + frac)
    sep = kinds[0]
    if sep == "٫":
        return _num(digits_only.replace("٫", "."))
    tail = groups[1:]
    grouped = all(len(g) == 3 for g in tail) and 1 <= len(groups[0]) <= 3
    indian = len(groups) >= 3 and all(len(g) == 2 for g in groups[1:-1]) and len(groups[-1]) == 3
    if sep in "٬'\u00a0\u202f\u2009 ":
        return int("".join(groups)) if grouped else None
    if len(seps) == 1 and sep == decimal and (sep != group):
        # one separator that is this language's decimal mark: 2,5 in Swedish, 2.5 in English
        if not grouped or sep != "," or decimal == ",":
            return _num(groups[0] + "." + groups[1])
    if grouped or indian:
        return int("".join(groups))
    if len(seps) == 1:
        return _num(groups[0] + "." + groups[1])
    return None


def _num(s: str) -> float | int:
    v = float(s)
    return int(v) if v.is_integer() else round(v, 6)


def _digit_runs(text: str, lang: str):
    """(start, end) of each run of digits and separators. A comma that can be neither this
    language's decimal mark nor a group separator (4600,80: four digits before it) is a
    list comma without its space, and splits the run in two numbers; a run that reads as
    no number with spaces in it that cannot be group separators (1,5 1,5 milliard: a word
    written twice) is split at them."""
    for m in _DIGITS.finditer(text):
        s, e = m.start(), m.end()
        raw = m.group()
        head = raw.split(",", 1)[0]
        if raw.count(",") == 1 and head.isdigit() and len(head) > 3 and _separators(lang)[0] != "," \
                and raw[len(head) + 1:].isdigit():
            yield s, s + len(head)
            yield s + len(head) + 1, e
        elif _SPACES.search(raw) and _digit_value(raw, lang) is None \
                and not all(regex.fullmatch(r"\p{Nd}{3}", p) for p in _SPACES.split(raw)[1:]):
            # (not 2240 191, a slipped group separator, which same_number meets as its digits)
            at = s
            for piece in _SPACES.split(raw):
                yield at, at + len(piece)
                at += len(piece) + 1
        else:
            yield s, e


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in digits)
