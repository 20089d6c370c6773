"""The majority vote the cross-translation checks share (audit/checks/vote.py), on values given."""
from audit.checks.vote import Vote, pair_up, vote


def same(a, b) -> float:
    return 1.0


def never(a, b) -> float:
    return 0.0


def test_the_majority_value_outvotes_the_outlier_and_the_others_support_it():
    got = vote({"a": {29: "ev"}, "b": {29: "ev"}, "c": {28: "ev"}}, same)
    assert got == [Vote("mismatch", (("c", 28),), ("a", "b"), 29, 28)]


def test_a_value_the_majority_gives_and_one_translation_lacks_is_missing():
    got = vote({"a": {29: 1, 12: 1}, "b": {29: 1, 12: 1}, "c": {12: 1}}, same)
    assert got == [Vote("missing", (("c", None),), ("a", "b"), 29, None)]


def test_counts_for_missing_decides_whether_a_lacking_value_is_reported():
    per_doc = {"a": {29: 1}, "b": {29: 1}, "c": {}}
    assert vote(per_doc, same, counts_for_missing=lambda v, d: False) == []
    asked = []
    vote(per_doc, same, counts_for_missing=lambda v, d: asked.append((v, d)) or True)
    assert asked == [(29, "c")]


def test_a_substitution_needs_a_replacement_close_enough():
    # with no close value the outlier's extra value is not paired: the majority's is missing
    got = vote({"a": {29: 1}, "b": {29: 1}, "c": {28: 1}}, never)
    assert [v.kind for v in got] == ["missing"]


def test_two_translations_flag_both_sides_and_support_neither():
    got = vote({"a": {29: 1, 12: 1}, "b": {28: 1, 12: 1}}, same)
    assert got == [Vote("mismatch", (("a", 29), ("b", 28)), (), None, None)]


def test_two_translations_report_a_value_one_lacks_on_both_sides():
    got = vote({"a": {29: 1, 12: 1}, "b": {12: 1}}, same)
    assert got == [Vote("missing", (("a", 29), ("b", None)), (), None, None)]


def test_no_majority_is_unsettled_and_flags_every_translation():
    got = vote({"a": {28: 1}, "b": {29: 1}, "c": {30: 1}}, same)
    assert [(v.kind, v.flagged, v.support, v.expected) for v in got] == \
        [("unsettled", (("a", 28), ("b", 29), ("c", 30)), (), None)]


def test_agreement_and_a_lone_translation_are_no_finding():
    assert vote({"a": {29: 1}, "b": {29: 1}, "c": {29: 1}}, same) == []
    assert vote({"a": {29: 1}}, same) == []
    assert vote({}, same) == []


def test_the_result_does_not_depend_on_the_order_of_the_translations():
    per_doc = {"c": {28: 1, 5: 1}, "a": {29: 1, 5: 1}, "b": {29: 1, 5: 1}, "d": {29: 1}}
    reordered = dict(sorted(per_doc.items()))
    assert vote(per_doc, same) == vote(reordered, same)
    assert [(v.kind, v.flagged) for v in vote(per_doc, same)] == [("mismatch", (("c", 28),)), ("missing", (("d", None),))]


def test_pair_up_pairs_each_missing_value_with_the_closest_unused_extra_one():
    closeness = lambda a, b: 1.0 / (1 + abs(a - b))  # noqa: E731
    assert pair_up([10, 20], [21, 11], closeness) == [(10, 11), (20, 21)]
    assert pair_up([10, 20], [11], closeness) == [(10, 11)]
    assert pair_up([10], [11], never) == []


def test_pair_up_pairs_the_closest_values_first_whatever_order_the_missing_ones_come_in():
    closeness = lambda a, b: 1.0 / (1 + abs(a - b))  # noqa: E731
    # 10 comes first, but 19 is 20 mistyped: the closest pair over all of them wins
    assert pair_up([10, 20], [19], closeness) == [(20, 19)]
    assert pair_up([20, 10], [11, 19], closeness) == [(20, 19), (10, 11)]


def test_a_changed_magnitude_names_the_value_it_changed_as_expected():
    from audit.checks.numbers_common import closeness

    # "$200 million (£150 million)": one translation writes 200 billion and drops the conversion;
    # 150 million sorts first, but 200 billion is 200 million with its magnitude changed
    per_doc = {d: {150_000_000: 1, 200_000_000: 1} for d in "abc"}
    per_doc["d"] = {200_000_000_000: 1}
    got = vote(per_doc, closeness)
    assert [(v.kind, v.flagged, v.expected, v.found) for v in got] == [
        ("mismatch", (("d", 200_000_000_000),), 200_000_000, 200_000_000_000),
        ("missing", (("d", None),), 150_000_000, None)]
