"""Numbers in any digit system, number words, ordinals, ranges, approximations.

Every fact's value is language-independent: ২০২৫ = 2025 = ٢٠٢٥ = 2025, lima = 5,
الخمس = 5, "27 trillion" = 27 * 10**12. Ranges (19–21, ১৯ থেকে ২১) keep both ends.
"""
from __future__ import annotations

import bisect
import unicodedata
from typing import NamedTuple

import regex

from ..languages import writes_ideographic_numerals
from ..model import CodeFact, NumberFact, TimeFact
from .digits import _ascii, _digit_runs, _digit_value, _num
from .numwords import NumberLexicon, combine, lexicon
from .ranges import _ranges
from .text import fold, folded_words, tokens

# a clock time: 19:00, 5:30 (one fact; 5 and 30 are not two numbers)
_TIME = regex.compile(r"(?<![\p{Nd}:.,])(\p{Nd}{1,2})[:ঃ](\p{Nd}{2})(?![\p{Nd}:])")  # ঃ: Bengali writes ১৯ঃ৩০
_CODE_LETTERS = 24  # how far back a code's letters are looked for (COVID-19, SARS-CoV-2)
_GLUED = regex.compile(r"[:\-]?[\p{L}\p{M}º°ª.]*")


def _match_phrase(words: list[str], start: int, phrases, forward: bool = True) -> int:
    """Length (in tokens) of the longest phrase matching at words[start] (or ending before it)."""
    for phrase in phrases:
        n = len(phrase)
        seg = words[start:start + n] if forward else words[max(0, start - n):start]
        if len(seg) == n and tuple(seg) == phrase:
            return n
    return 0


def extract_numbers(text: str, lang: str) -> list[NumberFact | CodeFact]:
    """Number facts of ``text`` in order; ranges are one fact with value (low, high)."""
    lex = lexicon(lang)
    toks = tokens(text)
    folded = folded_words(text)
    codes: list[CodeFact] = []
    items = _atoms(text, toks, folded, lex, lang, codes)
    facts = _phrases(text, items, toks, folded, lex)
    facts = _ranges(text, facts, lex)
    if codes:
        facts = sorted(facts + codes, key=lambda f: f.start)
    return facts


def _code_start(text: str, s: int, lex: NumberLexicon) -> int | None:
    """Where the letters of an alphanumeric code start when the digits at ``s`` belong to one
    (F125, A320, COVID-19, SARS-CoV-2, H1N1); None when the digits are a quantity.

    Letters glued to the digits make a code in a cased script; in a caseless one they are
    a clitic (و39) or a missing space (حوالي200). Cased letters joined by a hyphen make a
    code for up to three digits (COVID-19), not for a year (mid-2020); caseless ones are
    as often a month and its day (மார்ச்-26).
    """
    if not s or _is_ordinal_prefix(text, s, lex):
        return None
    prev = text[s - 1]
    if prev == "." and s >= 2 and text[s - 2].isalpha() and text[s - 2].lower() != text[s - 2].upper():
        prev, s = text[s - 2], s - 1  # Fig.55, Table1.1: a reference glued to its abbreviation
    if prev.isalpha() and prev < "\u2e80":
        k = s - 1
        if prev.lower() == prev.upper():
            while k > max(0, s - _CODE_LETTERS) and (text[k - 1].isalpha() or unicodedata.category(text[k - 1])[0] == "M"):
                k -= 1
            if fold(text[k:s]) in lex.prefixes:
                return None  # a clitic: و39
            return -1  # a word glued to digits (الجدول33, تمام۳۰): a reference or a missing space;
            # neither a loose number nor a code (number-missing still sees the digits)
    elif prev in "-\u2010\u2011" and s >= 2 and _letter_at(text, s - 2) and text[s - 2] < "\u2e80":
        m = regex.match(r"\p{Nd}{1,3}(?!\p{Nd})", text[s:s + 4])
        if not m:
            return None
        k = s - 2
        if text[k].lower() == text[k].upper() and not _caseless_code_word(text, k, lex):
            return None  # a clitic (و-50) or a month and its day (மார்ச்-26), which dates read
    else:
        return None
    low = max(0, s - _CODE_LETTERS)
    while k > low and (text[k - 1].isalpha() or text[k - 1] in "-\u2010\u2011" or unicodedata.category(text[k - 1])[0] == "M"):
        k -= 1
    return k


