"""Read models of the hot API reads: the columns each answer is made of, owned by the query side.

The client list, a client's file and the work list are read as plain rows of exactly these columns (see
``repository._core``) and answered as they come (``api.antwoord.JsonAntwoord``), without ORM objects and
without a second validation: that is what keeps the service at hundreds of reads a second. The API's response
models (``api.schemas``) document the same shapes; ``tests/zorgkantoor/test_read_models.py`` checks that each
response model has exactly these fields, in this order.
"""

from __future__ import annotations

#: the client list (``GET /api/clients``)
CLIENT_LIST: tuple[str, ...] = ("id", "voornamen", "achternaam", "geboortedatum")

#: a client's file (``GET /api/clients/{id}``): per part of the file, its columns
CLIENT_FILE: dict[str, tuple[str, ...]] = {
    "client": (
        "id", "bsn", "voornamen", "achternaam", "geboortedatum", "straat", "huisnummer", "postcode", "woonplaats",
        "partner",
    ),
    "indicaties": (
        "id", "besluitnummer", "zorgprofiel", "cod163", "grondslagen", "ingangsdatum", "einddatum", "bron",
        "ingetrokken_per", "vervangen_door",
    ),
    "keuzes": ("id", "leveringsvorm", "ingangsdatum", "geaccepteerd", "toets"),
    "toewijzingen": (
        "id", "client_id", "indicatie_id", "agb_code", "leveringsvorm", "zorgprofiel", "functie", "klasse", "van",
        "tot", "status", "aanvang_zorg", "einde_zorg", "einde_reden",
    ),
    "aanvragen": ("id", "client_id", "status", "ingediend_op", "termijn", "verlengd_tot", "uitkomst"),
}  # fmt: skip

#: the work list (``GET /api/aanvragen``): the short form of a request, as in a client's file
WORK_LIST: tuple[str, ...] = CLIENT_FILE["aanvragen"]
