"""Synthetic incomes and providers beside the claims: what a client-level policy simulation needs and claims
data do not hold.

Claims carry no income, yet the Wlz eigen bijdrage depends on it (Blz art. 3.3.2.1-3.3.2.4). The generator
therefore writes a separate table ``inkomen.parquet`` (``inkomen.csv`` with ``--formaat csv``), one row per
simulated client and year: ``client_id, jaar, inkomen_peiljaar, bron``. It is a separate file, so the claims
tables stay byte-identical for a seed; it is deterministic per client (a hash of the client's number, no draw
from the generator's random streams) and **synthetic**: a lognormal distribution whose median and spread are
assumptions (``aannames.yaml: inkomen``), chosen as a plausible order of magnitude, not estimated from any
source. Every row's ``bron`` column says so.

Providers: with ``agb=True`` (``wlz genereer --agb``) ``wlz_zin`` gets the optional column ``agb_code``: one
synthetic provider per client (``aannames.yaml: aanbieders``), an 8-digit code starting ``99`` so it cannot be
mistaken for a real AGB code. Off by default, so the default dataset does not change.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from wlz.synthetic.declaratieregels import _hash_u

BRON_INKOMEN = "synthetische aanname (voorbeeld): lognormaal, aannames.yaml inkomen; geen echte inkomens"
AGB_KOLOM = "agb_code"


def _normaal(pid: np.ndarray, salt: int) -> np.ndarray:
    """A standard normal per client (Box-Muller on two hashed uniforms)."""
    u1 = np.maximum(_hash_u(pid, salt), 1e-12)
    u2 = _hash_u(pid, salt + 1)
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2 * np.pi * u2)


def inkomen_tabel(bsn: pa.StringArray, n_clienten: int, jaren: list[int], aannames: dict) -> pa.Table:
    """One row per simulated client (pid 0..n-1) and year: the income of the peiljaar in whole euros."""
    a = aannames["inkomen"]
    pid = np.arange(n_clienten, dtype=np.int64)
    basis = float(a["mediaan"]) * np.exp(float(a["sigma"]) * _normaal(pid, 4242))
    rijen_client, rijen_jaar, rijen_inkomen = [], [], []
    for jaar in jaren:
        groei = (1.0 + float(a["groei_per_jaar"])) ** (jaar - 2019)
        rijen_client.append(pid)
        rijen_jaar.append(np.full(n_clienten, jaar, np.int16))
        rijen_inkomen.append(np.round(basis * groei))
    idx = np.concatenate(rijen_client) if rijen_client else np.empty(0, np.int64)
    return pa.table(
        {
            "client_id": pc.take(bsn, pa.array(idx)),
            "jaar": pa.array(np.concatenate(rijen_jaar) if rijen_jaar else np.empty(0, np.int16)),
            "inkomen_peiljaar": pa.array(np.concatenate(rijen_inkomen) if rijen_inkomen else np.empty(0)),
            "bron": pa.array([BRON_INKOMEN] * idx.size, pa.string()),
        }
    )


def met_agb(t: pa.Table, aantal: int) -> pa.Table:
    """``t`` (a wlz_zin part) with a synthetic provider per client: ``99`` + 6 digits from the client id."""
    nummer = np.asarray(pc.cast(t.column("client_id"), pa.int64()).to_numpy(zero_copy_only=False)) % aantal
    codes = np.char.add("99", np.char.zfill(nummer.astype(str), 6))
    return t.append_column(AGB_KOLOM, pa.array(codes, pa.string()))