class Atom(NamedTuple):
    """One piece of a number as read in the text: digits, a number word, a magnitude, a connector."""

    start: int
    end: int
    kind: str  # num, mag (hundred, 万), conn (and, و)
    value: int | float
    ordinal: bool
    form: str  # digits, word
    clock: tuple[int, int] | None = None  # (hour, minute) of a clock time (19:00)


def _letter_at(text: str, k: int) -> bool:
    """Whether a letter ends at ``k``: the letter itself, or its vowel sign (सीओव्ही)."""
    while k > 0 and unicodedata.category(text[k])[0] == "M":
        k -= 1
    return text[k].isalpha()


def _caseless_code_word(text: str, k: int, lex: NumberLexicon) -> bool:
    """Whether the caseless word ending at ``k`` (inclusive), hyphenated to digits, names a
    code (كوفيد-19, سارس كوف-2): not a clitic prefix (و-50) and not a month name."""
    from .dates import _month_of

    j = k
    while j > 0 and (text[j - 1].isalpha() or unicodedata.category(text[j - 1])[0] == "M"):
        j -= 1
    word = fold(text[j:k + 1])
    return len(word) >= 2 and word not in lex.prefixes and _month_of(lex.lang, word) is None


def _atoms(text, toks, folded, lex: NumberLexicon, lang, codes: list) -> list[Atom]:
    """Numbers as atoms in text order; alphanumeric codes go to ``codes`` as facts of
    their own (value ``#19``), never as loose numbers."""
    items = []
    digit_spans = []
    times = {m.start(): m for m in _TIME.finditer(text)} if ":" in text or "ঃ" in text else {}
    time_end = 0
    for s, e in _digit_runs(text, lang):
        if s < time_end:
            continue
        if s in times:
            t = times[s]
            hours, minutes = int(_ascii(t.group(1))), int(_ascii(t.group(2)))
            if hours <= 24 and minutes < 60:
                time_end = t.end()
                items.append(Atom(s, t.end(), "num", _num(f"{hours}.{minutes:02d}"), False, "digits", (hours, minutes)))
                digit_spans.append((s, t.end()))
                continue
        code_at = _code_start(text, s, lex)
        if code_at == -1:
            continue
        if code_at is not None:
            digits = _ascii(regex.match(r"\p{Nd}+", text[s:e]).group())
            end = s + len(digits)
            codes.append(CodeFact(text[code_at:end], code_at, end, int(digits)))
            digit_spans.append((s, end))
            continue
        value = _digit_value(text[s:e], lang)
        if value is None:
            continue
        ordinal, e = _suffix(text, e, lex)
        items.append(Atom(s, e, "num", value, ordinal, "digits"))
        digit_spans.append((s, e))
        # a magnitude after the digits: 27兆, 2万5千, 10 万 (a space), 20多万 (an approximation between)
        k = e + 1 if e < len(text) and text[e] == " " else e
        if k < len(text) and (text[k],) in lex.approx:
            k += 1
        hit = lex.lookup(text[k]) if k < len(text) and not text[k].isspace() else None
        if hit and hit.kind == "mag" and writes_ideographic_numerals(lex.lang):
            items[-1] = items[-1]._replace(end=k)  # the digits' evidence runs up to the magnitude
            items.append(Atom(k, k + 1, "mag", hit.value, False, "word"))
            digit_spans.append((k, k + 1))
    skip_to = 0
    for k in _word_candidates(toks, folded, lex):
        s, e, tok = toks[k]
        if k < skip_to or _covered(digit_spans, s, e):
            continue
        phrase = _phrase_at(text, toks, folded, k, lex)
        if phrase:
            n, value, ordinal = phrase
            items.append(Atom(s, toks[k + n - 1][1], "num", value, ordinal, "word"))
            skip_to = k + n
            continue
        if (folded[k],) in lex.percent:
            continue  # بالمئة is "percent", not "hundred" with a clitic
        hit = lex.lookup(tok)
        if hit is None:
            for ps, pe, pv in _cjk_numerals(tok, lex):
                items.append(Atom(s + ps, s + pe, "num", pv, False, "word"))
            continue
        kind, value, ordinal = hit
        items.append(Atom(s, e, kind, value, ordinal, "word"))
    items.sort(key=lambda it: it.start)
    return items


