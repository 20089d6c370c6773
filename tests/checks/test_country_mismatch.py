"""country-mismatch (audit/checks/country_mismatch.py) and the country names it reads
(audit/extract/labels.py ``country_mentions``), on facts and links given directly."""
import pytest

from audit.checks.base import GroupContext
from audit.checks.country_mismatch import CountryMismatch
from audit.extract import extract_facts
from audit.extract.labels import country_mentions
from audit.languages import language_script
from audit.model import Alignment, Document, Group, Link, Paragraph


def context(docs: dict[str, tuple[str, list[str]]]) -> GroupContext:
    """doc id -> (language, paragraphs); paragraph i of each translates paragraph i of the others."""
    documents, facts = {}, {}
    for d, (lang, paras) in docs.items():
        ps = tuple(Paragraph(i, i + 1, i + 1, t) for i, t in enumerate(paras))
        documents[d] = Document(d, f"{d}.txt", lang, 1.0, language_script(lang), ps)
        facts[d] = [extract_facts(t, lang) for t in paras]
    n = max(len(p) for _, p in docs.values())
    links = tuple(Link(tuple((d, (i,)) for d in sorted(docs)), 1.0) for i in range(n))
    return GroupContext(Group("g1", tuple(sorted(docs)), 1.0), documents, Alignment("g1", sorted(docs)[0], links), facts, 0.5)

ARTICLE = {
    "sv": ["Mötet hölls i Frankrike i juni.", "Han reste sedan hem."],
    "ms": ["Mesyuarat itu diadakan di Perancis pada bulan Jun.", "Dia kemudian pulang."],
    "bn": ["সভাটি জুন মাসে ফ্রান্সে অনুষ্ঠিত হয়।", "তারপর তিনি বাড়ি ফিরে যান।"],
    "ar": ["عقد الاجتماع في فرنسا في يونيو.", "ثم عاد إلى منزله."],
    "hi": ["बैठक जून में फ़्रांस में हुई।", "फिर वह घर लौट गए।"],
}


def findings(edits: dict[str, str]):
    docs = {lang: (lang, [edits.get(lang, paras[0])] + paras[1:]) for lang, paras in ARTICLE.items()}
    return list(CountryMismatch().run(context(docs)))


@pytest.mark.parametrize("text, lang, codes", [
    ("Rysslands president och Nordkorea, inte Korea", "sv", ["RU", "KP"]),
    ("ফ্রান্সের রাজধানী, অস্ট্রেলিয়ায় খেলা", "bn", ["FR", "AU"]),  # case endings glued on
    ("التعامل مع روسيا والولايات المتحدة", "ar", ["RU", "US"]),  # a clitic before the name
    ("kinesiska varor och en svensk", "sv", []),  # adjectives are no mention
    ("চীনা পণ্য", "bn", []),
    ("Mali och malin", "sv", ["ML"]),  # a cased script: only capitalised
])
def test_countries_are_read_by_their_cldr_names(text, lang, codes):
    assert [c for _, _, c in country_mentions(text, lang)] == codes


@pytest.mark.parametrize("lang, text, evidence", [
    ("sv", "Mötet hölls i Tyskland i juni.", "Tyskland"),
    ("bn", "সভাটি জুন মাসে জার্মানিতে অনুষ্ঠিত হয়।", "জার্মানিতে"),
    ("ar", "عقد الاجتماع في ألمانيا في يونيو.", "ألمانيا"),
    ("ms", "Mesyuarat itu diadakan di Jerman pada bulan Jun.", "Jerman"),
])
def test_a_country_swapped_in_one_translation_is_found(lang, text, evidence):
    got = findings({lang: text})
    assert len(got) == 1
    f = got[0]
    assert (f.check, f.severity, f.expected, f.found) == ("country-mismatch", "warning", "FR", "DE")
    flagged = [loc for loc in f.locations if loc.role == "flagged"]
    assert [(loc.document, loc.line, loc.evidence) for loc in flagged] == [(lang, 1, evidence)]
    assert {loc.document for loc in f.locations if loc.role == "support"} == set(ARTICLE) - {lang}


def test_one_of_two_mentions_swapped_is_found():
    twice = {"sv": "I Frankrike, och bara i Frankrike, hölls mötet.",
             "ms": "Di Perancis, dan hanya di Perancis, mesyuarat itu diadakan.",
             "ar": "في فرنسا، وفي فرنسا فقط، عقد الاجتماع."}
    docs = {lang: (lang, [t]) for lang, t in twice.items()}
    docs["sv"] = ("sv", ["I Frankrike, och bara i Spanien, hölls mötet."])
    got = list(CountryMismatch().run(context(docs)))
    assert [(f.expected, f.found, f.locations[0].document) for f in got] == [("FR", "ES", "sv")]


def test_a_country_dropped_or_added_alone_is_no_finding():
    assert findings({"sv": "Mötet hölls i juni."}) == []  # dropped: a translator may leave it implicit
    assert findings({"sv": "Mötet hölls i Frankrike och Tyskland i juni."}) == []  # added beside it


def test_a_country_translated_differently_is_no_finding():
    # the Swedish, Malay and Bengali names of one country meet by their code
    assert findings({}) == []


