"""Language knowledge is data (audit/data/languages.yaml, morphology.yaml), never lists in Python source."""
import ast
from pathlib import Path

import pycountry
import pytest

from audit.extract.morphology import clitics, date_connectors, elided, glues_conjunctions
from audit.languages import default_languages, is_rtl, known_language, lingua_code, writes_ideographic_numerals

ROOT = Path(__file__).resolve().parent.parent
ISO_639_1 = frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def language_code_lists(source: str) -> list[tuple[int, list[str]]]:
    """(line, codes) of every literal tuple, list or set of two or more strings that are all ISO 639-1 codes."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 2:
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) == len(node.elts) and all(w in ISO_639_1 for w in words):
                out.append((node.lineno, words))
    return out


def test_the_scan_finds_a_list_of_language_codes_and_passes_other_words():
    found = language_code_lists('CJK = ("ja", "zh", "ko")\nTAGS = ("p", "li", "th", "div")\nx = lang in ["ar", "fa"]\n')
    assert found == [(1, ["ja", "zh", "ko"]), (3, ["ar", "fa"])]


def test_no_python_source_lists_language_codes():
    found = [f"{path.relative_to(ROOT)}:{line}: {codes}"
             for path in sorted((ROOT / "audit").rglob("*.py"))
             for line, codes in language_code_lists(path.read_text("utf-8"))]
    assert not found, "language knowledge belongs in audit/data/ (or babel):\n" + "\n".join(found)


def test_language_facts_come_from_the_data_file():
    assert default_languages() == ("bn", "hi", "sv", "ms", "ar", "en")
    assert lingua_code("no") == "nb" and known_language("no") and lingua_code("sv") == "sv"
    assert writes_ideographic_numerals("zh") and writes_ideographic_numerals("ja")
    assert not writes_ideographic_numerals("hi")


@pytest.mark.parametrize("lang, rtl", [("ar", True), ("fa", True), ("he", True), ("ur", True), ("sv", False), ("bn", False)])
def test_text_direction_is_cldr_s(lang, rtl):
    assert is_rtl(lang) is rtl


def test_morphology_clitics_longest_first_and_elision():
    assert clitics("ar")[:2] == ("وال", "بال") and clitics("ar")[-1] == "ل" and clitics("sv") == ()
    assert glues_conjunctions("ar") and not glues_conjunctions("sv")
    assert (elided("l'Inde"), elided("d’Uppsala"), elided("Cote"), elided("aujourd'hui")) == ("Inde", "Uppsala", None, None)
    # a language's own heads: Italian dell', not French; no elision where the language has none listed
    assert (elided("dell'Italia", "it"), elided("Dall'Egitto", "it"), elided("dell'Italia", "fr")) == ("Italia", "Egitto", None)
    assert (elided("jusqu'en", "fr"), elided("l'Inde", "sv")) == ("en", None)
    assert {"de", "of"} <= date_connectors()
