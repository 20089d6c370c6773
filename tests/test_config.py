"""audit/config.py: one frozen, typed Config, validated whole when it is made."""
import dataclasses
import pickle
from pathlib import Path

import pytest
import yaml

import audit
from audit import AuditError
from audit.cli import main
from audit.config import Config, as_config, config_hash, load_config

ROOT = Path(__file__).resolve().parent.parent


def test_the_documented_defaults_are_the_defaults():
    documented = yaml.safe_load((ROOT / "config.yaml").read_text("utf-8"))
    assert documented == Config().to_dict()
    assert Config.from_mapping(Config().to_dict()) == Config()
    assert load_config(ROOT / "config.yaml") == dataclasses.replace(Config(), base_dir=str(ROOT))


def test_a_config_is_frozen_through_and_through():
    config = load_config(overrides={"glossary": {"Guangxi": {"country": "CN", "aliases": {"sv": ["Guangxi"]}}}})
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.jobs = 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.group.threshold = 0.9
    with pytest.raises(TypeError):
        config.glossary["Hanoi"] = {}
    with pytest.raises(TypeError):
        config.checks.severity["number-mismatch"] = "note"
    assert config.glossary["Guangxi"]["aliases"]["sv"] == ("Guangxi",)
    assert isinstance(config.languages, tuple) and isinstance(config.checks.select, tuple)


def test_an_override_is_a_new_config_and_leaves_the_old_one_intact():
    old = load_config()
    new = old.override({"group": {"by": "content"}, "align": {"band": 4}, "languages": ["SV", "sv", "ms"]})
    assert (new.group.by, new.align.band, new.languages) == ("content", 4, ("sv", "ms"))
    assert (old.group.by, old.align.band, old.languages) == ("auto", 12, ("bn", "hi", "sv", "ms", "ar", "en"))
    assert new.group.threshold == old.group.threshold  # keys not named keep their value
    assert dataclasses.replace(old, jobs=1).jobs == 1 and old.jobs == 0


def test_replace_validates_as_loading_does():
    with pytest.raises(AuditError, match="config key 'jobs' must be between 0"):
        dataclasses.replace(Config(), jobs=-1)
    with pytest.raises(AuditError, match="config key 'group.by' must be one of"):
        dataclasses.replace(Config(), group=dataclasses.replace(Config().group, by="colour"))


def test_a_config_pickles_for_worker_processes_and_keeps_its_hash():
    config = load_config(overrides={"checks": {"severity": {"number-mismatch": "note"}}, "jobs": 2})
    back = pickle.loads(pickle.dumps(config))
    assert back == config and hash(back) == hash(config) and config_hash(back) == config_hash(config)
    assert back.checks.severity == {"number-mismatch": "note"}


def test_where_the_work_runs_does_not_change_the_config_hash():
    config = Config()
    assert config_hash(config.override({"jobs": 3, "engine": "dask"})) == config_hash(config)
    assert config_hash(config.override({"group": {"threshold": 0.5}})) != config_hash(config)


@pytest.mark.parametrize("text, key", [
    ("group:\n  threshold: high\n", "config key 'group.threshold' must be int or float, not str"),
    ("align:\n  colour: red\n", "unknown config key 'align.colour'"),
    ("checks:\n  select: [number-mismatch, no-such-check]\n", "config key 'checks.select' names an unknown check 'no-such-check'"),
    ("checks:\n  severity: {no-such-check: note}\n", "config key 'checks.severity' names an unknown check 'no-such-check'"),
    ("group: 3\n", "config key 'group' must be a mapping"),
    ("jobs: 2.5\n", "config key 'jobs' must be int, not float"),
    ("group:\n  by: manifest\n", "group.by manifest needs config key 'group.manifest'"),
])
def test_a_bad_key_is_one_line_naming_the_file_and_the_key(tmp_path, text, key):
    path = tmp_path / "config.yaml"
    path.write_text(text)
    with pytest.raises(AuditError) as err:
        load_config(path)
    assert key in str(err.value) and str(path) in str(err.value) and "\n" not in str(err.value)


def test_an_unknown_check_code_is_refused_before_any_input_is_read(tmp_path, monkeypatch, capsys):
    import audit.ingest
    import audit.layout

    def never(*args, **kwargs):
        raise AssertionError("an input was read before the config was validated")

    monkeypatch.setattr(audit.layout, "plan", never)
    monkeypatch.setattr(audit.ingest, "ingest_file", never)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.sv.txt").write_text("Parterna undertecknade 29 avtal.\n")
    (tmp_path / "config.yaml").write_text("languages: [sv, ms]\nchecks:\n  ignore: [no-such-check]\n")
    code = main(["run", str(tmp_path / "in"), "--config", str(tmp_path / "config.yaml"), "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and "no-such-check" in err and "config.yaml" in err and "checks.ignore" in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "r").exists()


def test_command_line_options_override_without_touching_the_loaded_config(monkeypatch, tmp_path):
    import audit.cli

    seen = []
    real = audit.cli._overridden

    def spy(config, args):
        new = real(config, args)
        seen.append((config, new))
        return new

    monkeypatch.setattr(audit.cli, "_overridden", spy)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Parterna undertecknade 29 avtal.\n")
    main(["run", "in", "--jobs", "1", "--group-by", "content", "-q", "--out", "r"])
    (loaded, used), = seen
    assert (used.jobs, used.group.by) == (1, "content")
    assert (loaded.jobs, loaded.group.by) == (0, "auto")


def test_the_api_takes_a_config_a_mapping_or_a_path(tmp_path):
    (tmp_path / "config.yaml").write_text("languages: [sv, ms]\nreviews: decisions.yaml\n")
    from_path = as_config(tmp_path / "config.yaml")
    assert from_path.languages == ("sv", "ms") and from_path.resolve(from_path.reviews) == tmp_path / "decisions.yaml"
    assert as_config({"languages": ["sv", "ms"], "reviews": "decisions.yaml"}) == dataclasses.replace(from_path, base_dir="")
    assert as_config(from_path) is from_path and as_config(None) == Config()
    with pytest.raises(AuditError, match="unknown config key 'colour'"):
        as_config({"colour": "red"})
    assert audit.Config is Config
