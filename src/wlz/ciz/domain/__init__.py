"""The CIZ's domain: plain Python, no SQLAlchemy or FastAPI (import-linter contract ``ciz-domain``)."""
