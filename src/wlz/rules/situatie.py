"""A client situation as the product reads it (YAML or JSON), validated before any rule runs.

Format::

    periode: 2019                      # a year, or {van: 2019-03-01, tot: 2020-06-30}
    client:
      zorgprofiel: VG5                 # code (VG5, GGZ-B3, VV9B) or COD163 code (808)
      geboortedatum: 1990-04-01
      leveringsvorm: mpt_pgb           # verblijf | vpt | mpt | pgb | mpt_pgb
      dagbesteding: true
      mpt_kosten: 30000                # and any other input of the rules, by name
      inkomen_peiljaar: 28000          # income two years before (eigen bijdrage, Blz art. 3.3.1.2)
    partner:                           # optional: the client's partner (echtgenoot/geregistreerd partner)
      geboortedatum: 1958-02-01
      inkomen_peiljaar: 12000
    huishouden:                        # household inputs, e.g. kinderen_ten_laste: true
    hervorming: toeslagen_in_budget    # optional: a reform of wlz.rules.reforms

Every mistake raises :class:`wlz.common.errors.InputError` naming the field (``client.zorgprofiel``) and the rule
it breaks, so the CLI, the API (as a 422) and the zorgkantoor can show it as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit

from wlz.common.errors import InputError
from wlz.reference import Zorgprofiel as RefProfiel
from wlz.reference import lookup
from wlz.rules.enums import Leveringsvorm, profiel_key
from wlz.rules.model import NIET_OPGEGEVEN
from wlz.rules.reforms import HERVORMINGEN

#: the earliest date any rule covers: the Wlz took effect on 1 January 2015
EERSTE_DAG = dt.date(2015, 1, 1)

#: the rule a period beyond the parameters breaks: amounts hold per calendar year as the Blz and Rlz set them
#: (Blz art. 3.3.2.1 and following; Rlz art. 5.13 and following); no rule extends them into a later year
REGEL_JAARBEDRAGEN = "Blz hoofdstuk 3 en Rlz hoofdstuk 5: bedragen per kalenderjaar"

#: the rule of every error of form (a field the format does not know, a value of the wrong kind): this format
REGEL_FORMAAT = "situatieformaat van wlz bereken (wlz.rules.situatie)"
#: the rule of the dates and the period: the Wlz took effect on 1 January 2015, a period runs from van to tot
REGEL_PERIODE = "situatieformaat: periode (Wlz art. 12.1.1; bedragen per kalenderjaar, Rlz art. 5.14 lid 3)"

TOP_LEVEL = {"periode", "client", "partner", "huishouden", "hervorming", "parameters"}


@dataclass
class Situatie:
    """A validated situation, ready to become an OpenFisca simulation."""

    van: dt.date
    tot: dt.date
    profiel: RefProfiel
    client: dict[str, Any]
    partner: dict[str, Any] | None = None
    huishouden: dict[str, Any] = field(default_factory=dict)
    hervorming: str | None = None

    @property
    def jaren(self) -> list[int]:
        return list(range(self.van.year, self.tot.year + 1))


def _datum(veld: str, waarde: Any, regel: str = REGEL_PERIODE) -> dt.date:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(str(waarde))
    except ValueError:
        raise InputError(
            veld,
            f"'{waarde}' is geen geldige datum; schrijf JJJJ-MM-DD (maand 1-12, een dag die in die maand bestaat)",
            regel,
        ) from None


def parse_periode(waarde: Any) -> tuple[dt.date, dt.date]:
    """The first and last day of a situation's ``periode`` (a year, or ``{van, tot}``)."""
    if waarde is None:
        raise InputError("periode", "ontbreekt; geef een jaar (2019) of {van: ..., tot: ...}", REGEL_PERIODE)
    if isinstance(waarde, int) or (isinstance(waarde, str) and waarde.isdigit()):
        jaar = int(waarde)
        van, tot = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    elif isinstance(waarde, dict):
        onbekend = set(waarde) - {"van", "tot"}
        if onbekend:
            raise InputError(f"periode.{sorted(onbekend)[0]}", "onbekend veld; alleen 'van' en 'tot'", REGEL_PERIODE)
        if "van" not in waarde:
            raise InputError("periode.van", "ontbreekt", REGEL_PERIODE)
        van = _datum("periode.van", waarde["van"])
        tot = _datum("periode.tot", waarde.get("tot", dt.date(van.year, 12, 31)))
        if tot < van:
            raise InputError("periode.tot", "ligt voor periode.van", REGEL_PERIODE)
    else:
        raise InputError("periode", f"'{waarde}' is geen jaar en geen {{van, tot}}", REGEL_PERIODE)
    if van < EERSTE_DAG:
        raise InputError(
            "periode",
            f"begint op {van.isoformat()}, voor de Wlz gold (1 januari 2015); geen regel dekt die datum",
            "Wlz art. 12.1.1",
        )
    return van, tot