def test_two_translations_cannot_outvote_each_other():
    docs = {"sv": ("sv", ["Mötet hölls i Tyskland."]), "ms": ("ms", ["Mesyuarat itu diadakan di Perancis."])}
    assert list(CountryMismatch().run(context(docs))) == []


def test_a_country_in_a_label_is_left_to_country_label_mismatch():
    got = findings({"sv": "Mötet hölls i Dongxing (Tyskland) i juni."})
    assert got == []


def test_a_country_confused_with_a_like_named_one_is_found_where_only_two_others_read_it():
    # Bengali and Hindi write Iraq in forms CLDR does not list: two others naming it, and this
    # one alone naming a country spelt like it (Iran), is a translator's confusion
    docs = {"ms": ("ms", ["Tentera itu berundur dari Iraq."]), "ar": ("ar", ["انسحب الجيش من العراق."]),
            "bn": ("bn", ["সেনাবাহিনী সেখান থেকে সরে আসে।"]), "hi": ("hi", ["सेना वहाँ से हट गई।"]),
            "sv": ("sv", ["Armén drog sig tillbaka från Iran."])}
    got = list(CountryMismatch().run(context(docs)))
    assert [(f.expected, f.found, f.locations[0].document, f.locations[0].evidence) for f in got] == \
        [("IQ", "IR", "sv", "Iran")]
    # ... a country of another name there is no such evidence while only two others read Iraq
    docs["sv"] = ("sv", ["Armén drog sig tillbaka från Tyskland."])
    assert list(CountryMismatch().run(context(docs))) == []
    # ... nor is naming nothing in its place
    docs["sv"] = ("sv", ["Armén drog sig tillbaka."])
    assert list(CountryMismatch().run(context(docs))) == []


# Nine translations, as a health or news batch in many languages: two of the eight others
# write a demonym ("the French capital") where the rest name France.
MANY = {
    "sv": "Mötet hölls i Frankrike i juni.", "ms": "Mesyuarat itu diadakan di Perancis pada bulan Jun.",
    "bn": "সভাটি জুন মাসে ফ্রান্সে অনুষ্ঠিত হয়।", "ar": "عقد الاجتماع في فرنسا في يونيو.",
    "hi": "बैठक जून में फ़्रांस में हुई।", "es": "La reunión se celebró en Francia en junio.",
    "pt": "A reunião realizou-se na França em junho.",
    "fr": "Le sommet s'est tenu dans la capitale française en juin.",
    "id": "Pertemuan diadakan di ibu kota Prancis pada bulan Juni.",
}


def test_with_many_translations_three_in_four_outvote_a_swap_in_a_sentence_about_one_country():
    docs = {lang: (lang, [text]) for lang, text in {**MANY, "sv": "Mötet hölls i Tyskland i juni.",
                                                   "id": "Pertemuan diadakan di ibu kota Perancis pada Juni."}.items()}
    docs["fr"] = ("fr", [MANY["fr"]])  # a demonym: no country read
    got = list(CountryMismatch().run(context(docs)))
    assert [(f.locations[0].document, f.expected, f.found) for f in got] == [("sv", "FR", "DE")]


ALSO = {"ms": " Juga Itali dan Sepanyol.", "bn": " ইতালি ও স্পেনও।", "ar": " وأيضا إيطاليا وإسبانيا.",
        "hi": " इटली और स्पेन भी।", "es": " También Italia y España.", "pt": " Também Itália e Espanha.",
        "fr": " Aussi l'Italie et l'Espagne.", "id": " Juga Italia dan Spanyol.", "sv": " Även Italien och Spanien."}


def listed(changes: dict[str, str]) -> dict:
    """MANY with Italy and Spain named after it, each translation's first sentence replaced by ``changes``."""
    return {lang: (lang, [changes.get(lang, MANY[lang]) + ALSO[lang]]) for lang in MANY}


def test_in_a_list_of_countries_two_in_three_of_many_outvote_a_swap_one_for_one():
    # six of the eight others name France beside Italy and Spain (two write a demonym): Swedish
    # names Germany, which none of them names, in its place
    demonyms = {"fr": "Le sommet s'est tenu dans la capitale française en juin.",
                "es": "La reunión se celebró en la capital francesa en junio."}
    got = list(CountryMismatch().run(context(listed({**demonyms, "sv": "Mötet hölls i Tyskland i juni."}))))
    assert [(f.locations[0].document, f.expected, f.found) for f in got] == [("sv", "FR", "DE")]
    assert {loc.document for loc in got[0].locations if loc.role == "support"} == {"ms", "bn", "ar", "hi", "pt", "id"}
    # ... not where only half of them name France
    more = {**demonyms, "pt": "A reunião realizou-se na capital francesa em junho.",
            "id": "Pertemuan diadakan di ibu kota negara itu pada Juni."}
    assert list(CountryMismatch().run(context(listed({**more, "sv": "Mötet hölls i Tyskland i juni."})))) == []
    # ... nor where two countries the others list are missing for one it names (a pair
    # misread as one name, not a swap)
    two = listed({**demonyms, "sv": "Mötet hölls i Tyskland i juni."})
    two["fr"] = ("fr", [demonyms["fr"] + " Aussi l'Espagne."])
    two["es"] = ("es", [demonyms["es"] + " También España."])
    two["sv"] = ("sv", ["Mötet hölls i Tyskland i juni. Även Spanien."])
    assert list(CountryMismatch().run(context(two))) == []


