"""The pgb domain: plain Python (no SQLAlchemy, no FastAPI). Amounts are whole cents (``int``), so the ledger's
sums balance exactly."""