def _variabele(systeem, naam: str, entiteit: str, veld: str):
    variabele = systeem.variables.get(naam)
    if variabele is None or variabele.entity.key != entiteit or variabele.formulas:
        raise InputError(veld, f"onbekend invoerveld '{naam}'", REGEL_FORMAAT)
    return variabele


def _regel(variabele) -> str:
    """The rule an input belongs to: the first legal source of its variable, else the situation format."""
    bronnen = type(variabele).wlz_bronnen() if hasattr(type(variabele), "wlz_bronnen") else ()
    return f"{bronnen[0][0]}; {REGEL_FORMAAT}" if bronnen else REGEL_FORMAAT


def _waarde(variabele, veld: str, waarde: Any) -> Any:
    """Coerce one input value to the variable's type; numbers must be finite and not negative."""
    vt = variabele.value_type
    regel = _regel(variabele)
    if vt is bool:
        if isinstance(waarde, bool):
            return waarde
        if str(waarde).lower() in ("ja", "true", "1"):
            return True
        if str(waarde).lower() in ("nee", "false", "0"):
            return False
        raise InputError(veld, f"'{waarde}' is geen ja/nee", regel)
    if vt in (int, float):
        if isinstance(waarde, bool):
            raise InputError(veld, f"'{waarde}' is geen getal", regel)
        try:
            getal = vt(waarde)
        except (TypeError, ValueError):
            raise InputError(veld, f"'{waarde}' is geen getal", regel) from None
        except OverflowError:  # int(inf)
            raise InputError(veld, f"'{waarde}' is geen eindig getal; geef een bedrag of aantal", regel) from None
        if getal != getal:
            raise InputError(veld, "is geen getal (NaN); geef een bedrag of aantal", regel)
        if getal in (float("inf"), float("-inf")):
            raise InputError(veld, f"'{waarde}' is geen eindig getal; geef een bedrag of aantal", regel)
        if getal < 0:
            raise InputError(veld, f"mag niet negatief zijn (opgegeven: {waarde})", regel)
        return getal
    if vt is dt.date:
        return _datum(veld, waarde, regel).isoformat()
    if vt is Enum:
        namen = [m.name for m in variabele.possible_values]
        if str(waarde) not in namen:
            raise InputError(veld, f"'{waarde}' is geen geldige waarde; kies uit {', '.join(namen)}", regel)
        return str(waarde)
    return waarde


def _open_vragen(systeem, waarde: Any) -> list[str]:
    """The yes/no questions listed as not answered (a list of names, or one text with names and commas)."""
    veld = f"client.{NIET_OPGEGEVEN}"
    namen = waarde if isinstance(waarde, list) else str(waarde or "").split(",")
    uit = []
    for n in (str(n).strip() for n in namen):
        if not n:
            continue
        variabele = systeem.variables.get(n)
        if (
            variabele is None
            or variabele.entity.key != "persoon"
            or variabele.formulas
            or variabele.value_type is not bool
        ):
            raise InputError(veld, f"'{n}' is geen ja/nee-vraag van de cliënt", REGEL_FORMAAT)
        uit.append(n)
    return uit


def laatste_parameterdatum(systeem) -> dt.date:
    """The newest date from which any parameter has a known (non-null) value."""
    nieuwste = "2015-01-01"

    def loop(node) -> None:
        nonlocal nieuwste
        if hasattr(node, "values_list"):
            for waarde in node.values_list:
                if waarde.value is not None and waarde.instant_str > nieuwste:
                    nieuwste = waarde.instant_str
            return
        for kind in node.children.values():
            loop(kind)

    loop(systeem.parameters)
    return dt.date.fromisoformat(nieuwste)


