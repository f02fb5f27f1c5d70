"""The demo at scale: clients after the first ``SJABLONEN`` are copies made set-based. A copy must be a client of
its own (new BSN passing the elfproef, new ids, its own besluitnummer), carry the same situation and therefore the
same stored rules evaluations as the client it copies, and no client may hold two overlapping valid
indicatiebesluiten. Small numbers (a few clients through the use cases, some dozens copied) keep it fast."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import sqlalchemy as sa

from wlz import bsn as bsnmod
from wlz.platform.database import make_engine
from wlz.zorgkantoor import demo
from wlz.zorgkantoor.adapters import rules_engine
from wlz.zorgkantoor.storage import orm

from .conftest import OP_POSTGRES, _pg_engine

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def gevuld(tmp_path_factory):
    """One fill for the module's tests (they only read): 8 clients through the use cases, 32 copied."""
    if OP_POSTGRES:
        engine, opruimen = _pg_engine()
    else:
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('schaal') / 'wlz.sqlite'}")
        opruimen = engine.dispose
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(demo, "SJABLONEN", 8)
        mp.setattr(demo, "_PARTIJ", 7)  # several batches, the last one partial
        samenvatting = demo.vul(engine, reset=False, aantal=40, seed=11)
    yield engine, samenvatting
    opruimen()


def _rows(engine, sql: str):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).all()


def _iwlz_clients(engine) -> set[str]:
    """The clients of the demo's own iWlz chains (``demo._iwlz``), beside the 40: their besluitnummers are not
    900000 + n (every client's indicatie now arrives as an IO31, so ``bron`` no longer tells them apart)."""
    eigen = {str(900000 + n) for n in range(40)}
    return {c for c, nr in _rows(engine, "SELECT client_id, besluitnummer FROM indicatiebesluiten") if nr not in eigen}


def test_kopieen_zijn_eigen_clienten_met_geldig_bsn(gevuld):
    engine, samenvatting = gevuld
    clients = _rows(engine, "SELECT id, bsn, geboortedatum, partner FROM clients")
    assert len(clients) == 40 + len(_iwlz_clients(engine))
    assert samenvatting.startswith("Demodatabase gevuld: 40 cliënten")
    bsns = [c.bsn for c in clients]
    assert len(set(bsns)) == len(bsns)
    assert all(bsnmod.elfproef(b) and b.startswith("999") for b in bsns)
    nummers = [r[0] for r in _rows(engine, "SELECT besluitnummer FROM indicatiebesluiten")]
    assert len(set(nummers)) == len(nummers)


def test_nooit_twee_overlappende_geldige_indicatiebesluiten(gevuld):
    engine, _ = gevuld
    per_client: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for client_id, van, tot in _rows(engine, "SELECT client_id, ingangsdatum, einddatum FROM indicatiebesluiten"):
        per_client.setdefault(client_id, []).append((van, tot))
    for perioden in per_client.values():
        perioden.sort()
        for (_, tot), (volgende_van, _) in zip(perioden, perioden[1:], strict=False):
            assert tot is not None and tot < volgende_van


def test_kopie_draagt_de_evaluaties_van_zijn_situatie(gevuld):
    """A copied request has the situation, evaluation and decision lines of its original (same profile, birth
    date, partner, leveringsvorm, intake): the rules were asked once for that situation."""
    engine, _ = gevuld
    with engine.connect() as conn:
        a = orm.aanvragen
        rows = conn.execute(
            sa.select(a.c.id, a.c.client_id, a.c.situatie, a.c.evaluatie, a.c.status, a.c.besloten_op)
        ).all()
        regels = Counter(r[0] for r in conn.execute(sa.text("SELECT aanvraag_id FROM besluitregels")))
    per_situatie: dict[str, list] = {}
    for r in rows:
        per_situatie.setdefault(repr(r.situatie), []).append(r)
    gedeeld = [groep for groep in per_situatie.values() if len({r.client_id for r in groep}) > 1]
    assert gedeeld, "no request was copied"
    for groep in gedeeld:
        assert len({repr(r.evaluatie) for r in groep}) == 1
        assert len({r.status for r in groep}) == 1
        assert len({regels[r.id] for r in groep}) == 1
    nu = dt.datetime.now(dt.UTC)
    for r in rows:
        if r.besloten_op is not None:
            assert r.besloten_op <= nu


