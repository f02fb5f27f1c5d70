"""wlz: the Dutch Wet langdurige zorg as a working system.

The packages and the import directions between them are described in ``docs/architecture.md``:

- ``wlz.common``       leaf helpers every layer may use (Dutch formatting, months, the one input error)
- ``wlz.reference``    shared reference data (zorgprofielen, COD163 codes, leveringsvormen)
- libraries, without web or database:
  ``wlz.rules`` (the financing rules as an OpenFisca system, with explanations), ``wlz.claims`` (the NZa
  declaration analysis on DuckDB or Spark), ``wlz.synthetic`` (the calibrated synthetic claims dataset),
  ``wlz.iwlz`` (iWlz 2.2 messages, validated against the XSDs), ``wlz.scenario`` (policy options simulated)
- ``wlz.platform``     what every organisation's web part shares (app factory, sessions, access log, database)
- ``wlz.zorgkantoor``  the zorgkantoor's context: domain, services, storage, web, API

``wlz.cli`` is the thin command-line entry point over them.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wlz")
except PackageNotFoundError:  # a source tree on sys.path that was never installed
    __version__ = "0+onbekend"
