"""Synthetic BSNs that pass the elfproef, vectorised, unique and deterministic for a seed.

The claims interface carries a pseudonymised BSN; synthetic data must never look like it could be derived
from a real person, yet tools that validate BSNs must accept it, so every value passes the elfproef
(9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, the check every BSN satisfies). The value ``0`` is
reserved: the analysis treats it as an invalid BSN.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from wlz.bsn import elfproef  # noqa: F401  (re-exported: the one shared check)

_GEWICHT = np.array([9, 8, 7, 6, 5, 4, 3, 2], np.int64)


def generate(aantal: int, seed: int) -> pa.StringArray:
    """``aantal`` distinct 9-digit BSN strings passing the elfproef.

    The first 8 digits run through a bijection of 0..10^8-1 (an affine map with a multiplier coprime to 10),
    so they never repeat; the check digit is the one that makes the elfproef hold, and prefixes whose check
    digit would be 10 are skipped.
    """
    rng = np.random.default_rng([seed, 8_151])
    a = int(rng.integers(10**6, 10**7)) * 10 + 3  # ends in 3: coprime to 10^8
    b = int(rng.integers(0, 10**8))
    out: list[np.ndarray] = []
    start, nodig = 1, aantal
    while nodig > 0:
        i = np.arange(start, start + int(nodig * 1.2) + 64, dtype=np.int64)
        start = int(i[-1]) + 1
        pre = (a * i + b) % 10**8
        digits = (pre[:, None] // 10 ** np.arange(7, -1, -1, dtype=np.int64)) % 10
        check = (digits * _GEWICHT).sum(axis=1) % 11
        ok = (check < 10) & (pre > 0)
        num = pre[ok] * 10 + check[ok]
        out.append(num[:nodig])
        nodig -= min(nodig, num.size)
    nums = np.concatenate(out) if out else np.empty(0, np.int64)
    return pa.array(np.char.zfill(nums.astype("U9"), 9), pa.string())
