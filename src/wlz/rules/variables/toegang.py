"""Which leveringsvorm a profile allows, and how long an indicatiebesluit is valid.

- No pgb for the profiles of Rlz art. 5.5 lid 1, except for who had zzp 3 LVG with a pgb right before the AWBZ
  ended (lid 2); a pgb only with gewaarborgde hulp for those of art. 5.6. Neither applies when the new pgb
  continues an earlier one (art. 5.7: at most seven calendar days between, or a stay in an instelling between
  that followed the earlier pgb; lid 2 sets 5.5 and 5.6 aside then).
- The maximum validity of an indicatiebesluit (Rlz art. 3.2); otherwise indefinite (Blz art. 3.2.5).
Both lists live in the shared reference data (``wlz.reference``), which cites the articles per field.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from openfisca_core.periods import DateUnit

from wlz.reference import lookup, zorgprofielen
from wlz.rules import bronnen as B
from wlz.rules.entities import Persoon
from wlz.rules.enums import Zorgprofiel, profiel_key
from wlz.rules.model import WlzVariable, datum, niet_opgegeven, open_zin

MONTH = DateUnit.MONTH
ETERNITY = DateUnit.ETERNITY


def _per_profiel(veld) -> np.ndarray:
    """A table over the Zorgprofiel enum of one reference field (ONBEKEND gets the 'no' value)."""
    waarden = {profiel_key(z.code): veld(z) for z in zorgprofielen().values()}
    return np.array([waarden.get(m.name, veld(None)) for m in Zorgprofiel])


_PGB_CODES = {"nee": 0, "ja": 1, "gewaarborgde_hulp": 2}
_PGB = _per_profiel(lambda z: 0 if z is None else _PGB_CODES[z.pgb])
_GELDIGHEID = _per_profiel(lambda z: 0 if z is None or z.max_geldigheid_maanden is None else z.max_geldigheid_maanden)


#: at most this many calendar days between the earlier subsidieperiode and the new one (Rlz art. 5.7 lid 1 onder a)
ONDERBREKING_DAGEN = 7
#: the default of einde_vorige_pgb_periode: no earlier pgb period
GEEN_DATUM = np.datetime64("1900-01-01", "D")


class zzp_3_lvg_met_pgb_awbz(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Was onmiddellijk voor de intrekking van de AWBZ aangewezen op zorgzwaartepakket 3 LVG en had aanspraak "
        "op een persoonsgebonden budget (Rlz art. 5.5 lid 2)"
    )
    bronnen = (B.RLZ_5_5,)


class einde_vorige_pgb_periode(WlzVariable):
    value_type = dt.date
    default_value = dt.date(1900, 1, 1)
    entity = Persoon
    definition_period = ETERNITY
    label = "Laatste dag van een eerdere subsidieperiode met een persoonsgebonden budget (weglaten: geen)"
    bronnen = (B.RLZ_5_7,)


class verblijf_na_vorige_pgb_periode(WlzVariable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = ETERNITY
    label = (
        "Verbleef na die pgb-periode aansluitend in een instelling (Wlz, AWBZ of Zvw), tot het begin van de "
        "nieuwe periode (Rlz art. 5.7 lid 1 onder b)"
    )
    bronnen = (B.RLZ_5_7,)


def voortzetting(begin, einde_vorige, verblijf) -> np.ndarray:
    """Rlz art. 5.7 lid 1: the new pgb period follows an earlier one with at most seven calendar days between
    (onder a), or follows a stay in an instelling that itself followed the earlier pgb period (onder b)."""
    begin = np.asarray(begin, dtype="datetime64[D]")
    einde = np.asarray(einde_vorige, dtype="datetime64[D]")
    gegeven = einde > GEEN_DATUM
    tussen = (begin - einde).astype(int) - 1  # calendar days without either period
    return gegeven & ((tussen <= ONDERBREKING_DAGEN) | np.asarray(verblijf, dtype=bool))


class pgb_voortzetting(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Het pgb sluit aan op een eerder pgb (Rlz art. 5.7): art. 5.5 en 5.6 gelden dan niet"
    bronnen = (B.RLZ_5_7,)

    def formula(persoon, period, parameters):
        return voortzetting(
            persoon("zorg_begin", "eternity"),
            persoon("einde_vorige_pgb_periode", "eternity"),
            persoon("verblijf_na_vorige_pgb_periode", "eternity"),
        )

    @staticmethod
    def uitleg(ctx):
        einde = ctx.get("einde_vorige_pgb_periode")
        if str(einde) <= "1900-01-01":
            return (
                "Er is geen eerdere pgb-periode opgegeven; Rlz art. 5.7 (voortzetting van een pgb) is niet van "
                "toepassing."
            )
        if ctx.waarde:
            if ctx.get("verblijf_na_vorige_pgb_periode"):
                grond = (
                    "via een verblijf in een instelling dat aansloot op de eerdere pgb-periode "
                    "(Rlz art. 5.7 lid 1 onder b)"
                )
            else:
                tussen = max(
                    int(
                        (
                            dt.date.fromisoformat(str(ctx["zorg_begin"])[:10]) - dt.date.fromisoformat(str(einde)[:10])
                        ).days
                    )
                    - 1,
                    0,
                )
                grond = (
                    f"met {tussen} kalenderdag{'en' if tussen != 1 else ''} ertussen, niet meer dan "
                    f"{ONDERBREKING_DAGEN} (Rlz art. 5.7 lid 1 onder a)"
                )
            return (
                f"De nieuwe pgb-periode sluit aan op de eerdere, die eindigde op {datum(einde)}: {grond}. Het "
                "zorgkantoor verleent het pgb dan, en de uitsluitingen van Rlz art. 5.5 en 5.6 gelden niet "
                "(art. 5.7 lid 2)."
            )
        return (
            f"De eerdere pgb-periode eindigde op {datum(einde)}; er zitten meer dan {ONDERBREKING_DAGEN} "
            "kalenderdagen tussen en geen aansluitend verblijf in een instelling, dus Rlz art. 5.7 is niet van "
            "toepassing."
        )


def _gewaarborgde_hulp_open(ctx) -> list[str]:
    """The unanswered question on gewaarborgde hulp decides whether a pgb is possible for a profile of art. 5.6."""
    if "gewaarborgde_hulp" not in niet_opgegeven(ctx) or ctx.get("pgb_voortzetting"):
        return []
    profiel = ctx["zorgprofiel"]
    soort = lookup(profiel.replace("_", "-")).pgb if profiel != "ONBEKEND" else "nee"
    return ["gewaarborgde hulp (Rlz art. 5.6)"] if soort == "gewaarborgde_hulp" else []


class pgb_toegestaan(WlzVariable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Pgb mogelijk voor dit zorgprofiel"
    bronnen = (B.RLZ_5_5, B.RLZ_5_6, B.RLZ_5_7)

    def formula(persoon, period, parameters):
        soort = _PGB[np.asarray(persoon("zorgprofiel", "eternity"))]
        gewaarborgd = np.asarray(persoon("gewaarborgde_hulp", "eternity"))
        lvg_3 = np.asarray(persoon("zzp_3_lvg_met_pgb_awbz", "eternity"))
        return (
            (soort == 1)
            | ((soort == 2) & gewaarborgd)
            | ((soort == 0) & lvg_3)
            | np.asarray(persoon("pgb_voortzetting", period))
        )

    @staticmethod
    def open_als(ctx):
        return _gewaarborgde_hulp_open(ctx)

    @staticmethod
    def uitleg(ctx):
        soort = lookup(ctx["zorgprofiel"].replace("_", "-")).pgb if ctx["zorgprofiel"] != "ONBEKEND" else "nee"
        if soort != "ja" and ctx.get("pgb_voortzetting"):
            return (
                "Het pgb sluit aan op een eerder pgb (Rlz art. 5.7 lid 1); de beperkingen van art. 5.5 en 5.6 "
                "gelden dan niet (lid 2), dus een pgb is mogelijk."
            )
        if soort == "nee" and ctx.get("zzp_3_lvg_met_pgb_awbz"):
            return (
                "Voor dit zorgprofiel wordt in de regel geen pgb verleend (Rlz art. 5.5 lid 1), maar u was "
                "onmiddellijk voor de intrekking van de AWBZ aangewezen op zzp 3 LVG en had een pgb: de "
                "uitsluiting geldt dan niet (lid 2), dus een pgb is mogelijk."
            )
        if soort == "nee":
            return "Voor dit zorgprofiel wordt geen pgb verleend (Rlz art. 5.5 lid 1)."
        if soort == "gewaarborgde_hulp":
            if ctx.waarde:
                return (
                    "Voor dit zorgprofiel is een pgb alleen mogelijk met gewaarborgde hulp (Rlz art. 5.6); "
                    "die is er, dus een pgb is mogelijk."
                )
            if _gewaarborgde_hulp_open(ctx):
                return (
                    "Voor dit zorgprofiel is een pgb alleen mogelijk met gewaarborgde hulp (Rlz art. 5.6). "
                    + open_zin(_gewaarborgde_hulp_open(ctx))
                )
            return (
                "Voor dit zorgprofiel is een pgb alleen mogelijk met gewaarborgde hulp (Rlz art. 5.6); "
                "die is er niet, dus een pgb is niet mogelijk."
            )
        return "Voor dit zorgprofiel is een pgb mogelijk."


class indicatie_max_geldigheid_maanden(WlzVariable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Maximale geldigheid van het indicatiebesluit in maanden (0 = onbepaalde tijd)"
    bronnen = (B.RLZ_3_2, B.BLZ_3_2_5)

    def formula(persoon, period, parameters):
        return _GELDIGHEID[np.asarray(persoon("zorgprofiel", period))]

    @staticmethod
    def uitleg(ctx):
        if not ctx.waarde:
            return "Het indicatiebesluit geldt voor onbepaalde tijd (Blz art. 3.2.5)."
        duur = "zes maanden" if ctx.waarde == 6 else f"{ctx.waarde // 12} jaar"
        return f"Het indicatiebesluit voor dit profiel geldt ten hoogste {duur} (Rlz art. 3.2)."
