"""The wheel carries patterns/ and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from _util import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "EKTP_EXTRACT_COMPILE": "0"}  # the pure-Python wheel (seconds, any platform)
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, env=env,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{proc.stderr[-2000:]}")
    return next(out.glob("ektp_extract-*.whl"))


def test_wheel_contains_patterns_and_entry_points(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(n).name for n in names if n.startswith("ektp_extract/patterns/")}
    expected = {p.name for p in (ROOT / "patterns").glob("*.toml")}
    assert expected and expected <= shipped
    assert "ektp_extract/py.typed" in names
    ep = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(ep).decode()
    assert "ektp-extract = ektp_extract.cli:main" in text
    assert "[spacy_factories]" in text


def test_wheel_built_with_compile_off_is_pure_python(wheel: Path) -> None:
    """With EKTP_EXTRACT_COMPILE=0 the wheel is the pure-Python one, for any platform."""
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.endswith((".so", ".pyd", ".c"))]
    assert "ektp_extract/kinds/officials.py" in names
    assert "hatch_build.py" not in names


def test_unpacked_wheel_loads_its_own_patterns(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from ektp_extract.lexicon import builtin_dir, load_lexicon; "
        "d = builtin_dir(); lex = load_lexicon([]); "
        "print(d); print(len(lex.files))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    where, nfiles = proc.stdout.split()
    assert Path(where).is_relative_to(site)
    assert int(nfiles) == len(list((ROOT / "patterns").glob("*.toml")))
