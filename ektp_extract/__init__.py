"""ektp_extract: typed facts from Indonesian public-administration news."""

from .__about__ import SCHEMA_VERSION, __version__
from .extractor import Extractor, extract
from . import document as _document
from .models import (
    Agency,
    ArticleExtraction,
    DateMention,
    Meta,
    Official,
    Quantity,
    Quote,
    Span,
    Target,
)

#: True when the extraction modules are the compiled build (what ``pip install .`` builds
#: where a C compiler is, see hatch_build.py and docs/performance.md), False when they are
#: the pure-Python sources
COMPILED: bool = not str(_document.__file__).endswith(".py")

__all__ = [
    "Agency", "ArticleExtraction", "COMPILED", "DateMention", "Extractor", "Meta", "Official", "Quantity",
    "Quote", "SCHEMA_VERSION", "Span", "Target", "__version__", "extract",
]
