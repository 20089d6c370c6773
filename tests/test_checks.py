"""Each check: input texts beside the findings they must (and must not) give."""
import pytest

from audit import run
from audit.checks import REGISTRY
from conftest import ROOT, write


def findings(tmp_path, config, texts, code):
    for name, text in texts.items():
        write(tmp_path, name, text)
    return [f for f in run([tmp_path], config).findings if f.check == code]


BN = ["১৯ থেকে ২১ ফেব্রুয়ারি হা লং সিটিতে বসন্ত সভা অনুষ্ঠিত হয়।",
      "দুই পক্ষ ২৯টি চুক্তি স্বাক্ষর করেছে, যার মধ্যে কোয়াং নিন প্রদেশ ১২টি।",
      "সীমান্ত মার্কার 1369-এ সরাসরি অ্যাম্বুলেন্স রুট চালু হয়েছে।"]
SV = ["Den 19–21 februari hölls vårmötet i Ha Long City.",
      "Parterna undertecknade 29 avtal, varav Quang Ninh-provinsen 12.",
      "En direkt ambulansväg vid gränsmarkör 1369 öppnades."]
MS = ["Pada 19 hingga 21 Februari, Mesyuarat Musim Bunga diadakan di Bandar Ha Long.",
      "Kedua-dua pihak menandatangani 28 perjanjian, termasuk 12 oleh wilayah Quang Ninh.",
      "Laluan ambulans terus di penanda sempadan 1369 dibuka."]


def test_number_mismatch_majority_outvotes_outlier(tmp_path, config):
    got = findings(tmp_path, config, {"a_bn.txt": "\n".join(BN), "b_sv.txt": "\n".join(SV), "c_ms.txt": "\n".join(MS)}, "number-mismatch")
    assert len(got) == 1
    f = got[0]
    assert (f.expected, f.found) == (29, 28)
    flagged = [loc for loc in f.locations if loc.role == "flagged"]
    assert [(loc.document, loc.line, loc.evidence) for loc in flagged] == [("c_ms", 2, "28")]
    assert {loc.document for loc in f.locations if loc.role == "support"} == {"a_bn", "b_sv"}


def test_number_mismatch_two_translations_flag_both(tmp_path, config):
    got = findings(tmp_path, config, {"b_sv.txt": "\n".join(SV), "c_ms.txt": "\n".join(MS)}, "number-mismatch")
    assert len(got) == 1
    assert sorted((loc.document, loc.evidence) for loc in got[0].locations) == [("b_sv", "29"), ("c_ms", "28")]


def test_equivalent_forms_are_not_findings(tmp_path, config):
    fixed = [MS[0], MS[1].replace("28", "dua puluh sembilan"), MS[2]]
    got = findings(tmp_path, config, {"a_bn.txt": "\n".join(BN), "b_sv.txt": "\n".join(SV), "c_ms.txt": "\n".join(fixed)}, "number-mismatch")
    assert got == []


def test_country_mismatch_a_country_swapped_in_running_text(tmp_path, config):
    texts = {"a_bn.txt": BN + ["প্রতিনিধি দলটি তারপর লাওসে যায়।"],
             "b_sv.txt": SV + ["Delegationen reste sedan vidare till Laos."],
             "c_ms.txt": MS[:1] + [MS[1].replace("28", "29")] + MS[2:] + ["Delegasi itu kemudian ke Kemboja."]}
    got = findings(tmp_path, config, {k: "\n".join(v) for k, v in texts.items()}, "country-mismatch")
    assert [(f.expected, f.found) for f in got] == [("LA", "KH")]
    assert [(loc.document, loc.line, loc.evidence) for loc in got[0].locations if loc.role == "flagged"] == \
        [("c_ms", 4, "Kemboja")]
    assert {loc.document for loc in got[0].locations if loc.role == "support"} == {"a_bn", "b_sv"}


