"""number-mismatch, number-missing, date-mismatch on facts and links given directly.

Each case is one linked paragraph per language (no disk, no grouping, no alignment):
legitimate renderings real translations use must give nothing, a clear-cut edit must
still be found.
"""
import pytest

from audit.checks import REGISTRY
from audit.checks.base import GroupContext
from audit.extract import extract_facts
from audit.model import Alignment, Document, Group, Link, Paragraph

CHECKS = {c.code: c() for c in REGISTRY}


def run_check(code: str, texts: dict[str, str]):
    """Findings of ``code`` when each language's text translates the others' (one link)."""
    docs = {lang: Document(lang, f"{lang}.txt", lang, 1.0, "", (Paragraph(0, 1, 1, text),)) for lang, text in texts.items()}
    ids = tuple(sorted(docs))
    ctx = GroupContext(Group("g", ids, 1.0), docs, Alignment("g", ids[0], (Link(tuple((d, (0,)) for d in ids), 1.0),)),
                       {d: [extract_facts(docs[d].paragraphs[0].text, d)] for d in ids}, 0.5)
    return list(CHECKS[code].run(ctx))


def flagged(findings):
    return sorted((loc.document, loc.evidence) for f in findings for loc in f.locations if loc.role == "flagged")


MILES = {"bn": "ঝড়টি সীমান্ত থেকে 40 মাইল দূরে ছিল।", "hi": "तूफ़ान सीमा से 40 मील दूर था।",
         "ms": "Ribut itu 40 batu dari sempadan."}


@pytest.mark.parametrize("sv", ["Stormen var 65 km från gränsen.", "Stormen var 64 kilometer från gränsen."])
def test_a_converted_unit_is_the_same_number(sv):
    assert run_check("number-mismatch", {**MILES, "sv": sv}) == []
    assert run_check("number-missing", {**MILES, "sv": sv}) == []


def test_a_changed_number_with_a_metric_unit_is_still_a_mismatch():
    got = run_check("number-mismatch", {**MILES, "sv": "Stormen var 95 km från gränsen."})
    assert [(f.expected, f.found) for f in got] == [(40, 95)] and flagged(got) == [("sv", "95")]


@pytest.mark.parametrize("lang, text", [("sv", "Mötet är planerat till 19:00 på lördag."),
                                        ("ar", "الاجتماع مقرر في الساعة 19:00 يوم السبت")])
def test_a_24_hour_clock_time_is_the_same_hour(lang, text):
    others = {"bn": "সভাটি শনিবার সন্ধ্যা 7 টায় হবে।", "hi": "बैठक शनिवार शाम 7 बजे होगी।", "ms": "Mesyuarat pada pukul 7 malam Sabtu."}
    assert run_check("number-mismatch", {**others, lang: text}) == []


def test_a_clock_time_is_one_number_not_two():
    assert [f.value for f in extract_facts("هو 5:30 مساءً يوم السبت", "ar").numbers] == [5.3]


PUPILS = {"bn": "20,000 জন শিক্ষার্থীর জরিপ", "hi": "20,000 विद्यार्थियों का सर्वेक्षण", "sv": "en undersökning av 20 000 elever"}


def test_the_other_separator_convention_is_the_same_number():
    assert run_check("number-mismatch", {**PUPILS, "ar": "استطلاع شمل 20.000 تلميذ"}) == []


def test_a_changed_number_in_the_other_convention_is_a_mismatch():
    got = run_check("number-mismatch", {**PUPILS, "ar": "استطلاع شمل 30.000 تلميذ"})
    assert flagged(got) == [("ar", "30.000")]


def test_codes_are_facts_of_their_own():
    base = {"sv": "Namnen COVID-19 och SARS-CoV-2 gavs i februari.", "fr": "Les noms COVID-19 et SARS-CoV-2 ont été donnés.",
            "ms": "Nama COVID-19 dan SARS-CoV-2 diberikan pada Februari."}
    assert [f.value for f in extract_facts(base["sv"], "sv").numbers] == ["#19", "#2"]
    assert run_check("number-missing", {**base, "fa": "نام‌های کووید و سارس در فوریه داده شد."}) == []
    got = run_check("number-mismatch", {**base, "sw": "Majina rasmi COVID-19 na SARS-CoV-12 yalitolewa."})
    assert [(f.expected, f.found) for f in got] == [("#2", "#12")]


