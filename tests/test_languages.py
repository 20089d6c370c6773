"""Language knowledge the stages share (audit/languages.py): scripts, codes, detection, quoting."""
import pytest

from audit.languages import (FSI, PDI, babel_locale, char_script, detect_language, dominant_script, is_rtl,
                             known_language, language_script, quoted, script_fits, script_name)


@pytest.mark.parametrize("ch, script", [("a", "Latn"), ("ক", "Beng"), ("क", "Deva"), ("ب", "Arab"), ("Ж", "Cyrl"),
                                        ("中", "Hani"), ("か", "Jpan"), ("한", "Hang"), ("7", None), (",", None)])
def test_char_script_names_a_letters_iso_15924_script_and_nothing_for_digits_and_punctuation(ch, script):
    assert char_script(ch) == script


def test_the_dominant_script_is_the_one_most_letters_are_written_in():
    assert dominant_script("সীমান্ত মার্কার 1369-এ Ha Long") == "Beng"
    assert dominant_script("東京で会議が開かれた") == "Jpan"  # kanji beside kana is Japanese
    assert dominant_script("大韓民國 서울") == "Kore"  # hanja beside hangul is Korean
    assert dominant_script("2025 — 12.5 %") == "Zyyy"


def test_language_script_comes_from_cldr_likely_subtags():
    assert [language_script(x) for x in ("ru", "bn", "sv", "ar")] == ["Cyrl", "Beng", "Latn", "Arab"]
    assert language_script("qq") is None


def test_a_script_fits_the_languages_written_in_it():
    assert script_fits("Cyrl", ["ru", "en"])
    assert not script_fits("Beng", ["sv", "ms"])
    assert script_fits("Jpan", ["zh"])  # the CJK scripts count as one family
    assert script_fits("Zyyy", ["sv"])  # no letters: no grounds to refuse
    assert script_fits("Beng", ["qq"])  # a language CLDR does not place


def test_script_names_for_messages():
    assert (script_name("Cyrl"), script_name("Beng"), script_name("Jpan")) == ("Cyrillic", "Bengali", "Japanese")


def test_known_languages_are_lingua_or_cldr_ones():
    assert known_language("sv") and known_language("SV") and known_language("no")
    assert known_language("ne") and not known_language("ne", detectable=True)  # CLDR knows Nepali, lingua does not
    assert not known_language("qq") and not known_language("english")


def test_detection_picks_among_the_configured_languages():
    lang, confidence = detect_language("Parterna undertecknade 29 avtal om gränshandel i Hanoi.", ["sv", "ms", "en"])
    assert lang == "sv" and 0.5 < confidence <= 1
    assert detect_language("whatever", ["sv"]) == ("sv", 1.0)  # one candidate: nothing to detect
    assert detect_language("Kedua-dua pihak menandatangani 28 perjanjian.", ["no", "ms"])[0] == "ms"
    assert detect_language("Partene signerte 28 avtaler om handel ved grensen.", ["no", "ms"])[0] == "no"


def test_text_direction_comes_from_cldr():
    assert is_rtl("ar") and is_rtl("he") and not is_rtl("sv") and not is_rtl("qq")
    assert babel_locale("sv") is not None and babel_locale("qq") is None


def test_quoted_isolates_right_to_left_text_and_romanises_other_scripts():
    assert quoted("Lang Son") == "'Lang Son'"
    assert quoted("لانج سون") == f"'{FSI}لانج سون{PDI}' [lnj swn]"
    assert quoted("কোয়াং নিন").startswith("'কোয়াং নিন' [")
    assert quoted("কোয়াং নিন", latin="Quang Ninh") == "'কোয়াং নিন' (Quang Ninh)"
    assert quoted(29) == "'29'"
