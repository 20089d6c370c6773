"""The benchmarks' own machinery: an injected error really changes the fact it names, in
the way the language writes it, and the real-size corpus keeps each variant distinct."""
import random
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import _edits as rp  # noqa: E402
from corpus import shift_numbers  # noqa: E402
from real_perturb import schedule  # noqa: E402


def _doc(lang, line, en):
    return rp.Doc(lang, f"{lang}/a.txt", [line], [en])


def _edited(cands, line):
    return [rp._apply(line, s, e, new) for s, e, new, _ in cands]


def test_digits_change_in_the_texts_own_digit_system_and_never_in_a_code():
    line = "চোরেরা ২৬,৭৫০ ডলার চুরি করে নিয়ে যায়।"
    assert _edited(rp.cand_number_digits(_doc("bn", line, "Thieves stole $26,750."), 0, random.Random(1)), line) == [
        "চোরেরা ৩৬,৭৫০ ডলার চুরি করে নিয়ে যায়।"]
    # a year keeps its century; COVID-19 is a name, not the number 19
    line = "I mars 2020 spreds covid-19 till 19 länder."
    got = _edited(rp.cand_number_digits(_doc("sv", line, "In March 2020 COVID-19 spread to 19 countries."), 0,
                                        random.Random(1)), line)
    assert got == ["I mars 2021 spreds covid-19 till 19 länder.", "I mars 2020 spreds covid-19 till 29 länder."]


def test_a_number_the_english_line_lacks_is_not_an_edit_target():
    line = "Hon köpte 12 äpplen."
    assert rp.cand_number_digits(_doc("sv", line, "She bought apples."), 0, random.Random(1)) == []


def test_number_words_and_magnitudes_change_to_other_words_of_the_language():
    line = "Sju personer dog och skadorna kostade 5 miljoner kronor."
    en = "Seven people died and the damage cost 5 million kronor."
    words = _edited(rp.cand_number_word(_doc("sv", line, en), 0, random.Random(3)), line)
    assert len(words) == 1 and not words[0].startswith("Sju ")
    new = words[0].split()[0].lower()
    assert rp._lexicon("sv").words[rp._fold(new)][0] != 7
    assert _edited(rp.cand_million_billion(_doc("sv", line, en), 0, random.Random(1)), line) == [
        "Sju personer dog och skadorna kostade 5 miljarder kronor."]
    line = "ক্ষতির পরিমাণ ৫ মিলিয়ন ডলার।"
    assert _edited(rp.cand_million_billion(_doc("bn", line, "The damage was $5 million."), 0, random.Random(1)),
                   line) == ["ক্ষতির পরিমাণ ৫ বিলিয়ন ডলার।"]


def test_a_dates_month_takes_the_next_cldr_name_and_its_day_another_day():
    line = "Folkomröstningen hölls den 30 september 2018."
    en = "The referendum was held on September 30, 2018."
    assert _edited(rp.cand_date_month(_doc("sv", line, en), 0, random.Random(1)), line) == [
        "Folkomröstningen hölls den 30 oktober 2018."]
    assert _edited(rp.cand_date_day(_doc("sv", line, en), 0, random.Random(1)), line) == [
        "Folkomröstningen hölls den 29 september 2018."]
    line = "Pengundian itu diadakan pada 30 September 2018."
    assert _edited(rp.cand_date_month(_doc("ms", line, en), 0, random.Random(1)), line) == [
        "Pengundian itu diadakan pada 30 Oktober 2018."]


def test_a_name_is_found_across_scripts_by_its_consonant_skeleton():
    keys = {rp.skeleton(w) for w in ("Liverpool", "ليفربول", "লিভারপুল", "लिवरपूल")}
    assert keys == {"lbrbl"}
    assert rp._matches_name("জনসনের", rp.skeleton("Johnson"))  # the Bengali genitive
    assert not rp._matches_name("জানুয়ারি", rp.skeleton("Johnson"))


def test_a_list_member_is_dropped_or_repeated_only_in_a_list_as_long_as_the_englishs():
    line = "Sömn hjälper mot stress, utmattning och ångest, sade han."
    en = "Sleep helps against stress, exhaustion and anxiety, he said."
    assert _edited(rp.cand_list("list-dropped", _doc("sv", line, en), 0, random.Random(1)), line) == [
        "Sömn hjälper mot stress och ångest, sade han."]
    line = "Delegater från Hanoi, Hue, Da Nang och Saigon kom."
    en = "Delegates from Hanoi, Hue, Da Nang and Saigon came."
    assert _edited(rp.cand_list("list-repeated", _doc("sv", line, en), 0, random.Random(1)), line) == [
        "Delegater från Hanoi, Da Nang, Da Nang och Saigon kom.", "Delegater från Hanoi, Hue, Hue och Saigon kom."]
    # a clause after a comma is not a member: the English line has no list of that size
    line = "Han kom hem, åt middag och sov."
    assert rp.cand_list("list-dropped", _doc("sv", line, "He came home and slept."), 0, random.Random(1)) == []


