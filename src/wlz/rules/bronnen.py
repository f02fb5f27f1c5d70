"""Legal sources cited by the rules, one constant per article, so each URL is written once.

URLs point at wetten.overheid.nl for the version the shipped texts in ``shared/bronnen/wetgeving`` hold
(Wlz 2015-02-20, Blz 2015-05-29, Rlz 2015-07-27) unless a newer version is named.
"""

from __future__ import annotations


def _wlz(art: str) -> tuple[str, str]:
    return (f"Wlz art. {art}", f"https://wetten.overheid.nl/BWBR0035917/2015-02-20#Artikel{art}")


def _blz(art: str, versie: str = "2015-05-29") -> tuple[str, str]:
    return (f"Blz art. {art}", f"https://wetten.overheid.nl/BWBR0035948/{versie}#Artikel{art}")


def _rlz(art: str) -> tuple[str, str]:
    return (f"Rlz art. {art}", f"https://wetten.overheid.nl/BWBR0036014/2015-07-27#Artikel{art}")


WLZ = _wlz
BLZ = _blz
RLZ = _rlz

WLZ_3_1_1 = _wlz("3.1.1")
WLZ_3_3_2 = _wlz("3.3.2")
WLZ_3_3_3 = _wlz("3.3.3")
RLZ_2_2 = _rlz("2.2")
RLZ_3_2 = _rlz("3.2")
RLZ_5_1 = _rlz("5.1")
RLZ_5_2 = _rlz("5.2")
RLZ_5_3 = _rlz("5.3")
RLZ_5_5 = _rlz("5.5")
RLZ_5_6 = _rlz("5.6")
RLZ_5_7 = _rlz("5.7")
RLZ_5_13 = _rlz("5.13")
RLZ_5_14 = _rlz("5.14")
RLZ_5_15A = _rlz("5.15a")
RLZ_BIJLAGE_C = ("Rlz bijlage C", "https://wetten.overheid.nl/BWBR0036014/2015-07-27#BijlageC")
BLZ_3_2_5 = _blz("3.2.5")

# The policy documents of the seeds (bronnen/seeds) are cited by title and table, as a reader can look them up; a
# URL only where the document's official publication is known (else "": shown as text, not as a link).
SEED_000 = (
    "Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167), tabel 1",
    "https://zoek.officielebekendmakingen.nl/kst-34104-167.html",
)
SEED_002 = ("Kamerbrief maatregelen zorg thuis per 1 juli 2018", "")
SEED_004 = ("NZa-advies behandeling in de Wlz", "")

# --- extra-care schemes (ekt, meerzorg, pab, overbruggingszorg) and the toeslagen reform ---------------------
STCRT_2015_21149 = (
    "Wijziging Rlz van 14 juli 2015 (Stcrt. 2015, 21149): art. 5.3 lid 3 onder d vervalt",
    "https://zoek.officielebekendmakingen.nl/stcrt-2015-21149.html",
)
ILZ_EKT = (
    "Informatie langdurige zorg: Extra kosten thuis (laatste wijziging 1 mei 2019)",
    "https://www.informatielangdurigezorg.nl/jeugd-ekt",
)
ILZ_PAB = (
    "Informatie langdurige zorg: Persoonlijk assistentiebudget (laatste wijziging 31 mei 2019)",
    "https://www.informatielangdurigezorg.nl/persoonlijk-assistentiebudget",
)
REGELHULP_PAB_2020 = (
    "Regelhulp: maximum budget persoonlijke assistentie verhoogd (10 augustus 2020)",
    "https://www.regelhulp.nl/actueel/nieuws/2020/08/10/maximum-budget-persoonlijke-assistentie-verhoogd",
)
OVERBRUGGING_ONL = (
    "Zorggroep ONL: Overbruggingszorg (informatie van een zorgaanbieder, geen regelgeving)",
    "https://zorggroep-onl.nl/overbruggingszorg",
)
OVERBRUGGING_IKWOONLEEFZORG = (
    "Ik woon leef zorg: Overbruggingszorg, wat is dat?",
    "https://www.ikwoonleefzorg.nl/hulp-en-zorg/overbruggingszorg-wat-is-dat",
)
COD981 = ("iWlz codelijst COD981 (Extra kosten thuis)", "iwlz:codelijsten/COD981.md")
COD982 = ("iWlz codelijst COD982 (Toeslag beademing)", "iwlz:codelijsten/COD982.md")
COD983 = ("iWlz codelijst COD983 (Toeslag overig, o.a. 1 = extra overbruggingszorg)", "iwlz:codelijsten/COD983.md")
_KST_34104_167 = "https://zoek.officielebekendmakingen.nl/kst-34104-167.html"
SEED_000_AANBEVELING_6 = ("Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167), aanbeveling 6", _KST_34104_167)
SEED_000_MEERZORG_2016 = (
    "Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167): meerzorg VV en GGZ vanaf 1 januari 2016",
    _KST_34104_167,
)
SEED_000_EKT_LOOPTIJD = (
    "Kamerbrief maatwerk in de Wlz (Kamerstuk 34 104, nr. 167), aanbeveling 2: EKT-beschikking tot maximaal 5 jaar",
    _KST_34104_167,
)
