"""What every organisation's web part shares: settings, database engine and unit of work, migrations runner,
app factory, sessions and authentication, CSRF, the NEN 7513 access log, the page shell and static files.

It knows no context (zorgkantoor, CIZ, pgb) and no rule; contexts build on it (see docs/architecture.md).

- ``config``      ``ServiceEnvironment`` (the service's ``WLZ_*`` variables, pydantic-settings) and ``AppSettings``
                  (what an app is built with); every variable is listed in docs/configuration.md
- ``database``    ``make_engine`` (SQLite vs PostgreSQL), the write turns of a server process (SQLite's one write
                  lock), the session factories, the metadata naming convention
- ``types``       column types that behave alike on both databases (``UTCDateTime``)
- ``uow``         the unit-of-work base and its factory (one transaction per use case)
- ``migrations``  the runner of a context's Alembic history
- ``app``         ``create_base_app`` (OpenAPI under /api, NUL check, sessions, static files) and
                  ``install_errors`` (JSON under /api, the context's error page elsewhere)
- ``sessions``    the login session and its CSRF token (the one place a server-side session table would go)
- ``auth``        argon2 passwords, API tokens (SHA-256 only), the token cache, the account and token tables
- ``gates``       the route gates (``WebGate``, ``ApiGate``, ``Public``) and the declarations a test walks
- ``access_log``  the NEN 7513 access log: its table, line, append-only mapping and repository
- ``pages``       the page shell: templates on ``shell.html``, the Dutch filters, rendering, redirect with a message
"""
