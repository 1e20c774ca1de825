"""The rows of quotes' pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from ..lexicon import Entry


class VerbRow(Entry):
    """One speech verb root and its forms (see patterns/speech.toml)."""

    after: list[str] = []
    enclitic: list[str] = []
    active: list[str] = []


class CueRow(Entry):
    """A word that reports a view before its holder (menurut)."""

    forms: list[str]
    enclitic: list[str] = []


class SpeechWords(Entry):
    words: list[str]
