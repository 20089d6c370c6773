"""The commands the documentation shows work as shown."""
import re
import shutil

import yaml

from audit.cli import main
from conftest import INPUTS, ROOT


def _blocks(text, lang):
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_ci_workflow_and_hook_commands_run(tmp_path, monkeypatch):
    text = (ROOT / "docs" / "ci.md").read_text()
    workflow, hook = (yaml.safe_load(b) for b in _blocks(text, "yaml"))
    commands = [s["run"] for s in workflow["jobs"]["audit"]["steps"] if s.get("run", "").startswith("audit ")]
    commands.append(hook["repos"][0]["hooks"][0]["entry"])
    assert len(commands) == 3
    shutil.copytree(INPUTS, tmp_path / "inputs")
    monkeypatch.chdir(tmp_path)
    assert main(["baseline", "inputs", "--out", "audit-baseline.json", "-q"]) == 0
    for cmd in commands:
        assert main(cmd.split()[1:] + ["-q"]) == 0, cmd
    assert (tmp_path / "reports" / "audit.sarif").exists()
