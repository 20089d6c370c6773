"""list-duplicate on one group in memory: a list that repeats a member."""
from audit.checks.list_duplicate import ListDuplicate
from checkctx import context, run, trade

AR = ["وقع أمناء اللجان في كوانج نينه، لانج سون، كاو بانج، لانج سون على المحاضر في عام 2025."]
MS = ["Setiausaha jawatankuasa di Quang Ninh, Lang Son, Cao Bang dan Ha Giang menandatangani minit pada 2025."]


def test_a_caseless_lists_repeated_member_is_a_name_when_a_cased_translation_capitalises_it():
    got = run(ListDuplicate, context({"ar": ("ar", AR), "ms": ("ms", MS)}))
    assert [(f.check, f.found) for f in got] == [("list-duplicate", "لانج سون (2 times)")]
    (f,) = got
    assert [(loc.document, loc.line, loc.evidence) for loc in f.locations] == [("ar", 1, "لانج سون")] * 2


def test_a_member_repeated_in_place_of_another_is_flagged_in_its_translation():
    got = run(ListDuplicate, context(trade(("es", "Lang Son, Quang Ninh y Cao Bang", "Lang Son, Quang Ninh y Lang Son"))))
    assert [(f.check, f.found) for f in got] == [("list-duplicate", "Lang Son (2 times)")]
    assert [(loc.document, loc.line, loc.evidence) for loc in got[0].locations] == [("es", 1, "Lang Son")] * 2


def test_a_list_of_distinct_words_is_not_a_duplicate():
    assert run(ListDuplicate, context({"ar": ("ar", ["التعاون في الصحة، والنقل، والتجارة، والسياحة في عام 2025."])})) == []


def test_lists_without_repeats_are_no_finding():
    assert run(ListDuplicate, context(trade())) == []


BRANDS = {"ms": ("ms", ["termasuk jenama seperti Revlon, Essie, Tweezerman dan Dr. PawPaw buat pertama kali."]),
          "sv": ("sv", ["inklusive märken som Revlon, Essie, Tweezerman och Dr. PawPaw för första gången."])}


def test_a_name_repeated_in_an_arabic_list_written_without_separators_is_a_duplicate():
    # Arabic glues و to each member and may write no comma: no list is read, the repetition still is
    docs = dict(BRANDS, ar=("ar", ["منتجات العلامات التجارية مثل ريفلون وإيسي وتويزرمان ودي آر. بوبو لأول مرة."]))
    assert run(ListDuplicate, context(docs)) == []
    docs["ar"] = ("ar", ["منتجات العلامات التجارية مثل ريفلون وتويزرمان وتويزرمان ودي آر. بوبو لأول مرة."])
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, [loc.document for loc in f.locations]) for f in got] == \
        [("list-duplicate", "وتويزرمان (2 times)", ["ar", "ar"])]


def test_a_name_the_other_translations_repeat_too_is_not_a_duplicate_in_arabic():
    docs = {d: (lang, [t[0].replace("Essie", "Tweezerman")]) for d, (lang, t) in BRANDS.items()}
    docs["ar"] = ("ar", ["منتجات العلامات التجارية مثل ريفلون وتويزرمان وتويزرمان ودي آر. بوبو لأول مرة."])
    assert run(ListDuplicate, context(docs)) == []


SYMPTOMS = {"es": ("es", ["Los síntomas son fiebre, tos seca, cansancio y dolor de cabeza."]),
            "fr": ("fr", ["Les symptômes sont la fièvre, la toux sèche, la fatigue et les maux de tête."]),
            "bn": ("bn", ["উপসর্গগুলি হল জ্বর, শুকনো কাশি, ক্লান্তি এবং মাথাব্যথা।"])}
# another Spanish translation that writes "tos seca" twice in its paragraph, not in its list
CHANCE = "Los síntomas son fiebre, tos seca, cansancio y dolor de cabeza; la tos seca dura días."
REPEATED = "Los síntomas son fiebre, tos seca, tos seca y dolor de cabeza."


def _many(n_chance: int) -> dict:
    docs = {f"{d}{n}": v for d, v in SYMPTOMS.items() for n in range(3)}  # nine translations
    for n in range(n_chance):
        docs[f"es{n}"] = ("es", [CHANCE])
    docs["edited"] = ("es", [REPEATED])
    return docs


