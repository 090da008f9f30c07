"""The results of a plan's alternatives as a CSV or Excel file (pandas; no database).

One row per alternative × price path × indicator in the CSV, with the unit in its own column,
so a spreadsheet can filter and pivot. The workbook adds the cost items, the energy per carrier,
the load-duration curves, the winter week hour by hour, the assumptions and an explanation. An
empty cell means unknown (or not calculated), never 0. The file format is the core's
(:mod:`wup.exports`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from techniek.weergave import ENERGIEDRAGERS, GROEPEN, KOSTENPOSTEN, SCENARIOS, Uitkomst, waarde
from wup import exports

INDICATORKOLOMMEN = (
    "Alternatief",
    "Sjabloon",
    "Prijspad",
    "Groep",
    "Indicator",
    "Sleutel",
    "Eenheid",
    "Waarde",
    "Verouderd",
)


def indicatoren_frame(uitkomsten: Sequence[Uitkomst]) -> pd.DataFrame:
    rijen = [
        {
            "Alternatief": u.naam,
            "Sjabloon": u.sjabloon,
            "Prijspad": scenario,
            "Groep": str(g.titel),
            "Indicator": str(i.titel),
            "Sleutel": i.sleutel,
            "Eenheid": i.eenheid,
            "Waarde": waarde(u, i.sleutel, scenario),
            "Verouderd": "ja" if u.verouderd else "nee",
        }
        for u in uitkomsten
        if u.berekend
        for scenario in SCENARIOS
        for g in GROEPEN
        for i in g.indicatoren
    ]
    frame = pd.DataFrame(rijen, columns=list(INDICATORKOLOMMEN))
    frame["Waarde"] = frame["Waarde"].astype("float64")
    return frame


def _kostenposten(uitkomsten: Sequence[Uitkomst]) -> pd.DataFrame:
    kolommen = [
        "Alternatief",
        "Kostenpost",
        "Startanalyse-indicator",
        "Soort kosten",
        "Investering (euro)",
        "Levensduur (jaar)",
        "Kapitaallasten (euro per jaar)",
        "Onderhoud (euro per jaar)",
    ]
    rijen = [
        [
            u.naam,
            k.get("post"),
            k.get("groep"),
            str(KOSTENPOSTEN.get(k.get("groep", ""), "")),
            k.get("investering_eur"),
            k.get("looptijd_jaar"),
            k.get("kapitaallasten_eur_jaar"),
            k.get("onderhoud_eur_jaar"),
        ]
        for u in uitkomsten
        for k in u.samenvatting.get("kosten") or []
    ]
    return pd.DataFrame(rijen, columns=kolommen)


def _energie(uitkomsten: Sequence[Uitkomst]) -> pd.DataFrame:
    rijen = [
        [u.naam, str(naam), (u.samenvatting.get("energie_gj") or {}).get(sleutel)]
        for u in uitkomsten
        if u.berekend
        for sleutel, naam in ENERGIEDRAGERS.items()
    ]
    return pd.DataFrame(rijen, columns=["Alternatief", "Energiedrager", "GJ per jaar"])


def _duurkrommen(uitkomsten: Sequence[Uitkomst]) -> pd.DataFrame:
    rijen = [
        [u.naam, uur, mw]
        for u in uitkomsten
        for uur, mw in zip(
            (u.reeksen.get("belastingduurkromme") or {}).get("uur", []),
            (u.reeksen.get("belastingduurkromme") or {}).get("mw", []),
            strict=True,
        )
    ]
    return pd.DataFrame(rijen, columns=["Alternatief", "Uur (gesorteerd)", "Warmtelast (MW)"])


WEEKREEKSEN = {
    "vraag": "Warmtevraag (MW)",
    "basis": "Basisbron (MW)",
    "piek": "Piekketel (MW)",
    "ontladen": "Uit de opslag (MW)",
    "laden": "In de opslag (MW)",
    "elektriciteit": "Elektriciteitsvraag (MW)",
}


def _winterweek(uitkomsten: Sequence[Uitkomst]) -> pd.DataFrame:
    rijen = []
    for u in uitkomsten:
        week = u.reeksen.get("winterweek") or {}
        eerste = week.get("eerste_uur", 0)
        for j in range(len(week.get("vraag") or [])):
            rijen.append(
                [u.naam, eerste + j + 1]
                + [(week.get(k) or [None] * (j + 1))[j] for k in WEEKREEKSEN]
            )
    return pd.DataFrame(rijen, columns=["Alternatief", "Uur van het jaar", *WEEKREEKSEN.values()])


def als_csv(uitkomsten: Sequence[Uitkomst]) -> bytes:
    return exports.als_csv(indicatoren_frame(uitkomsten))


def als_excel(
    uitkomsten: Sequence[Uitkomst], *, plannaam: str, parameterset: str, aannames: Sequence[str]
) -> bytes:
    niet_berekend = [u.naam for u in uitkomsten if not u.berekend]
    toelichting = [
        ("Wijkplan", plannaam),
        ("Parameterset", parameterset),
        (
            "Methode",
            "Rekenkern van het platform: jaarvraag volgens Vesta MAIS (PBL, Startanalyse 2025), "
            "uur voor uur gekoppeld aan het weerjaar van KNMI De Bilt; nationale kosten zoals "
            "de indicatoren van de Startanalyse (K01-K17, H15-H18).",
        ),
        ("Prijspaden", ", ".join(f"{k} ({v})" for k, v in SCENARIOS.items())),
        ("Lege vakjes", "Een leeg vakje betekent: onbekend of niet berekend, nooit 0."),
    ]
    if niet_berekend:
        toelichting.append(("Nog niet doorgerekend", ", ".join(niet_berekend)))
    return exports.als_excel(
        {
            "Indicatoren": indicatoren_frame(uitkomsten),
            "Kostenposten": _kostenposten(uitkomsten),
            "Energie": _energie(uitkomsten),
            "Belastingduurkromme": _duurkrommen(uitkomsten),
            "Winterweek": _winterweek(uitkomsten),
            "Aannames": pd.DataFrame({"Aanname": list(aannames)}),
            "Toelichting": pd.DataFrame(toelichting, columns=["Onderwerp", "Toelichting"]),
        }
    )