@pytest.mark.parametrize("text, lang, codes", [
    ("La réunion s'est tenue à Paris.", "fr", []),  # a sentence's first words, not La Réunion
    ("Il est né à La Réunion.", "fr", ["RE"]),
    ("Los Estados Unidos y los estados del sur", "es", ["US"]),
])
def test_a_word_cldr_capitalises_in_a_countrys_name_must_be_capitalised_in_cased_text(text, lang, codes):
    assert [c for _, _, c in country_mentions(text, lang)] == codes


def test_with_many_translations_half_of_them_and_four_at_least_outvote_a_swap_of_a_sentences_one_country():
    # four of the eight others write a demonym ("the French capital"), four name France: the
    # one naming Germany, which none of them names, is a swap
    docs = {lang: (lang, [text]) for lang, text in {**MANY, "sv": "Mötet hölls i Tyskland i juni.",
                                                   "es": "La reunión se celebró en la capital francesa en junio.",
                                                   "pt": "A reunião realizou-se na capital francesa em junho.",
                                                   "id": "Pertemuan diadakan di ibu kota negara itu pada Juni."}.items()}
    got = list(CountryMismatch().run(context(docs)))
    assert [(f.locations[0].document, f.expected, f.found) for f in got] == [("sv", "FR", "DE")]
    # ... but not when the flagged translation writes France with an ending CLDR's name does not
    # give (a postposition glued on): the country may be there after all
    docs["hi"] = ("hi", ["बैठक जून में फ़्रांसवालों के साथ जर्मनी में हुई।"])
    docs["sv"] = ("sv", [MANY["sv"]])
    assert list(CountryMismatch().run(context(docs))) == []
    # ... nor where only three of the others name it
    docs["hi"] = ("hi", ["बैठक जून में जर्मनी में हुई।"])
    docs["ar"] = ("ar", ["عقد الاجتماع في العاصمة الفرنسية في يونيو."])
    assert [f.locations[0].document for f in CountryMismatch().run(context(docs))] == []


@pytest.mark.parametrize("text, codes", [
    ("3月26日，新西兰全国的所有学校都已关闭。", ["NZ"]),  # a name inside a run of words with no space
    ("荷兰、西班牙和中国", ["NL", "ES", "CN"]),  # two characters make a name
    ("巴布亚新几内亚和几内亚", ["PG", "GN"]),  # the longest name first
    ("会议在六月举行。", []),
])
def test_countries_are_read_inside_text_written_without_spaces(text, codes):
    assert [c for _, _, c in country_mentions(text, "zh")] == codes


def test_a_country_swapped_in_a_script_without_spaces_is_found_and_the_same_country_is_not():
    docs = {lang: (lang, paras) for lang, paras in ARTICLE.items()}
    docs["zh"] = ("zh", ["会议于六月在法国首都举行。", "然后他回家了。"])
    assert list(CountryMismatch().run(context(docs))) == []  # France, glued to the words after it
    docs["zh"] = ("zh", ["会议于六月在德国首都举行。", "然后他回家了。"])
    got = list(CountryMismatch().run(context(docs)))
    assert [(f.expected, f.found, f.locations[0].document, f.locations[0].evidence) for f in got] == \
        [("FR", "DE", "zh", "德国")]


def test_a_country_written_with_an_ending_cldr_lacks_is_no_swap_even_where_nearly_all_others_name_it():
    # all eight others name France; Hindi writes it with a postposition glued on (no CLDR
    # name, no listed ending) beside Germany: France may be there after all
    docs = {lang: (lang, [text]) for lang, text in MANY.items()}
    docs["fr"] = ("fr", ["Le sommet s'est tenu en France en juin."])
    docs["hi"] = ("hi", ["बैठक जून में फ़्रांसवालों के साथ जर्मनी में हुई।"])
    assert list(CountryMismatch().run(context(docs))) == []
    docs["hi"] = ("hi", ["बैठक जून में जर्मनी में हुई।"])  # ... but Germany alone in its place is a swap
    assert [(f.locations[0].document, f.expected, f.found) for f in CountryMismatch().run(context(docs))] == \
        [("hi", "FR", "DE")]


@pytest.mark.parametrize("text, lang, codes", [
    ("COVID-19 की महामारी ने चीन और विश्व के लिए", "hi", ["CN"]),  # a caseless word in a paragraph opening in Latin
    ("EU/EEA মধ্যে ফ্রান্সে প্রথম", "bn", ["FR"]),
    ("COVID-19 outbreak in china", "en", []),  # a cased word is still asked its capital
])
def test_a_word_of_a_script_without_case_needs_no_capital_whatever_the_paragraph_opens_with(text, lang, codes):
    assert [c for _, _, c in country_mentions(text, lang)] == codes


