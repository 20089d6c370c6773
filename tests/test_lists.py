"""List extraction (audit/extract/lists.py) and the list checks, run on facts and
links given directly: paragraphs line by line, no disk and no grouping."""
import gc
import time

import pytest

from audit.checks.base import GroupContext
from audit.checks.list_duplicate import ListDuplicate
from audit.checks.list_mismatch import ListMismatch
from audit.extract import ParagraphFacts, extract_facts
from audit.extract.lists import extract_lists
from audit.languages import language_script
from audit.model import Alignment, Document, Group, Link, Paragraph


def context(docs: dict[str, tuple[str, list[str]]], lists_only: bool = False) -> GroupContext:
    """doc id -> (language, paragraphs); paragraph i of each translates paragraph i of the others.
    ``lists_only``: only the list extractor runs (the other extractors' time is theirs)."""
    documents, facts = {}, {}
    for d, (lang, paras) in docs.items():
        ps = tuple(Paragraph(i, i + 1, i + 1, t) for i, t in enumerate(paras))
        documents[d] = Document(d, f"{d}.txt", lang, 1.0, language_script(lang), ps)
        facts[d] = [ParagraphFacts((), (), (), (), tuple(extract_lists(t, lang))) if lists_only else
                    extract_facts(t, lang) for t in paras]
    n = max(len(p) for _, p in docs.values())
    links = tuple(Link(tuple((d, (i,) if i < len(docs[d][1]) else ()) for d in sorted(docs)), 1.0) for i in range(n))
    group = Group("g1", tuple(sorted(docs)), 1.0)
    return GroupContext(group, documents, Alignment("g1", sorted(docs)[0], links), facts, 0.5)


def run(check, docs, lists_only=False):
    return list(check.run(context(docs, lists_only)))


