"""Product reviews by buyers. Import from ``store.reviews.service`` and ``store.reviews.errors``."""
