"""name-spelling-variant's occurrences of a caseless document's forms, worked out when first
read (``_Occurrences``), are every word written in that form, in text order, as a scan of the
whole document gives them: on random paragraphs of CLDR's names in three caseless scripts."""
import random

import pytest
from babel import Locale

from audit.checks.name_spelling_variant import _Occurrences
from audit.checks.names.common import name_views
from checkctx import context


@pytest.mark.parametrize("lang", ["hi", "bn", "ar"])
def test_a_forms_occurrences_are_every_word_of_that_form_in_text_order(lang):
    loc = Locale.parse(lang)
    vocab = sorted({w for n in list(loc.territories.values()) + list(loc.languages.values()) for w in n.split()})
    rnd = random.Random(lang)
    vocab = rnd.sample(vocab, 60)  # few enough that forms repeat across paragraphs
    lines = [" ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 20))) + "।" for _ in range(30)]
    ctx = context({lang: (lang, lines)})
    view = name_views(ctx)[lang]
    occ = _Occurrences(view)
    forms = sorted({f for i in range(len(view.words)) for f in view.folded(i)})
    assert len(forms) > 20
    for form in forms + ["nowhere"]:
        want = [(i, s, e, t) for i, words in enumerate(view.words)
                for (s, e, t, _), f in zip(words, view.folded(i)) if f == form]
        assert occ[form] == want, form
        assert occ[form] == want  # read again, as remembered
    assert max(len(occ[f]) for f in forms) >= 3
