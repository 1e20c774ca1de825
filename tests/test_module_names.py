"""Each module of the package binds a top-level name once.

The rule modules are long and grow one reader at a time; a second top-level ``_ITEM_MARK = ...``
silently replaces the first for every function that reads it, so a reader written for one pattern
runs with another's (and may raise inside its stage, which then loses its records)."""
from __future__ import annotations

import ast
import collections
from pathlib import Path

import pytest

import ektp_extract

_PACKAGE = Path(ektp_extract.__file__).parent
_MODULES = sorted(_PACKAGE.rglob("*.py"))


def _bound_twice(source: str) -> dict[str, int]:
    counts: collections.Counter[str] = collections.Counter()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            counts[node.name] += 1
        elif isinstance(node, ast.Assign):
            counts.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            counts[node.target.id] += 1
    return {name: n for name, n in counts.items() if n > 1}


def test_the_check_sees_a_name_bound_twice() -> None:
    src = "import re\n_MARK = re.compile('a')\n\ndef f():\n    return _MARK\n\n_MARK = re.compile('b')\n"
    assert _bound_twice(src) == {"_MARK": 2}
    assert _bound_twice("def g():\n    pass\n\ndef g():\n    pass\n") == {"g": 2}
    assert _bound_twice("_A = 1\n_B = 2\n") == {}


@pytest.mark.parametrize("path", _MODULES, ids=lambda p: str(p.relative_to(_PACKAGE)))
def test_module_binds_each_top_level_name_once(path: Path) -> None:
    assert _bound_twice(path.read_text(encoding="utf-8")) == {}
