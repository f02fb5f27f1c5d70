"""Policy scenarios on the Wlz: the reforms the seeds debate, applied to a baseline and costed.

A library (no web, no database): read a scenario file, pick a basis (the built-in ``seed004`` tables or a
``wlz analyse`` output folder) and get the output tables as pandas DataFrames::

    from wlz.scenario import read_scenario, run_scenario
    uitkomst = run_scenario(read_scenario("examples/scenario/knip_combinatie.yaml"), "seed004")
    uitkomst.verschuivingen  # jaar, sector, zorgprofiel, van, naar, clienten_gewogen, stap, optie

The YAML format is described in README.md beside this module.
"""

from __future__ import annotations

from wlz.scenario.basis import Basis, read_analysis, read_basis, read_seed004
from wlz.scenario.run import Uitkomst, run_scenario, write_outputs
from wlz.scenario.schema import Scenario, parse_scenario, read_scenario

__all__ = [
    "Basis",
    "Scenario",
    "Uitkomst",
    "parse_scenario",
    "read_analysis",
    "read_basis",
    "read_scenario",
    "read_seed004",
    "run_scenario",
    "write_outputs",
]