EIGHT = {"ar": "قتل 8 أشخاص في الهجوم", "hi": "हमले में 8 लोग मारे गए", "sv": "8 personer dödades i attacken"}


@pytest.mark.parametrize("lang, text", [
    ("ms", "Serangan itu membunuh lapan orang"),  # the Malay word, not the Indonesian delapan
    ("bn", "হামলায় আটজনকে হত্যা করা হয়েছে"),  # classifier and case ending glued to the word
    ("ru", "Нападение унесло жизни восьми человек"),  # a declined number word
    ("ta", "தாக்குதலில் எட்டு பேர் கொல்லப்பட்டனர்"),
    ("sw", "Watu wanane waliuawa katika shambulio hilo"),  # the agreement prefix
])
def test_a_number_written_in_a_form_of_its_own_is_not_missing(lang, text):
    assert run_check("number-missing", {**EIGHT, lang: text}) == []


def test_a_dropped_age_is_still_missing():
    ages = {"ar": "قال جوسي تانيفسكي، 62 عاما، وهو ناخب", "hi": "62 वर्षीय मतदाता जोसे तनेव्स्की ने कहा",
            "sv": "sa Gjose Tanevski, 62, en väljare", "bn": "একজন ভোটার জোসে তেনেভস্কি বলেছেন।"}
    got = run_check("number-missing", ages)
    assert [(f.expected, f.documents) for f in got] == [(62, ("bn",))]
    assert got[0].severity == "warning"


@pytest.mark.parametrize("lang, text", [
    ("ar", "وحصل على 18 فوزًا و20 خسارة"),  # a clitic glued to the digits
    ("sv", "De hade en sexpoängsledning och 18 segrar och 20 förluster"),  # digits, and a compound
])
def test_digits_glued_to_a_clitic_are_not_missing(lang, text):
    others = {"hi": "उनकी 18 जीत और 20 हार हैं", "ms": "Dia ada 18 kemenangan dan 20 kekalahan", "bn": "তার 18টি জয় ও 20টি হার"}
    assert run_check("number-missing", {**others, lang: text}) == []


def test_a_dropped_conversion_in_brackets_is_not_missing():
    others = {"bn": "বিমানটি 30 মিটার (100 ফুট) জলে ডুবে যায়", "hi": "विमान 30 मीटर (100 फ़ीट) पानी में डूब गया",
              "ar": "غرقت الطائرة في 30 مترًا (100 قدم) من الماء"}
    assert run_check("number-missing", {**others, "sv": "planet sjönk i det 30 meter djupa vattnet"}) == []


def test_100_percent_certain_rendered_as_completely_sure_is_not_missing():
    others = {"ar": "إنها متأكدة 100 بالمائة", "ms": "dia 100 peratus pasti", "bn": "তিনি 100 শতাংশ নিশ্চিত"}
    assert run_check("number-missing", {**others, "hi": "वह पूरी तरह से सुनिश्चित है"}) == []


def test_an_abbreviated_year_range_is_the_full_range():
    assert [f.value for f in extract_facts("pandemi 2019-20", "id").numbers] == [(2019, 2020)]
    assert [f.value for f in extract_facts("پاندمی 20-2019", "fa").numbers] == [(2019, 2020)]
    others = {"ar": "جائحة 2019-20", "ru": "пандемия 2019–20", "sw": "janga la 2019-20"}
    assert run_check("number-missing", {**others, "id": "pandemi 2019-2020"}) == []


