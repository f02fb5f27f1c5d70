"""``wlz ciz demo``: a year of synthetic requests through the real domain (deadline, assessment, decision
support, decision checks), so the dashboard shows a realistic picture, and one demo account per role.

Every share below is a seed figure or marked voorbeeld:

- decided within the term: 96% (seed 003 p2 r.44-50, "op 2 maart lag het percentage op tijd afgehandelde
  besluiten op 96%"), used as the chance a demo decision is made within its term;
- refused: 10% (seed 003 p4 r.186-189, "gemiddeld 10% op jaarbasis");
- fits no profile: 3% (seed 003 p2 r.84-87);
- refused for a request asking for LG5 or LG6: 5% (seed 003 p4 r.186-189, "Het percentage afwijzingen bij
  aanvragen voor zorgprofielen LG5 en 6 … ongeveer 5%"); every other request is refused with the chance that
  keeps the whole at the seed's 10% (:func:`kans_afgewezen_overig`);
- the higher flow in the first weeks of the year (seed 003 p2 r.50-53) as twice the weekly requests in weeks
  1-6: the factor 2 is voorbeeld; so are the number of requests, the share under Blz art. 3.2.4 lid 2 (10%),
  the spread of decision days within and beyond the term, the profile a request is about (drawn evenly from
  the profiles the CIZ indicates), the share of requests that name that profile (every one from a provider,
  half of those of a client or representative) and the two teams per unit.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from wlz import reference
from wlz.bsn import synthetisch
from wlz.platform.auth import new_id

from .domain.aanvraag import Aanvraag
from .domain.beoordeling import Beoordeling, Kenmerk
from .domain.beslisondersteuning import PROFIELEN, adviseer
from .domain.besluit import neem_besluit
from .domain.gebruiker import EENHEDEN, SYSTEEM, Actor
from .services import auth, kwaliteit
from .storage.uow import UnitOfWork, UnitOfWorkFactory

#: seed 003 p2 r.44-50
KANS_OP_TIJD = 0.96
#: seed 003 p4 r.186-189
KANS_AFGEWEZEN = 0.10
#: seed 003 p4 r.186-189: LG5 and LG6 requests, first half of 2017
KANS_AFGEWEZEN_LG56 = 0.05
LG56 = frozenset({"LG5", "LG6"})
#: seed 003 p2 r.84-87
KANS_GEEN_PROFIEL = 0.03
#: voorbeeld: the share of requests of a client or representative that name a profile (a provider always does)
KANS_PROFIEL_GENOEMD = 0.5
#: voorbeeld: teams per unit
TEAMS_PER_EENHEID = 2
#: "in 92% van alle getoetste besluiten een juist besluit" (seed 003 p2 r.56-66)
KANS_JUIST = 0.92
#: voorbeeld
KANS_LID_2 = 0.10
PIEK_WEKEN, PIEK_FACTOR = 6, 2.0  # voorbeeld
DEMO_WACHTWOORD = "demo-wachtwoord"  # voorbeeld: demo accounts only

#: the demo's quality review acts as a kwaliteitstoetser
KWALITEITSTOETSER = Actor("", "demo", "kwaliteitstoetser", "cli")

GRONDSLAG = {"vv": "01", "vg": "05", "lvg": "05", "sglvg": "05", "lg": "04", "zgvis": "06", "zgaud": "06"}


def beoordeling_voor_profiel(code: str) -> Beoordeling:
    """The assessment the decision support ranks ``code`` first for (also used by the tests)."""
    p = next(p for p in PROFIELEN if p.code == code)
    sector = reference.zorgprofielen()[code].sector
    grondslag = "02" if code == "VV5" else GRONDSLAG.get(sector, "03")
    kenmerken = {k.value for k in p.vereist}
    if Kenmerk.LICHT_VERSTANDELIJK in p.vereist:
        kenmerken.add(Kenmerk.GEDRAGSPROBLEMATIEK.value)
    return Beoordeling(
        grondslagen=(grondslag,),
        zorg_24_uur_nabijheid=True,
        behoefte={f.value: n for f, n in p.niveaus.items()},
        kenmerken=frozenset(kenmerken),
        onderzoek="voorbeeld",
    )


ZEVMB = Beoordeling(
    grondslagen=("05", "04"),
    permanent_toezicht=True,
    behoefte={"begeleiding": 4, "verzorging": 4, "verpleging": 4, "gedragsregulering": 4, "behandeling": 4},
    onderzoek="voorbeeld: zeer ernstig verstandelijk en meervoudig beperkt",
)


def kans_afgewezen_overig(codes: list[str]) -> float:
    """The refusal chance of a request not about LG5/LG6 that keeps the expected whole at KANS_AFGEWEZEN, the
    profiles drawn evenly from ``codes``: s · 5% + (1 − s) · k = 10%, s the LG5/LG6 share."""
    s = sum(c in LG56 for c in codes) / len(codes)
    return (KANS_AFGEWEZEN - s * KANS_AFGEWEZEN_LG56) / (1 - s)


@dataclass(frozen=True)
class Samenvatting:
    aanvragen: int
    besloten: int
    op_tijd: int
    afgewezen: int
    geen_profiel: int
    getoetst: int = 0
    juist: int = 0
    #: decisions on requests that asked for LG5 or LG6, and how many of them were refusals
    lg56_besloten: int = 0
    lg56_afgewezen: int = 0

    def tekst(self) -> str:
        from wlz.platform.pages import procent

        n = self.besloten or 1
        return (
            f"{self.aanvragen} aanvragen, {self.besloten} besluiten, op tijd {procent(self.op_tijd / n)}, "
            f"afgewezen {procent(self.afgewezen / n)} (gevraagd LG5/LG6: {self.lg56_afgewezen} van "
            f"{self.lg56_besloten}, {procent(self.lg56_afgewezen / (self.lg56_besloten or 1))}), "
            f"past in geen profiel {procent(self.geen_profiel / n)}; "
            f"steekproef {self.getoetst} besluiten, juist {procent(self.juist / (self.getoetst or 1))}"
        )


def _ontvangstdata(rng: random.Random, jaar: int, aantal: int) -> list[dt.date]:
    dagen = [dt.date(jaar, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    gewicht = [PIEK_FACTOR if d.month <= 2 and d.isocalendar()[1] <= PIEK_WEKEN else 1.0 for d in dagen]
    return sorted(rng.choices(dagen, weights=gewicht, k=aantal))


def vul(
    uowf: UnitOfWorkFactory, jaar: int = 2018, aantal: int = 2000, seed: int = 2018, accounts: bool = True
) -> Samenvatting:
    """Fill the CIZ's database with ``aantal`` requests received in ``jaar``; decisions up to today."""
    rng = random.Random(seed)
    vandaag = dt.date.today()
    codes = [p.code for p in PROFIELEN]
    overig = kans_afgewezen_overig(codes)
    besloten = op_tijd = afgewezen = geen = lg56 = lg56_af = 0
    with uowf(write=True) as uow:
        if accounts:
            _demo_accounts(uow)
        nummer = uow.aanvragen.volgend_besluitnummer()
        for ontvangen in _ontvangstdata(rng, jaar, aantal):
            lid2 = rng.random() < KANS_LID_2
            aanvrager = rng.choice(["client", "vertegenwoordiger", "zorgaanbieder"])
            # the profile the request is about, named by the aanvrager or not
            over = rng.choice(codes)
            genoemd = aanvrager == "zorgaanbieder" or rng.random() < KANS_PROFIEL_GENOEMD
            eenheid = rng.choice(EENHEDEN)
            a = Aanvraag(
                id=new_id(),
                bsn=synthetisch(rng),
                achternaam=f"Demo{rng.randrange(10**6):06d}",
                voornamen="Synthetisch",
                geboortedatum=dt.date(rng.randint(1925, 2010), rng.randint(1, 12), rng.randint(1, 28)),
                geslacht=rng.choice("012"),
                straat="Voorbeeldstraat",
                huisnummer=rng.randint(1, 200),
                postcode="3811AA",
                woonplaats="Amersfoort",
                ontvangen=ontvangen,
                aanvrager=aanvrager,
                zorgkantoor="5509",
                verblijft_in_instelling=lid2,
                ontvangt_al_zorg=lid2,
                zorg_sinds=ontvangen if lid2 else None,
                eenheid=eenheid,  # voorbeeld: four units (seed 003 r.68-74)
                gevraagd_profiel=over if genoemd else None,
            )
            uow.aanvragen.add(a)
            r = rng.random()
            kans_af = KANS_AFGEWEZEN_LG56 if over in LG56 else overig
            if r < kans_af:
                # no access: the grondslag of the sector asked about, no need of permanent supervision
                sector = reference.zorgprofielen()[over].sector
                b = Beoordeling(
                    grondslagen=(GRONDSLAG.get(sector, "03"),), behoefte={"verzorging": 1}, onderzoek="voorbeeld"
                )
            elif r < kans_af + KANS_GEEN_PROFIEL:
                b = ZEVMB
            else:
                b = beoordeling_voor_profiel(over)
            a.leg_beoordeling_vast(b, "demo")
            termijn_dagen = (a.uiterlijk - ontvangen).days
            dagen = rng.randint(1, termijn_dagen) if rng.random() < KANS_OP_TIJD else termijn_dagen + rng.randint(1, 21)
            besluitdatum = ontvangen + dt.timedelta(days=dagen)
            if besluitdatum > vandaag:
                continue
            uitkomst = adviseer(b)
            if not uitkomst.toegang.toegang:
                besluit = neem_besluit(
                    uitkomst="afgewezen",
                    besluitdatum=besluitdatum,
                    vroegste_ingang=a.vroegste_ingang,
                    afwijzingsgrond="geen_toegang",
                )
            else:
                # fits no profile: the nearest profile with meerzorg/maatwerk (voorbeeld: VG8)
                code = uitkomst.beste.code if uitkomst.beste else "VG8"
                besluit = neem_besluit(
                    uitkomst="toegekend",
                    besluitdatum=besluitdatum,
                    vroegste_ingang=a.vroegste_ingang,
                    zorgprofiel=code,
                    ingangsdatum=besluitdatum,
                )
            team = f"{eenheid} / team {rng.randint(1, TEAMS_PER_EENHEID)}"
            a.beslis(besluit, "demo", nummer, uitkomst.past_in_geen_profiel, team)
            nummer += 1
            besloten += 1
            op_tijd += bool(a.op_tijd)
            afgewezen += not besluit.toegekend
            geen += a.past_in_geen_profiel
            if a.gevraagd_profiel in LG56:
                lg56 += 1
                lg56_af += not besluit.toegekend
        uow.commit()
    getoetst = juist = 0
    for kwartaal in range(4):
        van = dt.date(jaar, 3 * kwartaal + 1, 1)
        tot = dt.date(jaar + 1, 1, 1) if kwartaal == 3 else dt.date(jaar, 3 * kwartaal + 4, 1)
        if van > vandaag:
            break
        with uowf(write=True) as uow:
            for t in kwaliteit.trek_steekproef(uow, KWALITEITSTOETSER, van, tot, seed=seed + kwartaal):
                ok = rng.random() < KANS_JUIST
                t.oordeel(ok, "" if ok else "voorbeeld: profiel past niet bij de beoordeling", "demo", tot)
                getoetst += 1
                juist += ok
            uow.commit()
    return Samenvatting(aantal, besloten, op_tijd, afgewezen, geen, getoetst, juist, lg56, lg56_af)


def _demo_accounts(uow: UnitOfWork) -> None:
    """One demo account per role; the indicatiesteller in a team (voorbeeld)."""
    for rol in ("indicatiesteller", "kwaliteitstoetser", "beheerder"):
        if uow.gebruikers.met_naam(rol) is None:
            g = auth.maak_gebruiker(
                uow, SYSTEEM, gebruikersnaam=rol, naam=rol.title(), rol=rol, wachtwoord=DEMO_WACHTWOORD
            )
            if rol == "indicatiesteller":
                uow.flush()
                uow.teamleden.zet(g.id, EENHEDEN[0], "team 1")
