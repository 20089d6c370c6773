"""list-mismatch: a member dropped between two neighbours that a short key or a code's figures
used to hide (session 14)."""
from audit.checks.list_mismatch import ListMismatch
from checkctx import context, flagged, run, support

TRIALS = {
    "en": ("en", ["Phase III trials are being conducted in the US, China and Italy."]),
    "de": ("de", ["Studien der Phase III laufen in den USA, China und Italien."]),
    "hi": ("hi", ["अमेरिका, चीन और इटली में चरण III के परीक्षण चल रहे हैं।"]),
    "sw": ("sw", ["Majaribio ya awamu ya III yanafanywa Amerika, China na Italia."]),
}


def test_a_territory_whose_key_is_short_is_found_by_its_cldr_name_beside_its_neighbour():
    # Urdu writes "America and Italy": Italy's key (tl) is two letters, too short to place a word,
    # but اٹلی is Italy's CLDR name in Urdu; China, listed between them by every other
    # translation, is written nowhere in the Urdu paragraph. (The US is written three ways, so
    # the three members are no enumeration that every translation shares.)
    kept = "امریکہ، چین اور اٹلی میں مرحلہ III کے طبی تجربات جاری ہیں۔"
    assert run(ListMismatch, context(dict(TRIALS, ur=("ur", [kept])))) == []
    dropped = "امریکہ اور اٹلی میں مرحلہ III کے طبی تجربات جاری ہیں۔"
    got = run(ListMismatch, context(dict(TRIALS, ur=("ur", [dropped]))))
    assert [(f.check, flagged(f)) for f in got] == [("list-mismatch", [("ur", 1, "امریکہ اور اٹلی")])]
    assert support(got[0]) == {"hi", "sw"}  # the two that list China between these two


DESTINATIONS = {
    "en": ("en", ["Dubai, Sydney and Melbourne were also reported as popular destinations for people travelling from Wuhan."]),
    "fr": ("fr", ["Dubaï, Sydney et Melbourne ont également été signalées comme destinations populaires au départ de Wuhan."]),
    "id": ("id", ["Dubai, Sydney, dan Melbourne juga dilaporkan sebagai tujuan populer orang yang bepergian dari Wuhan."]),
    "hi": ("hi", ["दुबई, सिडनी और मेलबर्न भी वुहान से यात्रा करने वाले लोगों के लोकप्रिय गंतव्य बताए गए।"]),
}


def test_a_neighbour_written_alike_places_the_dropped_member_though_its_key_is_short():
    # Dubai's key (db) is too short to be evidence, but en and id write it alike, and Spanish
    # writes it so too but for its accent: "Dubái y Melbourne", without Sydney
    dropped = "Dubái y Melbourne también se informaron como destinos populares de las personas que viajaban desde Wuhan."
    got = run(ListMismatch, context(dict(DESTINATIONS, es=("es", [dropped]))))
    assert [(f.check, f.expected, flagged(f)) for f in got] == \
        [("list-mismatch", "Sydney", [("es", 1, "Dubái y Melbourne")])]
    kept = "Dubái, Sídney y Melbourne también se informaron como destinos populares de las personas que viajaban desde Wuhan."
    assert run(ListMismatch, context(dict(DESTINATIONS, es=("es", [kept])))) == []


HCOVS = {
    "en": ("en", ["HCoV-229E, HCoV-OC43, HCoV-HKU1 and HCoV-NL63 usually cause mild symptoms."]),
    "fr": ("fr", ["HCoV-229E, HCoV-OC43, HCoV-HKU1 et HCoV-NL63 provoquent en général des symptômes bénins."]),
    "es": ("es", ["HCoV-229E, HCoV-OC43, HCoV-HKU1 y HCoV-NL63 suelen causar síntomas leves."]),
    "bn": ("bn", ["HCoV-229E, HCoV-OC43, HCoV-HKU1 এবং HCoV-NL63 সাধারণত হালকা উপসর্গ সৃষ্টি করে।"]),
    # a list read with one member more: the translations do not agree on one count
    "de": ("de", ["HCoV-229E, HCoV-OC43, HCoV-HKU1, HCoV-NL63 und Rhinoviren verursachen meist milde Symptome."]),
}


def test_codes_that_differ_in_their_figures_are_different_members():
    # the four codes' words have one key (HCoV: k) and figures the keys ignore; read as one
    # member, the Hindi list seemed to name them all. Their figures tell them apart. (The
    # German list has a member more, so the count alone says nothing.)
    dropped = "HCoV-229E, HCoV-HKU1 और HCoV-NL63 आमतौर पर हल्के लक्षण पैदा करते हैं।"
    got = run(ListMismatch, context(dict(HCOVS, hi=("hi", [dropped]))))
    assert [(f.check, f.expected, flagged(f)) for f in got] == \
        [("list-mismatch", "HCoV-OC43", [("hi", 1, "HCoV-229E, HCoV-HKU1 और HCoV-NL63")])]
    kept = "HCoV-229E, HCoV-OC43, HCoV-HKU1 और HCoV-NL63 आमतौर पर हल्के लक्षण पैदा करते हैं।"
    assert run(ListMismatch, context(dict(HCOVS, hi=("hi", [kept])))) == []
