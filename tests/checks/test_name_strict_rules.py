"""The strict name vote's evidence rules one at a time: each test here fails when its rule
alone is taken out of ``audit/checks/names/strict.py`` (and passes with it), where the
whole-article tests of ``test_name_strict.py`` pass either way because another rule
covers the same case. Every fixture is built in memory: documents, facts and one link
per line."""
from checkctx import StrictMissing, StrictSubstituted, context, flagged, run


def texts_of(article: dict, lang: str | None = None, line: int = 0, text: str = "") -> dict:
    """``article`` as checkctx texts, with line ``line`` (1-based) of ``lang`` replaced by ``text``."""
    out = {code: (code, list(lines)) for code, lines in article.items()}
    if lang:
        out[lang][1][line - 1] = text
    return out


def findings(texts: dict) -> list[tuple]:
    """(code, flagged locations, expected, found) of both name checks' findings."""
    return [(f.check, flagged(f), f.expected, f.found)
            for check in (StrictMissing, StrictSubstituted) for f in run(check, context(texts))]


# Line 2 names the bear in sv and bn only; ms and hi say "he". Hindi spells the bear its own
# way, पैटिंगटन (key btntn, not bdntn), so its own spelling is unknown to the keys and only the
# looser tests read it. Its "पढ़ने" (reading, key bdn) is within two edits of Paddington's key,
# but its consonant skeleton (btn) is nothing like the name's (btnktn).
SLEEPER = {
    "sv": ["Björnen Paddington åt marmelad.", "Paddington sov i vagnen hela natten.", "Till sist vaknade Paddington."],
    "ms": ["Beruang Paddington makan marmalad.", "Dia tidur di dalam gerabak sepanjang malam.",
           "Akhirnya Paddington terjaga."],
    "bn": ["ভালুক প্যাডিংটন মারমালেড খেল।", "প্যাডিংটন সারা রাত বগিতে ঘুমাল।", "অবশেষে প্যাডিংটন জেগে উঠল।"],
    "hi": ["भालू पैटिंगटन ने मुरब्बा खाया।", "वह पढ़ने के बाद पूरी रात डिब्बे में सोया।", "आखिरकार पैटिंगटन जाग गया।"],
}


def test_a_word_near_the_name_by_key_but_not_by_consonant_skeleton_is_no_support():
    # (the rule: writes() gives 2, support, only where near_anywhere also holds)
    # two translations of four write the name on line 2: no strong vote against the Malay
    assert findings(texts_of(SLEEPER)) == []
    # ... but where the Hindi writes the bear there in its own spelling, three of four do
    got = findings(texts_of(SLEEPER, "hi", 2, "पैटिंगटन पढ़ने के बाद पूरी रात डिब्बे में सोया।"))
    assert got == [("name-missing", [("ms", 2, "")], "Paddington", None)]


# Line 2 names the bear in sv and bn only, and the town he left in all four. Hindi spells the
# bear पैडिंगटन wherever it names him (its own spelling, known); the town, written हन्टिन्गडन,
# comes near Paddington both by key (ntndn: loosely, tntn) and by consonant skeleton (ntnktn
# for btnktn), but is nothing like Hindi's own spelling of the bear.
TRAIN = {
    "sv": ["Björnen Paddington åt marmelad.", "Paddington tog tåget från Huntingdon.", "Till sist vaknade Paddington."],
    "ms": ["Beruang Paddington makan marmalad.", "Dia menaiki kereta api dari Huntingdon.",
           "Akhirnya Paddington terjaga."],
    "bn": ["ভালুক প্যাডিংটন মারমালেড খেল।", "প্যাডিংটন হান্টিংডন থেকে ট্রেনে উঠল।", "অবশেষে প্যাডিংটন জেগে উঠল।"],
    "hi": ["भालू पैडिंगटन ने मुरब्बा खाया।", "वह हन्टिन्गडन से ट्रेन में बैठा।", "आखिरकार पैडिंगटन जाग गया।"],
}


def test_a_word_near_the_others_spelling_is_no_support_from_a_translation_that_spells_the_name_otherwise():
    # (the rule: a supporter's 2 falls to 1 where its own known spelling is not written here)
    assert findings(texts_of(TRAIN)) == []
    # ... where the Hindi writes its own spelling of the bear on line 2, the Malay alone lacks him
    got = findings(texts_of(TRAIN, "hi", 2, "पैडिंगटन हन्टिन्गडन से ट्रेन में बैठा।"))
    assert got == [("name-missing", [("ms", 2, "")], "Paddington", None)]


