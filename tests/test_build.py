"""Which build runs: the pure-Python sources or the optional compiled modules (hatch_build.py)."""

from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path

import pytest
from _util import ROOT, stand_in

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


def _written_out_inits() -> list[type]:
    """The dataclasses of the listed modules whose ``__init__`` is written out (``init=False``)."""
    import dataclasses

    out = []
    for m in _compiled_modules():
        mod = importlib.import_module(m[:-3].replace("/", "."))
        for obj in vars(mod).values():
            if (isinstance(obj, type) and obj.__module__ == mod.__name__ and dataclasses.is_dataclass(obj)
                    and not obj.__dataclass_params__.init):  # type: ignore[attr-defined]
                out.append(obj)
    return out


@stand_in
def test_written_out_inits_are_the_dataclass_inits() -> None:
    """A dataclass whose ``__init__`` is written out (so that the compiled build compiles it)
    takes its fields in declaration order, positionally and by name, and leaves every other
    field at its declared default (a new list per instance for a default_factory; checked with stand-in values on the pure-Python build;
    the compiled build compiles the same source)."""
    import dataclasses

    classes = _written_out_inits()
    names = {c.__qualname__ for c in classes}
    assert {"_Cand", "_Num", "Item", "HeadMatch", "QuantityInfo", "RegionMatch", "NameParse", "_Clause",
            "Candidate", "_Off"} <= names, names
    for cls in classes:
        fields = dataclasses.fields(cls)
        values = [object() for _ in fields]
        obj = cls(*values)
        assert [getattr(obj, f.name) for f in fields] == values, cls
        obj = cls(**{f.name: v for f, v in zip(fields, values)})
        assert [getattr(obj, f.name) for f in fields] == values, cls
        required = [f for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        obj = cls(*values[: len(required)])
        other = cls(*values[: len(required)])
        for f in fields[len(required):]:
            if f.default_factory is not dataclasses.MISSING:
                # a new value per instance, as the factory makes it
                assert getattr(obj, f.name) == f.default_factory(), (cls, f.name)
                assert getattr(obj, f.name) is not getattr(other, f.name), (cls, f.name)
            else:
                assert getattr(obj, f.name) == f.default, (cls, f.name)
