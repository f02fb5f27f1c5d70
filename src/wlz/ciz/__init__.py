"""The CIZ (Centrum indicatiestelling zorg): from a request (aanvraag) to an indicatiebesluit, as its own
organisation beside the zorgkantoor (docs/ciz.md).

- ``domain``   plain Python: the term of Blz art. 3.2.4, the assessment (beoordeling) and the Wlz access
               criterion (Wlz art. 3.2.1), decision support over the zorgprofielen, the decision and its checks
- ``storage``  its own database and Alembic history (version table ``alembic_version_ciz``)
- ``services`` the use cases, with authorization and the NEN 7513 access log
- ``web``/``api`` Dutch pages on the platform's shell, and /api
- ``koppeling`` the IO31 to the zorgkantoor (wlz.iwlz) and the documented way it is delivered

The CIZ talks to the zorgkantoor only through the IO31 and its IO32 retour; it never imports wlz.zorgkantoor.
"""
