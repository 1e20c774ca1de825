"""Extraction of `agencies` (SPEC §3)."""

from __future__ import annotations

from ..document import Document


def run(doc: Document) -> None:
    """Find agencies in `doc.text` and append them to `doc.agencies`."""
    return None
