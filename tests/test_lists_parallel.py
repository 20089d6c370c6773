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
