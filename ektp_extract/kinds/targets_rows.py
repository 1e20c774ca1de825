"""The rows of targets' pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from ..lexicon import Entry


class FormsRow(Entry):
    forms: list[str]


class CueRow(Entry):
    """Target cue words; ``window`` is how far after the cue (in characters) its figure may be."""

    forms: list[str]
    window: int = 140
    kinds: list[str] = []  # when set, the quantity kinds this cue may take ("percent")