def test_one_translation_of_many_writing_the_member_twice_does_not_make_the_repetition_the_sources():
    got = run(ListDuplicate, context(_many(1)))
    assert [(f.check, f.found, [loc.document for loc in f.locations]) for f in got] == \
        [("list-duplicate", "tos seca (2 times)", ["edited", "edited"])]
    # among three translations, one writing it twice speaks for the source
    assert run(ListDuplicate, context({"edited": ("es", [REPEATED]), "es0": ("es", [CHANCE]), "fr": SYMPTOMS["fr"]})) == []


def test_a_quarter_of_many_translations_writing_the_member_twice_make_the_repetition_the_sources():
    assert run(ListDuplicate, context(_many(3))) == []


def test_a_member_repeated_with_and_without_its_article_is_one_member():
    docs = {"es": ("es", ["Trataremos la epidemiología, el diagnóstico, el tratamiento, el pronóstico y la prevención."]),
            "fr": ("fr", ["Nous traiterons l’épidémiologie, le diagnostic, le traitement, le pronostic et la prévention."]),
            "ms": ("ms", ["Kami akan membincangkan epidemiologi, diagnosis, rawatan, prognosis dan pencegahan."])}
    assert run(ListDuplicate, context(docs)) == []
    docs["es"] = ("es", [docs["es"][1][0].replace("el pronóstico", "el tratamiento")])
    got = run(ListDuplicate, context(docs))
    assert [(f.found, [(loc.document, loc.line) for loc in f.locations]) for f in got] == \
        [("tratamiento (2 times)", [("es", 1)] * 2)]


def test_a_common_word_repeated_inside_a_chain_of_conjunctions_is_a_warning_in_arabic():
    docs = {"ar": ("ar", ["هو عملية تنظيف اليدين لإزالة القاذورات أو الكائنات الدقيقة أو الشحوم أو غيرها من المواد."]),
            "fr": ("fr", ["C'est le nettoyage des mains pour éliminer la saleté, les micro-organismes, la graisse ou d'autres substances."]),
            "ms": ("ms", ["Ia membersihkan tangan untuk membuang kotoran, mikroorganisma, gris atau bahan lain."])}
    assert run(ListDuplicate, context(docs)) == []
    docs["ar"] = ("ar", [docs["ar"][1][0].replace("الشحوم", "الكائنات الدقيقة")])
    got = run(ListDuplicate, context(docs))
    assert [(f.severity, f.found, [(loc.document, loc.evidence) for loc in f.locations]) for f in got] == \
        [("warning", "الكائنات الدقيقة (2 times)", [("ar", "الكائنات الدقيقة")] * 2)]


def test_a_word_doubled_around_a_conjunction_outside_a_chain_is_no_duplicate():
    docs = {"sv": ("sv", ["Cyklar blir mer och mer populära i staden."]),
            "ms": ("ms", ["Basikal semakin popular di bandar."]),
            "fr": ("fr", ["Les vélos sont de plus en plus populaires en ville."])}
    assert run(ListDuplicate, context(docs)) == []


def test_a_member_repeated_before_a_glued_cjk_conjunction_is_a_duplicate():
    docs = {"zh": ("zh", ["根据意大利的经验，国家、医院和重症监护病房都需要做好更充分的准备。"]),
            "fr": ("fr", ["Selon l'expérience italienne, les pays, les hôpitaux et les unités de soins intensifs doivent mieux se préparer."]),
            "ms": ("ms", ["Menurut pengalaman Itali, negara, hospital dan unit rawatan rapi perlu lebih bersedia."])}
    assert run(ListDuplicate, context(docs)) == []
    docs["zh"] = ("zh", [docs["zh"][1][0].replace("国家", "医院")])
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found) for f in got] == [("list-duplicate", "医院 (2 times)")]


def test_a_name_written_after_the_first_word_of_a_longer_one_is_not_repeated():
    # Urdu writes Orthocoronavirinae as two words (آرتھو کوروناویرینا): "X or X" here is two names
    docs = {"ur": ("ur", ["کوروناوائرس کا سائنسی نام آرتھو کوروناویرینا یا کوروناویرینا ہے۔"]),
            "ms": ("ms", ["Nama saintifik bagi koronavirus ialah Orthocoronavirinae atau Coronavirinae."]),
            "fr": ("fr", ["Le nom scientifique du coronavirus est Orthocoronavirinae ou Coronavirinae."])}
    assert run(ListDuplicate, context(docs)) == []
    docs["ur"] = ("ur", ["کوروناوائرس کے سائنسی نام: کوروناویرینا یا کوروناویرینا۔"])  # the second name lost
    assert [(f.check, f.found) for f in run(ListDuplicate, context(docs))] == \
        [("list-duplicate", "کوروناویرینا (2 times)")]
