"""The strict vote's caseless guards read narrowly (issue 13, session 13): a name said once that a
caseless translation drops is not excused by a chance word whose key is an edit from its key (a
common word of the language, another first letter, two common words run together); and the places where the article
says a name are those where the other translations write it, not where one of them writes another
word of its key."""
from checkctx import edited as edit
from checkctx import strict_name_findings as findings


# A doctor named once, on line 2, by every translation.
DOCTOR = {
    "sv": ["Sjukhuset öppnade en ny avdelning i går.", "Läkaren Megan talade med patienterna på morgonen.",
           "Avdelningen har tjugo sängar."],
    "ms": ["Hospital itu membuka wad baharu semalam.", "Doktor Megan bercakap dengan pesakit pada waktu pagi.",
           "Wad itu mempunyai dua puluh katil."],
    "id": ["Rumah sakit itu membuka bangsal baru kemarin.", "Dokter Megan berbicara dengan pasien pada pagi hari.",
           "Bangsal itu memiliki dua puluh tempat tidur."],
    "bn": ["হাসপাতালটি গতকাল একটি নতুন ওয়ার্ড খুলেছে।", "ডাক্তার মেগান সকালে রোগীদের সঙ্গে কথা বলেছেন।",
           "ওয়ার্ডটিতে বিশটি শয্যা আছে।"],
    "hi": ["अस्पताल ने कल एक नया वार्ड खोला।", "डॉक्टर मेगन ने सुबह मरीज़ों से बात की।", "वार्ड में बीस बिस्तर हैं।"],
}


def test_a_common_word_an_edit_from_the_names_key_does_not_excuse_a_dropped_name():
    # মন ("mind", mn) is an edit from Megan's mkn, but a common word, no misspelling: the name is dropped
    assert findings(edit(DOCTOR, "bn", 2, "ডাক্তার সকালে মন দিয়ে রোগীদের কথা শুনেছেন।")) == \
        [("name-missing", [("bn", 2, "")], "Megan", None)]
    # a rare word an edit from its key may be the name written short (মেগ, mk): no drop
    assert findings(edit(DOCTOR, "bn", 2, "ডাক্তার মেগ সকালে রোগীদের সঙ্গে কথা বলেছেন।")) == []


# A spokeswoman named once, on line 2.
SPOKESWOMAN = {
    "sv": ["Ministeriet kallade hem sina diplomater.", "Talespersonen Nuort sade att besluten är slutgiltiga.",
           "Ambassaderna stängs i morgon."],
    "ms": ["Kementerian memanggil pulang diplomatnya.", "Jurucakap Nuort berkata keputusan itu muktamad.",
           "Kedutaan akan ditutup esok."],
    "id": ["Kementerian memanggil pulang para diplomatnya.", "Juru bicara Nuort mengatakan keputusan itu final.",
           "Kedutaan akan ditutup besok."],
    "hi": ["मंत्रालय ने अपने राजनयिकों को वापस बुलाया।", "प्रवक्ता नुऑर्ट ने कहा कि फ़ैसले अंतिम हैं।",
           "दूतावास कल बंद होंगे।"],
    "ar": ["استدعت الوزارة دبلوماسييها.", "وقالت المتحدثة نوورت إن القرارات نهائية.", "ستغلق السفارات غدا."],
}


def test_a_word_an_edit_from_the_name_with_another_first_letter_does_not_excuse_a_dropped_name():
    # وصرحت ("and she declared", srt) and القرارات ("the decisions", krt) are an edit from nrt
    # with another first letter: no misspelling of the name
    assert findings(edit(SPOKESWOMAN, "ar", 2, "وصرحت المتحدثة بأن القرارات نهائية.")) == \
        [("name-missing", [("ar", 2, "")], "Nuort", None)]


# A nurse named once, on line 2.
NURSE = {
    "sv": ["Kliniken fick nya apparater.", "Sjuksköterskan Kurt beskrev patientens tillstånd för läkarna.",
           "Apparaterna kom från Tyskland."],
    "ms": ["Klinik itu menerima peralatan baharu.", "Jururawat Kurt menerangkan keadaan pesakit kepada doktor.",
           "Peralatan itu datang dari Jerman."],
    "id": ["Klinik itu menerima peralatan baru.", "Perawat Kurt menjelaskan kondisi pasien kepada para dokter.",
           "Peralatan itu berasal dari Jerman."],
    "bn": ["ক্লিনিকটি নতুন যন্ত্রপাতি পেয়েছে।", "নার্স কুর্ট চিকিৎসকদের রোগীর অবস্থা জানিয়েছেন।",
           "যন্ত্রপাতিগুলো জার্মানি থেকে এসেছে।"],
    "hi": ["क्लिनिक को नए उपकरण मिले।", "नर्स कर्ट ने डॉक्टरों को मरीज़ की हालत बताई।", "उपकरण जर्मनी से आए।"],
}


