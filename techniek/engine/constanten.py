"""Classifications of the engine, spelled exactly as PBL's Vesta MAIS key figures spell them.

The order of each tuple is the index order of every array in the engine (axis ``type``,
``periode``, ``label``, ...). Labels run from best to worst; ``N`` is PBL's class for a building
without a registered energy label (its key figures are PBL's statistical average for such
buildings).
"""

from __future__ import annotations

from typing import Final

#: PBL ``type_str`` of existing dwellings (20241112_Woningen_BAG.csv).
WONINGTYPEN: Final = (
    "vrijstaand",
    "2 onder 1 kap",
    "rijwoning hoek",
    "rijwoning tussen",
    "meergezins: laag en midden",
    "meergezins: hoog",
)
#: Dwelling types PBL counts as multi-family (``IsMeergezins`` in Vesta's Classifications.dms).
MEERGEZINS: Final = frozenset({"meergezins: laag en midden", "meergezins: hoog"})
#: PBL's ``IsHoogbouw``: only the high-rise multi-family type.
HOOGBOUW: Final = frozenset({"meergezins: hoog"})

#: PBL ``bouwjaar_str`` of existing dwellings (11 classes).
BOUWPERIODEN: Final = (
    "voor 1930",
    "1930 - 1945",
    "1946 - 1964",
    "1965 - 1974",
    "1975 - 1991",
    "1992 - 1995",
    "1996 - 1999",
    "2000 - 2005",
    "2006 - 2010",
    "2011 - 2014",
    "2015 - 2020",
)

#: Energy labels, best first; ``N`` = no registered label.
LABELS: Final = ("A", "B", "C", "D", "E", "F", "G", "N")
LABEL_INDEX: Final = {label: i for i, label in enumerate(LABELS)}
#: Label notations in registers that the engine reads as PBL's ``A`` (PBL has no A+ classes).
LABEL_SYNONIEMEN: Final = {"A+": "A", "A++": "A", "A+++": "A", "A++++": "A", "A+++++": "A"}

#: PBL ``type_str`` of existing non-residential buildings (20241107_Utiliteiten_BAG.csv).
UTILITEITSFUNCTIES: Final = (
    "Kantoor",
    "Winkel",
    "Gezondheidszorg",
    "Logies",
    "Onderwijs",
    "Industrie",
    "Bijeenkomst",
    "Sport",
    "Overig",
    "Cel",
)
#: PBL ``bouwjaar_str`` of non-residential buildings.
UTILITEIT_BOUWPERIODEN: Final = (
    "0<=1920",
    "1920<=1975",
    "1975<=1990",
    "1990<=1995",
    "1995<=2019",
    "onbekend",
)

#: Label jumps PBL prices for dwellings (``Ki_S<van><naar>_...``): target -> possible origins.
SPRONGEN_WONING: Final = {
    "D": ("G", "F", "E"),
    "C": ("G", "F", "E", "D"),
    "B": ("G", "F", "E", "D", "C"),
}
#: Label jumps PBL prices for non-residential buildings: only to D and to A.
SPRONGEN_UTILITEIT: Final = {
    "D": ("G", "F", "E"),
    "A": ("G", "F", "E", "D", "C", "B"),
}
#: Target labels an alternative may ask for (dwellings). Non-residential buildings go to the
#: nearest PBL jump that reaches at least that label: B and C -> A, D -> D.
DOELLABELS: Final = ("B", "C", "D")
DOELLABEL_UTILITEIT: Final = {"B": "A", "C": "A", "D": "D"}

UREN_PER_JAAR: Final = 8760
GJ_PER_MWH: Final = 3.6

#: Dwellings per building (PBL ``StapelFactor``, Classifications.dms ``WoningtypeBestaand``),
#: in the order of :data:`WONINGTYPEN`; used to count buildings (panden) for per-building costs.
STAPELFACTOR: Final = (1.0, 1.0, 1.0, 1.0, 2.0, 6.0)
