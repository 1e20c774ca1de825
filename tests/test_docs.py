"""Generated docs match their sources; README commands are the ones CI and newcomers run."""

from __future__ import annotations

from _util import ROOT

from ektp_extract.docgen import render


def test_records_reference_is_generated_from_the_models() -> None:
    committed = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/records.md is stale: python -m ektp_extract.docgen > docs/records.md"


def test_readme_names_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'python -m pip install . && ektp-extract run fixtures/articles --out out/' in readme
    assert 'python -m pip install ".[test]" && python -m pytest -q' in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in ci


def test_patterns_readme_lists_every_pattern_file() -> None:
    readme = (ROOT / "patterns" / "README.md").read_text(encoding="utf-8")
    for path in (ROOT / "patterns").glob("*.toml"):
        assert f"## `{path.name}`" in readme, f"patterns/README.md lacks {path.name}: python -m ektp_extract.docgen patterns > patterns/README.md"
