"""Which build runs: the pure-Python sources or the compiled modules (hatch_build.py), and
how the build hook chooses."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest
from _util import ROOT, stand_in

import ektp_extract

_EXT = (".so", ".pyd")


def _compiled_modules() -> list[str]:
    """hatch_build.MODULES, read from the file (without importing hatchling)."""
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


# ---------------------------------------------------------------- the build hook's choices
def _hook_module() -> Any:
    spec = importlib.util.spec_from_file_location("_ektp_hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class _App:
    """What the hook reports, kept instead of printed."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def display_warning(self, msg: str) -> None:
        self.warnings.append(msg)

    def display_info(self, msg: str) -> None:
        self.infos.append(msg)


def _hook(hb: Any, root: Path, app: _App) -> Any:
    return hb.CompileHook(str(root), {}, None, None, str(root), "wheel", app)


def _tree(root: Path) -> Path:
    """The files the cache key reads: the hook and the package's modules."""
    (root / "ektp_extract" / "kinds").mkdir(parents=True)
    (root / "hatch_build.py").write_text((ROOT / "hatch_build.py").read_text(encoding="utf-8"))
    (root / "ektp_extract" / "__init__.py").write_text("X = 1\n")
    (root / "ektp_extract" / "kinds" / "dates.py").write_text("Y = 2\n")
    return root


def test_build_mode_follows_the_variable() -> None:
    hb = _hook_module()
    assert hb.mode({}) == "auto"  # the default: compiled when possible
    assert hb.mode({"EKTP_EXTRACT_COMPILE": ""}) == "auto"
    assert hb.mode({"EKTP_EXTRACT_COMPILE": "maybe"}) == "auto"
    for on in ("1", "true", "YES", " on "):
        assert hb.mode({"EKTP_EXTRACT_COMPILE": on}) == "required"
    for off in ("0", "false", "No", "off"):
        assert hb.mode({"EKTP_EXTRACT_COMPILE": off}) == "off"


def test_build_cache_folder(tmp_path: Path) -> None:
    hb = _hook_module()
    assert hb.cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "ektp_extract" / "mypyc"
    assert hb.cache_dir({"EKTP_EXTRACT_BUILD_CACHE": str(tmp_path / "c")}) == tmp_path / "c"
    assert hb.cache_dir({"EKTP_EXTRACT_BUILD_CACHE": "0", "XDG_CACHE_HOME": str(tmp_path)}) is None
    assert hb.cache_dir({}) == Path.home() / ".cache" / "ektp_extract" / "mypyc"


def test_build_cache_key_changes_with_any_module(tmp_path: Path) -> None:
    hb = _hook_module()
    root = _tree(tmp_path)
    key = hb.source_key(root)
    assert key == hb.source_key(root)
    (root / "ektp_extract" / "kinds" / "dates.py").write_text("Y = 3\n")
    key2 = hb.source_key(root)
    assert key2 != key
    (root / "ektp_extract" / "models.py").write_text("Z = 1\n")  # an uncompiled module mypyc reads
    assert hb.source_key(root) not in (key, key2)


def test_a_failed_default_build_falls_back_to_pure_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hb = _hook_module()
    root = _tree(tmp_path / "src")
    monkeypatch.setenv("EKTP_EXTRACT_BUILD_CACHE", str(tmp_path / "cache"))

    def no_compiler(self: Any, tmp: Path) -> list[Path]:
        raise RuntimeError("no C compiler")

    monkeypatch.setattr(hb.CompileHook, "_compile", no_compiler)
    monkeypatch.delenv("EKTP_EXTRACT_COMPILE", raising=False)
    app = _App()
    data: dict[str, Any] = {"force_include": {}}
    hook = _hook(hb, root, app)
    hook.initialize("standard", data)
    assert data == {"force_include": {}}  # the pure-Python wheel
    assert len(app.warnings) == 1 and "no C compiler" in app.warnings[0]
    assert "EKTP_EXTRACT_COMPILE=0" in app.warnings[0]
    hook.finalize("standard", data, "")
    # asked for explicitly, the same failure is an error
    monkeypatch.setenv("EKTP_EXTRACT_COMPILE", "1")
    with pytest.raises(RuntimeError, match="no C compiler"):
        _hook(hb, root, _App()).initialize("standard", {"force_include": {}})
    # a value that is neither on nor off: the default, said so
    monkeypatch.setenv("EKTP_EXTRACT_COMPILE", "2")
    odd = _App()
    _hook(hb, root, odd).initialize("standard", {"force_include": {}})
    assert len(odd.warnings) == 2 and "neither 1 nor 0" in odd.warnings[0]
    assert "no C compiler" in odd.warnings[1]
    # turned off: no attempt, and no build requirements fetched
    monkeypatch.setenv("EKTP_EXTRACT_COMPILE", "0")
    off = _hook(hb, root, _App())
    assert off.dependencies() == []
    off.initialize("standard", data)
    assert data == {"force_include": {}}


def test_a_cached_build_is_reused_without_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hb = _hook_module()
    root = _tree(tmp_path / "src")
    monkeypatch.setenv("EKTP_EXTRACT_BUILD_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("EKTP_EXTRACT_COMPILE", raising=False)
    calls: list[Path] = []

    def fake_compile(self: Any, tmp: Path) -> list[Path]:
        calls.append(tmp)
        out = [tmp / "lib" / "grp__mypyc.so", tmp / "lib" / "ektp_extract" / "kinds" / "dates.so"]
        for p in out:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(b"built " + p.name.encode())
        return out

    monkeypatch.setattr(hb.CompileHook, "_compile", fake_compile)
    hook = _hook(hb, root, _App())
    assert hook.dependencies() == hb.BUILD_REQUIRES  # nothing cached yet: mypy is needed
    first: dict[str, Any] = {"force_include": {}}
    hook.initialize("standard", first)
    assert len(calls) == 1
    assert sorted(first["force_include"].values()) == ["ektp_extract/kinds/dates.so", "grp__mypyc.so"]
    assert first["pure_python"] is False and first["infer_tag"] is True
    hook.finalize("standard", first, "")
    # the same sources again: copied from the cache, no compiler and no build requirements
    app = _App()
    again = _hook(hb, root, app)
    assert again.dependencies() == []
    second: dict[str, Any] = {"force_include": {}}
    again.initialize("standard", second)
    assert len(calls) == 1
    assert sorted(second["force_include"].values()) == sorted(first["force_include"].values())
    for src, dst in second["force_include"].items():
        assert Path(src).read_bytes() == b"built " + Path(dst).name.encode()
    assert any("cache" in m for m in app.infos)
    again.finalize("standard", second, "")
    # an edit of any module makes another key: compiled again
    (root / "ektp_extract" / "kinds" / "dates.py").write_text("Y = 5\n")
    third = _hook(hb, root, _App())
    assert third.dependencies() == hb.BUILD_REQUIRES
    third.initialize("standard", {"force_include": {}})
    assert len(calls) == 2
    third.finalize("standard", {}, "")
    # an editable install is never compiled
    editable: dict[str, Any] = {"force_include": {}}
    _hook(hb, root, _App()).initialize("editable", editable)
    assert editable == {"force_include": {}} and len(calls) == 2
