"""Atomic writes under SIGKILL, extractors under random Unicode, deterministic output."""
import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from audit.cli import main
from audit.extract import extract_facts
from conftest import INPUTS, ROOT

WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from audit.report.atomic import write_atomic
    path, n = sys.argv[1], 0
    blob = b'{{"x": "' + b'y' * 20_000_000 + b'"}}\\n'
    print('ready', flush=True)
    while True:  # write a large file again and again until killed
        write_atomic(path, blob)
        n += 1
""")


@pytest.mark.parametrize("name", ["audit.json", "baseline.json"])
def test_sigkill_while_writing_leaves_the_previous_file_intact(tmp_path, name):
    target = tmp_path / name
    previous = b'{"version": 1, "findings": []}\n'
    target.write_bytes(previous)
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)))
    for delay in (0.05, 0.2, 0.5):
        proc = subprocess.Popen([sys.executable, str(script), str(target)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        assert data == previous or (len(data) > 20_000_000 and json.loads(data)), "a torn file"
        previous = data


# all five scripts of the sample mixed, digits of every system, separators, long runs
ALPHABET = st.sampled_from(list(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZåäöÅÄÖ"
    "অআইকখগচজটডতদনপবমযরলশসহািীুূেৈোৌংঃ্০১২৩৪৫৬৭৮৯"
    "अआइकखगचजटडतदनपबमयरलवशसहािीुूेैोौंः्०१२३४५६७८९"
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
    "0123456789 ,.;:-–—()%٪/'\"«»\n\u00a0\u200c\u200d一二三万億兆年月日"))
LANGS = ["bn", "hi", "sv", "ms", "ar", "en", "ja"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.text(ALPHABET, min_size=0, max_size=400), st.sampled_from(LANGS))
def test_extractors_never_crash_on_random_text(text, lang):
    pf = extract_facts(text, lang)
    for f in pf.numbers + pf.dates + pf.names + pf.labels + pf.lists:
        assert text[f.start:f.end] == f.text  # evidence is always the exact substring


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(min_size=0, max_size=200))
def test_translit_table_is_anyascii_of_the_folded_text(text):
    """translit renders each character through one table built as characters are met;
    it must equal folding, the script rules and anyascii applied to the whole text."""
    from anyascii import anyascii

    from audit.extract.text import _translit_rules, fold, translit

    out = anyascii(fold(text).translate(_translit_rules()[0])).lower()
    assert translit(text) == "".join(ch for ch in out if ch in "abcdefghijklmnopqrstuvwxyz0123456789 ")


def random_text(seed: int, size: int) -> str:
    """``size`` characters drawn from ALPHABET's pool, in runs (words, digit strings, separators)."""
    import random

    pool = ALPHABET.wrapped_strategy.elements if hasattr(ALPHABET, "wrapped_strategy") else ALPHABET.elements
    rng = random.Random(seed)
    out = []
    while sum(map(len, out)) < size:
        out.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 12))))
    return "".join(out)[:size]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.integers(0, 2**32).map(lambda seed: random_text(seed, 10_000)), st.sampled_from(LANGS))
def test_a_10kb_paragraph_takes_bounded_time(text, lang):
    extract_facts("warm up 12", lang)
    start = time.process_time()
    extract_facts(text, lang)
    # the target is 50 ms (benchmarks/robustness.py prints the real figure); a test
    # only guards against super-linear blow-ups, with room for a loaded CI machine
    assert time.process_time() - start < 1.0


@pytest.mark.parametrize("pathological", [
    "1" * 10_000, "1," * 5_000, "1.1." * 2_500, "১" * 10_000, "(" * 5_000 + "Kina" + ")" * 5_000,
    "A, " * 3_300, "নয়, " * 2_500, "- " * 5_000,
])
def test_pathological_runs_stay_fast(pathological):
    for lang in ("sv", "bn", "ar"):
        start = time.process_time()
        extract_facts(pathological, lang)
        assert time.process_time() - start < 1.0, lang


