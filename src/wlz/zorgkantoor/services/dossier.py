"""Use cases around the client file: clients, indicaties, leveringsvorm, zorgtoewijzingen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wlz.reference import leveringsvorm as leveringsvormen

from ..adapters import rules_engine
from ..domain.aanvraag import Aanvraag
from ..domain.fouten import DomainError, NotFound
from ..domain.model import Client, Indicatiebesluit, LeveringsvormKeuze, Zorgtoewijzing
from . import berichten, invoer
from .actor import Actor
from .autorisatie import client_zichtbaar, vereis
from .toegang import log
from .toewijzingen import eigen_toewijzing
from .toewijzingen import toewijzing as toewijzing  # the file's read of one assignment (pages, API)


@dataclass(frozen=True)
class DossierColumns:
    """The columns to read of each part of the file, for an answer built from plain rows."""

    client: tuple[str, ...]
    indicaties: tuple[str, ...]
    keuzes: tuple[str, ...]
    toewijzingen: tuple[str, ...]
    aanvragen: tuple[str, ...]


@dataclass
class Dossier:
    """What one actor may see of a client's file (a provider sees only its own assignments)."""

    client: Client
    indicaties: list[Indicatiebesluit]
    keuzes: list[LeveringsvormKeuze]
    toewijzingen: list[Zorgtoewijzing]
    aanvragen: list[Aanvraag] = field(default_factory=list)
    aanvragen_zichtbaar: bool = False

    @property
    def huidige_indicatie(self) -> Indicatiebesluit | None:
        vandaag = dt.date.today()
        return next((i for i in self.indicaties if i.geldig_op(vandaag)), None)

    @property
    def huidige_keuze(self) -> LeveringsvormKeuze | None:
        return next((k for k in self.keuzes if k.geaccepteerd), None)


def registreer_client(uow, actor: Actor, data: invoer.ClientInvoer) -> Client:
    vereis(actor, "client.registreren")
    if uow.clients.met_bsn(data.bsn) is not None:
        raise DomainError("Er is al een cliënt met dit BSN.", "bsn")
    c = Client(**data.model_dump())
    uow.clients.add(c)
    log(uow, actor, "aanmaken", "cliënt", client_id=c.id)
    uow.commit()
    return c


def zoek_op_bsn(uow, actor: Actor, data: invoer.BsnZoekInvoer) -> Client:
    """Find a client by BSN (sent in a request body, never in a URL). Unknown and out of reach look alike."""
    vereis(actor, "client.zoeken")
    c = uow.clients.met_bsn(data.bsn)
    if c is None:
        raise NotFound("client")
    client_zichtbaar(uow, actor, c.id)
    log(uow, actor, "zoeken", "cliënt op BSN", client_id=c.id)
    uow.commit()
    return c


def zoek(
    uow,
    actor: Actor,
    tekst: str = "",
    limit: int = 50,
    offset: int = 0,
    *,
    columns: tuple[str, ...] | None = None,
    na: str | None = None,
) -> list:
    """Clients by name (a provider: only its own). ``columns``: plain rows of these columns, not ``Client``s.
    ``na``: the page after this client (keyset paging); a ``na`` that is no client is refused (field ``na``)."""
    vereis(actor, "client.zoeken")
    agb = actor.agb_code if actor.rol == "aanbieder" else None
    if actor.rol == "aanbieder" and not agb:
        return []
    gevonden = list(uow.clients.zoek(tekst=tekst, agb_code=agb, limit=limit, offset=offset, columns=columns, na=na))
    if na is not None and not gevonden and not uow.clients.exists(na):
        raise DomainError("Onbekende cliënt in 'na': geef de id van de laatste cliënt van de vorige pagina.", "na")
    log(uow, actor, "zoeken", f"cliëntenlijst ({len(gevonden)})")
    uow.commit()
    return gevonden


