"""The zorgkantoor's case-handling service, laid out as in *Architecture Patterns with Python*:

- ``domain``    plain Python entities and rules of the case process (no database, no web)
- ``storage``   SQLAlchemy tables mapped onto the domain classes, repositories, unit of work, Alembic migrations
- ``services``  the use cases; authorization and access logging happen here, once, for pages and API alike
- ``adapters``  the one place that talks to other wlz capabilities (the rules engine)
- ``api``       JSON routes under /api for systems (API tokens)
- ``web``       server-rendered Dutch pages for people (login, sessions, CSRF)
- ``app``       ``create_app(settings)``: the platform's app (``wlz.platform.app``) with the zorgkantoor's routes
- ``commands``  ``wlz serve``, ``wlz demo``, ``wlz db upgrade``

What every organisation's service shares (settings, database engine and unit-of-work base, migrations runner,
sessions, authentication, the access log, the page shell) is in ``wlz.platform``.
"""
