"""Language knowledge shared by the stages: codes, scripts, detection.

Everything here is loaded lazily and cached once per process, so that
``audit --help`` stays instant and a batch pays for each resource once.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable

@lru_cache(maxsize=None)
def language_data() -> dict:
    """audit/data/languages.yaml: the default languages, code aliases, numeral systems."""
    from importlib import resources

    import yaml

    return yaml.safe_load(resources.files("audit").joinpath("data/languages.yaml").read_text("utf-8"))


def default_languages() -> tuple[str, ...]:
    return tuple(language_data()["default"])


@lru_cache(maxsize=None)
def writes_ideographic_numerals(lang: str) -> bool:
    """Whether ``lang`` writes numbers with East Asian numerals and magnitudes (二十九, 2万5千)."""
    return lang in language_data()["ideographic_numerals"]


# Unicode script name (first word of a character's name) -> ISO 15924 code.
_SCRIPT_CODES = {
    "LATIN": "Latn", "BENGALI": "Beng", "DEVANAGARI": "Deva", "ARABIC": "Arab",
    "CYRILLIC": "Cyrl", "GREEK": "Grek", "HEBREW": "Hebr", "THAI": "Thai",
    "HANGUL": "Hang", "HIRAGANA": "Jpan", "KATAKANA": "Jpan", "CJK": "Hani",
    "TAMIL": "Taml", "TELUGU": "Telu", "GUJARATI": "Gujr", "GURMUKHI": "Guru",
    "KANNADA": "Knda", "MALAYALAM": "Mlym", "ORIYA": "Orya", "SINHALA": "Sinh",
    "GEORGIAN": "Geor", "ARMENIAN": "Armn", "ETHIOPIC": "Ethi", "KHMER": "Khmr",
    "LAO": "Laoo", "MYANMAR": "Mymr", "TIBETAN": "Tibt",
}


@lru_cache(maxsize=65536)
def char_script(ch: str) -> str | None:
    """ISO 15924 code of a letter, or None for digits, punctuation and marks."""
    if not unicodedata.category(ch).startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    return _SCRIPT_CODES.get(name.split(" ", 1)[0], "Zyyy")


_CJK = {"Hani", "Hans", "Hant", "Jpan", "Kore", "Hang"}


def script_name(code: str) -> str:
    """Cyrillic for Cyrl: for messages."""
    names = {v: k.title() for k, v in _SCRIPT_CODES.items()}
    return {"Hani": "Chinese", "Jpan": "Japanese", "Kore": "Korean"}.get(code, names.get(code, code))


@lru_cache(maxsize=None)
@lru_cache(maxsize=1)
def wordfreq_languages() -> frozenset[str]:
    """The languages wordfreq has a frequency list for (asked once: ``available_languages``
    walks its data directory on every call)."""
    from wordfreq import available_languages

    return frozenset(available_languages())


def language_script(lang: str) -> str | None:
    """The script a language is usually written in, from CLDR's likely subtags (ru -> Cyrl)."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(lang)
    if not likely:
        return None
    parts = likely.split("_")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else None


def script_fits(script: str, languages) -> bool:
    """Whether a document in ``script`` can be one of ``languages`` (CJK scripts count as one family)."""
    if script == "Zyyy":
        return True
    wanted = {language_script(lang) for lang in languages}
    if None in wanted:
        return True  # a language CLDR does not place: no grounds to refuse
    return script in wanted or (script in _CJK and bool(wanted & _CJK))


def dominant_script(text: str) -> str:
    counts: Counter = Counter()
    for ch, n in Counter(text).items():  # each distinct character once
        script = char_script(ch)
        if script:
            counts[script] += n
    if not counts:
        return "Zyyy"
    script, _ = counts.most_common(1)[0]
    if script == "Hani" and counts.get("Jpan"):
        return "Jpan"
    if script == "Hani" and counts.get("Hang"):
        return "Kore"
    return script


@lru_cache(maxsize=None)
def _lingua_codes() -> dict[str, object]:
    from lingua import Language

    out = {}
    for lang in Language.all():
        out[lang.iso_code_639_1.name.lower()] = lang
    return out


def known_language(code: str, detectable: bool = False) -> bool:
    """Whether ``code`` names a language: one lingua detects, or (unless ``detectable``)
    one CLDR knows. A language lingua lacks (Nepali) is audited when its script alone
    decides or the batch's structure declares it; detection never picks it among others."""
    code = code.lower()
    if code in _lingua_codes():
        return True
    if code in language_data()["aliases"]:  # Norwegian: lingua knows Bokmål (nb); the newsroom says "no"
        return True
    return not detectable and len(code) == 2 and code.isalpha() and babel_locale(code) is not None


def lingua_code(code: str) -> str:
    return language_data()["aliases"].get(code, code)


@lru_cache(maxsize=32)
def detector(languages: tuple[str, ...]):
    from lingua import LanguageDetectorBuilder

    codes = _lingua_codes()
    wanted = sorted({codes[lingua_code(c)] for c in languages if lingua_code(c) in codes}, key=lambda l: l.name)
    if len(wanted) == 1:
        return None
    return LanguageDetectorBuilder.from_languages(*wanted).build()


def detect_language(text: str, languages: Iterable[str]) -> tuple[str, float]:
    """The most likely of ``languages`` for ``text``, with lingua's confidence."""
    languages = tuple(sorted(set(languages)))
    det = detector(languages)
    if det is None:
        detectable = [c for c in languages if known_language(c, detectable=True)]
        if len(languages) == 1 or not detectable:
            return languages[0], 1.0 if len(languages) == 1 else 0.0
        return detectable[0], 0.5  # the only one lingua knows, beside one it does not: a guess
    values = det.compute_language_confidence_values(text)
    if not values or values[0].value <= 0:
        return languages[0], 0.0
    top = values[0]
    code = top.language.iso_code_639_1.name.lower()
    back = {lingua_code(c): c for c in languages}
    return back.get(code, code), round(float(top.value), 4)


@lru_cache(maxsize=None)
def babel_locale(code: str):
    """A babel Locale for an ISO 639-1 code, or None when CLDR has none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=None)
def is_rtl(code: str) -> bool:
    """True when CLDR writes the language right to left (ar, fa, ur, he, ...)."""
    loc = babel_locale(code)
    return bool(loc is not None and loc.character_order == "right-to-left")


LOW_CONFIDENCE = 0.8  # a detection less sure than this is warned about and shaded in the Documents sheet


FSI, PDI = "\u2068", "\u2069"  # first-strong isolate and its end: a quote keeps its own direction


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _non_latin(text: str) -> bool:
    return any(ch.isalpha() and char_script(ch) not in (None, "Latn") for ch in text)


def quoted(text: str, latin: str | None = None) -> str:
    """``text`` quoted for a message any reader can follow: as the translation writes it,
    isolated (FSI/PDI) when it is right to left so that it reads in order inside
    left-to-right prose, then the form a Latin-script translation uses (when given)
    or else a Latin transliteration (anyascii) in brackets for other scripts."""
    from anyascii import anyascii

    text = str(text)
    out = f"'{FSI}{text}{PDI}'" if _right_to_left(text) else f"'{text}'"
    if latin and latin != text:
        return f"{out} ({latin})"
    if _non_latin(text):
        roman = anyascii(text).strip()
        if roman and roman != text:
            return f"{out} [{roman}]"
    return out
