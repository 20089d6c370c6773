"""Grouping that one changed fact cannot break (issue 14): a translation whose facts the article's
members share only in part keeps its group when one of them changes, and what only looks like
the article (another day's report from its template) still stays apart."""
from audit.group import group_signatures
from test_group import FEW_NUMBERS, _with


def _doc(doc_id: str, lang: str, anchors: list[str], paragraphs: int = 3) -> tuple:
    """An in-memory grouping summary: anchors written ``feature@paragraph`` (``n:`` a figure,
    ``w:`` a name word's phonetic key), a flat length profile (no shape to go by)."""
    sig: dict[str, list[float]] = {}
    for anchor in anchors:
        feature, _, at = anchor.partition("@")
        sig.setdefault(feature, []).append(float(at))
    return doc_id, lang, paragraphs, sig, (3.0,) * paragraphs


# one short article: Deptford, Childers, Bestwood Street, the Metropolitan police, Evelyn, 2019 and 10:15
ARTICLE = ["n:2019@0", "n:10.15@1", "w:dbtbrd@0", "w:kldrs@2", "k:bstd strt@1", "w:mtrbltn@2", "w:evln@1"]


def _batch(spanish_london: str = "w:lndn@0", arabic=("n:10.15@1", "w:evln@1", "n:77@2", "n:78@0", "w:lndn@0")):
    """The article in en, fr, de, es and ar, beside five other articles. The Arabic translation
    shares only the time and Evelyn with every member, misreads two figures (77, 78), and shares
    London with the Spanish one alone (the others write no London): it joined through that one
    pair."""
    batch = [_doc(f"a1-{lang}", lang, ARTICLE) for lang in ("en", "fr", "de")]
    batch += [_doc("a1-es", "es", ARTICLE + [spanish_london]), _doc("a1-ar", "ar", list(arabic))]
    for k in range(2, 7):
        own = [f"n:{k}{j}@{j % 3}" for j in range(5)] + [f"w:nm{k}x{j}@{j % 3}" for j in range(3)]
        batch += [_doc(f"a{k}-{lang}", lang, own) for lang in ("en", "fr", "de", "es", "ar")]
    return batch


def _group_of(doc_id: str, summaries, config) -> tuple[str, ...]:
    return next(g.documents for g in group_signatures(summaries, config) if doc_id in g.documents)


def test_a_name_changed_in_the_one_member_a_translation_hangs_on_keeps_its_group(wide_config):
    whole = ("a1-ar", "a1-de", "a1-en", "a1-es", "a1-fr")
    assert _group_of("a1-ar", _batch(), wide_config) == whole
    # London misspelt in the Spanish file: the Arabic translation's one close pair is gone, but it
    # still scores alike with all four members and with no other article
    assert _group_of("a1-ar", _batch(spanish_london="w:lndx@0"), wide_config) == whole


def test_another_days_report_with_the_articles_names_stays_apart(wide_config):
    """The Arabic file of another day: the same names and template, every figure another."""
    other_day = ("n:2018@0", "n:11.40@1", "w:dbtbrd@0", "w:kldrs@2", "w:mtrbltn@2", "w:evln@1", "n:93@2")
    assert _group_of("a1-ar", _batch(arabic=other_day), wide_config) == ("a1-ar",)


def test_a_name_changed_in_one_translation_of_a_short_article_keeps_its_group(tmp_path, wide_config):
    """Three lines with one figure-free name-led article: the French file calls Lisbon Porto."""
    texts = dict(FEW_NUMBERS)
    texts["b.fr.txt"] = texts["b.fr.txt"].replace("Lisbonne", "Porto")
    got = _with(tmp_path, texts, wide_config)
    assert ["a.en.txt", "b.fr.txt", "c.de.txt"] in got
    assert ["library.de.txt", "library.en.txt", "library.es.txt", "library.fr.txt"] in got


def test_facts_each_kept_by_two_members_are_full_evidence_for_a_lone_translation(wide_config):
    """No pair holds four shared facts (the time and one name each), but the time, Evelyn and
    Childers are each kept by two members or more: the Arabic translation, with four figures of
    its own misread, joins at the bar of full evidence."""
    base = ["n:2019@0", "n:10.15@1", "w:dbtbrd@0", "k:bstd strt@1", "w:mtrbltn@2"]
    batch = [_doc("a1-en", "en", base + ["w:evln@1"]), _doc("a1-fr", "fr", base + ["w:evln@1"]),
             _doc("a1-de", "de", base + ["w:kldrs@2"]), _doc("a1-es", "es", base + ["w:kldrs@2"]),
             _doc("a1-ar", "ar", ["n:10.15@1", "w:evln@1", "w:kldrs@2", "n:77@2", "n:78@0", "n:79@1", "n:80@2"])]
    batch += _batch()[5:]
    assert _group_of("a1-ar", batch, wide_config) == ("a1-ar", "a1-de", "a1-en", "a1-es", "a1-fr")
