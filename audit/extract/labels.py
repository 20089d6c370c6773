"""Country labels: "ENTITY (COUNTRY)" with country names from CLDR.

Territory names come from babel for every configured language, so that
ভিয়েতনাম, वियतनाम, فيتنام and Vietnam all mean VN. A LabelFact holds the entity's
keys and the ISO 3166 code; the evidence spans entity and label.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from os.path import commonprefix

import regex

from ..model import LabelFact
from .morphology import elided
from .names import boundary_words, strip_clitic
from .numwords import with_clitic
from ..languages import char_script, wordfreq_languages
from .text import cased_script, fold, load_data, phonetic_key, remember, tokens

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
    for m in _PAREN.finditer(text):
        code = country_code(m.group(1), lang)
        if code is None:
            continue
        window = max(0, m.start() - 400)  # the entity is the last few words before "(": look no further
        words = [(s + window, e + window, t) for s, e, t in tokens(text[window: m.start()])][-_MAX_ENTITY_WORDS * 2:]
        entity: list[tuple[int, int, str]] = []
        for s, e, t in reversed(words):
            gap = text[e:(entity[0][0] if entity else m.start())]
            if gap.strip(" -") or fold(t) in stops or not _capital_or_caseless(t):
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


_MAX_COUNTRY_WORDS = 4


@lru_cache(maxsize=None)
def _country_table(lang: str) -> tuple[dict[tuple[str, ...], str], frozenset[str], frozenset[tuple[str, ...]],
                                       frozenset[tuple[str, ...]]]:
    """Countries of CLDR (babel) and pycountry in ``lang``, keyed by their folded words,
    the set of their first words (where a mention can start), and the keys that are
    ``countries.yaml`` other_names (and their forms) only, holding no CLDR name of their
    country: a weak witness (Hindi अमेरिका may be the continent), and of these the ones that are
    CLDR's own name of the Americas (region 019: Bengali আমেরিকা), which are no mention at all."""
    import pycountry

    from ..languages import babel_locale

    table: dict[tuple[str, ...], str] = {}
    for name, code in territory_names(lang).items():
        if pycountry.countries.get(alpha_2=code) is None:
            continue  # a territory that is no country (Ceuta, Diego Garcia): not what a swap changes
        words = tuple(fold(t) for _, _, t in tokens(name))
        if words and len("".join(words)) >= 3:
            table.setdefault(words, code)
    cldr = {code: [w for w, c in table.items() if c == code] for code in set(table.values())}
    loc = babel_locale(lang)
    americas = loc.territories.get("019") if loc is not None else None  # CLDR's "the Americas"
    americas = tuple(fold(t) for _, _, t in tokens(americas)) if americas else ()
    weak: set[tuple[str, ...]] = set()
    regional: set[tuple[str, ...]] = set()  # other_names that are CLDR's name of the Americas (019)
    for code, names in (_countries_data().get("other_names", {}).get(lang) or {}).items():
        for name in names:  # countries.yaml: a name news writes that CLDR lacks (Bengali আমেরিকা)
            words = tuple(fold(t) for _, _, t in tokens(name))
            if not words:
                continue
            if words == americas:  # CLDR's own name of the Americas: read as no country's mention,
                table.setdefault(words, code)  # only as a weak witness (``marked_country_mentions``)
                weak.add(words)
                regional.add(words)
                continue
            if words not in table and not any(_contains(words, w) for w in cldr.get(code, ())):
                weak.add(words)  # not संयुक्त राज्य अमेरिका, which holds CLDR's संयुक्त राज्य
            table.setdefault(words, code)
    if _countries_data().get("other_names", {}).get(lang):
        for region in _region_names(lang):
            table.setdefault(region, "")  # South America: a region's name, no country inside it
    for words, code in list(table.items()):
        for form in _declined(words, lang):
            if words in weak and form not in table:
                weak.add(form)
                if words in regional:
                    regional.add(form)
            table.setdefault(form, code)  # a name as written itself comes first
    return table, frozenset(w[0] for w in table), frozenset(weak), frozenset(regional)


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether the words ``part`` stand next to each other inside ``words``."""
    n = len(part)
    return any(words[k:k + n] == part for k in range(len(words) - n + 1))


def _region_names(lang: str) -> list[tuple[str, ...]]:
    """The folded words of CLDR's names of regions (three-digit codes: 005 South America)
    of more than one word."""
    from ..languages import babel_locale

    loc = babel_locale(lang)
    names = [n for c, n in (loc.territories.items() if loc is not None else ()) if c.isdigit()]
    return [w for w in (tuple(fold(t) for _, _, t in tokens(n)) for n in names) if len(w) > 1]


@lru_cache(maxsize=None)
def _countries_data() -> dict:
    return load_data("countries.yaml")


def _declined(words: tuple[str, ...], lang: str) -> list[tuple[str, ...]]:
    """The forms of a name whose words change their last letters with their case
    (``countries.yaml`` declension: Италия -> Италии, Южная Корея -> Южной Кореи)."""
    rules = _countries_data().get("declension", {}).get(lang)
    if not rules:
        return []
    keys = sorted(rules, key=len, reverse=True)
    per_word = []
    for w in words:
        key = next((k for k in keys if k and w.endswith(k)), "")
        stem = w[:len(w) - len(key)]
        per_word.append([w] + ([fold(stem + x) for x in rules.get(key) or ()] if len(stem) >= 2 else []))
    out: list[tuple[str, ...]] = [()]
    for forms in per_word:
        out = [f + (x,) for f in out for x in forms]
    return [f for f in out if f != words]


@lru_cache(maxsize=None)
def _capitalised(lang: str) -> dict[tuple[str, ...], tuple[bool, ...]]:
    """For each multi-word country name (keyed as ``_country_table``), which of its words
    CLDR writes capitalised: in a cased text those must be capitalised too, so that a
    sentence's "La réunion" is no mention of La Réunion."""
    from ..languages import babel_locale

    loc = babel_locale(lang)
    out: dict[tuple[str, ...], tuple[bool, ...]] = {}
    for name in (loc.territories.values() if loc is not None else ()):
        toks = tokens(name)
        if len(toks) > 1:
            caps = tuple(t[:1].isupper() for _, _, t in toks)
            key = tuple(fold(t) for _, _, t in toks)
            for k in [key] + _declined(key, lang):  # Южной Кореи as Южная Корея
                out[k] = tuple(a and b for a, b in zip(out[k], caps)) if k in out else caps
    return out


