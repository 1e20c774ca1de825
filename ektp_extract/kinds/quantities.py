"""Extraction of `quantities` (SPEC §3)."""

from __future__ import annotations

from ..document import Document


def run(doc: Document) -> None:
    """Find quantities in `doc.text` and append them to `doc.quantities`."""
    return None
