"""Small iWlz code lists the case process uses, with their source.

Zorgprofielen (COD163), grondslagen (COD736) and leveringsvormen (COD578) are NOT written here: they come from
``wlz.reference``, the single place for them.
Sources: iWlz code lists in ``../shared/iwlz/codelijsten`` (iStandaarden, iWlz 2.2): COD736 (grondslag),
COD732 (functie), COD756 (klasse).
"""

from __future__ import annotations

from wlz.reference import grondslag, leveringsvorm

#: COD736 Grondslag zorg (code → label), from ``wlz.reference.grondslag``
GRONDSLAGEN: dict[str, str] = grondslag.labels()

#: COD732 Functie (for a zorgtoewijzing of functions and classes: mpt, or vpt/verblijf extras)
FUNCTIES: dict[str, str] = {
    "21": "Huishoudelijke hulp",
    "31": "Persoonlijke verzorging",
    "41": "Verpleging",
    "61": "Behandeling algemeen",
    "62": "Behandeling met verblijf",
    "63": "Behandeling individueel",
    "64": "Behandeling in groepsverband",
    "71": "Verblijf tijdelijk",
    "81": "Begeleiding individueel",
    "82": "Begeleiding in groepsverband",
    "91": "ADL-assistentie",
}

#: COD756 Klasse: K0..K8 hours per week; KD01..KD12 dagdelen per week; 99 not applicable
KLASSEN: tuple[str, ...] = ("99", *(f"K{i}" for i in range(9)), *(f"KD{i:02d}" for i in range(1, 13)))

#: Leveringsvormen of the Wlz (code → label), from ``wlz.reference.leveringsvorm``
LEVERINGSVORMEN: dict[str, str] = leveringsvorm.labels()

#: Leveringsvormen for care at home: the doelmatigheidstoets (Wlz art. 3.3.3 lid 4) runs before acceptance.
THUIS: frozenset[str] = leveringsvorm.thuis()

#: The extra-care schemes one intake covers.
REGELINGEN: dict[str, str] = {
    "ekt": "Extra kosten thuis",
    "meerzorg": "Meerzorg",
    "pab": "Persoonlijk assistentiebudget",
    "overbruggingszorg": "Overbruggingszorg",
}