def _forms(word: str, lang: str, last: bool) -> tuple[str, ...]:
    """The folded word, without a clitic before it, and when it may end the name, without
    one of the language's case endings after it (``data/names.yaml``: Rysslands,
    ফ্রান্সের); never an adjective's ending (kinesiska, চীনা, الصينية are no mention).
    Once per distinct word: every word of every paragraph a check reads is asked."""
    known = _FORMS.get((lang, last))
    if known is None:
        known = _FORMS[lang, last] = {}
    got = known.get(word)
    if got is None:
        got = remember(known, word, tuple(_word_forms(word, lang, last)))
    return got


def _may_start(word: str, lang: str) -> bool:
    """Whether a form of ``word`` is the first word of a country's name (once per distinct word)."""
    known = _STARTS.setdefault(lang, {})
    got = known.get(word)
    if got is None:
        firsts = _country_table(lang)[1]
        got = remember(known, word, any(f in firsts for f in _forms(word, lang, last=True)))
    return got


_FORMS: dict[tuple[str, bool], dict[str, tuple[str, ...]]] = {}  # (language, last) -> word -> its forms
_STARTS: dict[str, dict[str, bool]] = {}  # language -> word -> whether a country's name may start with it


def _word_forms(word: str, lang: str, last: bool) -> list[str]:
    f = fold(word)
    heads = [f] + [f[len(p):] for p in _prefixes(lang) if f.startswith(p) and len(f) - len(p) >= 2]
    tail = elided(word, lang)  # an elided article or preposition (l'Italie, d'Italie, dell'Italia): morphology.yaml
    if tail and len(tail) >= 2:
        heads.append(fold(tail))
    # a clitic that absorbed the name's article (للصين = ل + الصين), after another clitic
    # too (وللصين, "and to China")
    clitics = _article_clitics(lang)
    heads += [a + h[len(c):] for h in list(heads) for c, a in clitics if h.startswith(c) and len(h) - len(c) >= 2]
    if not last:
        return heads
    # a consonant glued after the ending, doubled before the next word (Tamil சீனாவைச் சேர்ந்த)
    heads += [h[:-len(x)] for h in list(heads) for x in _sandhi(lang) if h.endswith(x) and len(h) - len(x) >= 2]
    mark = _stem_mark(lang)
    out = list(heads)
    for h in heads:
        for x in _case_endings(lang):
            if h.endswith(x) and len(h) - len(x) >= 2:
                out.append(h[:-len(x)])
                if mark and unicodedata.category(x[0]).startswith("M"):
                    # an ending that opens with a vowel sign took the place of the name's last
                    # consonant's virama (ஜப்பான் + இல் = ஜப்பானில்): the name has it back
                    out.append(h[:-len(x)] + mark)
    return out


