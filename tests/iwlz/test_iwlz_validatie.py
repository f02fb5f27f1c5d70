"""The official XSLT rules as wlz runs them: findings, retourcodes, retours, and the faster dispatch."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import random

import pytest
from lxml import etree

from wlz import iwlz
from wlz.iwlz import validation
from wlz.iwlz.retour import berichtklassen
from wlz.iwlz.voorbeelden import keten, random_keten

from . import gevallen

DAG = dt.date(2025, 6, 1)


def _zonder_regels(bericht) -> bytes:
    """The message as XML that only meets the XSD (as a partner might send it)."""
    bouwers = {
        iwlz.IO31Bericht: iwlz.build_io31,
        iwlz.AW35Bericht: iwlz.build_aw35,
        iwlz.AW39Bericht: iwlz.build_aw39,
    }
    return bouwers[type(bericht)](bericht, check_rules=False)


def _vervang(bericht, **regel):
    """``bericht`` with its first client's first zzp line (``geleverde_zzps``/``mutatie_zzps``) changed."""
    item = bericht.clienten[0]
    veld = "geleverde_zzps" if hasattr(item, "geleverde_zzps") else "mutatie_zzps"
    eerste = dataclasses.replace(getattr(item, veld)[0], **regel)
    return dataclasses.replace(bericht, clienten=(dataclasses.replace(item, **{veld: (eerste,)}),))


def _io31_met(**client):
    k = keten(1, zzp_code="808", leveringsvorm=iwlz.Leveringsvorm.VPT)
    item = k.io31.clienten[0]
    return dataclasses.replace(k.io31, clienten=(dataclasses.replace(item, **client),))


def _verblijf(instelling=None):
    return keten(2, instelling=instelling)  # a verblijf chain: AW35 with Klasse, AW39 with code 19


def _partner_zonder_geboortedatum(instelling=None):
    c = gevallen.rijke_client()
    partner = dataclasses.replace(c.relaties[0], geboortedatum=None)
    return _io31_met(client=dataclasses.replace(c, relaties=(partner, *c.relaties[1:])))


def _klasse_99(instelling=None):
    ind = gevallen.rijk_besluit()
    zzp = dataclasses.replace(ind.zorgzwaartepakketten[0], klasse="99")
    return _io31_met(client=gevallen.rijke_client(), indicatie=dataclasses.replace(ind, zorgzwaartepakketten=(zzp,)))


def _partnerhuishouden_zonder_partner(instelling=None):
    c = gevallen.rijke_client()
    return _io31_met(client=dataclasses.replace(c, leefeenheid=iwlz.Leefeenheid.MET_PARTNER, relaties=c.relaties[1:]))


def _overplaatsing_zonder_bestemming(instelling=None):
    aw39 = _verblijf(instelling).aw39
    return _vervang(aw39, mutatiecode=iwlz.MutatieCode.OVERPLAATSING, leveringsstatus=iwlz.Leveringsstatus("5"))


#: per incoming kind one broken conditie (CD), constraint (CS) and technical rule (TR):
#: (message, rule, retourcode, the berichtklasse that carries the code in the retour)
GEBROKEN = {
    "IO31-CD": (_partner_zonder_geboortedatum, "CD017", "D017", "Relatie"),
    "IO31-CS": (_klasse_99, "CS074", "S074", "GeindiceerdZorgzwaartepakket"),
    "IO31-TR": (_partnerhuishouden_zonder_partner, "TR004", "9004", "Client"),
    "AW35-CD": (lambda i=None: _vervang(_verblijf(i).aw35, klasse=None), "CD051", "D051", "GeleverdZorgzwaartepakket"),
    "AW35-CS": (
        lambda i=None: _vervang(_verblijf(i).aw35, leveringsstatus=iwlz.Leveringsstatus.EINDE_ZORGVRAAG),
        "CS062",
        "S062",
        "GeleverdZorgzwaartepakket",
    ),
    "AW35-TR": (lambda i=None: _vervang(_verblijf(i).aw35, instelling="12345678"), "TR064", "9064", "Header"),
    "AW39-CD": (_overplaatsing_zonder_bestemming, "CD020", "D020", "MutatieZorgzwaartepakket"),
    "AW39-CS": (
        lambda i=None: _vervang(_verblijf(i).aw39, status_aanlevering=iwlz.StatusAanlevering.GEWIJZIGDE_AANLEVERING),
        "CS058",
        "S058",
        "MutatieZorgzwaartepakket",
    ),
    "AW39-TR": (
        lambda i=None: _vervang(
            _verblijf(i).aw39,
            mutatiedatum=_verblijf(i).aw35.clienten[0].geleverde_zzps[0].begindatum - dt.timedelta(days=1),
        ),
        "TR018",
        "9018",
        "MutatieZorgzwaartepakket",
    ),
}


