"""name-missing in a caseless translation that comes near the name only by chance: every other
translation writes it on the line by its key, the caseless one spells it by its key wherever else
the article names it, and on this line writes only a word whose skeleton comes within an edit of
the name's (Hindi खिलाड़ियों, "players", beside Fagerlund)."""
from checkctx import StrictMissing, context, flagged, run


COACH = {
    "sv": ["Fagerlund tog över laget i våras.", "Tränaren Fagerlund berömde spelarna efter matchen.",
           "I morgon reser Fagerlund hem."],
    "id": ["Fagerlund mengambil alih tim pada musim semi.", "Pelatih Fagerlund memuji para pemain setelah pertandingan.",
           "Besok Fagerlund pulang."],
    "ms": ["Fagerlund mengambil alih pasukan pada musim bunga.",
           "Jurulatih Fagerlund memuji para pemain selepas perlawanan.", "Esok Fagerlund pulang."],
    "bn": ["ফাগারলুন্ড বসন্তে দলের দায়িত্ব নেন।", "কোচ ফাগারলুন্ড ম্যাচের পরে দলের প্রশংসা করেছেন।",
           "আগামীকাল ফাগারলুন্ড বাড়ি ফিরবেন।"],
    "hi": ["फागरलुंड ने वसंत में टीम संभाली।", "कोच फागरलुंड ने मैच के बाद टीम की तारीफ़ की।",
           "कल फागरलुंड घर लौटेंगे।"],
}


def texts(lang: str | None = None, line: int = 0, text: str = "") -> dict:
    out = {code: (code, list(lines)) for code, lines in COACH.items()}
    if lang:
        out[lang][1][line - 1] = text
    return out


def findings(t: dict) -> list[tuple]:
    return [(f.check, flagged(f), f.expected) for f in run(StrictMissing, context(t))]


def test_a_caseless_translation_near_a_name_only_by_chance_has_dropped_it():
    assert findings(texts()) == []
    assert findings(texts("hi", 2, "कोच ने मैच के बाद खिलाड़ियों की तारीफ़ की।")) == \
        [("name-missing", [("hi", 2, "")], "Fagerlund")]
