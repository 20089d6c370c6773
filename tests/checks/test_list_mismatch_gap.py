"""list-mismatch: a list one member shorter than the others', the gap placed by the members met on
both sides of it (session 15), and a member not "written" inside a longer word."""
from audit.checks.list_mismatch import ListMismatch
from checkctx import context, flagged, run, support

SPONSORS = {
    "en": ("en", ["The festival was paid for by Nordvik, Halberg, the bakers' guild, Ostrava and Kelmark."]),
    "de": ("de", ["Das Festival bezahlten Nordvik, Halberg, die Bäckerzunft, Ostrava und Kelmark."]),
    "sv": ("sv", ["Festivalen betalades av Nordvik, Halberg, bagarskrået, Ostrava och Kelmark."]),
    "ms": ("ms", ["Pesta itu dibiayai oleh Nordvik, Halberg, persatuan pembuat roti, Ostrava dan Kelmark."]),
}


def test_a_common_word_dropped_between_two_members_met_across_translations_is_reported():
    # the guild is written in each language's own words, which no key pairs: the count (four
    # where three others list five) says a member is gone, Halberg and Ostrava say which
    dropped = "La fiesta la pagaron Nordvik, Halberg, Ostrava y Kelmark."
    got = run(ListMismatch, context(dict(SPONSORS, es=("es", [dropped]))))
    assert [(f.check, flagged(f)) for f in got] == [("list-mismatch", [("es", 1, "Nordvik, Halberg, Ostrava y Kelmark")])]
    assert got[0].expected in {"the bakers' guild", "Bäckerzunft", "bagarskrået", "persatuan pembuat roti"}
    assert support(got[0]) == {"en", "de", "sv", "ms"}
    kept = "La fiesta la pagaron Nordvik, Halberg, el gremio de panaderos, Ostrava y Kelmark."
    assert run(ListMismatch, context(dict(SPONSORS, es=("es", [kept])))) == []


def test_a_shorter_list_whose_gap_is_at_its_end_is_not_reported():
    # the last member is gone: a list may be read into the clause after it, so no neighbour
    # on both sides says where the member stood (Kelmark, a name, is list-mismatch's all the same)
    dropped = "La fiesta la pagaron Nordvik, Halberg, el gremio de panaderos y Ostrava."
    got = run(ListMismatch, context(dict(SPONSORS, es=("es", [dropped]))))
    assert [f.expected for f in got] == ["Kelmark"] and not got[0].subject.startswith("gap:")


CHANNELS = {
    "en": ("en", ["The match was shown on Arena, Vega, Polar and MaxVega."]),
    "de": ("de", ["Das Spiel lief auf Arena, Vega, Polar und MaxVega."]),
    "sv": ("sv", ["Matchen visades på Arena, Vega, Polar och MaxVega."]),
    "ms": ("ms", ["Perlawanan itu disiarkan di Arena, Vega, Polar dan MaxVega."]),
}


def test_a_name_inside_a_longer_name_is_not_written_by_it():
    # MaxVega does not write Vega: the French list lacks it
    dropped = "Le match a été diffusé sur Arena, Polar et MaxVega."
    got = run(ListMismatch, context(dict(CHANNELS, fr=("fr", [dropped]))))
    assert [(f.check, f.expected) for f in got] == [("list-mismatch", "Vega")]
    assert flagged(got[0])[0][:2] == ("fr", 1)
    kept = "Le match a été diffusé sur Arena, Vega, Polar et MaxVega."
    assert run(ListMismatch, context(dict(CHANNELS, fr=("fr", [kept])))) == []
