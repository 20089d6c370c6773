from audit.extract import extract_facts, lowercase_vocabulary
from audit.group import group_documents
from audit.ingest import ingest_paths
from conftest import INPUTS


def _groups(docs, config):
    facts = {d.id: [extract_facts(p.text, d.language, lowercase_vocabulary(q.text for q in d.paragraphs)) for p in d.paragraphs] for d in docs}
    return sorted(tuple(sorted(x[:3] for x in g.documents)) for g in group_documents(docs, facts, config))


def test_sample_batch_is_three_articles(config):
    docs, _ = ingest_paths([INPUTS], config)
    # bn+sv: the 19-21 February conference; ms+ar: the 21 February meeting; hi: the 20 February talks
    assert _groups(docs, config) == [("000", "002"), ("001",), ("003", "004")]


def test_grouping_ignores_file_order_and_names(tmp_path, config):
    import shutil

    for k, f in enumerate(sorted(INPUTS.glob("*.txt"), reverse=True)):
        shutil.copy(f, tmp_path / f"doc{k}_{f.name}")
    docs, _ = ingest_paths([tmp_path], config)
    groups = _groups(docs, config)
    assert len(groups) == 3 and sorted(len(g) for g in groups) == [1, 2, 2]
