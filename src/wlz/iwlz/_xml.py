"""Building and reading iWlz XML: the parts shared by several messages (header, client, indication).

Namespace rule of the 2.2 schemas (``elementFormDefault="qualified"`` everywhere): an element declared in
the message XSD is in the message namespace (``.../io31/schema``), but the children of the shared
``CDT_*`` types (``Naam/Geslachtsnaam``, ``BerichtIdentificatie/Identificatie``, ``Adres/Huis``, ...) are
declared in ``Basisschema.xsd`` and so live in the basisschema namespace. ``veld``/``groep`` write the
first kind, ``bveld``/``bgroep`` the second; the reader mirrors this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from lxml import etree

from wlz.bsn import elfproef
from wlz.iwlz import codes
from wlz.iwlz.model import (
    Adres,
    Beperking,
    BeperkingScore,
    BijzondereSituatie,
    Client,
    Communicatie,
    Contact,
    GeindiceerdeFunctie,
    GeindiceerdZzp,
    Indicatiebesluit,
    Naam,
    Relatie,
    Stoornis,
    StoornisScore,
    Telefoon,
    Wzd,
)
from wlz.iwlz.schema import (
    BASIS_NS,
    BerichtOngeldig,
    Berichtsoort,
    Schemafout,
    berichtsoort_van,
    leesbaar_pad,
    parse_xml,
    schemafouten,
)

E = TypeVar("E", bound=Enum)


def _tekst(waarde: object) -> str:
    if isinstance(waarde, bool):
        return "1" if waarde else "2"  # LDT_JaNee: 1 = ja, 2 = nee
    if isinstance(waarde, Enum):
        return str(waarde.value)
    if isinstance(waarde, dt.datetime):
        raise TypeError("gebruik een datum (date), geen datetime")
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, dt.time):
        return waarde.replace(tzinfo=None, microsecond=0).isoformat()
    return str(waarde)


# ------------------------------------------------------------------------------------------- writing


class Schrijver:
    """Builds one message tree for ``soort`` and serialises it after schema validation."""

    def __init__(self, soort: Berichtsoort):
        self.soort = soort
        self.ns = soort.namespace
        self.root = etree.Element(f"{{{self.ns}}}Bericht", nsmap={soort.naam.lower(): self.ns, "iwlz": BASIS_NS})
        self.problemen: list[Schemafout] = []

    # element helpers -----------------------------------------------------------------------------
    def groep(self, ouder: etree._Element, naam: str) -> etree._Element:
        return etree.SubElement(ouder, f"{{{self.ns}}}{naam}")

    def bgroep(self, ouder: etree._Element, naam: str) -> etree._Element:
        return etree.SubElement(ouder, f"{{{BASIS_NS}}}{naam}")

    def veld(self, ouder: etree._Element, naam: str, waarde: object) -> None:
        if waarde is not None:
            self.groep(ouder, naam).text = _tekst(waarde)

    def bveld(self, ouder: etree._Element, naam: str, waarde: object) -> None:
        if waarde is not None:
            self.bgroep(ouder, naam).text = _tekst(waarde)

    def probleem(self, veld: str, melding: str) -> None:
        """Record an input problem that the XSD cannot see (elfproef, date order); raised in ``bytes()``."""
        self.problemen.append(Schemafout(veld, melding))

    # shared parts --------------------------------------------------------------------------------
    def header(
        self, identificatie: str, dagtekening: dt.date, afzender: str | None = None, ontvanger: str | None = None
    ) -> None:
        h = self.groep(self.root, "Header")
        self.veld(h, "BerichtCode", self.soort.berichtcode)
        self.veld(h, "BerichtVersie", self.soort.berichtversie)
        self.veld(h, "BerichtSubversie", self.soort.berichtsubversie)
        self.veld(h, "Afzender", afzender)
        self.veld(h, "Ontvanger", ontvanger)
        bi = self.groep(h, "BerichtIdentificatie")
        self.bveld(bi, "Identificatie", identificatie)
        self.bveld(bi, "Dagtekening", dagtekening)
        xv = self.groep(h, "XsdVersie")
        self.bveld(xv, "BasisschemaXsdVersie", self.soort.basisschema_xsd_versie)
        self.bveld(xv, "BerichtXsdVersie", self.soort.bericht_xsd_versie)

    def bsn(self, ouder: etree._Element, bsn: str, veldpad: str) -> None:
        if not elfproef(str(bsn)):
            self.probleem(veldpad, "BSN voldoet niet aan de elfproef (9 cijfers)")
        self.veld(ouder, "Bsn", bsn)

    def periode(self, veldpad: str, begin: dt.date | None, eind: dt.date | None) -> None:
        if begin is not None and eind is not None and eind < begin:
            self.probleem(veldpad, "einddatum ligt voor de ingangsdatum")

    def geboortedatum(self, ouder: etree._Element, naam: str, datum: dt.date, gebruik) -> None:
        g = self.groep(ouder, naam)
        self.bveld(g, "Datum", datum)
        self.bveld(g, "DatumGebruik", gebruik)

    def _achternaam(self, ouder: etree._Element, naam: str, achternaam: str, voorvoegsel: str | None) -> None:
        a = self.bgroep(ouder, naam)
        self.bveld(a, "Achternaam", achternaam)
        self.bveld(a, "Voorvoegsel", voorvoegsel)

    def naam(self, ouder: etree._Element, naam: Naam, *, volledig: bool) -> None:
        n = self.groep(ouder, "Naam")
        self._achternaam(n, "Geslachtsnaam", naam.achternaam, naam.voorvoegsel)
        if volledig and naam.partner_achternaam:
            self._achternaam(n, "Partnernaam", naam.partner_achternaam, naam.partner_voorvoegsel)
        self.bveld(n, "Voornamen", naam.voornamen)
        self.bveld(n, "Voorletters", naam.voorletters)
        if volledig:
            self.bveld(n, "NaamGebruik", naam.naamgebruik)

    def adres(self, ouder: etree._Element, adres: Adres, veldpad: str) -> None:
        a = self.groep(ouder, "Adres")
        huisdelen = (adres.huisletter, adres.huisnummer_toevoeging, adres.aanduiding_woonadres)
        if adres.huisnummer is not None:
            huis = self.bgroep(a, "Huis")
            self.bveld(huis, "Huisnummer", adres.huisnummer)
            self.bveld(huis, "Huisletter", adres.huisletter)
            self.bveld(huis, "HuisnummerToevoeging", adres.huisnummer_toevoeging)
            self.bveld(huis, "AanduidingWoonadres", adres.aanduiding_woonadres)
        elif any(d is not None for d in huisdelen):
            self.probleem(f"{veldpad}.huisnummer", "huisletter/toevoeging/aanduiding zonder huisnummer")
        self.bveld(a, "Postcode", adres.postcode)
        self.bveld(a, "Straatnaam", adres.straatnaam)
        self.bveld(a, "Plaatsnaam", adres.plaatsnaam)
        self.bveld(a, "LandCode", adres.landcode)

    def contact(self, ouder: etree._Element, contact: Contact, veldpad: str) -> None:
        c = self.groep(ouder, "Contact")
        self.veld(c, "Soort", contact.soort)
        if contact.adres is not None:
            self.adres(c, contact.adres, f"{veldpad}.adres")
        self.veld(c, "Organisatie", contact.organisatie)
        if len(contact.telefoon) > 2:
            self.probleem(f"{veldpad}.telefoon", "hoogstens 2 telefoonnummers")
        if contact.telefoon:
            t = self.groep(c, "Telefoon")
            for i, tel in enumerate(contact.telefoon[:2], start=1):
                ti = self.bgroep(t, f"Telefoon0{i}")
                self.bveld(ti, "Telefoonnummer", tel.nummer)
                self.bveld(ti, "Landnummer", tel.landnummer)
        self.veld(c, "Emailadres", contact.emailadres)
        if contact.begindatum is not None or contact.einddatum is not None:
            self.periode(f"{veldpad}.einddatum", contact.begindatum, contact.einddatum)
            p = self.groep(c, "Periode")
            self.bveld(p, "Begindatum", contact.begindatum)
            self.bveld(p, "Einddatum", contact.einddatum)

    def client(
        self,
        ouder: etree._Element,
        client: Client,
        veldpad: str,
        indicatie: Callable[[etree._Element], None],
        partneropname: bool | None = None,
    ) -> None:
        """The full ``Client`` of IO31 and AW33 (AW33 adds ``Partneropname``); ``indicatie`` writes the rest."""
        c = self.groep(ouder, "Client")
        self.bsn(c, client.bsn, f"{veldpad}.bsn")
        self.veld(c, "GeheimeClient", client.geheim)
        self.geboortedatum(c, "Geboortedatum", client.geboortedatum, client.geboortedatum_gebruik)
        self.veld(c, "Geslacht", client.geslacht)
        self.veld(c, "BurgerlijkeStaat", client.burgerlijke_staat)
        self.naam(c, client.naam, volledig=True)
        self.veld(c, "Leefeenheid", client.leefeenheid)
        self.veld(c, "Huisarts", client.huisarts)
        if client.communicatie is not None:
            com = self.groep(c, "Communicatie")
            self.bveld(com, "Vorm", client.communicatie.vorm)
            self.bveld(com, "Taal", client.communicatie.taal)
        if client.wzd is not None:
            w = self.groep(c, "Wzd")
            self.bveld(w, "WzdVerklaring", client.wzd.verklaring)
            self.bveld(w, "WzdIngangsdatum", client.wzd.ingangsdatum)
            self.bveld(w, "WzdEinddatum", client.wzd.einddatum)
        self.veld(c, "Partneropname", partneropname)
        self.veld(c, "Commentaar", client.commentaar)
        if client.relaties:
            rs = self.groep(c, "Relaties")
            for i, rel in enumerate(client.relaties):
                r = self.groep(rs, "Relatie")
                self.veld(r, "Nummer", rel.nummer)
                self.veld(r, "Volgorde", rel.volgorde)
                self.veld(r, "Soort", rel.soort)
                if rel.geboortedatum is not None:
                    self.geboortedatum(r, "Geboortedatum", rel.geboortedatum, rel.geboortedatum_gebruik)
                self.veld(r, "Geslacht", rel.geslacht)
                self.naam(r, rel.naam, volledig=True)
                self.contact(r, rel.contact, f"{veldpad}.relaties[{i}].contact")
        if not client.contacten:
            self.probleem(f"{veldpad}.contacten", "minstens één contact (adres) is verplicht")
        cg = self.groep(c, "Contactgegevens")
        for i, contact in enumerate(client.contacten):
            self.contact(cg, contact, f"{veldpad}.contacten[{i}]")
        indicatie(c)

    def client_kort(self, ouder: etree._Element, client: Client, veldpad: str) -> etree._Element:
        """The short ``Client`` of AW35/AW39: BSN, birth date, sex and ``CDT_VerkorteNaam``."""
        c = self.groep(ouder, "Client")
        self.bsn(c, client.bsn, f"{veldpad}.bsn")
        self.geboortedatum(c, "Geboortedatum", client.geboortedatum, client.geboortedatum_gebruik)
        self.veld(c, "Geslacht", client.geslacht)
        self.naam(c, client.naam, volledig=False)
        return c

    def indicatie_begin(
        self, ouder: etree._Element, ind: Indicatiebesluit, veldpad: str, *, met_meerzorg: bool
    ) -> etree._Element:
        """``Indicatie`` from ``Besluitnummer`` up to and including ``StoornisScores``.

        The caller adds what follows, which differs per message (AW33: ``ToegewezenFuncties``, then both:
        ``GeindiceerdeZorgzwaartepakketten``; AW33: ``ToegewezenZorgzwaartepakketten``). ``met_meerzorg``
        selects the IO31 variant (``Meerzorg`` and ``InstellingVoorkeur`` exist only there).
        """
        i = self.groep(ouder, "Indicatie")
        self.veld(i, "Besluitnummer", ind.besluitnummer)
        self.veld(i, "Soort", ind.soort)
        if len(ind.grondslagen) > 2:
            self.probleem(f"{veldpad}.grondslagen", "hoogstens 2 grondslagen")
        if ind.grondslagen:
            g = self.groep(i, "Grondslagen")
            for n, grondslag in enumerate(ind.grondslagen[:2], start=1):
                self.bveld(g, f"Grondslag0{n}", grondslag)
        self.veld(i, "Afgiftedatum", ind.afgiftedatum)
        self.veld(i, "Ingangsdatum", ind.ingangsdatum)
        self.veld(i, "Einddatum", ind.einddatum)
        self.periode(f"{veldpad}.einddatum", ind.ingangsdatum, ind.einddatum)
        if met_meerzorg:
            self.veld(i, "Meerzorg", ind.meerzorg)
        self.veld(i, "Commentaar", ind.commentaar)
        if ind.stoornissen:
            ss = self.groep(i, "Stoornissen")
            for st in ind.stoornissen:
                s = self.groep(ss, "Stoornis")
                self.veld(s, "Grondslag", st.grondslag)
                self.veld(s, "DiagnoseCodelijst", st.diagnose_codelijst)
                self.veld(s, "DiagnoseSubcodelijst", st.diagnose_subcodelijst)
                self.veld(s, "ZiektebeeldStoornis", st.ziektebeeld_stoornis)
                self.veld(s, "Prognose", st.prognose)
                self.veld(s, "Commentaar", st.commentaar)
        if ind.beperkingen:
            bs = self.groep(i, "Beperkingen")
            for be in ind.beperkingen:
                b = self.groep(bs, "Beperking")
                self.veld(b, "Categorie", be.categorie)
                self.veld(b, "Duur", be.duur)
                self.veld(b, "Commentaar", be.commentaar)
                if be.scores:
                    sc = self.groep(b, "BeperkingScores")
                    for score in be.scores:
                        s = self.groep(sc, "BeperkingScore")
                        self.veld(s, "Vraag", score.vraag)
                        self.veld(s, "Score", score.score)
                        self.veld(s, "Commentaar", score.commentaar)
        if ind.functies:
            fs = self.groep(i, "GeindiceerdeFuncties")
            for n, f in enumerate(ind.functies):
                self.periode(f"{veldpad}.functies[{n}].einddatum", f.ingangsdatum, f.einddatum)
                e = self.groep(fs, "GeindiceerdeFunctie")
                self.veld(e, "FunctieCode", f.functiecode)
                self.veld(e, "Ingangsdatum", f.ingangsdatum)
                self.veld(e, "Einddatum", f.einddatum)
                self.veld(e, "Klasse", f.klasse)
                self.veld(e, "Opslag", f.opslag)
                self.veld(e, "Leveringsvoorwaarde", f.leveringsvoorwaarde)
                self.veld(e, "Vervoer", f.vervoer)
                if met_meerzorg:  # IO31 only: InstellingVoorkeur
                    self.veld(e, "InstellingVoorkeur", f.instelling_voorkeur)
                self.veld(e, "Financiering", f.financiering)
                self.veld(e, "Commentaar", f.commentaar)
        if ind.stoornis_scores:
            ss = self.groep(i, "StoornisScores")
            for score in ind.stoornis_scores:
                s = self.groep(ss, "StoornisScore")
                self.veld(s, "Vraag", score.vraag)
                self.veld(s, "Score", score.score)
                self.veld(s, "Commentaar", score.commentaar)
        return i

    def geindiceerde_zzps(self, ind_el: etree._Element, ind: Indicatiebesluit, veldpad: str, *, io31: bool) -> None:
        if not ind.zorgzwaartepakketten:
            return
        zs = self.groep(ind_el, "GeindiceerdeZorgzwaartepakketten")
        for n, z in enumerate(ind.zorgzwaartepakketten):
            self.periode(f"{veldpad}.zorgzwaartepakketten[{n}].einddatum", z.ingangsdatum, z.einddatum)
            e = self.groep(zs, "GeindiceerdZorgzwaartepakket")
            self.veld(e, "ZzpCode", z.zzp_code)
            self.veld(e, "Ingangsdatum", z.ingangsdatum)
            self.veld(e, "Einddatum", z.einddatum)
            self.veld(e, "Klasse", z.klasse)
            self.veld(e, "VoorkeurClient", z.voorkeur_client)
            if io31:
                self.veld(e, "InstellingVoorkeur", z.instelling_voorkeur)
            self.veld(e, "Financiering", z.financiering)
            self.veld(e, "Commentaar", z.commentaar)

    def percentage(self, ouder: etree._Element, naam: str, procent: int | None, veldpad: str) -> None:
        """Write a whole percentage as ``LDT_Percentage`` (hundredths of a percent: 50 % → 5000)."""
        if procent is None:
            return
        if isinstance(procent, bool) or int(procent) != procent or not 1 <= procent <= 999:
            self.probleem(veldpad, "percentage moet een heel getal van 1 tot en met 999 zijn")
        self.veld(ouder, naam, int(procent) * 100)

    def bijzondere_situatie(self, ouder: etree._Element, bs: BijzondereSituatie | None) -> None:
        if bs is None:
            return
        b = self.groep(ouder, "BijzondereSituatie")
        self.bveld(b, "ExtraKostenThuis", "5" if bs.extra_kosten_thuis else None)
        self.bveld(b, "ToeslagBeademing", bs.toeslag_beademing)
        self.bveld(b, "ToeslagOverig", bs.toeslag_overig)

    # output --------------------------------------------------------------------------------------
    def bytes(self) -> bytes:
        """Validate the tree (input checks, then the XSD) and return UTF-8 XML; BerichtOngeldig if not valid."""
        if self.problemen:
            raise BerichtOngeldig(self.soort.naam, self.problemen)
        fouten = schemafouten(self.root, self.soort.naam)
        if fouten:
            raise BerichtOngeldig(self.soort.naam, fouten)
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ------------------------------------------------------------------------------------------- reading


class Lezer:
    """Reads a schema-valid message; since the XSD already checked presence and format, this only maps."""

    def __init__(self, root: etree._Element, ns: str):
        self.root = root
        self.ns = ns

    def kind(self, el: etree._Element | None, naam: str) -> etree._Element | None:
        return None if el is None else el.find(f"{{{self.ns}}}{naam}")

    def bkind(self, el: etree._Element | None, naam: str) -> etree._Element | None:
        return None if el is None else el.find(f"{{{BASIS_NS}}}{naam}")

    def kinderen(self, el: etree._Element | None, groep: str, naam: str) -> list[etree._Element]:
        g = self.kind(el, groep)
        return [] if g is None else g.findall(f"{{{self.ns}}}{naam}")

    @staticmethod
    def _waarde(el: etree._Element | None) -> str | None:
        if el is None or el.text is None:
            return None
        return el.text.strip()

    def tekst(self, el, naam: str) -> str | None:
        return self._waarde(self.kind(el, naam))

    def btekst(self, el, naam: str) -> str | None:
        return self._waarde(self.bkind(el, naam))

    @staticmethod
    def datum(waarde: str | None) -> dt.date | None:
        return None if waarde is None else dt.date.fromisoformat(waarde[:10])

    @staticmethod
    def tijd(waarde: str | None) -> dt.time | None:
        return None if waarde is None else dt.time.fromisoformat(waarde)

    @staticmethod
    def getal(waarde: str | None) -> int | None:
        return None if waarde is None else int(waarde)

    @staticmethod
    def janee(waarde: str | None) -> bool | None:
        return None if waarde is None else waarde == "1"

    @staticmethod
    def code(soort: type[E], waarde: str | None) -> E | None:
        return None if waarde is None else soort(waarde)

    def header(self) -> dict:
        h = self.kind(self.root, "Header")
        bi = self.kind(h, "BerichtIdentificatie")
        return {
            "identificatie": self.btekst(bi, "Identificatie"),
            "dagtekening": self.datum(self.btekst(bi, "Dagtekening")),
            "afzender": self.tekst(h, "Afzender"),
            "ontvanger": self.tekst(h, "Ontvanger"),
        }

    def clienten(self) -> list[etree._Element]:
        return self.kinderen(self.root, "Clienten", "Client")

    def naam(self, el) -> Naam:
        n = self.kind(el, "Naam")
        g = self.bkind(n, "Geslachtsnaam")
        p = self.bkind(n, "Partnernaam")
        return Naam(
            achternaam=self.btekst(g, "Achternaam") or "",
            voorvoegsel=self.btekst(g, "Voorvoegsel"),
            voornamen=self.btekst(n, "Voornamen"),
            voorletters=self.btekst(n, "Voorletters"),
            partner_achternaam=self.btekst(p, "Achternaam"),
            partner_voorvoegsel=self.btekst(p, "Voorvoegsel"),
            naamgebruik=self.code(codes.NaamGebruik, self.btekst(n, "NaamGebruik")) or codes.NaamGebruik.EIGEN_NAAM,
        )

    def geboortedatum(self, el) -> tuple[dt.date | None, codes.DatumGebruik | None]:
        g = self.kind(el, "Geboortedatum")
        return self.datum(self.btekst(g, "Datum")), self.code(codes.DatumGebruik, self.btekst(g, "DatumGebruik"))

    def contact(self, c) -> Contact:
        a = self.kind(c, "Adres")
        adres = None
        if a is not None:
            huis = self.bkind(a, "Huis")
            adres = Adres(
                straatnaam=self.btekst(a, "Straatnaam"),
                huisnummer=self.getal(self.btekst(huis, "Huisnummer")),
                huisletter=self.btekst(huis, "Huisletter"),
                huisnummer_toevoeging=self.btekst(huis, "HuisnummerToevoeging"),
                aanduiding_woonadres=self.btekst(huis, "AanduidingWoonadres"),
                postcode=self.btekst(a, "Postcode"),
                plaatsnaam=self.btekst(a, "Plaatsnaam"),
                landcode=self.btekst(a, "LandCode"),
            )
        t = self.kind(c, "Telefoon")
        telefoons = []
        for naam in ("Telefoon01", "Telefoon02"):
            ti = self.bkind(t, naam)
            if ti is not None:
                telefoons.append(Telefoon(self.btekst(ti, "Telefoonnummer") or "", self.btekst(ti, "Landnummer") or ""))
        p = self.kind(c, "Periode")
        return Contact(
            soort=codes.AdresSoort(self.tekst(c, "Soort")),
            adres=adres,
            organisatie=self.tekst(c, "Organisatie"),
            telefoon=tuple(telefoons),
            emailadres=self.tekst(c, "Emailadres"),
            begindatum=self.datum(self.btekst(p, "Begindatum")),
            einddatum=self.datum(self.btekst(p, "Einddatum")),
        )

    def client(self, c) -> Client:
        """Full client (IO31/AW33) or short client (AW35/AW39): absent parts simply stay empty."""
        geboren, gebruik = self.geboortedatum(c)
        com = self.kind(c, "Communicatie")
        wzd = self.kind(c, "Wzd")
        relaties = []
        for r in self.kinderen(c, "Relaties", "Relatie"):
            rgeboren, rgebruik = self.geboortedatum(r)
            relaties.append(
                Relatie(
                    nummer=self.tekst(r, "Nummer") or "",
                    soort=codes.SoortRelatie(self.tekst(r, "Soort")),
                    naam=self.naam(r),
                    contact=self.contact(self.kind(r, "Contact")),
                    volgorde=self.getal(self.tekst(r, "Volgorde")),
                    geboortedatum=rgeboren,
                    geboortedatum_gebruik=rgebruik,
                    geslacht=self.code(codes.Geslacht, self.tekst(r, "Geslacht")),
                )
            )
        return Client(
            bsn=self.tekst(c, "Bsn") or "",
            geboortedatum=geboren,
            geslacht=codes.Geslacht(self.tekst(c, "Geslacht")),
            naam=self.naam(c),
            contacten=tuple(self.contact(x) for x in self.kinderen(c, "Contactgegevens", "Contact")),
            leefeenheid=self.code(codes.Leefeenheid, self.tekst(c, "Leefeenheid")) or codes.Leefeenheid.ONBEKEND,
            geheim=bool(self.janee(self.tekst(c, "GeheimeClient"))),
            geboortedatum_gebruik=gebruik,
            burgerlijke_staat=self.code(codes.BurgerlijkeStaat, self.tekst(c, "BurgerlijkeStaat")),
            huisarts=self.tekst(c, "Huisarts"),
            communicatie=None
            if com is None
            else Communicatie(codes.Communicatievorm(self.btekst(com, "Vorm")), self.btekst(com, "Taal")),
            wzd=None
            if wzd is None
            else Wzd(
                codes.WzdVerklaring(self.btekst(wzd, "WzdVerklaring")),
                self.datum(self.btekst(wzd, "WzdIngangsdatum")),
                self.datum(self.btekst(wzd, "WzdEinddatum")),
            ),
            commentaar=self.tekst(c, "Commentaar"),
            relaties=tuple(relaties),
        )

    def indicatie(self, c) -> Indicatiebesluit:
        i = self.kind(c, "Indicatie")
        g = self.kind(i, "Grondslagen")
        grondslagen = tuple(
            codes.Grondslag(v) for v in (self.btekst(g, "Grondslag01"), self.btekst(g, "Grondslag02")) if v
        )
        stoornissen = tuple(
            Stoornis(
                grondslag=codes.Grondslag(self.tekst(s, "Grondslag")),
                diagnose_codelijst=self.tekst(s, "DiagnoseCodelijst") or "",
                ziektebeeld_stoornis=self.tekst(s, "ZiektebeeldStoornis") or "",
                diagnose_subcodelijst=self.tekst(s, "DiagnoseSubcodelijst"),
                prognose=self.tekst(s, "Prognose"),
                commentaar=self.tekst(s, "Commentaar"),
            )
            for s in self.kinderen(i, "Stoornissen", "Stoornis")
        )
        beperkingen = tuple(
            Beperking(
                categorie=self.tekst(b, "Categorie") or "",
                duur=self.tekst(b, "Duur"),
                commentaar=self.tekst(b, "Commentaar"),
                scores=tuple(
                    BeperkingScore(
                        self.tekst(s, "Vraag") or "", self.tekst(s, "Score") or "", self.tekst(s, "Commentaar")
                    )
                    for s in self.kinderen(b, "BeperkingScores", "BeperkingScore")
                ),
            )
            for b in self.kinderen(i, "Beperkingen", "Beperking")
        )
        functies = tuple(
            GeindiceerdeFunctie(
                functiecode=codes.FunctieCode(self.tekst(f, "FunctieCode")),
                ingangsdatum=self.datum(self.tekst(f, "Ingangsdatum")),
                klasse=self.tekst(f, "Klasse") or "",
                leveringsvoorwaarde=codes.Leveringsvoorwaarde(self.tekst(f, "Leveringsvoorwaarde")),
                einddatum=self.datum(self.tekst(f, "Einddatum")),
                opslag=self.getal(self.tekst(f, "Opslag")),
                vervoer=self.code(codes.Vervoer, self.tekst(f, "Vervoer")),
                instelling_voorkeur=self.tekst(f, "InstellingVoorkeur"),
                financiering=codes.Financiering(self.tekst(f, "Financiering")),
                commentaar=self.tekst(f, "Commentaar"),
            )
            for f in self.kinderen(i, "GeindiceerdeFuncties", "GeindiceerdeFunctie")
        )
        scores = tuple(
            StoornisScore(self.tekst(s, "Vraag") or "", self.tekst(s, "Score") or "", self.tekst(s, "Commentaar"))
            for s in self.kinderen(i, "StoornisScores", "StoornisScore")
        )
        zzps = tuple(
            GeindiceerdZzp(
                zzp_code=self.tekst(z, "ZzpCode") or "",
                ingangsdatum=self.datum(self.tekst(z, "Ingangsdatum")),
                einddatum=self.datum(self.tekst(z, "Einddatum")),
                klasse=self.tekst(z, "Klasse") or "",
                voorkeur_client=self.code(codes.VoorkeurClient, self.tekst(z, "VoorkeurClient")),
                instelling_voorkeur=self.tekst(z, "InstellingVoorkeur"),
                financiering=codes.Financiering(self.tekst(z, "Financiering")),
                commentaar=self.tekst(z, "Commentaar"),
            )
            for z in self.kinderen(i, "GeindiceerdeZorgzwaartepakketten", "GeindiceerdZorgzwaartepakket")
        )
        return Indicatiebesluit(
            besluitnummer=int(self.tekst(i, "Besluitnummer")),
            afgiftedatum=self.datum(self.tekst(i, "Afgiftedatum")),
            ingangsdatum=self.datum(self.tekst(i, "Ingangsdatum")),
            einddatum=self.datum(self.tekst(i, "Einddatum")),
            grondslagen=grondslagen,
            zorgzwaartepakketten=zzps,
            functies=functies,
            soort=codes.SoortIndicatie(self.tekst(i, "Soort")),
            meerzorg=self.janee(self.tekst(i, "Meerzorg")),
            commentaar=self.tekst(i, "Commentaar"),
            stoornissen=stoornissen,
            beperkingen=beperkingen,
            stoornis_scores=scores,
        )

    def bijzondere_situatie(self, el) -> BijzondereSituatie | None:
        b = self.kind(el, "BijzondereSituatie")
        if b is None:
            return None
        return BijzondereSituatie(
            extra_kosten_thuis=self.btekst(b, "ExtraKostenThuis") is not None,
            toeslag_beademing=self.code(codes.ToeslagBeademing, self.btekst(b, "ToeslagBeademing")),
            toeslag_overig=self.code(codes.ToeslagOverig, self.btekst(b, "ToeslagOverig")),
        )

    @staticmethod
    def procent(waarde: str | None) -> int | None:
        """``LDT_Percentage`` (hundredths) back to whole percent; the XSD pattern guarantees a multiple of 100."""
        return None if waarde is None else int(waarde) // 100


def lees_bericht(data, naam: str) -> Lezer:
    """Parse, check the type, validate against the XSD and check every BSN's elfproef; then a :class:`Lezer`.

    Raises :class:`BerichtOngeldig` (never containing a BSN) for anything that is not a valid ``naam``.
    """
    root = parse_xml(data, naam)
    soort = berichtsoort_van(root)
    if soort.naam != naam:
        raise BerichtOngeldig(naam, [Schemafout("/Bericht", f"dit is een {soort.naam}-bericht, geen {naam}")])
    fouten = schemafouten(root, naam)
    if not fouten:
        fouten = [
            Schemafout(leesbaar_pad(el), "BSN voldoet niet aan de elfproef", el.sourceline)
            for el in root.iter(f"{{{soort.namespace}}}Bsn")
            if not elfproef((el.text or "").strip())
        ]
    if fouten:
        raise BerichtOngeldig(naam, fouten)
    return Lezer(root, soort.namespace)
