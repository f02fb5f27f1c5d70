"""Bulk IO31 import (issue 9, "at a zorgkantoor's scale"): the same outcome as importing each message alone —
the same rows, the same refusals with their IO32, the same replacement of an earlier decision — with bad files in
quarantine beside a Dutch reason, and the fast reading of a message equal to the generated binding's."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re

import pytest
import sqlalchemy as sa

from wlz import iwlz
from wlz.iwlz import voorbeelden
from wlz.zorgkantoor.adapters import rules_engine
from wlz.zorgkantoor.domain.model import Client
from wlz.zorgkantoor.services import berichten, io31_bulk
from wlz.zorgkantoor.services.actor import SYSTEEM
from wlz.zorgkantoor.storage import orm

pytestmark = pytest.mark.postgres

VORMEN = list(iwlz.Leveringsvorm)


def _keten(i, zzp="808", vorm=iwlz.Leveringsvorm.VERBLIJF):
    return voorbeelden.keten(i, zzp_code=zzp, leveringsvorm=vorm, start=dt.date(2025, 3, 3))


def _xml(i, **kw):
    return iwlz.build_io31(_keten(i, **kw).io31)


def test_reading_a_checked_io31_equals_the_generated_binding():
    """``_lees`` (lxml on the checked tree) gives what ``read_io31`` + ``_client_from_bericht`` give."""
    for i in range(40):
        vorm = VORMEN[i % len(VORMEN)]
        zzp = ("808", "754", "820", "810")[i % 4]
        try:
            data = _xml(i, zzp=zzp, vorm=vorm)
        except (iwlz.BerichtOngeldig, ValueError):
            continue  # a combination the builders refuse
        root = iwlz.parse_xml(data, "IO31")
        snel, fouten = io31_bulk._lees(root)
        assert not fouten
        io31 = iwlz.read_io31(data)
        for item, gelezen in zip(io31.clienten, snel, strict=True):
            c = berichten._client_from_bericht(item.client)
            b = Client(**gelezen["client"])
            assert {k: getattr(b, k) for k in gelezen["client"]} == {k: getattr(c, k) for k in gelezen["client"]}
            assert gelezen["besluitnummer"] == str(item.indicatie.besluitnummer)
            assert gelezen["grondslagen"] == [g.value for g in item.indicatie.grondslagen]
            assert gelezen["ingangsdatum"] == item.indicatie.ingangsdatum
            assert gelezen["einddatum"] == item.indicatie.einddatum


def test_the_end_date_per_profile_equals_the_rules():
    for profiel in ("VG5", "VV5", "LG1", "GGZ-B1", "LVG1", "VV1"):
        for dag in (dt.date(2014, 6, 1), dt.date(2015, 1, 1), dt.date(2025, 3, 3), dt.date(2025, 12, 31)):
            try:
                verwacht = rules_engine.indicatie_einddatum(profiel, dag)
            except KeyError:
                continue
            assert io31_bulk.einddatum(profiel, dag) == verwacht, (profiel, dag)


def _rijen(engine):
    """The case file's rows without their random ids and times, comparable between two databases."""
    with engine.connect() as conn:
        clients = sorted(
            tuple(r)
            for r in conn.execute(sa.select(*(c for c in orm.clients.c if c.name not in ("id", "aangemaakt_op"))))
        )
        inds = sorted(
            tuple(r)
            for r in conn.execute(
                sa.select(*(c for c in orm.indicatiebesluiten.c if c.name not in ("id", "client_id", "aangemaakt_op")))
            )
        )
        b = orm.berichten.c
        berichten_ = sorted(
            (r.soort, r.richting, r.resultaat, r.afzender, r.ontvanger)
            for r in conn.execute(sa.select(b.soort, b.richting, b.resultaat, b.afzender, b.ontvanger))
        )
        t = orm.toegangslog.c
        log = sorted((r.actie, r.onderwerp) for r in conn.execute(sa.select(t.actie, t.onderwerp)))
    return clients, inds, berichten_, log