@lru_cache(maxsize=None)
def _article_clitics(lang: str) -> tuple[tuple[str, str], ...]:
    """(clitic, the article it absorbed), folded (countries.yaml ``article_clitics``)."""
    return tuple((fold(c), fold(a)) for c, a in _countries_data().get("article_clitics", {}).get(lang, {}).items())


@lru_cache(maxsize=None)
def _stem_mark(lang: str) -> str:
    return _countries_data().get("stem_marks", {}).get(lang, "")


@lru_cache(maxsize=None)
def _sandhi(lang: str) -> tuple[str, ...]:
    return tuple(fold(x) for x in _countries_data().get("sandhi", {}).get(lang, ()))


@lru_cache(maxsize=None)
def _case_endings(lang: str) -> tuple[str, ...]:
    """The endings a country's name may carry: names.yaml's case endings of any name, and
    countries.yaml's postpositions written glued to place names."""
    endings = load_data("names.yaml")["suffixes"].get(lang, []) + _countries_data().get("endings", {}).get(lang, [])
    return tuple(dict.fromkeys(fold(x) for x in endings))


@lru_cache(maxsize=None)
def _prefixes(lang: str) -> tuple[str, ...]:
    from .morphology import clitics

    return tuple(clitics(lang))


@lru_cache(maxsize=None)
def _unspaced_names(lang: str):
    """For a language whose script does not separate words (its CLDR list pattern glues
    "and" between the members: "{0}和{1}"), a pattern of its countries' names, longest
    first (新西兰 inside 新西兰全国的, 巴布亚新几内亚 before 几内亚); None for the others."""
    from .lists import _unspaced_conjunctions

    if not _unspaced_conjunctions(lang):
        return None
    import pycountry

    # two characters make a name here (中国, 美国); every word of a CLDR name is one
    codes = {n: c for n, c in territory_names(lang).items()
             if len(n) >= 2 and not any(ch.isspace() for ch in n) and pycountry.countries.get(alpha_2=c)}
    names = sorted(codes, key=lambda n: (-len(n), n))
    # the longer names of any territory that begin with a country's (中国 of 中国香港特别行政区),
    # each with its territory and its own part: the name without an ending it shares with
    # another territory's name (特别行政区 of Hong Kong's and Macao's: 中国香港)
    every = territory_names(lang)
    longer = {n: tuple((m, every[m], _own_part(m, every)) for m in every if m.startswith(n) and len(m) > len(n))
              for n in names}
    return (regex.compile("|".join(map(regex.escape, names))), codes, longer) if names else None


def _own_part(name: str, every) -> str:
    """``name`` without the longest ending (two letters or more) another territory's name also has."""
    shared = 0
    for other in every:
        if other != name:
            k = 0
            while k < min(len(other), len(name)) and other[-1 - k] == name[-1 - k]:
                k += 1
            shared = max(shared, k)
    return name[:len(name) - shared] if shared >= 2 else name


def _unspaced_mentions(text: str, unspaced) -> tuple[tuple[int, int, str], ...]:
    """Country names in a text written without spaces. A name that begins a longer territory
    name is that territory's (left unnamed) when the text writes the longer name's own part (中国香港
    of CLDR's 中国香港特别行政区, whose 特别行政区 Macao's shares: Hong Kong) or most of it; else the
    country's (美国本土, the US mainland, beside 美国本土外小岛屿). A name CLDR writes before
    other territories' (中国) qualifies a name written directly after it (中国台湾): only the
    second is named; other neighbours (英国法国) are both named."""
    pattern, codes, longer = unspaced
    folded = fold(text)
    target = folded if len(folded) == len(text) else text
    out: list[tuple[int, int, str]] = []
    qualifies_at = -1  # where a name that may qualify the next one ends
    at = 0
    while (m := pattern.search(target, at)) is not None:
        name, start = m.group(), m.start()
        whole = None
        for other, code, own in longer[name]:
            k = len(commonprefix([target[start:start + len(other)], other]))
            if k >= len(name) + 2 and (k >= len(own) or 2 * k > len(other)) and (whole is None or k > whole[0]):
                whole = (k, code)
        if whole is not None:
            # a territory's name, shortened: no country. Not named either: the spaced languages'
            # CLDR names of these (Hong Kong SAR China) are not what translations write, so one
            # translation alone would name it
            qualifies_at, at = -1, start + whole[0]
            continue
        if out and qualifies_at == start:
            out.pop()  # the country before it qualifies this one (中国台湾)
        out.append((start, m.end(), codes[name]))
        qualifies_at = m.end() if longer[name] else -1
        at = m.end()
    return tuple(out)


