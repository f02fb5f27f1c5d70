"""Who pays which care for a client, explained in plain Dutch (seed 004 §2.4 and bijlage 2).

The answer depends only on the leveringsvorm and, for verblijf and vpt, on whether the provider delivers the
behandeling (bekostigingsoptie inclusief/exclusief behandeling). It is a table lookup, not an amount, so it
runs without OpenFisca: the service and the Wlz-wijzer call :func:`wie_betaalt` directly. The table and its
sources live in ``wlz/reference/bekostiging.yaml``.

For the mpt+pgb combination each component is paid the mpt way for the part delivered as modules and the pgb
way for the part the client arranges with the budget (Wlz art. 3.3.2 lid 4 onder b); both are returned.
"""

from __future__ import annotations

from typing import Any

from wlz.common.errors import InputError
from wlz.reference.bekostiging import Bekostiging, Cel
from wlz.reference.bekostiging import bekostiging as _tabel
from wlz.reference.leveringsvorm import codes as leveringsvorm_codes
from wlz.reference.leveringsvorm import met_behandeling_optie

LEVERINGSVORMEN = leveringsvorm_codes()
_REGEL = "Wlz art. 3.1.1 lid 1 onder c en d; NZa-advies behandeling in de Wlz, §2.4"


def _leveringsvorm(leveringsvorm: Any) -> str:
    naam = getattr(leveringsvorm, "name", leveringsvorm)  # accepts the Leveringsvorm enum as well as its name
    code = str(naam).strip().lower() if naam is not None else ""
    if code not in LEVERINGSVORMEN:
        raise InputError(
            "leveringsvorm", f"onbekende leveringsvorm {naam!r}; kies uit {', '.join(LEVERINGSVORMEN)}", _REGEL
        )
    return code


def _behandeling(leveringsvorm: str, behandeling: Any) -> bool | None:
    if leveringsvorm not in met_behandeling_optie():
        return None  # mpt and pgb have no inclusief/exclusief option; the argument does not matter
    if not isinstance(behandeling, bool):
        raise InputError(
            "behandeling",
            f"geef voor {leveringsvorm} aan of de behandeling is inbegrepen (true of false), niet {behandeling!r}",
            _REGEL,
        )
    return behandeling


def _bronnen(tabel: Bekostiging, cel: Cel) -> list[str]:
    return [tabel.bron_tekst(b) for b in cel.bronnen]


def _zin(tabel: Bekostiging, cel: Cel, optie_naam: str) -> str:
    """One sentence a decision letter can use: who pays this component under this option, and why."""
    comp = tabel.componenten[cel.component]
    naam, wordt = comp.naam, ("worden" if comp.meervoud else "wordt")
    if cel.wie == "wlz_integraal":
        kern = f"{naam} {wordt} door de Wlz betaald als onderdeel van het integrale dagtarief ({optie_naam.lower()})."
    elif cel.wie == "wlz_module":
        kern = (
            f"{naam} {wordt} door de Wlz betaald via losse prestaties (modules), bijvoorbeeld per verrichting, "
            f"per tijdseenheid of per consult."
        )
    elif cel.wie == "wlz_pgb":
        kern = f"{naam} betaalt u uit uw persoonsgebonden budget (Wlz)."
    else:
        kern = f"{naam} {wordt} niet door de Wlz betaald; dit valt onder de Zorgverzekeringswet (Zvw)."
    return f"{kern} {cel.toelichting}".strip()


def _regel(tabel: Bekostiging, cel: Cel, optie_naam: str, optie_code: str) -> dict[str, Any]:
    comp = tabel.componenten[cel.component]
    return {
        "component": comp.code,
        "naam": comp.naam,
        "groep": comp.groep,
        "wlz_onderdeel": comp.wlz_onderdeel,
        "bekostigingsoptie": optie_code,
        "bekostiging": cel.wie,
        "bekostiging_naam": tabel.categorieen[cel.wie].naam,
        "ook": [],
        "uitleg": _zin(tabel, cel, optie_naam),
        "bronnen": _bronnen(tabel, cel),
    }


def wie_betaalt(leveringsvorm: Any, behandeling: Any = None) -> list[dict[str, Any]]:
    """Per care component (in the table's order): who pays it for this leveringsvorm, with a Dutch explanation.

    ``leveringsvorm`` is ``verblijf``, ``vpt``, ``mpt``, ``pgb`` or ``mpt_pgb`` (or the ``Leveringsvorm`` enum);
    ``behandeling`` (True/False) is required for verblijf and vpt and ignored otherwise. Each dict has
    ``component``, ``naam``, ``groep``, ``wlz_onderdeel``, ``bekostigingsoptie``, ``bekostiging`` (code:
    wlz_integraal, wlz_module, wlz_pgb or zvw), ``bekostiging_naam``, ``ook`` (other payers that can apply, for
    mpt+pgb), ``uitleg`` (plain Dutch) and ``bronnen`` (seed sections and article URLs).
    Bad input raises :class:`wlz.common.errors.InputError` naming the field.
    """
    code = _leveringsvorm(leveringsvorm)
    met_behandeling = _behandeling(code, behandeling)
    t = _tabel()
    if code != "mpt_pgb":
        optie = t.optie_voor(code, met_behandeling)
        return [_regel(t, optie.cellen[c], optie.naam, optie.code) for c in t.componenten]

    mpt, pgb = t.optie_voor("mpt"), t.optie_voor("pgb")
    uit: list[dict[str, Any]] = []
    for comp in t.componenten:
        via_mpt, via_pgb = mpt.cellen[comp], pgb.cellen[comp]
        regel = _regel(t, via_mpt, mpt.naam, "mpt_pgb")
        if via_pgb.wie != via_mpt.wie:
            regel["ook"] = [via_pgb.wie]
            regel["uitleg"] = (
                f"Voor het deel dat u als modulair pakket thuis krijgt: "
                f"{_zin(t, via_mpt, mpt.naam)} "
                f"Voor het deel dat u met uw pgb regelt: {_zin(t, via_pgb, pgb.naam)}"
            )
            regel["bronnen"] = list(dict.fromkeys(_bronnen(t, via_mpt) + _bronnen(t, via_pgb)))
        uit.append(regel)
    return uit


def tabel() -> list[dict[str, Any]]:
    """The whole table as rows (one per option and component), for the service and the Wlz-wijzer to show."""
    t = _tabel()
    return [
        _regel(t, optie.cellen[c], optie.naam, optie.code)
        | {"optie_naam": optie.naam, "leveringsvorm": optie.leveringsvorm, "behandeling": optie.behandeling}
        for optie in t.opties.values()
        for c in t.componenten
    ]
