"""wlz: the Dutch Wet langdurige zorg as a working system.

Subpackages, one per capability:

- ``wlz.reference``  shared reference data (zorgprofielen, COD163 codes, leveringsvormen)
- ``wlz.rules``      the financing rules as an OpenFisca tax-benefit system, with explanations
- ``wlz.claims``     the NZa-style declaration analysis (DuckDB / Spark)
- ``wlz.synthetic``  the calibrated synthetic claims dataset
- ``wlz.iwlz``       iWlz 2.2 messages (IO31, AW33, AW35, AW39, CA317), validated against the XSDs
- ``wlz.zorgkantoor``    the zorgkantoor case-handling service (domain, storage, web, API)

``wlz.cli`` is the thin command-line entry point over them.
"""

__version__ = "0.1.0"
