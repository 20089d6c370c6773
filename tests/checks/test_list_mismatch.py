"""list-mismatch on one group in memory: a list that drops a member the other translations list."""
import pytest

from audit.checks.list_mismatch import ListMismatch
from checkctx import context, flagged, run, support, trade


@pytest.mark.parametrize("edit, evidence", [
    # a list of three that loses a member is a pair of names, still compared with the others' lists
    (("en", "Lang Son, Quang Ninh and Cao Bang", "Lang Son and Cao Bang"), "Lang Son and Cao Bang"),
    (("de", "Lang Son, Quang Ninh und Cao Bang", "Lang Son, Cao Bang"), "Lang Son, Cao Bang"),
])
def test_the_list_that_drops_a_member_is_flagged(edit, evidence):
    got = run(ListMismatch, context(trade(edit)))
    assert [(f.check, f.expected, f.found) for f in got] == [("list-mismatch", "Quang Ninh", None)]
    (f,) = got
    assert flagged(f) == [(edit[0], 1, evidence)]
    assert support(f) == {"en", "fr", "de", "es"} - {edit[0]}


def test_the_same_list_in_every_translation_is_no_finding():
    assert run(ListMismatch, context(trade())) == []


def test_two_translations_never_outvote_each_other_on_a_list():
    # either list may be the one read at a wrong boundary: with one witness, abstain
    ctx = context({"en": ("en", ["Officials from Lang Son, Quang Ninh, Cao Bang and Ha Giang met in Hanoi on 3 March 2025.",
                                 "The delegation from Quang Ninh signed 12 agreements."]),
                   "de": ("de", ["Vertreter aus Lang Son, Cao Bang und Ha Giang trafen sich am 3. März 2025 in Hanoi.",
                                 "Die Delegation aus Quang Ninh unterzeichnete 12 Abkommen."])})
    assert run(ListMismatch, ctx) == []


def test_a_member_read_at_another_boundary_or_translated_is_not_dropped():
    # de writes Ha Giang right after its list, run into the words after it; the English
    # list's "Communist Party" is a phrase German translates, not a name it dropped
    ctx = context({"en": ("en", ["Officials from Lang Son, Quang Ninh, Cao Bang, Ha Giang and the Communist Party met in 2025.",
                                 "The delegation from Quang Ninh signed 12 agreements."]),
                   "de": ("de", ["Vertreter aus Lang Son, Quang Ninh, Cao Bang sowie Ha Giang trafen 2025 die Kommunistische Partei.",
                                 "Die Delegation aus Quang Ninh unterzeichnete 12 Abkommen."])})
    assert run(ListMismatch, ctx) == []


def test_a_member_repeated_in_place_of_another_is_left_to_list_duplicate():
    ctx = context(trade(("es", "Lang Son, Quang Ninh y Cao Bang", "Lang Son, Quang Ninh y Lang Son")))
    assert run(ListMismatch, ctx) == []


TESTED_IN = {
    "es": ("es", ["Las pruebas se desarrollaron en China, Francia, Alemania, Hong Kong, Japón y los Estados Unidos."]),
    "ms": ("ms", ["Ujian telah dibangunkan di China, Perancis, Jerman, Hong Kong, Japan dan Amerika Syarikat."]),
    "id": ("id", ["Pengujian dikembangkan di Tiongkok, Prancis, Jerman, Hong Kong, Jepang, dan Amerika Serikat."]),
    "hi": ("hi", ["जाँच विधियाँ चीन, फ्रांस, जर्मनी, हांगकांग, जापान और संयुक्त राज्य अमेरिका में विकसित की गईं।"]),
    # read as a list of two: not every translation reads one count
    "fr": ("fr", ["Les tests ont été développés en Chine, en France, en Allemagne, à Hong Kong, au Japon et aux États-Unis."]),
    "pt": ("pt", ["Os testes, diferentes, foram desenvolvidos na China, na França, na Alemanha, em Hong Kong, no Japão e nos Estados Unidos."]),
}
UR = "ٹیسٹ بنانے کے لیے چین، فرانس، جرمنی، ہانگ کانگ، جاپان اور امریکہ میں تراکیب بنائی گئی۔"


