"""The strict vote's guards on its caseless relaxations (issue 13, session 12): where a caseless
translation writes the name beyond the keys (cut short, split by a joiner), translates a name
of several words whole, or spells out an acronym, it has dropped nothing; a cased word that is
another name of the article is no short spelling of this one."""
from checkctx import edited as edit
from checkctx import strict_name_findings as findings


# The coach is named on every line, by every translation.
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


def test_a_caseless_translation_that_writes_the_name_cut_short_has_not_dropped_it():
    # फागर: the first syllables of its own फागरलुंड (key bkr, the name's bkrlnd cut short)
    assert findings(edit(COACH, "hi", 2, "कोच फागर ने मैच के बाद टीम की तारीफ़ की।")) == []
    # the same line with the name gone is still a drop
    assert findings(edit(COACH, "hi", 2, "कोच ने मैच के बाद खिलाड़ियों की तारीफ़ की।")) == \
        [("name-missing", [("hi", 2, "")], "Fagerlund", None)]


# The coach is named once, on line 2, by every translation, with his first name.
ONCE = {
    "sv": ["Laget spelade en match i går.", "Tränaren Gunnar Fagerlund berömde spelarna efter matchen.",
           "Nästa match spelas på söndag."],
    "ms": ["Pasukan itu bermain satu perlawanan semalam.",
           "Jurulatih Gunnar Fagerlund memuji para pemain selepas perlawanan.", "Perlawanan seterusnya pada hari Ahad."],
    "bn": ["দলটি গতকাল একটি ম্যাচ খেলেছে।", "কোচ গুনার ফাগারলুন্ড ম্যাচের পরে খেলোয়াড়দের প্রশংসা করেছেন।",
           "পরের ম্যাচ রবিবার।"],
    "hi": ["टीम ने कल एक मैच खेला।", "कोच गुनार फागरलुंड ने मैच के बाद टीम की तारीफ़ की।", "अगला मैच रविवार को है।"],
}


def test_a_caseless_translation_that_writes_no_word_of_a_name_said_once_may_have_translated_it():
    # neither word written: a title translated whole is as likely as a name dropped
    assert findings(edit(ONCE, "hi", 2, "कोच ने मैच के बाद टीम की तारीफ़ की।")) == []
    # the first name written and the surname not: the surname is dropped
    assert findings(edit(ONCE, "hi", 2, "कोच गुनार ने मैच के बाद टीम की तारीफ़ की।")) == \
        [("name-missing", [("hi", 2, "")], "Gunnar Fagerlund", None)]


# The team's city is named on every line, by every translation.
CITY = {
    "sv": ["Laget kommer från Pittsburgh.", "Nästa år spelar laget i Pittsburgh igen.", "Pittsburgh bygger en ny arena."],
    "id": ["Tim itu berasal dari Pittsburgh.", "Tahun depan tim itu bermain di Pittsburgh lagi.",
           "Pittsburgh membangun arena baru."],
    "ms": ["Pasukan itu berasal dari Pittsburgh.", "Tahun depan pasukan itu bermain di Pittsburgh lagi.",
           "Pittsburgh membina arena baharu."],
    "bn": ["দলটি পিটসবার্গ থেকে এসেছে।", "আগামী বছর দলটি আবার পিটসবার্গ শহরে খেলবে।", "পিটসবার্গ একটি নতুন স্টেডিয়াম বানাচ্ছে।"],
    "hi": ["टीम पिट्सबर्ग से है।", "अगले साल टीम फिर पिट्सबर्ग में खेलेगी।", "पिट्सबर्ग एक नया स्टेडियम बना रहा है।"],
}


def test_a_caseless_translation_whose_joiner_splits_the_name_has_not_dropped_it():
    # a zero-width non-joiner inside its own পিটসবার্গ makes two tokens, bt and sbrk, near the
    # name only as a pair: not a chance word beside a dropped name
    assert findings(edit(CITY, "bn", 2, "আগামী বছর দলটি আবার পিট্\u200cসবার্গ শহরে খেলবে।")) == []
    assert findings(edit(CITY, "bn", 2, "আগামী বছর দলটি আবার অন্য শহরে খেলবে।")) == \
        [("name-missing", [("bn", 2, "")], "Pittsburgh", None)]


CYTOKINES = {
    "sv": ["Studien mätte blodvärden.", "Patienterna hade höga nivåer av TNFα i blodet.", "Resultaten publiceras i maj."],
    "ms": ["Kajian itu mengukur nilai darah.", "Pesakit mempunyai tahap TNFα yang tinggi dalam darah.",
           "Keputusan akan diterbitkan pada bulan Mei."],
    "bn": ["গবেষণায় রক্তের মান মাপা হয়েছে।", "রোগীদের রক্তে TNFα এর মাত্রা বেশি ছিল।", "ফলাফল মে মাসে প্রকাশিত হবে।"],
    "hi": ["अध्ययन ने रक्त के मान मापे।", "मरीज़ों के रक्त में TNFα का स्तर ऊँचा था।", "परिणाम मई में प्रकाशित होंगे।"],
}


def test_an_acronym_with_a_tail_spelt_out_in_letter_names_is_no_dropped_name():
    assert findings(edit(CYTOKINES, "hi", 2, "मरीज़ों के रक्त में टी.एन.एफ.-अल्फा का स्तर ऊँचा था।")) == []