def test_billion_written_as_million_is_an_error():
    others = {"ar": "بلغ حجم المبيعات أكثر من 9 مليارات جنيه", "hi": "कुल कारोबार 9 बिलियन पाउंड है", "ms": "jumlah jualan 9 bilion paun"}
    got = run_check("number-mismatch", {**others, "bn": "যার যৌথ টার্নওভার 9 মিলিয়ন পাউন্ড"})
    assert [(f.expected, f.found) for f in got] == [(9 * 10**9, 9 * 10**6)]


@pytest.mark.parametrize("text, values", [
    ("mellan fem och tio procent", [(5, 10)]),  # a range, not 15
    ("पहले दस नमूने", [10]),  # "the first ten", not 11
    ("في سن الثالثة عشرة", [13]),  # an Arabic teen ordinal
    ("每 10 万名患者", [100000]),  # a Chinese magnitude after a space
    ("含 2.6 至 3.2 万个碱基", [(26000, 32000)]),
])
def test_spelled_numbers_are_read_as_one_value(text, values):
    lang = {"m": "sv", "प": "hi", "ف": "ar", "每": "zh", "含": "zh"}[text[0]]
    assert [f.value for f in extract_facts(text, lang).numbers] == values


DEC = {"ar": "أول حالة في 1 ديسمبر 2019", "ru": "первый случай 1 декабря 2019 года", "sw": "kisa cha kwanza tarehe 1 Desemba 2019"}


def test_a_date_one_side_read_without_its_day_is_not_a_mismatch():
    assert run_check("date-mismatch", {**DEC, "pt": "o primeiro caso em 1º de dezembro de 2019"}) == []


def test_a_day_only_one_translation_reads_is_no_disagreement_among_many():
    """The others write the day in words they do not read ("the 19th day of March"): no 'no majority'."""
    texts = {"fr": "fait ce dix-neuvième jour de mars 2020", "hi": "मार्च 2020 के उन्नीसवें दिन",
             "sw": "siku ya kumi na tisa ya Machi 2020", "ar": "في هذا التاريخ 19 مارس 2020",
             # and translations that give no date a reader can take (so no side has a majority)
             "es": "firmado en el día de hoy", "pt": "assinado no dia de hoje", "id": "ditandatangani hari ini",
             "ms": "ditandatangani pada hari ini"}
    assert run_check("date-mismatch", texts) == []
    # a day that really differs is still a mismatch beside month-only readings
    got = run_check("date-mismatch", {**texts, "ru": "подписано 20 марта 2020 года"})
    assert got and all(f.check == "date-mismatch" for f in got)


def test_a_changed_month_is_still_a_date_mismatch():
    got = run_check("date-mismatch", {**DEC, "ur": "پہلا کیس 1 جون 2019 کو"})
    assert flagged(got) == [("ur", "1 جون 2019")]


def test_a_persian_prefix_is_not_the_month_may():
    assert extract_facts("کووید-19 می‌توان", "fa").dates == ()


def test_a_dropped_range_is_one_finding():
    others = {"ar": "يتوقع هطول 3 إلى 6 بوصات من الأمطار", "hi": "3 से 6 इंच बारिश की उम्मीद है", "ms": "hujan 3 hingga 6 inci dijangka"}
    got = run_check("number-missing", {**others, "bn": "বৃষ্টিপাতের সম্ভাবনা রয়েছে"})
    assert len(got) == 1 and got[0].documents == ("bn",)


@pytest.mark.parametrize("text, lang", [("کوروناوائرس دوباره پھیلنے", "ur"), ("وأول عشر عينات", "ar")])
def test_words_that_only_look_like_numerals_are_not_summed(text, lang):
    assert all(f.value not in (14, 11) for f in extract_facts(text, lang).numbers)


def test_a_small_number_most_translations_spell_out_is_not_reported_missing():
    # "more than triple", "under-fives", "these four": spelled numbers are rendered, not dropped, too often
    others = {"ar": "أكثر من ثلاثة أضعاف المعدل", "sw": "zaidi ya mara tatu", "ur": "تین گنا سے زیادہ"}
    assert run_check("number-missing", {**others, "pt": "mais do que triplica a taxa"}) == []


