"""name-substituted on one group in memory: another name where the others agree on one."""
import pytest

from audit.checks.name_substituted import NameSubstituted
from checkctx import context, flagged, run, support, trade


@pytest.fixture(autouse=True)
def broad_vote(monkeypatch):
    """These tests are of the broad name vote (config ``names.vote: broad``); the default is strict."""
    from audit.checks.names.votes import NameVoteCheck

    monkeypatch.setattr(NameVoteCheck, "broad", True)


def test_the_translation_naming_someone_else_is_flagged():
    got = run(NameSubstituted, context(trade(("fr", "comité populaire de Lang Son", "comité populaire de Cao Bang"))))
    assert [(f.check, f.expected, f.found) for f in got] == [("name-substituted", "Lang Son", "Cao Bang")]
    (f,) = got
    assert flagged(f) == [("fr", 2, "Cao Bang")]
    assert support(f) == {"en", "de", "es"}
    assert "fr names 'Cao Bang' where 3 translations" in f.message


def test_the_same_names_in_every_translation_are_no_finding():
    assert run(NameSubstituted, context(trade())) == []


def test_a_dropped_name_is_missing_not_substituted():
    assert run(NameSubstituted, context(trade(("de", "Volkskomitees von Lang Son", "Volkskomitees der Provinz")))) == []
