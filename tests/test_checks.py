"""Each check: input texts beside the findings they must (and must not) give."""
from audit import run
from audit.checks import REGISTRY
from conftest import write


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
    text = "وقع أمناء اللجان في كوانج نينه، لانج سون، كاو بانج، لانج سون على المحاضر في عام 2025.\n"
    got = findings(tmp_path, config, {"ar.txt": text}, "list-duplicate")
    assert len(got) == 1 and [loc.evidence for loc in got[0].locations] == ["لانج سون", "لانج سون"]


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
