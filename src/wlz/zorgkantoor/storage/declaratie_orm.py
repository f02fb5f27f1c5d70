"""Tables of the declarations (zorginkoop part B): import batches, the work table the set-based check
runs on, accepted lines and refused lines.

Every line of an imported file ends up in exactly one of ``declaratie_regels`` (accepted) and
``declaratie_weigeringen`` (refused, with the Dutch reason code and text; a malformed row is refused with the
field that is wrong, code ``D01``). ``declaratie_invoer`` is a work table: it holds a file's lines only while
its import transaction runs (the checks are ``UPDATE``/``INSERT … SELECT`` statements over it), and is empty
between imports. The ledger (``persoonsvolgende bekostiging``) and the reports are read from the accepted lines
(``maand`` and ``regio`` are stored on each accepted line so they group without date functions that differ per
database).

``declaratie_regels`` carries no foreign keys: its ids (client, toewijzing, contract prestatie, voucher, batch)
are exactly what the check found in the same transaction, and a key check per row made filing a million accepted
lines several times slower (PostgreSQL checks each key with a trigger per row). ``declaratie_invoer`` is
UNLOGGED on PostgreSQL (set by migration 0007): a work table whose rows never outlive the transaction that wrote
them needs no WAL.

Defined on the zorgkantoor's metadata (``orm.metadata``); migration ``0007`` creates them.
"""

from __future__ import annotations

import sqlalchemy as sa

from wlz.platform.auth import ID
from wlz.platform.types import UTCDateTime

from .orm import metadata

#: an integer key that autoincrements on both databases (SQLite only does so for INTEGER PRIMARY KEY)
LINE_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

declaratie_batches = sa.Table(
    "declaratie_batches",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("agb_code", sa.String(8), nullable=False, index=True),
    sa.Column("bestandsnaam", sa.String(200), nullable=False),
    sa.Column("formaat", sa.String(8), nullable=False),
    sa.Column("ingelezen_door", ID, nullable=False),
    sa.Column("ingelezen_op", UTCDateTime, nullable=False),
    sa.Column("aantal_regels", sa.Integer, nullable=False),
    sa.Column("aantal_geaccepteerd", sa.Integer, nullable=False),
    sa.Column("aantal_geweigerd", sa.Integer, nullable=False),
    sa.Column("bedrag_geaccepteerd_cent", sa.BigInteger, nullable=False),
)

