"""Who pays which care (Wlz integraal, Wlz per module, Wlz via the pgb, or the Zvw), as reference data.

The table lives in ``bekostiging.yaml`` beside this module: per bekostigingsoptie (zzp inclusief/exclusief
behandeling, vpt inclusief/exclusief behandeling, mpt, pgb) and per care component (woonzorg, dagbesteding,
specifieke behandeling and each part of the algemene behandeling of Wlz art. 3.1.1 lid 1 onder d) it names the
payer and the sources. It is not a dated amount, so it is reference data rather than an OpenFisca parameter;
the rules (``wlz.rules.bekostiging``), the service and the Wlz-wijzer all read it through :func:`bekostiging`.

The file is checked when it is loaded (every option has every component, every payer is a known category,
every cell names at least one known source), so a broken edit fails at once with the cell it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

BESTAND = "bekostiging.yaml"


@dataclass(frozen=True)
class Categorie:
    """A way care is paid: ``wlz_integraal``, ``wlz_module``, ``wlz_pgb`` or ``zvw``."""

    code: str
    naam: str
    uitleg: str


@dataclass(frozen=True)
class Component:
    """A care component: woonzorg, dagbesteding, specifieke behandeling, or a part of algemene behandeling."""

    code: str
    naam: str
    omschrijving: str
    wlz_onderdeel: str
    groep: str
    meervoud: bool = False  # 'Hulpmiddelen worden ...' rather than 'wordt', for the Dutch explanations


@dataclass(frozen=True)
class Cel:
    """One cell of the table: who pays ``component`` under ``optie``, with sources and a Dutch note."""

    optie: str
    component: str
    wie: str
    bronnen: tuple[str, ...]
    toelichting: str


@dataclass(frozen=True)
class Optie:
    """A bekostigingsoptie: a leveringsvorm, for verblijf and vpt split by inclusief/exclusief behandeling."""

    code: str
    naam: str
    leveringsvorm: str
    behandeling: bool | None
    cellen: dict[str, Cel]


@dataclass(frozen=True)
class Bekostiging:
    """The whole table; ``componenten`` and ``opties`` keep the file's order (the order users see)."""

    bronnen: dict[str, str]
    categorieen: dict[str, Categorie]
    componenten: dict[str, Component]
    opties: dict[str, Optie]

    def cel(self, optie: str, component: str) -> Cel:
        """The cell for an option code and a component code; KeyError names what is unknown."""
        if optie not in self.opties:
            raise KeyError(f"onbekende bekostigingsoptie: {optie}")
        if component not in self.componenten:
            raise KeyError(f"onbekend zorgcomponent: {component}")
        return self.opties[optie].cellen[component]

    def optie_voor(self, leveringsvorm: str, behandeling: bool | None = None) -> Optie:
        """The option for a leveringsvorm; for verblijf and vpt ``behandeling`` picks inclusief/exclusief."""
        kandidaten = [o for o in self.opties.values() if o.leveringsvorm == leveringsvorm]
        if not kandidaten:
            raise KeyError(f"onbekende leveringsvorm: {leveringsvorm}")
        if len(kandidaten) == 1:
            return kandidaten[0]
        for optie in kandidaten:
            if optie.behandeling == bool(behandeling):
                return optie
        raise KeyError(f"geen bekostigingsoptie voor {leveringsvorm} met behandeling={behandeling}")

    def bron_tekst(self, sleutel: str) -> str:
        """The full source text (seed section or article URL) for a source key used in the file."""
        return self.bronnen[sleutel]


def _fout(plaats: str, melding: str) -> ValueError:
    return ValueError(f"{BESTAND}: {plaats}: {melding}")


def laad(raw: dict[str, Any]) -> Bekostiging:
    """Build and check the table from the parsed YAML (separate from :func:`bekostiging` so tests can feed it)."""
    bronnen = {str(k): str(v) for k, v in (raw.get("bronnen") or {}).items()}
    categorieen = {
        code: Categorie(code=code, naam=str(c["naam"]), uitleg=str(c["uitleg"]))
        for code, c in (raw.get("categorieen") or {}).items()
    }
    componenten = {
        code: Component(
            code=code,
            naam=str(c["naam"]),
            omschrijving=str(c["omschrijving"]),
            wlz_onderdeel=str(c["wlz_onderdeel"]),
            groep=str(c["groep"]),
            meervoud=bool(c.get("meervoud", False)),
        )
        for code, c in (raw.get("componenten") or {}).items()
    }
    if not categorieen or not componenten:
        raise _fout("categorieen/componenten", "ontbreken")
    opties: dict[str, Optie] = {}
    for code, o in (raw.get("opties") or {}).items():
        ruwe_cellen = o.get("cellen") or {}
        ontbrekend = [c for c in componenten if c not in ruwe_cellen]
        extra = [c for c in ruwe_cellen if c not in componenten]
        if ontbrekend or extra:
            raise _fout(f"opties.{code}.cellen", f"ontbrekend {ontbrekend}, onbekend {extra}")
        cellen = {}
        for comp in componenten:
            c = ruwe_cellen[comp]
            plaats = f"opties.{code}.cellen.{comp}"
            if c.get("wie") not in categorieen:
                raise _fout(plaats, f"onbekende categorie {c.get('wie')!r}")
            cel_bronnen = tuple(str(b) for b in (c.get("bronnen") or ()))
            if not cel_bronnen or any(b not in bronnen for b in cel_bronnen):
                raise _fout(plaats, f"bronnen ontbreken of zijn onbekend: {list(cel_bronnen)}")
            cellen[comp] = Cel(
                optie=code,
                component=comp,
                wie=str(c["wie"]),
                bronnen=cel_bronnen,
                toelichting=str(c.get("toelichting") or ""),
            )
        behandeling = o.get("behandeling")
        opties[code] = Optie(
            code=code,
            naam=str(o["naam"]),
            leveringsvorm=str(o["leveringsvorm"]),
            behandeling=None if behandeling is None else bool(behandeling),
            cellen=cellen,
        )
    if not opties:
        raise _fout("opties", "ontbreken")
    return Bekostiging(bronnen=bronnen, categorieen=categorieen, componenten=componenten, opties=opties)


@cache
def bekostiging() -> Bekostiging:
    """The shipped table (cached; read once per process)."""
    tekst = resources.files(__package__).joinpath(BESTAND).read_text("utf-8")
    return laad(yaml.safe_load(tekst))