def test_edits_of_one_document_or_one_line_go_to_different_runs():
    def edit(file, line):
        return rp.Edit("number-digits", file[:2], file, line, "a", "b", "")

    runs = schedule([edit("bn/a.txt", 3), edit("bn/a.txt", 9), edit("sv/a.txt", 3), edit("sv/a.txt", 20),
                        edit("hi/b.txt", 3)])
    assert [[(e.file, e.line) for e in run] for run in runs] == [
        [("bn/a.txt", 3), ("sv/a.txt", 20), ("hi/b.txt", 3)], [("bn/a.txt", 9), ("sv/a.txt", 3)]]


def test_real_size_variants_shift_every_number_in_its_own_digits_and_grouping():
    assert shift_numbers("২৬,৭৫০ ডলার, ১৯ জন", 11) == "২৬,৭৬১ ডলার, ৩০ জন"
    assert shift_numbers("360.000 شخص و٢٩ حالة", 2) == "360.002 شخص و٣١ حالة"
    assert shift_numbers("99 kali", 11) == "110 kali"


def test_names_to_edit_are_peoples_and_places_not_words_of_an_institutions_name():
    assert rp._english_names("Yesterday Liverpool beat Chelsea, said Jurgen Klopp.", set()) == [
        ("Liverpool", "lbrbl"), ("Chelsea", "kls"), ("Jurgen", "jrkn"), ("Klopp", "klb")]
    assert rp._english_names("He acted under the National Emergencies Act.", set()) == []
    assert [n for n, _ in rp._english_names("The Centers for Disease Control said so.", set())] == []
    # a capitalised word the document also writes in lower case is a common word
    assert rp._english_names("Yesterday the Storm hit Chittagong.", {"storm"}) == [("Chittagong", "ktknk")]


def test_an_arabic_list_is_edited_and_a_list_the_other_translations_do_not_read_is_not():
    # Arabic's CLDR pattern glues و to every member: a list closes where a long segment follows
    line = "وقال إن الآلاف من المنازل، والمستشفيات، ومراكز التسوق، والفنادق قد انهارت في المدينة."
    en = "He said thousands of houses, hospitals, shopping malls and hotels had collapsed."
    assert _edited(rp.cand_list("list-dropped", _doc("ar", line, en), 0, random.Random(1)), line) == [
        "وقال إن الآلاف من المنازل، ومراكز التسوق، والفنادق قد انهارت في المدينة.",
        "وقال إن الآلاف من المنازل، والمستشفيات، والفنادق قد انهارت في المدينة."]
    # "earthquake and tsunami, friends and family": no list starts right after a conjunction
    line = "Efter jordbävningen och tsunamin, vänner och familj hoppades."
    en = "After the earthquake and tsunami, friends and family hoped."
    assert rp.cand_list("list-dropped", _doc("sv", line, en), 0, random.Random(1)) == []
    # the English reads a list of three at clause commas, the other translations none
    line = "Paul Newman, från RSM, och andra sade detta."
    en = "Paul Newman, of leisure and hospitality analysts RSM said this."
    doc = _doc("sv", line, en)
    assert _edited(rp.cand_list("list-dropped", doc, 0, random.Random(1)), line) == ["Paul Newman, och andra sade detta."]
    doc.others = {"ms": ["Paul Newman penganalisa hiburan dan makanan dari RSM berkata ini."],
                  "hi": ["पॉल न्यूमैन और आतिथ्य विश्लेषक RSM ने कहा।"]}
    assert rp.cand_list("list-dropped", doc, 0, random.Random(1)) == []


def test_a_chinese_list_is_cut_at_its_enumeration_commas_not_at_its_clause_commas():
    # the fullwidth comma ， separates clauses; CLDR's zh list pattern separates members with 、
    line = "症状包括发烧、咳嗽和乏力，患者应当休息，多喝水。"
    en = "Symptoms include fever, cough and fatigue; patients should rest and drink water."
    got = _edited(rp.cand_list("list-dropped", _doc("zh", line, en), 0, random.Random(1)), line)
    assert got == ["症状包括发烧和乏力，患者应当休息，多喝水。"]
    # a clause before the fullwidth comma is no member of the list after it
    line = "患者休息，发烧和乏力就会消退。"
    en = "Patients rest; then fever, cough and fatigue fade."
    assert rp.cand_list("list-dropped", _doc("zh", line, en), 0, random.Random(1)) == []


def test_a_thousands_separator_is_no_list_mark():
    line = "Dia menghantar 5,000 kit ujian, 100,000 topeng muka dan 5 ventilator ke Panama."
    en = "He sent 5,000 testing kits, 100,000 face masks and 5 ventilators to Panama."
    dropped = [w for *_, w in rp.cand_list("list-dropped", _doc("ms", line, en), 0, random.Random(1))]
    assert "'000 topeng muka' dropped" not in dropped and "'100' dropped" not in dropped
    assert dropped == ["'100,000 topeng muka' dropped"]
