"""The strict vote's said-once rule asks wordfreq whether the name's word is a common one of
the owner's language (a cased translation that writes it capitalised). Where wordfreq has no
list for that language nothing says the word is no common one, and the rule stays silent."""
from checkctx import StrictMissing, context, flagged, run
from test_name_strict import said_once

DROPPED = "Pada hari Ahad Mickelson akan mengatasi rekod itu."  # Malay line 2 without Nick Faldo


def test_a_name_said_once_is_reported_where_the_owners_language_has_word_frequencies():
    got = run(StrictMissing, context(said_once("ms", DROPPED)))
    assert [(f.check, flagged(f)) for f in got] == [("name-missing", [("ms", 2, "")])]


def test_a_name_said_once_is_not_reported_where_the_owners_language_has_no_word_frequencies():
    # the same article, its Swedish translation labelled Swahili (a cased language wordfreq
    # has no list for): the owner of "Nick Faldo" cannot say the words are rare in it
    texts = said_once("ms", DROPPED)
    texts["sv"] = ("sw", texts["sv"][1])
    assert run(StrictMissing, context(texts)) == []
