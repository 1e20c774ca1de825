"""Extraction of `dates` (SPEC §3)."""

from __future__ import annotations

from ..document import Document


def run(doc: Document) -> None:
    """Find dates in `doc.text` and append them to `doc.dates`."""
    return None