def _name_cased(word: str, lang: str) -> bool:
    """:func:`_capital_or_caseless` of a word, or of what follows its elided article or
    preposition (d'Italie, l'Espagne: the name is capitalised, not the article). Once per
    distinct word: every word of every paragraph a country check reads is asked."""
    known = _NAME_CASED.get(lang)
    if known is None:
        known = _NAME_CASED[lang] = {}
    got = known.get(word)
    if got is None:
        got = remember(known, word, _capital_or_caseless(elided(word, lang) or word))
    return got


def _may_open_name(word: str, lang: str) -> bool:
    """Whether ``word`` may be the first word of a country's name as written here: name-cased
    (:func:`_name_cased`) and a form of it a name's first word (:func:`_may_start`); once per
    distinct word."""
    known = _OPENS.get(lang)
    if known is None:
        known = _OPENS[lang] = {}
    got = known.get(word)
    if got is None:
        got = remember(known, word, _name_cased(word, lang) and _may_start(word, lang))
    return got


_NAME_CASED: dict[str, dict[str, bool]] = {}  # language -> word -> _name_cased
_OPENS: dict[str, dict[str, bool]] = {}  # language -> word -> _may_open_name


def _capital_or_caseless(word: str) -> bool:
    """Whether ``word`` opens with a capital, or with a letter of a script written without
    case (:func:`.text.cased_script`). A digit or a sign is neither: a number ends a label's entity."""
    first = word[:1]
    if first.isupper():
        return True
    script = char_script(first) if first else None
    return script is not None and not cased_script(script)


@lru_cache(maxsize=4096)
def country_mentions(text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, ISO code) of every country named in running text, by its CLDR name in
    ``lang`` (a clitic before it and a short inflection after it allowed; in a cased script
    capitalised). Longest name first: Nordkorea, not Korea; Papua Nya Guinea, not Guinea."""
    return tuple(m[:3] for m in marked_country_mentions(text, lang) if m[3] < 2)


@lru_cache(maxsize=4096)
def marked_country_mentions(text: str, lang: str) -> tuple[tuple[int, int, str, int], ...]:
    """(start, end, code, strength) of :func:`country_mentions` and of the weakest witnesses:
    0 a CLDR name; 1 a ``countries.yaml`` other_names name alone (Hindi अमेरिका: the US, or the
    Americas, or a region of them); 2 an other_names name that is CLDR's own name of the Americas
    (region 019, Bengali আমেরিকা), no mention of a country, at most a weak witness of one."""
    table, _, weak, regional = _country_table(lang)
    if not table:
        return ()
    unspaced = _unspaced_names(lang)
    if unspaced is not None:
        return tuple(m + (0,) for m in _unspaced_mentions(text, unspaced))
    toks = tokens(text)
    opens = _OPENS.setdefault(lang, {})
    # the words a name may start with, found by one pass of dictionary look-ups; the
    # names are then tried at those words only, left to right, past the last one found.
    # Case is asked of a word whose letters have it: a Devanagari or Arabic word in a
    # paragraph that opens with "COVID-19" is no lower-case word
    candidates = [k for k, (_, _, t) in enumerate(toks)
                  if (opens[t] if t in opens else _may_open_name(t, lang))]
    out = []
    after = 0  # the first word not inside a name already found
    for k in candidates:
        if k < after:
            continue
        s = toks[k][0]
        for n in range(min(_MAX_COUNTRY_WORDS, len(toks) - k), 0, -1):
            span = toks[k:k + n]
            if any(text[a[1]:b[0]].strip(" -\u00a0") for a, b in zip(span, span[1:])):
                continue  # a name's words are next to each other
            heads = _forms(span[0][2], lang, last=n == 1)
            rest = tuple(fold(w) for _, _, w in span[1:-1])
            tails = _forms(span[-1][2], lang, last=True) if n > 1 else [""]
            code = next((table[key] for h in heads for tl in tails
                         if (key := (h,) + rest + ((tl,) if n > 1 else ())) in table), None)
            if code and n > 1:
                caps = _capitalised(lang).get(key, ())
                if any(c and not _name_cased(w, lang) for c, (_, _, w) in zip(caps, span)):
                    continue  # a word CLDR capitalises written in lower case: common words
            if code is not None:
                if code:  # "": a region's name (South America), which no country's inside it names
                    out.append((s, span[-1][1], code, 2 if key in regional else 1 if key in weak else 0))
                after = k + n
                break
    return tuple(out)


# a word this alike (normalised edit similarity, 1 - edits / the longer's letters) to one
# country's name, and nearest it, spells it: one edit in a name of seven letters or more
# (6/7 = 0.857), two in one of thirteen or more (11/13 = 0.846: मैक्रोनेशिया for
# माइक्रोनेशिया, the test word, just over it); one edit in six letters (0.833) is not enough
_NEAR = 0.84
_NEAR_MIN = 6  # letters of a name, at least, for a spelling variant of it to be recognised


@lru_cache(maxsize=None)
def _one_word_names(lang: str) -> tuple[tuple[str, str], ...]:
    """(folded name, code) of the countries whose CLDR name in ``lang`` is one word of
    ``_NEAR_MIN`` letters or more (a spelling variant is told only of such a name)."""
    table = _country_table(lang)[0]
    return tuple((w[0], c) for w, c in table.items() if len(w) == 1 and len(w[0]) >= _NEAR_MIN)


@lru_cache(maxsize=65536)
def _nearest_country(word: str, lang: str) -> str | None:
    """The country whose one-word name ``word`` spells another way (मैक्रोनेशिया for CLDR's
    माइक्रोनेशिया, ميكرونيسيا for ميكرونيزيا): a clitic before it and a case ending after it
    allowed (as ``country_mentions``); None where it is no country's, where it is the name with
    letters added after it or fewer (অস্ট্রেলিয়ান, "Australian": a demonym is no mention), or
    where two countries' names are about as near (the one it is nearest must be nearer)."""
    from rapidfuzz.distance import Levenshtein

    if common_word(word, lang):
        return None  # a word of the language (a demonym, البحرية "the navy"), or no list to tell
    names = _one_word_names(lang)
    best: dict[str, float] = {}
    for form in _forms(word, lang, last=True):
        if len(form) < _NEAR_MIN:
            continue
        for name, code in names:
            if abs(len(form) - len(name)) > 2 or form.startswith(name) or name.startswith(form):
                continue
            s = Levenshtein.normalized_similarity(form, name)
            if s >= _NEAR:
                best[code] = max(best.get(code, 0.0), s)
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 0.05:
        return None
    return ranked[0][0]


