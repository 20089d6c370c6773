"""name-substituted seen from the added name: a name of the article that one translation writes
on a line where none of the others writes it, where the others share a word (by one phonetic key,
in two scripts at least) that this translation lacks. The lost word need be no name word of the
vote (here a lower-case term), so only the added name shows the swap."""
from checkctx import StrictMissing, StrictSubstituted, context, flagged, run


# The coach is named on line 1 by every translation; line 2 has the medals, which the Malay,
# Bengali and Hindi write by one key (lmbk), the Swedish in lower case.
MEDALS = {
    "sv": ["Tränaren Fagerlund ledde laget i tio år.", "Han vann två olympiska medaljer i Tokyo.",
           "Nästa säsong börjar i april."],
    "ms": ["Jurulatih Fagerlund memimpin pasukan itu selama sepuluh tahun.",
           "Dia memenangi dua pingat Olimpik di Tokyo.", "Musim depan bermula pada bulan April."],
    "bn": ["কোচ ফাগারলুন্ড দশ বছর দলটির নেতৃত্ব দিয়েছেন।", "তিনি টোকিওতে দুটি অলিম্পিক পদক জিতেছেন।",
           "পরের মৌসুম এপ্রিলে শুরু হবে।"],
    "hi": ["कोच फागरलुंड ने दस साल तक टीम का नेतृत्व किया।", "उन्होंने टोक्यो में दो ओलिम्पिक पदक जीते।",
           "अगला सत्र अप्रैल में शुरू होगा।"],
}


def texts(lang: str | None = None, line: int = 0, text: str = "") -> dict:
    out = {code: (code, list(lines)) for code, lines in MEDALS.items()}
    if lang:
        out[lang][1][line - 1] = text
    return out


def findings(t: dict) -> list[tuple]:
    return [(f.check, flagged(f), f.expected, f.found)
            for check in (StrictMissing, StrictSubstituted) for f in run(check, context(t))]


def test_a_name_of_the_article_written_in_place_of_a_word_the_others_share_is_a_substitution():
    assert findings(texts()) == []
    got = findings(texts("sv", 2, "Han vann två Fagerlund medaljer i Tokyo."))
    assert got == [("name-substituted", [("sv", 2, "Fagerlund")], "Olimpik", "Fagerlund")]


def test_a_name_added_where_nothing_the_others_share_is_lost_is_no_substitution():
    # the translator made the pronoun explicit: every word the others share is still there
    assert findings(texts("sv", 2, "Fagerlund vann två olympiska medaljer i Tokyo.")) == []
