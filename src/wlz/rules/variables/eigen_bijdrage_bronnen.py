"""Legal sources of the eigen bijdrage (Blz hoofdstuk 3 § 3; Rlz hoofdstuk 4), one constant per article.

Kept beside the eigen bijdrage rules (not in ``wlz.rules.bronnen``) so this scheme's citations change with it.
The Blz changed much between 2015 and 2025 (the mpt moved into the lage bijdrage, 10% instead of 12,5%, four
instead of six first months, a compensation for the lost ouderentoeslag), so the 2025 and 2026 texts are cited
next to the 2015 one.
"""

from __future__ import annotations

from wlz.rules.bronnen import BLZ, RLZ


def blz_2025(art: str) -> tuple[str, str]:
    """A Blz article in the version of 1 January 2025 (shared/bronnen/wetgeving/regelrecht)."""
    return (f"Blz art. {art} (versie 2025)", f"https://wetten.overheid.nl/BWBR0035948/2025-01-01#Artikel{art}")


def blz_2026(art: str) -> tuple[str, str]:
    """A Blz article in the version of 1 April 2026 (shared/bronnen/wetgeving/regelrecht)."""
    return (f"Blz art. {art} (versie 2026)", f"https://wetten.overheid.nl/BWBR0035948/2026-04-01#Artikel{art}")


BLZ_1_1_1 = BLZ("1.1.1")
BLZ_3_3_1_1 = BLZ("3.3.1.1")
BLZ_3_3_1_2 = BLZ("3.3.1.2")
BLZ_3_3_1_3 = BLZ("3.3.1.3")
BLZ_3_3_1_4 = BLZ("3.3.1.4")
BLZ_3_3_1_7 = BLZ("3.3.1.7")
BLZ_3_3_2_1 = BLZ("3.3.2.1")
BLZ_3_3_2_2 = BLZ("3.3.2.2")
BLZ_3_3_2_3 = BLZ("3.3.2.3")
BLZ_3_3_2_4 = BLZ("3.3.2.4")
BLZ_3_3_2_9 = BLZ("3.3.2.9")
BLZ_3_3_3_1 = BLZ("3.3.3.1")
BLZ_3_3_3_2 = BLZ("3.3.3.2")
BLZ19_3_3_1_2A = (
    "Blz art. 3.3.1.2a (versie 2019)",
    "https://wetten.overheid.nl/BWBR0035948/2019-01-01#Artikel3.3.1.2a",
)
BLZ18_3_3_2_4A = (
    "Blz art. 3.3.2.4a (versie 2018)",
    "https://wetten.overheid.nl/BWBR0035948/2018-01-01#Artikel3.3.2.4a",
)
BLZ25_3_3_1_2A = blz_2025("3.3.1.2a")
BLZ25_3_3_2_2 = blz_2025("3.3.2.2")
BLZ25_3_3_2_2A = blz_2025("3.3.2.2a")
BLZ25_3_3_2_3 = blz_2025("3.3.2.3")
BLZ25_3_3_2_4 = blz_2025("3.3.2.4")
BLZ25_3_3_2_4A = blz_2025("3.3.2.4a")
BLZ26_3_3_1_2 = blz_2026("3.3.1.2")
RLZ_4_1 = RLZ("4.1")
RLZ_4_3 = RLZ("4.3")
RLZ_4_5 = RLZ("4.5")
