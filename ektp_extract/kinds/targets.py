"""Extraction of `targets` (SPEC §3)."""

from __future__ import annotations

from ..document import Document


def run(doc: Document) -> None:
    """Find targets in `doc.text` and append them to `doc.targets`."""
    return None
