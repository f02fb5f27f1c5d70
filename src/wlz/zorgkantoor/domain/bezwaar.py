"""Objection to a decision (bezwaar), as every decision letter states it.

Six weeks (Awb art. 6:7), starting the day after the letter was sent (Awb art. 6:8), to the body that decided
(Awb art. 6:4 lid 1), with name, address, date, the decision and the reasons (Awb art. 6:5).
"""

from __future__ import annotations

BEZWAAR_WEKEN = 6
BEZWAAR_BRONNEN = [
    {"titel": "Algemene wet bestuursrecht, artikel 6:7 (termijn zes weken)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:7"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:8 (begin van de termijn)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:8"},
    {"titel": "Algemene wet bestuursrecht, artikel 6:5 (wat in het bezwaarschrift staat)", "url": "https://wetten.overheid.nl/BWBR0005537/#Hoofdstuk6_Afdeling6.2_Artikel6:5"},
]  # fmt: skip