def test_a_chinese_pair_of_days_is_not_a_date_mismatch():
    others = {"fr": "les 3 et 4 février", "ru": "3 и 4 февраля", "sw": "tarehe 3 na 4 Februari"}
    assert run_check("date-mismatch", {**others, "zh": "于 2 月 3 日和 4 日撤回"}) == []


@pytest.mark.parametrize("lang, text", [("bn", "রবিবার সকাল সাড়ে ৯টার দিকে বিশৃঙ্খলা ছড়িয়ে পড়ে।"),
                                        ("de", "Die Unruhen brachen am Sonntag gegen halb 10 Uhr aus."),
                                        ("sv", "Oroligheterna bröt ut vid halv 10 på söndagen.")])
def test_a_clock_time_said_around_its_hour_is_not_a_mismatch(lang, text):
    others = {"ar": "اندلعت الفوضى حوالي الساعة 09:30 يوم الأحد", "hi": "रविवार को करीब 09:30 बजे गड़बड़ी हुई",
              "ms": "Gangguan berlaku kira-kira pukul 09:30 hari Ahad."}
    assert run_check("number-mismatch", {**others, lang: text}) == []


def test_a_changed_clock_time_is_still_a_mismatch():
    others = {"ar": "اندلعت الفوضى حوالي الساعة 09:30 يوم الأحد", "hi": "रविवार को करीब 09:30 बजे गड़बड़ी हुई",
              "ms": "Gangguan berlaku kira-kira pukul 09:30 hari Ahad."}
    got = run_check("number-mismatch", {**others, "sv": "Oroligheterna bröt ut vid 07:30 på söndagen."})
    assert flagged(got) == [("sv", "07:30")]


TARIFFS = {"ar": "بنود بقيمة 200 مليار دولار", "bn": "যার পরিমাণ প্রায় 200 বিলিয়ন ডলার", "ms": "kesan kepada $200 billion nilai item"}


@pytest.mark.parametrize("lang, text", [("hi", "200 डॉलर बिलियन तक के आइटम"), ("sv", "varor för 200 dollar miljarder")])
def test_a_magnitude_word_after_the_currency_word_is_the_same_number(lang, text):
    assert run_check("number-mismatch", {**TARIFFS, lang: text}) == []


def test_a_magnitude_word_after_the_currency_word_still_compares_the_value():
    got = run_check("number-mismatch", {**TARIFFS, "hi": "200 डॉलर मिलियन तक के आइटम"})
    assert [f.expected for f in got] == [200_000_000_000] and flagged(got) == [("hi", "200")]


KITS = {"ar": "أرسل 1.1 مليون مجموعة اختبار و6 ملايين قناع", "bn": "1.1 মিলিয়ন পরীক্ষার কিট, 6 মিলিয়ন ফেস মাস্ক",
        "hi": "11 लाख परीक्षण किट और 60 लाख मास्क भेजे"}


def test_nepali_lakh_is_a_magnitude():
    assert run_check("number-mismatch", {**KITS, "ne": "ज्याक मा ले 11 लाख परीक्षण किट, 60 लाख अनुहारको मास्क पठाए"}) == []


def test_a_changed_nepali_lakh_count_is_still_a_mismatch():
    got = run_check("number-mismatch", {**KITS, "ne": "ज्याक मा ले 11 लाख परीक्षण किट, 90 लाख अनुहारको मास्क पठाए"})
    assert [(f.expected, f.found) for f in got] == [(6_000_000, 9_000_000)] and flagged(got) == [("ne", "90 लाख")]


AGES = {"ar": "كانت حالتان فوق 60 عامًا، وحالتان بين 51 و60 عامًا، وحالة بين 41 و50 عامًا.",
        "bn": "দুজনের বয়স 60 বছরের বেশি, দুজন 51 এবং 60 বছর বয়সের মধ্যে এবং একজন 41-50 বছর বয়সী।",
        "es": "dos casos tenían más de 60 años, dos entre 51 y 60 años y uno entre 41 y 50 años."}


