"""The registry: every registered check imports, declares itself, and has its own test file
(tests/checks/test_<code>.py) with a test that asserts a finding of its code and one that
asserts a false-alarm shape gives none. Tests are found by reading the files' syntax trees:
a code in a comment or a docstring does not count."""
import ast
import importlib
from pathlib import Path

import pytest

from audit.checks import REGISTRY
from audit.checks.base import Check

HERE = Path(__file__).resolve().parent


def asserted_constants(tree: ast.AST) -> dict[str, set]:
    """Test function name -> the constants its assert statements hold."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            out[node.name] = {c.value for a in ast.walk(node) if isinstance(a, ast.Assert)
                              for c in ast.walk(a.test) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    return out


def asserts_nothing_found(tree: ast.AST) -> list[str]:
    """Test functions with an ``assert ... == []``: a shape that must give no finding."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            for a in ast.walk(node):
                if (isinstance(a, ast.Assert) and isinstance(a.test, ast.Compare)
                        and any(isinstance(op, ast.Eq) for op in a.test.ops)
                        and any(isinstance(c, ast.List) and not c.elts for c in a.test.comparators)):
                    out.append(node.name)
                    break
    return out


def imported_names(tree: ast.AST) -> set[tuple[str, str]]:
    return {(node.module, alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def test_codes_are_unique_and_every_check_declares_itself():
    codes = [c.code for c in REGISTRY]
    assert len(codes) == len(set(codes))
    for cls in REGISTRY:
        assert issubclass(cls, Check)
        assert cls.code and cls.description and cls.severity in ("error", "warning", "note")
        # the module is checks/<code>.py, and imports on its own
        module = importlib.import_module(cls.__module__)
        assert module.__name__ == f"audit.checks.{cls.code.replace('-', '_')}"
        assert getattr(module, cls.__name__) is cls


@pytest.mark.parametrize("cls", REGISTRY, ids=lambda c: c.code)
def test_every_check_has_a_test_file_that_asserts_its_findings_and_a_false_alarm(cls):
    path = HERE / f"test_{cls.code.replace('-', '_')}.py"
    assert path.exists(), f"no {path.name} for {cls.code}"
    tree = ast.parse(path.read_text("utf-8"))
    assert (cls.__module__, cls.__name__) in imported_names(tree), f"{path.name} does not import {cls.__name__}"
    asserting = [name for name, constants in asserted_constants(tree).items() if cls.code in constants]
    assert asserting, f"no test in {path.name} asserts a finding of {cls.code}"
    assert asserts_nothing_found(tree), f"no test in {path.name} asserts a shape that gives no {cls.code}"


def test_a_code_in_a_comment_a_docstring_or_a_call_is_not_a_test():
    source = '''
"""Tests for number-mismatch."""
from audit.checks.number_mismatch import NumberMismatch

def test_something():
    # number-mismatch
    run("number-mismatch")
    assert True

def test_found():
    assert [f.check for f in got] == ["number-mismatch"]
'''
    tree = ast.parse(source)
    found = asserted_constants(tree)
    assert "number-mismatch" not in found["test_something"]
    assert "number-mismatch" in found["test_found"]
    assert asserts_nothing_found(tree) == []
    assert asserts_nothing_found(ast.parse("def test_quiet():\n    assert run(x) == []\n")) == ["test_quiet"]
