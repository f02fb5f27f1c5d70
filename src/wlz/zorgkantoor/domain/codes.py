"""Small iWlz code lists the case process uses, with their source.

Zorgprofielen (COD163) are NOT here: they come from ``wlz.reference``, the single place for them.
Sources: iWlz code lists in ``../shared/iwlz/codelijsten`` (iStandaarden, iWlz 2.2): COD736 (grondslag),
COD732 (functie), COD756 (klasse).
"""

from __future__ import annotations

#: COD736 Grondslag zorg
GRONDSLAGEN: dict[str, str] = {
    "01": "Somatische ziekte/aandoening",
    "02": "Psychogeriatrische ziekte/aandoening",
    "03": "Psychiatrische aandoening, psychische stoornis",
    "04": "Lichamelijke handicap",
    "05": "Verstandelijke handicap",
    "06": "Zintuiglijke handicap",
    "07": "Psychosociale problemen",
}

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

#: Leveringsvormen of the Wlz (Wlz art. 3.3.2 - 3.3.3; https://wetten.overheid.nl/BWBR0035917/#Hoofdstuk3)
LEVERINGSVORMEN: dict[str, str] = {
    "verblijf": "Verblijf in een instelling",
    "vpt": "Volledig pakket thuis (vpt)",
    "mpt": "Modulair pakket thuis (mpt)",
    "pgb": "Persoonsgebonden budget (pgb)",
    "mpt_pgb": "Combinatie van mpt en pgb",
}

#: Leveringsvormen for care at home: the doelmatigheidstoets (Wlz art. 3.3.3 lid 4) runs before acceptance.
THUIS: frozenset[str] = frozenset({"vpt", "mpt", "pgb", "mpt_pgb"})

#: The extra-care schemes one intake covers (issue 4, point 3).
REGELINGEN: dict[str, str] = {
    "ekt": "Extra kosten thuis",
    "meerzorg": "Meerzorg",
    "pab": "Persoonlijk assistentiebudget",
    "overbruggingszorg": "Overbruggingszorg",
}