def test_telling_in_de_samenvatting_klopt_met_de_database(gevuld):
    engine, samenvatting = gevuld
    iwlz = _iwlz_clients(engine)
    aanvragen = [r for r in _rows(engine, "SELECT client_id, status, uitkomst FROM aanvragen") if r[0] not in iwlz]
    besloten = sum(r.status == "besloten" for r in aanvragen)
    assert f"{len(aanvragen)} aanvragen extra zorg ({besloten} besloten" in samenvatting
    toewijzingen = _rows(engine, "SELECT t.client_id, t.indicatie_id, i.client_id FROM zorgtoewijzingen t "
                                 "JOIN indicatiebesluiten i ON i.id = t.indicatie_id")  # fmt: skip
    assert all(tw_client == ind_client for tw_client, _, ind_client in toewijzingen)


def test_einddatum_van_elk_indicatiebesluit_is_die_van_de_regels(gevuld):
    """The demo gives its indicatiebesluiten the end date computed once per profile; it must be the one the
    service asks the rules for (``rules_engine.indicatie_einddatum``), for copies too."""
    engine, _ = gevuld
    i = orm.indicatiebesluiten.c
    with engine.connect() as conn:
        eigen = [str(900000 + n) for n in range(40)]  # not the demo's own iWlz chains (their CIZ sets the end)
        rijen = conn.execute(
            sa.select(i.zorgprofiel, i.ingangsdatum, i.einddatum).where(i.besluitnummer.in_(eigen))
        ).all()
    per_geval = {(p, van): tot for p, van, tot in rijen}
    assert len(rijen) == 40
    for (profiel, van), tot in per_geval.items():
        assert tot == rules_engine.indicatie_einddatum(profiel, van), (profiel, van)


def test_kopieen_dragen_hun_eigen_iwlz_berichten(gevuld):
    """Issue 9: a copy carries its messages as stored rows (the IO31 with its IO32, an AW33 per assignment) with its
    own identity and identifications, and they pass the XSD and the XSLT rules like the messages they copy."""
    from wlz import iwlz

    engine, _ = gevuld
    b = orm.berichten.c
    with engine.connect() as conn:
        clients = {r.id: r for r in conn.execute(sa.select(orm.clients))}
        ind = {r.client_id: r for r in conn.execute(sa.select(orm.indicatiebesluiten))}
        tw = {r.id: r for r in conn.execute(sa.select(orm.zorgtoewijzingen))}
        berichten = list(conn.execute(sa.select(orm.berichten).where(b.soort.in_(("IO31", "IO32", "AW33")))))
    kopieen = {c for c, i in ind.items() if int(i.besluitnummer) >= 900000 + 8 and int(i.besluitnummer) < 900040}
    assert len(kopieen) == 32
    per_client: dict[str, list] = {}
    for r in berichten:
        per_client.setdefault(r.client_id, []).append(r)
    # identifications unique per type and sender (TR056)
    sleutels = [(r.soort, r.afzender, r.identificatie) for r in berichten]
    assert len(set(sleutels)) == len(sleutels)
    met_io31 = [c for c in kopieen if any(r.soort == "IO31" for r in per_client.get(c, []))]
    assert len(met_io31) == len(kopieen), "every copy's indicatie has its IO31"
    gecontroleerd = 0
    for c in sorted(met_io31)[:6]:
        client, eigen = clients[c], per_client[c]
        io31 = next(r for r in eigen if r.soort == "IO31")
        io32 = [r for r in eigen if r.soort == "IO32"]
        assert [r.retour_van for r in io32] == [io31.id]
        for r in eigen:
            tekst = r.inhoud.decode()
            assert f">{client.bsn}<" in tekst and f">{ind[c].besluitnummer}<" in tekst
            assert f">{r.identificatie}<" in tekst
            if r.soort == "AW33":
                assert tw[r.toewijzing_id].client_id == c
            if r.soort != "IO32":
                rapport = iwlz.check(r.inhoud, r.soort)
                assert rapport.valid, (r.soort, rapport.findings[:3])
                gecontroleerd += 1
        # the copy's own identity, not its source's: no other client's BSN or besluitnummer in its messages
        andere = {x.bsn for x in clients.values() if x.id != c}
        for r in eigen:
            assert not any(f">{x}<" in r.inhoud.decode() for x in andere)
    assert gecontroleerd >= 6
