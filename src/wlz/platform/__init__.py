"""What every organisation's web part shares: settings, database engine and unit of work, migrations runner,
app factory, sessions and authentication, CSRF, the NEN 7513 access log, the page shell and static files.

It knows no context (zorgkantoor, CIZ, pgb) and no rule; contexts build on it (see docs/architecture.md).
"""
