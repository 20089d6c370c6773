"""The name checks on real-looking translations: renderings that are not findings, drops that are."""
import pytest

from audit import run
from conftest import write

# One short article in five languages, the way professional translators write it: names
# transliterated with their own vowels and endings (ক্যাভানা, वाशिंगटन, ওয়াশিংটনে), the
# country translated (Tyskland, Jerman, জার্মানি, ألمانيا).
ARTICLE = {
    "sv": ["Den 12 mars 2025 träffade Brett Kavanaugh 40 senatorer i Washington.",
           "Tyskland skickade 300 läkare till regionen 2024.",
           "Tyler Davis, 18, vann loppet med 2 500 röster.",
           "Ministeriet sa att 75 skolor öppnar 2026."],
    "ms": ["Pada 12 Mac 2025, Brett Kavanaugh bertemu 40 senator di Washington.",
           "Jerman menghantar 300 doktor ke wilayah itu pada 2024.",
           "Tyler Davis, 18, memenangi perlumbaan dengan 2,500 undi.",
           "Kementerian berkata 75 sekolah akan dibuka pada 2026."],
    "bn": ["১২ মার্চ ২০২৫ তারিখে ব্রেট ক্যাভানা ওয়াশিংটনে ৪০ জন সিনেটরের সঙ্গে দেখা করেন।",
           "জার্মানি ২০২৪ সালে অঞ্চলটিতে ৩০০ জন চিকিৎসক পাঠিয়েছে।",
           "টাইলার ডেভিস, ১৮, ২,৫০০ ভোট পেয়ে দৌড়ে জিতেছেন।",
           "মন্ত্রণালয় জানিয়েছে ২০২৬ সালে ৭৫টি স্কুল খুলবে।"],
    "hi": ["12 मार्च 2025 को ब्रेट कैवनौघ ने वाशिंगटन में 40 सीनेटरों से मुलाकात की।",
           "जर्मनी ने 2024 में क्षेत्र में 300 डॉक्टर भेजे।",
           "टायलर डेविस, 18, ने 2,500 वोटों से दौड़ जीती।",
           "मंत्रालय ने कहा कि 2026 में 75 स्कूल खुलेंगे।"],
    "ar": ["في 12 مارس 2025 التقى بريت كافانو 40 عضوا في مجلس الشيوخ في واشنطن.",
           "أرسلت ألمانيا 300 طبيب إلى المنطقة في عام 2024.",
           "فاز تايلر ديفيس، 18 عاما، بالسباق بـ 2500 صوت.",
           "قالت الوزارة إن 75 مدرسة ستفتح في عام 2026."],
}
NAME_CHECKS = ("name-missing", "name-substituted")


@pytest.fixture(autouse=True)
def broad_vote(monkeypatch):
    """These tests are of the broad name vote (config ``names.vote: broad``); the default is strict."""
    from audit.checks.names.votes import NameVoteCheck

    monkeypatch.setattr(NameVoteCheck, "broad", True)



def name_findings(tmp_path, config, article, codes=NAME_CHECKS):
    config = config.override({"checks": {"select": list(codes)}})  # the name checks alone
    for lang, lines in article.items():
        write(tmp_path, f"news.{lang}.txt", "\n".join(lines) + "\n")
    return [f for f in run([tmp_path], config).findings if f.check in codes]


def edited(lang, line, old, new):
    article = {k: list(v) for k, v in ARTICLE.items()}
    assert old in article[lang][line - 1]
    article[lang][line - 1] = article[lang][line - 1].replace(old, new)
    return article


def flagged(f):
    return [(loc.document, loc.line) for loc in f.locations if loc.role == "flagged"]


def test_transliterations_inflections_and_translated_countries_are_not_findings(tmp_path, config):
    assert [(f.check, f.message) for f in name_findings(tmp_path, config, ARTICLE)] == []


@pytest.mark.parametrize("lang, old", [("ar", "تايلر "), ("bn", "টাইলার "), ("sv", "Tyler "), ("hi", "टायलर ")])
def test_a_dropped_name_is_one_finding_in_any_script(tmp_path, config, lang, old):
    got = name_findings(tmp_path, config, edited(lang, 3, old, ""))
    assert [(f.check, flagged(f)) for f in got] == [("name-missing", [(f"news.{lang}", 3)])]
    assert "Tyler" in got[0].expected  # the name as a cased translation writes it


