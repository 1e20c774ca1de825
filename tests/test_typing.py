"""The package type-checks under the settings in pyproject.toml ([tool.mypy]: strict, with the
pydantic plugin). The package ships ``py.typed``, so its annotations are what users' type
checkers read; this keeps them true."""
from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parents[1]


def test_package_passes_mypy_strict(tmp_path: Path) -> None:
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "strict = true" in config  # the settings checked are the strict ones
    out, err, status = api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", str(tmp_path / "mypy_cache"),
        "--no-error-summary",
        str(ROOT / "ektp_extract"),
    ])
    assert status == 0, (out + err)[-6000:]
