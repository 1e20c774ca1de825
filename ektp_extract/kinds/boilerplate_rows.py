"""The rows of boilerplate's pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from ..lexicon import Entry


class BoilerplateRow(Entry):
    pattern: str
    action: Literal["line", "block", "rest", "inline", "caption"] = "line"
    requires: list[str] = []  # cheap prefilter: the line must contain one of these (case-folded)
    note: str = ""

    @model_validator(mode="after")
    def _caption_text(self) -> "BoilerplateRow":
        if self.action == "caption" and "(?P<text>" not in self.pattern:
            raise ValueError("a caption rule needs a group (?P<text>...) for the caption's own words")
        return self