def test_a_country_swapped_for_another_is_found(tmp_path, config):
    got = name_findings(tmp_path, config, edited("ar", 2, "ألمانيا", "فرنسا"))
    assert [flagged(f) for f in got] == [[("news.ar", 2)]]


def test_a_surname_substituted_is_found(tmp_path, config):
    got = name_findings(tmp_path, config, edited("ms", 1, "Brett Kavanaugh", "Brett Davis"))
    assert [(f.check, flagged(f)) for f in got] == [("name-missing", [("news.ms", 1)])] or \
        [(f.check, flagged(f)) for f in got] == [("name-substituted", [("news.ms", 1)])]


def test_a_word_two_caseless_scripts_share_is_not_a_name(tmp_path, config):
    # Hindi राजनीति and Bengali রাজনীতি ("politics") meet; Arabic translates it. No cased
    # translation capitalises it, so it is no name, and Arabic drops nothing.
    article = {"bn": ["২০২৫ সালে রাজনীতি নিয়ে ৪০টি সভা হয়েছিল।", "মন্ত্রণালয় ৭৫টি স্কুল খুলবে ২০২৬ সালে।"],
               "hi": ["2025 में राजनीति पर 40 बैठकें हुईं।", "मंत्रालय 2026 में 75 स्कूल खोलेगा।"],
               "ar": ["عقدت 40 جلسة حول السياسة في عام 2025.", "ستفتح الوزارة 75 مدرسة في عام 2026."]}
    assert name_findings(tmp_path, config, article) == []


def test_a_title_of_common_words_is_not_a_name(tmp_path, config):
    # Malay capitalises Perdana Menteri ("prime minister"); the others translate the title
    article = {k: list(v) for k, v in ARTICLE.items()}
    article["ms"][3] = "Perdana Menteri berkata 75 sekolah akan dibuka pada 2026."
    assert name_findings(tmp_path, config, article) == []


def test_two_translations_cannot_outvote_each_other_on_a_name(tmp_path, config):
    article = {"sv": ARTICLE["sv"], "ms": [ARTICLE["ms"][0], ARTICLE["ms"][1],
                                          "Davis, 18, memenangi perlumbaan dengan 2,500 undi.", ARTICLE["ms"][3]]}
    assert name_findings(tmp_path, config, article) == []


def test_spelling_variants_are_notes_and_common_words_are_not_names(tmp_path, config):
    # Persian شود / شده ("becomes" / "become") share a key and a neighbour: words, not a name
    config = config.override({"languages": ["fa", "ms"]})
    fa = ["در سال 2025 گفته شده است که 40 مدرسه باز شود.", "در سال 2026 گفته شده است که 75 مدرسه باز شود.",
          "گفته شود است که 12 مدرسه در 2027."]
    ms = ["Pada 2025 dikatakan 40 sekolah akan dibuka.", "Pada 2026 dikatakan 75 sekolah akan dibuka.",
          "Dikatakan 12 sekolah pada 2027."]
    got = name_findings(tmp_path, config, {"fa": fa, "ms": ms}, ("name-spelling-variant",))
    assert got == []
    from audit.checks import REGISTRY

    assert next(c for c in REGISTRY if c.code == "name-spelling-variant").severity == "note"


def test_the_name_checks_are_on_by_default_with_the_strict_vote(tmp_path, config):
    from audit.checks import selected_checks

    codes = {c.code for c in selected_checks(config)}
    assert {"name-missing", "name-substituted", "name-spelling-variant"} <= codes
    assert config.names.vote == "strict"
    config = config.override({"checks": {"ignore": ["name-missing"]}})
    assert "name-missing" not in {c.code for c in selected_checks(config)}


@pytest.mark.parametrize("name, word, meets", [
    ("Washington", "वाशिंगटन", True),  # the first letter written another way
    ("Ballesteros", "بايستيروس", True),  # Arabic drops a vowel-borne letter
    ("Rosenstein", "रोसेंटीन", True),
    ("captain", "Europakaptenen", True),  # a Swedish compound
    ("Uzbekistan", "uzbekisk", True),  # a derived form
    ("Kavanaugh", "ক্যাভানার", True),  # loose key, Bengali genitive
    ("Tyler", "Davis", False),
    ("Donggala", "যোগাযোগব্যবস্থা", False),
    ("Kremlin", "hävdar", False),
])
def test_near_spellings_meet_and_other_words_do_not(name, word, meets):
    from audit.checks.names.common import word_keys
    from audit.checks.names.match import name_keys, written

    lang = {"ক": "bn", "ب": "ar", "व": "hi", "र": "hi", "য": "bn"}.get(word[0], "sv")
    assert written(name_keys(name), word_keys(word, lang), None, lang) is meets


