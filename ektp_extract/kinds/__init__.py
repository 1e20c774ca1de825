"""One module per kind of record. Importing this package registers their pattern tables.

``STAGES`` is the order in which they run: later stages read what earlier ones
found (quantities skip date spans, officials link to agencies, quotes link to
officials, targets use quantities, dates (``as_of``) and agencies (owner)).
"""

from __future__ import annotations

from typing import Callable

from ..document import Document
from . import agencies, boilerplate, calendar, dates, meta, officials, quantities, quotes, regions, targets

Stage = Callable[[Document], None]

STAGES: list[tuple[str, Stage]] = [
    ("boilerplate", boilerplate.run),
    ("meta", meta.run),
    ("dates", dates.run),
    ("quantities", quantities.run),
    ("agencies", agencies.run),
    ("officials", officials.run),
    ("quotes", quotes.run),
    ("targets", targets.run),
]
