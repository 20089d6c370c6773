"""date-mismatch on one group in memory: a day or month that differs between translations."""
from audit.checks.date_mismatch import DateMismatch
from checkctx import context, flagged, run, support, trade


def test_a_day_that_differs_in_one_translation_is_flagged():
    got = run(DateMismatch, context(trade(("es", "del 19 al 21 de noviembre", "del 19 al 22 de noviembre"))))
    assert [(f.check, f.expected, f.found) for f in got] == [("date-mismatch", "11-19/21", "11-19/22")]
    (f,) = got
    assert flagged(f) == [("es", 3, "19 al 22 de noviembre")]
    assert support(f) == {"en", "fr", "de"}


def test_two_translations_that_disagree_on_the_month_flag_both():
    ctx = context({"en": ("en", ["The fair opens on 19 November in Mong Cai."]),
                   "fr": ("fr", ["La foire ouvre le 19 décembre à Mong Cai."])})
    (f,) = run(DateMismatch, ctx)
    assert sorted(doc for doc, _, _ in flagged(f)) == ["en", "fr"]
    assert f.message.startswith("the two translations disagree")


def test_the_same_date_written_each_languages_way_is_no_finding():
    assert run(DateMismatch, context(trade())) == []


def test_a_translation_that_read_one_day_of_a_pair_does_not_contradict_the_pair():
    # "les 3 et 4 février" is read as 3 and 4 February: the others' 3-4 February, not another date
    ctx = context({"en": ("en", ["The fair is held on 3 and 4 February in Mong Cai."]),
                   "fr": ("fr", ["La foire a lieu les 3 et 4 février à Mong Cai."]),
                   "de": ("de", ["Die Messe findet vom 3. bis 4. Februar in Mong Cai statt."])})
    assert [[d.text for d in f.dates] for f in (ctx.facts["fr"][0], ctx.facts["en"][0])] == [
        ["3", "4 février"], ["3 and 4 February"]]
    assert run(DateMismatch, ctx) == []
    # a day outside the pair is another date
    ctx = context({"en": ("en", ["The fair is held on 3 and 4 February in Mong Cai."]),
                   "fr": ("fr", ["La foire a lieu le 5 février à Mong Cai."]),
                   "de": ("de", ["Die Messe findet vom 3. bis 4. Februar in Mong Cai statt."])})
    assert [(f.expected, f.found) for f in run(DateMismatch, ctx)] == [("02-03/04", "02-05")]


def test_only_one_translation_giving_a_date_is_nothing_to_compare():
    ctx = context({"en": ("en", ["The fair opens on 19 November in Mong Cai."]),
                   "fr": ("fr", ["La foire ouvre bientôt à Mong Cai."])})
    assert run(DateMismatch, ctx) == []


def test_a_bengali_day_with_its_suffix_is_read_and_compared():
    others = {"en": ("en", ["On 4 March 2020, I proclaimed a State of Emergency."]),
              "fr": ("fr", ["Le 4 mars 2020, j'ai proclamé l'état d'urgence."]),
              "es": ("es", ["El 4 de marzo de 2020, proclamé un estado de emergencia."])}
    bn = "যেখানে {} মার্চ 2020-তে, আমি জরুরি অবস্থা ঘোষণা করেছিলাম।"
    assert run(DateMismatch, context({**others, "bn": ("bn", [bn.format("৪ঠা")])})) == []
    (f,) = run(DateMismatch, context({**others, "bn": ("bn", [bn.format("৫ঠা")])}))
    assert (f.expected, f.found) == ("03-04", "03-05") and flagged(f) == [("bn", 1, "৫ঠা মার্চ 2020")]


def test_a_day_misprinted_past_the_31st_before_its_month_is_still_the_dates_day():
    others = {"en": ("en", ["Singapore advised residents to stay at home on 28 March."]),
              "fr": ("fr", ["Singapour a conseillé aux habitants de rester chez eux le 28 mars."]),
              "pt": ("pt", ["Singapura aconselhou os moradores a ficar em casa em 28 de março."])}
    (f,) = run(DateMismatch, context({**others, "es": ("es", ["el 38 de marzo Singapur recomendó quedarse en casa."])}))
    assert (f.expected, f.found) == ("03-28", "03-38") and flagged(f) == [("es", 1, "38 de marzo")]


def test_one_of_two_mentions_of_a_month_changed_is_a_mismatch():
    others = {"en": ("en", ["In March 2020, the college advised against it. In March 2020, the CDC recommended PCR."]),
              "fr": ("fr", ["En mars 2020, le collège l'a déconseillé. En mars 2020, le CDC a recommandé la PCR."]),
              "es": ("es", ["En marzo de 2020, el colegio lo desaconsejó. En marzo de 2020, los CDC recomendaron la PCR."])}
    ar = "في {} 2020، توصي الكلية بعدم استخدامه. وفي مارس 2020، يوصي سي دي سي باستخدام بي سي آر."
    assert run(DateMismatch, context({**others, "ar": ("ar", [ar.format("مارس")])})) == []
    (f,) = run(DateMismatch, context({**others, "ar": ("ar", [ar.format("أبريل")])}))
    assert (f.expected, f.found) == ("03", "04") and flagged(f) == [("ar", 1, "أبريل 2020")]


