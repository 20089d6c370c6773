"""number-mismatch on one group in memory: the translations' numbers, the outlier flagged."""
from audit.checks.number_mismatch import NumberMismatch
from checkctx import context, flagged, run, support

BN = ["১৯ থেকে ২১ ফেব্রুয়ারি হা লং সিটিতে বসন্ত সভা অনুষ্ঠিত হয়।",
      "দুই পক্ষ ২৯টি চুক্তি স্বাক্ষর করেছে, যার মধ্যে কোয়াং নিন প্রদেশ ১২টি।",
      "সীমান্ত মার্কার 1369-এ সরাসরি অ্যাম্বুলেন্স রুট চালু হয়েছে।"]
SV = ["Den 19–21 februari hölls vårmötet i Ha Long City.",
      "Parterna undertecknade 29 avtal, varav Quang Ninh-provinsen 12.",
      "En direkt ambulansväg vid gränsmarkör 1369 öppnades."]
MS = ["Pada 19 hingga 21 Februari, Mesyuarat Musim Bunga diadakan di Bandar Ha Long.",
      "Kedua-dua pihak menandatangani 28 perjanjian, termasuk 12 oleh wilayah Quang Ninh.",
      "Laluan ambulans terus di penanda sempadan 1369 dibuka."]


def test_the_majority_outvotes_the_outlier():
    got = run(NumberMismatch, context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", MS)}))
    assert [f.check for f in got] == ["number-mismatch"]
    (f,) = got
    assert (f.expected, f.found) == (29, 28)
    assert flagged(f) == [("ms", 2, "28")]
    assert support(f) == {"bn", "sv"}
    assert "ms has 28 where 2 of 3 translations" in f.message


def test_two_translations_flag_both_sides():
    (f,) = run(NumberMismatch, context({"sv": ("sv", SV), "ms": ("ms", MS)}))
    assert sorted(flagged(f)) == [("ms", 2, "28"), ("sv", 2, "29")]
    assert (f.expected, f.found) == (None, None) and "the two translations disagree" in f.message


def test_a_number_spelt_out_in_words_is_the_same_number():
    words = [MS[0], MS[1].replace("28", "dua puluh sembilan"), MS[2]]
    assert run(NumberMismatch, context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", words)})) == []


def test_magnitude_words_follow_each_language_scale():
    """Spanish billón is 10^12 (the long scale): 27 trillion = 27 billones, 27 milliards is the outlier."""
    ctx = context({"en": ("en", ["The public debt reached 27 trillion dollars in 2024, the ministry said on Monday."]),
                   "es": ("es", ["La deuda pública alcanzó 27 billones de dólares en 2024, dijo el ministerio el lunes."]),
                   "fr": ("fr", ["La dette publique a atteint 27 milliards de dollars en 2024, a indiqué lundi le ministère."])})
    assert [(f.expected, f.found, flagged(f)) for f in run(NumberMismatch, ctx)] == \
        [(27 * 10**12, 27 * 10**9, [("fr", 1, "27 milliards")])]


def test_no_majority_is_reported_as_unsettled():
    ctx = context({"en": ("en", ["The parties signed 28 agreements in Hanoi in March 2025."]),
                   "fr": ("fr", ["Les parties ont signé 29 accords à Hanoï en mars 2025."]),
                   "de": ("de", ["Die Parteien unterzeichneten im März 2025 in Hanoi 30 Abkommen."])})
    (f,) = run(NumberMismatch, ctx)
    assert "no majority" in f.message
    assert sorted(e for _, _, e in flagged(f)) == ["28", "29", "30"]


def test_numbers_in_paragraphs_the_aligner_does_not_trust_are_not_compared():
    ctx = context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", MS)}, confidence=0.2)
    assert run(NumberMismatch, ctx) == []


def test_numbers_of_paragraphs_that_do_not_translate_each_other_are_not_compared():
    # line 2 of ms is linked to nothing: its 28 is never set against the others' 29
    links = [{"bn": (0,), "sv": (0,), "ms": (0,)}, {"bn": (1,), "sv": (1,)}, {"ms": (1,)},
             {"bn": (2,), "sv": (2,), "ms": (2,)}]
    assert run(NumberMismatch, context({"bn": ("bn", BN), "sv": ("sv", SV), "ms": ("ms", MS)}, links=links)) == []
