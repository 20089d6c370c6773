"""misfiled-translation on one group in memory: the file that shares nothing with its article.

Its evidence is grouping's pair scores, given here as the group's ``pair_scores``."""
from audit.checks.misfiled_translation import MisfiledTranslation
from checkctx import context, run

TEXTS = {"a/bn": ("bn", ["text of bn"]), "a/ms": ("ms", ["text of ms"]), "a/sv": ("sv", ["text of sv"])}


def misfiled(pair_scores, texts=TEXTS):
    return run(MisfiledTranslation, context(texts, pair_scores=pair_scores))


def test_the_file_that_matches_none_of_its_article_is_flagged():
    got = misfiled([("a/bn", "a/ms", 0.02), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.71)])
    assert [f.check for f in got] == ["misfiled-translation"]
    (f,) = got
    assert [(loc.document, loc.line, loc.role) for loc in f.locations] == [
        ("a/bn", 1, "flagged"), ("a/ms", 1, "support"), ("a/sv", 1, "support")]
    assert f.expected == "article" and f.values == (("a/bn", 0.02),)
    assert "at most 0.02" in f.message and "up to 0.71" in f.message


def test_a_weak_but_real_resemblance_is_not_a_stranger():
    assert misfiled([("a/bn", "a/ms", 0.15), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.71)]) == []


def test_no_one_is_a_stranger_when_no_majority_agrees():
    assert misfiled([("a/bn", "a/ms", 0.0), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.1)]) == []


def test_nothing_comparable_at_all_is_no_evidence():
    # a score of 0: no figures, no name both write
    assert misfiled([("a/bn", "a/ms", 0.0), ("a/bn", "a/sv", 0.0), ("a/ms", "a/sv", 0.71)]) == []


def test_two_files_alone_cannot_tell_which_is_misfiled():
    two = {d: t for d, t in TEXTS.items() if d != "a/sv"}
    assert misfiled([("a/bn", "a/ms", 0.01)], two) == []
