"""The indicators of a plan area as a CSV or Excel file, with units and source in the file.

Pure (pandas + openpyxl, no database). Column names are Dutch. An empty cell means: unknown
(CBS has no figure, or keeps it secret); it is never written as 0.

The file format (Dutch CSV habits, formula-safe text) is the core's: :mod:`wup.exports`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from wijktoets.indicatoren import LICENTIE, Indicator, Indicatoren
from wup import exports

KOLOMMEN = (
    "Jaar",
    "Groep",
    "Indicator",
    "Eenheid",
    "Plangebied",
    "Gemeente",
    "Nederland",
    "Vergelijking met de gemeente",
    "Vergelijking met Nederland",
    "Dekking plangebied",
    "Berekening plangebied",
    "Sleutel",
    "Bron",
)


def eenheid_van(indicator: Indicator) -> str:
    """The unit as shown in tables and files ("aantal" for counts)."""
    return "aantal" if indicator.definitie.is_telling else indicator.eenheid


def _getal(indicator: Indicator, waarde: float | None) -> float | None:
    if waarde is None:
        return None
    afgerond = round(waarde, indicator.decimalen)
    return float(afgerond)


def _vergelijking(indicator: Indicator, met: str) -> str | None:
    uitkomst = getattr(indicator, f"vergelijking_{met}")
    return None if uitkomst is None else str(uitkomst)


def indicatoren_frame(uitkomst: Indicatoren) -> pd.DataFrame:
    """One row per indicator, the columns of :data:`KOLOMMEN`."""
    rijen = [
        {
            "Jaar": uitkomst.jaar,
            "Groep": groep.naam,
            "Indicator": i.titel,
            "Eenheid": eenheid_van(i),
            "Plangebied": _getal(i, i.plangebied),
            "Gemeente": _getal(i, i.gemeente),
            "Nederland": _getal(i, i.nederland),
            "Vergelijking met de gemeente": _vergelijking(i, "gemeente"),
            "Vergelijking met Nederland": _vergelijking(i, "nederland"),
            "Dekking plangebied": i.dekking.tekst,
            "Berekening plangebied": i.weging + (" (benadering)" if i.benadering else ""),
            "Sleutel": i.sleutel,
            "Bron": uitkomst.bron,
        }
        for groep in uitkomst.groepen
        for i in groep.indicatoren
    ]
    frame = pd.DataFrame(rijen, columns=list(KOLOMMEN))
    for kolom in ("Plangebied", "Gemeente", "Nederland"):
        frame[kolom] = frame[kolom].astype("float64")
    return frame


def als_csv(uitkomst: Indicatoren) -> bytes:
    return exports.als_csv(indicatoren_frame(uitkomst))


def _toelichting(uitkomst: Indicatoren, plannaam: str) -> pd.DataFrame:
    regels: list[tuple[str, str]] = [
        ("Wijkplan", plannaam),
        ("Gemeente", f"{uitkomst.gemeentenaam} ({uitkomst.gemeentecode})"),
        (
            "Buurten van het plangebied",
            ", ".join(f"{naam} ({code})" for code, naam in uitkomst.buurten.items()),
        ),
        ("Jaar", "" if uitkomst.jaar is None else str(uitkomst.jaar)),
        ("Bron", uitkomst.bron or "CBS, Kerncijfers wijken en buurten"),
        ("Licentie", f"{LICENTIE}: vermeld bij hergebruik de bron (CBS)."),
        (
            "Lege vakjes",
            "Een leeg vakje betekent: onbekend. Het CBS heeft dan geen cijfer, of houdt het "
            "geheim omdat het om te weinig woningen of huishoudens gaat.",
        ),
        (
            "Plangebied",
            "Aantallen zijn opgeteld over de buurten. Percentages en gemiddelden zijn gewogen "
            "naar waar ze over gaan (woningen, huishoudens of inwoners); de kolommen 'Dekking' "
            "en 'Berekening' zeggen per cijfer op hoeveel buurten het rust en hoe het is "
            "gewogen.",
        ),
    ]
    if uitkomst.buurten_zonder_gegevens:
        regels.append(
            (
                "Buurten zonder cijfers",
                ", ".join(
                    f"{uitkomst.buurten.get(c, c)} ({c})" for c in uitkomst.buurten_zonder_gegevens
                ),
            )
        )
    if uitkomst.energiearmoede is not None:
        regels.append(("Energiearmoede: regel", uitkomst.energiearmoede.regel))
    return pd.DataFrame(regels, columns=["Onderwerp", "Toelichting"])


def _energiearmoede(uitkomst: Indicatoren) -> pd.DataFrame:
    ea = uitkomst.energiearmoede
    gebieden: Sequence = () if ea is None else (*ea.buurten, ea.plangebied)
    return pd.DataFrame(
        [
            {
                "Buurt": g.naam,
                "Buurtcode": g.code,
                "Huishoudens met een laag inkomen (%)": g.laag_inkomen_pct,
                "Gemiddeld aardgasverbruik (m³)": g.aardgas_m3,
                "Signaal": str(g.signaal),
                "Waarom": g.reden,
            }
            for g in gebieden
        ],
        columns=[
            "Buurt",
            "Buurtcode",
            "Huishoudens met een laag inkomen (%)",
            "Gemiddeld aardgasverbruik (m³)",
            "Signaal",
            "Waarom",
        ],
    )


def _trends(uitkomst: Indicatoren) -> pd.DataFrame:
    rijen = [
        {
            "Indicator": t.titel,
            "Eenheid": "aantal" if t.is_telling else t.eenheid,
            "Jaar": jaar,
            "Plangebied": p,
            "Gemeente": g,
            "Nederland": n,
        }
        for t in uitkomst.trends
        for jaar, p, g, n in zip(t.jaren, t.plangebied, t.gemeente, t.nederland, strict=True)
    ]
    return pd.DataFrame(
        rijen, columns=["Indicator", "Eenheid", "Jaar", "Plangebied", "Gemeente", "Nederland"]
    )


def als_excel(uitkomst: Indicatoren, plannaam: str) -> bytes:
    """A workbook with the indicators, energy poverty per buurt, trends and an explanation."""
    return exports.als_excel(
        {
            "Indicatoren": indicatoren_frame(uitkomst),
            "Energiearmoede": _energiearmoede(uitkomst),
            "Ontwikkeling": _trends(uitkomst),
            "Toelichting": _toelichting(uitkomst, plannaam),
        }
    )
