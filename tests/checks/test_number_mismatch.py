"""number-mismatch on one group in memory: the translations' numbers, the outlier flagged."""
from audit.checks.number_mismatch import NumberMismatch
from checkctx import context, flagged, run, support

BN = ["১৯ থেকে ২১ ফেব্রুয়ারি হা লং সিটিতে বসন্ত সভা অনুষ্ঠিত হয়।",
      "দুই পক্ষ ২৯টি চুক্তি স্বাক্ষর করেছে, যার মধ্যে কোয়াং নিন প্রদেশ ১২টি।",
      "সীমান্ত মার্কার 1369-এ সরাসরি অ্যাম্বুলেন্স রুট চালু হয়েছে।"]
SV = ["Den 19–21 februari hölls vårmötet i Ha Long City.",
      "Parterna undertecknade 29 avtal, varav Quang Ninh-provinsen 12.",
      "En direkt ambulansväg vid gränsmarkör 1369 öppnades."]
MS = ["Pada 19 hingga 21 Februari, Mesyuarat Musim Bunga diadakan di Bandar Ha Long.",
      "Kedua-dua pihak menandatangani 28 perjanjian, termasuk 12 oleh wilayah Quang Ninh.",
      "Laluan ambulans terus di penanda sempadan 1369 dibuka."]