def test_a_list_one_shorter_than_most_others_lacks_the_country_its_paragraph_never_names():
    # "لیے چین" (for China) meets both China and Hong Kong by its keys, so the members alone
    # cannot be paired; the count (five where five of six others read six) and the territory
    # (no CLDR name of Germany in the Urdu paragraph) together can
    assert run(ListMismatch, context(dict(TESTED_IN, ur=("ur", [UR])))) == []
    dropped = UR.replace("جرمنی، ", "")
    got = run(ListMismatch, context(dict(TESTED_IN, ur=("ur", [dropped]))))
    assert [(f.check, f.expected, flagged(f)) for f in got] == \
        [("list-mismatch", "Alemania", [("ur", 1, "لیے چین، فرانس، ہانگ کانگ، جاپان اور امریکہ")])]
    elsewhere = dropped.replace("۔", "، جرمنی میں بھی۔")  # Germany named after the list: it is not dropped
    assert run(ListMismatch, context(dict(TESTED_IN, ur=("ur", [elsewhere])))) == []


CITIES = {
    "en": ("en", ["Flood watches cover the cities of Phoenix, Flagstaff, Las Vegas and Salt Lake City."]),
    "de": ("de", ["Die Warnungen gelten für die Städte Phoenix, Flagstaff, Las Vegas und Salt Lake City."]),
    "fr": ("fr", ["Les alertes couvrent les villes de Phoenix, Flagstaff, Las Vegas et Salt Lake City."]),
}


def test_a_first_member_that_meets_nothing_is_set_aside_for_an_inner_member_dropped():
    # "Tucson Barat" meets none of the others' members (the clause before a list, or a name
    # the keys miss); Las Vegas, which every other translation lists between Flagstaff and
    # Salt Lake City, is gone from the Malay list and from its paragraph
    listed = "Amaran meliputi Tucson Barat, Flagstaff, Las Vegas dan Salt Lake City."
    assert run(ListMismatch, context(dict(CITIES, ms=("ms", [listed])))) == []
    dropped = "Amaran meliputi Tucson Barat, Flagstaff dan Salt Lake City."
    got = run(ListMismatch, context(dict(CITIES, ms=("ms", [dropped]))))
    assert [(f.check, f.expected, flagged(f)) for f in got] == \
        [("list-mismatch", "Las Vegas", [("ms", 1, "Barat, Flagstaff dan Salt Lake City")])]
    assert support(got[0]) == {"en", "de", "fr"}


def test_a_member_next_to_the_others_first_may_be_what_an_unmatched_first_member_writes():
    # Flagstaff follows Phoenix, which the Malay list does not name either: its first member
    # may be either of them written another way, so neither is reported
    text = "Amaran meliputi Tucson Barat, Las Vegas dan Salt Lake City."
    assert run(ListMismatch, context(dict(CITIES, ms=("ms", [text])))) == []


def test_members_compared_by_shared_blocks_form_the_entities_every_pair_would():
    # list-mismatch compares only members that share a block (a territory, a folded word,
    # a key's first letters); the entities must be those of comparing every pair
    from audit.checks.lists_common import _entities, _member, meets

    ctx = context(dict(TESTED_IN, ur=("ur", [UR]), **CITIES,
                       sv=("sv", ["Varningar för Phoenix, Flagstaff, Las Vegas och Salt Lake City, Tyskland och Hongkong."])))
    members = [_member(d, ctx.documents[d].language, ctx.documents[d].script == "Latn", 0, f, j)
               for d in sorted(ctx.facts) for f in ctx.facts[d][0].lists for j in range(len(f.keys))]
    owner = list(range(len(members)))

    def root(i):
        while owner[i] != i:
            i = owner[i]
        return i

    for i, x in enumerate(members):
        for k in range(i + 1, len(members)):
            if x.doc != members[k].doc and meets(x, members[k]):
                owner[root(k)] = root(i)
    every_pair: dict = {}
    for i, m in enumerate(members):
        every_pair.setdefault(root(i), []).append(m)
    got = _entities(members)
    assert got == list(every_pair.values())
    assert len(members) > 30 and any(len(e) >= 6 for e in got)  # many members, entities across scripts


