"""Tables as CSV or Excel files, the same way in every step (pure: pandas + openpyxl).

The CSV follows Dutch spreadsheet habits: semicolon-separated, decimal comma, UTF-8 with a
byte-order mark (so Excel reads "m³" and "ë" correctly). Text that a spreadsheet would take for
a formula (starting with ``=``, ``+``, ``-``, ``@``) is prefixed with an apostrophe. An empty
cell means: unknown; it is never written as 0.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: ``?formaat=`` of an export view -> media type.
FORMATEN = {"csv": CSV_MEDIA_TYPE, "xlsx": XLSX_MEDIA_TYPE}

_FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_tekst(tekst: object) -> object:
    """Text a spreadsheet must show as text, never run as a formula (CSV injection)."""
    if isinstance(tekst, str) and tekst.startswith(_FORMULE_TEKENS):
        return "'" + tekst
    return tekst


def tekst_veilig(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell made safe by :func:`veilige_tekst`."""
    frame = frame.copy()
    for kolom in frame.columns:
        if frame[kolom].dtype == object or pd.api.types.is_string_dtype(frame[kolom]):
            frame[kolom] = frame[kolom].map(veilige_tekst).astype(object)
    return frame


def als_csv(frame: pd.DataFrame) -> bytes:
    tekst = tekst_veilig(frame).to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return ("\ufeff" + tekst).encode("utf-8")


def als_excel(bladen: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per frame: header row frozen, columns as wide as their text."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for naam, frame in bladen.items():
            tekst_veilig(frame).to_excel(writer, sheet_name=naam[:31], index=False)
            blad = writer.sheets[naam[:31]]
            blad.freeze_panes = "A2"
            for kolom in blad.columns:
                breedte = max(len(str(c.value)) if c.value is not None else 0 for c in kolom)
                blad.column_dimensions[kolom[0].column_letter].width = min(max(breedte, 8), 60)
    return buffer.getvalue()
