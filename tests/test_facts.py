"""Typed facts: each extractor gives its kind's dataclass with named values, and a new
kind is one file plus one registry line (docs/architecture.md, "Adding a fact kind")."""
import pickle
import re
import sys

import pytest

from audit.extract import EXTRACTORS, extract_facts
from audit.model import CodeFact, DateFact, LabelFact, ListFact, NameFact, NumberFact, ParagraphFacts, TimeFact
from conftest import ROOT


def _only(facts, cls):
    assert [type(f) for f in facts] == [cls] * len(facts), facts
    return facts


@pytest.mark.parametrize("text, lang, evidence, value, named", [
    ("Nästan 300 personer kom.", "sv", "Nästan 300", 300, {"approx": True, "form": "digits"}),
    ("২০২৫ সালে", "bn", "২০২৫", 2025, {"form": "digits", "percent": False}),
    ("ارتفع بنسبة ٢٥٪ فقط", "ar", "٢٥٪", 25, {"percent": True}),
    ("dua puluh lima orang", "ms", "dua puluh lima", 25, {"form": "word"}),
    ("Il y a quatre-vingt-dix cas", "fr", "quatre-vingt-dix", 90, {"form": "word"}),
    ("the 15th case", "en", "15th", 15, {"ordinal": True}),
    ("from 19–21 people", "en", "19–21", (19, 21), {"range": True}),
])
def test_a_number_is_a_number_fact_with_its_named_values(text, lang, evidence, value, named):
    f, = _only(extract_facts(text, lang).numbers, NumberFact)
    assert (f.text, f.value, text[f.start:f.end]) == (evidence, value, evidence)
    assert {k: getattr(f, k) for k in named} == named
    assert f.kind == "number" and f.values == (value if isinstance(value, tuple) else (value,))


@pytest.mark.parametrize("text, lang, evidence, hour, minute, value", [
    ("Mötet börjar kl. 19:30.", "sv", "19:30", 19, 30, 19.3),
    ("সন্ধ্যা ১৯ঃ৩০ টায়", "bn", "১৯ঃ৩০", 19, 30, 19.3),
    ("सुबह ९:०० बजे", "hi", "९:००", 9, 0, 9),
])
def test_a_clock_time_is_a_time_fact_with_hour_and_minute(text, lang, evidence, hour, minute, value):
    f, = extract_facts(text, lang).numbers
    assert isinstance(f, TimeFact) and isinstance(f, NumberFact)  # the number checks compare it as before
    assert (f.text, f.hour, f.minute, f.value) == (evidence, hour, minute, value)


def test_a_code_is_a_code_fact_compared_only_with_codes():
    f, = extract_facts("the spread of COVID-19 slowed", "en").numbers
    assert isinstance(f, CodeFact) and not isinstance(f, NumberFact)
    assert (f.text, f.number, f.value, f.form, f.kind) == ("COVID-19", 19, "#19", "code", "number")


@pytest.mark.parametrize("text, lang, evidence, year, month, day, last_day", [
    ("On 21 February 2025 they met.", "en", "21 February 2025", 2025, 2, 21, 21),
    ("২১ ফেব্রুয়ারি ২০২৫ তারিখে", "bn", "২১ ফেব্রুয়ারি ২০২৫", 2025, 2, 21, 21),
    ("2025年2月21日に", "ja", "2025年2月21日", 2025, 2, 21, 21),
    ("Sie tagten 19–21 März.", "de", "19–21 März", None, 3, 19, 21),
])
def test_a_date_is_a_date_fact_with_year_month_and_days(text, lang, evidence, year, month, day, last_day):
    pf = extract_facts(text, lang)
    f, = _only(pf.dates, DateFact)
    assert (f.text, f.year, f.month, f.day, f.last_day) == (evidence, year, month, day, last_day)
    assert not any(n.start < f.end and f.start < n.end for n in pf.numbers)  # the date claimed its numbers


def test_names_are_name_facts_keyed_per_word_in_cased_and_caseless_scripts():
    en = _only(extract_facts("Nguyen Van An visited Hanoi.", "en").names, NameFact)
    assert [(f.text, f.cased, len(f.keys)) for f in en] == [("Nguyen Van An", True, 3), ("Hanoi", True, 1)]
    bn = _only(extract_facts("নগুয়েন ভান হ্যানয়", "bn").names, NameFact)
    assert [(f.text, f.cased) for f in bn] == [("নগুয়েন", False), ("ভান", False), ("হ্যানয়", False)]
    assert bn[2].keys == en[1].keys  # হ্যানয় meets Hanoi across scripts


def test_a_paragraph_is_read_as_caseless_by_the_letters_most_of_it_is_written_in():
    from audit.extract.names import extract_names

    # an Urdu line that opens with Latin capitals is still caseless: every word of two letters
    # or more without a digit is a candidate, the Latin ones too
    ur = extract_names("COVID-19 WHO کراچی میں نئے کیسز 3 و", "ur")
    assert [(f.text, f.cased) for f in ur] == [("COVID", False), ("WHO", False), ("کراچی", False),
                                               ("میں", False), ("نئے", False), ("کیسز", False)]
    # mostly Latin with one Bengali word: cased, so only capitalised runs are names
    en = extract_names("The team met Dhaka officials in ঢাকা and Sylhet.", "en")
    assert [(f.text, f.cased) for f in en] == [("The", True), ("Dhaka", True), ("Sylhet", True)]
    # a capitalised word the document writes in lower case is a common word at a sentence
    # start, after spaces and a quotation mark too, but not inside a sentence
    vocab = frozenset({"the", "then"})
    text = '  The Hanoi office. "Then Hue said The'
    assert [f.text for f in extract_names(text, "en", vocab)] == ["Hanoi", "Hue", "The"]


