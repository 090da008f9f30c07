"""Reading a CBS Kerncijfers file into one clean table, or saying exactly what is wrong.

Pure Python and pandas. :func:`lees_bestand` accepts the StatLine CSV and the kwb CSV or XLSX,
in UTF-8 (with or without BOM), UTF-16 or Latin-1/Windows-1252, separated by semicolons, commas
or tabs. It detects the form and the table year from the columns, checks every row and value,
and either returns :class:`Inhoud` or raises :class:`BestandFout` with every problem found
(row, column, value, why). Nothing is half-read: one bad cell rejects the file.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from wijktoets.cbs import tabellen as t
from wup.bestanden import BestandFout, Fout, decodeer, scheidingsteken

#: A file with more regions than this is not a Kerncijfers file (NL has about 17,000).
MAX_RIJEN = 50_000
#: The report lists this many problems; the rest are counted.
MAX_FOUTEN = 200

#: How CBS writes a value that is missing, secret or unreliable. "." is the StatLine symbol
#: (often padded with spaces); kwb spreadsheets also have empty cells, "x" (secret), a lone
#: "," (kwb 2022) and "NaN". "-" is kept as missing too: it cannot be told apart from a
#: placeholder, and a missing value must never become 0.
ONTBREKEND = frozenset({"", ".", ",", "x", "X", "-", "?", "NaN", "nan"})
#: Older kwb files code "secret" as large negative numbers (-99997, -99999999).
CBS_GEHEIM_ONDERGRENS = -99990

CODE_PATROON = re.compile(r"^(NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$")
SOORT_PER_PREFIX = {"NL": "land", "GM": "gemeente", "WK": "wijk", "BU": "buurt"}
_SOORT_UIT_BESTAND = {
    "land": "land",
    "nederland": "land",
    "gemeente": "gemeente",
    "g": "gemeente",
    "wijk": "wijk",
    "w": "wijk",
    "buurt": "buurt",
    "b": "buurt",
}

STATLINE = "statline"
KWB = "kwb"


@dataclass
class Inhoud:
    """A checked file: one row per region, the figures per canonical key, text attributes."""

    formaat: str
    jaar: int
    tabel: str
    omschrijving: str
    #: columns code, soort, naam, gemeentecode, gemeentenaam, rij
    regios: pd.DataFrame
    #: one float column per canonical key the file provides (NaN = missing)
    waarden: pd.DataFrame
    #: one text column per kenmerk the file provides ("" = missing)
    kenmerken: pd.DataFrame
    #: source columns that are not taken over, with the reason
    niet_overgenomen: list[str] = field(default_factory=list)
    codering: str = ""
    scheidingsteken: str = ""

    @property
    def aantal(self) -> int:
        return len(self.regios)


# --- Bytes to a table of strings ------------------------------------------------------------


def _lees_csv(data: bytes) -> tuple[pd.DataFrame, str, str]:
    try:
        tekst, codering = decodeer(data)
    except UnicodeDecodeError as exc:
        raise BestandFout(
            "De tekens in het bestand zijn niet te lezen.",
            [Fout(None, "", "", f"Onbekende tekenset ({exc.reason}); sla op als UTF-8 of CSV.")],
        ) from exc
    if "\x00" in tekst:
        raise BestandFout(
            "Dit is geen tekstbestand (CSV) en ook geen Excel-bestand (.xlsx).",
            [Fout(None, "", "", "Het bestand bevat binaire gegevens.")],
        )
    sep = scheidingsteken(tekst)
    kopregel = next(csv.reader(io.StringIO(tekst), delimiter=sep), [])
    _controleer_kop([k.strip().strip("\ufeff") for k in kopregel])
    try:
        df = pd.read_csv(
            io.StringIO(tekst),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            quotechar='"',
            engine="c",
        )
    except pd.errors.EmptyDataError as exc:
        raise BestandFout("Het bestand is leeg.", [Fout(None, "", "", "Geen kopregel.")]) from exc
    except pd.errors.ParserError as exc:
        m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        fout = (
            Fout(
                int(m[2]),
                "",
                "",
                f"Deze regel heeft {m[3]} velden, de kopregel {m[1]}. Staat er een "
                "scheidingsteken of aanhalingsteken te veel in?",
            )
            if m
            else Fout(None, "", "", "De regels van het bestand zijn niet te scheiden in velden.")
        )
        raise BestandFout("Het bestand is geen geldig CSV-bestand.", [fout]) from exc
    sep_naam = {";": "puntkomma", ",": "komma", "\t": "tab"}[sep]
    return df, codering, sep_naam


#: An .xlsx is a zip file; refuse one that unpacks to more than this (a "zip bomb").
MAX_UITGEPAKT = 600 * 1024**2


def _lees_xlsx(data: bytes) -> pd.DataFrame:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            uitgepakt = sum(info.file_size for info in z.infolist())
    except zipfile.BadZipFile as exc:
        raise BestandFout(
            "Het Excel-bestand kan niet worden gelezen.",
            [Fout(None, "", "", "Het bestand is beschadigd of geen .xlsx-werkmap.")],
        ) from exc
    if uitgepakt > MAX_UITGEPAKT:
        raise BestandFout(
            "Het Excel-bestand is uitgepakt te groot om in te lezen.",
            [Fout(None, "", "", "Sla het op als CSV en lees dat in.")],
        )
    try:
        df = pd.read_excel(io.BytesIO(data), sheet_name=0, dtype=str, engine="openpyxl")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise BestandFout(
            "Het Excel-bestand kan niet worden gelezen.",
            [Fout(None, "", "", "Het bestand is beschadigd of geen .xlsx-werkmap.")],
        ) from exc
    _controleer_kop([str(k).strip() for k in df.columns])
    return df.fillna("")


def _controleer_kop(kolommen: list[str]) -> None:
    gezien: set[str] = set()
    dubbel = []
    for kolom in kolommen:
        if kolom and kolom in gezien:
            dubbel.append(kolom)
        gezien.add(kolom)
    if dubbel:
        raise BestandFout(
            "Een kolom staat meer dan één keer in de kopregel.",
            [Fout(1, k, k, "Deze kolomnaam komt meer dan één keer voor.") for k in dubbel],
        )


def lees_tabel(data: bytes) -> tuple[pd.DataFrame, str, str]:
    """The file as a DataFrame of strings (header stripped), its encoding and separator."""
    if not data.strip():
        raise BestandFout("Het bestand is leeg.", [Fout(None, "", "", "Het bestand is leeg.")])
    if data.startswith(b"PK\x03\x04"):
        df, codering, sep = _lees_xlsx(data), "Excel (.xlsx)", ""
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BestandFout(
            "Dit is een oud Excel-bestand (.xls).",
            [Fout(None, "", "", "Open het in Excel en sla het op als .xlsx of als CSV.")],
        )
    else:
        df, codering, sep = _lees_csv(data)
    df.columns = [str(k).strip().strip("\ufeff").strip('"').strip() for k in df.columns]
    return df, codering, sep


# --- Which form, which year -----------------------------------------------------------------


def _is_structureel_statline(kolom: str) -> bool:
    return (
        kolom in {t.STATLINE_CODE, t.STATLINE_CODERING, t.STATLINE_GEMEENTENAAM, t.STATLINE_SOORT}
        or kolom in t.STATLINE_NAAMKOLOMMEN
        or kolom in t.STATLINE_OVERIG
        or kolom.startswith("Unnamed:")
        or bool(re.match(r"^Indelingswijziging\w*_4$", kolom))
    )


def _kies_statline_tabel(kolommen: list[str], jaar: int | None) -> t.StatlineTabel:
    sleutels = [
        k for k in kolommen if not _is_structureel_statline(k) and t.STATLINE_SLEUTEL.match(k)
    ]

    def botsingen(tabel: t.StatlineTabel) -> list[Fout]:
        namen = tabel.basisnamen()
        fouten = []
        for k in sleutels:
            naam = t.STATLINE_SLEUTEL.match(k)["naam"]
            if k not in tabel.alle_sleutels and naam in namen:
                verwacht = " of ".join(namen[naam])
                fouten.append(
                    Fout(
                        1,
                        k,
                        k,
                        f"Deze kolom hoort niet bij {tabel.omschrijving}: daar heet deze "
                        f"{verwacht}. CBS nummert de kolommen elk jaar anders.",
                    )
                )
        return fouten

    def bekend(tabel: t.StatlineTabel) -> int:
        return sum(k in tabel.kolommen for k in sleutels)

    ondersteund = ", ".join(f"{j} ({tb.tabel_id})" for j, tb in t.STATLINE_TABELLEN.items())
    if jaar is not None:
        tabel = t.STATLINE_TABELLEN.get(jaar)
        if tabel is None:
            raise BestandFout(
                f"Voor {jaar} kent het WUP-platform de kolommen van de CBS-tabel niet.",
                [Fout(None, "", str(jaar), f"Ondersteunde jaren: {ondersteund}.")],
            )
        fouten = botsingen(tabel)
        if fouten:
            passend = [
                tb for tb in t.STATLINE_TABELLEN.values() if not botsingen(tb) and bekend(tb)
            ]
            hint = f" Het bestand lijkt op {passend[0].omschrijving}." if len(passend) == 1 else ""
            raise BestandFout(
                f"De kolommen passen niet bij het jaar {jaar} ({tabel.tabel_id}).{hint}",
                fouten,
            )
        if not bekend(tabel):
            raise BestandFout(
                f"Het bestand heeft geen enkele kolom van {tabel.omschrijving}.",
                [Fout(1, "", "", "Geen bekende kolom met cijfers gevonden.")],
            )
        return tabel

    kandidaten = [tb for tb in t.STATLINE_TABELLEN.values() if not botsingen(tb) and bekend(tb)]
    if len(kandidaten) == 1:
        return kandidaten[0]
    if not kandidaten:
        fouten = [f for tb in t.STATLINE_TABELLEN.values() for f in botsingen(tb)][:MAX_FOUTEN]
        raise BestandFout(
            "De kolommen passen bij geen van de CBS-tabellen die het WUP-platform kent "
            f"({ondersteund}).",
            fouten or [Fout(1, "", "", "Geen bekende kolom met cijfers gevonden.")],
        )
    raise BestandFout(
        "Uit de kolommen is niet af te leiden van welk jaar dit bestand is.",
        [
            Fout(
                None,
                "",
                "",
                "Alle kolommen komen in meer dan één jaar voor. Geef het jaar op "
                f"({', '.join(str(tb.jaar) for tb in kandidaten)}).",
            )
        ],
    )


def _kies_kwb_jaar(kolommen: list[str], jaar: int | None) -> int:
    aanwezig = set(kolommen)
    vanaf, tot = min(t.KWB_JAREN), 9999
    redenen = []
    for kenmerk in t.KWB_JAARKENMERKEN:
        if kenmerk.kolom not in aanwezig:
            continue
        if kenmerk.vanaf is not None and kenmerk.vanaf > vanaf:
            vanaf = kenmerk.vanaf
        if kenmerk.tot_en_met is not None and kenmerk.tot_en_met < tot:
            tot = kenmerk.tot_en_met
        redenen.append(kenmerk)
    mogelijk = [j for j in t.KWB_JAREN if vanaf <= j <= tot]
    ondersteund = f"{min(t.KWB_JAREN)} tot en met {max(t.KWB_JAREN)}"

    def uitleg(j: int) -> list[Fout]:
        return [
            Fout(
                1,
                k.kolom,
                k.kolom,
                f"Deze kolom ({k.uitleg}) bestaat "
                + (f"pas vanaf {k.vanaf}" if k.vanaf and j < k.vanaf else "")
                + (f"alleen tot en met {k.tot_en_met}" if k.tot_en_met and j > k.tot_en_met else "")
                + ".",
            )
            for k in redenen
            if (k.vanaf and j < k.vanaf) or (k.tot_en_met and j > k.tot_en_met)
        ]

    if jaar is not None:
        if jaar not in t.KWB_JAREN:
            raise BestandFout(
                f"Kwb-bestanden van {jaar} worden niet ondersteund.",
                [Fout(None, "", str(jaar), f"Ondersteund: {ondersteund}.")],
            )
        if jaar not in mogelijk:
            raise BestandFout(f"De kolommen passen niet bij het jaar {jaar}.", uitleg(jaar))
        return jaar
    if len(mogelijk) == 1:
        return mogelijk[0]
    if not mogelijk:
        raise BestandFout(
            f"De kolommen passen bij geen kwb-jaar dat het WUP-platform kent ({ondersteund}).",
            uitleg(vanaf) or [Fout(None, "", "", "Onbekende combinatie van kolommen.")],
        )
    raise BestandFout(
        "Uit de kolommen is niet af te leiden van welk jaar dit bestand is.",
        [
            Fout(
                None,
                "",
                "",
                f"Het kan een bestand zijn van {', '.join(map(str, mogelijk))}. Geef het jaar op.",
            )
        ],
    )


# --- Rows and values ------------------------------------------------------------------------


def _tekst(df: pd.DataFrame, kolom: str | None) -> pd.Series:
    if kolom is None or kolom not in df.columns:
        return pd.Series([""] * len(df), index=df.index, dtype=object)
    return df[kolom].astype(str).str.strip()


class _Fouten:
    """Collects problems: the first ``MAX_FOUTEN`` in full, the rest only counted."""

    def __init__(self) -> None:
        self.lijst: list[Fout] = []
        self.totaal = 0

    def __bool__(self) -> bool:
        return self.totaal > 0

    @property
    def vol(self) -> bool:
        return len(self.lijst) >= MAX_FOUTEN

    def voeg_toe(self, fout: Fout) -> None:
        self.totaal += 1
        if not self.vol:
            self.lijst.append(fout)


def _getallen(ruw: pd.Series, kolom: str, rijen: pd.Series, fouten: _Fouten) -> pd.Series:
    """Vectorised: strings to floats; missing markers to NaN; every other non-number reported.

    Most cells are plain numbers, which ``to_numeric`` reads at once (padding included); only
    the rest is looked at more closely: missing markers and decimal commas.
    """
    getal = pd.to_numeric(ruw, errors="coerce").to_numpy(dtype="float64", copy=True)
    ontbreekt = np.zeros(len(getal), dtype=bool)
    rest = np.isnan(getal)
    if rest.any():
        tekst = ruw[rest].astype(str).str.strip()
        markering = tekst.isin(ONTBREKEND).to_numpy()
        ontbreekt[rest] = markering
        # CBS files mix decimal points and decimal commas (kwb), never thousands separators.
        komma = tekst[~markering].str.replace(",", ".", regex=False)
        getal[np.flatnonzero(rest)[~markering]] = pd.to_numeric(komma, errors="coerce")
    fout = (np.isnan(getal) & ~ontbreekt) | np.isinf(getal)
    for i in np.flatnonzero(fout):
        if fouten.vol:
            fouten.totaal += int(fout[i:].sum())
            break
        fouten.voeg_toe(
            Fout(
                int(rijen.iloc[i]),
                kolom,
                str(ruw.iloc[i])[:80],
                "Geen getal. In deze kolom staan getallen, of '.' of niets als het cijfer "
                "ontbreekt of geheim is.",
            )
        )
    getal[fout | (getal <= CBS_GEHEIM_ONDERGRENS)] = np.nan
    return pd.Series(getal, index=ruw.index)


@dataclass(frozen=True)
class _Vorm:
    formaat: str
    jaar: int
    tabel: str
    omschrijving: str
    codekolom: str
    naamkolom: str | None
    gemeentenaamkolom: str | None
    soortkolom: str | None
    kolommen: dict[str, str]
    kenmerken: dict[str, str]
    niet_overgenomen: list[str]


def _vorm(df: pd.DataFrame, jaar: int | None) -> _Vorm:
    kolommen = list(df.columns)
    if t.STATLINE_CODE in kolommen or t.STATLINE_CODERING in kolommen:
        tabel = _kies_statline_tabel(kolommen, jaar)
        naam = next((k for k in t.STATLINE_NAAMKOLOMMEN if k in kolommen), None)
        codekolom = t.STATLINE_CODE if t.STATLINE_CODE in kolommen else t.STATLINE_CODERING
        if codekolom == t.STATLINE_CODE and t.STATLINE_CODERING in kolommen:
            # An export "with labels" has the names in WijkenEnBuurten, the codes in Codering_3.
            def codes(kolom: str) -> int:
                return int(
                    df[kolom].astype(str).str.strip().str.upper().str.match(CODE_PATROON).sum()
                )

            in_wijken = codes(t.STATLINE_CODE)
            if in_wijken * 2 < len(df) and codes(t.STATLINE_CODERING) > in_wijken:
                codekolom, naam = t.STATLINE_CODERING, naam or t.STATLINE_CODE
        indeling = next((k for k in kolommen if re.match(r"^Indelingswijziging\w*_4$", k)), None)
        kenmerken = {k: v for k, v in tabel.kenmerken.items() if k in kolommen}
        if indeling:
            kenmerken[indeling] = "indelingswijziging"
        overig = [
            k
            for k in kolommen
            if not _is_structureel_statline(k) and k not in tabel.kolommen and k not in kenmerken
        ]
        return _Vorm(
            STATLINE,
            tabel.jaar,
            tabel.tabel_id,
            tabel.omschrijving,
            codekolom,
            naam,
            t.STATLINE_GEMEENTENAAM if t.STATLINE_GEMEENTENAAM in kolommen else None,
            t.STATLINE_SOORT if t.STATLINE_SOORT in kolommen else None,
            {k: v for k, v in tabel.kolommen.items() if k in kolommen},
            kenmerken,
            overig,
        )
    codekolom = next((k for k in t.KWB_CODEKOLOMMEN if k in kolommen), None)
    if codekolom is not None:
        gekozen = _kies_kwb_jaar(kolommen, jaar)
        structureel = {
            *t.KWB_CODEKOLOMMEN,
            t.KWB_NAAM,
            t.KWB_GEMEENTENAAM,
            t.KWB_SOORT,
            *t.KWB_OVERIG,
        }
        overig = [
            k
            for k in kolommen
            if k not in structureel
            and k not in t.KWB_KOLOMMEN
            and k not in t.KWB_KENMERKEN
            and not k.startswith("Unnamed:")
        ]
        return _Vorm(
            KWB,
            gekozen,
            f"kwb-{gekozen}",
            f"CBS kwb-bestand Kerncijfers wijken en buurten {gekozen}",
            codekolom,
            t.KWB_NAAM if t.KWB_NAAM in kolommen else None,
            t.KWB_GEMEENTENAAM if t.KWB_GEMEENTENAAM in kolommen else None,
            t.KWB_SOORT if t.KWB_SOORT in kolommen else None,
            {k: v for k, v in t.KWB_KOLOMMEN.items() if k in kolommen},
            {k: v for k, v in t.KWB_KENMERKEN.items() if k in kolommen},
            overig,
        )
    raise BestandFout(
        "Dit is geen bestand van de CBS Kerncijfers wijken en buurten.",
        [
            Fout(
                1,
                "",
                ", ".join(kolommen[:5])[:120],
                "De kolom met de regiocode ontbreekt: WijkenEnBuurten (StatLine) of "
                "gwb_code_10 (kwb-bestand).",
            )
        ],
    )


def lees_inhoud(data: bytes, *, jaar: int | None = None) -> Inhoud:
    """Check and convert the file's bytes; see the module docstring."""
    df, codering, sep = lees_tabel(data)
    vorm = _vorm(df, jaar)

    rijen = pd.Series(df.index + 2, index=df.index)  # file line: the header is line 1
    leeg = (df == "").all(axis=1)
    df, rijen = df[~leeg], rijen[~leeg]
    if df.empty:
        raise BestandFout(
            "Het bestand bevat geen regio's, alleen een kopregel.",
            [Fout(None, "", "", "Geen regels met gegevens.")],
        )
    if len(df) > MAX_RIJEN:
        raise BestandFout(
            f"Het bestand heeft {len(df)} regels; meer dan {MAX_RIJEN} kan geen bestand van de "
            "Kerncijfers wijken en buurten zijn.",
            [Fout(None, "", str(len(df)), "Te veel regels.")],
        )

    fouten = _Fouten()
    ruwe_codes = _tekst(df, vorm.codekolom)
    codes = ruwe_codes.str.upper()
    geldig = codes.str.match(CODE_PATROON)
    for i in np.flatnonzero(~geldig.to_numpy()):
        fouten.voeg_toe(
            Fout(
                int(rijen.iloc[i]),
                vorm.codekolom,
                str(df[vorm.codekolom].iloc[i])[:80],
                "De regiocode ontbreekt."
                if not ruwe_codes.iloc[i]
                else "Geen CBS-regiocode: verwacht NL00, GM gevolgd door 4 cijfers, WK door 6 of "
                "BU door 8 tekens.",
            )
        )
    dubbel = codes.duplicated(keep=False) & geldig
    if dubbel.any():
        per_code: dict[str, list[int]] = {}
        for code, rij in zip(codes[dubbel], rijen[dubbel], strict=True):
            per_code.setdefault(code, []).append(int(rij))
        for code, rijnummers in per_code.items():
            for rij in rijnummers:
                andere = ", ".join(str(r) for r in rijnummers if r != rij)
                fouten.voeg_toe(
                    Fout(
                        rij,
                        vorm.codekolom,
                        code,
                        f"Deze regio staat meer dan één keer in het bestand (ook op regel "
                        f"{andere}). Welke cijfers kloppen is niet te zeggen.",
                    )
                )

    soort = codes.str[:2].map(SOORT_PER_PREFIX).fillna("")
    if vorm.soortkolom:
        opgegeven = _tekst(df, vorm.soortkolom).str.lower().map(_SOORT_UIT_BESTAND)
        anders = geldig & opgegeven.notna() & (opgegeven != soort)
        for i in np.flatnonzero(anders.to_numpy()):
            fouten.voeg_toe(
                Fout(
                    int(rijen.iloc[i]),
                    vorm.soortkolom,
                    str(df[vorm.soortkolom].iloc[i]).strip(),
                    f"Past niet bij de code {codes.iloc[i]} (een {soort.iloc[i]}).",
                )
            )

    per_sleutel: dict[str, pd.Series] = {}
    for kolom, sleutel in vorm.kolommen.items():
        if sleutel not in per_sleutel:  # a second column for the same variable: first counts
            per_sleutel[sleutel] = _getallen(df[kolom], kolom, rijen, fouten)
    waarden = pd.DataFrame(per_sleutel, index=df.index, dtype="float64")
    kenmerken = pd.DataFrame(
        {naam: _tekst(df, kolom) for kolom, naam in vorm.kenmerken.items()}, index=df.index
    )
    kenmerken = kenmerken.mask(kenmerken.isin(ONTBREKEND), "")

    if fouten:
        raise BestandFout(
            f"Er is niets ingelezen: {fouten.totaal} "
            + ("fout" if fouten.totaal == 1 else "fouten")
            + f" in {vorm.omschrijving}.",
            fouten.lijst,
            totaal=fouten.totaal,
        )

    gemeentecode = np.where(soort == "land", "", "GM" + codes.str[2:6])
    regios = pd.DataFrame(
        {
            "code": codes,
            "soort": soort,
            "naam": _tekst(df, vorm.naamkolom),
            "gemeentecode": gemeentecode,
            "gemeentenaam": _tekst(df, vorm.gemeentenaamkolom),
            "rij": rijen,
        },
        index=df.index,
    ).reset_index(drop=True)
    niet = [f"{k} (niet in de catalogus van het WUP-platform)" for k in vorm.niet_overgenomen]
    return Inhoud(
        formaat=vorm.formaat,
        jaar=vorm.jaar,
        tabel=vorm.tabel,
        omschrijving=vorm.omschrijving,
        regios=regios,
        waarden=waarden.reset_index(drop=True),
        kenmerken=kenmerken.reset_index(drop=True),
        niet_overgenomen=niet,
        codering=codering,
        scheidingsteken=sep,
    )


def lees_bestand(pad: Path | str, *, jaar: int | None = None) -> Inhoud:
    return lees_inhoud(Path(pad).read_bytes(), jaar=jaar)