def dossier(
    uow, actor: Actor, client_id: str, *, log_onderwerp: str = "dossier", columns: DossierColumns | None = None
) -> Dossier:
    """What this actor may see of the client's file, with its access-log line in the same transaction.

    ``columns``: only these columns of each part, as plain rows instead of domain objects (the API answers with
    exactly its response fields; see ``repository._core``). Who may see what is the same either way."""
    vereis(actor, "client.lezen")
    aanbieder = actor.rol == "aanbieder"
    aanvragen_zichtbaar = actor.rol in {"beoordelaar", "beheerder", "client"}
    if columns is not None:  # every part in one statement, as plain rows
        k = columns
        delen = {"client": k.client, "indicaties": k.indicaties, "toewijzingen": k.toewijzingen}
        if not aanbieder:
            delen["keuzes"] = k.keuzes
        if aanvragen_zichtbaar:
            delen["aanvragen"] = k.aanvragen
        rows = uow.dossiers.read(client_id, delen, agb_code=actor.agb_code if aanbieder else None)
        client_zichtbaar(uow, actor, client_id, bestaat=bool(rows["client"]))
        d = Dossier(
            client=rows["client"][0],
            indicaties=rows["indicaties"],
            keuzes=rows.get("keuzes", []),
            toewijzingen=rows["toewijzingen"],  # a provider: only its own
            aanvragen=rows.get("aanvragen", []),
            aanvragen_zichtbaar=aanvragen_zichtbaar,
        )
    else:
        c = uow.clients.get(client_id)
        client_zichtbaar(uow, actor, client_id, bestaat=c is not None)
        toewijzingen = list(uow.toewijzingen.van_client(client_id))
        if aanbieder:  # a provider sees only its own assignments
            toewijzingen = [t for t in toewijzingen if t.agb_code == actor.agb_code]
        d = Dossier(
            client=c,
            indicaties=list(uow.indicaties.van_client(client_id)),
            keuzes=list(uow.keuzes.van_client(client_id)) if not aanbieder else [],
            toewijzingen=toewijzingen,
            aanvragen=list(uow.aanvragen.van_client(client_id, kort=True)) if aanvragen_zichtbaar else [],
            aanvragen_zichtbaar=aanvragen_zichtbaar,
        )
    log(uow, actor, "lezen", log_onderwerp, client_id=client_id)
    uow.commit()
    return d


def registreer_indicatie(
    uow, actor: Actor, client_id: str, data: invoer.IndicatieInvoer, bron: str = "handmatig"
) -> Indicatiebesluit:
    """Record a CIZ indicatiebesluit. Without an end date, its validity follows from the rules (Rlz art. 3.2)."""
    vereis(actor, "indicatie.registreren")
    client_zichtbaar(uow, actor, client_id)
    if uow.indicaties.met_besluitnummer(data.besluitnummer) is not None:
        raise DomainError("Dit besluitnummer is al geregistreerd.", "besluitnummer")
    try:
        einde = data.einddatum or rules_engine.indicatie_einddatum(data.zorgprofiel, data.ingangsdatum)
    except KeyError:
        raise DomainError("Onbekend zorgprofiel (COD163).", "zorgprofiel") from None
    ind = Indicatiebesluit(
        client_id=client_id,
        besluitnummer=data.besluitnummer,
        zorgprofiel=data.zorgprofiel,
        grondslagen=data.grondslagen,
        ingangsdatum=data.ingangsdatum,
        einddatum=einde,
        bron=bron,
    )
    uow.indicaties.add(ind)
    log(uow, actor, "aanmaken", "indicatiebesluit", client_id=client_id)
    uow.commit()
    return ind