@lru_cache(maxsize=65536)
def common_word(word: str, lang: str) -> bool:
    """Whether ``word``, or its form without a clitic, is at least ``countries.yaml``'s
    ``common_zipf`` frequent in ``lang`` (wordfreq): a word of the language, not a country's
    name written another way. True where wordfreq has no list for ``lang`` (no way to tell)."""
    from wordfreq import zipf_frequency

    if lang not in wordfreq_languages():
        return True
    limit = float(_countries_data()["common_zipf"])
    try:
        # as written and folded (fold writes الإيطالية as الايطاليه, which wordfreq does not
        # count), a clitic before it allowed
        forms = {word, fold(word), *_forms(word, lang, last=False)}
        forms |= {word[len(p):] for p in _prefixes(lang) if word.startswith(p) and len(word) - len(p) >= 2}
        return any(zipf_frequency(f, lang) >= limit for f in forms)
    except Exception:  # noqa: BLE001 - a language whose tokeniser wordfreq needs from elsewhere
        return True


def spells_country(text: str, lang: str, code: str) -> bool:
    """Whether a word of ``text`` not read as a country spells the one-word name of country
    ``code`` another way (:func:`_nearest_country`): a witness of it in a form CLDR lacks."""
    if not any(c == code for _, c in _one_word_names(lang)):
        return False
    read = [(s, e) for s, e, _ in country_mentions(text, lang)]
    return any(_nearest_country(t, lang) == code for s, e, t in tokens(text)
               if not any(a <= s < b for a, b in read) and _name_cased(t, lang))


def may_write_country(text: str, lang: str, code: str) -> bool:
    """Whether a word of ``text`` not read as a country may be country ``code`` in a form CLDR
    lacks: a spelling variant (:func:`spells_country`), or its one-word name with up to two
    letters more or fewer at either end (Swahili Japan, China for CLDR's Japani, Uchina; a
    demonym too). Asked of the translation a swap would flag: there, any doubt keeps X."""
    if spells_country(text, lang, code):
        return True
    names = [n for n, c in _country_table(lang)[0].items() if c == code and len(n) == 1 and len(n[0]) >= 4]
    if not names:
        return False
    read = [(s, e) for s, e, _ in country_mentions(text, lang)]
    return any(len(f) >= 4 and any(abs(len(f) - len(n)) <= 2 and (n.startswith(f) or n.endswith(f) or f.startswith(n))
                                   for (n,) in names)
               for s, e, t in tokens(text) if not any(a <= s < b for a, b in read) and _name_cased(t, lang)
               for f in _forms(t, lang, last=True))
