"""benchmarks/group_size.py times grouped extraction by group size, and refuses to time
groups whose results differ from those of ``Extractor.extract``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from _util import ROOT

from ektp_extract import Extractor


def _module() -> Any:
    spec = importlib.util.spec_from_file_location("_ektp_bench_group_size",
                                                  ROOT / "benchmarks" / "group_size.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _corpus(mod: Any, tmp_path: Path) -> Path:
    return mod.make_corpus(tmp_path / "corpus", 5)


def test_it_reports_each_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mod = _module()
    out = tmp_path / "gs.json"
    assert mod.main(["--sizes", "1,3", "--repeats", "1", "--skip-memory",
                     "--corpus", str(_corpus(mod, tmp_path)), "--out", str(out)]) == 0
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["articles"] == 5
    assert sorted(r["sizes"]) == ["1", "3"]
    assert all(v["articles_per_s"] > 0 and len(v["runs_at_3kb"]) == 1 for v in r["sizes"].values())
    assert "the same as Extractor.extract" in capsys.readouterr().out


def test_other_results_stop_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = _module()
    real = Extractor._extract_group

    def without_dates(self: Extractor, items: Any) -> Any:
        results = real(self, items)
        if len(items) > 1:
            for r in results:
                r.dates.clear()
        return results

    monkeypatch.setattr(Extractor, "_extract_group", without_dates)
    with pytest.raises(SystemExit, match="groups of 3"):
        mod.main(["--sizes", "1,3", "--repeats", "1", "--skip-memory",
                  "--corpus", str(_corpus(mod, tmp_path))])