def kies_leveringsvorm(uow, actor: Actor, client_id: str, data: invoer.KeuzeInvoer) -> LeveringsvormKeuze:
    """Record the client's choice. For care at home the rules' doelmatigheidstoets runs first; a choice that
    fails it is recorded as not accepted, with the explanation, and the earlier choice stays in force."""
    vereis(actor, "leveringsvorm.kiezen")
    client_zichtbaar(uow, actor, client_id)
    c = uow.clients.get(client_id)
    ind = uow.indicaties.geldige(client_id, data.ingangsdatum)
    if ind is None:
        raise DomainError("Er is op die datum geen geldig indicatiebesluit.", "ingangsdatum")
    toets = None
    geaccepteerd = True
    if data.leveringsvorm != "verblijf":
        try:
            geaccepteerd, toets = rules_engine.doelmatigheidstoets(
                rules_engine.situatie_voor_toets(
                    zorgprofiel=ind.zorgprofiel,
                    geboortedatum=c.geboortedatum,
                    partner=c.partner,
                    leveringsvorm=data.leveringsvorm,
                    ingangsdatum=data.ingangsdatum,
                    mpt_kosten=data.mpt_kosten,
                    pgb_deel=data.pgb_deel,
                    gewaarborgde_hulp=data.gewaarborgde_hulp,
                )
            )
        except rules_engine.InputError as exc:
            raise DomainError(str(exc), exc.veld or "leveringsvorm") from None
    # the gewaarborgde hulp's name (Wlz art. 3.3.3 lid 4; Rlz art. 5.6, 5.11) is kept with a pgb choice and sent
    # to the pgb administration; not refused here when missing (older clients and tests choose without it): the
    # pgb administration refuses the record of a profile that needs it until the name is given
    naam = (data.gewaarborgde_hulp_naam or "").strip() or None
    keuze = LeveringsvormKeuze(
        client_id=client_id,
        leveringsvorm=data.leveringsvorm,
        ingangsdatum=data.ingangsdatum,
        geaccepteerd=geaccepteerd,
        toets=toets,
        vastgelegd_door=actor.gebruiker_id,
        gewaarborgde_hulp_naam=naam if data.leveringsvorm in leveringsvormen.met_pgb() else None,
    )
    uow.keuzes.add(keuze)
    log(uow, actor, "aanmaken", "leveringsvorm", client_id=client_id)
    uow.commit()
    return keuze


def maak_toewijzing(uow, actor: Actor, client_id: str, data: invoer.ToewijzingInvoer) -> Zorgtoewijzing:
    vereis(actor, "toewijzing.maken")
    client_zichtbaar(uow, actor, client_id)
    ind = uow.indicaties.geldige(client_id, data.van)
    if ind is None:
        raise DomainError("Er is op de begindatum geen geldig indicatiebesluit.", "van")
    if data.tot is None and ind.einddatum is not None:
        data = data.model_copy(update={"tot": ind.einddatum})
    if ind.einddatum is not None and data.tot is not None and data.tot > ind.einddatum:
        raise DomainError("De toewijzing loopt langer dan het indicatiebesluit.", "tot")
    tw = Zorgtoewijzing(client_id=client_id, indicatie_id=ind.id, **data.model_dump())
    uow.toewijzingen.add(tw)
    log(uow, actor, "aanmaken", "zorgtoewijzing", client_id=client_id)
    uow.commit()
    return tw


def meld_aanvang(uow, actor: Actor, toewijzing_id: str, data: invoer.MeldingInvoer) -> Zorgtoewijzing:
    """The provider reports the start of care by hand (instead of an AW35); the CAK gets the CA317."""
    tw = eigen_toewijzing(uow, actor, toewijzing_id)
    tw.zorg_gestart(data.datum)
    berichten.aanvang_aan_cak(uow, actor, tw)  # the CA317 an AW35 would give (same transaction)
    log(uow, actor, "wijzigen", "aanvang zorg", client_id=tw.client_id)
    uow.commit()
    return tw


def meld_einde(uow, actor: Actor, toewijzing_id: str, data: invoer.MeldingInvoer) -> Zorgtoewijzing:
    """The provider reports the end of care by hand (instead of an AW39); the CAK gets the CA319."""
    tw = eigen_toewijzing(uow, actor, toewijzing_id)
    if not data.reden:
        raise DomainError("Geef de reden van het einde van de zorg.", "reden")
    tw.zorg_beeindigd(data.datum, data.reden)
    berichten.einde_aan_cak(uow, actor, tw, data.datum)  # the CA319 an AW39 (code 19) would give
    log(uow, actor, "wijzigen", "einde zorg", client_id=tw.client_id)
    uow.commit()
    return tw
