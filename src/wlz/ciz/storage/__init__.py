"""The CIZ's own database: tables, imperative mapping, its own Alembic history (``alembic_version_ciz``)."""
