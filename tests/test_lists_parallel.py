"""Lists whose every member follows the same preposition (session 13): French, Spanish and
Portuguese write "of" before each member where English writes it once."""
from audit.checks.list_duplicate import ListDuplicate
from audit.extract.lists import extract_lists
from checks.checkctx import context, flagged, run


def members(text, lang):
    return [f.members for f in extract_lists(text, lang)]


def test_a_preposition_before_every_member_neither_closes_nor_opens_the_list():
    assert members("Ils manquent de riz, de sucre, de sel et de farine.", "fr") == \
        [("riz", "sucre", "sel", "farine")]
    assert members("Hablaron de economía, de salud, de educación y de cultura.", "es") == \
        [("economía", "salud", "educación", "cultura")]
    # another preposition still opens a list of its own
    assert members("Il vient de Paris, en Chine, en France.", "fr") == [("Paris", "Chine")]


def test_a_member_repeated_in_a_list_with_a_preposition_before_each_is_a_duplicate():
    docs = {"fr": ("fr", ["Ils manquent de riz, de sel, de sel et de farine."]),
            "es": ("es", ["Les falta arroz, azúcar, sal y harina este invierno."]),
            "pt": ("pt", ["Faltam-lhes arroz, açúcar, sal e farinha neste inverno."]),
            "ms": ("ms", ["Mereka kekurangan beras, gula, garam dan tepung musim sejuk ini."])}
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, flagged(f)) for f in got] == \
        [("list-duplicate", "sel (2 times)", [("fr", 1, "sel"), ("fr", 1, "sel")])]


def test_a_list_with_a_preposition_before_each_member_does_not_run_into_the_clause_after_it():
    # the pieces after the parallel phrases are the clause going on, not members
    assert members("En mars, en Chine, les médecins ont signalé des cas.", "fr") == []
    assert members("Vino de Madrid, de noche, sin avisar.", "es") == []
    assert members("In March, in Wuhan, doctors reported cases.", "en") == [("March", "Wuhan")]
    assert members("He was born in Paris, in France, and grew up in London.", "en") == [("Paris", "France")]


def test_the_last_member_after_a_conjunction_and_the_preposition_is_the_word_after_them():
    # never the bare conjunction or preposition
    assert members("Le nombre de cas, de décès, et de guérisons augmente.", "fr") == \
        [("cas", "décès", "guérisons")]
    assert members("Ils parlent de riz, de sucre, et de farine.", "fr") == [("riz", "sucre", "farine")]
