"""The strict name vote (``names.yaml: vote: strict``) through name-missing and name-substituted,
on one article in five translations built in memory: a name the others write is reported only
where one translation writes nothing like it but writes it elsewhere."""
import pytest

from audit.checks.name_missing import NameMissing
from audit.checks.name_substituted import NameSubstituted
from checkctx import context, flagged, run


class StrictMissing(NameMissing):
    broad = False


class StrictSubstituted(NameSubstituted):
    broad = False


ARTICLE = {
    "sv": ["Kaptenen Jim Furyk bänkade Mickelson på lördagen.",
           "På söndag passerar Mickelson Nick Faldos rekord.",
           "Mickelson har 18 segrar, sa Furyk.",
           "Mickelson flög hem från Storbritannien."],
    "ms": ["Kapten Jim Furyk merehatkan Mickelson pada hari Sabtu.",
           "Pada hari Ahad Mickelson akan mengatasi rekod Nick Faldo.",
           "Mickelson menang 18 kali, kata Furyk.",
           "Mickelson terbang pulang dari Britain."],
    "bn": ["অধিনায়ক জিম ফিউরিক শনিবার মিকেলসনকে বসিয়ে রাখেন।",
           "রবিবার মিকেলসন নিক ফাল্ডোর রেকর্ড ভাঙবেন।",
           "মিকেলসনের 18টি জয় আছে, ফিউরিক বলেন।",  # genitive
           "মিকেলসন ব্রিটেন থেকে বাড়ি ফেরেন।"],
    "hi": ["कप्तान जिम फ्यूरिक ने शनिवार को मिकेलसन को बाहर रखा।",
           "रविवार को मिकेलसन निक फाल्डो का रिकॉर्ड तोड़ेंगे।",
           "मिकेलसन ने 18 जीत हासिल की हैं, फ्यूरिक ने कहा।",
           "मिकेलसन ब्रिटेन से घर लौटे।"],
    "ar": ["أبقى القائد جيم فيوريك ميكلسون على مقاعد البدلاء يوم السبت.",
           "سيتجاوز ميكلسون يوم الأحد الرقم القياسي لنيك فالدو.",
           "وقال فيوريك إن لميكلسون 18 فوزا.",  # the clitic ل glued to the name
           "عاد ميكلسون إلى بلاده من بريطانيا."],
}


def article(lang: str | None = None, line: int = 0, text: str = "") -> dict:
    """The article, with line ``line`` (1-based) of ``lang`` replaced by ``text``."""
    out = {}
    for code, lines in ARTICLE.items():
        lines = list(lines)
        if code == lang:
            lines[line - 1] = text
        out[code] = (code, lines)
    return out


def test_the_article_as_translated_gives_no_finding():
    # inflected forms (মিকেলসনের, لميكلسون) and a translated country (Storbritannien = ব্রিটেন = بريطانيا)
    ctx = context(article())
    assert run(StrictMissing, ctx) == []
    assert run(StrictSubstituted, ctx) == []


@pytest.mark.parametrize("lang, line, text", [
    ("ms", 3, "Dia menang 18 kali, kata Furyk."),
    ("bn", 2, "রবিবার তিনি নিক ফাল্ডোর রেকর্ড ভাঙবেন।"),
    ("hi", 2, "रविवार को वह निक फाल्डो का रिकॉर्ड तोड़ेंगे।"),
    ("ar", 1, "أبقى القائد جيم فيوريك اللاعب على مقاعد البدلاء يوم السبت."),
])
def test_a_name_dropped_in_any_script_is_missing_there(lang, line, text):
    got = run(StrictMissing, context(article(lang, line, text)))
    assert [(f.check, flagged(f)) for f in got] == [("name-missing", [(lang, line, "")])]
    assert got[0].expected in ("Mickelson", "Mickelsons")
    assert run(StrictSubstituted, context(article(lang, line, text))) == []


def test_another_name_in_its_place_is_a_substitution():
    got = run(StrictSubstituted, context(article("sv", 3, "Faldo har 18 segrar, sa Furyk.")))
    assert [(f.check, flagged(f), f.expected, f.found) for f in got] == \
        [("name-substituted", [("sv", 3, "Faldo")], "Mickelson", "Faldo")]


def test_a_name_this_translation_never_writes_is_its_own_rendering_not_a_drop():
    # ms writes "pemain itu" (the player) wherever the others name him: no omission anywhere
    ms = [t.replace("Mickelson", "pemain itu") for t in ARTICLE["ms"]]
    texts = article()
    texts["ms"] = ("ms", ms)
    assert run(StrictMissing, context(texts)) == []


def test_a_common_word_of_a_caseless_script_is_no_name():
    # Bengali রাজনীতি and Hindi राजनीति ("politics") meet by key, but no cased translation
    # capitalises them: Hindi leaving it out is no finding
    texts = article()
    texts["bn"][1][1] = "রবিবার মিকেলসন রাজনীতি নিয়ে কথা বলেন।"
    texts["hi"][1][1] = "रविवार को मिकेलसन ने बात की।"
    texts["sv"][1][1] = "På söndag talade Mickelson om politik."
    texts["ms"][1][1] = "Pada hari Ahad Mickelson bercakap tentang politik."
    texts["ar"][1][1] = "تحدث ميكلسون يوم الأحد عن السياسة."
    assert run(StrictMissing, context(texts)) == []