def test_a_list_cut_at_a_semicolon_is_no_vote_against_a_dropped_name():
    # sv's and nl's lists end at their semicolons: they lack the member fr drops, but also one
    # fr lists, so they were read at another boundary and only en, de and es vote on Elmsworth
    ctx = context({"en": ("en", ["The figures came from Oldwick, Brantmere, Castellor, Dunhaven, Elmsworth and Farrowgate."]),
                   "de": ("de", ["Die Zahlen kamen von Oldwick, Brantmere, Castellor, Dunhaven, Elmsworth und Farrowgate."]),
                   "es": ("es", ["Las cifras venían de Oldwick, Brantmere, Castellor, Dunhaven, Elmsworth y Farrowgate."]),
                   "sv": ("sv", ["Siffrorna kom från Oldwick, Brantmere, Castellor, Dunhaven; Elmsworth och Farrowgate."]),
                   "nl": ("nl", ["De cijfers kwamen van Oldwick, Brantmere, Castellor, Dunhaven; Elmsworth en Farrowgate."]),
                   "fr": ("fr", ["Les chiffres venaient de Oldwick, Brantmere, Castellor, Dunhaven et Farrowgate."])})
    got = run(ListMismatch, ctx)
    assert [(f.check, f.expected) for f in got] == [("list-mismatch", "Elmsworth")]
    assert [d for d, _, _ in flagged(got[0])] == ["fr"] and support(got[0]) == {"en", "de", "es"}


SIDE_BY_SIDE = {
    "en": ("en", ["Officials from Korvath, farmers and Miraleste signed the pact on Monday."]),
    "de": ("de", ["Vertreter aus Korvath, Landwirte und Miraleste unterzeichneten am Montag den Pakt."]),
    "es": ("es", ["Funcionarios de Korvath, agricultores y Miraleste firmaron el pacto el lunes."]),
    "fr": ("fr", ["Des responsables de Korvath, des agriculteurs et de Miraleste ont signé le pacte lundi."]),
}


def test_a_common_word_the_others_translate_each_their_own_way_is_no_dropped_member():
    # the middle member is translated in every language, so no key pairs it: a translation that
    # writes the two names side by side may have moved it out of the list ("together with the
    # farmers"), and nothing says it did not; the list check abstains
    for sv in ("Tjänstemän från Korvath och Miraleste undertecknade pakten i måndags.",
               "Tjänstemän från Korvath och Miraleste undertecknade pakten i måndags tillsammans med bönderna."):
        assert run(ListMismatch, context(SIDE_BY_SIDE | {"sv": ("sv", [sv])})) == []


def test_a_member_met_across_translations_dropped_between_two_written_side_by_side_is_flagged():
    met = {lang: (code, [lines[0].replace(word, "Brantmere")]) for (lang, (code, lines)), word in
           zip(SIDE_BY_SIDE.items(), ["farmers", "Landwirte", "agricultores", "des agriculteurs"])}
    got = run(ListMismatch, context(met | {"sv": ("sv", ["Tjänstemän från Korvath och Miraleste undertecknade pakten i måndags."])}))
    assert [(f.check, f.expected) for f in got] == [("list-mismatch", "Brantmere")]
    assert [d for d, _, _ in flagged(got[0])] == ["sv"]



def test_names_side_by_side_that_most_others_list_side_by_side_too_are_no_finding():
    # one translation alone lists a member between them: it is no vote against the others
    ctx = context({"en": SIDE_BY_SIDE["en"],
                   "de": ("de", ["Vertreter aus Korvath und Miraleste unterzeichneten am Montag den Pakt."]),
                   "es": ("es", ["Funcionarios de Korvath y Miraleste firmaron el pacto el lunes."]),
                   "sv": ("sv", ["Tjänstemän från Korvath och Miraleste undertecknade pakten i måndags."])})
    assert run(ListMismatch, ctx) == []
