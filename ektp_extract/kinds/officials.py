"""Extraction of `officials` (SPEC §3)."""

from __future__ import annotations

from ..document import Document


def run(doc: Document) -> None:
    """Find officials in `doc.text` and append them to `doc.officials`."""
    return None
