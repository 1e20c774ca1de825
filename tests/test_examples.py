"""Runs every worked example of every pattern file (Duckling-style corpus test).

Positive examples (``[[examples]]``) must produce a record matching each item of
``expect``; negatives (``[[negatives]]``) must produce no record of ``kind``
matching ``match``. New cases go into the pattern file next to the rule they
prove, not here. The reference date is pinned (conftest.PINNED_REFERENCE)
unless an example sets ``ref``.
"""

from __future__ import annotations

from typing import Any

import pytest

from ektp_extract import Extractor
from ektp_extract.lexicon import Negative, load_lexicon

from _util import PINNED_REFERENCE, assert_spans

_CASES = load_lexicon([]).examples


def _records(result: Any, kind: str) -> list[Any]:
    if kind == "meta":
        return [result.meta]
    return list(getattr(result, kind))


def _get(record: Any, dotted: str) -> Any:
    value = record
    # "self.kind" reaches a record field named like the reserved "kind" key.
    parts = dotted.split(".")
    for part in parts[1:] if parts[0] == "self" else parts:
        if value is None:
            return None
        value = getattr(value, part) if not isinstance(value, dict) else value.get(part)
    return value


def _same(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, (int, float)):
        return abs(actual - expected) <= 1e-4 * max(1.0, abs(expected))
    if isinstance(expected, int) and isinstance(actual, float):
        return actual == expected
    return bool(actual == expected)


def _matches(record: Any, constraints: dict[str, Any]) -> bool:
    for key, expected in constraints.items():
        if key == "kind":
            continue
        if key == "span":
            span = getattr(record, "span", None)
            if span is None or span.text != expected:
                return False
            continue
        if key == "mentions":  # list of mention texts that must all be present
            texts = {m.text for m in getattr(record, "mentions", [])}
            if not set(expected) <= texts:
                return False
            continue
        if not _same(_get(record, key), expected):
            return False
    return True


def _describe(records: list[Any]) -> str:
    out = []
    for r in records[:12]:
        d = r.model_dump(exclude={"spans", "mentions"}) if hasattr(r, "model_dump") else r
        if isinstance(d, dict) and "span" in d:
            d["span"] = d["span"]["text"] if d["span"] else None
        out.append(str(d))
    return "\n  ".join(out) or "(none)"


@pytest.mark.parametrize("case", _CASES, ids=[c.test_id for c in _CASES])
def test_pattern_example(case: Any, extractor: Extractor) -> None:
    ex = case.example
    result = extractor.extract(ex.text, reference_date=ex.ref or PINNED_REFERENCE)
    assert_spans(result, ex.text)
    if isinstance(ex, Negative):
        bad = [r for r in _records(result, ex.kind) if _matches(r, ex.match)]
        assert not bad, (
            f"{case.path} negative #{case.index}: {ex.text!r} must give no {ex.kind} "
            f"matching {ex.match}, got:\n  {_describe(bad)}"
        )
        return
    for want in ex.expect:
        kind = want["kind"]
        records = _records(result, kind)
        assert any(_matches(r, want) for r in records), (
            f"{case.path} example #{case.index}: {ex.text!r}\n expected {kind} {want}\n got:\n  "
            f"{_describe(records)}"
        )


def test_corpus_is_not_empty() -> None:
    assert len(_CASES) >= 10
