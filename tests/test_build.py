"""Which build runs: the pure-Python sources or the optional compiled modules (hatch_build.py)."""

from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path

import pytest
from _util import ROOT

import ektp_extract

_EXT = (".so", ".pyd")


def _compiled_modules() -> list[str]:
    """hatch_build.MODULES, read from the file (hatchling need not be installed to test)."""
    tree = ast.parse((ROOT / "hatch_build.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "MODULES" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("hatch_build.py defines no MODULES")


def test_the_compiled_list_names_existing_stage_modules() -> None:
    mods = _compiled_modules()
    assert len(mods) == len(set(mods)) >= 10
    for m in mods:
        assert (ROOT / m).is_file(), m
        assert not m.endswith("_rows.py"), m  # the pydantic row models stay Python classes
    stages = {p.relative_to(ROOT).as_posix() for p in (ROOT / "ektp_extract" / "kinds").glob("*.py")
              if p.name != "__init__.py" and not p.name.endswith("_rows.py")}
    assert stages <= set(mods)


def test_every_listed_module_is_of_one_build() -> None:
    """COMPILED says which build is imported, and no module is of the other one."""
    for m in _compiled_modules():
        mod = importlib.import_module(m[:-3].replace("/", "."))
        assert str(mod.__file__).endswith(_EXT) is ektp_extract.COMPILED, (m, mod.__file__)


def test_expected_build() -> None:
    """EKTP_EXPECT_COMPILED=1 (or 0) makes a test run fail when the other build is imported."""
    want = os.environ.get("EKTP_EXPECT_COMPILED")
    if want is None:
        pytest.skip("EKTP_EXPECT_COMPILED not set")
    assert ektp_extract.COMPILED is (want == "1")


def test_no_compiled_module_beside_the_sources() -> None:
    """An extension module beside a .py file in the checkout would shadow every edit of it;
    the compiled build happens in a temporary directory and never writes here."""
    stray = [p.relative_to(ROOT).as_posix() for p in (ROOT / "ektp_extract").rglob("*")
             if p.suffix in _EXT]
    assert not stray
    assert not [p.name for p in Path(ROOT).glob("*__mypyc*")]