def test_country_label_conflict_minority_is_flagged(tmp_path, config):
    text = ("Provinserna Quang Ninh och regionen Guangxi Zhuang (Kina) möttes i februari 2025.\n"
            "Folket i Quang Ninh och den autonoma regionen Guangxi Zhuang (Vietnam) fick förtroende.\n"
            "Kamraten tackade regionen Guangxi Zhuang (Kina) för samarbetet 2025.\n")
    got = findings(tmp_path, config, {"sv.txt": text}, "country-label-conflict")
    assert len(got) == 1
    f = got[0]
    assert (f.expected, f.found) == ("CN", "VN")
    assert [(loc.line, loc.evidence) for loc in f.locations if loc.role == "flagged"] == [(2, "Guangxi Zhuang (Vietnam)")]
    assert [loc.line for loc in f.locations if loc.role == "support"] == [1, 3]


def test_list_duplicate(tmp_path, config):
    # a caseless list's repeated member is a name when a cased translation capitalises it
    text = "وقع أمناء اللجان في كوانج نينه، لانج سون، كاو بانج، لانج سون على المحاضر في عام 2025.\n"
    ms = "Setiausaha jawatankuasa di Quang Ninh, Lang Son, Cao Bang dan Ha Giang menandatangani minit pada 2025.\n"
    got = findings(tmp_path, config, {"ar.txt": text, "ms.txt": ms}, "list-duplicate")
    assert len(got) == 1 and [loc.evidence for loc in got[0].locations] == ["لانج سون", "لانج سون"]
    assert got[0].found == "لانج سون (2 times)"


def test_list_of_distinct_words_is_not_a_duplicate(tmp_path, config):
    text = "التعاون في الصحة، والنقل، والتجارة، والسياحة في عام 2025.\n"
    assert findings(tmp_path, config, {"ar.txt": text}, "list-duplicate") == []


def test_registry_every_check_has_code_description_and_test():
    import pathlib

    tests = pathlib.Path(__file__).read_text()
    codes = [c.code for c in REGISTRY]
    assert len(codes) == len(set(codes))
    for c in REGISTRY:
        assert c.code and c.description and c.severity in ("error", "warning", "note")
        assert f'"{c.code}"' in tests, f"no test for {c.code}"


# --- cross-translation checks on a four-language article (en, fr, de, es) written for these tests ---

ARTICLES = ROOT / "tests" / "data" / "articles"


def article(tmp_path, stem="trade", edit=None):
    """Copy one article's four translations, applying edit = (lang, old, new) to one."""
    for src in sorted(ARTICLES.glob(f"{stem}.*.txt")):
        text = src.read_text("utf-8")
        if edit and src.name == f"{stem}.{edit[0]}.txt":
            assert edit[1] in text, edit
            text = text.replace(edit[1], edit[2], 1)
        (tmp_path / src.name).write_text(text, "utf-8")
    return tmp_path


def test_clean_translations_give_no_findings(tmp_path, wide_config):
    wide_config["checks"]["select"] = [c.code for c in REGISTRY]
    for src in ARTICLES.glob("*.txt"):
        (tmp_path / src.name).write_text(src.read_text("utf-8"), "utf-8")
    report = run([tmp_path], wide_config)
    assert sorted(len(g.documents) for g in report.groups) == [4, 4]
    assert [(f.check, f.message) for f in report.findings] == []