def test_a_day_written_after_its_month_against_the_languages_order_is_compared():
    others = {"en": ("en", ["On 23 March, all Nigerian schools were closed."]),
              "fr": ("fr", ["Le 23 mars, toutes les écoles nigérianes ont été fermées."]),
              "es": ("es", ["El 23 de marzo, todas las escuelas nigerianas cerraron."])}
    ta = "மார்ச் {} அன்று, அனைத்து நைஜீரிய பள்ளிக்கூடங்களும் மூடப்பட்டது."
    assert run(DateMismatch, context({**others, "ta": ("ta", [ta.format("23")])})) == []
    (f,) = run(DateMismatch, context({**others, "ta": ("ta", [ta.format("24")])}))
    assert (f.expected, f.found) == ("03-23", "03-24") and flagged(f) == [("ta", 1, "மார்ச் 24")]
    # "Mac 15 orang": a count after a month the others give no day of is no date
    ms = {"en": ("en", ["In March, 15 people fell ill."]), "fr": ("fr", ["En mars, 15 personnes sont tombées malades."]),
          "ms": ("ms", ["Pada Mac 15 orang jatuh sakit."])}
    assert run(DateMismatch, context(ms)) == []


def test_a_day_after_its_month_is_not_compared_where_the_others_give_that_month_several_days():
    others = {"en": ("en", ["These changes followed restrictions introduced on March 4 and 5 respectively."]),
              "fr": ("fr", ["Ces changements ont suivi les restrictions introduites les 4 et 5 mars respectivement."]),
              "es": ("es", ["Estos cambios siguieron a las restricciones introducidas el 4 y el 5 de marzo."])}
    ta = ["இந்த மாற்றங்கள் முறையே மார்ச் 4 மற்றும் 5 தேதிகளில் அறிமுகப்படுத்தப்பட்டவை."]
    assert not [f for f in run(DateMismatch, context({**others, "ta": ("ta", ta)})) if "ta" in {d for d, _, _ in flagged(f)}]


def test_the_month_changed_before_an_unread_day_is_compared():
    others = {"en": ("en", ["Until 6 April, holidays were extended in all secondary schools."]),
              "fr": ("fr", ["Jusqu'au 6 avril, les vacances ont été prolongées dans toutes les écoles."]),
              "es": ("es", ["Hasta el 6 de abril, se extendieron las vacaciones en todas las escuelas."])}
    mr = "{} 6 पर्यंत, सर्व माध्यमिक शाळांमध्ये सुट्टी वाढविण्यात आली होती."
    assert run(DateMismatch, context({**others, "mr": ("mr", [mr.format("एप्रिल")])})) == []
    (f,) = run(DateMismatch, context({**others, "mr": ("mr", [mr.format("मे")])}))
    assert (f.expected, f.found) == ("04-06", "05-06") and flagged(f) == [("mr", 1, "मे 6")]


def test_a_day_glued_to_its_month_name_is_the_date_s_day():
    # the space between the day and the month left out (15Maret, 28فروری): still a date
    others = {"en": ("en", ["Tests were not trusted until 28 February 2020."]),
              "hi": ("hi", ["28 फ़रवरी 2020 तक परीक्षणों पर भरोसा नहीं किया गया।"]),
              "id": ("id", ["Tes tidak dipercaya hingga 28 Februari 2020."])}
    assert run(DateMismatch, context({**others, "ur": ("ur", ["28فروری 2020 تک ٹیسٹوں کو قابل بھروسہ نہیں سمجھا گیا۔"])})) == []
    (f,) = run(DateMismatch, context({**others, "ur": ("ur", ["27فروری 2020 تک ٹیسٹوں کو قابل بھروسہ نہیں سمجھا گیا۔"])}))
    assert (f.expected, f.found) == ("02-28", "02-27") and flagged(f) == [("ur", 1, "27فروری 2020")]


def test_a_pair_of_months_each_side_read_one_of_is_one_date_read_two_ways():
    # "May 2020 (or June)": each side read one of the pair, the other's month is named beside it
    # (the Russian inflects it, "в мае", a form CLDR's month names lack): no finding
    pair = {"en": ("en", ["The series planned for May 2020 (or June) was cancelled."]),
            "ru": ("ru", ["Серия, запланированная на июнь 2020 года (или в мае), была отменена."])}
    assert [[(d.month, d.year) for d in fs[0].dates] for fs in context(pair).facts.values()] == \
        [[(5, 2020)], [(6, 2020)]]
    assert run(DateMismatch, context(pair)) == []
    pair["fr"] = ("fr", ["La session prévue en juin 2020 (ou en mai) a été annulée."])
    del pair["ru"]
    assert run(DateMismatch, context(pair)) == []


def test_a_month_and_its_year_with_the_word_for_year_between_are_one_date():
    # Persian and Urdu write "December, year 2019" (دسامبر سال ۲۰۱۹), Arabic "ديسمبر سنة 2019": the
    # word for the year (CLDR's unit name) between the month and the year keeps them one date
    others = {"en": ("en", ["The bridge was opened to traffic in December 2019."]),
              "fr": ("fr", ["Le pont a été ouvert à la circulation en décembre 2019."]),
              "es": ("es", ["El puente se abrió al tráfico en diciembre de 2019."])}
    fa = "این پل در {} سال ۲۰۱۹ به روی خودروها باز شد."
    assert run(DateMismatch, context({**others, "fa": ("fa", [fa.format("دسامبر")])})) == []
    (f,) = run(DateMismatch, context({**others, "fa": ("fa", [fa.format("ژانویه")])}))
    assert (f.expected, f.found) == ("12", "01") and flagged(f) == [("fa", 1, "ژانویه سال ۲۰۱۹")]
    ar = "افتتح الجسر أمام حركة المرور في {} سنة 2019."
    assert run(DateMismatch, context({**others, "ar": ("ar", [ar.format("ديسمبر")])})) == []
    (f,) = run(DateMismatch, context({**others, "ar": ("ar", [ar.format("يناير")])}))
    assert (f.expected, f.found) == ("12", "01") and flagged(f) == [("ar", 1, "يناير سنة 2019")]
