"""benchmarks/run.py measures the installed compiled build only when it was built from the
checkout as it is."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from typing import Any

from _util import ROOT


def _run_module() -> Any:
    spec = importlib.util.spec_from_file_location("_ektp_bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    argv, path = sys.argv, list(sys.path)
    sys.argv = [str(ROOT / "benchmarks" / "run.py"), "--checkout"]
    try:
        spec.loader.exec_module(mod)  # (--checkout: it puts the checkout on sys.path)
    finally:
        sys.argv, sys.path[:] = argv, path
    return mod


def _installed_copy(dest: Path) -> Path:
    """A package folder laid out as the wheel installs it: the modules, and patterns/ inside."""
    pkg = dest / "ektp_extract"
    shutil.copytree(ROOT / "ektp_extract", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "patterns", pkg / "patterns")
    return pkg


def test_installed_sources_are_compared_with_the_checkout(tmp_path: Path) -> None:
    run = _run_module()
    pkg = _installed_copy(tmp_path)
    assert run._same_sources(pkg)
    (pkg / "__pycache__").mkdir(exist_ok=True)
    (pkg / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (pkg / "document.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\0")  # beside its source
    assert run._same_sources(pkg)
    # an edited module, a module the checkout has not, a changed pattern file: other sources
    dates = pkg / "kinds" / "dates.py"
    kept = dates.read_bytes()
    dates.write_bytes(kept + b"\n")
    assert not run._same_sources(pkg)
    dates.write_bytes(kept)
    (pkg / "extra.py").write_text("X = 1\n")
    assert not run._same_sources(pkg)
    (pkg / "extra.py").unlink()
    toml = next((pkg / "patterns").glob("*.toml"))
    toml.write_bytes(toml.read_bytes() + b"\n")
    assert not run._same_sources(pkg)
