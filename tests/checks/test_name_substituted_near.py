"""name-substituted where the flagged line keeps a word near the lost name by chance (issue 13,
session 15): every other translation writes the name by its key (four at least, ``names.yaml:
strict_swap``), the flagged one writes in its place another name of the article that none of them
writes there, and its only trace of the lost name is a common word a loose key away (Swedish
*kastade*, "threw", beside Kastellan). Before, such a word made the vote abstain: a name said once
has no own spelling to tell a chance word from the name."""
from checkctx import edited as edit
from checkctx import strict_name_findings as findings

# The coach is named on line 1, the referee on line 2 only, by five translations.
MATCH = {
    "sv": ["Tränaren Fagerlund ledde laget i tio år.", "Domaren Kastellan kastade ut tränaren före matchen.",
           "Nästa säsong börjar i april."],
    "ms": ["Jurulatih Fagerlund memimpin pasukan itu selama sepuluh tahun.",
           "Pengadil Kastellan menghalau jurulatih itu sebelum perlawanan.", "Musim depan bermula pada bulan April."],
    "id": ["Pelatih Fagerlund memimpin tim itu selama sepuluh tahun.",
           "Wasit Kastellan mengusir pelatih itu sebelum pertandingan.", "Musim depan dimulai pada bulan April."],
    "bn": ["কোচ ফাগারলুন্ড দশ বছর দলটির নেতৃত্ব দিয়েছেন।", "রেফারি কাস্টেলান খেলার আগে কোচকে বের করে দেন।",
           "পরের মৌসুম এপ্রিলে শুরু হবে।"],
    "hi": ["कोच फागरलुंड ने दस साल तक टीम का नेतृत्व किया।", "रेफरी कास्टेलान ने मैच से पहले कोच को बाहर निकाल दिया।",
           "अगला सत्र अप्रैल में शुरू होगा।"],
}
SWAPPED = "Domaren Fagerlund kastade ut tränaren före matchen."  # the coach named for the referee


def test_a_name_of_the_article_in_place_of_one_every_other_translation_writes_is_a_substitution():
    assert findings(edit(MATCH, "sv", 2, MATCH["sv"][1])) == []
    assert findings(edit(MATCH, "sv", 2, SWAPPED)) == [
        ("name-substituted", [("sv", 2, "Fagerlund")], "Kastellan", "Fagerlund")]


def test_the_chance_word_alone_or_weaker_agreement_is_no_substitution():
    assert findings(edit(MATCH, "sv", 2, SWAPPED))  # (reported, as above)
    # the name dropped, nothing written in its place: kastade may be a spelling, said once
    assert findings(edit(MATCH, "sv", 2, "Domaren kastade ut tränaren före matchen.")) == []
    # three other translations only: their agreement is weak evidence
    few = {k: v for k, v in MATCH.items() if k != "id"}
    assert findings(edit(few, "sv", 2, SWAPPED)) == []
    # another translation lacks the name too
    texts = edit(MATCH, "sv", 2, SWAPPED)
    texts["hi"][1][1] = "रेफरी ने मैच से पहले कोच को बाहर निकाल दिया।"
    assert findings(texts) == []
