"""Rule- and lexicon-based entity extraction (numbers, money, lookups, catalogue names, ids, references)."""
