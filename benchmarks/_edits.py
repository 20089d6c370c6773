"""The edits of benchmarks/real_perturb.py: where each error kind can be injected into a
line of a real translation, and what it becomes.

Every candidate is found with libraries and the package's language data, never with
the tool's extractors (a stricter extractor must not shrink the test to what it still
reads): digits by Unicode category, number words and magnitudes from the package's
number lexicon (num2words plus ``audit/data/numbers*``), month and territory names and
list patterns from CLDR (babel), countries from pycountry, names as capitalised words
of the English line found in the translation by a consonant skeleton of their
romanisation (anyascii). The English line (line i of ``en/`` translates line i) says
which facts the source has, so an edit always changes a fact the source gives.
Each ``cand_*`` returns (start, end, replacement, what changed) options for one line.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import regex

WORD = regex.compile(r"[\p{L}\p{M}]+")
LETTER = regex.compile(r"[\p{L}\p{M}]")
DIGITS = regex.compile(r"\p{Nd}+")
# a number with group separators (30,000; 3,00,000; 360.000; 1 000), as one value
GROUPED = regex.compile(r"\p{Nd}{1,3}(?:[,.\u066c\u00a0\u202f ]\p{Nd}{2,3})+|\p{Nd}+")
NAME = regex.compile(r"\p{Lu}[\p{Ll}\p{M}'’-]+")
SENTENCE_PUNCT = set(".;:?!()[]\"“”«»—।؟")


@dataclass
class Edit:
    kind: str
    lang: str
    file: str  # relative to the corpus: bn/bbc.381646.txt
    line: int  # 1-based
    before: str
    after: str
    what: str  # the fact changed, for the report: '30 -> 40'


@dataclass
class Doc:
    lang: str
    file: str
    lines: list[str]
    en: list[str]
    others: dict[str, list[str]] = field(default_factory=dict)  # other languages' lines of the article


# ---------------------------------------------------------------- language data

@lru_cache(maxsize=None)
def _lexicon(lang: str):
    from audit.extract.numwords import lexicon

    return lexicon(lang)


@lru_cache(maxsize=262144)
def _fold(word: str) -> str:
    from audit.extract.text import fold

    return fold(word)


@lru_cache(maxsize=None)
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(lang)


@lru_cache(maxsize=None)
def _months(lang: str) -> dict[str, tuple[int, str, str]]:
    """folded month name -> (month, width, context) from CLDR, for every width but narrow."""
    out = {}
    months = _locale(lang).months
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for m, name in months.get(context, {}).get(width, {}).items():
                if len(name.strip(".")) >= 3:
                    out.setdefault(_fold(name.strip(".")), (m, width, context))
    return out


def _month_name(lang: str, month: int, width: str, context: str) -> str:
    return _locale(lang).months[context][width][month].strip(".")


@lru_cache(maxsize=None)
def _countries(lang: str) -> dict[str, str]:
    """territory name in ``lang`` -> ISO code, countries only (pycountry), CLDR names."""
    import pycountry

    out = {}
    for code, name in _locale(lang).territories.items():
        if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code) and len(name) >= 3:
            out.setdefault(name, code)
    return out


@lru_cache(maxsize=None)
def _commas() -> frozenset[str]:
    """Every comma of Unicode (, ، 、): writers separate list members with their script's. Not
    the fullwidth comma ， (a fullwidth form, east_asian_width F): the scripts that write it
    separate clauses with it and list members with the enumeration comma 、 (CLDR's zh, ja)."""
    return frozenset(chr(c) for c in range(0x10000)
                     if unicodedata.category(chr(c)) == "Po" and "COMMA" in unicodedata.name(chr(c), "")
                     and unicodedata.east_asian_width(chr(c)) != "F")


@lru_cache(maxsize=None)
def _list_marks(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(separators, final conjunctions) of the language's CLDR list patterns, every style."""
    seps, conj = {c + " " for c in _commas()} | _commas(), set()
    for style, p in _locale(lang).list_patterns.items():
        for part, mark in (("middle", seps), ("start", seps), ("end", conj), ("2", conj)):
            if part in p:
                mark.add(p[part].replace("{0}", "").replace("{1}", ""))
    conj -= seps
    # a separator before the final conjunction ("A, B, and C"; Arabic "A، B، وC", whose
    # pattern "{0} و{1}" glues the conjunction to the member): the pair closes the list
    conj |= {c.rstrip() + j for c in seps for j in conj if j[:1].isspace()}
    key = lambda s: -len(s)  # noqa: E731
    return tuple(sorted((s for s in seps if s.strip()), key=key)), tuple(sorted((c for c in conj if c.strip()), key=key))


def _digits_like(template: str, value: int) -> str:
    zero = next((ord(c) - unicodedata.digit(c) for c in template if unicodedata.category(c) == "Nd"), 48)
    return "".join(chr(zero + int(d)) for d in str(value))


def _value(text: str) -> int:
    return int("".join(str(unicodedata.digit(c)) for c in text if unicodedata.category(c) == "Nd"))


# consonant classes of a romanisation: what survives Arabic's dropped vowels, Indic
# inherent vowels and Latin spelling (Liverpool ~ ليفربول ~ লিভারপুল: lbrbl; Arabic has
# no p or v, Bengali writes v as bh)
_SKELETON = str.maketrans({"p": "b", "v": "b", "f": "b", "w": "", "c": "k", "q": "k", "g": "k", "d": "t",
                           "z": "s", "x": "s", "h": "", "y": "", "a": "", "e": "", "i": "", "o": "", "u": ""})


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    from anyascii import anyascii

    s = "".join(c for c in anyascii(word).lower().replace("ph", "f") if c.isalpha()).translate(_SKELETON)
    return regex.sub(r"(.)\1+", r"\1", s)


def _matches_name(token: str, name_key: str) -> bool:
    key = skeleton(token)
    return key == name_key or (name_key in key and len(key) - len(name_key) <= 2)


# ---------------------------------------------------------------- candidates per kind

def _in_code(text: str, s: int) -> bool:
    """Whether the digits at ``s`` belong to a code or a name (COVID-19, ACE2, சார்ஸ்-கோ.வி-2):
    glued to a letter or its vowel sign, or hyphenated to one."""
    return bool(s and (LETTER.match(text[s - 1]) or (text[s - 1] in "-‐" and s > 1 and LETTER.match(text[s - 2]))))


@lru_cache(maxsize=65536)
def _english_numbers(en: str) -> set[int]:
    """The numbers the English line gives: not the digits of its codes (SARS-CoV-2, ACE2 are
    no "two" a translation's number word could render)."""
    vals = {_value(m.group()) for m in GROUPED.finditer(en) if not _in_code(en, m.start())} | \
        {_value(m.group()) for m in DIGITS.finditer(en) if not _in_code(en, m.start())}
    lex = _lexicon("en")
    for m in WORD.finditer(en):
        hit = lex.words.get(_fold(m.group()))
        if hit and not hit[1]:
            vals.add(hit[0])
    return vals


def _open_bracket(text: str, s: int, close: str) -> bool:
    """Whether a bracket closed by ``close`` is open at ``s`` (one never opened closes a citation marker)."""
    opening, depth = "(["[close == "]"], 0
    for ch in text[:s]:
        depth = depth + 1 if ch == opening else max(0, depth - 1) if ch == close else depth
    return depth > 0


def cand_number_digits(doc: Doc, i: int, rng) -> list[tuple[int, int, str, str]]:
    text, theirs = doc.lines[i], _english_numbers(doc.en[i])
    out = []
    for m in GROUPED.finditer(text):
        s, e = m.span()
        if _in_code(text, s):
            continue  # a code or a name: COVID-19, A320
        if e < len(text) and text[e] in ".,،:٫" and e + 1 < len(text) and text[e + 1].isdigit():
            continue  # a decimal or a clock time: another kind of fact
        if s > 1 and text[s - 1] in ":٫" and text[s - 2].isdigit():
            continue
        if len(m.group()) > 1 and unicodedata.digit(m.group()[0]) == 0:
            continue  # 09: a code or a time
        if text[e:e + 1] in (")", "]") and not _open_bracket(text, s, text[e]):
            continue  # closes a bracket never opened ("(Figures 6--9).9)", "(படம் 4) 4)"): a citation marker
        value = _value(m.group())
        if value < 2 or value not in theirs:
            continue
        run = DIGITS.match(text, s).group()
        # a year keeps its century; any other number changes its leading digit (30,000 -> 40,000)
        at = len(run) - 1 if len(run) == 4 and 1900 <= value <= 2100 else 0
        d = unicodedata.digit(run[at])
        new = d + 1 if d < 9 else d - 1
        new_run = run[:at] + _digits_like(run, new) + run[at + 1:]
        out.append((s, s + len(run), new_run, f"{m.group()} -> {new_run}{m.group()[len(run):]}"))
    return out


def _word_value(lex, word: str):
    """(value, prefix, suffix) of a number word, with a clitic or a classifier glued on."""
    f = _fold(word)
    hit = lex.words.get(f)
    if hit and not hit[1]:
        return hit[0], "", ""
    for p in lex.prefixes:
        if f.startswith(p) and (h := lex.words.get(f[len(p):])) and not h[1]:
            return h[0], word[: len(p)], ""
    for c in lex.classifiers:
        if f.endswith(c) and (h := lex.words.get(f[: -len(c)])) and not h[1]:
            return h[0], "", word[-len(c):]
    return None


@lru_cache(maxsize=None)
def _written(lang: str) -> list[str]:
    """Number words as a writer spells them (the lexicon keeps folded forms): num2words'
    words, then the package's number data (``audit/data/numbers*``)."""
    from audit.extract.text import load_data

    out = []
    data = load_data("numbers.yaml")
    spec = data.get(lang, {})
    code = spec.get("num2words", lang)
    try:
        from num2words import num2words

        for v in range(2, 13):  # one word each: a word of a compound (اثنا of اثنا عشر) is no number alone
            words = WORD.findall(num2words(v, lang=code))
            out += words if len(words) == 1 else []
        for v in (10**6, 2 * 10**6, 10**9, 2 * 10**9):  # the magnitude words among them
            out += WORD.findall(num2words(v, lang=code))
    except (NotImplementedError, OverflowError, ValueError, KeyError, TypeError, AttributeError):
        pass
    out += list(spec.get("magnitudes", {})) + list(spec.get("words", {}))
    if "words_file" in spec:
        out += list(load_data(spec["words_file"]).get("words", {}))
    return out


@lru_cache(maxsize=None)
def _number_words(lang: str) -> dict[int, str]:
    """A written word for each of 2..12 in ``lang`` that the lexicon reads as that number."""
    lex = _lexicon(lang)
    out = {}
    for w in _written(lang):
        hit = lex.words.get(_fold(w))
        if hit and not hit[1] and 2 <= hit[0] <= 12 and _fold(w) not in lex.ignore:
            out.setdefault(hit[0], w)
    return out


def cand_number_word(doc: Doc, i: int, rng) -> list[tuple[int, int, str, str]]:
    lex, words = _lexicon(doc.lang), _number_words(doc.lang)
    theirs = _english_numbers(doc.en[i])
    out = []
    for m in WORD.finditer(doc.lines[i]):
        hit = _word_value(lex, m.group())
        if not hit or hit[0] not in theirs or not (2 <= hit[0] <= 12) or _fold(m.group()) in lex.ignore:
            continue
        value, pre, suf = hit
        choices = [v for v in words if v != value]
        if not choices:
            continue
        new = words[rng.choice(choices)]
        if m.group()[:1].isupper():
            new = new[:1].upper() + new[1:]
        out.append((m.start(), m.end(), pre + new + suf, f"{m.group()} -> {pre + new + suf}"))
    return out


def cand_million_billion(doc: Doc, i: int, rng) -> list[tuple[int, int, str, str]]:
    lex = _lexicon(doc.lang)
    en_lex = _lexicon("en")
    en_mags = {en_lex.magnitudes.get(_fold(w.group())) for w in WORD.finditer(doc.en[i])}
    if not en_mags & {10**6, 10**9}:
        return []
    by_value = defaultdict(list)
    for w in _written(doc.lang):
        v = lex.magnitudes.get(_fold(w))
        if v in (10**6, 10**9) and w not in by_value[v]:
            by_value[v].append(w)
    out = []
    for m in WORD.finditer(doc.lines[i]):
        f = _fold(m.group())
        pre = next((p for p in ("",) + lex.prefixes if f.startswith(p) and lex.magnitudes.get(f[len(p):]) in (10**6, 10**9)), None)
        if pre is None:
            continue
        value = lex.magnitudes[f[len(pre):]]
        if value not in en_mags:
            continue
        other = by_value.get(10**15 // value)
        if not other:
            continue
        # the other magnitude's word sharing the longest ending: its plural or case (miljoner -> miljarder)
        core = f[len(pre):]
        new = max(other, key=lambda w: (len(_common_suffix(_fold(w), core)), -abs(len(w) - len(core)), w))
        if m.group()[len(pre):len(pre) + 1].isupper():
            new = new[:1].upper() + new[1:]
        out.append((m.start(), m.end(), m.group()[: len(pre)] + new, f"{m.group()} -> {m.group()[:len(pre)] + new}"))
    return out


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:]


@lru_cache(maxsize=65536)
def _english_months(en: str) -> set[int]:
    """Months the English line gives as dates (a day or a year beside the name)."""
    months = _months("en")
    return {months[_fold(w.group())][0] for w in WORD.finditer(en)
            if _fold(w.group()) in months and (w.group()[0].isupper()) and _beside(en, w)}


# what may stand between a month and its day or year: spaces, a comma, a dash, a short
# joining word (1 de dezembro de 2019, the 5th of May)
_DATE_GAP = regex.compile(r"[\s,\-–]*(?:[\p{L}\p{M}]{1,3}\.?[\s,]+)?[\s,\-–]*")


def _beside(text: str, m) -> list:
    """Digit runs that are a day (1-31) or a year (1000-2999) of their own beside the month
    name ``m``: not part of a decimal, a percentage or a bigger number (1.8 % i juni, a
    30-year-old's "30 ... October" are no dates)."""
    out = []
    for d in DIGITS.finditer(text, max(0, m.start() - 16), min(len(text), m.end() + 16)):
        gap = text[d.end():m.start()] if d.end() <= m.start() else text[m.end():d.start()]
        if not _DATE_GAP.fullmatch(gap):
            continue
        before, after = text[max(0, d.start() - 2):d.start()], text[d.end():d.end() + 2]
        if regex.search(r"\p{Nd}[.,]$", before) or regex.match(r"(?:[.,]\p{Nd}|\s?[%٪])", after):
            continue
        v = _value(d.group())
        if 1 <= v <= 31 or 1000 <= v <= 2999:
            out.append(d)
    return out


def _month_tokens(doc: Doc, i: int):
    """(match, month, width, context, day span or None) of the line's month names that
    are dates: a day or a year right beside them (a month alone is no date: the checks
    compare dates, and "in June" is not one)."""
    months, theirs = _months(doc.lang), _english_months(doc.en[i])
    text = doc.lines[i]
    for m in WORD.finditer(text):
        hit = months.get(_fold(m.group()))
        if not hit or hit[0] not in theirs:
            continue
        near = _beside(text, m)
        if not near:
            continue
        day = next((d.span() for d in near if 1 <= _value(d.group()) <= 31), None)
        yield m, hit, day


def cand_date_month(doc: Doc, i: int, rng) -> list[tuple[int, int, str, str]]:
    out = []
    for m, (month, width, context), _day in _month_tokens(doc, i):
        new = _month_name(doc.lang, month % 12 + 1, width, context)
        if m.group()[:1].isupper() and not new[:1].isupper():
            new = new[:1].upper() + new[1:]
        out.append((m.start(), m.end(), new, f"{m.group()} -> {new}"))
    return out


def cand_date_day(doc: Doc, i: int, rng) -> list[tuple[int, int, str, str]]:
    out = []
    en_days = {_value(d.group()) for d in DIGITS.finditer(doc.en[i]) if 1 <= _value(d.group()) <= 31}
    for _m, _hit, day in _month_tokens(doc, i):
        if day is None:
            continue
        run = doc.lines[i][day[0]:day[1]]
        v = _value(run)
        if v not in en_days:
            continue
        new = _digits_like(run, v + 1 if v < 28 else v - 1)
        out.append((day[0], day[1], new, f"{run} -> {new}"))
    return out


def _english_names(en: str, lowered: set[str]) -> list[tuple[str, str]]:
    """(name, skeleton) of the capitalised words of an English line that are names: not its
    first word, not written in lower case anywhere in the English document, not a month,
    a weekday or a country (those are other kinds). A word of a longer proper noun is not
    one: a run of capitalised words with a common word in it ("National Emergencies Act"),
    or one that a function word other than a list's conjunction ties to the next
    ("Centers for Disease Control") names an institution, and one word of it is no name."""
    months = _months("en")
    days = {_fold(d) for w in ("wide", "abbreviated") for d in _locale("en").days["format"][w].values()}
    countries = {_fold(w) for n in _countries("en") for w in WORD.findall(n)}
    conj = {c.strip() for c in _list_marks("en")[1]}
    words = list(WORD.finditer(en))
    caps = [bool(NAME.fullmatch(w.group())) for w in words]
    runs, k = [], 0
    while k < len(words):
        if caps[k]:
            j = k
            while j + 1 < len(words) and caps[j + 1] and not en[words[j].end():words[j + 1].start()].strip(" -"):
                j += 1
            runs.append((k, j))
            k = j + 1
        else:
            k += 1
    out = []
    for r, (k, j) in enumerate(runs):
        run = [w.group() for w in words[k: j + 1]]
        if any(_common_english(t.lower()) for t in run):
            continue
        tied = [(runs[r - 1][1], k)] if r else []
        tied += [(j, runs[r + 1][0])] if r + 1 < len(runs) else []
        if any(b - a == 2 and _function_word(words[a + 1].group()) and words[a + 1].group() not in conj
               for a, b in tied):
            continue
        for m in range(k, j + 1):
            t = words[m].group()
            if m == 0 or len(t) < 3 or t.lower() in lowered:
                continue
            f = _fold(t)
            if f in months or f in days or f in countries:
                continue
            key = skeleton(t)
            if len(key) >= 3:
                out.append((t, key))
    return out


@lru_cache(maxsize=None)
def _function_word(word: str) -> bool:
    """of, for, the: short, lower case and among English's most frequent words (wordfreq)."""
    from wordfreq import zipf_frequency

    return word.islower() and len(word) <= 3 and zipf_frequency(word, "en") >= 6.5


@lru_cache(maxsize=None)
def _common_english(word: str) -> bool:
    """A word as frequent as 'world' or 'national' (wordfreq) is a title or an adjective
    capitalised, not a name an edit should change."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 5.0


@lru_cache(maxsize=None)
def _rare_english(word: str) -> bool:
    """Rare enough in English (wordfreq) to be a name for sure: what a substitute is drawn from."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") < 4.0


def _name_spans(text: str, names: list[tuple[str, str]], cased: bool):
    """(start, end, skeleton) of the words of ``text`` that write one of ``names``."""
    out = []
    for m in WORD.finditer(text):
        if cased and not m.group()[:1].isupper():
            continue
        for _name, key in names:
            if _matches_name(m.group(), key):
                out.append((m.start(), m.end(), key))
                break
    return out


def _cased(lang: str) -> bool:
    sample = _locale(lang).territories.get("FR", "")
    return any(c.isupper() for c in sample)


def cand_names(kind: str, doc: Doc, i: int, rng, pool: dict) -> list[tuple[int, int, str, str]]:
    names = pool["en_names"][i]
    if not names:
        return []
    cased = _cased(doc.lang)
    spans = _name_spans(doc.lines[i], names, cased)
    # the name must be in another translation of the line too: an error the others can show
    spans = [s for s in spans if any(_name_spans(o[i], [("", s[2])], _cased(lang))
                                     for lang, o in doc.others.items() if i < len(o))]
    # one name of several words is one span: Donald Trump deleted, not Trump alone
    merged = []
    for s, e, key in spans:
        if merged and not doc.lines[i][merged[-1][1]:s].strip(" -"):
            merged[-1] = (merged[-1][0], e, merged[-1][2] + " " + key)
        else:
            merged.append((s, e, key))
    spans = merged
    out = []
    for s, e, key in spans:
        if kind == "name-deleted":
            out.append((s, e, "", f"{doc.lines[i][s:e]} deleted"))
        else:
            keys = key.split()
            choices = sorted({w for k, w in pool["doc_names"].items()
                              if all(k != x and x not in k and k not in x for x in keys) and w not in doc.lines[i]})
            if choices:
                new = rng.choice(choices)
                out.append((s, e, new, f"{doc.lines[i][s:e]} -> {new}"))
    return out


@lru_cache(maxsize=65536)
def _english_countries(en: str) -> frozenset[str]:
    """The countries the English line names: a CLDR name as a word of its own, not part of
    a longer name (Francesco is not France, Jordan Spieth not Jordan, New Jersey not Jersey)."""
    out = set()
    for name, code in _countries("en").items():
        for m in regex.finditer(r"(?<![\p{L}\p{M}])" + regex.escape(name) + r"(?![\p{L}\p{M}])", en):
            before = WORD.findall(en[:m.start()])[-1:]
            after = WORD.findall(en[m.end():])[:1]
            if m.start() and before and before[0][:1].isupper() and en[:m.start()].rstrip()[-1:].isalpha():
                continue
            if after and after[0][:1].isupper() and not en[m.end():].lstrip()[:1] in ",.;:!?":
                continue
            out.add(code)
    return frozenset(out)


@lru_cache(maxsize=None)
def _declines(lang: str) -> bool:
    """Whether ``lang`` declines names by changing their last letters (countries.yaml declension)."""
    from audit.extract.text import load_data

    return lang in load_data("countries.yaml").get("declension", {})


def cand_country(doc: Doc, i: int, rng, pool: dict) -> list[tuple[int, int, str, str]]:
    en_codes = _english_countries(doc.en[i])
    if not en_codes:
        return []
    text, out = doc.lines[i], []
    arabic = any(unicodedata.name(c, "").startswith("ARABIC") for c in text[:200])
    for name, code in sorted(_countries(doc.lang).items(), key=lambda kv: -len(kv[0])):
        if code not in en_codes:
            continue
        at = text.find(name)
        if at < 0:
            continue
        end = at + len(name)
        left_ok = at == 0 or not text[at - 1].isalpha() or arabic
        tail = regex.match(r"[\p{L}\p{M}]*", text[end:]).group()
        if not left_ok or len(tail) > 3:
            continue
        present = {c for n, c in _countries(doc.lang).items() if n in text}
        others = sorted(c for c in pool["doc_countries"] if c not in present) or \
            sorted(c for c in set(_countries(doc.lang).values()) if c not in present)
        new_code = rng.choice(others)
        new = next(n for n, c in sorted(_countries(doc.lang).items()) if c == new_code)
        if tail and _declines(doc.lang):
            # в Сингапуре: a language that declines a name by changing its last letters takes the
            # whole word, the new name in its CLDR form (not Великобританияе, no word at all)
            end += len(tail)
            name += tail
        out.append((at, end, new, f"{name} -> {new}"))
        break
    return out


@lru_cache(maxsize=None)
def _list_pattern(lang: str):
    seps, conj = _list_marks(lang)
    marks = sorted(seps + conj, key=lambda m: -len(m))
    return regex.compile("|".join(regex.escape(m) for m in marks)), frozenset(seps)


@lru_cache(maxsize=65536)
def _lists(text: str, lang: str):
    """Enumerations "A, B, C and D" by the CLDR marks: for each, its inner members (the ones
    a separator closes on both sides) as (start, end, separator after or None, mark before);
    a list of k inner members has k + 2 members. Members are short (three words at most)."""
    pattern, seps = _list_pattern(lang)
    # a language whose patterns have no final conjunction of their own (Arabic: "{0} و{1}"
    # at every position) closes a list where a long segment follows the last mark
    open_ended = not _list_marks(lang)[1]
    # a comma between digits groups a number's thousands (100,000 face masks): no list mark
    marks = [(m.start(), m.end(), m.group() in seps) for m in pattern.finditer(text)
             if not (m.start() and text[m.start() - 1].isdigit() and text[m.end():m.end() + 1].isdigit())]
    short = lambda seg: 1 <= len(WORD.findall(seg)) <= 3 and len(seg) <= 40 and not SENTENCE_PUNCT & set(seg)  # noqa: E731
    lists, run = [], []
    for k, ((s0, e0, after_sep), (s1, e1, is_sep)) in enumerate(zip(marks, marks[1:])):
        seg = text[e0:s1]
        if not run and k and not marks[k - 1][2] and short(text[marks[k - 1][1]:s0]):
            continue  # "earthquake and tsunami, friends and family": a conjunction before the first member ends another list
        if after_sep and short(seg):
            run.append((e0, s1, (s1, e1) if is_sep else None, (s0, e0)))
            if not is_sep:  # the final conjunction closes the list
                lists.append(run)
                run = []
        else:
            if open_ended and run:
                lists.append([m[:2] + (None,) + m[3:] if n == len(run) - 1 else m for n, m in enumerate(run)])
            run = []
    if open_ended and run:
        lists.append(run)
    return lists


def cand_list(kind: str, doc: Doc, i: int, rng) -> list[tuple[int, int, str, str]]:
    sizes = {len(run) + 2 for run in _lists(doc.en[i], "en")}
    # an enumeration of the source: the English line and at least half of the other
    # translations read a list of that size (commas between clauses read as a list in
    # English alone: "Paul Newman, of leisure and hospitality analysts")
    others = [(lang, lines[i]) for lang, lines in doc.others.items() if i < len(lines)]
    sizes = {k for k in sizes if 2 * sum(any(len(r) + 2 == k for r in _lists(line, lang))
                                         for lang, line in others) >= len(others)}
    text, out = doc.lines[i], []
    for run in _lists(text, doc.lang):
        if len(run) + 2 not in sizes:
            continue  # not the English line's list, as far as its size tells
        for j, (s, e, sep_after, sep_before) in enumerate(run):
            member = text[s:e]
            if kind == "list-dropped":
                if sep_after:  # "A, B, C and D" -> "A, C and D"
                    out.append((s, sep_after[1], "", f"'{member.strip()}' dropped"))
                else:  # "A, B and C" -> "A and C"
                    out.append((sep_before[0], e, "", f"'{member.strip()}' dropped"))
            elif len(run) >= 2:
                k = j - 1 if j else j + 1
                other = text[run[k][0]:run[k][1]]
                if _fold(other.strip()) != _fold(member.strip()):
                    lead = member[: len(member) - len(member.lstrip())]
                    trail = member[len(member.rstrip()):]
                    out.append((s, e, lead + other.strip() + trail, f"'{member.strip()}' -> '{other.strip()}'"))
    return out


def candidates(kind: str, doc: Doc, i: int, rng, pool: dict):
    if kind == "number-digits":
        return cand_number_digits(doc, i, rng)
    if kind == "number-word":
        return cand_number_word(doc, i, rng)
    if kind == "million-billion":
        return cand_million_billion(doc, i, rng)
    if kind == "date-day":
        return cand_date_day(doc, i, rng)
    if kind == "date-month":
        return cand_date_month(doc, i, rng)
    if kind in ("name-substituted", "name-deleted"):
        return cand_names(kind, doc, i, rng, pool)
    if kind == "country-swapped":
        return cand_country(doc, i, rng, pool)
    return cand_list(kind, doc, i, rng)


def _apply(text: str, s: int, e: int, new: str) -> str:
    out = text[:s] + new + text[e:]
    if not new:  # a deletion leaves no doubled or dangling space
        out = regex.sub(r"  +", " ", out).replace(" ,", ",").replace(" ،", "،").strip()
    return out
