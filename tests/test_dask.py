"""The Dask engine on a real local cluster gives the same report as the other engines.

One local cluster serves the module's integration tests (starting one costs seconds)."""
import gc
import sys

import pytest

from audit.cli import main
from conftest import ROOT

distributed = pytest.importorskip("distributed")
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as running:
        yield running


def test_integration_dask_engine_matches_local_engine(tmp_path, monkeypatch, cluster):
    from corpus import generate

    generate(tmp_path / "corpus", articles=6, seed=5)
    (tmp_path / "config.yaml").write_text("languages: [sv, ms, bn, hi, ar]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["run", "corpus", "--out", "local", "--jobs", "1", "-q"]) == 0
    assert main(["run", "corpus", "--out", "dask", "--scheduler", cluster.scheduler_address, "-q"]) == 0
    assert (tmp_path / "dask" / "audit.json").read_bytes() == (tmp_path / "local" / "audit.json").read_bytes()
    assert (tmp_path / "dask" / "audit.sarif").read_bytes() == (tmp_path / "local" / "audit.sarif").read_bytes()


def test_integration_dask_report_holds_the_facts_the_inline_one_does(tmp_path, cluster, config):
    """The facts stay on the workers; the report reads them through the futures."""
    from test_pipeline import ARTICLE, _same_report

    from audit.engine.dask import DaskEngine
    from audit.engine.inline import InlineEngine
    from audit.engine.processes import BATCH_THRESHOLDS
    from audit.glossary import suggest
    from audit.pipeline import run

    for name, text in ARTICLE.items():
        (tmp_path / name).write_text(text, "utf-8")
    with InlineEngine(config) as inline:
        expected = run([tmp_path], config, engine=inline)
        facts, glossary = dict(expected.facts), suggest(expected, config)
    with DaskEngine(config.override({"scheduler": cluster.scheduler_address}), jobs=2) as engine:
        got = run([tmp_path], config, engine=engine)
        assert dict(got.facts) == facts and suggest(got, config) == glossary
    _same_report(got, expected)
    assert engine.client is None  # closed: the cluster is the caller's and keeps running
    assert cluster.scheduler_info["workers"]
    with distributed.Client(cluster) as client:  # and its workers' garbage collection is as it was
        assert BATCH_THRESHOLDS not in map(tuple, client.run(gc.get_threshold).values())


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text("Mötet i Hanoi den 3 mars 2025 samlade 40 delegater.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["run", "a.txt", "--scheduler", "tcp://127.0.0.1:9", "-q"]) == 2
    err = capsys.readouterr().err
    assert "Dask scheduler" in err and len(err.splitlines()) == 1


def test_integration_blocking_on_the_cluster_gives_the_local_candidates(tmp_path, cluster):
    """Candidate pairs from the blocks dealt to the Dask workers equal the local inverted index's,
    so the groups are the same (also with a cap that discards common blocks)."""
    from corpus import generate

    from audit import load_config
    from audit.engine.dask import dask_blocks
    from audit.extract import extract_facts
    from audit.group import group_signatures, local_blocks, summary
    from audit.ingest import ingest_file

    generate(tmp_path / "corpus", articles=8, seed=9)
    config = load_config(overrides={"languages": ["sv", "ms", "bn", "hi", "ar"]})
    summaries = []
    for path in sorted((tmp_path / "corpus").glob("*.txt")):
        doc = ingest_file(path, config, path.stem)
        summaries.append(summary(doc, [extract_facts(p.text, doc.language) for p in doc.paragraphs]))
    with distributed.Client(cluster) as client:
        for cap in (config.group.max_anchor_df, 5):  # 5: one article's anchors, not two articles'
            config = config.override({"group": {"max_anchor_df": cap}})
            seen = {}

            def local(*args):
                seen["local"] = local_blocks(*args)
                return seen["local"]

            def shuffled(*args, blocker=dask_blocks(client)):
                seen["dask"] = blocker(*args)
                return seen["dask"]

            assert group_signatures(summaries, config, blocker=shuffled) == group_signatures(summaries, config, blocker=local)
            assert seen["dask"] == seen["local"] and seen["local"]


_STUCK = """
import os, sys, time
sys.path.insert(0, {root!r})
from audit import load_config
from audit.engine.dask import DaskEngine

def slow(config, path, doc_id, declared=None):
    open(os.path.join({pids!r}, str(os.getpid())), "w").close()
    time.sleep(120)

if __name__ == "__main__":
    config = load_config(overrides={{"engine": "dask"}})
    with DaskEngine(config, jobs=2) as engine:
        engine.read(slow, [("x", str(k), None) for k in range(4)])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_integration_local_cluster_workers_die_with_a_killed_parent(tmp_path):
    import os
    import signal
    import subprocess
    import time

    from test_pipeline import _gone

    pids = tmp_path / "pids"
    pids.mkdir()
    (tmp_path / "stuck.py").write_text(_STUCK.format(root=str(ROOT), pids=str(pids)))
    proc = subprocess.Popen([sys.executable, str(tmp_path / "stuck.py")], stderr=subprocess.DEVNULL)
    workers = []
    try:
        deadline = time.monotonic() + 60
        while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) == 2
        proc.kill()
        proc.wait(timeout=20)
        assert _gone(workers, within=20), "Dask workers survived their parent's SIGKILL"
    finally:
        for pid in [proc.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_integration_the_runs_own_cluster_leaves_the_callers_dask_config_as_it_was(tmp_path, config):
    """The local cluster started for a run is quieted (no worker profiler, slower ticks) by a
    config set around its start only: a notebook's later clusters keep Dask's defaults. Its
    workers, and one its nanny restarts, collect garbage as the pool's workers do."""
    import dask

    from audit.engine.dask import DaskEngine
    from audit.engine.processes import BATCH_THRESHOLDS
    from audit.pipeline import run

    (tmp_path / "a.txt").write_text("Mötet i Hanoi den 3 mars 2025 samlade 40 delegater.\n", "utf-8")
    before = dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval")
    with DaskEngine(config, jobs=1) as engine:
        run([tmp_path], config, engine=engine)
        workers = engine.client.scheduler_info()["workers"]
        assert engine.client.run(lambda: dask.config.get("distributed.worker.profile.enabled")) == \
            dict.fromkeys(workers, False)
        # its workers collect garbage as the pool's do, and so does one its nanny restarts
        assert engine.client.run(gc.get_threshold) == dict.fromkeys(workers, BATCH_THRESHOLDS)
        engine.client.restart()
        assert set(engine.client.run(gc.get_threshold).values()) == {BATCH_THRESHOLDS}
    assert (dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval")) == before


def test_integration_a_run_beside_another_clusters_dashboard_warns_of_nothing(tmp_path, config, recwarn):
    """Port 8787, Dask's dashboard, in use by another cluster: the run's own cluster takes a
    free port without a warning on the user's terminal."""
    import socket

    from audit.engine.dask import DaskEngine
    from audit.pipeline import run

    (tmp_path / "a.txt").write_text("Mötet i Hanoi den 3 mars 2025 samlade 40 delegater.\n", "utf-8")
    with socket.socket() as busy:
        try:
            busy.bind(("127.0.0.1", 8787))
        except OSError:
            pass  # already taken, as the test wants
        busy.listen()
        with DaskEngine(config, jobs=1) as engine:
            run([tmp_path], config, engine=engine)
    assert not [w for w in recwarn if "already in use" in str(w.message)]
