"""Texture (issue 14): a lone translation whose facts are too thin to place it joins its article
when its transliterated character 5-grams stand out with the article's members, language by
language, against the other articles of each language; texture never joins what its figures
contradict, nor a document no article stands out for."""
from audit.group import group_signatures
from audit.group.texture import Texture

# each language's own vocabulary, in every document of that language (it says nothing of the article)
COMMON = {"en": "the and of with from which their", "fr": "le la les et de avec dans leur",
          "de": "der die das und mit von einer ihre", "sv": "och att det som med för från deras"}
# each article's own words, which translations keep (loanwords, a festival, a kind of music)
TOPICS = ["kwaitomusik soweto township marimbaorkester", "bergsklostret vinterbadning isflaken kaffestugan",
          "curlinghallen stenslipning isbanan ligamatchen", "saffransbullar lussekatter luciatåget pepparkakor",
          "tunnelbaneprojektet cykelbanorna gångbron trafikplanen"]


def _doc(doc_id, lang, anchors, words, paragraphs=3):
    """A grouping summary: anchors ``feature@paragraph``, a flat length profile, and paragraph
    texts of the language's common words with ``words`` (the article's own) in each."""
    sig: dict[str, list[float]] = {}
    for anchor in anchors:
        feature, _, at = anchor.partition("@")
        sig.setdefault(feature, []).append(float(at))
    texts = tuple(f"{COMMON[lang]} {words} {COMMON[lang]} {k}" for k in range(paragraphs))
    return doc_id, lang, paragraphs, sig, (3.0,) * paragraphs, texts


def _batch(lone_anchors=("w:krkr@0", "n:5555@1"), lone_words=TOPICS[0]):
    """Five articles in en, fr and de with their own figures and names, and a Swedish translation
    of the first that shares one name word with it and has one figure the others lack (misread):
    thin evidence on its facts (a score of 0.075 with its article, the threshold 0.4)."""
    batch = []
    for k, words in enumerate(TOPICS, start=1):
        own = [f"n:{k}{j}@{j % 3}" for j in range(4)] + [f"w:nm{k}x{j}@{j % 3}" for j in range(3)]
        if k == 1:
            own.append("w:krkr@0")
        batch += [_doc(f"a{k}-{lang}", lang, own, words) for lang in ("en", "fr", "de")]
    batch.append(_doc("a1-sv", "sv", list(lone_anchors), lone_words))
    return batch


def _group_of(doc_id, summaries, config):
    return next(g.documents for g in group_signatures(summaries, config) if doc_id in g.documents)


def test_a_translation_of_thin_facts_joins_its_article_by_its_texture(wide_config):
    batch = _batch()
    assert _group_of("a1-sv", batch, wide_config) == ("a1-de", "a1-en", "a1-fr", "a1-sv")
    # the same facts without the texts (a summary of the facts alone): one shared name word is chance
    assert _group_of("a1-sv", [s[:5] for s in batch], wide_config) == ("a1-sv",)


def test_texture_never_joins_a_translation_whose_figures_contradict_the_article(wide_config):
    """Another day's report from the article's template: its wording, other figures."""
    other_day = ("w:krkr@0", "n:91@0", "n:92@1", "n:93@2", "n:94@0")  # every figure another
    assert _group_of("a1-sv", _batch(lone_anchors=other_day), wide_config) == ("a1-sv",)


def test_texture_no_article_stands_out_for_keeps_a_document_alone(wide_config):
    """A Swedish text about something else: its common words meet every article's alike."""
    assert _group_of("a1-sv", _batch(lone_words="ishockey målvakten straffslag"), wide_config) == ("a1-sv",)


def test_texture_weighs_rare_5grams_over_a_languages_common_words():
    texts = {"x": ("och att det som kwaitomusik",), "a": ("the and of kwaitomusik",), "b": ("the and of marimba",),
             "c": ("och att det som ishockey",)}
    sims = Texture(texts).similarities("x", {"a": 1, "b": 1, "c": 1}, 1)
    assert sims["a"] > 2 * sims["b"] and sims["a"] > 0
    assert sims["c"] > 0  # the language's own words are shared too, weighed by how common they are here
