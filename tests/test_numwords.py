"""Number-word reading: glued compounds, and extraction that stays linear in the text."""
import time

import pytest

from audit.extract.dates import extract_dates
from audit.extract.numbers import extract_numbers
from audit.extract.numwords import lexicon


@pytest.mark.parametrize("word,lang,value", [
    ("tvåhundrafemtio", "sv", 250),
    ("dreihundertneunundsechzig", "de", 369),
    ("sjuttiofem", "sv", 75),
])
def test_glued_compound_numerals_are_read(word, lang, value):
    assert lexicon(lang).lookup(word)[:2] == ("num", value)


@pytest.mark.parametrize("word,lang", [("hahahahaha", "sv"), ("femtiohaha", "sv"), ("xyzxyzxyz", "de")])
def test_letters_that_are_not_a_numeral_are_not_read(word, lang):
    assert lexicon(lang).lookup(word) is None


def _seconds(make, n, lang, repeats=3):
    """Best CPU time of ``repeats`` extractions of distinct texts of about ``n`` letters (caches
    defeated): the process's own time, which other processes on a shared machine do not inflate."""
    best = float("inf")
    for r in range(repeats):
        text = make(n, r)
        start = time.thread_time()
        facts = extract_numbers(text, lang)
        extract_dates(text, lang, facts)
        best = min(best, time.thread_time() - start)
    return best


_SHAPES = {
    "laughter": lambda n, r: "ha" * (n // 2) + "q" * (r + 1),
    "unspaced-cjk": lambda n, r: "分" * n + "木" * (r + 1),
    "numeral-parts": lambda n, r: "femtio" * (n // 6) + "x" * (r + 1),
}


@pytest.mark.parametrize("shape", sorted(_SHAPES))
@pytest.mark.parametrize("lang", ["sv", "de", "ja"])
def test_extraction_time_grows_linearly(shape, lang):
    extract_numbers("warm up", lang)
    small = _seconds(_SHAPES[shape], 20_000, lang)
    large = _seconds(_SHAPES[shape], 40_000, lang)
    assert large <= 2.5 * small + 0.02, (small, large)  # 20 ms of slack for timer noise on tiny times


@pytest.mark.parametrize("lang", ["sv", "bn", "ar"])
def test_a_150000_letter_line_is_read_in_seconds(lang):
    text = "ha" * 75_000
    start = time.perf_counter()
    assert extract_numbers(text, lang) == []
    assert time.perf_counter() - start < 3