def timed(fn, text, *args) -> float:
    """The best of five runs (a loaded machine only ever slows a run down), each on a
    text no cache has seen, with the garbage collector (whose passes grow with the
    heap, not with the input) held off."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for n in range(5):
            fresh = f"{n} {text}"
            start = time.process_time()
            fn(fresh, *args)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


# --- linear time (issue 18) -------------------------------------------------------------

SHAPES = {
    "spaces": lambda n: "a" + " " * n + "b",
    "spaces and commas": lambda n: " ," * (n // 2),
    "commas": lambda n: "," * n,
    "one name repeated": lambda n: ", ".join(["Lang Son"] * (n // 10)),
    "conjunctions": lambda n: "A and " * (n // 6),
    "arabic separators": lambda n: "لانج سون، و" * (n // 11),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_list_extraction_is_linear_in_paragraph_length(shape, lang):
    make = SHAPES[shape]
    small, large = make(20_000), make(40_000)
    extract_lists(make(1000), lang)  # data files loaded
    for _ in range(3):  # another process may slow one measurement down; a quadratic step fails every time
        t1, t2 = timed(extract_lists, small, lang), timed(extract_lists, large, lang)
        if t2 <= 2.5 * t1 + 0.03:
            break
    assert t2 <= 2.5 * t1 + 0.03, (shape, lang, t1, t2)


def test_a_paragraph_of_150000_spaces_between_commas_takes_well_under_a_second():
    text = "Lang Son" + " " * 150_000 + ", Cao Bang, " + " " * 150_000 + "Ha Giang"
    start = time.process_time()
    got = extract_lists(text, "sv")
    assert time.process_time() - start < 2.0
    assert [f.members for f in got] == [("Lang Son", "Cao Bang", "Ha Giang")]


# --- list-duplicate ---------------------------------------------------------------------

def test_a_member_listed_15000_times_is_one_finding_with_a_count_and_few_locations():
    text = ", ".join(["Lang Son"] * 15_000) + "."
    start = time.process_time()
    got = run(ListDuplicate(), {"sv": ("sv", [text])}, lists_only=True)
    assert time.process_time() - start < 3
    assert len(got) == 1
    f = got[0]
    assert f.found == "Lang Son (15000 times)"
    assert "15000 times" in f.message and len(f.message) < 400
    assert 1 <= len(f.locations) <= 3 and {loc.evidence for loc in f.locations} == {"Lang Son"}
    assert len(f.subject) < 300


def test_a_common_word_listed_15000_times_is_one_finding_in_bounded_time():
    text = "Skratt: " + ", ".join(["ha"] * 15_000) + "."
    start = time.process_time()
    got = run(ListDuplicate(), {"sv": ("sv", [text]), "ms": ("ms", ["Ketawa."])}, lists_only=True)
    assert time.process_time() - start < 3
    assert [(f.found, f.severity, len(f.locations)) for f in got] == [("ha (15000 times)", "warning", 3)]


# --- list-mismatch ----------------------------------------------------------------------

def test_a_dropped_name_is_one_finding_against_three_translations():
    docs = {"sv": ("sv", ["Sainsbury's tar sig an Boots, Superdrug och Debenhams med nya gångar."]),
            "ms": ("ms", ["Sainsbury mengambil Boots, Superdrug dan Debenhams dari ruang baru."]),
            "hi": ("hi", ["Sainsbury's डिपार्टमेंट स्टोर स्टाइल वाले Boots, Superdrug और Debenhams को शामिल करेगा।"]),
            "bn": ("bn", ["সেন্সবারিস বুটস, সুপারড্রাগ এবং ডিপার্টমেন্ট স্টোরের প্রতিযোগী হতে চলেছে।"])}
    got = run(ListMismatch(), docs)
    assert len(got) == 1, [f.message for f in got]
    f = got[0]
    assert f.expected == "Debenhams" and "bn's list lacks 'Debenhams', which 3 of the other 3" in f.message
    assert [(loc.document, loc.role) for loc in f.locations][0] == ("bn", "flagged")
    assert {(loc.document, loc.evidence) for loc in f.locations if loc.role == "support"} == \
        {("sv", "Debenhams"), ("ms", "Debenhams"), ("hi", "Debenhams")}


GOLFERS = {"sv": ("sv", ["Thomas möter Rory McIlroy, medan Paul Casey, Justin Rose, Jon Rahm, Tommy Fleetwood och Ian Poulter möter de andra."]),
           "ms": ("ms", ["Thomas bertembung dengan Rory McIlroy, bersama Paul Casey, Justin Rose, Jon Rahm, Tommy Fleetwood dan Ian Poulter."]),
           "ar": ("ar", ["ويواجه توماس روري ماكلروي، مع بول كيسي، وجوستين روز، وجون راهم، وتومي فليتوود، وإيان بولتر مع الأوروبيين."]),
           "bn": ("bn", ["পল কেসি, জাস্টিন রোজ, জন র‍্যাম, টমি ফ্লিটউড ও ইয়ান পোউল্টারকে নিয়ে থমাসকে দায়িত্ব দেওয়া হয়েছে। সে রোরি ম্যাকলরয় এর মুখোমুখি হবে।"])}


def test_a_member_written_with_a_case_suffix_or_a_glued_conjunction_is_not_dropped():
    assert run(ListMismatch(), GOLFERS) == []


def test_a_dropped_golfer_is_found_in_a_cased_and_in_a_caseless_translation():
    for d, old, new in (("sv", "Jon Rahm, ", ""), ("bn", "জন র‍্যাম, ", "")):
        docs = dict(GOLFERS)
        docs[d] = (docs[d][0], [docs[d][1][0].replace(old, new)])
        got = run(ListMismatch(), docs)
        assert [(f.locations[0].document, f.expected) for f in got] == [(d, "Jon Rahm")], [f.message for f in got]


def test_translated_country_names_are_one_member_whatever_the_language():
    docs = {"fr": ("fr", ["Le Canada, les États-Unis, le Japon, l’Inde, l’Australie, la France, l’Allemagne et la Thaïlande ont été parmi les premiers."]),
            "es": ("es", ["Canadá, los Estados Unidos, Japón, India, Australia, Francia, Alemania y Tailandia estuvieron entre los primeros."]),
            "ru": ("ru", ["Канада, США, Япония, Индия, Австралия, Франция, Германия и Таиланд были среди первых."]),
            "mr": ("mr", ["कॅनडा, युनायटेड स्टेट्स, जपान, भारत, ऑस्ट्रेलिया, फ्रान्स, जर्मनी आणि थायलंडचा समावेश होता."])}
    assert run(ListMismatch(), docs) == []
    docs["es"] = ("es", ["Canadá, los Estados Unidos, India, Australia, Francia, Alemania y Tailandia estuvieron entre los primeros."])
    got = run(ListMismatch(), docs)
    assert [(f.locations[0].document, f.subject) for f in got] == [("es", "JP")]


def test_two_translations_never_outvote_each_other():
    docs = {d: GOLFERS[d] for d in ("sv", "ms")}
    docs["ms"] = ("ms", [docs["ms"][1][0].replace("Jon Rahm, ", "")])
    assert run(ListMismatch(), docs) == []


def test_common_words_translated_alike_in_one_script_are_not_names():
    docs = {"id": ("id", ["Gejala meliputi kelelahan, Sakit Kepala, Sesak Napas, dan Diare."]),
            "ms": ("ms", ["Simptom termasuklah letih, Sakit Kepala, Sesak Nafas, dan Diare."]),
            "fr": ("fr", ["Les symptômes incluent la fatigue, des maux de tête, l'essoufflement et la diarrhée."])}
    assert run(ListMismatch(), docs) == []


def test_rhetorical_repetition_that_other_translations_repeat_is_not_a_duplicate():
    # each is checked against the others: one of a few other translations repeating is enough
    docs = {"sv": ("sv", ["\u201dLögner, lögner och mer förkastliga lögner\u201d, sade Waters."]),
            "bn": ("bn", ["\"মিথ্যা, মিথ্যা এবং আরও ঘৃণ্য মিথ্যা,\" ওয়াটার্স বলেছেন।"]),
            "ms": ("ms", ["\"Penipuan, penipuan dan lebih banyak penipuan yang teruk,\" kata Waters."]),
            "hi": ("hi", ["वाटर्स ने बताया, \"झूठ, झूठ और बहुत ज़्यादा घिनौना झूठ।\""]),
            "es": ("es", ["Medicago, una empresa en la ciudad de Quebec, Quebec, Ontario y Manitoba, informó."]),
            "fr": ("fr", ["Medicago, une entreprise de la ville de Québec, Québec, Ontario et Manitoba, a annoncé."])}
    assert run(ListDuplicate(), docs) == []


def test_a_common_word_repeated_in_a_caseless_list_is_not_a_duplicate():
    docs = {"ar": ("ar", ["مثل إلغاء الرحلات الميدانية، والتجمعات، والتجمعات الكبيرة الأخرى مثل الوجبات."]),
            "ms": ("ms", ["seperti membatalkan lawatan, perhimpunan, dan himpunan besar lain seperti makan."])}
    assert run(ListDuplicate(), docs) == []


def test_a_name_listed_twice_where_the_other_translation_lists_another_is_a_duplicate():
    docs = {"ar": ("ar", ["زار الوفد كوانج نينه، لانج سون، كاو بانج، لانج سون في عام 2025."]),
            "ms": ("ms", ["Delegasi melawat Quang Ninh, Lang Son, Cao Bang dan Ha Giang pada 2025."]),
            "sv": ("sv", ["Delegationen besökte Quang Ninh, Lang Son, Cao Bang och Ha Giang under 2025."])}
    got = [(f.locations[0].document, f.found) for f in run(ListDuplicate(), docs)]
    assert got == [("ar", "لانج سون (2 times)")]
    docs["sv"] = ("sv", ["Delegationen besökte Quang Ninh, Lang Son, Lang Son och Ha Giang under 2025."])
    got = [(f.locations[0].document, f.found) for f in run(ListDuplicate(), docs)]
    assert got == [], "both repeat: the source's repetition"


SYMPTOMS = {"fr": ("fr", ["Les symptômes sont la fièvre, la toux sèche, la fatigue et les maux de tête."]),
            "es": ("es", ["Los síntomas son fiebre, tos seca, cansancio y dolor de cabeza."]),
            "bn": ("bn", ["উপসর্গগুলি হল জ্বর, শুকনো কাশি, ক্লান্তি এবং মাথাব্যথা।"])}


@pytest.mark.parametrize("lang, old, new", [("es", "cansancio", "tos seca"), ("bn", "ক্লান্তি", "শুকনো কাশি")])
def test_a_common_word_listed_twice_in_place_of_another_is_a_duplicate(lang, old, new):
    docs = dict(SYMPTOMS)
    docs[lang] = (lang, [docs[lang][1][0].replace(old, new)])
    assert run(ListDuplicate(), SYMPTOMS) == []
    got = run(ListDuplicate(), docs)
    assert [(f.locations[0].document, len(f.locations)) for f in got] == [(lang, 2)]


def test_a_common_word_that_only_looks_repeated_where_a_member_was_cut_is_not_a_duplicate():
    # "fever, fever signs and ...": the second member is longer than what was read
    docs = dict(SYMPTOMS)
    docs["es"] = ("es", ["Quédese en casa sin fiebre, tos seca, fiebre alta persistente y otros síntomas durante 24 horas."])
    assert run(ListDuplicate(), docs) == []
    # "летучие мыши, мыши" is bats and mice: the first member is longer than what was read
    docs["es"] = SYMPTOMS["es"]
    docs["ru"] = ("ru", ["Их источниками являются летучие мыши, мыши или домашние животные."])
    assert run(ListDuplicate(), docs) == []


def test_a_name_written_as_one_word_in_another_script_is_not_dropped():
    docs = {"pt": ("pt", ["Bangkok, Hong Kong, Tóquio e Taipei tiveram o maior volume de viajantes."]),
            "sw": ("sw", ["Bangkok, Hong Kong, Tokyo, na Taipei ilikuwa na kiwango kubwa."]),
            "ar": ("ar", ["كان لدى بانكوك، وهونغ كونغ، وطوكيو، وتايبيه أكبر عدد من المسافرين."]),
            "bn": ("bn", ["ব্যাংকক, হংকং, টোকিও এবং তাইপেইতে সর্বাধিক ভ্রমণকারী ছিল।"])}
    assert run(ListMismatch(), docs) == []


def test_a_hyphenated_name_is_not_its_prefix():
    got = extract_lists("Evidence shows that SARS-CoV, MERS-CoV and SARS-CoV-2 have a bat origin.", "en")
    assert [f.members for f in got] == [("SARS-CoV", "MERS-CoV", "SARS-CoV-2")]
    assert run(ListDuplicate(), {"id": ("id", ["Bukti menunjukkan bahwa SARS-CoV, MERS-CoV, dan SARS-CoV-2 berasal."])}) == []


def test_a_repetition_is_the_sources_when_one_other_translation_repeats_a_word_after_a_separator():
    docs = {"sv": ("sv", ["\u201dLögner, lögner, lögner och mer förkastliga lögner\u201d, sade Waters."]),
            "ms": ("ms", ["\"Penipuan, penipuan dan lebih banyak penipuan yang teruk,\" kata Waters."])}
    assert run(ListDuplicate(), docs) == []
    docs["ms"] = ("ms", ["\"Penipuan, pembohongan dan lebih banyak penipuan yang teruk,\" kata Waters."])
    assert [f.locations[0].document for f in run(ListDuplicate(), docs)] == ["sv"]


def test_a_lowercase_phrase_before_a_list_of_names_is_not_its_first_member():
    got = extract_lists("Tittarsiffror saknas för nätverk som visade förhöret, C-SPAN och Fox Business Network.", "sv")
    assert [(f.members, f.short) for f in got] == [(("C-SPAN", "Fox Business Network"), True)]
    docs = {"sv": ("sv", ["Tittarsiffror saknas för nätverk som visade förhöret, C-SPAN och Fox Business Network."]),
            "ms": ("ms", ["Angka tidak tersedia untuk rangkaian yang menunjukkan PBS, C-SPAN dan Fox Business Network."]),
            "hi": ("hi", ["PBS, C-SPAN और Fox Business Network के लिए आंकड़े मौजूद नहीं थे।"]),
            "bn": ("bn", ["যার মধ্যে PBS, C-SPAN এবং Fox Business Network অন্তর্ভুক্ত।"])}
    assert [(f.locations[0].document, f.expected) for f in run(ListMismatch(), docs)] == [("sv", "PBS")]


def test_a_name_glued_to_a_cjk_conjunction_or_translated_as_another_acronym_is_not_dropped():
    docs = {"pt": ("pt", ["doenças como Ebola, HIV, influenza e SARS afetam homens e mulheres."]),
            "ur": ("ur", ["بیماریاں جیسے ایبولا، HIV، انفلوئنزا اور SARS مردوں پر اثر انداز ہوتی ہیں۔"]),
            "ms": ("ms", ["penyakit seperti Ebola, HIV, influenza dan SARS menjejaskan lelaki."]),
            "fr": ("fr", ["des maladies comme l’Ebola, le VIH, l’influenza et le SRAS touchent les hommes."]),
            "zh": ("zh", ["埃博拉、HIV、流感和SARS对男性和女性的影响不同。"])}
    assert run(ListMismatch(), docs) == []


# --- a list one member shorter than every other translation's ------------------------------

HOUSES = {
    "sv": "Tusentals hus, sjukhus, köpcentrum och hotell rasade.",
    "ms": "Beribu-ribu rumah, hospital, pusat membeli-belah dan hotel runtuh.",
    "hi": "हजारों घर, अस्पताल, शॉपिंग मॉल और होटल ढह गए।",
    "bn": "হাজার হাজার ঘরবাড়ি, হাসপাতাল, শপিংমল এবং হোটেল ভেঙে পড়েছে।",
}


@pytest.mark.parametrize("lang, shorter", [
    ("sv", "Tusentals hus, sjukhus och hotell rasade."),
    ("hi", "हजारों घर, अस्पताल और होटल ढह गए।"),
    ("bn", "হাজার হাজার ঘরবাড়ি, শপিংমল এবং হোটেল ভেঙে পড়েছে।"),
])
def test_a_translated_list_one_member_shorter_than_all_the_others_is_found(lang, shorter):
    docs = {d: (d, [shorter if d == lang else t]) for d, t in HOUSES.items()}
    got = run(ListMismatch(), docs)
    assert [(f.check, f.expected, f.found) for f in got] == [("list-mismatch", 4, 3)]
    assert [loc.document for loc in got[0].locations if loc.role == "flagged"] == [lang]
    assert {loc.document for loc in got[0].locations if loc.role == "support"} == set(HOUSES) - {lang}


def test_list_sizes_that_do_not_all_agree_are_no_finding():
    docs = {d: (d, [t]) for d, t in HOUSES.items()}
    assert run(ListMismatch(), docs) == []  # the same size everywhere
    docs["ms"] = ("ms", ["Beribu-ribu rumah, hospital dan hotel runtuh."])
    docs["sv"] = ("sv", ["Tusentals hus, sjukhus och hotell rasade."])
    assert run(ListMismatch(), docs) == []  # two shorter: no majority reads one list size


def test_a_name_with_a_one_letter_key_repeated_is_found_beside_other_scripts():
    # Essie's phonetic key is one letter, which words of any other script share: no sign
    # that the source repeats it
    docs = {
        "ms": ("ms", ["Jenama seperti Revlon, Essie, Essie dan Dr. PawPaw buat pertama kali."]),
        "sv": ("sv", ["Märken som Revlon, Essie, Tweezerman och Dr. PawPaw för första gången."]),
        "bn": ("bn", ["প্রথমবারের মতো রেভলন, এসি, টুইজারম্যান এবং ডঃ পপপ এর মতো ব্র্যান্ড আসবে, সে সেখানে সব।"]),
    }
    got = run(ListDuplicate(), docs)
    assert [(f.check, f.found, [loc.document for loc in f.locations]) for f in got] == \
        [("list-duplicate", "Essie (2 times)", ["ms", "ms"])]


def test_a_caseless_word_ending_a_first_member_cut_at_the_lists_start_is_no_duplicate():
    # खाजा ("snack") ends the first member बिहानको खाजा ("breakfast"), cut at the list's start (the
    # vowel sign ो ends the word before it). The Bengali translation's two words of the one-letter
    # key (কে, কি) are no evidence either way: a one-letter key meets some word of any script
    docs = {
        "ne": ("ne", ["करिब 30 मिलियन बच्चाहरू बिहानको खाजा, खाना, खाजा, र बेलुकाको खाना लगायत खाना पाउँछन्।"]),
        "bn": ("bn", ["প্রায় ৩ কোটি শিশু কে সকালের নাস্তা, দুপুরের খাবার, নাস্তা এবং রাতের খাবার দেয় কি?"]),
        "sv": ("sv", ["Nästan 30 miljoner barn får frukost, lunch, mellanmål och middag i skolan."]),
    }
    assert run(ListDuplicate(), docs) == []


# --- list recall on real-shaped lists (issue 13) --------------------------------------------

def test_the_member_after_the_conjunction_is_read_where_it_runs_on_into_the_sentence():
    # the last member is as wide as the one before it: a caseless list no longer loses it
    got = extract_lists("অন্য বিভাগে, ঘুম বঞ্চনা হার্ট অ্যাটাক, স্ট্রোক, হতাশা এবং ক্যান্সারের ঝুঁকি বাড়িয়ে তুলতে পারে", "bn")
    assert [f.members[-3:] for f in got if not f.short] == [("স্ট্রোক", "হতাশা", "ক্যান্সারের")]
    got = extract_lists("Eleverna klickar på kaffekoppar, gardiner, tränare och böcker för att få veta mer.", "sv")
    assert [f.members for f in got] == [("kaffekoppar", "gardiner", "tränare", "böcker")]


def test_a_language_the_data_files_lack_closes_its_lists_with_its_cldr_conjunction():
    got = extract_lists("Bangkok, Hong Kong, Tokyo, na Taipei ilikuwa na kiwango kubwa.", "sw")
    assert [f.members for f in got] == [("Bangkok", "Hong Kong", "Tokyo", "Taipei")]
    got = extract_lists("埃博拉、HIV、流感和SARS对男性的影响不同。", "zh")  # 和 glued inside a token
    assert [len(f.members) for f in got] == [4]


CAPITALS = {
    "hi": "अधिकारियों ने अल साल्वाडोर, डोमिनिकन गणराज्य और पनामा से प्रमुखों को वापस बुलाने का फ़ैसला किया।",
    "ms": "Pegawai memutuskan untuk memanggil kembali ketua perwakilan daripada El Salvador, Republik Dominica dan Panama kerana keputusan itu.",
    "sv": "Tjänstemän beslutade att kalla hem cheferna för beskickningarna i El Salvador, Dominikanska republiken och Panama på grund av beslutet.",
    "bn": "কর্মকর্তারা এল সালভাদোর, ডোমিনিকান প্রজাতন্ত্র এবং পানামা থেকে কূটনৈতিক মিশনের প্রধানদের ফেরত আনার সিদ্ধান্ত নেন।",
}


@pytest.mark.parametrize("lang, pair", [
    ("bn", "কর্মকর্তারা এল সালভাদোর এবং পানামা থেকে কূটনৈতিক মিশনের প্রধানদের ফেরত আনার সিদ্ধান্ত নেন।"),
    ("sv", "Tjänstemän beslutade att kalla hem cheferna för beskickningarna i El Salvador och Panama på grund av beslutet."),
])
def test_a_list_of_three_names_left_as_two_joined_by_and_lacks_the_third(lang, pair):
    docs = {d: (d, [pair if d == lang else t]) for d, t in CAPITALS.items()}
    got = run(ListMismatch(), docs)
    assert [(f.check, f.subject, [loc.document for loc in f.locations if loc.role == "flagged"]) for f in got] == \
        [("list-mismatch", "DO", [lang])]
    support = {loc.document for loc in got[0].locations if loc.role == "support"}
    assert len(support) >= 2 and support <= set(CAPITALS) - {lang}


def test_a_list_of_names_the_translation_restructures_but_writes_whole_is_no_finding():
    docs = {d: (d, [t]) for d, t in CAPITALS.items()}
    docs["bn"] = ("bn", ["কর্মকর্তারা পানামা থেকে, এবং এল সালভাদোর ও ডোমিনিকান প্রজাতন্ত্র থেকেও প্রধানদের ফেরত আনেন।"])
    assert run(ListMismatch(), docs) == []


ARABIC_HOUSES = dict(HOUSES, ar="وقال إن الآلاف من المنازل، والمستشفيات، ومراكز التسوق، والفنادق قد انهارت.")


def test_an_arabic_list_one_member_shorter_than_all_the_others_is_found():
    docs = {d: (d, [t]) for d, t in ARABIC_HOUSES.items()}
    assert run(ListMismatch(), docs) == []
    docs["ar"] = ("ar", ["وقال إن الآلاف من المنازل، والمستشفيات، والفنادق قد انهارت."])
    got = run(ListMismatch(), docs)
    assert [(f.expected, f.found, [loc.document for loc in f.locations if loc.role == "flagged"]) for f in got] == \
        [(4, 3, ["ar"])]


def test_a_code_with_digits_is_a_list_member_and_a_figure_is_not():
    members = lambda text, lang: [f.members for f in extract_lists(text, lang)]  # noqa: E731
    assert members("HCoV-229E, HCoV-OC43, HCoV-NL63 र HCoV-HKU1 ले हल्का लक्षणहरू निम्त्याउँछ।", "ne") == \
        [("HCoV-229E", "HCoV-OC43", "HCoV-NL63", "HCoV-HKU1")]
    assert members("Ages 5-17, 18-49 and 50-64 were counted.", "en") == []
    docs = {"ne": ("ne", ["HCoV-229E, HCoV-HKU1, HCoV-HKU1 र HCoV-NL63 ले हल्का लक्षणहरू निम्त्याउँछ।"]),
            "ms": ("ms", ["HCoV-229E, HCoV-OC43, HCoV-HKU1 dan HCoV-NL63 menyebabkan gejala ringan."]),
            "fr": ("fr", ["HCoV-229E, HCoV-OC43, HCoV-HKU1 et HCoV-NL63 provoquent des symptômes légers."])}
    got = run(ListDuplicate(), docs)
    assert [(f.check, f.found, f.locations[0].document) for f in got] == [("list-duplicate", "HCoV-HKU1 (2 times)", "ne")]
