"""ektp_extract: typed facts from Indonesian public-administration news."""

from .__about__ import SCHEMA_VERSION, __version__
from .extractor import Extractor, extract
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

__all__ = [
    "Agency", "ArticleExtraction", "DateMention", "Extractor", "Meta", "Official", "Quantity",
    "Quote", "SCHEMA_VERSION", "Span", "Target", "__version__", "extract",
]
