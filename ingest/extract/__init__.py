"""Rule-based extraction of mentions, values and candidate facts from article text."""