def test_output_is_the_same_whatever_the_file_order_and_jobs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    articles = ROOT / "tests" / "data" / "articles"
    files = sorted(INPUTS.glob("*.txt")) + sorted(articles.glob("*.txt"))
    cfg = tmp_path / "config.yaml"
    cfg.write_text("languages: [bn, hi, sv, ms, ar, en, fr, de, es]\n")
    from audit.engine.pool import MIN_ITEMS

    assert len(files) >= MIN_ITEMS  # with --jobs 2 the pool and its hold directory are used
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(__import__("tempfile"), "tempdir", str(scratch))
    outs = []
    for order, jobs in ((files, "1"), (files[::-1], "2"), (files[3:] + files[:3], "2")):
        out = tmp_path / f"out{len(outs)}"
        assert main(["run", *map(str, order), "--jobs", jobs, "--out", str(out), "-q"]) == 0
        outs.append(out)
    for name in ("audit.json", "audit.sarif"):
        blobs = {(o / name).read_bytes() for o in outs}
        assert len(blobs) == 1, name
    assert not list(scratch.iterdir())  # the hold directory is removed after each run


def _children(pid: int) -> set[int]:
    out = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            out |= {int(c) for c in (task / "children").read_text().split()}
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_killing_the_parent_stops_the_workers_and_removes_the_hold_directory(tmp_path, how):
    inputs, hold_root = tmp_path / "in", tmp_path / "tmp"
    inputs.mkdir(), hold_root.mkdir()
    for k, src in enumerate(sorted(INPUTS.iterdir()) * 12):  # 60 files: the pool works for a few seconds
        (inputs / f"{k}_{src.name}").write_text(src.read_text("utf-8") + f"\nExtra {k}.\n", "utf-8")
    env = {**os.environ, "TMPDIR": str(hold_root), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "audit", "run", str(inputs), "--out", str(tmp_path / "out"),
                             "--jobs", "2", "-q"], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) >= 2 and any(hold_root.glob("audit-hold-*")):
            break
        time.sleep(0.05)
    time.sleep(0.5)  # past the forks: an interrupt inside fork's handlers is ignored by Python itself
    if proc.poll() is not None:
        pytest.skip("the run ended before it could be interrupted (a fast machine)")
    os.kill(proc.pid, how)
    code = proc.wait(timeout=30)
    finished = all((tmp_path / "out" / name).exists() for name in ("audit.json", "audit.sarif", "audit.xlsx", "audit.html"))
    # every report written: the signal came as the run was ending (a loaded machine's
    # scheduling): 130 before main() returned, the run's own 0 after; either way nothing is left
    assert code == -9 if how == signal.SIGKILL else code in ((0, 130) if finished else (130,))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (any(_alive(w) for w in workers) or any(hold_root.glob("audit-hold-*"))):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    assert not list(hold_root.glob("audit-hold-*")), "the hold directory was left behind"
    err = proc.stderr.read().decode("utf-8", "replace")
    assert "Traceback" not in err, err[-3000:]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_run_killed_between_stages_leaves_no_hold_directory(tmp_path):
    """Between reading and checking no worker is alive to remove the hold directory: the
    reaper started with it removes it when the process is killed outright."""
    hold = tmp_path / "audit-hold-x"
    script = ("import os, sys, time\n"
              "from audit.engine.processes import start_reaper\n"
              f"os.mkdir({str(hold)!r}); open(os.path.join({str(hold)!r}, '0.pickle'), 'wb').write(b'held')\n"
              f"start_reaper({str(hold)!r}); print('ready', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE)
    assert proc.stdout.readline() == b"ready\n"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while hold.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not hold.exists()


_FORK_INTERRUPT: list = []  # (pid, signal), armed by the test below; os.register_at_fork cannot be undone


def _interrupt_after_fork() -> None:
    if _FORK_INTERRUPT and os.getpid() == _FORK_INTERRUPT[0][0]:
        os.kill(os.getpid(), _FORK_INTERRUPT.pop()[1])


@pytest.mark.skipif(not hasattr(os, "register_at_fork") or not Path("/proc/self/task").exists(),
                    reason="needs fork and Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("stage", ["reaper", "pool"])
def test_ctrl_c_or_sigterm_while_the_run_forks_stops_it_and_leaves_no_process(tmp_path, monkeypatch, stage, how):
    """Python ignores an exception raised in its after-fork handlers: Ctrl-C (or SIGTERM,
    which the pool turns into an exit) there was lost, and one just after the fork left a
    worker or the reaper unrecorded, never stopped (the parent waited for such a worker at
    exit). Both are held back while the run forks, then stop it."""
    import multiprocessing
    import threading

    from audit.config import load_config
    from audit.engine.pool import PoolEngine
    from audit.pipeline import read_file

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers run in the main thread only")
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        pytest.skip("someone else handles SIGTERM here")
    files = [(str(p), p.stem, None, None) for p in sorted(INPUTS.iterdir())]
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    os.register_at_fork(after_in_parent=_interrupt_after_fork)
    children = _children(os.getpid())
    try:
        with PoolEngine(load_config(), jobs=2, min_items=1) as pool:
            if stage == "pool":
                pool._start()  # the reaper forks here, unarmed: the signal comes with the pool's forks
            _FORK_INTERRUPT.append((os.getpid(), how))
            if stage == "reaper" and how == signal.SIGTERM:  # the pool's own SIGTERM handler comes after the reaper
                signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(SystemExit(143)))
            with pytest.raises(KeyboardInterrupt if how == signal.SIGINT else SystemExit):
                pool.read(read_file, files)
    finally:
        _FORK_INTERRUPT.clear()
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    deadline = time.monotonic() + 10
    while (multiprocessing.active_children() or _children(os.getpid()) - children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children(), "a worker outlived the interrupted run"
    assert not _children(os.getpid()) - children, "a process the run forked (the reaper) outlived it"
    assert not list(tmp_path.glob("audit-hold-*")), "the hold directory was left behind"


@pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc/self/task").exists(),
                    reason="needs fork and Linux /proc")
def test_a_second_ctrl_c_while_the_pool_closes_still_cleans_up(tmp_path, monkeypatch):
    """Ctrl-C pressed again while an interrupted run stops its workers: the pool still stops
    them, its reaper and removes the hold directory, then the interrupt goes on. A process
    that lives on (a notebook) would otherwise keep them."""
    import threading

    from audit.config import load_config
    from audit.engine.pool import PoolEngine

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers run in the main thread only")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    stop_workers = PoolEngine._stop_workers

    def pressed_again(self, abort):
        os.kill(os.getpid(), signal.SIGINT)
        stop_workers(self, abort)

    monkeypatch.setattr(PoolEngine, "_stop_workers", pressed_again)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    sigterm = signal.getsignal(signal.SIGTERM)
    children = _children(os.getpid())
    try:
        with pytest.raises(KeyboardInterrupt):
            with PoolEngine(load_config(), jobs=2, min_items=1) as pool:
                pool._start()
                assert list(tmp_path.glob("audit-hold-*")) and _children(os.getpid()) - children
        assert signal.getsignal(signal.SIGTERM) == sigterm, "the pool's SIGTERM handler stayed"
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, sigterm)
    deadline = time.monotonic() + 10
    while _children(os.getpid()) - children and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(tmp_path.glob("audit-hold-*")), "the hold directory was left behind"
    assert not _children(os.getpid()) - children, "the reaper outlived the closed pool"