def read(data: dict[str, Any], systeem) -> Situatie:
    """Validate a situation dict (parsed YAML/JSON) against the rules; raise InputError on the first error."""
    if not isinstance(data, dict):
        raise InputError(
            "situatie", "verwacht een object met periode, client en eventueel partner/huishouden", REGEL_FORMAAT
        )
    for sleutel in data:
        if sleutel not in TOP_LEVEL:
            raise InputError(
                str(sleutel), f"onbekend veld; toegestaan zijn {', '.join(sorted(TOP_LEVEL))}", REGEL_FORMAAT
            )
    van, tot = parse_periode(data.get("periode"))
    laatste = laatste_parameterdatum(systeem)
    # Wlz amounts are annual: a value set during a year covers the rest of it. Both ends are checked: a period
    # starting in the last known year must not run into a year no parameter covers
    if van.year > laatste.year:
        raise InputError(
            "periode",
            f"begint op {van.isoformat()}, na het laatste jaar waarvoor de regels bedragen "
            f"kennen ({laatste.year}); geen parameter dekt die datum",
            REGEL_JAARBEDRAGEN,
        )
    if tot.year > laatste.year:
        raise InputError(
            "periode.tot",
            f"loopt tot {tot.isoformat()}, na het laatste jaar waarvoor de regels "
            f"bedragen kennen ({laatste.year}); geen parameter dekt die datum. Laat de periode "
            f"uiterlijk op 31 december {laatste.year} eindigen",
            REGEL_JAARBEDRAGEN,
        )
    client_in = data.get("client")
    if not isinstance(client_in, dict):
        raise InputError("client", "ontbreekt; geef ten minste het zorgprofiel", REGEL_FORMAAT)
    if "zorgprofiel" not in client_in:
        raise InputError("client.zorgprofiel", "ontbreekt", "Rlz art. 2.1, bijlage A; iWlz COD163")
    try:
        profiel = lookup(str(client_in["zorgprofiel"]))
    except KeyError:
        raise InputError(
            "client.zorgprofiel",
            f"onbekend zorgprofiel '{client_in['zorgprofiel']}'",
            "Rlz art. 2.1, bijlage A; iWlz COD163",
        ) from None
    if profiel.geldig_vanaf > tot:
        raise InputError(
            "client.zorgprofiel", f"{profiel.code} bestaat pas vanaf {profiel.geldig_vanaf.isoformat()}", "iWlz COD163"
        )
    if profiel.buiten_wlz:
        raise InputError("client.zorgprofiel", f"{profiel.code} is geen Wlz-zorgprofiel (Zvw-zorg)", "Wlz art. 3.1.1")

    client: dict[str, Any] = {}
    open_vragen: list[str] = []
    for naam, waarde in client_in.items():
        veld = f"client.{naam}"
        if naam == "zorgprofiel":
            client[naam] = profiel_key(profiel.code)
            continue
        if naam == NIET_OPGEGEVEN:
            open_vragen += _open_vragen(systeem, waarde)
            continue
        variabele = _variabele(systeem, naam, "persoon", veld)
        if waarde is None and variabele.value_type is bool:
            open_vragen.append(naam)  # a yes/no question given as null: not answered (never "nee")
            continue
        client[naam] = _waarde(variabele, veld, waarde)
    beantwoord = [n for n in open_vragen if n in client]
    if beantwoord:
        raise InputError(
            f"client.{NIET_OPGEGEVEN}",
            f"'{beantwoord[0]}' is beantwoord én als niet opgegeven genoemd; kies één van beide",
            REGEL_FORMAAT,
        )
    if open_vragen:
        client[NIET_OPGEGEVEN] = ",".join(dict.fromkeys(open_vragen))
    _check_leveringsvorm(client, profiel, van)

    partner = None
    if data.get("partner") is not None:
        if not isinstance(data["partner"], dict):
            raise InputError("partner", "verwacht een object (of laat het veld weg)", REGEL_FORMAAT)
        partner = {
            n: _waarde(_variabele(systeem, n, "persoon", f"partner.{n}"), f"partner.{n}", w)
            for n, w in data["partner"].items()
        }
    huishouden_in = data.get("huishouden") or {}
    if not isinstance(huishouden_in, dict):
        raise InputError("huishouden", "verwacht een object", REGEL_FORMAAT)
    huishouden = {
        n: _waarde(_variabele(systeem, n, "huishouden", f"huishouden.{n}"), f"huishouden.{n}", w)
        for n, w in huishouden_in.items()
    }
    for wie, invoer in (("client", client), ("partner", partner or {})):
        geboren = invoer.get("geboortedatum")
        if geboren is not None and dt.date.fromisoformat(geboren) > tot:
            raise InputError(
                f"{wie}.geboortedatum",
                f"{geboren} ligt na het einde van de periode ({tot.isoformat()}): "
                "wie nog niet geboren is, kan geen zorg krijgen; controleer de datum",
                "Wlz art. 3.2.1 (recht op zorg heeft een verzekerde)",
            )
    hervorming = data.get("hervorming")
    if hervorming is not None and hervorming not in HERVORMINGEN:
        raise InputError(
            "hervorming",
            f"onbekende hervorming '{hervorming}'; kies uit {', '.join(HERVORMINGEN)}",
            "wlz.rules.reforms (de hervormingen die de regels kennen)",
        )
    return Situatie(van, tot, profiel, client, partner, huishouden, hervorming)


