"""Messages a reader of any one language can follow: quotes isolated and romanised."""
from audit.checks.base import quote
from audit.report.readable import readable

FSI, PDI = "\u2068", "\u2069"


def test_a_right_to_left_quote_is_isolated_and_romanised_inside_left_to_right_prose():
    message = "004 writes 'مينه' 1 time(s) but 'منه' 2 time(s): one name spelt two ways"
    assert readable(message) == (f"004 writes '{FSI}مينه{PDI}' [mynh] 1 time(s) but '{FSI}منه{PDI}' [mnh] 2 time(s): "
                                 "one name spelt two ways")


def test_other_scripts_get_a_transliteration_and_latin_quotes_stay_as_they_are():
    assert readable("hi spells 'त्रान' and 'ट्रान'") == "hi spells 'त्रान' [tran] and 'ट्रान' [tran]"
    message = "'Guangxi Zhuang' is labelled 'Vietnam' (VN) here; sv's editor won't see 'Kina'."
    assert readable(message) == message


def test_readable_is_idempotent_and_leaves_what_checks_quoted_themselves():
    once = readable("the list 'لانج سون، كاو بانج' names 'لانج سون' 2 times")
    assert readable(once) == once
    by_check = f"sv drops {quote('بريطانيا', latin='Britain')}"
    assert by_check == f"sv drops '{FSI}بريطانيا{PDI}' (Britain)" and readable(by_check) == by_check
    assert quote("কোয়াং") == "'কোয়াং' [koy'am]" and quote("Quang Ninh") == "'Quang Ninh'"


def test_a_value_the_others_give_in_another_script_is_quoted_beside_the_latin_script_forms():
    from audit.model import Document, Finding, Location
    from audit.report.readable import finding_message

    def doc(d, lang, script):
        return Document(d, f"{d}.txt", lang, 1.0, script, ())

    docs = {"h": doc("h", "hi", "Deva"), "a": doc("a", "ar", "Arab"), "m": doc("m", "ms", "Latn"),
            "s": doc("s", "sv", "Latn")}
    locs = (Location("h", 3, "", "", 0, 0, "flagged"), Location("a", 3, "", "السيناتور", 0, 9, "support"),
            Location("m", 3, "", "Senator", 0, 7, "support"), Location("s", 3, "", "senatorn", 0, 8, "support"))
    f = Finding("name-missing", "warning", "G1", "hi drops 'السيناتور', which 3 translations name here", locs, "x")
    assert finding_message(f, docs) == (f"hi drops '{FSI}السيناتور{PDI}' (ms 'Senator', sv 'senatorn'), "
                                        "which 3 translations name here")


def test_isolates_are_added_after_the_output_is_cleaned_and_those_of_the_input_are_not_kept():
    from audit.model import Document, Finding, Location
    from audit.report.readable import finding_message

    docs = {"a": Document("a", "a.txt", "ar", 1.0, "Arab", ())}
    hostile = "\u202eمينه"  # a right-to-left override carried by the input
    f = Finding("name-spelling-variant", "warning", "G1", f"a writes '{hostile}' 1 time(s)",
                (Location("a", 1, "", hostile, 0, 5),), "x")
    visible = finding_message(f, docs, clean=lambda s: s.replace("\u202e", "\\u202e"))
    assert visible == f"a writes '{FSI}\\u202eمينه{PDI}' [\\u202emynh] 1 time(s)"