def _send_half_then_hang(item):
    """A task whose result goes out half written: the worker then stalls, as one stopped
    while sending would leave the pipe."""
    from multiprocessing.connection import Connection

    def half(self, buf):
        self._send(len(buf).to_bytes(4, "big") + bytes(buf[: len(buf) // 2]))
        time.sleep(600)

    Connection._send_bytes = half
    return "x" * 100_000


def test_an_interrupted_pool_does_not_wait_for_a_half_sent_result(tmp_path, monkeypatch):
    """Ctrl-C while a worker is in the middle of sending a result: the run stops, and the
    pool's thread, which was reading that result, ends instead of waiting for the rest
    forever (the process would then hang at exit, waiting for that thread)."""
    import threading

    from audit.config import load_config
    from audit.engine.pool import PoolEngine

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers run in the main thread only")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    before = set(threading.enumerate())
    timer = threading.Timer(2.0, os.kill, (os.getpid(), signal.SIGINT))
    try:
        with PoolEngine(load_config(), jobs=1, min_items=1) as pool:
            pool._start()
            timer.start()
            with pytest.raises(KeyboardInterrupt):
                pool._map(_send_half_then_hang, [1], None, "checking")
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    left = [t for t in threading.enumerate() if t not in before and t is not timer]
    for t in left:
        t.join(10)
    assert not [t for t in left if t.is_alive()], "the pool's thread still waits for the rest of the result"
