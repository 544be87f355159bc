"""Rule-based extraction of mentions, values and candidate facts from article text."""

from ingest.extract.gazetteer import Gazetteer
from ingest.extract.rules import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Gazetteer", "extract"]
