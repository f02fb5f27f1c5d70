"""Authentication every organisation's service shares: password hashing (argon2), API tokens (stored only as
their SHA-256), the per-process cache of who is behind a token, and the account and token tables.

The tables keep the names and columns they were created with (``gebruikers``, ``api_tokens``); they are
defined here on the context's metadata (``wlz.platform.database.new_metadata``), so one database and one
Alembic history hold them beside the context's tables. A context adds the columns that scope an account in
its own work (the zorgkantoor: a provider's AGB code, a client's file) through ``scope_columns``.

Sessions are revoked per account by its ``session_version`` (see ``wlz.platform.sessions``); a
``service_account`` is a system's account, a kind apart from a person's: it has no password and gets its API
tokens from a beheerder, while a person's tokens are made by that person only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import registry, relationship

from .types import UTCDateTime

#: the column type of the opaque random ids (``new_id``)
ID = sa.String(32)

_hasher = PasswordHasher()
#: verified against when the account does not exist, so a login takes as long either way
_DUMMY_HASH = _hasher.hash("niet-bestaand-account")


def new_id() -> str:
    """A random, opaque identifier (URL-safe), used in URLs instead of anything that identifies a person."""
    return secrets.token_hex(8)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- passwords ------------------------------------------------------------------------------------------------
def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash``; with no hash (unknown account, no password set) a dummy
    hash is checked, so every failure takes about the same time and gives the same answer."""
    try:
        _hasher.verify(stored_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return stored_hash is not None


# --- API tokens -----------------------------------------------------------------------------------------------
TOKEN_PREFIX = "wlz_"


def new_token() -> str:
    """A new API token; shown once to whoever made it, stored only as :func:`token_hash`."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """How a token is stored and looked up: its SHA-256 (the token itself is never stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken:
    """A token for a system. Only its SHA-256 hash is stored; the token is shown once, when made."""

    def __init__(
        self,
        *,
        gebruiker_id: str,
        naam: str,
        token_hash: str,
        aangemaakt_door: str | None = None,
        id: str | None = None,
    ) -> None:
        self.id = id or new_id()
        self.gebruiker_id = gebruiker_id
        #: the account that made the token (``systeem``: the installation's command line)
        self.aangemaakt_door = aangemaakt_door
        self.naam = naam
        self.token_hash = token_hash
        self.aangemaakt_op = now()
        self.ingetrokken_op: dt.datetime | None = None


P = TypeVar("P")

#: seconds a token's actor is kept in a server process (see :class:`TokenCache`)
TOKEN_CACHE_SECONDS = 2.0


class TokenCache(Generic[P]):
    """API token (its SHA-256) -> actor, kept a few seconds in this server process.

    Every API request asks who is behind its token; a system reads hundreds of times a second with the same
    token, and the lookup (a pooled connection and a query) was a fifth of the server's CPU per file read.
    Revoking a token through the service empties this process's cache at once (``clear``, after the commit);
    another server process stops accepting the token within ``ttl`` seconds, the longest a revoked token or a
    deactivated account still works. Only valid tokens are kept: an unknown token is looked up every time.
    """

    def __init__(
        self, ttl: float = TOKEN_CACHE_SECONDS, clock: Callable[[], float] = time.monotonic, maximum: int = 10_000
    ) -> None:
        self.ttl = ttl
        self._clock = clock
        self._maximum = maximum
        self._actors: dict[str, tuple[P, float]] = {}

    def get(self, hash_: str) -> P | None:
        found = self._actors.get(hash_)
        if found is None or found[1] <= self._clock():
            return None
        return found[0]

    def put(self, hash_: str, actor: P) -> None:
        if len(self._actors) >= self._maximum:  # bounded: many distinct tokens only cost lookups
            self._actors.clear()
        self._actors[hash_] = (actor, self._clock() + self.ttl)

    def clear(self) -> None:
        self._actors.clear()


# --- tables ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AuthTables:
    gebruikers: sa.Table
    api_tokens: sa.Table


def define_tables(metadata: sa.MetaData, *scope_columns: sa.Column[Any]) -> AuthTables:
    """The account and API-token tables on ``metadata``; ``scope_columns`` are the context's columns of an
    account (placed after the password hash, where the first migration put them)."""
    gebruikers = sa.Table(
        "gebruikers",
        metadata,
        sa.Column("id", ID, primary_key=True),
        sa.Column("gebruikersnaam", sa.String(100), nullable=False, unique=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("rol", sa.String(20), nullable=False),
        sa.Column("wachtwoord_hash", sa.String(200), nullable=True),
        *scope_columns,
        sa.Column("actief", sa.Boolean, nullable=False),
        sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
        # raised by logout, password or role change and deactivation: every session of the account ends
        # (``wlz.platform.sessions``)
        sa.Column("session_version", sa.Integer, nullable=False, server_default="0"),
        # a system's account (no password, no pages; acts only through API tokens a beheerder makes for it)
        sa.Column("service_account", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    api_tokens = sa.Table(
        "api_tokens",
        metadata,
        sa.Column("id", ID, primary_key=True),
        sa.Column("gebruiker_id", ID, sa.ForeignKey("gebruikers.id"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("aangemaakt_op", UTCDateTime, nullable=False),
        sa.Column("ingetrokken_op", UTCDateTime, nullable=True),
        # who made it (an account id, or ``systeem``); empty for tokens made before this was recorded
        sa.Column("aangemaakt_door", ID, nullable=True),
    )
    return AuthTables(gebruikers, api_tokens)


def map_tokens(mapper_registry: registry, tables: AuthTables, account_class: type) -> None:
    """Map :class:`ApiToken` onto its table; the relationship to the context's account class lets the unit of
    work insert an account before a token made for it in the same transaction."""
    mapper_registry.map_imperatively(
        ApiToken,
        tables.api_tokens,
        properties={"_gebruiker": relationship(account_class, lazy="raise", viewonly=False)},
    )


def token_account_select(tables: AuthTables, *columns: str) -> sa.Select[*tuple[Any, ...]]:
    """The active account behind an unrevoked token (bind parameter ``h``: the token's hash), as one row of
    ``columns`` of the account table: every API request asks this, so one statement, no ORM objects."""
    g, t = tables.gebruikers, tables.api_tokens
    return (
        sa.select(*(g.c[k] for k in columns))
        .join_from(t, g, t.c.gebruiker_id == g.c.id)
        .where(t.c.token_hash == sa.bindparam("h"), t.c.ingetrokken_op.is_(None), g.c.actief.is_(True))
    )