@pytest.mark.parametrize("geval", sorted(GEBROKEN))
def test_gebroken_regel_geeft_de_juiste_retour(geval):
    maak, regel, retourcode, klasse = GEBROKEN[geval]
    xml = _zonder_regels(maak())
    rapport = iwlz.check(xml)
    assert not rapport.valid and regel in rapport.codes, [str(f) for f in rapport.findings]
    fout = next(f for f in rapport.findings if f.code == regel)
    assert fout.retourcode == retourcode and fout.text == validation.rule_text(regel) and fout.paths
    assert str(fout).startswith(f"regel {regel} bij /Bericht/")
    # the refused message's builder names the same rule (wlz never writes it)
    with pytest.raises(iwlz.BerichtOngeldig, match=regel):
        iwlz.build_message(maak())
    retour = iwlz.build_retour(xml, rapport, identificatie="RT1", dagtekening=DAG)
    gelezen = iwlz.read_retour(retour)
    assert gelezen.heen_soort == geval[:4] and not gelezen.geaccepteerd
    assert (gelezen.identificatie, gelezen.identificatie_retour) == (
        etree.fromstring(xml).findtext(".//{*}Identificatie"),
        "RT1",
    )
    plekken = {c.pad.rsplit("/", 1)[-1].split("[")[0] for c in gelezen.afwijkingen if c.code == retourcode}
    assert klasse in plekken, gelezen.afwijkingen
    assert all(c.code != "0001" for c in gelezen.afwijkingen)


@pytest.mark.parametrize("soort", ["io31", "aw35", "aw39"])
def test_goed_bericht_krijgt_overal_0200(soort):
    xml = iwlz.build_message(getattr(keten(3), soort))
    retour = iwlz.build_retour(xml, iwlz.check(xml), identificatie="RT2", dagtekening=DAG)
    gelezen = iwlz.read_retour(retour)
    assert gelezen.geaccepteerd and gelezen.soort == iwlz.RETOUR_VAN[soort.upper()]
    boom = etree.fromstring(retour)
    codes = [c.text for c in boom.iter("{*}RetourCode")]
    assert codes and set(codes) == {"0200"}
    # every berichtklasse of the retour (read from its XSD) carries its RetourCodes
    klassen = berichtklassen(gelezen.soort)
    assert {"Header", "Client"} <= klassen
    for el in boom.iter():
        if etree.QName(el).localname in klassen and etree.QName(el).namespace == boom.nsmap[gelezen.soort.lower()]:
            assert el[-1].tag.endswith("RetourCodes")


def test_xsd_ongeldig_bericht_krijgt_alleen_een_kop_met_0001():
    xml = iwlz.build_aw35(keten(4).aw35).replace(b"<aw35:Geslacht>", b"<aw35:Geslacht>9", 1)
    rapport = iwlz.check(xml)
    assert rapport.codes and set(rapport.codes) == {"XSD"}
    gelezen = iwlz.read_retour(iwlz.build_retour(xml, rapport, identificatie="RT3", dagtekening=DAG))
    assert [(c.pad, c.code) for c in gelezen.afwijkingen] == [("/Bericht/Header", "0001")]
    assert b"Clienten" not in iwlz.build_retour(xml, rapport, identificatie="RT3", dagtekening=DAG)


def test_retourcodes_volgens_de_codelijst():
    assert iwlz.retourcode("CD051") == "D051"
    assert iwlz.retourcode("CS074") == "S074"
    assert iwlz.retourcode("TR021") == "9021"
    assert iwlz.retourcode("XSD") == "0001"
    assert iwlz.retourcode("TR999") == "0001"  # not in LDT_RetourCode: technical
    assert validation.retourcodes()["0200"] == "Geen opmerking over deze berichtklasse."


def test_regelteksten_in_het_nederlands():
    teksten = validation.rule_texts()
    assert teksten["CS074"] == "'KE4', 'KE5', 'KE6' of 'KE7' vullen."
    assert teksten["CD051"].startswith("Als Leveringsvorm de waarde 4 (Verblijf) of 5 (VPT) heeft")
    assert len(teksten) > 100


def test_xslt_eenmaal_per_proces_gecompileerd():
    a = validation._stylesheet("AW33")
    iwlz.check(iwlz.build_aw33(keten(5).aw33))
    assert validation._stylesheet("AW33") is a


def test_snelle_dispatch_geeft_dezelfde_bevindingen_als_de_gepubliceerde_stylesheet():
    """The in-memory dispatch (validation._with_dispatch) against the stylesheets as published, on random
    messages with values swapped between messages and elements removed: many rules broken, XSD still valid."""
    rng = random.Random(7)
    berichten = []
    for seed in range(25):
        k = random_keten(random.Random(seed))
        berichten += [iwlz.build_message(b) for b in (k.io31, k.aw33, k.aw35, k.ca317, k.aw39, k.ca319) if b]
    waarden = collections.defaultdict(set)
    for m in berichten:
        for el in etree.fromstring(m).iter():
            if len(el) == 0 and (el.text or "").strip():
                waarden[etree.QName(el).localname].add(el.text)
    vergeleken, bevindingen, regels = 0, 0, set()
    for m in berichten:
        for _ in range(6):
            root = etree.fromstring(m)
            bladeren = [el for el in root.iter() if len(el) == 0 and (el.text or "").strip()]
            for el in rng.sample(bladeren, 3):
                el.text = rng.choice(sorted(waarden[etree.QName(el).localname]))
            if rng.random() < 0.5:
                weg = rng.choice([el for el in root.iter() if len(el) == 0])
                weg.getparent().remove(weg)
            soort = iwlz.berichtsoort_of(root).naam
            if iwlz.schema.schema_errors(root, soort):
                continue
            snel = validation._rules(root, soort)
            assert snel == validation._rules(root, soort, dispatch=False)
            vergeleken += 1
            bevindingen += len(snel)
            regels.update(f.code for f in snel)
    assert vergeleken > 300 and bevindingen > 200 and len(regels) > 25
