"""The indicators of a plan area as a CSV or Excel file, with units and source in the file.

Pure (pandas + openpyxl, no database). Column names are Dutch. An empty cell means: unknown
(CBS has no figure, or keeps it secret); it is never written as 0.

The CSV follows Dutch spreadsheet habits: semicolon-separated, decimal comma, UTF-8 with a
byte-order mark (so Excel reads "m³" and "ë" correctly). Text that a spreadsheet would take for
a formula (starting with ``=``, ``+``, ``-``, ``@``) is prefixed with an apostrophe.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd

from wijktoets.indicatoren import LICENTIE, Indicator, Indicatoren

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
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_tekst(tekst: object) -> object:
    """Text a spreadsheet must show as text, never run as a formula (CSV injection)."""
    if isinstance(tekst, str) and tekst.startswith(_FORMULE_TEKENS):
        return "'" + tekst
    return tekst


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


def _tekst_veilig(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for kolom in frame.columns:
        if frame[kolom].dtype == object or pd.api.types.is_string_dtype(frame[kolom]):
            frame[kolom] = frame[kolom].map(veilige_tekst).astype(object)
    return frame


def als_csv(uitkomst: Indicatoren) -> bytes:
    frame = _tekst_veilig(indicatoren_frame(uitkomst))
    tekst = frame.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return ("\ufeff" + tekst).encode("utf-8")


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
    bladen = {
        "Indicatoren": indicatoren_frame(uitkomst),
        "Energiearmoede": _energiearmoede(uitkomst),
        "Ontwikkeling": _trends(uitkomst),
        "Toelichting": _toelichting(uitkomst, plannaam),
    }
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for naam, frame in bladen.items():
            _tekst_veilig(frame).to_excel(writer, sheet_name=naam, index=False)
            blad = writer.sheets[naam]
            blad.freeze_panes = "A2"
            for kolom in blad.columns:
                breedte = max(len(str(c.value)) if c.value is not None else 0 for c in kolom)
                blad.column_dimensions[kolom[0].column_letter].width = min(max(breedte, 8), 60)
    return buffer.getvalue()