def test_the_majority_outvotes_the_outlier():
    got = run(NumberMismatch, context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", MS)}))
    assert [f.check for f in got] == ["number-mismatch"]
    (f,) = got
    assert (f.expected, f.found) == (29, 28)
    assert flagged(f) == [("ms", 2, "28")]
    assert support(f) == {"bn", "sv"}
    assert "ms has 28 where 2 of 3 translations" in f.message


def test_two_translations_flag_both_sides():
    (f,) = run(NumberMismatch, context({"sv": ("sv", SV), "ms": ("ms", MS)}))
    assert sorted(flagged(f)) == [("ms", 2, "28"), ("sv", 2, "29")]
    assert (f.expected, f.found) == (None, None) and "the two translations disagree" in f.message


def test_a_number_spelt_out_in_words_is_the_same_number():
    words = [MS[0], MS[1].replace("28", "dua puluh sembilan"), MS[2]]
    assert run(NumberMismatch, context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", words)})) == []


def test_magnitude_words_follow_each_language_scale():
    """Spanish billón is 10^12 (the long scale): 27 trillion = 27 billones, 27 milliards is the outlier."""
    ctx = context({"en": ("en", ["The public debt reached 27 trillion dollars in 2024, the ministry said on Monday."]),
                   "es": ("es", ["La deuda pública alcanzó 27 billones de dólares en 2024, dijo el ministerio el lunes."]),
                   "fr": ("fr", ["La dette publique a atteint 27 milliards de dollars en 2024, a indiqué lundi le ministère."])})
    assert [(f.expected, f.found, flagged(f)) for f in run(NumberMismatch, ctx)] == \
        [(27 * 10**12, 27 * 10**9, [("fr", 1, "27 milliards")])]


def test_no_majority_is_reported_as_unsettled():
    ctx = context({"en": ("en", ["The parties signed 28 agreements in Hanoi in March 2025."]),
                   "fr": ("fr", ["Les parties ont signé 29 accords à Hanoï en mars 2025."]),
                   "de": ("de", ["Die Parteien unterzeichneten im März 2025 in Hanoi 30 Abkommen."])})
    (f,) = run(NumberMismatch, ctx)
    assert "no majority" in f.message
    assert sorted(e for _, _, e in flagged(f)) == ["28", "29", "30"]


def test_numbers_in_paragraphs_the_aligner_does_not_trust_are_not_compared():
    ctx = context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", MS)}, confidence=0.2)
    assert run(NumberMismatch, ctx) == []


def test_numbers_of_paragraphs_that_do_not_translate_each_other_are_not_compared():
    # line 2 of ms is linked to nothing: its 28 is never set against the others' 29
    links = [{"bn": (0,), "sv": (0,), "ms": (0,)}, {"bn": (1,), "sv": (1,)}, {"ms": (1,)},
             {"bn": (2,), "sv": (2,), "ms": (2,)}]
    assert run(NumberMismatch, context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", MS)}, links=links)) == []


# "two months later": most translations spell two, a small number the vote leaves out alone
TWO_MONTHS = {"hi": ("hi", ["उसकी पत्नी को बच्चा हुए केवल दो महीने ही हुए हैं।"]),
              "ms": ("ms", ["isterinya baru sahaja dua bulan melahirkan anak."]),
              "bn": ("bn", ["তাঁর স্ত্রী কেবল দুই মাস আগে বাচ্চার জন্ম দিয়েছেন।"]),
              "ar": ("ar", ["بتدريب اثنين من الطيارين المفقودين."])}


def test_a_count_one_translation_spells_where_the_others_spell_two_is_a_mismatch():
    sv = "hans fru skulle föda barn {} månader senare."
    assert run(NumberMismatch, context({**TWO_MONTHS, "sv": ("sv", [sv.format("två")])})) == []
    (f,) = run(NumberMismatch, context({**TWO_MONTHS, "sv": ("sv", [sv.format("fyra")])}))
    assert (f.expected, f.found) == (2, 4)
    assert flagged(f) == [("sv", 1, "fyra")]
    assert support(f) == {"hi", "ms", "bn", "ar"}


def test_two_in_one_translation_where_the_others_spell_another_count_is_a_mismatch():
    others = {"fr": ("fr", ["Le système sera déployé en trois étapes."]),
              "es": ("es", ["El sistema se implementará en tres etapas."]),
              "pt": ("pt", ["O sistema será implantado em três etapas."])}
    ar = "إن الهدف هو طرح النظام على {} مراحل."
    assert run(NumberMismatch, context({**others, "ar": ("ar", [ar.format("ثلاث")])})) == []
    (f,) = run(NumberMismatch, context({**others, "ar": ("ar", [ar.format("اثنا")])}))
    assert (f.expected, f.found) == (3, 2) and flagged(f) == [("ar", 1, "اثنا")]


def test_a_word_mostly_used_otherwise_is_no_count_against_two():
    # Persian نه is nine and "not": "نه تنها" (not only) where the others write "two dozen"
    others = {"hi": ("hi", ["लगभग दो दर्जन संसद के सदस्य संक्रमित हैं, यह न केवल सैनिकों को खतरे में डालता है।"]),
              "ms": ("ms", ["kira-kira dua dozen ahli parlimen, ia membahayakan bukan sahaja askar."]),
              "es": ("es", ["alrededor de dos docenas de miembros, pone en peligro no solo a las tropas."])}
    fa = ["این رزمایش نه تنها جان سربازان را به خطر می‌اندازد و حدود دو دوجین نماینده مبتلا شدند."]
    assert run(NumberMismatch, context({**others, "fa": ("fa", fa)})) == []
    fa = ["این رزمایش نه تنها جان سربازان را به خطر می‌اندازد و نمایندگان مبتلا شدند."]
    assert run(NumberMismatch, context({**others, "fa": ("fa", fa)})) == []


def test_a_number_word_inside_a_larger_number_is_no_two():
    # "a hundred and two" (°F) where one translation gives 38 and 9 (°C): no two to compare with nine
    others = {"hi": ("hi", ["यदि आपको एक सौ दो डिग्री बुखार है"]), "mr": ("mr", ["जर तुम्हाला एकशे दोन ताप असेल"]),
              "ur": ("ur", ["اگر آپ کو ایک سو دو بخار ہے"])}
    got = run(NumberMismatch, context({**others, "ru": ("ru", ["если у вас температура тридцать восемь и девять"])}))
    assert not [f for f in got if 2 in (f.expected, f.found) or 9 in (f.expected, f.found)]


def test_a_changed_count_written_also_as_an_ordinal_is_flagged_at_the_count():
    others = {"fr": ("fr", ["Les essais comprennent trois phases, ainsi qu'une quatrième phase de suivi."]),
              "es": ("es", ["Los ensayos incluyen tres fases, además de una cuarta fase de seguimiento."]),
              "pt": ("pt", ["Os ensaios incluem três fases, além de uma quarta fase de acompanhamento."])}
    ru = "Программы включают {} этапа, а также четвертый этап контроля."
    assert run(NumberMismatch, context({**others, "ru": ("ru", [ru.format("три")])})) == []
    (f,) = run(NumberMismatch, context({**others, "ru": ("ru", [ru.format("четыре")])}))
    assert (f.expected, f.found) == (3, 4) and flagged(f) == [("ru", 1, "четыре")]


def test_a_year_changed_in_one_of_two_dates_is_a_mismatch():
    others = {"en": ("en", ["On 23 March 2020, CIE cancelled the May/June 2020 series."]),
              "fr": ("fr", ["Le 23 mars 2020, CIE a annulé la session de mai/juin 2020."]),
              "es": ("es", ["El 23 de marzo de 2020, CIE canceló la serie de mayo/junio de 2020."])}
    hi = "23 मार्च {} को, CIE ने मई/जून 2020 शृंखला की परीक्षाएं रद्द कीं।"
    assert run(NumberMismatch, context({**others, "hi": ("hi", [hi.format("2020")])})) == []
    (f,) = run(NumberMismatch, context({**others, "hi": ("hi", [hi.format("2021")])}))
    assert (f.expected, f.found) == (2020, 2021) and flagged(f) == [("hi", 1, "23 मार्च 2021")]


def test_a_time_rendered_on_the_other_clock_in_two_translations_is_no_mismatch():
    lines = {"ar": ("ar", ["كان حظر التجول من الساعة 3 مساءً إلى الساعة 6 صباحًا فقط."]),
             "id": ("id", ["jam malam hanya berlaku antara pukul 3 sore dan 6 pagi."]),
             "ms": ("ms", ["perintah berkurung hanya di antara 3 petang dan 6 pagi."]),
             "pt": ("pt", ["essa duração era somente das 15h às 6h."]),
             "es": ("es", ["el toque de queda solo se mantenía entre las 3:00 p. m. y las 6:00 a. m."])}
    assert run(NumberMismatch, context(lines)) == []


def test_the_digits_of_a_code_spaced_off_are_no_count():
    others = {"hi": ("hi", ["तीसरा, SARS-CoV-2 के संचरण में पैटर्न देखे जाते हैं।"]),
              "id": ("id", ["Ketiga, transmisi SARS-CoV-2 memperlihatkan pola."]),
              "ur": ("ur", ["تیسرا، SARS-CoV-2 کی منتقلی دلچسپ خصوصیات ظاہر کرتی ہے۔"])}
    ta = ["மூன்றாவதாக, சார்ஸ்-கொரோனா நோய்க்கிருமி -2 (SARS-CoV-2)ன் பரவல் சிறப்பியல்புகளைக் காட்டுகிறது."]
    assert run(NumberMismatch, context({**others, "ta": ("ta", ta)})) == []


def test_a_translation_the_aligner_doubts_does_not_hide_the_others_numbers():
    import dataclasses

    from audit.model import Link
    lines = {"fr": ("fr", ["Le parlement a prolongé l'état d'urgence de 15 jours, par 215 voix."]),
             "es": ("es", ["El Parlamento extendió el estado de emergencia 15 días, con 215 votos."]),
             "pt": ("pt", ["O parlamento prorrogou o estado de emergência em 25 dias, por 215 votos."]),
             "ru": ("ru", ["Совсем другой абзац о 7 коронавирусах."])}  # another article's paragraph
    ctx = context(lines, confidence=0.2)
    (link,) = ctx.alignment.links
    assert run(NumberMismatch, ctx) == []  # the link as a whole is doubted: nothing compared
    trusted = Link(link.members, 0.2, (("es", 1.0), ("fr", 0.9), ("pt", 0.9), ("ru", 0.2)))
    ctx = context(lines, confidence=0.2)  # a fresh one: the first has its votes memoised
    ctx = dataclasses.replace(ctx, alignment=dataclasses.replace(ctx.alignment, links=(trusted,)))
    (f,) = run(NumberMismatch, ctx)
    assert (f.expected, f.found) == (15, 25) and flagged(f) == [("pt", 1, "25")]


def test_a_count_spelled_in_chinese_numerals_against_two_is_compared_too():
    # wordfreq needs a tokeniser of its own for Chinese: the frequency test gives way, the check runs
    got = run(NumberMismatch, context({**TWO_MONTHS, "zh": ("zh", ["他的妻子将在四个月后分娩。"])}))
    assert [(f.expected, f.found, flagged(f)) for f in got] == [(2, 4, [("zh", 1, "四")])]


def _with_trust(ctx, trust_of):
    """ctx with each link's members given their own confidence: trust_of(k, doc) -> float."""
    import dataclasses

    from audit.model import Link
    links = tuple(Link(link.members, min(trust_of(k, d) for d, _ in link.members),
                       tuple((d, trust_of(k, d)) for d, _ in link.members))
                  for k, link in enumerate(ctx.alignment.links))
    return dataclasses.replace(ctx, alignment=dataclasses.replace(ctx.alignment, links=links))


# a dialogue of short lines: a figure is most of what the aligner has to go on
DIALOGUE = {
    "es": ["¿Tiene fiebre?", "Y los síntomas no desaparecen en 5 días.", "¿Le duele el pecho?", "Llame al 112."],
    "fr": ["Avez-vous de la fièvre ?", "Et les symptômes ne disparaissent pas en 5 jours.",
           "Avez-vous mal à la poitrine ?", "Appelez le 112."],
    "pt": ["Tem febre?", "E os sintomas não desaparecem em 5 dias.", "Dói-lhe o peito?", "Ligue para o 112."],
}


def test_a_paragraph_its_trusted_neighbours_place_is_compared_though_the_aligner_doubts_it():
    texts = {d: (d, list(lines)) for d, lines in DIALOGUE.items()}
    texts["pt"][1][1] = "E os sintomas não desaparecem em 9 dias."
    # the changed figure is what made the aligner doubt pt's line 2: its neighbours it trusts
    ctx = _with_trust(context(texts), lambda k, d: 0.3 if (d, k) == ("pt", 1) else 1.0)
    (f,) = run(NumberMismatch, ctx)
    assert (f.expected, f.found) == (5, 9) and flagged(f) == [("pt", 2, "9")]
    # doubted on both sides too (its place is not settled by trusted neighbours): not compared
    ctx = _with_trust(context(texts), lambda k, d: 0.3 if d == "pt" and k < 3 else 1.0)
    assert run(NumberMismatch, ctx) == []


def test_a_paragraph_after_a_merge_is_not_placed_by_its_neighbours():
    texts = {d: (d, list(lines)) for d, lines in DIALOGUE.items()}
    texts["pt"] = ("pt", ["Tem febre? E os sintomas não desaparecem em 5 dias.", "Dói-lhe o peito? Em 9 dias.",
                          "Ligue para o 112."])
    links = [{"es": (0,), "fr": (0,), "pt": (0,)}, {"es": (1,), "fr": (1,)}, {"es": (2,), "fr": (2,), "pt": (1,)},
             {"es": (3,), "fr": (3,), "pt": (2,)}]
    ctx = _with_trust(context(texts, links=links), lambda k, d: 0.3 if (d, k) == ("pt", 2) else 1.0)
    assert run(NumberMismatch, ctx) == []  # pt's line 2 follows a merge: it is not one-to-one with its place


def test_a_changed_figure_does_not_make_its_translation_foreign_to_the_article():
    # one translation goes its own way after the fifth paragraph (another text filed there):
    # that is no reason to leave its changed figure in the second unread
    base = {"es": ["Se han registrado 17 muertes.", "Hay 5 casos nuevos.", "El cierre empezó el 26 de marzo.",
                   "Los 3 pacientes se recuperaron.", "Abrieron 8 hospitales.", "Llegaron 41 médicos.", "Cerraron 12 escuelas."],
            "pt": ["Foram registadas 17 mortes.", "Há 5 casos novos.", "O encerramento começou a 26 de março.",
                   "Os 3 doentes recuperaram.", "Abriram 8 hospitais.", "Chegaram 41 médicos.", "Fecharam 12 escolas."],
            "ru": ["Зарегистрировано 17 смертей.", "Есть 5 новых случаев.", "Закрытие началось 26 марта.",
                   "Все 3 пациента выздоровели.", "Открыли 8 больниц.", "Прибыл 41 врач.", "Закрыли 12 школ."]}
    fr = ["Un total de 17 décès a été enregistré.", "Il y a 9 nouveaux cas.", "La fermeture a commencé le 26 mars.",
          "Les 3 patients sont guéris.", "On a ouvert 8 hôpitaux.", "Le transport de biens était autorisé.",
          "Les écoles restent ouvertes.", "Le 19 mars, tout allait bien."]
    (f,) = run(NumberMismatch, context({**{d: (d, t) for d, t in base.items()}, "fr": ("fr", fr)}))
    assert (f.expected, f.found) == (5, 9) and flagged(f) == [("fr", 2, "9")]


def test_a_spelled_count_against_the_others_two_is_read_beside_a_stray_digit_elsewhere():
    # the Chinese writes its "two" in digits, which the others spell: the vote between its 2 and
    # the Swahili 7, both alone, is noise, yet the Swahili seven still stands for the others' two
    two = {"es": ("es", ["También dijo que dos de las víctimas eran de Daca."]),
           "id": ("id", ["Ia juga mengatakan dua korban berasal dari Dhaka."]),
           "hi": ("hi", ["उन्होंने यह भी बताया कि मरने वालों में से दो ढाका के थे।"]),
           "ms": ("ms", ["Beliau juga memberitahu dua mangsa adalah dari Dhaka."]),
           "zh": ("zh", ["她还表示，其中有2名死亡患者来自达卡。"])}
    assert run(NumberMismatch, context({**two, "sw": ("sw", ["Pia alisema wawili kati ya waathiriwa walikuwa wa kutoka Dhaka."])})) == []
    (f,) = run(NumberMismatch, context({**two, "sw": ("sw", ["Pia alisema saba kati ya waathiriwa walikuwa wa kutoka Dhaka."])}))
    assert (f.expected, f.found) == (2, 7) and flagged(f) == [("sw", 1, "saba")]


def test_the_day_of_the_others_date_left_a_bare_number_is_no_count():
    # the Tamil date is written month first before a word ("மார்ச் 19 நிலவரப்படி", as of March 19),
    # which the extractor leaves a number, and its "all three" (மூவரும்) is a form it does not read
    others = {"es": ("es", ["Al 19 de marzo, estas tres ya se habían recuperado."]),
              "id": ("id", ["Pada 19 Maret, tiga orang tersebut telah sembuh."]),
              "pt": ("pt", ["Em 19 de março, os três já tinham se recuperado."])}
    ta = "மார்ச் 19 நிலவரப்படி, இந்த மூவரும் ஏற்கனவே மீண்டு வந்துவிட்டனர்."
    assert run(NumberMismatch, context({**others, "ta": ("ta", [ta])})) == []
    (f,) = run(NumberMismatch, context({**others, "ta": ("ta", [ta.replace("19", "19 பேரில் 4")])}))
    assert (f.expected, f.found) == (3, 4)  # another number beside it is still compared


def test_a_translation_that_shares_most_links_numbers_is_no_stranger_to_its_article():
    # one unshared link of three (a figure the Swedish writes another way) is no reason to
    # leave the changed cost unread in a link that still shares its second figure
    base = {"hi": ["मॉस्को ने 7 बार जोर दिया।", "$11 बिलियन की पाइपलाइन क्षमता 110 बिलियन घन मीटर करेगी।", "यह 2021 में पूरी हुई।"],
            "ms": ["Moscow telah 7 kali menegaskan.", "Saluran paip $11 billion itu akan membawa kapasiti 110 billion meter padu.",
                   "Ia siap pada 2021."],
            "bn": ["মস্কো 7 বার জোর দিয়েছে।", "11 বিলিয়ন ডলারের পাইপলাইন ক্ষমতা 110 বিলিয়ন কিউবিক মিটার করবে।", "এটি 2021 সালে শেষ হয়।"]}
    sv = ["Moskva har upprepade gånger betonat det.", "Rörledningen på 11 miljoner dollar ska ge 110 miljarder kubikmeter.",
          "Den blev klar 2021."]
    (f,) = run(NumberMismatch, context({**{d: (d, t) for d, t in base.items()}, "sv": ("sv", sv)}))
    assert (f.expected, f.found) == (11_000_000_000, 11_000_000) and flagged(f) == [("sv", 2, "11 miljoner")]


def test_a_stray_number_of_one_other_translation_does_not_rename_a_changed_count():
    """7 for 6 where one of four others also writes a stray 19: 7 is no 19:00 for "7 p.m." to rename
    (19 is one translation's number, not the others'), so 6 -> 7 is still reported."""
    ctx = context({"en": ("en", ["A small study of 6 mothers with COVID-19 found no virus in their newborns."]),
                   "fr": ("fr", ["Une petite étude portant sur 6 mères atteintes de COVID-19 n'a trouvé aucun virus."]),
                   "es": ("es", ["Un pequeño estudio con 6 madres con COVID-19 no encontró virus en los recién nacidos."]),
                   "de": ("de", ["Eine kleine Studie mit 6 Müttern (Stand 19 Uhr) fand kein Virus bei den Neugeborenen."]),
                   "pt": ("pt", ["Um pequeno estudo com 7 mães com COVID-19 não encontrou vírus nos recém-nascidos."])})
    got = [(f.expected, f.found, flagged(f)) for f in run(NumberMismatch, ctx)]
    assert got == [(6, 7, [("pt", 1, "7")])]


def test_a_code_written_again_with_its_digits_spaced_off_is_no_count():
    """"SARS-CoV -2" beside SARS-CoV-2 is the code again: its 2 does not stand for the protease's 2 changed to 3."""
    ctx = context({"fr": ("fr", ["Le SARS-CoV-2 entre par la sérine protéase 2, puis le SARS-CoV-2 se lie au récepteur."]),
                   "es": ("es", ["El SARS-CoV-2 entra por la serina proteasa 2 y luego el SARS-CoV-2 se une al receptor."]),
                   "de": ("de", ["SARS-CoV-2 dringt über die Serinprotease 2 ein, dann bindet SARS-CoV-2 den Rezeptor."]),
                   "pt": ("pt", ["O SARS-CoV-2 entra pela serina protease 3 e depois o SARS-CoV -2 liga-se ao receptor."])})
    got = [(f.expected, f.found, flagged(f)) for f in run(NumberMismatch, ctx)]
    assert got == [(2, 3, [("pt", 1, "3")])]


def test_a_signed_number_after_a_word_is_no_spaced_code_digits():
    """"à -2 degrés" beside SARS-CoV-2 is a temperature, not the code again: only the code's own letters before " -" make it the code."""
    ctx = context({"fr": ("fr", ["Le SARS-CoV-2 survit à -2 degrés pendant des semaines."]),
                   "de": ("de", ["SARS-CoV-2 überlebt bei -2 Grad wochenlang."]),
                   "pt": ("pt", ["O SARS-CoV-2 sobrevive a -2 graus durante semanas."]),
                   "es": ("es", ["El SARS-CoV-2 sobrevive a -3 grados durante semanas."])})
    got = [(f.expected, f.found, flagged(f)) for f in run(NumberMismatch, ctx)]
    assert got == [(2, 3, [("es", 1, "3")])]


def test_a_separator_slip_is_renamed_however_few_others_write_the_number_exactly():
    """es 2,240.191 is fr's 2 240 191 with a separator slipped, though most others round it to 2 millions: no finding."""
    ctx = context({"en": ("en", ["The country has recorded 2,240,191 cases so far."]),
                   "fr": ("fr", ["Le pays a enregistré 2 240 191 cas jusqu'à présent."]),
                   "es": ("es", ["El país ha registrado 2,240.191 casos hasta ahora."]),
                   "pt": ("pt", ["O país registrou 2 milhões de casos até agora."]),
                   "it": ("it", ["Il paese ha registrato 2 milioni di casi finora."]),
                   "sv": ("sv", ["Landet har hittills registrerat 2 miljoner fall."]),
                   "de": ("de", ["Das Land hat bisher 2 Millionen Fälle verzeichnet."])})
    assert [(f.expected, f.found, flagged(f)) for f in run(NumberMismatch, ctx)] == []