@pytest.mark.parametrize("edit, code, line, evidence, expected, found", [
    (("de", "12 neue Abkommen", "13 neue Abkommen"), "number-mismatch", 2, "13", 12, 13),
    (("fr", "4,2 milliards", "4,2 millions"), "number-mismatch", 3, "4,2 millions", 4_200_000_000, 4_200_000),
    (("fr", "une hausse de 35 %", "une hausse"), "number-missing", 3, "", 35, None),
    (("es", "del 19 al 21 de noviembre", "del 19 al 22 de noviembre"), "date-mismatch", 6,
     "19 al 22 de noviembre", "11-19/21", "11-19/22"),
    (("en", "Dongxing (China)", "Dongxing (Vietnam)"), "country-label-mismatch", 6, "Dongxing (Vietnam)", "CN", "VN"),
    (("de", "Volkskomitees von Lang Son", "Volkskomitees der Provinz"), "name-missing", 4, "", "Lang Son", None),
    (("fr", "comité populaire de Lang Son", "comité populaire de Cao Bang"), "name-substituted", 4, "Cao Bang",
     "Lang Son", "Cao Bang"),
    # a list of three that loses a member is a pair of names, still compared with the others' lists
    (("en", "Lang Son, Quang Ninh and Cao Bang", "Lang Son and Cao Bang"), "list-mismatch", 2,
     "Lang Son and Cao Bang", "Quang Ninh", None),
    (("de", "Lang Son, Quang Ninh und Cao Bang", "Lang Son, Cao Bang"), "list-mismatch", 2,
     "Lang Son, Cao Bang", "Quang Ninh", None),
])
def test_injected_discrepancy_is_found_in_the_outlier(tmp_path, wide_config, edit, code, line, evidence, expected, found):
    wide_config["checks"]["select"] = [c.code for c in REGISTRY]  # the name checks are off by default
    report = run([article(tmp_path, edit=edit)], wide_config)
    got = [f for f in report.findings if f.check == code]
    assert len(got) == 1, [(f.check, f.message) for f in report.findings]
    f = got[0]
    flagged = [(loc.document, loc.line, loc.evidence) for loc in f.locations if loc.role == "flagged"]
    assert flagged == [(f"trade.{edit[0]}", line, evidence)]
    assert {loc.document for loc in f.locations if loc.role == "support"} == \
        {f"trade.{x}" for x in ("en", "fr", "de", "es")} - {f"trade.{edit[0]}"}
    assert (f.expected, f.found) == (expected, found)


def test_a_list_member_repeated_in_place_of_another_is_one_list_duplicate(tmp_path, wide_config):
    report = run([article(tmp_path, edit=("es", "Lang Son, Quang Ninh y Cao Bang", "Lang Son, Quang Ninh y Lang Son"))],
                 wide_config)
    got = [f for f in report.findings if f.check.startswith("list-")]
    assert [(f.check, f.found) for f in got] == [("list-duplicate", "Lang Son (2 times)")]
    assert [(loc.document, loc.line, loc.evidence) for loc in got[0].locations] == [("trade.es", 2, "Lang Son")] * 2


def test_two_translations_never_outvote_each_other_on_a_list(tmp_path, wide_config):
    # either list may be the one read at a wrong boundary: with one witness, abstain
    texts = {"a.en.txt": "Officials from Lang Son, Quang Ninh, Cao Bang and Ha Giang met in Hanoi on 3 March 2025.\n"
                         "The delegation from Quang Ninh signed 12 agreements.",
             "b.de.txt": "Vertreter aus Lang Son, Cao Bang und Ha Giang trafen sich am 3. März 2025 in Hanoi.\n"
                         "Die Delegation aus Quang Ninh unterzeichnete 12 Abkommen."}
    assert findings(tmp_path, wide_config, texts, "list-mismatch") == []


def test_list_member_read_at_another_boundary_or_translated_is_not_dropped(tmp_path, wide_config):
    # de writes Ha Giang right after its list, run into the words after it; the English
    # list's "Communist Party" is a phrase German translates, not a name it dropped
    texts = {"a.en.txt": "Officials from Lang Son, Quang Ninh, Cao Bang, Ha Giang and the Communist Party met in 2025.\n"
                         "The delegation from Quang Ninh signed 12 agreements.",
             "b.de.txt": "Vertreter aus Lang Son, Quang Ninh, Cao Bang sowie Ha Giang trafen 2025 die Kommunistische Partei.\n"
                         "Die Delegation aus Quang Ninh unterzeichnete 12 Abkommen."}
    assert findings(tmp_path, wide_config, texts, "list-mismatch") == []


def test_magnitude_words_follow_each_language_scale(tmp_path, wide_config):
    """Spanish billón is 10^12 (the long scale): 27 trillion = 27 billones, 27 billion is the outlier."""
    texts = {"a.en.txt": "The public debt reached 27 trillion dollars in 2024, the ministry said on Monday.",
             "b.es.txt": "La deuda pública alcanzó 27 billones de dólares en 2024, dijo el ministerio el lunes.",
             "c.fr.txt": "La dette publique a atteint 27 milliards de dollars en 2024, a indiqué lundi le ministère."}
    got = findings(tmp_path, wide_config, texts, "number-mismatch")
    assert [(f.expected, f.found, [loc.document for loc in f.locations if loc.role == "flagged"]) for f in got] == \
        [(27 * 10**12, 27 * 10**9, ["c.fr"])]


