"""The pipeline over its engines: the same report wherever the work runs, a straight
line of stages any engine plugs into, reviews given as data, and nothing left
behind (workers, hold directory) after an error, Ctrl-C or a killed parent."""
import ast
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from audit import AuditError, load_config
from audit.engine import open_engine
from audit.engine.inline import InlineEngine
from audit.engine.pool import PoolEngine
from audit.pipeline import run
from conftest import ROOT

ARTICLE = {  # one short article in three languages; the Malay says 28 projects where the others say 29
    "sv.txt": "Mötet i Hanoi den 3 mars 2025 samlade 40 delegater från Quang Ninh och Lang Son.\n"
              "Avtalet omfattar 29 projekt till ett värde av 1 200 miljoner dollar.\n"
              "Nästa möte hålls i Ha Long den 14 april.\n",
    "ms.txt": "Mesyuarat di Hanoi pada 3 Mac 2025 menghimpunkan 40 perwakilan dari Quang Ninh dan Lang Son.\n"
              "Perjanjian itu merangkumi 28 projek bernilai 1,200 juta dolar.\n"
              "Mesyuarat seterusnya diadakan di Ha Long pada 14 April.\n",
    "ar.txt": "جمع الاجتماع في هانوي في 3 مارس 2025 أربعين مندوبا من كوانغ نينه ولانغ سون.\n"
              "ويشمل الاتفاق 29 مشروعا بقيمة 1200 مليون دولار.\n"
              "ويعقد الاجتماع المقبل في ها لونغ في 14 أبريل.\n",
}


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, text in ARTICLE.items():
        (folder / name).write_text(text, "utf-8")
    return folder


@pytest.fixture
def hold_root(tmp_path, monkeypatch):
    """The temporary directory the pool's hold directory is made in, watched by the test."""
    import tempfile

    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def _same_report(a, b):
    assert (a.documents, a.skipped, a.groups, a.alignments, a.findings, a.signature) == \
           (b.documents, b.skipped, b.groups, b.alignments, b.findings, b.signature)


def test_inline_and_pool_engines_give_the_same_report_and_facts(batch, config, hold_root):
    with InlineEngine(config) as inline:
        expected = run([batch], config, engine=inline)
        assert [(f.check, f.locations[0].document, f.locations[0].line, f.found) for f in expected.findings] == \
               [("number-mismatch", "ms", 2, 28)]
        facts = dict(expected.facts)
    with PoolEngine(config, jobs=2, min_items=1) as pool:  # a pool even for three files
        got = run([batch], config, engine=pool)
        assert list(hold_root.iterdir()), "the pool keeps facts in a hold directory"
        assert dict(got.facts) == facts  # read back through the handles, not extracted again
    _same_report(got, expected)
    assert not list(hold_root.iterdir())  # removed when the engine closes


def test_one_pool_serves_two_runs_and_each_report_keeps_its_facts(batch, tmp_path, config, hold_root):
    other = tmp_path / "other"
    other.mkdir()
    (other / "sv.txt").write_text("Ett annat möte i Hue den 9 maj samlade 12 personer.\n", "utf-8")
    with PoolEngine(config, jobs=2, min_items=1) as pool:
        first = run([batch], config, engine=pool)
        before = dict(first.facts)
        second = run([other], config, engine=pool)
        assert dict(first.facts) == before  # the second run's hold files did not replace the first's
        assert list(second.facts) == ["sv"] and second.facts["sv"] != before["sv"]


def test_an_engine_opened_with_another_config_is_refused(batch, config):
    with pytest.raises(ValueError, match="another config"):
        run([batch], config, engine=InlineEngine(config.override({"languages": ["sv"]})))


def test_facts_of_a_closed_engine_are_a_clear_error(batch, config, hold_root):
    with PoolEngine(config, jobs=2, min_items=1) as pool:
        report = run([batch], config, engine=pool)
    with pytest.raises(AuditError, match="open_engine"):
        report.facts["sv"]


def test_glossary_suggestions_read_the_pools_facts(batch, config, hold_root):
    from audit.glossary import suggest

    with InlineEngine(config) as inline:
        expected = suggest(run([batch], config, engine=inline), config)
    with PoolEngine(config, jobs=2, min_items=1) as pool:
        assert suggest(run([batch], config, engine=pool), config) == expected


