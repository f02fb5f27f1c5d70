"""Builders from the plain values a case file holds to the iWlz dataclasses.

Why: the service stores a client as "voornamen, achternaam, straat, huisnummer, postcode, woonplaats" and
a toewijzing as "agb_code, leveringsvorm 'vpt', zorgprofiel 'VG5' or functie '81' + klasse 'K3'". The
XSD wants split name parts, a numeric house number with letter/addition, COD163/COD578 codes and both a
date and a time for the assignment. These functions do that translation once, with a clear
``ValueError`` naming the field when a value cannot be expressed in iWlz (never echoing a BSN).
"""

from __future__ import annotations

import datetime as dt
import re

from wlz.iwlz import codes
from wlz.iwlz.leveringsvorm import fields as leveringsvorm_velden
from wlz.iwlz.model import (
    Adres,
    AW33Bericht,
    AW33Client,
    Client,
    Contact,
    GeindiceerdZzp,
    Indicatiebesluit,
    Naam,
    ToegewezenFunctie,
    ToegewezenZzp,
)

# Dutch surname prefixes (voorvoegsels), longest first so "van der" wins over "van".
_VOORVOEGSELS = sorted(
    [
        "van der", "van den", "van de", "van het", "van 't", "in 't", "in het", "op de", "op den", "uit de",
        "uit den", "aan de", "aan den", "bij de", "ter", "ten", "van", "de", "den", "der", "het", "'t", "la",
        "le", "el", "al", "von", "zu",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_HUISNUMMER = re.compile(r"^\s*(\d{1,5})\s*(?:([A-Za-z])(?![A-Za-z0-9]))?\s*[-/ ]?\s*([A-Za-z0-9]{1,4})?\s*$")


def keuzes() -> dict[str, tuple[codes.Leveringsvorm, ...]]:
    """The leveringsvorm choices of ``wlz.reference`` (``verblijf``, ..., ``mpt_pgb``) → COD578 codes."""
    return dict(codes.leveringsvorm_keuzes())


def leveringsvormen(keuze: str | codes.Leveringsvorm) -> tuple[codes.Leveringsvorm, ...]:
    """COD578 code(s) for a leveringsvorm choice (``"vpt"``, ``"mpt_pgb"``) or a COD578 code (``"8"``)."""
    if isinstance(keuze, codes.Leveringsvorm):
        return (keuze,)
    tekst = str(keuze).strip().lower()
    bekend = keuzes()
    if tekst in bekend:
        return bekend[tekst]
    try:
        return (codes.Leveringsvorm(tekst),)
    except ValueError:
        raise ValueError(f"leveringsvorm: onbekend (kies uit {', '.join(bekend)} of een COD578-code)") from None


def zzp_code(zorgprofiel: str) -> str:
    """COD163 code for a profile code (``"VG5"`` → ``"808"``) or a COD163 code; via ``wlz.reference``."""
    from wlz.reference import lookup

    try:
        return lookup(zorgprofiel).cod163
    except KeyError:
        raise ValueError("zorgprofiel: onbekend zorgprofiel (COD163)") from None


def split_achternaam(achternaam: str) -> tuple[str, str | None]:
    """``"van der Meer"`` → ``("Meer", "van der")``; a name without a known prefix stays whole."""
    tekst = " ".join(achternaam.split())
    laag = tekst.lower()
    for vv in _VOORVOEGSELS:
        if laag.startswith(vv + " ") and len(tekst) > len(vv) + 1:
            return tekst[len(vv) + 1 :], tekst[: len(vv)]
    return tekst, None


def split_huisnummer(huisnummer: str | int | None) -> tuple[int | None, str | None, str | None]:
    """``"12a"`` → ``(12, "a", None)``, ``"7-2"`` → ``(7, None, "2")``, ``"101 bis"`` → ``(101, None, "bis")``."""
    if huisnummer is None or str(huisnummer).strip() == "":
        return None, None, None
    m = _HUISNUMMER.match(str(huisnummer))
    if not m:
        raise ValueError("huisnummer: niet te lezen als huisnummer met huisletter/toevoeging")
    return int(m.group(1)), m.group(2), m.group(3)


def client(
    *,
    bsn: str,
    voornamen: str,
    achternaam: str,
    geboortedatum: dt.date,
    geslacht: codes.Geslacht = codes.Geslacht.ONBEKEND,
    straat: str = "",
    huisnummer: str | int | None = "",
    postcode: str = "",
    woonplaats: str = "",
    leefeenheid: codes.Leefeenheid = codes.Leefeenheid.ONBEKEND,
) -> Client:
    """An iWlz :class:`Client` from the fields of a client record (BRP address as the one contact)."""
    naam, voorvoegsel = split_achternaam(achternaam)
    voornamen = " ".join(voornamen.split())
    voorletters = "".join(d[0] for d in voornamen.split() if d[0].isalpha())[:6] or None
    nummer, letter, toevoeging = split_huisnummer(huisnummer)
    adres = Adres(
        straatnaam=straat.strip() or None,
        huisnummer=nummer,
        huisletter=letter,
        huisnummer_toevoeging=toevoeging,
        postcode=postcode.replace(" ", "").upper() or None,
        plaatsnaam=woonplaats.strip() or None,
        landcode="NL" if postcode.strip() else None,  # CD005: a LandCode exactly when there is a Postcode
    )
    return Client(
        bsn=bsn,
        geboortedatum=geboortedatum,
        geslacht=geslacht,
        naam=Naam(naam, voorvoegsel, voornamen or None, voorletters),
        contacten=(Contact(soort=codes.AdresSoort.BRP, adres=adres),),
        leefeenheid=leefeenheid,
    )


def to_besluitnummer(waarde: str | int) -> int:
    """``LDT_Besluitnummer`` is a number from 1 to 999999999; refuse anything else naming the field."""
    tekst = str(waarde).strip()
    if not tekst.isdigit() or not 1 <= int(tekst) <= 999_999_999:
        raise ValueError("besluitnummer: een iWlz-besluitnummer is een getal van 1 tot en met 999999999")
    return int(tekst)


def indicatiebesluit(
    *,
    besluitnummer: str | int,
    zorgprofiel: str,
    grondslagen: list[str] | tuple[str, ...],
    ingangsdatum: dt.date,
    einddatum: dt.date | None = None,
    afgiftedatum: dt.date | None = None,
    voorkeur_client: codes.VoorkeurClient | None = None,
) -> Indicatiebesluit:
    """An :class:`Indicatiebesluit` with one zzp from the fields of a stored indication."""
    try:
        gronden = tuple(codes.Grondslag(g) for g in grondslagen)
    except ValueError:
        raise ValueError("grondslagen: onbekende grondslag (01 t/m 07)") from None
    code = zzp_code(zorgprofiel)
    return Indicatiebesluit(
        besluitnummer=to_besluitnummer(besluitnummer),
        afgiftedatum=afgiftedatum or ingangsdatum,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        grondslagen=gronden[:2],
        zorgzwaartepakketten=(
            GeindiceerdZzp(
                zzp_code=code, ingangsdatum=ingangsdatum, einddatum=einddatum, voorkeur_client=voorkeur_client
            ),
        ),
    )


def zorgtoewijzing(
    *,
    client: Client,
    indicatie: Indicatiebesluit,
    zorgkantoor: str,
    agb_code: str,
    leveringsvorm: str | codes.Leveringsvorm,
    ingangsdatum: dt.date,
    toegewezen_op: dt.datetime,
    identificatie: str,
    einddatum: dt.date | None = None,
    zorgprofiel: str | None = None,
    functie: str | codes.FunctieCode | None = None,
    klasse: str | None = None,
    soort: codes.SoortToewijzing = codes.SoortToewijzing.REGULIER,
    dagtekening: dt.date | None = None,
    etmalen: codes.Etmalen | None = None,
    vervoer: codes.Vervoer | None = None,
) -> AW33Bericht:
    """The AW33 for one toewijzing: a zorgprofiel (zzp) *or* a function with klasse, to one provider.

    For ``"mpt_pgb"`` both an MPT and a PGB toewijzing of the zzp are included. ``toegewezen_op`` gives
    ``Toewijzingsdatum``/``Toewijzingstijd`` (local time, as the XSD forbids a time zone). The zzp goes
    wholly (100 %) to the provider, which is also dossierhouder (verblijf, vpt, dtv) or coordinator zorg thuis
    (mpt); the klasse is the indicated one; which of these fields a leveringsvorm carries is
    :mod:`wlz.iwlz.leveringsvorm`'s table. ``etmalen`` (COD755) is required for deeltijdverblijf (CD072).
    A pgb alone is refused: it has no provider (CD040), and an AW33 must assign something to its receiver
    (TR021) — the zorgkantoor does not send it to a zorgaanbieder.
    """
    if (zorgprofiel is None) == (functie is None):
        raise ValueError("functie: wijs een zorgprofiel toe, of een functie met klasse (niet allebei)")
    vormen = leveringsvormen(leveringsvorm)
    if zorgprofiel is not None and vormen == (codes.Leveringsvorm.PGB,):
        raise ValueError(
            "leveringsvorm: een pgb-toewijzing heeft geen zorgaanbieder en gaat niet als AW33 naar een "
            "zorgaanbieder (iWlz-regels CD040 en TR021)"
        )
    if zorgprofiel is not None and codes.Leveringsvorm.DTV in vormen and etmalen is None:
        raise ValueError("etmalen: bij deeltijdverblijf is het aantal etmalen per week verplicht (iWlz-regel CD072)")
    datum = toegewezen_op.date()
    tijd = toegewezen_op.time().replace(microsecond=0, tzinfo=None)
    zzps: tuple[ToegewezenZzp, ...] = ()
    functies: tuple[ToegewezenFunctie, ...] = ()
    if zorgprofiel is not None:
        code = zzp_code(zorgprofiel)
        zzps = tuple(
            ToegewezenZzp(
                zzp_code=code,
                zorgkantoor=zorgkantoor,
                leveringsvorm=vorm,
                ingangsdatum=ingangsdatum,
                einddatum=einddatum,
                toewijzingsdatum=datum,
                toewijzingstijd=tijd,
                soort=soort,
                **leveringsvorm_velden(
                    "ToegewezenZorgzwaartepakket",
                    vorm,
                    instelling=agb_code,
                    percentage=100,
                    klasse=indicatie.zzp.klasse if indicatie.zzp else codes.ZZP_KLASSE_VOLLEDIG,
                    opname=True,
                    etmalen=etmalen,
                    dossierhouder=agb_code,
                    coordinator_zorg_thuis=agb_code,
                ),
            )
            for vorm in vormen
        )
    else:
        try:
            fcode = codes.FunctieCode(str(functie))
        except ValueError:
            raise ValueError("functie: onbekende functie (COD732)") from None
        if not klasse:
            raise ValueError("klasse: een toegewezen functie heeft een klasse (COD756)")
        if klasse not in codes.KLASSEN_PER_FUNCTIE[fcode]:
            toegestaan = ", ".join(codes.KLASSEN_PER_FUNCTIE[fcode])
            raise ValueError(f"klasse: functie {fcode.value} kent alleen klasse {toegestaan} (iWlz-regel TR008)")
        groep = fcode in (codes.FunctieCode.BEHANDELING_GROEP, codes.FunctieCode.BEGELEIDING_GROEP)
        if groep and vervoer is None:
            raise ValueError("vervoer: bij behandeling of begeleiding in groep is vervoer verplicht (iWlz-regel CD022)")
        functies = (
            ToegewezenFunctie(
                functiecode=fcode,
                instelling=agb_code,
                zorgkantoor=zorgkantoor,
                ingangsdatum=ingangsdatum,
                einddatum=einddatum,
                toewijzingsdatum=datum,
                toewijzingstijd=tijd,
                klasse=klasse,
                soort=soort,
                vervoer=vervoer if groep else None,
            ),
        )
    return AW33Bericht(
        afzender=zorgkantoor,
        ontvanger=agb_code,
        identificatie=identificatie,
        dagtekening=dagtekening or datum,
        clienten=(AW33Client(client=client, indicatie=indicatie, toegewezen_zzps=zzps, toegewezen_functies=functies),),
    )
