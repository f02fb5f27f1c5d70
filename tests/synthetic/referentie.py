"""A small, independent implementation of the client-month method of the claims analysis, for the calibration tests.

Written from the method's description (not from the generator or the pipeline): corrections 1-3, client-months, the
"last declared" classification, sector/profile from the last element with a known COD163 code, weighted
clients = months / 12. Malformed rows (einddatum < begindatum, unknown prestatiecode) are left out, as the
analysis quarantines them. Only what the calibration needs; the real analysis is ``wlz analyse``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from wlz import reference


def _codes() -> pd.DataFrame:
    rows = [
        (z.cod163, z.hoofdsector, z.sector, z.nummer)
        for z in reference.zorgprofielen().values()
        if z.hoofdsector in ("ghz", "vv")
    ]
    return pd.DataFrame(rows, columns=["code", "hoofdsector", "subsector", "nummer"])


SQL = """
with w as (
  select z.*, k.rol, k.leveringsvorm lv, k.behandeling beh, k.zzp_code k_zzp
  from read_parquet('{d}/wlz_zin.parquet') z join read_parquet('{d}/prestatiecodes.parquet') k using (prestatiecode)
  where z.bedrag > 0 and z.client_id <> '0' and k.rol <> 'uitgesloten' and z.einddatum >= z.begindatum
),
p as (
  select * from read_parquet('{d}/pgb.parquet') where bedrag > 0 and client_id <> '0' and einddatum >= begindatum
),
k as (
  select client_id, date_trunc('month', begindatum) m, begindatum eff, einddatum, 1 src, regelnummer, rol,
         case when rol = 'basis' then lv || '_' || beh else 'mpt' end cat,
         case when rol = 'basis' then coalesce(k_zzp, zzp_code) else zzp_code end code
  from w where rol in ('basis', 'module', 'behandeling_module')
  union all
  select client_id, g.m, greatest(begindatum, g.m), einddatum, 0, regelnummer, 'pgb', 'pgb', zzp_code
  from p, unnest(generate_series(date_trunc('month', begindatum), date_trunc('month', einddatum),
                                 interval 1 month)) g(m)
),
f as (
  select client_id, m, bool_or(rol = 'basis') has_basis, bool_or(rol in ('module', 'behandeling_module')) has_mod
  from k group by all
),
kk as (
  select k.*, f.has_basis, f.has_mod from k join f using (client_id, m)
  where not (f.has_basis and k.rol = 'behandeling_module')
),
lv as (
  select client_id, m,
         case when has_basis then cat when has_mod then 'mpt' else 'pgb' end leveringsvorm
  from kk qualify row_number() over (partition by client_id, m
                                     order by eff desc, einddatum desc, src desc, regelnummer desc) = 1
),
sp as (
  select client_id, m, c.hoofdsector, c.subsector, c.nummer
  from kk join codes c on kk.code = c.code
  qualify row_number() over (partition by client_id, m
                             order by eff desc, einddatum desc, src desc, regelnummer desc) = 1
)
select year(m) jaar, hoofdsector, subsector, nummer, leveringsvorm, count(*) maanden,
       count(distinct client_id) uniek
from lv join sp using (client_id, m)
group by all
"""


def client_maanden(map_: Path) -> pd.DataFrame:
    """Client-months per (jaar, hoofdsector, subsector, nummer, leveringsvorm) of a generated folder."""
    con = duckdb.connect()
    con.register("codes", _codes())
    return con.execute(SQL.format(d=str(map_))).df()