@pytest.mark.parametrize("text, lang, codes", [
    ("चीनबाट आयात", "ne", ["CN"]),  # a postposition glued on (countries.yaml endings)
    ("इटलीहून परतलेल्या", "mr", ["IT"]),
    ("जर्मनीपछि फैलियो", "ne", ["DE"]), ("इटलीनंतर पसरला", "mr", ["IT"]),  # "after Germany", "after Italy"
    ("சீனாவிலிருந்து வந்த", "ta", ["CN"]),
    ("تحديات للصين والعالم", "ar", ["CN"]),  # ل + الصين, the article absorbed (article_clitics)
    ("бросила Китаю и Италии вызов, как и Ирану", "ru", ["CN", "IT", "IR"]),  # declension
    ("Китайцы и китайских врачей", "ru", []),  # a demonym and an adjective are no mention
])
def test_countries_are_read_in_their_inflected_forms(text, lang, codes):
    assert [c for _, _, c in country_mentions(text, lang)] == codes


def test_a_translation_the_aligner_doubts_does_not_hide_a_swap_in_the_others():
    docs = {lang: (lang, paras) for lang, paras in ARTICLE.items()}
    docs["sv"] = ("sv", ["Mötet hölls i Tyskland i juni.", "Han reste sedan hem."])
    ctx = context(docs)
    # Hindi's part of the first link is doubted (another paragraph there): the link's own
    # confidence is its weakest member's, under the bar
    first = ctx.alignment.links[0]
    doubted = Link(first.members, 0.2, tuple((d, 0.2 if d == "hi" else 1.0) for d, _ in first.members))
    ctx = GroupContext(ctx.group, ctx.documents, Alignment("g1", "ar", (doubted,) + ctx.alignment.links[1:]),
                       ctx.facts, 0.5)
    got = list(CountryMismatch().run(ctx))
    assert [(f.locations[0].document, f.expected, f.found) for f in got] == [("sv", "FR", "DE")]
    assert "hi" not in {loc.document for loc in got[0].locations}


@pytest.mark.parametrize("text, lang, codes", [
    ("وللصين والهند", "ar", ["CN", "IN"]),  # و + لل (ل + ال): "and to China"
    ("Из Беларуси в Россию", "ru", ["BY", "RU"]),  # a soft sign's cases
])
def test_country_names_behind_two_clitics_and_in_their_cases(text, lang, codes):
    assert [c for _, _, c in country_mentions(text, lang)] == codes


SHIP = {"sv": "Fartyget sjönk nära Mikronesien i går.", "ms": "Kapal itu tenggelam berhampiran Micronesia semalam.",
        "bn": "জাহাজটি গতকাল মাইক্রোনেশিয়ার কাছে ডুবে যায়।",
        "hi": "जहाज़ कल मैक्रोनेशिया के पास डूब गया।",  # a spelling CLDR lacks (it has माइक्रोनेशिया)
        "ar": "غرقت السفينة أمس قرب ميكرونيسيا."}  # س for CLDR's ز (ميكرونيزيا)


def test_a_country_spelt_another_way_by_the_others_witnesses_it():
    # two of the four others read Micronesia by its CLDR name, two spell it a letter or two
    # apart: the four of them outvote the Malay Fiji, which none names
    docs = {lang: (lang, [t]) for lang, t in {**SHIP, "ms": "Kapal itu tenggelam berhampiran Fiji semalam."}.items()}
    got = list(CountryMismatch().run(context(docs)))
    assert [(f.locations[0].document, f.locations[0].evidence, f.expected, f.found) for f in got] == \
        [("ms", "Fiji", "FM", "FJ")]
    assert "4 of the other 4" in got[0].message
    # ... but the translation that spells it so itself is no swap: Micronesia may be there
    docs = {lang: (lang, [t]) for lang, t in {
        **SHIP, "ms": "Kapal itu tenggelam berhampiran Mikronesia dan Fiji semalam."}.items()}
    assert [f.locations[0].document for f in CountryMismatch().run(context(docs))] == []
    assert list(CountryMismatch().run(context({lang: (lang, [t]) for lang, t in SHIP.items()}))) == []


@pytest.mark.parametrize("word, lang, code", [
    ("मैक्रोनेशिया", "hi", "FM"), ("بميكرونيسيا", "ar", "FM"),  # a letter changed; a clitic before it
    ("অস্ট্রেলিয়ান", "bn", None),  # the name with letters after it: a demonym, not the country
    ("Mikronesien", "sv", None),  # the name itself is read as a mention, not as a variant of it
    # a word of the language a letter off the name (wordfreq): a demonym, "the navy", no variant
    ("Argentine", "en", None), ("Spanier", "de", None), ("Belgier", "de", None),
    ("الإيطالية", "ar", None), ("البحرية", "ar", None),
])
def test_a_word_spelling_a_countrys_name_another_way(word, lang, code):
    from audit.extract.labels import _nearest_country

    assert _nearest_country(word, lang) == code


def test_a_demonym_a_letter_off_a_countrys_name_witnesses_nothing():
    # "The Argentine minister met officials in Washington": the English demonym is no spelling of
    # Argentina, so two of four others naming it do not outvote the Russian "in the United States"
    docs = {"sv": "Argentinas minister träffade tjänstemän i Washington på måndagen.",
            "ms": "Menteri Argentina bertemu pegawai di Washington pada hari Isnin.",
            "en": "The Argentine minister met officials in Washington on Monday.",
            "fr": "Le ministre argentin a rencontré des responsables à Washington lundi.",
            "ru": "Аргентинский министр встретился с чиновниками в Соединенных Штатах в понедельник."}
    assert list(CountryMismatch().run(context({lang: (lang, [t]) for lang, t in docs.items()}))) == []