def _map(tmp_path):
    """A folder as the CIZ would deliver it: good messages, one breaking the XSLT rules (TR015), one for
    another zorgkantoor, a besluitnummer twice, a successor for a client of the folder, and two non-messages."""
    m = tmp_path / "io31"
    m.mkdir()
    goed = [_xml(i) for i in range(6)]
    for i, x in enumerate(goed):
        (m / f"{i:03d}.xml").write_bytes(x)
    # TR015: the zzp begins later than the decision (the XSLT rules refuse it)
    kapot = re.sub(
        rb"(<io31:GeindiceerdZorgzwaartepakket>\s*<io31:ZzpCode>808</io31:ZzpCode>\s*<io31:Ingangsdatum>)(\d{4})",
        rb"\g<1>2099",
        _xml(20),
        count=1,
    )
    (m / "100_tr015.xml").write_bytes(kapot)
    (m / "101_ander.xml").write_bytes(_xml(21).replace(b"<io31:Ontvanger>5509<", b"<io31:Ontvanger>5510<"))
    # the same besluitnummer as 000 for another client: refused by the single import
    zelfde = _keten(22).io31
    eerste = _keten(0).io31
    cl = zelfde.clienten[0]
    dubbel = dataclasses.replace(
        zelfde,
        clienten=(
            dataclasses.replace(
                cl,
                indicatie=dataclasses.replace(cl.indicatie, besluitnummer=eerste.clienten[0].indicatie.besluitnummer),
            ),
        ),
    )
    (m / "102_dubbel.xml").write_bytes(iwlz.build_io31(dubbel))
    # a successor decision for the client of 001 (item 11 through the single import)
    tweede = _keten(1).io31
    cl = tweede.clienten[0]
    ingang = dt.date(2025, 9, 1)
    opvolger = dataclasses.replace(
        tweede,
        identificatie="IO0000000099",
        dagtekening=dt.date(2025, 8, 20),
        clienten=(
            dataclasses.replace(
                cl,
                indicatie=dataclasses.replace(
                    cl.indicatie,
                    besluitnummer=cl.indicatie.besluitnummer + 1,
                    afgiftedatum=dt.date(2025, 8, 20),
                    ingangsdatum=ingang,
                    zorgzwaartepakketten=(
                        dataclasses.replace(cl.indicatie.zorgzwaartepakketten[0], zzp_code="810", ingangsdatum=ingang),
                    ),
                    functies=tuple(dataclasses.replace(f, ingangsdatum=ingang) for f in cl.indicatie.functies),
                ),
            ),
        ),
    )
    (m / "200_opvolger.xml").write_bytes(iwlz.build_io31(opvolger))
    (m / "103_kopie.xml").write_bytes(goed[3])  # the same message twice: TR056 (9056) refuses the copy
    (m / "300_leeg.xml").write_bytes(b"")
    (m / "LEESMIJ.txt").write_text("geen bericht: niet ingelezen", encoding="utf-8")  # only *.xml files count
    (m / "301_doctype.xml").write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    return m