class OpaqueEngine(InlineEngine):
    """A new engine: its handles are numbers the pipeline never looks into."""

    def __init__(self, config):
        super().__init__(config)
        self.held, self.calls = [], []

    def read(self, task, files, progress=None):
        self.calls.append("read")
        out = []
        for doc, signature, pair in super().read(task, files, progress):
            self.held.append(pair)
            out.append((doc, signature, len(self.held) - 1))
        return out

    def run_groups(self, task, groups, progress=None):
        self.calls.append("run_groups")
        return [task(self.config, g, [self.held[h] for h in handles]) for g, handles in groups]

    def facts(self, handle):
        return self.held[handle][1]


def test_any_engine_plugs_into_the_same_stages(batch, config):
    engine = OpaqueEngine(config)
    with engine:
        got = run([batch], config, engine=engine)
        got_facts = dict(got.facts)
    assert engine.calls == ["read", "run_groups"]  # one pass per stage, whatever the engine
    expected = run([batch], config, engine=InlineEngine(config))
    _same_report(got, expected)
    assert got_facts == dict(expected.facts)


def test_reviews_are_data_the_pipeline_does_not_read_them(batch, tmp_path):
    (tmp_path / "config.yaml").write_text("reviews: reviews.yaml\n")
    (tmp_path / "reviews.yaml").write_text("reviews: [not, a, mapping\n")  # broken: never read by the pipeline
    config = load_config(tmp_path / "config.yaml")
    first = run([batch], config)
    fp = first.findings[0].fingerprint
    reviewed = run([batch], config, reviews={fp: {"status": "False positive", "comment": "28 is right"}})
    assert (reviewed.findings[0].status, reviewed.findings[0].comment) == ("False positive", "28 is right")
    assert first.findings[0].status == "Open"


def test_an_unknown_check_code_fails_before_any_file_is_read(tmp_path, config):
    with pytest.raises(AuditError, match="no-such-check"):
        run([tmp_path / "does-not-exist"], {"checks": {"select": ["number-mismatch", "no-such-check"]}})


def boom(config, path, doc_id, declared=None):
    raise RuntimeError(f"bug while reading {doc_id}")


def test_an_error_in_a_worker_stops_the_pool_and_removes_the_hold_directory(batch, config, hold_root):
    with pytest.raises(RuntimeError, match="bug while reading"):
        with PoolEngine(config, jobs=2, min_items=1) as pool:
            pool.read(boom, [(str(p), p.stem, None) for p in sorted(batch.iterdir())])
    assert pool._pool is None and not list(hold_root.iterdir())


_SCRIPT = """
import os, sys, time
sys.path.insert(0, {root!r})
from audit import load_config
from audit.engine.pool import PoolEngine

def slow(config, path, doc_id, declared=None):
    open(os.path.join({pids!r}, str(os.getpid())), "w").close()
    time.sleep(600)  # far longer than any wait below: only a signal ends it

if __name__ == "__main__":
    with PoolEngine(load_config(), jobs=2, min_items=1) as pool:
        pool.read(slow, [("x", str(k), None) for k in range(4)])
"""


# How long a process may take to start, or to stop after a signal, before the test calls it stuck:
# generous, because a loaded machine (a full test run beside benchmarks) is slow to fork and
# import; a passing test waits only as long as the process takes.
_PATIENCE = 90.0


def _start_stuck_pool(tmp_path):
    """A process whose pool's two workers are busy for ten minutes: the process, the
    workers' pids, its TMPDIR and the file its stderr goes to."""
    pids, scratch = tmp_path / "pids", tmp_path / "scratch"
    pids.mkdir(), scratch.mkdir()
    script, err = tmp_path / "stuck.py", tmp_path / "stderr.txt"
    script.write_text(_SCRIPT.format(root=str(ROOT), pids=str(pids)))
    with open(err, "wb") as sink:
        proc = subprocess.Popen([sys.executable, str(script)], env={**os.environ, "TMPDIR": str(scratch)},
                                stderr=sink)
    deadline = time.monotonic() + _PATIENCE
    while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) == 2 and list(scratch.iterdir()), err.read_text()
    return proc, workers, scratch, err


@pytest.fixture
def stuck_pool(tmp_path):
    proc, workers, scratch, err = _start_stuck_pool(tmp_path)
    yield proc, workers, scratch, err
    for pid in [proc.pid, *workers]:  # whatever the test found, leave nothing running
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()


