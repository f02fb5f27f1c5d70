"""The term within which the CIZ decides on a request (Blz art. 3.2.4) and how far a decision may go back.

Blz art. 3.2.4 lid 1: "zo snel mogelijk, doch binnen zes weken na ontvangst van de aanvraag"; lid 2: within two
weeks when the insured, because of special circumstances, already receives care. Two texts of lid 2 are in
``shared/bronnen/wetgeving``:

- the consolidated text of ``besluit-langdurige-zorg-BWBR0035948.md`` (version date not in the file; the first
  text): the insured "reeds zorg ontvangt"; the decision works back to the day the care began;
- the text valid on 2025-01-01 (``regelrecht/besluit_langdurige_zorg-2025-01-01.yaml``, unchanged on
  2026-04-01): the insured "reeds in een instelling verblijft"; the decision works back to the day the stay
  began "met een maximale periode van twee weken".

The date the text changed lies between those versions and is not in the sources; a request received from
2025-01-01 gets the 2025 text, an earlier one the first text (:data:`TEKST_2025_VANAF`).

The Blz term is a term for giving a beschikking (Awb art. 4:13 lid 1,
https://wetten.overheid.nl/BWBR0005537#Artikel4:13: within the term the law sets). Two general rules change
where it ends (neither text is in ``shared/bronnen``; the articles are cited, not copied):

- **Suspension** (Awb art. 4:15, https://wetten.overheid.nl/BWBR0005537#Artikel4:15). Lid 1: from the day after
  the CIZ (a) asks the aanvrager to complete the request (Awb art. 4:5), until the day it is completed or the term
  set for completing it has passed unused, or (b) tells the aanvrager it asked a foreign authority for
  information, until the day that arrives. Lid 2: while the aanvrager agreed in writing to a delay (a), while the
  delay is due to the aanvrager (b), while force majeure keeps the CIZ from deciding (c). "Tot" (not "tot en
  met") is read as up to, not including, that day. A suspended day moves the end of the term by one day; a
  suspension that begins after the term has ended does not revive it. Lid 3 and 4 (telling the aanvrager) are
  the letter of a suspension (``web.brief``).
- **Algemene termijnenwet** (``wlz.common.termijnen``): it applies to a term set in an AMvB such as the Blz
  (art. 5) of at most twelve weeks (art. 4 a); a term of at least three days holds two working days (art. 2) and
  does not end on a Saturday, Sunday or public holiday but on the next working day (art. 1 lid 1). Weekends
  inside the term do not stop the clock; only its last day moves. The term runs from the day after receipt.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from wlz.common.errors import InputError
from wlz.common.termijnen import termijn_einde

URL_BLZ_324 = "https://wetten.overheid.nl/BWBR0035948/2025-01-01#Artikel3.2.4"
URL_AWB_413 = "https://wetten.overheid.nl/BWBR0005537#Artikel4:13"
URL_AWB_415 = "https://wetten.overheid.nl/BWBR0005537#Artikel4:15"
#: the first date a text of Blz art. 3.2.4 lid 2 with "in een instelling verblijft" is known from (see above)
TEKST_2025_VANAF = dt.date(2025, 1, 1)
#: Blz art. 3.2.4 lid 1
ZES_WEKEN = dt.timedelta(weeks=6)
#: Blz art. 3.2.4 lid 2
TWEE_WEKEN = dt.timedelta(weeks=2)


class OpschortingSoort(StrEnum):
    """The grounds of Awb art. 4:15 for suspending the term."""

    AANVULLING = "aanvulling"  # lid 1 a: the aanvrager is asked to complete the request (Awb art. 4:5)
    BUITENLANDSE_INSTANTIE = "buitenlandse_instantie"  # lid 1 b: information asked from a foreign authority
    UITSTEL = "uitstel"  # lid 2 a: the aanvrager agreed in writing to a delay
    VERTRAGING_AANVRAGER = "vertraging_aanvrager"  # lid 2 b: the delay is due to the aanvrager
    OVERMACHT = "overmacht"  # lid 2 c: force majeure

    @property
    def tekst(self) -> str:
        return OPSCHORTINGSGRONDEN[self]


OPSCHORTINGSGRONDEN = {
    OpschortingSoort.AANVULLING: "aanvraag aanvullen (Awb art. 4:15 lid 1 a)",
    OpschortingSoort.BUITENLANDSE_INSTANTIE: "informatie gevraagd aan een buitenlandse instantie "
    "(Awb art. 4:15 lid 1 b)",
    OpschortingSoort.UITSTEL: "schriftelijk ingestemd met uitstel (Awb art. 4:15 lid 2 a)",
    OpschortingSoort.VERTRAGING_AANVRAGER: "vertraging toe te rekenen aan de aanvrager (Awb art. 4:15 lid 2 b)",
    OpschortingSoort.OVERMACHT: "overmacht (Awb art. 4:15 lid 2 c)",
}


class Opschorting:
    """One suspension of a request's term (Awb art. 4:15), mapped onto ``opschortingen``.

    ``begin`` is the first suspended day (lid 1: the day after the invitation to complete the request);
    ``einde`` the day the clock runs again (not suspended itself): the day the completion arrived, or the day
    after ``aanvullen_voor`` when that passed unused. While a lid-1 suspension waits for the completion, it is
    counted as running to that last day (the deadline shown is then the latest it can become).
    """

    def __init__(
        self,
        *,
        aanvraag_id: str,
        soort: str,
        begin: dt.date,
        einde: dt.date | None = None,
        aanvullen_voor: dt.date | None = None,
        reden: str = "",
        vastgelegd_door: str = "",
    ) -> None:
        try:
            OpschortingSoort(soort)
        except ValueError:
            raise InputError("soort", "Kies een grond voor de opschorting (Awb art. 4:15).") from None
        if soort == OpschortingSoort.AANVULLING:
            if aanvullen_voor is None:
                raise InputError("aanvullen_voor", "Geef de termijn waarbinnen de aanvraag moet worden aangevuld.")
            if aanvullen_voor < begin:
                raise InputError("aanvullen_voor", "De termijn voor de aanvulling eindigt vóór de uitnodiging.")
        elif einde is None:
            raise InputError("einde", "Geef de dag waarop de opschorting eindigt.")
        if einde is not None and einde < begin:
            raise InputError("einde", "De opschorting eindigt vóór zij begint.")
        if not reden.strip():
            raise InputError("reden", "Geef de reden van de opschorting.")
        self.id = secrets.token_hex(8)
        self.aanvraag_id = aanvraag_id
        self.soort = soort
        self.begin = begin
        self.einde = einde
        self.aanvullen_voor = aanvullen_voor
        self.reden = reden.strip()[:2000]
        self.vastgelegd_door = vastgelegd_door

    @classmethod
    def uitnodiging_tot_aanvulling(
        cls, aanvraag_id: str, uitgenodigd: dt.date, aanvullen_voor: dt.date, reden: str, door: str = ""
    ) -> Opschorting:
        """Lid 1: suspended from the day after the invitation."""
        return cls(
            aanvraag_id=aanvraag_id,
            soort=OpschortingSoort.AANVULLING.value,
            begin=uitgenodigd + dt.timedelta(days=1),
            aanvullen_voor=aanvullen_voor,
            reden=reden,
            vastgelegd_door=door,
        )

    def aangevuld(self, op: dt.date) -> None:
        """The completion arrived on ``op``: the clock runs again that day."""
        if self.soort != OpschortingSoort.AANVULLING:
            raise InputError("soort", "Alleen een opschorting voor aanvulling eindigt met een aanvulling.")
        if self.einde is not None:
            raise InputError("einde", "Deze opschorting is al beëindigd.")
        if op < self.begin - dt.timedelta(days=1):
            raise InputError("aangevuld_op", "De aanvulling kwam vóór de uitnodiging.")
        self.einde = max(op, self.begin)

    @property
    def lopend(self) -> bool:
        return self.einde is None

    @property
    def tot(self) -> dt.date:
        """The day the clock runs again (exclusive end of the suspension)."""
        if self.einde is not None:
            return self.einde
        assert self.aanvullen_voor is not None
        return self.aanvullen_voor + dt.timedelta(days=1)

    @property
    def dagen(self) -> int:
        return max(0, (self.tot - self.begin).days)


@dataclass(frozen=True)
class Termijn:
    """The last day of the term, and which part of the article set it (shown on the work list and kept).

    ``opgeschort``: the days the term was suspended (Awb art. 4:15); ``atw``: whether the Algemene termijnenwet
    moved the last day past a weekend or holiday."""

    uiterlijk: dt.date
    weken: int
    grond: str
    opgeschort: int = 0
    atw: bool = False

    def op_tijd(self, besluitdatum: dt.date) -> bool:
        return besluitdatum <= self.uiterlijk


def einde_met_opschorting(einde: dt.date, opschortingen: Iterable[Opschorting]) -> tuple[dt.date, int]:
    """The end of a term after its suspensions, and the days suspended. A suspension counts from its first day
    up to the day the clock runs again; one beginning after the (so far extended) end does not revive the term;
    overlapping suspensions count each day once."""
    dagen: set[dt.date] = set()
    for o in sorted(opschortingen, key=lambda o: o.begin):
        if o.begin > einde + dt.timedelta(days=len(dagen)):
            continue
        dagen.update(o.begin + dt.timedelta(days=i) for i in range(o.dagen))
    return einde + dt.timedelta(days=len(dagen)), len(dagen)


def lid2_van_toepassing(ontvangen: dt.date, ontvangt_al_zorg: bool, verblijft_in_instelling: bool) -> bool:
    """Whether Blz art. 3.2.4 lid 2 (two weeks) applies to a request received on ``ontvangen``."""
    if ontvangen >= TEKST_2025_VANAF:
        return verblijft_in_instelling
    return ontvangt_al_zorg or verblijft_in_instelling


def beslistermijn(
    ontvangen: dt.date,
    *,
    ontvangt_al_zorg: bool = False,
    verblijft_in_instelling: bool = False,
    opschortingen: Iterable[Opschorting] = (),
) -> Termijn:
    """The last day the CIZ decides on time: ``ontvangen`` plus six weeks, or two weeks under lid 2, plus the
    days suspended (Awb art. 4:15), moved to the next working day (Atw art. 1; art. 2 and 5, ``termijn_einde``).

    "Binnen zes weken na ontvangst": received on Monday 5 March 2018, the term ends on Monday 16 April 2018;
    received on Saturday 6 January 2018, it would end on Saturday 17 February and runs to Monday 19 February.
    """
    if lid2_van_toepassing(ontvangen, ontvangt_al_zorg, verblijft_in_instelling):
        weken, grond = 2, "Blz art. 3.2.4 lid 2 (reeds zorg of verblijf)"
    else:
        weken, grond = 6, "Blz art. 3.2.4 lid 1"
    einde, opgeschort = einde_met_opschorting(ontvangen + dt.timedelta(weeks=weken), opschortingen)
    uiterlijk = termijn_einde(ontvangen + dt.timedelta(days=1), einde)
    if opgeschort:
        grond += f"; {opgeschort} dagen opgeschort (Awb art. 4:15)"
    if uiterlijk != einde:
        # art. 2 never extends a term of two or six weeks (no run of more than four days off in the Atw's
        # calendar), so a moved deadline is art. 1's
        grond += "; Atw art. 1"
    return Termijn(uiterlijk, weken, grond, opgeschort, uiterlijk != einde)


def vroegste_ingangsdatum(
    ontvangen: dt.date,
    *,
    ontvangt_al_zorg: bool = False,
    verblijft_in_instelling: bool = False,
    zorg_sinds: dt.date | None = None,
) -> dt.date:
    """The earliest start date of the right to care a decision on this request may set.

    Only lid 2 lets a decision work back (to the day the care or stay began; from the 2025 text at most two
    weeks); otherwise the right starts no earlier than the day the request was received.
    """
    if not lid2_van_toepassing(ontvangen, ontvangt_al_zorg, verblijft_in_instelling) or zorg_sinds is None:
        return ontvangen
    if ontvangen >= TEKST_2025_VANAF:
        return max(zorg_sinds, ontvangen - TWEE_WEKEN)
    return min(zorg_sinds, ontvangen)


def controleer_ingangsdatum(ingangsdatum: dt.date, vroegste: dt.date) -> None:
    if ingangsdatum < vroegste:
        raise InputError(
            "ingangsdatum",
            f"De ingangsdatum ligt vóór {vroegste:%d-%m-%Y}: een indicatiebesluit werkt alleen terug in de gevallen "
            "van Blz art. 3.2.4 lid 2.",
            "Blz art. 3.2.4",
        )
