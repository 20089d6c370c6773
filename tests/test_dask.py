"""The Dask engine on a real local cluster gives the same report as the local engine."""
import sys

import pytest

from audit.cli import main
from conftest import ROOT

distributed = pytest.importorskip("distributed")
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_dask_engine_matches_local_engine(tmp_path, monkeypatch):
    from corpus import generate

    generate(tmp_path / "corpus", articles=12, seed=5)
    (tmp_path / "config.yaml").write_text("languages: [sv, ms, bn, hi, ar]\n")
    monkeypatch.chdir(tmp_path)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
    try:
        assert main(["run", "corpus", "--out", "local", "--jobs", "1", "-q"]) == 0
        assert main(["run", "corpus", "--out", "dask", "--scheduler", cluster.scheduler_address, "-q"]) == 0
    finally:
        cluster.close()
    assert (tmp_path / "dask" / "audit.json").read_bytes() == (tmp_path / "local" / "audit.json").read_bytes()
    assert (tmp_path / "dask" / "audit.sarif").read_bytes() == (tmp_path / "local" / "audit.sarif").read_bytes()


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text("Mötet i Hanoi den 3 mars 2025 samlade 40 delegater.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["run", "a.txt", "--scheduler", "tcp://127.0.0.1:9", "-q"]) == 2
    assert "Dask scheduler" in capsys.readouterr().err


def test_blocking_by_dataframe_shuffle_gives_the_local_candidates(tmp_path):
    """Candidate pairs from the Dask dataframe shuffle equal the local inverted index's,
    so the groups are the same (also with a cap that discards common blocks)."""
    from corpus import generate

    from audit import load_config
    from audit.extract import extract_facts
    from audit.group import dask_blocks, group_signatures, local_blocks, summary
    from audit.ingest import ingest_file

    generate(tmp_path / "corpus", articles=20, seed=9)
    config = load_config()
    config["languages"] = ["sv", "ms", "bn", "hi", "ar"]
    summaries = []
    for path in sorted((tmp_path / "corpus").glob("*.txt")):
        doc = ingest_file(path, config, path.stem)
        summaries.append(summary(doc, [extract_facts(p.text, doc.language) for p in doc.paragraphs]))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        for cap in (config["group"]["max_anchor_df"], 5):  # 5: one article's anchors, not two articles'
            config["group"]["max_anchor_df"] = cap
            seen = {}

            def local(*args):
                seen["local"] = local_blocks(*args)
                return seen["local"]

            def shuffled(*args, blocker=dask_blocks(client)):
                seen["dask"] = blocker(*args)
                return seen["dask"]

            assert group_signatures(summaries, config, blocker=shuffled) == group_signatures(summaries, config, blocker=local)
            assert seen["dask"] == seen["local"] and seen["local"]