def test_a_folder_in_bulk_gives_the_rows_of_importing_each_message_alone(tmp_path, engine, uow):
    m = _map(tmp_path)
    s = io31_bulk.importeer_map(uow, SYSTEEM, m, workers=1, chunk=4)
    assert s.bestanden == 13 and s.geen_bericht == 2
    assert s.geimporteerd == 7 and s.los_verwerkt == 1 and s.indicaties == 7  # 6 new + the successor
    assert s.geweigerd == 4  # TR015, another zorgkantoor, the besluitnummer twice, the copy (TR056)
    q = sorted(p.name for p in (m / "quarantaine").iterdir())
    assert q == sorted(
        [
            f"{n}{ext}"
            for n in (
                "100_tr015.xml",
                "101_ander.xml",
                "102_dubbel.xml",
                "103_kopie.xml",
                "300_leeg.xml",
                "301_doctype.xml",
            )
            for ext in ("", ".reden.txt")
        ]
    )
    reden = (m / "quarantaine" / "100_tr015.xml.reden.txt").read_text(encoding="utf-8")
    assert "TR015" in reden and "Ingangsdatum" in reden
    assert "niet aan dit zorgkantoor" in (m / "quarantaine" / "101_ander.xml.reden.txt").read_text(encoding="utf-8")
    assert "besluitnummer" in (m / "quarantaine" / "102_dubbel.xml.reden.txt").read_text(encoding="utf-8")
    assert "DOCTYPE" in (m / "quarantaine" / "301_doctype.xml.reden.txt").read_text(encoding="utf-8")
    assert "TR056" in (m / "quarantaine" / "103_kopie.xml.reden.txt").read_text(encoding="utf-8")
    for p in (m / "quarantaine").glob("*.reden.txt"):  # no BSN in a reason
        assert not re.search(r"\b\d{9}\b", p.read_text(encoding="utf-8"))

    # the successor ended the first decision of its client (item 11), as a single import does
    with uow() as u:
        c = u.clients.met_bsn(_keten(1).io31.clienten[0].client.bsn)
        inds = sorted(u.indicaties.van_client(c.id), key=lambda i: i.ingangsdatum)
        assert [i.einddatum for i in inds][0] == dt.date(2025, 8, 31) and inds[1].zorgprofiel == "VG6"

    # the same files one by one through the single import, in another database: the same rows
    from wlz.platform.database import make_engine
    from wlz.zorgkantoor.storage import migrate
    from wlz.zorgkantoor.storage.uow import UnitOfWorkFactory

    if engine.dialect.name != "sqlite":
        pytest.skip("the comparison database is a second SQLite file")
    los_pad = tmp_path / "los.sqlite"
    los_engine = make_engine(f"sqlite:///{los_pad}")
    migrate.upgrade(los_engine)
    los = UnitOfWorkFactory(los_engine)
    for p in sorted(x for x in m.iterdir() if x.is_file()):
        # a refusal is stored by the use case itself (a non-message is not); either raises
        with los(write=True) as u, contextlib.suppress(Exception):
            berichten.import_io31(u, SYSTEEM, p.read_bytes())
    assert _rijen(los_engine) == _rijen(engine)
    los_engine.dispose()


def test_bulk_import_in_worker_processes_gives_the_same_outcome(tmp_path, uow):
    m = tmp_path / "io31"
    m.mkdir()
    for i in range(30, 40):
        (m / f"{i}.xml").write_bytes(_xml(i))
    s = io31_bulk.importeer_map(uow, SYSTEEM, m, workers=2)
    assert s.geimporteerd == 10 and s.indicaties == 10 and not s.quarantaine
    with uow() as u:
        assert u.berichten.aantal("IO31") == 10 and u.berichten.aantal("IO32") == 10
    # every stored IO32 is valid
    with uow() as u:
        for b in u.berichten.lijst(soort="IO32"):
            assert iwlz.validate(b.inhoud).naam == "IO32" and b"<io32:RetourCode>0200</io32:RetourCode>" in b.inhoud


def test_the_bulk_check_gives_the_report_of_iwlz_check(tmp_path):
    """The bulk import's ``_check`` (XSD, then the XSLT set) and ``wlz.iwlz.check`` agree, finding for finding,
    on valid messages and on messages broken in the XSD and in the XSLT rules."""
    goed = _xml(50)
    gevallen = [
        goed,
        re.sub(rb"<io31:Bsn>\d{9}</io31:Bsn>", b"<io31:Bsn>123456789</io31:Bsn>", goed, count=1),  # CS002
        re.sub(rb"(<io31:Geboortedatum>\s*<io31:Datum>)\d{4}", rb"\g<1>1850", goed, count=1),  # TR002
        goed.replace(b"<io31:Bsn>", b"<io31:GeheimeClient>1</io31:GeheimeClient><io31:Bsn>", 1),  # XSD
        re.sub(rb"<io31:ZzpCode>\d+</io31:ZzpCode>", b"<io31:ZzpCode>123</io31:ZzpCode>", goed, count=1),  # XSD enum
    ]
    for data in gevallen:
        root = iwlz.parse_xml(data, "IO31")
        assert io31_bulk._check(root, "IO31") == iwlz.check(data, "IO31")
    assert any(not iwlz.check(d, "IO31").valid for d in gevallen[1:3])