def _gone(pids, within=30.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                os.kill(pid, 0)
                with open(f"/proc/{pid}/stat") as fh:  # a zombie (dead, not yet reaped) is gone
                    if fh.read().split(")")[-1].split()[0] != "Z":
                        alive.append(pid)
            except (ProcessLookupError, FileNotFoundError):
                pass
        if not alive:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_the_workers_and_removes_the_hold_directory(stuck_pool):
    proc, workers, scratch, err = stuck_pool
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=_PATIENCE)
    assert proc.returncode != 0 and "KeyboardInterrupt" in err.read_text()
    assert _gone(workers), "pool workers survived Ctrl-C"
    assert not list(scratch.iterdir())  # hold directory removed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_die_with_a_killed_parent(stuck_pool, sig):
    proc, workers, _, _ = stuck_pool
    proc.send_signal(sig)
    proc.wait(timeout=_PATIENCE)
    assert _gone(workers), f"pool workers survived their parent's {signal.Signals(sig).name}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_removes_the_hold_directory_too(stuck_pool):
    proc, workers, scratch, _ = stuck_pool
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=_PATIENCE)
    assert proc.returncode == 128 + signal.SIGTERM and _gone(workers)
    assert not list(scratch.iterdir())


def test_open_engine_follows_the_config(config):
    from audit.engine.dask import DaskEngine

    assert isinstance(open_engine(config.override({"jobs": 1})), InlineEngine)
    assert isinstance(open_engine(config.override({"jobs": 2})), PoolEngine)
    assert isinstance(open_engine(config.override({"jobs": 2, "engine": "dask"})), DaskEngine)  # started by its first task, not here


# --- stage boundaries -------------------------------------------------------------------------
# Each stage may import the stages below it, never one above or beside it.
LAYERS = [
    {"audit.meta", "audit.errors", "audit.model", "audit.punctuation"},
    {"audit.ingest.files", "audit.safeload"},  # bounded reads of regular files, for every file the tool opens
    {"audit.languages"},
    {"audit.config"},
    {"audit.ingest", "audit.extract"},
    {"audit.layout"},  # document ids and the batch's declared structure, from the discovered paths
    {"audit.group", "audit.align"},
    {"audit.checks"},
    {"audit.report", "audit.review", "audit.glossary"},
    {"audit.engine"},
    {"audit.pipeline"},
    {"audit"},  # the Python API
    {"audit.cli"},
    {"audit.__main__"},
]
# the one helper a sibling shares: the review store writes its file with the writers' atomic write
ALLOWED = {("audit.review", "audit.report.atomic"),
           # a decision whose fingerprint moved is found by what the workbook's row showed
           ("audit.review", "audit.report.readable"), ("audit.review", "audit.report.view"),
           # the safe loader reads its file through the bounded reader beside it
           ("audit.safeload", "audit.ingest.files"),
           # ingest_paths, the notebook entry, names documents as the pipeline does
           ("audit.ingest", "audit.layout"),
           # a Config refuses check codes the registry lacks, importing it only when some are named
           ("audit.config", "audit.checks")}


def _stage(module: str) -> tuple[int, str]:
    for rank, layer in enumerate(LAYERS):
        for stage in sorted(layer, key=len, reverse=True):
            if module == stage or (stage != "audit" and module.startswith(stage + ".")):
                return rank, stage
    top = module.split(".")[1]
    if not (ROOT / "audit" / f"{top}.py").exists() and not (ROOT / "audit" / top).is_dir():
        return LAYERS.index({"audit"}), "audit"  # a name the package itself exports (audit.run, audit.__version__)
    raise AssertionError(f"{module} is in no layer: add it to LAYERS where it belongs")


def _imports(path: Path, module: str, is_package: bool) -> set[str]:
    package = module if is_package else module.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[:len(package.split(".")) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            out |= {f"{target}.{a.name}" for a in node.names} if node.module is None else {target}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("audit"):
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "audit"}
    return out