def _word_candidates(toks, folded, lex: NumberLexicon) -> list[int]:
    """Indices of the tokens that may start a number word, in order: the others' look-ups
    would all come back empty. Keyed by the folded word, which every look-up but the
    CJK numerals' reads; in a language that writes those, by the word as written."""
    raw = writes_ideographic_numerals(lex.lang)
    words = [t for _, _, t in toks] if raw else folded
    inert, active = lex.inert_words, lex.active_words
    # each distinct word new to the process tested once (by set operations, no loop per word
    # where all are known): the test reads the word folded (folded_words folds each token),
    # and as written only in a language written with CJK numerals, where ``words`` is as written
    for word in set(words).difference(inert, active):
        w = fold(word) if raw else word
        if (w in lex.phrase_heads or (w,) in lex.percent or lex.lookup_folded(w) is not None
                or (raw and next(_cjk_numerals(word, lex), None) is not None)):
            active.add(word)
        else:
            inert.add(word)
    hits = active.intersection(words)
    return [k for k, w in enumerate(words) if w in hits] if hits else []


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the ordered, disjoint ``spans``."""
    k = bisect.bisect_left(spans, (e, -1)) - 1
    return k >= 0 and spans[k][1] > s


def _phrase_at(text, toks, folded, k, lex: NumberLexicon):
    """(tokens, value, ordinal) of the longest multi-word numeral starting at token k (quatre-vingt-dix)."""
    if folded[k] not in lex.phrase_heads:
        return None
    for n in range(min(lex.max_phrase, len(toks) - k), 1, -1):
        hit = lex.phrases.get(tuple(folded[k:k + n]))
        if hit and all(_gap_ok(text, toks[j][1], toks[j + 1][0]) for j in range(k, k + n - 1)):
            return n, hit[0], hit[1]
    return None


def _is_ordinal_prefix(text: str, at: int, lex: NumberLexicon) -> bool:
    """Whether the digits at ``at`` follow an ordinal prefix (Malay ke-75)."""
    start = max(0, at - 24)  # prefixes are short: never casefold the whole text before
    low = text[start:at].casefold()
    return any(low.endswith(p) for p in lex.ordinal_prefix if p.endswith("-")) or any(
        low.endswith(p) and ((start == 0 and len(low) == len(p)) or (len(low) > len(p) and not low[-len(p) - 1].isalpha()))
        for p in lex.ordinal_prefix
    )


def _suffix(text: str, end: int, lex: NumberLexicon) -> tuple[bool, int]:
    """Extend a digit match over an ordinal suffix (15th, ১৫তম, 15:e) or a classifier (৯টি)."""
    m = _GLUED.match(text, end, min(len(text), end + 8))
    glued = fold(m.group()) if m else ""
    for suf in lex.ordinal_suffix:
        if glued == suf or (glued.startswith(suf) and suf.startswith(":")):
            return True, end + len(suf)
    for cls in lex.classifiers:
        if glued == cls:
            return False, end + len(cls)
    return False, end


def _cjk_numerals(tok: str, lex: NumberLexicon):
    """Runs of numeral characters inside an unsegmented CJK token: 二十九 in 二十九件."""
    if not writes_ideographic_numerals(lex.lang) or len(tok) < 2:
        return
    i = 0
    while i < len(tok):
        j = i
        parts = []
        while j < len(tok):
            hit = lex.lookup(tok[j])
            if not hit or hit.kind == "conn":
                break
            parts.append((hit.kind, hit.value))
            j += 1
        if j > i and any(k == "num" for k, _ in parts) and not (j - i == 1 and fold(tok[i]) in lex.ignore):
            value = combine(_merge_large(parts, lex), lex.small_magnitudes)
            if value is not None:
                yield i, j, value
        i = max(j, i + 1)


def _merge_large(parts, lex: NumberLexicon):
    """万亿 is one magnitude (10**12): consecutive large magnitudes multiply."""
    out = []
    for kind, value in parts:
        if kind == "mag" and out and out[-1][0] == "mag" and out[-1][1] not in lex.small_magnitudes \
                and value not in lex.small_magnitudes:
            out[-1] = ("mag", out[-1][1] * value)
        else:
            out.append((kind, value))
    return out


def _gap_ok(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return gap.strip(" \u00a0-‑") == "" and len(gap) <= 3


def _phrase_before(start: int, toks, folded, phrases) -> int:
    """Where one of ``phrases`` ends just before the token at ``start`` begins; ``start`` if none does."""
    ti = bisect.bisect_left(toks, (start,))  # the token starting there, if one does
    if ti >= len(toks) or toks[ti][0] != start:
        return start
    n = _match_phrase(folded, ti, phrases, forward=False)
    return toks[ti - n][0] if n else start


def _word_before(start: int, toks, folded) -> str | None:
    """The folded token just before the token at ``start``, None at the start or off a token."""
    ti = bisect.bisect_left(toks, (start,))
    return folded[ti - 1] if 0 < ti < len(toks) and toks[ti][0] == start else None


def _plus_half_between(text: str, run, nxt, toks, folded, lex: NumberLexicon) -> bool:
    """Whether only a "plus a half" phrase (``numbers.yaml`` plus_half: два с половиной, two and
    a half) stands between the number ending ``run`` (a connector after it allowed, as the
    phrase's "and") and the magnitude ``nxt``."""
    if not lex.plus_half or nxt.kind != "mag" or nxt.value < 1000:
        return False
    last = run[-2] if run[-1].kind == "conn" and len(run) > 1 else run[-1]
    if last.kind != "num" or last.ordinal:
        return False
    a = bisect.bisect_left(toks, (last.end,))
    b = bisect.bisect_left(toks, (nxt.start,))
    return b < len(toks) and toks[b][0] == nxt.start and tuple(folded[a:b]) in lex.plus_half


def _count_offset(value, start: int, run, toks, folded, lex: NumberLexicon):
    """(value, start) of a count with a word before it that adds to it (numbers.yaml
    count_offsets: Hindi साढ़े 0.5, सवा 0.25, पौने -0.25) and a magnitude after it that multiplies
    the sum (साढ़े तीन लाख 350,000, पौने दो करोड़ 17,500,000); the number as read where there is
    none. A count with no magnitude keeps its reading ("साढ़े सात दिन", seven and a half days, is
    7): the other languages' "and a half" after a noun ("siete días y medio") is not read either,
    as plus_half is only read before a magnitude."""
    if not (run[0].kind == "num" and not run[0].ordinal and isinstance(run[0].value, int)
            and len(run) == 2 and run[1].kind == "mag"):
        return value, start
    for offset, phrases in lex.count_offsets:
        at = _phrase_before(start, toks, folded, phrases)
        if at != start:
            v = (run[0].value + offset) * run[1].value
            return (int(round(v)) if abs(v - round(v)) <= 1e-9 * max(1.0, abs(v)) else v), at
    return value, start


def _plus_half_over(text: str, run, items, j: int, toks, folded, lex: NumberLexicon) -> int:
    """The index of the magnitude after a "plus a half" phrase that holds a number word of its
    own (Swedish "två och en halv miljon": its en, one, is read as a number, which would end the
    run before the phrase), the items up to it all inside the phrase; 0 where there is none."""
    if not lex.plus_half or run[-1].kind == "mag":
        return 0
    for k in range(j + 2, min(len(items), j + 4)):
        if items[k].kind == "mag":
            return k if _plus_half_between(text, run, items[k], toks, folded, lex) else 0
        if items[k].kind != "num" and items[k].kind != "conn":
            return 0
    return 0


def _plus_before_magnitude(text: str, a, b) -> bool:
    """Whether digits, a plus sign and a magnitude word make one number ($300+ billion)."""
    return a.form == "digits" and a.kind == "num" and b.kind == "mag" and text[a.end:b.start] in ("+", "+ ", "+\u00a0")


def _phrases(text, items, toks, folded, lex: NumberLexicon) -> list[NumberFact]:
    facts: list[NumberFact] = []
    if not items:
        return facts
    i = 0
    while i < len(items):
        j = i
        run = [items[i]]
        halves = []  # the magnitudes a "plus a half" stands before (два с половиной миллиона) or after
        # a magnitude a "plus a half" stood before ends its number (one and a half million | and two million)
        while not halves and j + 1 < len(items):
            over = _plus_half_over(text, run, items, j, toks, folded, lex)
            if over:  # två och en halv miljon: the phrase's own number word (en) is no number
                halves.append(items[over].value)
                j = over
                run.append(items[j])
                continue
            if not (_joins(run[-1], items[j + 1], run[-2] if len(run) > 1 else None, lex) and (
                    not _ambiguous(text, items[j + 1], lex)) and not (run[-1].ordinal and run[-1].value == 1 and _ambiguous(text, run[-1], lex)) and (
                    _gap_ok(text, items[j].end, items[j + 1].start)
                    or _plus_half_between(text, run, items[j + 1], toks, folded, lex)
                    or _plus_before_magnitude(text, run[-1], items[j + 1])
                    or (run[-1].kind == "mag" and run[0].form == run[-1].form == items[j + 1].form == "word"
                        and text[items[j].end:items[j + 1].start] == ", "))):
                break
            if not _gap_ok(text, items[j].end, items[j + 1].start) and _plus_half_between(
                    text, run, items[j + 1], toks, folded, lex):
                halves.append(items[j + 1].value)
            j += 1
            run.append(items[j])
        i = j + 1
        while run and run[-1].kind == "conn":
            run.pop()
        while run and run[0].kind in ("conn",):
            run.pop(0)
        if len(run) > 1 and run[-1].kind == "mag" and run[-1].value >= 1000 and lex.plus_half_after and not halves:
            k = bisect.bisect_left(toks, (run[-1].end,))  # the token after the magnitude
            n = _match_phrase(folded, k, lex.plus_half_after)
            # not where a magnitude follows the half word: "300 mil y medio millón" is two numbers,
            # the half's own (half a million)
            if n and not text[run[-1].end:toks[k][0]].strip() and not (k + n < len(toks) and any(
                    it.kind == "mag" and it.start == toks[k + n][0] for it in items[i:i + 2])):  # dos millones y medio: 2,500,000
                halves.append(run[-1].value)
                run[-1] = run[-1]._replace(end=toks[k + n - 1][1])
        if lex.half and len(run) == 1 and run[0].kind == "mag" and run[0].value >= 1000:
            at = _phrase_before(run[0].start, toks, folded, lex.half)
            if at != run[0].start:  # half a million, medio millón, نصف مليون: the magnitude halved
                run = [Atom(at, run[0].end, "num", run[0].value // 2, False, "word")]
        for factor, phrases in lex.fractions if len(run) == 1 and run[0].kind == "mag" and run[0].value >= 1000 else ():
            at = _phrase_before(run[0].start, toks, folded, phrases)
            if at != run[0].start:  # полтора миллиона: 1.5 times the magnitude
                run = [Atom(at, run[0].end, "num", int(round(run[0].value * factor)), False, "word")]
                break
        if run and run[0].kind == "mag" and fold(text[run[0].start:run[0].end]) in lex.bare and not (
                lex.bare_not_after and lex.blocks_bare(_word_before(run[0].start, toks, folded))):
            run.insert(0, Atom(run[0].start, run[0].start, "num", 1, False, "word"))  # mille (un): one thousand
        if not run or all(it.kind != "num" for it in run):
            continue
        if run[0].kind == "mag":
            run.pop(0)
        if len(run) == 1 and run[0].form == "word" and lex.ignored(fold(text[run[0].start:run[0].end])):
            continue
        value = run[0].value if len(run) == 1 else _combine(run, lex)
        if value is None:
            continue
        if halves and run[-1].kind == "mag" and not isinstance(value, float):
            value += halves[-1] // 2  # two and a half million: 2,000,000 and half of the million
        start, end = run[0].start, run[-1].end
        if lex.count_offsets and not halves:
            value, start = _count_offset(value, start, run, toks, folded, lex)
        form = "digits" if all(it.form == "digits" for it in run) else "word" if all(it.form == "word" for it in run) else "mixed"
        before = _phrase_before(start, toks, folded, lex.approx)
        approx, start = before != start, before
        end, percent = _percent(text, end, toks, folded, lex)
        approx = approx or "+" in text[start:end]  # 300+ billion: at least
        ordinal = any(it.ordinal for it in run)
        if len(run) == 1 and run[0].clock:
            hour, minute = run[0].clock
            facts.append(TimeFact(text[start:end], start, end, value, approx=approx, form=form, ordinal=ordinal,
                                  percent=percent, hour=hour, minute=minute))
            continue
        facts.append(NumberFact(text[start:end], start, end, value, approx=approx, form=form,
                                ordinal=ordinal, percent=percent))
    return facts


def _ambiguous(text, item, lex: NumberLexicon) -> bool:
    """A word too ambiguous to count alone (ثانية: second, a second) does not continue a number either."""
    return item.form == "word" and item.kind == "num" and any(
        w in lex.ignore for w in lex._unclitic(fold(text[item.start:item.end])))


def _joins(prev, nxt, before=None, lex: NumberLexicon | None = None) -> bool:
    """Whether ``nxt`` continues the spelled-out number that ends with ``prev``."""
    if nxt.kind == "mag":
        return True
    if prev.kind == "mag" and nxt.form == "digits" and prev.form == "word" and prev.value >= 10000:
        return True  # 2万5千: East Asian myriad groups mix digits and magnitudes
    if prev.form == "digits" or nxt.form == "digits":
        return False
    if prev.ordinal and prev.kind == "num" and not (prev.value < 10 and nxt.kind == "num" and (
            20 <= nxt.value <= 90 or (nxt.value == 10 and lex is not None and not lex.teen_words))):
        return False  # an ordinal ends its number (पहले दस: the first ten), unless teens are
        # spelled as a unit and ten (الثالثة عشرة, ketiga belas: 13th)  # an ordinal ends its number: पहले दस is "the first ten", not 11
    if nxt.kind == "conn":
        return prev.kind in ("num", "mag")
    if prev.kind == "mag":
        return True
    if prev.kind == "conn":
        return nxt.kind != "num" or _after_connector(before, nxt)
    return _continues(prev.value, nxt.value)


def _continues(a, b) -> bool:
    """Whether number word b continues number word a."""
    # seventy five; five and seventy (Arabic, German order); six ten = sixteen (Arabic, Malay);
    # a hundreds word then the rest (сто десять, ciento uno)
    return (a >= 20 and a % 10 == 0 and b < 10) or (a < 10 and b % 10 == 0 and 10 <= b <= 90) \
        or (a >= 100 and a % 100 == 0 and a < 1000 and b < 100) or (a >= 1000 and a % 1000 == 0 and b < 1000)


def _after_connector(before, nxt) -> bool:
    """Whether a number word after "and" continues the number: five and seventy (Arabic,
    German order), hundred and five; not "between five and ten"."""
    if before is None or before.kind == "mag":
        return True
    a, b = before.value, nxt.value
    return (_continues(a, b) and not (a < 10 and b == 10)) or (a == 10 and 0 < b < 10)  # kumi na nne: 14


def _combine(run, lex):
    if run[0].form == "digits" and all(it.kind == "mag" for it in run[1:]):
        value = run[0].value
        for it in run[1:]:
            value *= it.value
        if isinstance(value, float) and abs(value - round(value)) <= 1e-9 * abs(value):
            return int(round(value))  # 8.3 billion, not 8300000000.000001
        return _num(str(value)) if isinstance(value, float) else value
    if any(isinstance(it.value, float) for it in run):
        return None
    return combine([(it.kind, it.value) for it in run if it.kind != "conn"], lex.small_magnitudes)


def _percent(text, end, toks, folded, lex) -> tuple[int, bool]:
    rest = text[end:end + 2].lstrip(" \u00a0")
    if rest[:1] in ("%", "٪", "％"):
        return text.index(rest[0], end) + 1, True
    k = bisect.bisect_left(toks, (end,))  # the first token starting at or after ``end``
    if k == len(toks) or text[end:toks[k][0]].strip():
        return end, False
    n = _match_phrase(folded, k, lex.percent)
    return (toks[k + n - 1][1], True) if n else (end, False)

def number_values(fact: NumberFact | CodeFact) -> tuple:
    """The values a fact contributes to a comparison: both ends of a range."""
    return fact.values