# The congresswoman is named on every line; line 2 also names Twitter, in every translation.
WATERS = {
    "sv": ["Waters talade i kammaren.", "Waters skrev ett inlägg på Twitter om saken.", "I dag svarade Waters igen."],
    "id": ["Waters berbicara di majelis.", "Waters menulis di Twitter tentang hal itu.", "Hari ini Waters menjawab lagi."],
    "ms": ["Waters berucap di dewan.", "Waters menulis di Twitter tentang perkara itu.", "Hari ini Waters menjawab lagi."],
    "bn": ["ওয়াটার্স কক্ষে বক্তৃতা দেন।", "ওয়াটার্স বিষয়টি নিয়ে টুইটারে লিখেছেন।", "আজ ওয়াটার্স আবার উত্তর দেন।"],
    "hi": ["वॉटर्स ने सदन में भाषण दिया।", "वॉटर्स ने इस बारे में ट्विटर पर लिखा।", "आज वॉटर्स ने फिर जवाब दिया।"],
}


def test_another_name_of_the_article_is_no_short_spelling_of_the_dropped_one():
    # Twitter (key tr) is Waters' own spelling (trs) less its last letter, but every translation
    # writes it here as a name of its own
    assert findings(edit(WATERS, "sv", 1, WATERS["sv"][0])) == []
    assert findings(edit(WATERS, "ms", 2, "Dia menulis di Twitter tentang perkara itu.")) == \
        [("name-missing", [("ms", 2, "")], "Waters", None)]


MEDALS = {
    "sv": ["Tränaren Fagerlund ledde laget i tio år.", "Han vann två olympiska medaljer i Tokyo.",
           "Nästa säsong börjar i april."],
    "ms": ["Jurulatih Fagerlund memimpin pasukan itu selama sepuluh tahun.",
           "Dia memenangi dua pingat Olimpik di Tokyo.", "Musim depan bermula pada bulan April."],
    "bn": ["কোচ ফাগারলুন্ড দশ বছর দলটির নেতৃত্ব দিয়েছেন।", "তিনি টোকিওতে দুটি অলিম্পিক পদক জিতেছেন।",
           "পরের মৌসুম এপ্রিলে শুরু হবে।"],
    "hi": ["कोच फागरलुंड ने दस साल तक टीम का नेतृत्व किया।", "उन्होंने टोक्यो में दो ओलिम्पिक पदक जीते।",
           "अगला सत्र अप्रैल में शुरू होगा।"],
    "mr": ["प्रशिक्षक फागरलुंड यांनी दहा वर्षे संघाचे नेतृत्व केले.", "त्यांनी टोकियोमध्ये दोन ऑलिम्पिक पदके जिंकली.",
           "पुढील हंगाम एप्रिलमध्ये सुरू होईल."],
}


def test_an_added_name_is_read_only_in_a_caseless_language_with_a_frequency_list():
    # Hindi (wordfreq has a list): the coach's name where the others write the Olympic medals
    assert findings(edit(MEDALS, "hi", 2, "उन्होंने टोक्यो में दो फागरलुंड पदक जीते।")) == \
        [("name-substituted", [("hi", 2, "फागरलुंड")], "Olimpik", "फागरलुंड")]
    # Marathi (no list): a word that shares a name's key may be any common word; no finding
    assert findings(edit(MEDALS, "mr", 2, "त्यांनी टोकियोमध्ये दोन फागरलुंड पदके जिंकली.")) == []


# The chancellor is named on line 1; line 2 names the country she leads, each translation by
# its own CLDR name for it (Tyskland, Jerman, জার্মানি, जर्मनी): no one key is shared.
VISIT = {
    "sv": ["I går talade Merkel i parlamentet.", "Presidenten besökte Tyskland i maj.", "Besöket varade i tre dagar."],
    "id": ["Kemarin Merkel berbicara di parlemen.", "Presiden mengunjungi Jerman pada bulan Mei.",
           "Kunjungan itu berlangsung tiga hari."],
    "ms": ["Semalam Merkel berucap di parlimen.", "Presiden melawat Jerman pada bulan Mei.",
           "Lawatan itu berlangsung selama tiga hari."],
    "bn": ["মার্কেল গতকাল সংসদে বক্তৃতা দেন।", "রাষ্ট্রপতি মে মাসে জার্মানি সফর করেন।", "সফরটি তিন দিন চলে।"],
    "hi": ["मर्केल ने कल संसद में भाषण दिया।", "राष्ट्रपति ने मई में जर्मनी का दौरा किया।", "यह दौरा तीन दिन चला।"],
}


def test_a_capital_written_for_its_country_is_no_substitution():
    """A capital (or a government) written for its country is a faithful rendering, and the
    others each write the country in their own words (no key shared): nothing is reported."""
    capital = {lang: [lines[0].replace(".", f" {city}.", 1).replace("।", f" {city}।", 1), *lines[1:]]
               for (lang, lines), city in zip(VISIT.items(), ["i Berlin", "di Berlin", "di Berlin", "বার্লিনে",
                                                            "बर्लिन में"])}
    assert findings(edit(capital, "sv", 3, capital["sv"][2])) == []
    assert findings(edit(capital, "sv", 2, "Presidenten besökte Berlin i maj.")) == []


def test_a_caseless_translation_is_not_read_as_swapping_a_country_for_a_name():
    # a caseless script writes countries with endings CLDR lacks and has no capitals to show a
    # name: the same swap in Hindi is left alone
    assert findings(edit(VISIT, "hi", 2, "राष्ट्रपति ने मई में मर्केल का दौरा किया।")) == []