#: the lines of one file while its import runs (typed where readable; ``reden`` the first check it fails)
declaratie_invoer = sa.Table(
    "declaratie_invoer",
    metadata,
    sa.Column("batch_id", ID, primary_key=True),
    sa.Column("volgnummer", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("regelnummer", sa.BigInteger, nullable=True),
    sa.Column("client_id", sa.String(40), nullable=True),
    sa.Column("bsn", sa.String(20), nullable=True),
    sa.Column("agb_code", sa.String(20), nullable=True),
    sa.Column("prestatiecode", sa.String(20), nullable=True),
    sa.Column("begindatum", sa.Date, nullable=True),
    sa.Column("einddatum", sa.Date, nullable=True),
    sa.Column("aantal", sa.BigInteger, nullable=True),
    sa.Column("bedrag_cent", sa.BigInteger, nullable=True),
    sa.Column("zzp_code", sa.String(20), nullable=True),
    sa.Column("maand", sa.String(7), nullable=True),
    sa.Column("ruw", sa.Text, nullable=True),
    # filled by the checks
    sa.Column("client_ref", ID, nullable=True),
    sa.Column("toewijzing_id", ID, nullable=True),
    sa.Column("prestatie_id", ID, nullable=True),
    sa.Column("tarief_cent", sa.BigInteger, nullable=True),
    sa.Column("regio", sa.String(40), nullable=True),
    sa.Column("voucher_id", ID, nullable=True),
    # the leveringsvorm of the toewijzing found and of the contract prestatie found (D11, migration 0011)
    sa.Column("leveringsvorm", sa.String(10), nullable=True),
    sa.Column("prestatie_leveringsvorm", sa.String(10), nullable=True),
    sa.Column("reden", sa.String(4), nullable=True),
    sa.Column("melding", sa.String(300), nullable=True),
)
# the double-declaration check within one file
sa.Index(
    "ix_declaratie_invoer_dubbel",
    declaratie_invoer.c.batch_id,
    declaratie_invoer.c.client_ref,
    declaratie_invoer.c.prestatiecode,
    declaratie_invoer.c.maand,
)

declaratie_regels = sa.Table(
    "declaratie_regels",
    metadata,
    sa.Column("id", LINE_ID, primary_key=True, autoincrement=True),
    sa.Column("batch_id", ID, nullable=False, index=True),
    sa.Column("volgnummer", sa.Integer, nullable=False),
    sa.Column("regelnummer", sa.BigInteger, nullable=False),
    sa.Column("agb_code", sa.String(8), nullable=False),
    sa.Column("client_id", ID, nullable=False),
    sa.Column("prestatiecode", sa.String(20), nullable=False),
    sa.Column("begindatum", sa.Date, nullable=False),
    sa.Column("einddatum", sa.Date, nullable=False),
    sa.Column("aantal", sa.BigInteger, nullable=False),
    sa.Column("bedrag_cent", sa.BigInteger, nullable=False),
    sa.Column("zzp_code", sa.String(20), nullable=True),
    #: the month of ``begindatum`` (``2019-03``): the ledger's month
    sa.Column("maand", sa.String(7), nullable=False),
    #: the region of the contract that covered the line
    sa.Column("regio", sa.String(40), nullable=False),
    sa.Column("toewijzing_id", ID, nullable=False),
    sa.Column("prestatie_id", ID, nullable=False),
    sa.Column("tarief_cent", sa.BigInteger, nullable=False),
    sa.Column("voucher_id", ID, nullable=True, index=True),
)
# the double-declaration check and the provider's own list
sa.Index(
    "ix_declaratie_regels_dubbel",
    declaratie_regels.c.client_id,
    declaratie_regels.c.agb_code,
    declaratie_regels.c.prestatiecode,
    declaratie_regels.c.maand,
)
# the ledger: per provider and month
sa.Index("ix_declaratie_regels_grootboek", declaratie_regels.c.agb_code, declaratie_regels.c.maand)

declaratie_weigeringen = sa.Table(
    "declaratie_weigeringen",
    metadata,
    sa.Column("id", LINE_ID, primary_key=True, autoincrement=True),
    sa.Column("batch_id", ID, sa.ForeignKey("declaratie_batches.id"), nullable=False, index=True),
    sa.Column("volgnummer", sa.Integer, nullable=False),
    sa.Column("agb_code", sa.String(8), nullable=False, index=True),
    sa.Column("reden_code", sa.String(4), nullable=False),
    sa.Column("reden", sa.String(300), nullable=False),
    # the line as delivered: typed where it could be read, the raw fields of a malformed row in ``ruw``
    sa.Column("regelnummer", sa.BigInteger, nullable=True),
    sa.Column("client_id", sa.String(40), nullable=True),
    sa.Column("bsn", sa.String(20), nullable=True),
    sa.Column("prestatiecode", sa.String(20), nullable=True),
    sa.Column("begindatum", sa.Date, nullable=True),
    sa.Column("einddatum", sa.Date, nullable=True),
    sa.Column("aantal", sa.BigInteger, nullable=True),
    sa.Column("bedrag_cent", sa.BigInteger, nullable=True),
    sa.Column("zzp_code", sa.String(20), nullable=True),
    sa.Column("ruw", sa.Text, nullable=True),
)

DECLARATIE_TABLES = (declaratie_batches, declaratie_invoer, declaratie_regels, declaratie_weigeringen)
