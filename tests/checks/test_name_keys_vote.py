"""The strict name vote reading a name through the keys of ``tests/test_name_keys.py``: a
translation whose spelling meets the cased translations' only by those rules now supports
them, so the one translation that drops the name is reported (before, it was outvoted
into abstaining). Fixtures are built in memory, one link per line."""
from checkctx import StrictMissing, context, flagged, run


def findings(article: dict) -> list[tuple]:
    texts = {code: (code, list(lines)) for code, lines in article.items()}
    return [(f.check, flagged(f), f.expected) for f in run(StrictMissing, context(texts))]


# The dog Lampo in every line; Hindi names him once, लांपो, an anusvara before p (key lmb only
# when the anusvara is read as the m it is there), Bengali লাম্পো with an explicit m. Hindi's
# support on line 2 is its key alone: it writes no spelling of him elsewhere to vouch for it.
DOG = {
    "sv": ["Hunden Lampo åt köttbullar.", "Sedan sov Lampo i korgen hela natten.", "Till sist vaknade Lampo."],
    "ms": ["Anjing Lampo makan bebola daging.", "Kemudian Lampo tidur di dalam bakul sepanjang malam.",
           "Akhirnya Lampo terjaga."],
    "hi": ["कुत्ते ने मीटबॉल खाए।", "फिर लांपो पूरी रात टोकरी में सोया।", "आखिरकार वह जाग गया।"],
    "bn": ["কুকুর লাম্পো মিটবল খেল।", "তারপর সে সারা রাত ঝুড়িতে ঘুমাল।", "অবশেষে লাম্পো জেগে উঠল।"],
}


def test_a_hindi_anusvara_before_a_labial_supports_the_name_it_writes():
    assert findings(DOG) == [("name-missing", [("bn", 2, "")], "Lampo")]


# The shop Bates (key bts) in every line; on line 2 the Malay writes "Bate", its own spelling
# less the plural's last letter, capitalised: the name written short, not dropped (a common
# word two letters long, lower case, is no such trace: see test_name_strict's "vara" for Furyk).
SHOP = {
    "sv": ["Butiken Bates öppnade i går.", "Sedan sålde Bates bröd hela dagen.", "Till sist stängde Bates."],
    "ms": ["Kedai Bates dibuka semalam.", "Kemudian Bate menjual roti sepanjang hari.", "Akhirnya Bates ditutup."],
    "hi": ["दुकान बेट्स कल खुली।", "फिर बेट्स ने दिन भर रोटी बेची।", "आखिरकार बेट्स बंद हो गई।"],
    "ar": ["افتتح متجر بيتس أمس.", "ثم باع بيتس الخبز طوال اليوم.", "وأخيرا أغلق بيتس."],
}


def test_a_capitalised_short_spelling_less_its_last_letter_is_the_name_written():
    assert findings(SHOP) == []
    dropped = dict(SHOP, ms=[SHOP["ms"][0], "Kemudian kedai itu menjual roti sepanjang hari.", SHOP["ms"][2]])
    assert findings(dropped) == [("name-missing", [("ms", 2, "")], "Bates")]