def test_a_common_word_a_letter_off_the_dropped_countrys_name_does_not_hide_a_swap():
    # Arabic البحرية "the navy" is a letter off البحرين (Bahrain): no sign that Bahrain is there
    docs = {"sv": "Flottan sade att fartyget lämnade Bahrain på tisdagen.",
            "ms": "Tentera laut berkata kapal itu meninggalkan Bahrain pada hari Selasa.",
            "fr": "La marine a déclaré que le navire avait quitté Bahreïn mardi.",
            "es": "La armada dijo que el barco salió de Baréin el martes.",
            "ar": "قالت البحرية إن السفينة غادرت قطر يوم الثلاثاء."}
    (f,) = CountryMismatch().run(context({lang: (lang, [t]) for lang, t in docs.items()}))
    assert (f.check, f.expected, f.found) == ("country-mismatch", "BH", "QA")
    assert [(x.document, x.evidence, x.role) for x in f.locations][0] == ("ar", "قطر", "flagged")


AID = {"sv": "Hjälp kom från Belarus, Pakistan och Egypten.", "ms": "Bantuan datang dari Belarus, Pakistan dan Mesir.",
       "bn": "বেলারুশ, পাকিস্তান ও মিশর থেকে সাহায্য আসে।",
       "hi": "बेलारूस, पाकिस्तान और मिस्र से सहायता आई।",  # a vowel sign other than CLDR's बेलारुस
       "pt": "A ajuda veio da Bielorrússia, do Paquistão e do Egito.",
       "fr": "L'aide est venue du Pakistan et d'Égypte.",
       "es": "La ayuda llegó de Bielorusia, Pakistán y Egipto.",  # a letter short of CLDR's Bielorrusia
       "id": "Bantuan datang dari Pakistan dan Mesir.",
       "ar": "جاءت المساعدات من روسيا البيضاء وباكستان ومصر."}  # "White Russia": Russia read, Belarus not


def test_in_a_list_a_spelling_variant_witnesses_nothing():
    # four others name Belarus by CLDR's name, the Hindi and the Spanish a letter apart: with
    # them, six of the eight others would outvote the Arabic compound read as Russia (two in
    # three of many, one for one); in a list a spelling variant does not count
    docs = {lang: (lang, [t]) for lang, t in AID.items()}
    assert [c for _, _, c in country_mentions(AID["ar"], "ar")] == ["RU", "PK", "EG"]
    assert list(CountryMismatch().run(context(docs))) == []


def test_a_country_one_other_translation_alone_names_is_no_swap_s_half():
    # "an American tourist" written "a tourist from the United States" in one translation, the
    # demonym elsewhere: the United States, which one other (the Portuguese) names too, is no
    # swap for Italy, which three of the four others name
    docs = {"fr": "La police d'Italie a arrêté un touriste américain à Rome.",
            "es": "La policía de Italia detuvo a un turista estadounidense en Roma.",
            "pt": "A polícia da Itália prendeu um turista dos Estados Unidos em Roma.",
            "ms": "Polis Itali menahan seorang pelancong Amerika di Rom.",
            "en": "Italian police arrested a tourist from the United States in Rome."}
    assert list(CountryMismatch().run(context({lang: (lang, [t]) for lang, t in docs.items()}))) == []


def _swaps(docs):
    return [(f.locations[0].document, f.locations[0].evidence, f.expected, f.found)
            for f in CountryMismatch().run(context({lang: (lang, [t]) for lang, t in docs.items()}))]


UAE = {"fr": "L'accord a été signé avec les Émirats arabes unis à Paris en mars.",
       "es": "El acuerdo se firmó con los Emiratos Árabes Unidos en París en marzo.",
       "sv": "Avtalet undertecknades med Förenade Arabemiraten i Paris i mars.",
       "en": "The agreement was signed with the United Arab Emirates in Paris in March."}


def test_a_country_written_by_a_rare_word_of_its_name_alone_is_no_country_dropped():
    # the Malay writes the Emirates by the one word of Emiriah Arab Bersatu no other country's
    # name has, a rare word: the country may be there, and Qatar is a country added alone
    ms = "Perjanjian itu ditandatangani dengan {} di Qatar pada bulan Mac."
    assert _swaps({**UAE, "ms": ms.format("Emiriah")}) == []
    # ... written capitalised and whole: a lower-case word or a longer one is no such mention
    assert _swaps({**UAE, "ms": ms.format("emiriah")}) == [("ms", "Qatar", "AE", "QA")]
    assert _swaps({**UAE, "ms": ms.format("Emiriahnya")}) == [("ms", "Qatar", "AE", "QA")]


US_DEAL = {"sv": "Företaget tecknade ett avtal med USA i mars.",
           "bn": "কোম্পানিটি মার্চে মার্কিন যুক্তরাষ্ট্রের সঙ্গে একটি চুক্তি করে।",
           "ar": "وقعت الشركة صفقة مع الولايات المتحدة في مارس.",
           "fr": "L'entreprise a signé un accord avec les États-Unis en mars."}


