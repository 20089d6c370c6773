"""The extractors' per-word passes give what their per-token definitions give.

Speed work replaced loops over every token by tests of each distinct word once per process
(memos, set operations over a paragraph's words, a search for a name inside a word before
the full look-up). Each test here states the definition one token at a time, asks the fast
pass the same on random paragraphs of real vocabulary (number words, month and country names
with clitics, elisions, case endings and glued days, ordinary words), twice each, so that the
second answer comes from the memos the first one filled."""
import random

import pytest

LANGS = ["en", "fr", "sv", "ms", "bn", "hi", "ar", "fa", "zh"]
PLAIN = {"en": ["the", "report", "May", "march", "Chad", "sunday", "one", "alone"], "fr": ["le", "mai", "l'Inde", "d'Italie"],
         "sv": ["och", "rapport", "majs", "två", "tjugo"], "ms": ["dan", "lapan", "belas", "Mac"],
         "bn": ["এবং", "সাতজন", "১৫"], "hi": ["और", "जुन", "दस"], "ar": ["و", "في", "بفبراير"], "fa": ["و", "نه"],
         "zh": ["二十九件", "中国", "和"]}


def _vocabulary(lang: str) -> list[str]:
    from audit.extract.dates import month_names
    from audit.extract.labels import territory_names
    from audit.extract.morphology import clitics
    from audit.extract.numwords import lexicon

    rnd = random.Random(lang)
    lex = lexicon(lang)
    names = list(month_names(lang)) + list(territory_names(lang))
    words = rnd.sample(sorted(lex.words), min(40, len(lex.words))) + sorted(lex.magnitudes)[:10] + names
    words += [w for p in lex.percent for w in p] + sorted(lex.phrase_heads)[:10] + PLAIN.get(lang, [])
    heads = list(clitics(lang)) + ["l'", "d'", "12", "3"]
    tails = ["", "s", "en", "ের", "মা", "ة", "ல்", "ing"]
    out = []
    for w in words:
        for part in w.split():
            out.append(part)
            out.append(rnd.choice(heads) + part + rnd.choice(tails))
            out.append(part[:1].upper() + part[1:] if rnd.random() < 0.5 else part.lower())
            out.append(part[: max(1, len(part) - 2)])
    return out


def _paragraphs(lang: str, count: int, caseless: bool = False):
    rnd = random.Random(f"{lang}/{count}")
    vocab = _vocabulary(lang)
    if caseless:  # no letter with case: the paragraph reads as caseless whatever its words
        vocab = [w for w in vocab if not any(ch.lower() != ch.upper() for ch in w)]
    for _ in range(count):
        yield " ".join(rnd.choice(vocab) + rnd.choice(["", "", ",", "."]) for _ in range(rnd.randint(0, 14)))


@pytest.mark.parametrize("lang", LANGS)
def test_number_word_candidates_are_the_tokens_a_look_up_reads_something_in(lang):
    from audit.extract.numbers import _cjk_numerals, _word_candidates
    from audit.extract.numwords import lexicon
    from audit.extract.text import folded_words, tokens
    from audit.languages import writes_ideographic_numerals

    lex = lexicon(lang)
    raw = writes_ideographic_numerals(lang)

    def one_by_one(toks, folded):
        return [k for k, (_, _, tok) in enumerate(toks)
                if folded[k] in lex.phrase_heads or (folded[k],) in lex.percent or lex.lookup(tok) is not None
                or (raw and next(_cjk_numerals(tok, lex), None) is not None)]

    for text in _paragraphs(lang, 300):
        toks, folded = tokens(text), folded_words(text)
        want = one_by_one(toks, folded)
        assert _word_candidates(toks, folded, lex) == want == _word_candidates(toks, folded, lex), text


@pytest.mark.parametrize("lang", LANGS)
def test_month_candidates_are_the_words_that_name_a_month_or_start_a_name(lang):
    from audit.extract.dates import _month_candidates, _month_of, _starts_month
    from audit.extract.text import folded_words

    for text in _paragraphs(lang, 300):
        folded = folded_words(text)
        want = [i for i, w in enumerate(folded) if _starts_month(lang, w) or _month_of(lang, w) is not None]
        assert _month_candidates(lang, folded) == want == _month_candidates(lang, folded), text


@pytest.mark.parametrize("lang", LANGS)
def test_a_country_name_may_open_at_the_words_whose_forms_begin_one(lang):
    from audit.extract.labels import _capital_or_caseless, _country_table, _may_open_name, _word_forms
    from audit.extract.morphology import elided
    from audit.extract.text import tokens

    firsts = _country_table(lang)[1]
    for text in _paragraphs(lang, 200):
        for _, _, w in tokens(text):
            want = _capital_or_caseless(elided(w, lang) or w) and any(f in firsts for f in _word_forms(w, lang, True))
            assert _may_open_name(w, lang) == want == _may_open_name(w, lang), w


@pytest.mark.parametrize("lang", ["bn", "hi", "ar", "fa"])
def test_a_caseless_paragraph_has_a_name_candidate_per_word_of_two_letters_without_digits(lang):
    from audit.extract.names import extract_names
    from audit.extract.text import phonetic_key, tokens
    from audit.model import NameFact

    for text in _paragraphs(lang, 150, caseless=True):
        want = [NameFact(t, s, e, (phonetic_key(t),), cased=False) for s, e, t in tokens(text)
                if len(t) >= 2 and not any(ch.isdigit() for ch in t)]
        assert extract_names(text, lang) == want == extract_names(text, lang), text


def test_the_lowercase_vocabulary_and_folded_words_are_their_definitions():
    from audit.extract import lowercase_vocabulary
    from audit.extract.text import fold, folded_words, tokens

    for lang in LANGS:
        texts = list(_paragraphs(lang, 40))
        want = {t.casefold() for text in texts for _, _, t in tokens(text) if t[:1].islower()}
        assert lowercase_vocabulary(texts) == want
        assert all(folded_words(text) == tuple(fold(t) for _, _, t in tokens(text)) for text in texts)
