from pathlib import Path

import pytest

from audit.config import load_config

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"


@pytest.fixture(scope="session")
def sample_report():
    """The sample audited once per test process with the default config, for tests that only
    read the report (never change it): the Python API's run, as the CLI calls it."""
    from audit import run

    return run([INPUTS], load_config())


@pytest.fixture
def config():
    return load_config()


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


@pytest.fixture
def wide_config():
    """The default config with the test articles' languages added."""
    return load_config(overrides={"languages": ["bn", "hi", "sv", "ms", "ar", "en", "fr", "de", "es"]})