@pytest.mark.parametrize("lang, text", [
    ("ms", "Syarikat itu menandatangani perjanjian dengan China pada bulan Mac."),  # "company"
    ("hi", "राज्य सरकार ने मार्च में चीन के साथ समझौता किया।"),  # "state"
    ("en", "The company signed a deal with China, as member states did, in March."),  # "states"
])
def test_a_common_word_of_a_countrys_name_does_not_hide_a_swap(lang, text):
    # Syarikat of Amerika Syarikat, राज्य of संयुक्त राज्य, States of United States are words of
    # their language first (wordfreq): they are no sign that the United States is there
    assert _swaps({**US_DEAL, lang: text}) == [(lang, "चीन" if lang == "hi" else "China", "US", "CN")]


def test_a_word_of_a_name_that_begins_another_countrys_does_not_hide_a_swap():
    # "Arab" of United Arab Emirates is not the start of "Saudi Arabia"
    assert _swaps({**UAE, "en": "The agreement was signed with Saudi Arabia in Paris in March."}) == \
        [("en", "Saudi Arabia", "AE", "SA")]


def test_countries_the_flagged_translation_writes_a_letter_short_of_cldr_are_no_countries_dropped():
    # the Swahili writes China and Japan as in English (CLDR: Uchina, Japani): they are there,
    # and Germany alone is what its South Korea replaced
    tests = {"ms": "Ujian dibangunkan di China, Jepun dan Jerman.", "id": "Tes dikembangkan di Tiongkok, Jepang, dan Jerman.",
             "fr": "Les tests ont été mis au point en Chine, au Japon et en Allemagne.",
             "es": "Las pruebas se desarrollaron en China, Japón y Alemania.",
             "pt": "Os testes foram desenvolvidos na China, no Japão e na Alemanha."}
    docs = {lang: (lang, [t]) for lang, t in tests.items()}
    docs["sw"] = ("sw", ["Vipimo viliundwa nchini China, Japan na Korea Kusini."])
    got = list(CountryMismatch().run(context(docs)))
    assert [(f.locations[0].document, f.expected, f.found) for f in got] == [("sw", "DE", "KR")]
    docs["sw"] = ("sw", ["Vipimo viliundwa nchini China, Japan na Ujerumani."])
    assert list(CountryMismatch().run(context(docs))) == []


@pytest.mark.parametrize("text, lang, codes", [
    ("Elle arrive d'Italie et repart vers l’Espagne.", "fr", ["IT", "ES"]),
    ("Les exportations de l'Arabie saoudite et d'Afrique du Sud", "fr", ["SA", "ZA"]),
    ("Va tornar de l'Índia i d'Itàlia.", "ca", ["IN", "IT"]),
    ("Aujourd'hui, l'italie n'est pas un nom.", "fr", []),  # the name after the elision is capitalised
    ("Le esportazioni dell'Italia e dell'India, nell'Iraq, dall'Egitto", "it", ["IT", "IN", "IQ", "EG"]),
    ("Il virus è arrivato sull'isola e all'Eritrea", "it", ["ER"]),
    ("Dall'Austria arrivano i primi casi", "it", ["AT"]),  # a capitalised head at the sentence's start
])
def test_a_name_after_an_elided_article_or_preposition_is_read(text, lang, codes):
    assert [c for _, _, c in country_mentions(text, lang)] == codes


def test_an_italian_country_after_an_elided_preposition_is_flagged():
    docs = {"es": ("es", ["Los primeros casos llegaron de Italia en febrero."]),
            "fr": ("fr", ["Les premiers cas sont arrivés d'Italie en février."]),
            "pt": ("pt", ["Os primeiros casos chegaram da Itália em fevereiro."]),
            "id": ("id", ["Kasus pertama datang dari Italia pada bulan Februari."]),
            "it": ("it", ["I primi casi sono arrivati dall'Austria a febbraio."])}
    (f,) = CountryMismatch().run(context(docs))
    assert (f.expected, f.found, f.locations[0].document, f.locations[0].evidence) == ("IT", "AT", "it", "dall'Austria")


def test_a_french_country_after_an_elided_preposition_witnesses_a_swap():
    docs = {"fr": ("fr", ["Les premiers cas sont arrivés d'Italie en février."]),
            "sv": ("sv", ["De första fallen kom från Italien i februari."]),
            "ms": ("ms", ["Kes pertama tiba dari Sepanyol pada bulan Februari."])}
    (f,) = CountryMismatch().run(context(docs))
    assert (f.expected, f.found) == ("IT", "ES")
    assert [(loc.document, loc.role, loc.evidence) for loc in f.locations] == \
        [("ms", "flagged", "Sepanyol"), ("fr", "support", "d'Italie"), ("sv", "support", "Italien")]


@pytest.mark.parametrize("text, codes", [
    # Hong Kong, Macao: CLDR's 中国香港特别行政区 shortened, no China (nor Hong Kong: no spaced
    # language's CLDR name of it, Hong Kong SAR China, is what a translation writes)
    ("法国、中国香港、伊朗和中国澳门", ["FR", "IR"]),
    ("德国、中国台湾和英国", ["DE", "TW", "GB"]),  # China qualifying Taiwan
    ("中国和美国", ["CN", "US"]),
    ("英国法国德国的专家", ["GB", "FR", "DE"]),  # neighbours CLDR writes before no other territory: each named
    ("日本韩国联合研究", ["JP", "KR"]),
    ("美国本土首例病例", ["US"]),  # the US mainland: 美国本土外小岛屿 (Outlying Islands) only begins the same
])
def test_a_chinese_territory_written_with_china_before_it_names_no_china(text, codes):
    assert [c for _, _, c in country_mentions(text, "zh")] == codes