def test_two_translations_flag_both_sides_of_a_missing_number(tmp_path, wide_config):
    texts = {"a.en.txt": "The museum received 4,500 visitors and 12 school classes in May 2024.",
             "b.de.txt": "Das Museum empfing im Mai 2024 Besucher und 12 Schulklassen."}
    got = findings(tmp_path, wide_config, texts, "number-missing")
    assert len(got) == 1
    assert sorted((loc.document, loc.role, loc.evidence) for loc in got[0].locations) == \
        [("a.en", "flagged", "4,500"), ("b.de", "flagged", "")]


def test_no_majority_is_reported_as_unsettled(tmp_path, wide_config):
    texts = {"a.en.txt": "The parties signed 28 agreements in Hanoi in March 2025.",
             "b.fr.txt": "Les parties ont signé 29 accords à Hanoï en mars 2025.",
             "c.de.txt": "Die Parteien unterzeichneten im März 2025 in Hanoi 30 Abkommen."}
    got = findings(tmp_path, wide_config, texts, "number-mismatch")
    assert len(got) == 1 and "no majority" in got[0].message
    assert sorted(loc.evidence for loc in got[0].locations) == ["28", "29", "30"]


def test_name_spelling_variant_in_a_lone_document(tmp_path, wide_config):
    text = ("कॉमरेड त्रान कुओंग ने 2025 में प्रतिनिधिमंडल का स्वागत किया।\n"
            "बैठक में कॉमरेड ट्रान कुओंग ने 29 समझौतों की घोषणा की।\n"
            "कॉमरेड त्रान कुओंग ने कहा कि सहयोग करना और व्यापार करने की योजना 2026 तक चलेगी।\n")
    got = findings(tmp_path, wide_config, {"hi.txt": text}, "name-spelling-variant")
    assert len(got) == 1
    f = got[0]
    assert (f.expected, f.found) == ("त्रान", "ट्रान")
    assert [(loc.line, loc.evidence) for loc in f.locations if loc.role == "flagged"] == [(2, "ट्रान")]


def test_inflections_and_clitics_are_not_spelling_variants(tmp_path, wide_config):
    sv = ("Mötet hölls i Mong Cai City den 3 mars 2025.\n"
          "Mong Cai Citys borgmästare talade om 12 nya avtal.\n")
    ar = ("اجتمع ممثلو المقاطعات في هانوي عام 2025.\n"
          "وقدم ممثلو للمقاطعات الحدودية 12 اقتراحا في هانوي.\n")
    assert findings(tmp_path, wide_config, {"sv.txt": sv, "ar.txt": ar}, "name-spelling-variant") == []


# --- the glossary: aliases an editor confirmed, and the country an entity belongs to ---

GLOSSARY = {"Xuan Thang": {"country": "VN", "aliases": {
    "sv": ["Nguyen Xuan Thang"], "bn": ["নগুয়েন জুয়ান থাং"], "ms": ["Nguyen Xuan Thang"]}},
    "Guangxi": {"country": "CN", "aliases": {"sv": ["Guangxi Zhuang"], "bn": ["গুয়াংসি ঝুয়াং"]}}}


def test_glossary_aliases_meet_across_scripts_where_phonetic_keys_do_not(tmp_path, config):
    # জুয়ান and Xuan have different phonetic keys; the glossary says they are one name
    bn = ["২০২৫ সালে কমরেড নগুয়েন জুয়ান থাং সম্মেলনে ১২টি চুক্তি ঘোষণা করেন।",
          "কমরেড নগুয়েন জুয়ান থাং ৩০টি প্রদেশের প্রতিনিধিদের ধন্যবাদ জানান।"]
    sv = ["År 2025 tillkännagav kamrat Nguyen Xuan Thang 12 avtal vid konferensen.",
          "Kamraten tackade delegaterna från 30 provinser."]
    ms = ["Pada tahun 2025, Nguyen Xuan Thang mengumumkan 12 perjanjian di persidangan itu.",
          "Nguyen Xuan Thang mengucapkan terima kasih kepada perwakilan 30 wilayah."]
    config["glossary"] = GLOSSARY
    config["checks"]["select"] = ["name-missing"]
    texts = {"a_bn.txt": "\n".join(bn), "b_sv.txt": "\n".join(sv), "c_ms.txt": "\n".join(ms)}
    got = findings(tmp_path, config, texts, "name-missing")
    assert [(loc.document, loc.line) for f in got for loc in f.locations if loc.role == "flagged"] == [("b_sv", 2)]
    assert got[0].expected in ("নগুয়েন জুয়ান থাং", "Nguyen Xuan Thang")