@pytest.mark.parametrize("text, lang, present", [
    ("أرسلت ألمانيا 300 طبيب إلى المنطقة", "ar", True),
    ("أرسلت فرنسا 300 طبيب إلى المنطقة", "ar", False),  # المنطقة ("the region") is not ألمانيا
    ("জার্মানীকে বার করে আনার চেষ্টা", "bn", True),  # with a case ending
    ("Tysklands regering", "sv", True),
])
def test_a_country_by_its_cldr_name(text, lang, present):
    from audit.checks.names.common import word_keys
    from audit.checks.names.match import writes_territory

    assert writes_territory(word_keys(text, lang), lang, {"DE"}) is present


# One name spelt two ways in a caseless translation (त्रान / ट्रान, لانغ / لانج), and the
# cased translations of the same two paragraphs.
VARIANT = {
    "hi": ["त्रान कुओंग ने 2025 में 40 स्कूल खोले।", "ट्रान कुओंग ने 2026 में 75 स्कूल खोले।"],
    "ar": ["افتتح لانغ سون 40 مدرسة في عام 2025.", "افتتح لانج سون 75 مدرسة في عام 2026."],
}
NAMED = {"hi": "Tran Cuong", "ar": "Lang Son"}
CASED = {"sv": "{} öppnade {} skolor {}.", "ms": "{} membuka {} sekolah pada {}.", "es": "{} abrió {} escuelas en {}."}
TRANSLATED = {"sv": "Rektorn", "ms": "Pengetua", "es": "El director"}


def variant_article(lang, keep):
    """``lang``'s two spellings, and the cased translations: those in ``keep`` write the
    name capitalised, the others translate it by a common word."""
    article = {lang: VARIANT[lang]}
    for c, pattern in CASED.items():
        who = NAMED[lang] if c in keep else TRANSLATED[c]
        article[c] = [pattern.format(who, 40, 2025), pattern.format(who, 75, 2026)]
    return article


@pytest.mark.parametrize("lang", ["hi", "ar"])
def test_a_name_two_cased_translations_write_spelt_two_ways_is_a_variant(tmp_path, config, lang):
    config = config.override({"languages": [lang, *CASED]})
    got = name_findings(tmp_path, config, variant_article(lang, ("sv", "ms")), ("name-spelling-variant",))
    assert [sorted(flagged(f)) for f in got] == [[(f"news.{lang}", 1), (f"news.{lang}", 2)]]


@pytest.mark.parametrize("lang", ["hi", "ar"])
def test_a_word_only_one_of_several_cased_translations_keeps_capitalised_is_no_name(tmp_path, config, lang):
    # one translation left the term in English (University, Bovine); the others translated it
    config = config.override({"languages": [lang, *CASED]})
    got = name_findings(tmp_path, config, variant_article(lang, ("ms",)), ("name-spelling-variant",))
    assert got == []


@pytest.mark.parametrize("lang", ["hi", "ar"])
def test_the_only_cased_translation_confirms_a_variant_alone(tmp_path, config, lang):
    config = config.override({"languages": [lang, "sv"]})
    article = {k: v for k, v in variant_article(lang, ("sv",)).items() if k in (lang, "sv")}
    got = name_findings(tmp_path, config, article, ("name-spelling-variant",))
    assert [len(flagged(f)) for f in got] == [2]


def test_the_config_chooses_the_name_vote(tmp_path, config, monkeypatch):
    from audit import AuditError
    from audit.checks.names.votes import NameVoteCheck

    monkeypatch.setattr(NameVoteCheck, "broad", None)  # as a user runs it: the config decides
    article = edited("bn", 3, "টাইলার ডেভিস", "")  # a name the article gives once, dropped
    (tmp_path / "strict").mkdir(), (tmp_path / "broad").mkdir()
    assert name_findings(tmp_path / "strict", config, article) == []  # strict: said once, no evidence
    got = name_findings(tmp_path / "broad", config.override({"names": {"vote": "broad"}}), article)
    assert [(f.check, flagged(f)) for f in got] == [("name-missing", [("news.bn", 3)])]
    with pytest.raises(AuditError, match="names.vote"):
        config.override({"names": {"vote": "lenient"}})