def test_the_us_mainland_in_traditional_chinese_is_the_us():
    assert [c for _, _, c in country_mentions("美國本土首例病例", "zh_Hant")] == ["US"]


def test_a_chinese_country_swapped_beside_an_unqualified_neighbour_is_flagged():
    docs = {"es": ("es", ["Expertos del Reino Unido, Francia y Alemania firmaron el informe."]),
            "fr": ("fr", ["Des experts du Royaume-Uni, de France et d'Allemagne ont signé le rapport."]),
            "pt": ("pt", ["Especialistas do Reino Unido, França e Alemanha assinaram o relatório."]),
            "id": ("id", ["Para ahli dari Inggris, Prancis, dan Jerman menandatangani laporan itu."]),
            "zh": ("zh", ["英国法国意大利的专家签署了报告。"])}
    (f,) = CountryMismatch().run(context(docs))
    assert (f.expected, f.found, f.locations[0].document, f.locations[0].evidence) == ("DE", "IT", "zh", "意大利")


def test_a_chinese_list_writing_china_s_hong_kong_still_shows_its_swap():
    docs = {"es": ("es", ["La lista incluye Francia, Alemania, Hong Kong, España y Taiwán."]),
            "fr": ("fr", ["La liste comprend la France, l'Allemagne, Hong Kong, l'Espagne et Taïwan."]),
            "pt": ("pt", ["A lista inclui França, Alemanha, Hong Kong, Espanha e Taiwan."]),
            "id": ("id", ["Daftar itu mencakup Prancis, Jerman, Hong Kong, Spanyol, dan Taiwan."]),
            "zh": ("zh", ["名单包括法国、德国、中国香港、柬埔寨和中国台湾。"])}
    (f,) = CountryMismatch().run(context(docs))
    assert (f.expected, f.found, f.locations[0].document, f.locations[0].evidence) == ("ES", "KH", "zh", "柬埔寨")


def test_a_country_one_other_translation_alone_names_does_not_make_a_sentence_a_list():
    # of nine others, seven name Iceland and seven South Korea (two leave each out, one writes
    # Ireland for Iceland): a sentence about two countries, where three in four outvote; the
    # Swahili writes Iceland in no CLDR form and Israel for South Korea
    docs = {"en": "Few countries, such as Iceland and South Korea, avoided closures.",
            "fr": "Peu de pays, comme l'Islande et la Corée du Sud, ont évité les fermetures.",
            "es": "Pocos países, como Islandia y Corea del Sur, evitaron los cierres.",
            "pt": "Poucos países, como a Islândia e a Coreia do Sul, evitaram fechamentos.",
            "it": "Pochi paesi, come l'Islanda e la Corea del Sud, hanno evitato le chiusure.",
            "de": "Wenige Länder, etwa Island und Südkorea, vermieden Schließungen.",
            "sv": "Få länder, som Island, undvek stängningar.",
            "nl": "Weinig landen, zoals Ierland en Zuid-Korea, vermeden sluitingen.",
            "id": "Sedikit negara menghindari penutupan.",
            "sw": "Nchi chache, kama vile Aislandi na Israeli, ziliepuka kufungwa."}
    got = list(CountryMismatch().run(context({lang: (lang, [t]) for lang, t in docs.items()})))
    assert [(f.locations[0].document, f.locations[0].evidence, f.found) for f in got] == \
        [("nl", "Ierland", "IE"), ("sw", "Israeli", "IL")]


@pytest.mark.parametrize("text, codes", [
    ("ஜப்பானில் மற்றும் ஈரானில்", ["JP", "IR"]),  # ஜப்பான் + இல்: the ending took the pulli's place
    ("சீனாவைச் சேர்ந்த ஆய்வாளர்கள்", ["CN"]),  # a consonant doubled before the next word
    ("ஜப்பானிய நிறுவனம்", []),  # "Japanese": no ending of a name
])
def test_tamil_country_names_with_their_endings_glued_on_are_read(text, codes):
    assert [c for _, _, c in country_mentions(text, "ta")] == codes


@pytest.mark.parametrize("text, lang, codes", [
    ("যুক্তরাষ্ট্র, স্পেন ও ইতালি", "bn", ["US", "ES", "IT"]),  # other_names: the formal name's last word alone
    ("أمريكا اللاتينية وأمريكا", "ar", ["US"]),  # a CLDR region's name (Latin America) is no US
    ("জাহাজটি আমেরিকায় পৌঁছেছে", "bn", []),  # CLDR's own name of the Americas (019) is no country's
    ("जहाज़ अमेरिका पहुँचा", "hi", ["US"]),  # where CLDR's 019 is another word (अमेरिकाज़), it is read
    # guards (pass on main too): CLDR's names read once, a region's name read as none
    ("दक्षिण अमेरिका और चीन", "hi", ["CN"]),
    ("संयुक्त राज्य अमेरिका में", "hi", ["US"]),
])
def test_a_country_s_name_cldr_lacks_is_read_and_a_region_s_name_is_not(text, lang, codes):
    assert [c for _, _, c in country_mentions(text, lang)] == codes


