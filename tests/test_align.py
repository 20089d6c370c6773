"""The aligner: the sample's gold links, and merges, splits, omissions and insertions."""
import json

from audit import run
from audit.align import align_pair
from audit.extract import extract_facts
from audit.ingest import ingest_text
from conftest import ROOT

ARTICLES = ROOT / "tests" / "data" / "articles"


def test_sample_gold_alignment_is_reproduced(sample_report):
    gold = json.loads((ROOT / "tests" / "data" / "gold" / "sample.json").read_text())
    report = sample_report
    for pair in gold["pairs"]:
        alignment = next(a for a in report.alignments if pair["a"] in dict(a.links[0].members))
        docs = {d.id: d for d in report.documents}
        got = [[[docs[pair["a"]].paragraphs[i].line for i in link.indices(pair["a"])],
                [docs[pair["b"]].paragraphs[i].line for i in link.indices(pair["b"])]] for link in alignment.links]
        assert got == pair["links"]


def _doc(lines, lang, config, name):
    doc = ingest_text("\n".join(lines), name, name, config, language=lang)
    return doc, [extract_facts(p.text, lang) for p in doc.paragraphs]


def test_merge_split_omission_and_insertion(wide_config):
    en = (ARTICLES / "trade.en.txt").read_text("utf-8").splitlines()
    fr = (ARTICLES / "trade.fr.txt").read_text("utf-8").splitlines()
    extra = (ARTICLES / "library.fr.txt").read_text("utf-8").splitlines()[2]
    # fr: paragraphs 2 and 3 merged, paragraph 5 dropped, an untranslated paragraph inserted after 6
    fr2 = [fr[0], fr[1] + " " + fr[2], fr[3], fr[5], extra, fr[6]]
    a, fa = _doc(en, "en", wide_config, "en")
    b, fb = _doc(fr2, "fr", wide_config, "fr")
    beads = [(x, y) for x, y, _ in align_pair(a, b, fa, fb, wide_config)]
    assert beads == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((4,), ()), ((5,), (3,)), ((), (4,)), ((6,), (5,))]


def test_confidence_is_high_for_clean_links_and_links_cover_every_paragraph(wide_config):
    en = (ARTICLES / "library.en.txt").read_text("utf-8").splitlines()
    de = (ARTICLES / "library.de.txt").read_text("utf-8").splitlines()
    a, fa = _doc(en, "en", wide_config, "en")
    b, fb = _doc(de, "de", wide_config, "de")
    beads = align_pair(a, b, fa, fb, wide_config)
    assert [(x, y) for x, y, _ in beads] == [((k,), (k,)) for k in range(len(en))]
    assert all(c >= 0.8 for _, _, c in beads)


def test_n_way_links_span_every_language(tmp_path, wide_config):
    for src in ARTICLES.glob("trade.*.txt"):
        lines = src.read_text("utf-8").splitlines()
        if src.name == "trade.de.txt":  # German splits the dateline paragraph in two
            first, _, rest = lines[1].partition(" – ")
            lines = [lines[0], first, rest] + lines[2:]
        (tmp_path / src.name).write_text("\n".join(lines), "utf-8")
    report = run([tmp_path], wide_config)
    (alignment,) = report.alignments
    for link in alignment.links:
        assert {d for d, idx in link.members if idx} == {"trade.en", "trade.fr", "trade.de", "trade.es"}
    second = alignment.links[1]
    assert second.indices("trade.de") == (1, 2) and second.indices("trade.en") == (1,)


def test_each_member_of_a_link_keeps_its_own_confidence():
    from audit.align import compose

    # b follows the pivot closely, c is doubtful here: the link is as weak as c, b still trusted
    pairwise = {"b": [((0,), (0,), 0.95), ((1,), (1,), 0.9)], "c": [((0,), (0,), 0.3), ((1,), (1,), 0.8)]}
    first, second = compose("a", 2, pairwise, ["a", "b", "c"])
    assert first.confidence == 0.3
    assert (first.trusted("a"), first.trusted("b"), first.trusted("c")) == (1.0, 0.95, 0.3)
    assert second.trusted("c") == 0.8


def test_shared_anchor_weights_do_not_depend_on_the_order_a_paragraph_lists_them():
    """A paragraph's anchors are a set, which iterates in hash-seed order: the weights a pair of
    paragraphs shares must come out bit for bit the same whatever the order (0.1 + 0.2 + 0.3 is
    not 0.3 + 0.2 + 0.1 in floating point), or a run's confidences move with PYTHONHASHSEED."""
    import numpy as np

    from audit.align.cost import _shared_anchors

    w = {"a": 0.1, "b": 0.2, "c": 0.3}
    off = np.zeros(2, dtype=int)
    forward = _shared_anchors([["a", "b", "c"]], [["a", "b", "c"]], w, off, 2)
    backward = _shared_anchors([["c", "b", "a"]], [["c", "b", "a"]], w, off, 2)
    assert forward.tobytes() == backward.tobytes()
    assert forward[0, 0] == 0.1 + 0.2 + 0.3