def test_two_common_words_run_together_do_not_excuse_a_dropped_name():
    # की स्थिति ("the state of", k + st) runs together an edit from Kurt's krt: two common words, by chance
    assert findings(edit(NURSE, "hi", 2, "नर्स ने डॉक्टरों को मरीज़ की स्थिति बताई।")) == \
        [("name-missing", [("hi", 2, "")], "Kurt", None)]


# A state named on lines 1, 2 and 4; on line 3 the Swedish title capitalises a word of the same key.
STATE = {
    "sv": ["Regnet når Arizona på måndag.", "Floderna i Arizona stiger snabbt.", "Stormen Orkan Rosa Hotar Städerna",
           "Skolor i Arizona stänger på tisdag.", "Torkan har varat i flera år."],
    "ms": ["Hujan sampai ke Arizona pada hari Isnin.", "Sungai di Arizona naik dengan cepat.",
           "Ribut Rosa mengancam bandar-bandar", "Sekolah di Arizona ditutup pada hari Selasa.",
           "Kemarau telah berlarutan bertahun-tahun."],
    "bn": ["সোমবার বৃষ্টি অ্যারিজোনায় পৌঁছাবে।", "অ্যারিজোনার নদীগুলো দ্রুত ফুলে উঠছে।", "ঝড় রোজা শহরগুলোকে হুমকি দিচ্ছে",
           "মঙ্গলবার অ্যারিজোনার স্কুল বন্ধ থাকবে।", "খরা কয়েক বছর ধরে চলছে।"],
    "hi": ["बारिश सोमवार को एरिजोना पहुँचेगी।", "एरिजोना की नदियाँ तेज़ी से बढ़ रही हैं।", "तूफ़ान रोज़ा शहरों को धमका रहा है",
           "मंगलवार को एरिजोना के स्कूल बंद रहेंगे।", "सूखा कई वर्षों से चल रहा है।"],
    "ar": ["يصل المطر إلى أريزونا يوم الاثنين.", "ترتفع الأنهار في أريزونا بسرعة.", "العاصفة روزا تهدد المدن",
           "تغلق المدارس في أريزونا يوم الثلاثاء.", "استمر الجفاف لسنوات."],
}


def test_a_place_where_only_one_translation_writes_another_word_of_the_names_key_is_no_place_of_the_name():
    # Orkan (rkn, as Arizona's) on line 3 is no mention of Arizona: the Arabic drop on line 4 is one
    # where the Arabic writes Arizona wherever else the others do
    assert findings(edit(STATE, "ar", 4, "تغلق المدارس يوم الثلاثاء.")) == \
        [("name-missing", [("ar", 4, "")], "Arizona", None)]


# The caseless misspelling guard (_unlike) reads a translation's transliteration of the name as the
# name (reviewer's item 1): keys drop a Latin W and keep Devanagari व as b, so the first letters of
# the two keys differ; and a famous name is a common word of the language. Invented sentences.
def _unlike_in(name: str, lang: str, text: str) -> bool:
    from audit.checks.names.common import word_keys
    from audit.checks.names.strict import _unlike
    from audit.checks.names.strict_words import Word
    from audit.extract.text import phonetic_key

    return _unlike(Word(1, 0, len(name), name, phonetic_key(name)), word_keys(text, lang), lang)


def test_a_w_name_written_with_a_v_letter_is_the_name_written():
    # Wendal (ndl) written वेंडल (bndl): one letter more in front, no other first letter
    assert not _unlike_in("Wendal", "hi", "डॉक्टर वेंडल ने सुबह मरीज़ों से बात की।")
    assert not _unlike_in("Wolberg", "hi", "प्रवक्ता वॉलबर्ग ने कहा कि फ़ैसले अंतिम हैं।")


def test_a_famous_name_that_is_a_common_word_is_the_name_written():
    # फेसबुक (bsbk) for Facebook (bkbk): a common Hindi word, within the name's consonant skeleton
    assert not _unlike_in("Facebook", "hi", "उसने कल फेसबुक पर एक संदेश लिखा।")
    # the common words an edit from a name's key are still no spelling of it
    assert _unlike_in("Megan", "bn", "ডাক্তার সকালে মন দিয়ে রোগীদের কথা শুনেছেন।")
