import json
import shutil

import pytest

from audit.cli import main
from conftest import INPUTS


@pytest.fixture(autouse=True)
def _project(tmp_path, monkeypatch):
    """Each test runs in its own working directory, where config.yaml is absent."""
    monkeypatch.chdir(tmp_path)


def test_run_writes_three_reports_and_finds_sample_discrepancies(tmp_path):
    assert main(["run", str(INPUTS), "--out", str(tmp_path / "r"), "-q"]) == 0
    report = json.loads((tmp_path / "r" / "audit.json").read_text())
    assert (tmp_path / "r" / "audit.xlsx").stat().st_size > 0
    sarif = json.loads((tmp_path / "r" / "audit.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    docs = {d["id"][:3]: d for d in report["documents"]}
    assert docs["004"]["language"] == "ar" and docs["004"]["paragraphs"] == 23
    conflicts = sorted((f["locations"][0]["document"][:3], f["locations"][0]["line"], f["found"])
                       for f in report["findings"] if f["check"] == "country-label-conflict")
    assert conflicts == [("000", 5, "VN"), ("002", 5, "VN")]
    dup = [f for f in report["findings"] if f["check"] == "list-duplicate"]
    # Arabic lists Lang Son twice; Malay writes "Setiausaha Parti Wilayah" twice where the
    # Arabic has provincial and regional party secretaries
    assert sorted((f["locations"][0]["document"][:3], f["locations"][0]["line"], f["locations"][0]["evidence"])
                  for f in dup) == [("003", 5, "Setiausaha Parti Wilayah"), ("004", 17, "لانج سون")]
    link = report["alignment"][0]["links"][4]
    assert link["000_f757e5f0b3b96d17"] == [5] and link["002_f2b97bb889b347b1"] == [5] and 0 <= link["confidence"] <= 1


def test_json_is_deterministic(tmp_path):
    main(["run", str(INPUTS), "--out", str(tmp_path / "a"), "-q"])
    main(["run", str(INPUTS), "--out", str(tmp_path / "b"), "-q"])
    assert (tmp_path / "a" / "audit.json").read_bytes() == (tmp_path / "b" / "audit.json").read_bytes()


def test_baseline_then_check_fails_only_on_new(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(INPUTS, src)
    base = tmp_path / "baseline.json"
    assert main(["baseline", str(src), "--out", str(base), "-q"]) == 0
    assert main(["check", str(src), "--baseline", str(base), "-q"]) == 0
    sv = src / "002_f2b97bb889b347b1.txt"
    sv.write_text(sv.read_text().replace("underteckna 29 avtal", "underteckna 28 avtal"))
    assert main(["check", str(src), "--baseline", str(base), "-q"]) == 1


def test_usage_and_input_errors_exit_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "c.yaml"
    bad.write_text("languages: [bn]\nfoo: 1\n")
    assert main(["run", str(INPUTS), "--config", str(bad), "--out", str(tmp_path)]) == 2
    assert "unknown config key 'foo'" in capsys.readouterr().err
