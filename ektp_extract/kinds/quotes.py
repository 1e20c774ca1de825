"""Extraction of `quotes` (SPEC §3)."""

from __future__ import annotations

from ..document import Document


def run(doc: Document) -> None:
    """Find quotes in `doc.text` and append them to `doc.quotes`."""
    return None