@pytest.mark.parametrize("lang, text", [("fr", "Le transport de biens essentiels était toujours autorisé."),
                                        ("sv", "Transporten av nödvändiga varor var fortfarande tillåten.")])
def test_a_linked_paragraph_sharing_none_of_the_numbers_is_another_sentence(lang, text):
    assert run_check("number-missing", {**AGES, lang: text}) == []


def test_one_dropped_number_beside_shared_ones_is_still_missing():
    got = run_check("number-missing", {**AGES, "fr": "deux cas avaient plus de 60 ans, deux entre 51 et 60 ans et un autre."})
    assert [f.expected for f in got] == [41]


FIG = {"ar": "ننتظر نتائج قاطعة بالدليل الملموس بنسبة 1% (الشكل 3).", "hi": "1% का अंतर अभी भी बड़ा है (चित्र 3)।",
       "fr": "un écart de 1 % reste important (Fig. 3).", "ru": "разница в 1 % все же велика (рис. 3)."}


@pytest.mark.parametrize("lang, text", [("id", "perbedaan 1% masih besar (Gambar 33)."), ("zh", "1% 的差异仍然是巨大的区别（图 33）。"),
                                        ("sw", "utofauti wa 1% bado ni tofauti kubwa (Fig.33)."), ("es", "una diferencia del 1 % es grande.")])
def test_a_figure_or_table_reference_is_not_a_fact(lang, text):
    assert run_check("number-mismatch", {**FIG, lang: text}) == []
    assert run_check("number-missing", {**FIG, lang: text}) == []


def test_a_changed_number_beside_a_figure_reference_is_still_a_mismatch():
    got = run_check("number-mismatch", {**FIG, "id": "perbedaan 7% masih besar (Gambar 3)."})
    assert [(f.expected, f.found) for f in got] == [(1, 7)]


GENOME = {"ar": "أكبر جينوم يبلغ من 26 إلى 32 كيلو قاعدة", "bn": "26 থেকে 32 কিলোবেসের বৃহত্তম জিনোম",
          "es": "el genoma más grande, de 26 a 32 kilobases"}


def test_kilobases_given_as_bases_are_the_same_number():
    assert run_check("number-mismatch", {**GENOME, "zh": "最大的基因组为 2.6 至 3.2 万个碱基"}) == []


def test_kilobases_given_as_a_thousand_times_too_many_kilobases_is_a_mismatch():
    got = run_check("number-mismatch", {**GENOME, "zh": "最大的基因组为 2.6 至 3.9 万个碱基"})
    assert len(got) == 1 and flagged(got)[0][0] == "zh"


@pytest.mark.parametrize("lang, text", [("sw", "jumla ya 2,240.191 walioambukizwa"), ("fa", "با دقت ۹۹/۹۸ درصد")])
def test_a_separator_slip_is_the_same_number(lang, text):
    others = {"sw": {"ar": "إجمالي 2,240,191 مصابًا", "bn": "মোট 2,240,191 জন আক্রান্ত", "fr": "au total 2 240 191 personnes infectées"},
              "fa": {"ar": "بدقة 99.98%", "bn": "99.98% নির্ভুলতার সাথে", "fr": "avec une précision de 99,98 %"}}[lang]
    assert run_check("number-mismatch", {**others, lang: text}) == []


def test_the_nepali_verb_is_not_the_number_six():
    others = {"ar": "الوباء منتشر في 15 دولة", "hi": "महामारी 15 देशों में फैली है", "fr": "l'épidémie touche 15 pays"}
    assert run_check("number-mismatch", {**others, "ne": "महामारी पन्ध्र देशमा फैलिएको छ"}) == []


def test_a_moved_decimal_point_is_still_a_mismatch():
    others = {"ar": "تأثر قرابة 1.716 مليار طالب", "fr": "environ 1,716 milliard d’apprenants", "sw": "takriban wanafunzi bilioni 1.716"}
    got = run_check("number-mismatch", {**others, "ru": "затронуло примерно 1716 миллиардов учеников"})
    assert [(f.expected, f.found) for f in got] == [(1_716_000_000, 1_716_000_000_000)]