# an invented sentence: two translations name the US by CLDR names (USA, Amerika Syarikat,
# الولايات المتحدة), the others write "America" (countries.yaml other_names), a weak witness
GRAIN = {
    "sv": "Fartyget med spannmålen lämnade hamnen mot USA i måndags.",
    "ms": "Kapal yang membawa bijirin itu meninggalkan pelabuhan ke Amerika Syarikat pada hari Isnin.",
    "ar": "غادرت السفينة المحملة بالحبوب الميناء متجهة إلى الولايات المتحدة يوم الاثنين.",
    "hi": "अनाज से लदा जहाज़ सोमवार को अमेरिका के लिए बंदरगाह से रवाना हुआ।",
    "ur": "اناج سے لدا جہاز پیر کو امریکہ کے لیے بندرگاہ سے روانہ ہوا۔",
}


def test_a_swap_is_witnessed_by_translations_that_write_america_where_two_name_the_united_states():
    docs = {lang: (lang, [t]) for lang, t in GRAIN.items()}
    assert list(CountryMismatch().run(context(docs))) == []
    docs["sv"] = ("sv", [GRAIN["sv"].replace("USA", "Taiwan")])
    (f,) = CountryMismatch().run(context(docs))
    assert (f.check, f.expected, f.found) == ("country-mismatch", "US", "TW")
    assert [(loc.document, loc.evidence) for loc in f.locations if loc.role == "flagged"] == [("sv", "Taiwan")]
    assert {loc.document for loc in f.locations if loc.role == "support"} == {"ms", "ar", "hi", "ur"}


def test_cldr_s_name_of_the_americas_is_a_weak_witness_where_two_name_the_united_states():
    # Bengali আমেরিকা is CLDR's name of the Americas (019): no mention, but where two others name
    # the US by CLDR names it witnesses it (here the third witness the rule needs of four others)
    docs = {lang: (lang, [GRAIN[lang]]) for lang in ("sv", "ms", "ar")}
    docs["bn"] = ("bn", ["শস্যবাহী জাহাজটি সোমবার আমেরিকার উদ্দেশে বন্দর ছেড়েছে।"])
    docs["ne"] = ("ne", ["अन्न बोकेको जहाज सोमबार बन्दरगाहबाट हिँड्यो।"])
    assert list(CountryMismatch().run(context(docs))) == []
    docs["sv"] = ("sv", [GRAIN["sv"].replace("USA", "Taiwan")])
    (f,) = CountryMismatch().run(context(docs))
    assert (f.expected, f.found) == ("US", "TW")
    assert {loc.document for loc in f.locations if loc.role == "support"} == {"ms", "ar", "bn"}
    del docs["ar"]  # one CLDR witness: the Americas witness nothing
    assert list(CountryMismatch().run(context(docs))) == []


def test_america_alone_outvotes_no_translation():
    # one translation names the US by a CLDR name: "America" in the others may be the continent
    docs = {lang: (lang, [t]) for lang, t in GRAIN.items() if lang != "ar"}
    docs["sv"] = ("sv", [GRAIN["sv"].replace("USA", "Taiwan")])
    assert list(CountryMismatch().run(context(docs))) == []


def test_a_virus_that_reached_the_americas_names_no_united_states():
    # an invented article: "the Americas" (continent, region) read as the US in most translations
    # where one adds the country of the city: no country-mismatch
    docs = {lang: (lang, [t]) for lang, t in {
        "es": "El virus, detectado primero en Lima, Perú, ya ha llegado a las Américas.",
        "fr": "Le virus, apparu d'abord à Lima, a désormais atteint les Amériques.",
        "hi": "लीमा में पहली बार दिखा वायरस अब अमेरिका महाद्वीप पहुँच गया है।",
        "ne": "लिमामा पहिलो पटक देखिएको भाइरस अब अमेरिका महादेश पुगेको छ।",
        "ur": "لیما میں پہلی بار دیکھا گیا وائرس اب براعظم امریکہ پہنچ گیا ہے۔",
        "bn": "লিমায় প্রথম দেখা ভাইরাসটি এখন ল্যাটিন আমেরিকায় ছড়িয়েছে।",
        "mr": "लिमामध्ये प्रथम आढळलेला विषाणू आता नॉर्थ अमेरिका खंडात पोहोचला आहे.",
    }.items()}
    assert list(CountryMismatch().run(context(docs))) == []


def test_america_written_for_a_country_the_others_name_is_not_the_country_flagged():
    # a translator writes "North America" (नॉर्थ अमेरिका, not CLDR's spelling) for Canada: "America" is no swap's Y
    docs = {lang: (lang, [t]) for lang, t in {
        "en": "The team flew to Canada for the final.",
        "fr": "L'équipe s'est envolée pour le Canada pour la finale.",
        "es": "El equipo voló a Canadá para la final.",
        "sv": "Laget flög till Kanada inför finalen.",
        "hi": "टीम फ़ाइनल के लिए नॉर्थ अमेरिका गई।",
    }.items()}
    assert list(CountryMismatch().run(context(docs))) == []