# Karin Lund is named once. "Lund" is also a Swedish word (a grove; Zipf 4.7, above
# strict_once_zipf), so the said-once rule leaves it alone: only the rest of the name written
# here (Karin) shows that a translation rendered the name on this line and dropped Lund.
GOAL = {
    "sv": ["Laget från Malmö vann finalen mot Kalmar.", "Målet gjordes av Karin Lund efter tio minuter.",
           "Tränaren Mikael Sandberg var nöjd."],
    "ms": ["Pasukan dari Malmö memenangi final menentang Kalmar.",
           "Gol itu dijaringkan oleh Karin Lund selepas sepuluh minit.", "Jurulatih Mikael Sandberg berpuas hati."],
    "bn": ["মালমোর দল কালমারের বিরুদ্ধে ফাইনাল জিতেছে।", "দশ মিনিট পরে কারিন লুন্ড গোলটি করেন।",
           "কোচ মিকায়েল সান্ডবার্গ সন্তুষ্ট ছিলেন।"],
    "hi": ["माल्मो की टीम ने कालमार के खिलाफ फाइनल जीता।", "दस मिनट बाद करिन लुंड ने गोल किया।",
           "कोच मिकाएल सैंडबर्ग संतुष्ट थे।"],
    "ar": ["فاز فريق مالمو بالنهائي على كالمار.", "سجلت كارين لوند الهدف بعد عشر دقائق.",
           "كان المدرب ميكائيل ساندبيرغ راضيا."],
}


def test_the_rest_of_a_name_written_beside_a_misspelling_of_the_missing_word_is_no_drop():
    assert findings(texts_of(GOAL)) == []
    # the Malay writes Karin and nothing of Lund: rendered here, Lund dropped
    got = findings(texts_of(GOAL, "ms", 2, "Gol itu dijaringkan oleh Karin selepas sepuluh minit."))
    assert got == [("name-missing", [("ms", 2, "")], "Karin Lund", None)]
    # "Lud" (key ld, one edit from Lund's lnd) is a misspelling of the name, which the keys and
    # skeletons miss (a dropped letter of a short key): the name is written, misspelt
    assert findings(texts_of(GOAL, "ms", 2, "Gol itu dijaringkan oleh Karin Lud selepas sepuluh minit.")) == []


# Kowalski is named once; Zorant is a name of the article (Zorant, জোরান্ট, ज़ोरांट, زورانت).
# Hindi करंट ("electric current", a word of the language) has Zorant's key (krnt), but its
# consonant skeleton (krnt) is nothing like Zorant's (srnt).
SHOCK = {
    "sv": ["Tränaren Steve Zorant berömde laget i går.", "Elektrikern Kowalski fick en stöt när strömmen kom tillbaka.",
           "Zorant tackade publiken."],
    "ms": ["Jurulatih Steve Zorant memuji pasukan semalam.",
           "Juruelektrik Kowalski terkena renjatan apabila bekalan elektrik pulih.",
           "Zorant berterima kasih kepada penonton."],
    "bn": ["কোচ স্টিভ জোরান্ট গতকাল দলের প্রশংসা করেন।", "বিদ্যুৎ ফিরে এলে ইলেকট্রিশিয়ান কোয়ালস্কি শক খান।",
           "জোরান্ট দর্শকদের ধন্যবাদ জানান।"],
    "hi": ["कोच स्टीव ज़ोरांट ने कल टीम की तारीफ की।", "बिजली लौटने पर इलेक्ट्रीशियन कोवाल्स्की को झटका लगा।",
           "ज़ोरांट ने दर्शकों को धन्यवाद दिया।"],
    "ar": ["أشاد المدرب ستيف زورانت بالفريق أمس.", "تعرض الكهربائي كوالسكي لصدمة عندما عاد التيار.", "شكر زورانت الجمهور."],
}


def test_a_caseless_word_that_shares_a_names_key_by_chance_replaces_no_name():
    assert findings(texts_of(SHOCK)) == []
    # a name said once needs a swap's two halves in a caseless translation: Zorant, transliterated
    # near its skeleton, where the others name Kowalski
    got = findings(texts_of(SHOCK, "hi", 2, "बिजली लौटने पर इलेक्ट्रीशियन ज़ोरान्ट को झटका लगा।"))
    assert got == [("name-substituted", [("hi", 2, "ज़ोरान्ट")], "Kowalski", "ज़ोरान्ट")]
    # ... but "got a current" (को करंट लगा, the Hindi idiom for a shock) names nobody in his place:
    # Kowalski, said once and written by its key by every other translation, is dropped
    assert findings(texts_of(SHOCK, "hi", 2, "बिजली लौटने पर इलेक्ट्रीशियन को करंट लगा।")) == \
        [("name-missing", [("hi", 2, "")], "Kowalski", None)]