def test_a_dropped_percentage_beside_a_code_is_still_missing():
    others = {"ar": "سارس-كوف وسارس كوف-2 متشابهان بنسبة 82%", "bn": "82% হোমোলজির কারণে SARS-CoV এবং SARS-CoV-2",
              "sw": "SARS-CoV na SARS-CoV-2 hufanana wa 82%"}
    got = run_check("number-missing", {**others, "mr": "सार्स-सीओव्ही आणि सार्स-सीओव्ही-२ खूपच समान आहे"})
    assert [f.expected for f in got] == [82]


def test_a_dropped_number_beside_one_in_the_other_separator_convention_is_still_missing():
    others = {"ar": "هاكاثون لمدة 48 ساعة شارك فيه أكثر من 42000 شخص", "fr": "un hackathon de 48 heures avec plus de 42 000 participants",
              "ru": "48-часовой марафон, в котором участвовали более 42 000 участников"}
    got = run_check("number-missing", {**others, "sw": "tukio la kutengeneza programu na washiriki zaidi ya 42.000."})
    assert [f.expected for f in got] == [48]


def test_a_translation_sharing_a_number_with_a_minority_is_still_compared():
    others = {"ar": "هاكاثون لمدة 48 ساعة شارك فيه أكثر من 42000 شخص", "fr": "un hackathon de 48 heures avec plus de 42 000 participants",
              "ru": "48-часовой марафон, в котором участвовали более 42 000 участников", "bn": "42.000-এর বেশি অংশগ্রহণকারী সহ 48 ঘন্টার হ্যাকাথন"}
    got = run_check("number-missing", {**others, "sw": "tukio la kutengeneza programu na washiriki 42.000 hivi."})
    assert [f.expected for f in got] == [48]


def test_a_nepali_magnitude_with_a_postposition_glued_is_read():
    others = {"ar": "أكثر من 50 مليون شخص و1.3 مليار", "bn": "50 মিলিয়নের বেশি মানুষ এবং 1.3 বিলিয়ন", "fr": "plus de 50 millions de personnes et 1,3 milliard"}
    assert run_check("number-mismatch", {**others, "ne": "500 लाखभन्दा बढी मानिस र 1.3 अरब मानिस"}) == []


@pytest.mark.parametrize("lang, text", [("fr", "la recombinaison a pu avoir lieu au sein d’une troisième espèce"),
                                        ("es", "la recombinación pudo ocurrir en una tercera especie")])
def test_an_ordinal_word_against_another_count_is_not_a_mismatch(lang, text):
    others = {"ar": "حدث التأشيب في 82 نوعًا", "bn": "82টি প্রজাতির মধ্যে পুনর্মিলন", "ru": "рекомбинация произошла у 82 видов"}
    assert run_check("number-mismatch", {**others, lang: text}) == []


def test_a_changed_cardinal_word_is_still_a_mismatch():
    others = {"ar": "هناك 7 سلالات معروفة", "fr": "7 souches sont connues", "ru": "известно 7 штаммов"}
    got = run_check("number-mismatch", {**others, "sw": "Aina sita za virusi zinajulikana"})
    assert [(f.expected, f.found) for f in got] == [(7, 6)]


def run_check_links(code: str, texts: dict[str, list[str]]):
    """Findings of ``code`` when line i of each language's paragraphs is linked to line i of the others."""
    docs = {lang: Document(lang, f"{lang}.txt", lang, 1.0, "", tuple(Paragraph(i, i + 1, i + 1, t) for i, t in enumerate(lines)))
            for lang, lines in texts.items()}
    ids = tuple(sorted(docs))
    n = len(next(iter(texts.values())))
    links = tuple(Link(tuple((d, (i,)) for d in ids), 1.0) for i in range(n))
    ctx = GroupContext(Group("g", ids, 1.0), docs, Alignment("g", ids[0], links),
                       {d: [extract_facts(p.text, d) for p in docs[d].paragraphs] for d in ids}, 0.5)
    return list(CHECKS[code].run(ctx))


