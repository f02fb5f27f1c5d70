"""The pgb context's database: its tables (``orm``), its own Alembic history (``migrations``, version table
``alembic_version_pgb``), repositories and unit of work."""