@pytest.mark.parametrize("text, lang, entity, country", [
    ("the province of Cao Bang (Vietnam) said", "en", "Cao Bang", "Vietnam"),
    ("এই প্রদেশ কাও বাং (ভিয়েতনাম) থেকে", "bn", None, "ভিয়েতনাম"),
    ("قالت مقاطعة كاو بانغ (فيتنام) إن", "ar", None, "فيتنام"),
])
def test_a_country_label_is_a_label_fact_with_entity_and_iso_code(text, lang, entity, country):
    f, = _only(extract_facts(text, lang).labels, LabelFact)
    assert (f.code, f.country) == ("VN", country)
    assert f.entity == (entity or f.entity) and f.entity.endswith(text[:text.index(" (")].split()[-1])
    assert len(f.entity_keys) == len(f.entity.split()) and f.text.endswith(f"({country})")


def test_a_list_is_a_list_fact_with_members_keys_and_spans():
    text = "Quang Ninh, Lang Son, Cao Bang and Ha Giang met."
    f, = _only(extract_facts(text, "en").lists, ListFact)
    assert f.members == ("Quang Ninh", "Lang Son", "Cao Bang", "Ha Giang") and not f.short
    assert [text[s:e] for s, e in f.spans] == list(f.members) and len(f.keys) == 4
    short, = extract_facts("They met in Lang Son and Cao Bang.", "en").lists
    assert (short.members, short.short) == (("Lang Son", "Cao Bang"), True)


def test_every_kind_pickles_by_its_fields_and_round_trips():
    pf = extract_facts("Den 21 februari 2025 kl. 19:30 kom nästan 300 från Cao Bang (Vietnam), "
                       "Quang Ninh, Lang Son och Ha Giang om COVID-19.", "sv")
    facts = [f for kind in ("numbers", "dates", "names", "labels", "lists") for f in pf.of(kind)]
    assert {type(f) for f in facts} == {NumberFact, TimeFact, CodeFact, DateFact, NameFact, LabelFact, ListFact}
    for f in facts:
        cls, args = f.__reduce__()
        assert cls is type(f) and cls(*args) == f  # by_fields: (class, field values), no per-object dict
    assert pickle.loads(pickle.dumps(pf)) == pf


def _doc_example():
    doc = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    section = doc[doc.index("## Adding a fact kind"):doc.index("## Adding a language")]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_architecture_docs_fact_kind_is_one_file_and_a_registry_line(tmp_path, config, monkeypatch):
    """The extractor shown in docs/architecture.md, written to its own file and registered
    with the line shown there, gives facts that reach a check's context in a real run."""
    import importlib.util

    import audit.checks as checks
    import audit.extract as extract
    from audit.checks.base import Check, location
    from audit.pipeline import run

    source, registry_line = _doc_example()
    assert re.search(r'"urls": urls\.extract', registry_line)
    path = tmp_path / "urls.py"
    path.write_text(source, "utf-8")
    spec = importlib.util.spec_from_file_location("audit.extract.urls", path)
    urls = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, urls)  # as an import would: its dataclass and pickling find it
    spec.loader.exec_module(urls)
    monkeypatch.setitem(EXTRACTORS, "urls", urls.extract)

    class UrlSeen(Check):  # a check that reports every address its context holds
        code = "url-seen"

        def run(self, ctx):
            for doc, i, pf in ctx.paragraph_facts():
                for f in pf.urls:
                    yield self.finding(ctx, f.url, [location(doc, i, f)], subject=f.url, found=f.url)

    monkeypatch.setattr(checks, "REGISTRY", [*checks.REGISTRY, UrlSeen])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sv.txt").write_text("Mötet i Hanoi.\nLäs mer på https://WWW.WHO.int/news/item-1.\n")
    report = run([tmp_path / "in"], config)
    found = [(f.found, f.locations[0].line, f.locations[0].evidence) for f in report.findings if f.check == "url-seen"]
    assert found == [("www.who.int/news/item-1", 2, "https://WWW.WHO.int/news/item-1")]
    doc_id, = report.facts
    assert [type(f).__name__ for pf in report.facts[doc_id] for f in pf.urls] == ["UrlFact"]
    def over_budget(*_):
        raise extract._OverBudget

    monkeypatch.setattr(extract, "_extract", over_budget)
    assert extract_facts("x", "sv").urls == ()  # past the budget: none, not missing


def test_a_kind_that_is_not_registered_is_an_attribute_error_not_silence():
    pf = ParagraphFacts((), (), (), (), ())
    with pytest.raises(AttributeError):
        pf.urls  # noqa: B018 - a typo in a check's kind name must not read as "no facts"
    assert pf.of("urls") == ()


from dataclasses import dataclass  # noqa: E402


@dataclass(frozen=True, slots=True)
class _Money(NumberFact):  # a kind of fact built on another, at module level for pickle
    currency: str = ""


def test_a_subclass_of_a_fact_kind_pickles_as_itself_with_its_own_fields():
    """A kind of fact built on another (a number with a currency) must come back from a
    worker process whole, not as its base class without its own fields."""
    base = NumberFact("$5", 0, 2, value=5)
    money = _Money("$5", 0, 2, value=5, currency="USD")
    back = pickle.loads(pickle.dumps(money))
    assert type(back) is _Money and back == money and back.currency == "USD"
    assert pickle.loads(pickle.dumps(base)) == base