def test_no_import_runs_back_up_the_stages():
    wrong = []
    for path in sorted((ROOT / "audit").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        rank, stage = _stage(module)
        for target in _imports(path, module, is_package):
            t_rank, t_stage = _stage(target)
            if (module, target) not in ALLOWED and t_stage != stage and t_rank >= rank:
                wrong.append(f"{module} imports {target}")
    assert not wrong, wrong


def test_the_layer_check_sees_an_import_back_up(tmp_path):
    bad = tmp_path / "pipeline.py"
    bad.write_text(textwrap.dedent("""
        from . import __version__
        from .review import apply
    """))
    assert _imports(bad, "audit.pipeline", False) == {"audit.__version__", "audit.review"}
    assert _stage("audit.__version__")[0] > _stage("audit.pipeline")[0]


def test_the_architecture_docs_worked_example_is_one_file_and_a_registry_entry(tmp_path, config, monkeypatch):
    """The check shown in docs/architecture.md, written to its own file and registered,
    runs with the others and flags an impossible date where it is."""
    import importlib.util
    import re

    import audit.checks as checks

    doc = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    section = doc[doc.index("## Adding a check"):doc.index("## Adding a fact kind")]
    source = re.findall(r"```python\n(.*?)```", section, re.S)[0]
    path = tmp_path / "date_impossible.py"
    path.write_text(source, "utf-8")
    spec = importlib.util.spec_from_file_location("audit.checks.date_impossible", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(checks, "REGISTRY", [*checks.REGISTRY, module.DateImpossible])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sv.txt").write_text("Mötet i Hanoi.\nDet hölls den 30 februari 2025, sade 40 delegater.\n")
    report = run([tmp_path / "in"], config)
    found = [(f.check, f.locations[0].line, f.locations[0].evidence) for f in report.findings]
    assert ("date-impossible", 2, "30 februari 2025") in found
    assert "date-impossible" in report.signature["checks"]


def test_the_checking_tables_are_loaded_before_the_pool_forks_and_a_missing_one_is_no_error():
    """What each checking worker used to load for itself (wordfreq's table of a batch language)
    is in this process before the fork; a language no library knows does not stop the run."""
    import gc

    import wordfreq

    from audit.extract.numwords import lexicon
    from audit.pipeline import share_tables

    wordfreq.get_frequency_dict.cache_clear()
    lexicon.cache_clear()
    try:
        share_tables({"sv", "zz"})
        assert gc.get_freeze_count() > 0  # out of the workers' collections
    finally:
        gc.unfreeze()
    before = wordfreq.get_frequency_dict.cache_info()
    wordfreq.zipf_frequency("och", "sv")
    assert wordfreq.get_frequency_dict.cache_info().misses == before.misses  # no table loaded at check time
    assert lexicon.cache_info().currsize >= 1


def test_a_pool_on_this_platform_forks_its_workers_so_they_share_the_tables():
    if not sys.platform.startswith("linux"):
        pytest.skip("the default start method elsewhere is spawn")
    from audit.config import as_config

    assert PoolEngine(as_config({}), 2).forks  # else the pipeline loads the tables for nothing


def test_the_hold_directory_gives_back_the_facts_it_was_given(tmp_path):
    """A paragraph's names are held column by column (engine/pool.py): every fact comes back
    equal, with its fields, whatever mix of names a paragraph has."""
    import pickle

    from audit.engine.pool import _dump
    from audit.model import NameFact, NumberFact, ParagraphFacts

    caseless = (NameFact("হ্যানয়", 0, 6, ("hn",), False), NameFact("কোয়াং নিন", 7, 17, ("kng", "nn"), False))
    cased = (NameFact("Quang Ninh", 3, 13, ("kng", "nn"), True),)
    paragraphs = [
        ParagraphFacts((NumberFact("29", 0, 2, 29),), (), caseless + cased, (), (), note="n"),
        ParagraphFacts((), (), (), (), ()),
        ParagraphFacts((), (), cased, (), (), more=(("times", (NumberFact("9", 0, 1, 9),)),)),
    ]
    with open(tmp_path / "0.pickle", "wb") as fh:
        _dump(("doc", paragraphs), fh)
    with open(tmp_path / "0.pickle", "rb") as fh:
        doc, back = pickle.load(fh)
    assert doc == "doc" and back == paragraphs
    assert [[(type(f), f.text, f.start, f.end, f.keys, f.cased) for f in pf.names] for pf in back] == \
           [[(type(f), f.text, f.start, f.end, f.keys, f.cased) for f in pf.names] for pf in paragraphs]
    assert back[0].note == "n" and back[0].numbers[0].value == 29 and back[2].times[0].value == 9
