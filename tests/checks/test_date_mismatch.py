"""date-mismatch on one group in memory: a day or month that differs between translations."""
from audit.checks.date_mismatch import DateMismatch
from checkctx import context, flagged, run, support, trade


def test_a_day_that_differs_in_one_translation_is_flagged():
    got = run(DateMismatch, context(trade(("es", "del 19 al 21 de noviembre", "del 19 al 22 de noviembre"))))
    assert [(f.check, f.expected, f.found) for f in got] == [("date-mismatch", "11-19/21", "11-19/22")]
    (f,) = got
    assert flagged(f) == [("es", 3, "19 al 22 de noviembre")]
    assert support(f) == {"en", "fr", "de"}


def test_two_translations_that_disagree_on_the_month_flag_both():
    ctx = context({"en": ("en", ["The fair opens on 19 November in Mong Cai."]),
                   "fr": ("fr", ["La foire ouvre le 19 décembre à Mong Cai."])})
    (f,) = run(DateMismatch, ctx)
    assert sorted(doc for doc, _, _ in flagged(f)) == ["en", "fr"]
    assert f.message.startswith("the two translations disagree")


def test_the_same_date_written_each_languages_way_is_no_finding():
    assert run(DateMismatch, context(trade())) == []


def test_a_translation_that_read_one_day_of_a_pair_does_not_contradict_the_pair():
    # "les 3 et 4 février" is read as 4 February: inside the others' 3-4 February, not another date
    ctx = context({"en": ("en", ["The fair is held on 3 and 4 February in Mong Cai."]),
                   "fr": ("fr", ["La foire a lieu les 3 et 4 février à Mong Cai."]),
                   "de": ("de", ["Die Messe findet vom 3. bis 4. Februar in Mong Cai statt."])})
    assert [f.dates[0].text for f in (ctx.facts["fr"][0], ctx.facts["en"][0])] == ["4 février", "3 and 4 February"]
    assert run(DateMismatch, ctx) == []
    # a day outside the pair is another date
    ctx = context({"en": ("en", ["The fair is held on 3 and 4 February in Mong Cai."]),
                   "fr": ("fr", ["La foire a lieu le 5 février à Mong Cai."]),
                   "de": ("de", ["Die Messe findet vom 3. bis 4. Februar in Mong Cai statt."])})
    assert [(f.expected, f.found) for f in run(DateMismatch, ctx)] == [("02-03/04", "02-05")]


def test_only_one_translation_giving_a_date_is_nothing_to_compare():
    ctx = context({"en": ("en", ["The fair opens on 19 November in Mong Cai."]),
                   "fr": ("fr", ["La foire ouvre bientôt à Mong Cai."])})
    assert run(DateMismatch, ctx) == []
