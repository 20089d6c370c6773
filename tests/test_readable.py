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