def test_glossary_country(tmp_path, config):
    config["glossary"] = GLOSSARY
    text = "Regionen Guangxi Zhuang (Vietnam) undertecknade 12 avtal 2025.\nMötet hölls i Hanoi 2025.\n"
    got = findings(tmp_path, config, {"sv.txt": text}, "glossary-country")
    assert [(f.expected, f.found, f.locations[0].line) for f in got] == [("CN", "VN", 1)]
    assert got[0].locations[0].evidence.endswith("Guangxi Zhuang (Vietnam)")


def test_glossary_must_be_well_formed(tmp_path):
    from audit import AuditError
    from audit.config import load_config

    bad = tmp_path / "c.yaml"
    bad.write_text("glossary:\n  Guangxi: {aliases: {sv: Guangxi}}\n")
    with pytest.raises(AuditError, match=r"'glossary\.Guangxi\.aliases\.sv' must be a list"):
        load_config(bad)


def test_glossary_suggest_proposes_aliases_across_scripts(tmp_path, monkeypatch):
    import yaml

    from audit.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["glossary", "suggest", str(ROOT / "inputs"), "--out", "suggested.yaml", "-q"]) == 0
    glossary = yaml.safe_load((tmp_path / "suggested.yaml").read_text())["glossary"]
    quang = glossary["Quang Ninh"]["aliases"]
    assert "Quang Ninh" in quang["sv"] and "কোয়াং নিন" in quang["bn"]
    assert any("Lang Son" in spec["aliases"].get("ms", []) for spec in glossary.values())
    # the output is a valid glossary for config.yaml
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"glossary": glossary}, allow_unicode=True))
    from audit.config import load_config

    assert load_config(tmp_path / "config.yaml")["glossary"] == glossary


def _misfiled(pair_scores, langs):
    from audit.checks.base import GroupContext
    from audit.checks.misfiled_translation import MisfiledTranslation
    from audit.model import Alignment, Document, Group, Paragraph

    docs = {d: Document(d, f"{d}.txt", lang, 1.0, "Latn", (Paragraph(0, 3, 3, f"text of {d}"),))
            for d, lang in langs.items()}
    group = Group("article-a", tuple(sorted(docs)), 0.0, tuple(pair_scores))
    ctx = GroupContext(group, docs, Alignment("article-a", "a/sv", ()), {d: [] for d in docs}, 0.5)
    return list(MisfiledTranslation().run(ctx))


def test_misfiled_translation_flags_the_file_that_matches_none_of_its_article():
    langs = {"a/bn": "bn", "a/ms": "ms", "a/sv": "sv"}
    got = _misfiled([("a/bn", "a/ms", 0.02), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.71)], langs)
    assert [f.check for f in got] == ["misfiled-translation"]
    (f,) = got
    assert [(loc.document, loc.line, loc.role) for loc in f.locations] == [
        ("a/bn", 3, "flagged"), ("a/ms", 3, "support"), ("a/sv", 3, "support")]
    assert f.expected == "article-a" and f.values == (("a/bn", 0.02),)
    # a weak but real resemblance is not a stranger; nor is anyone when no majority agrees
    assert _misfiled([("a/bn", "a/ms", 0.15), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.71)], langs) == []
    assert _misfiled([("a/bn", "a/ms", 0.0), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.1)], langs) == []
    # nothing comparable at all (a score of 0: no figures, no name both write) is no evidence
    assert _misfiled([("a/bn", "a/ms", 0.0), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.71)], langs) == []