ARTICLE = {"ar": ["توفي 62 شخصًا في 2019.", "أصيب 15 شخصًا.", "أغلقت 80 مدرسة.", "وصل 40 طبيبًا."],
           "bn": ["2019 সালে 62 জন মারা যান।", "15 জন আহত হন।", "80টি স্কুল বন্ধ হয়।", "40 জন চিকিৎসক আসেন।"],
           "ru": ["В 2019 году погибли 62 человека.", "Пострадали 15 человек.", "Закрыты 80 школ.", "Прибыли 40 врачей."]}


def test_a_translation_of_another_article_under_the_same_name_gives_no_number_findings():
    other = ["Le lavage des mains protège.", "Les chauves-souris sont des hôtes.", "Le pangolin est suspect.", "Il faut 3 mesures."]
    assert run_check_links("number-missing", {**ARTICLE, "fr": other}) == []
    assert run_check_links("number-mismatch", {**ARTICLE, "fr": other}) == []


def test_one_dropped_number_in_a_translation_of_the_article_is_still_missing():
    fr = ["En 2019, 62 personnes sont mortes.", "Des personnes ont été blessées.", "80 écoles ont fermé.", "40 médecins sont arrivés."]
    got = run_check_links("number-missing", {**ARTICLE, "fr": fr})
    assert [(f.expected, f.locations[0].line) for f in got] == [(15, 2)]


CLOCK = {"ar": "دقيقة صمت في الساعة 10:00 يوم 4 أبريل", "fr": "une minute de silence à 10:00 le 4 avril",
         "ru": "минута молчания в 10:00 4 апреля"}


def test_a_swahili_clock_time_is_the_same_time():
    assert run_check("number-missing", {**CLOCK, "sw": "muda wa ukimya saa 4:00 4 Aprili"}) == []
    assert run_check("number-mismatch", {**CLOCK, "sw": "muda wa ukimya saa 4:00 4 Aprili"}) == []


def test_a_swahili_clock_time_changed_is_still_a_mismatch():
    got = run_check("number-mismatch", {**CLOCK, "sw": "muda wa ukimya saa 7:00 4 Aprili"})
    assert flagged(got) == [("sw", "7:00")]


def test_a_swahili_clock_time_beside_the_same_count_is_the_same_time():
    # saa 4:00 equals the count 4 as a value: only "a time of day is not a count" makes it 10:00
    others = {"ar": "صمت في الساعة 10:00 لمدة 4 دقائق", "fr": "silence à 10:00 pendant 4 minutes", "ru": "молчание в 10:00 на 4 минуты"}
    assert run_check("number-missing", {**others, "sw": "ukimya saa 4:00 kwa dakika 4"}) == []
    assert run_check("number-mismatch", {**others, "sw": "ukimya saa 4:00 kwa dakika 4"}) == []


def test_a_swahili_clock_time_beside_a_changed_count_is_still_a_mismatch():
    others = {"ar": "صمت في الساعة 10:00 لمدة 4 دقائق", "fr": "silence à 10:00 pendant 4 minutes", "ru": "молчание в 10:00 на 4 минуты"}
    got = run_check("number-mismatch", {**others, "sw": "ukimya saa 4:00 kwa dakika 5"})
    assert [(f.expected, f.found) for f in got] == [(4, 5)] and flagged(got) == [("sw", "5")]


def test_a_clock_time_written_with_a_dot_elsewhere_is_the_same_time():
    others = {"bn": "শনিবার বিকেল 5.30 হলো আদর্শ", "hi": "शनिवार शाम 5.30 बजे है", "ms": "pukul 5.30pm pada hari Sabtu",
              "sv": "klockan 17.30 på en lördag"}
    assert run_check("number-mismatch", {**others, "ar": "الوقت المثالي هو 5:30 مساءً يوم السبت"}) == []