def _check_leveringsvorm(client: dict[str, Any], profiel: RefProfiel, van: dt.date) -> None:
    """Refuse a pgb the Rlz does not allow (art. 5.5 lid 1, art. 5.6), unless an exception applies: zzp 3 LVG with
    a pgb under the AWBZ (art. 5.5 lid 2), or a pgb that continues an earlier one (art. 5.7; the same test as the
    rule ``pgb_voortzetting``)."""
    from wlz.rules.variables.toegang import voortzetting

    lv = client.get("leveringsvorm", Leveringsvorm.verblijf.name)
    if lv in ("pgb", "mpt_pgb"):
        begin = client.get("zorg_begin", van.isoformat())
        if "einde_vorige_pgb_periode" in client and bool(
            voortzetting(begin, client["einde_vorige_pgb_periode"], client.get("verblijf_na_vorige_pgb_periode", False))
        ):
            return
        if profiel.pgb == "nee" and client.get("zzp_3_lvg_met_pgb_awbz", False):
            return
        if profiel.pgb == "nee":
            raise InputError(
                "client.leveringsvorm",
                f"voor zorgprofiel {profiel.code} wordt geen pgb verleend (zet client.zzp_3_lvg_met_pgb_awbz op ja "
                "bij zzp 3 LVG met een pgb vlak voor het einde van de AWBZ, lid 2; of geef "
                "client.einde_vorige_pgb_periode als het pgb aansluit op een eerder pgb, art. 5.7)",
                "Rlz art. 5.5",
            )
        open_vragen = str(client.get(NIET_OPGEGEVEN, "")).split(",")
        if profiel.pgb == "gewaarborgde_hulp" and "gewaarborgde_hulp" in open_vragen:
            raise InputError(
                "client.gewaarborgde_hulp",
                f"niet opgegeven: voor zorgprofiel {profiel.code} is een pgb alleen mogelijk met gewaarborgde hulp; "
                "zonder dat antwoord kan niet worden beoordeeld of een pgb mogelijk is (geef ja of nee)",
                "Rlz art. 5.6",
            )
        if profiel.pgb == "gewaarborgde_hulp" and not client.get("gewaarborgde_hulp", False):
            raise InputError(
                "client.leveringsvorm",
                f"voor zorgprofiel {profiel.code} is een pgb alleen mogelijk "
                "met gewaarborgde hulp (zet client.gewaarborgde_hulp op ja als die er is)",
                "Rlz art. 5.6",
            )


def to_openfisca(s: Situatie, systeem) -> dict[str, Any]:
    """The OpenFisca entities dict for one client (and partner) in one household.

    ETERNITY inputs are set once; YEAR inputs for every year of the situation (a yearly amount such as
    ``mpt_kosten`` is taken to hold for each year); MONTH inputs for every month.
    """

    def perioden(naam: str) -> list[str]:
        unit = systeem.variables[naam].definition_period
        if unit == DateUnit.ETERNITY:
            return ["ETERNITY"]
        if unit == DateUnit.YEAR:
            return [str(j) for j in s.jaren]
        return [f"{j}-{m:02d}" for j in s.jaren for m in range(1, 13)]

    def met_perioden(invoer: dict[str, Any]) -> dict[str, Any]:
        return {naam: {p: waarde for p in perioden(naam)} for naam, waarde in invoer.items()}

    client = dict(s.client)
    client.setdefault("zorg_begin", s.van.isoformat())
    client.setdefault("zorg_einde", s.tot.isoformat())
    personen = {"client": met_perioden(client)}
    huishouden: dict[str, Any] = {"clienten": ["client"]}
    if s.partner is not None:
        personen["partner"] = met_perioden(s.partner)
        huishouden["partners"] = ["partner"]
    huishouden.update(met_perioden(s.huishouden))
    return {"personen": personen, "huishoudens": {"huishouden": huishouden}}
