"""Reading one Startanalyse output file into checked rows, or saying exactly what is wrong.

Pure Python and pandas. :func:`lees_startanalyse` accepts PBL's per-buurt CSV files
(``Hoofdindicatoren``, ``NationaleKosten``, ``Aansluitingen``, ``Statisch``) in the 2019 and the
2020+ column naming, in UTF-8 (with or without BOM) or Latin-1, separated by semicolons (PBL),
commas or tabs. It checks every row and value and returns :class:`Inhoud`, or raises
:class:`BestandFout` listing every problem (row, column, value, why). One bad cell rejects the
whole file: nothing is half-read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from techniek.startanalyse.indicatoren import (
    INDICATOREN,
    KENMERKEND,
    KOLOMMEN,
    NAAMGEVING_2019,
    NAAMGEVING_2020,
)

# The CBS import already solves reading bytes of unknown encoding and separator; shared here
# rather than copied (see the report on moving these into the core).
from wup.bestanden import BestandFout, Fout, decodeer, scheidingsteken

__all__ = ["BestandFout", "Fout", "Inhoud", "lees_startanalyse"]

#: A national file of one variant has about 14,500 buurten; all variants together 20 times that.
MAX_RIJEN = 400_000
MAX_FOUTEN = 200

BUURTCODE = re.compile(r"^BU\d{4}[0-9A-Z]{4}$")
GEMEENTECODE = re.compile(r"^GM\d{4}$")
VARIANT = re.compile(r"^[a-z0-9_]{1,30}$")
#: How a value can be missing in these files (GeoDMS writes an undefined number as empty or nan).
ONTBREKEND = frozenset({"", "nan", "null", "none", "na", "n/a", "-"})

CODEKOLOMMEN = ("bu_code", "i01_buurtcode")
VARIANTKOLOM = "v01_strategievariant"

_SOORT = {"I": "Statisch", "H": "Hoofdindicatoren", "K": "Nationale kosten", "A": "Aansluitingen"}


@dataclass
class Inhoud:
    """A checked file: one row per buurt (and variant), the figures per canonical key."""

    naamgeving: str
    soort: str
    #: columns buurtcode, variant ("" for static figures), gemeentecode, rij (line in the file)
    rijen: pd.DataFrame
    #: one float column per numeric indicator the file provides (NaN = missing, never 0)
    waarden: pd.DataFrame
    #: one text column per text indicator the file provides ("" = missing)
    teksten: pd.DataFrame
    niet_overgenomen: list[str] = field(default_factory=list)
    overgeslagen: dict[str, int] = field(default_factory=dict)
    codering: str = ""
    scheidingsteken: str = ""

    @property
    def aantal(self) -> int:
        return len(self.rijen)

    @property
    def gemeenten(self) -> list[str]:
        return sorted(set(self.rijen["gemeentecode"]))


def _tabel(data: bytes) -> tuple[pd.DataFrame, str, str]:
    if not data or not data.strip():
        raise BestandFout(
            "Het bestand is leeg.", [Fout(None, "", "", "Geen kopregel en geen rijen.")]
        )
    try:
        tekst, codering = decodeer(data)
    except UnicodeDecodeError as exc:  # pragma: no cover - Latin-1 decodes every byte
        raise BestandFout(
            "De tekens in het bestand zijn niet te lezen.",
            [Fout(None, "", "", "Onbekende tekenset; sla het bestand op als UTF-8.")],
        ) from exc
    if "\x00" in tekst:
        raise BestandFout(
            "Dit is geen tekstbestand (CSV).",
            [
                Fout(
                    None,
                    "",
                    "",
                    "Het bestand bevat binaire gegevens. Kies het CSV-bestand van PBL.",
                )
            ],
        )
    sep = scheidingsteken(tekst)
    kop = [
        k.strip().strip("\ufeff").strip('"')
        for k in next(csv.reader(io.StringIO(tekst), delimiter=sep), [])
    ]
    laag = [k.lower() for k in kop]
    if len(set(laag)) != len(laag):
        dubbel = sorted({k for k in kop if laag.count(k.lower()) > 1})
        raise BestandFout(
            "Het bestand heeft kolommen met dezelfde naam.",
            [Fout(1, k, "", "Deze kolom komt meer dan eens voor.") for k in dubbel],
        )
    try:
        df = pd.read_csv(
            io.StringIO(tekst),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
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
                "scheidingsteken te veel in?",
            )
            if m
            else Fout(None, "", "", "De regels van het bestand zijn niet te scheiden in velden.")
        )
        raise BestandFout("Het bestand is geen geldig CSV-bestand.", [fout]) from exc
    df.columns = [str(k).strip().strip("\ufeff").strip('"') for k in df.columns]
    return df, codering, {";": "puntkomma", ",": "komma", "\t": "tab"}[sep]


def _naamgeving(kolommen: list[str], gevraagd: str | None) -> str:
    """Which naming the H columns follow; "" when the file has none (I, K or A only)."""
    treffers = {
        n: [k for k in kolommen if k.lower() in kenmerkend] for n, kenmerkend in KENMERKEND.items()
    }
    gevonden = [n for n, t in treffers.items() if t]
    if len(gevonden) == 2:
        raise BestandFout(
            "Het bestand mengt de kolomnamen van de Startanalyse 2019 en die van 2020 en later.",
            [
                Fout(None, ", ".join(treffers[NAAMGEVING_2019][:3]), "", "Kolomnamen van 2019."),
                Fout(None, ", ".join(treffers[NAAMGEVING_2020][:3]), "", "Kolomnamen van 2020+."),
            ],
        )
    naamgeving = gevonden[0] if gevonden else ""
    if gevraagd and naamgeving and gevraagd != naamgeving:
        uitleg = {
            NAAMGEVING_2019: "de kolomnamen van 2019 (zoals H12_Nat_meerkosten)",
            NAAMGEVING_2020: "de kolomnamen van 2020 en later (zoals H16_Nat_meerkost)",
        }
        raise BestandFout(
            "De opgegeven editie past niet bij de kolommen van het bestand.",
            [
                Fout(
                    None,
                    ", ".join(treffers[naamgeving][:3]),
                    "",
                    f"Het bestand gebruikt {uitleg[naamgeving]}; u gaf een editie met "
                    f"{uitleg[gevraagd]}.",
                )
            ],
        )
    return naamgeving or gevraagd or ""


def _getallen(reeks: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Numbers of a text column (NaN where missing) and a mask of cells that are no number.

    PBL writes a decimal point; a file re-saved by Dutch Excel may have a decimal comma, which
    is accepted when it cannot be a thousands separator (``0,5`` yes, ``1.234,5`` no).
    """
    tekst = reeks.str.strip().str.strip('"')
    ontbreekt = tekst.str.lower().isin(ONTBREKEND).to_numpy()
    komma = tekst.str.fullmatch(r"[-+]?\d*,\d+")
    tekst = tekst.where(~komma, tekst.str.replace(",", ".", regex=False))
    getallen = pd.to_numeric(tekst.where(~ontbreekt), errors="coerce").to_numpy(
        dtype="float64", copy=True
    )
    fout = ~ontbreekt & ~np.isfinite(getallen)
    getallen[ontbreekt] = np.nan
    return getallen, fout


def lees_startanalyse(
    data: bytes,
    *,
    naamgeving: str | None = None,
    gemeente: str | None = None,
    gemeentenamen: Mapping[str, str] | None = None,
) -> Inhoud:
    """Read and check one file.

    ``naamgeving`` (``"2019"`` or ``"2020+"``) is what the uploader expects; a file with the
    other naming is refused. ``gemeente`` (``GMxxxx``) keeps only that municipality's buurten
    and refuses a file that has none of them.
    """
    df, codering, sep = _tabel(data)
    kolommen = list(df.columns)
    laag = [k.lower() for k in kolommen]
    codekolom = next((kolommen[laag.index(c)] for c in CODEKOLOMMEN if c in laag), None)
    if codekolom is None:
        raise BestandFout(
            "Dit lijkt geen uitvoerbestand van de Startanalyse: de kolom met de buurtcode "
            "ontbreekt.",
            [
                Fout(
                    1,
                    "",
                    ", ".join(kolommen[:5]),
                    "Verwacht een kolom BU_CODE of I01_buurtcode, zoals in de bestanden van PBL.",
                )
            ],
        )
    naamgeving = _naamgeving(kolommen, naamgeving)
    mapping = KOLOMMEN[naamgeving or NAAMGEVING_2020]

    overgenomen: dict[str, str] = {}
    niet_overgenomen: list[str] = []
    for kolom, kolom_laag in zip(kolommen, laag, strict=True):
        if kolom_laag in CODEKOLOMMEN or kolom_laag == VARIANTKOLOM:
            continue
        sleutel = mapping.get(kolom_laag)
        if sleutel is None:
            niet_overgenomen.append(kolom)
        else:
            overgenomen[kolom] = sleutel
    if not overgenomen:
        raise BestandFout(
            "Het bestand heeft geen enkele kolom van de Startanalyse die het platform kent.",
            [
                Fout(
                    1,
                    ", ".join(niet_overgenomen[:5]),
                    "",
                    "Verwacht kolommen zoals H16_Nat_meerkost, K01_Enet_verzwaren, "
                    "A01_Aansl_aardgas of I09_aantal_woningen.",
                )
            ],
        )
    soorten = sorted({_SOORT[k[0].upper()] for k in overgenomen if k[:1].upper() in _SOORT})
    alleen_statisch = soorten == ["Statisch"]
    variantkolom = kolommen[laag.index(VARIANTKOLOM)] if VARIANTKOLOM in laag else None
    if variantkolom is None and not alleen_statisch:
        raise BestandFout(
            "De kolom V01_Strategievariant ontbreekt.",
            [
                Fout(
                    1,
                    "V01_Strategievariant",
                    "",
                    "Zonder strategievariant zijn de cijfers per buurt niet toe te wijzen.",
                )
            ],
        )

    df = df[~(df.apply(lambda k: k.str.strip()) == "").all(axis=1)]  # blank lines
    if df.empty:
        raise BestandFout(
            "Het bestand heeft een kopregel maar geen rijen.", [Fout(2, "", "", "Geen rijen.")]
        )
    if len(df) > MAX_RIJEN:
        raise BestandFout(
            f"Het bestand heeft {len(df)} rijen; het platform leest er hoogstens {MAX_RIJEN}.",
            [Fout(None, "", "", "Splits het bestand, bijvoorbeeld per strategievariant.")],
        )
    regel = df.index.to_numpy() + 2  # the header is line 1

    fouten: list[Fout] = []
    totaal = 0

    def fout(rijen, kolom: str, waarden, reden: str) -> None:
        nonlocal totaal
        for r, w in zip(rijen, waarden, strict=True):
            totaal += 1
            if len(fouten) < MAX_FOUTEN:
                fouten.append(Fout(int(r), kolom, str(w)[:100], reden))

    codes = df[codekolom].str.strip().str.strip("'\"").str.upper()
    code_ongeldig = ~codes.str.fullmatch(BUURTCODE)
    if code_ongeldig.any():
        fout(
            regel[code_ongeldig.to_numpy()],
            codekolom,
            df[codekolom][code_ongeldig],
            "Geen buurtcode van het CBS (BU, 4 cijfers van de gemeente, 4 tekens voor wijk en "
            "buurt).",
        )
    if variantkolom is not None:
        varianten = df[variantkolom].str.strip().str.lower()
        ongeldig = ~varianten.str.fullmatch(VARIANT)
        if ongeldig.any():
            fout(
                regel[ongeldig.to_numpy()],
                variantkolom,
                df[variantkolom][ongeldig],
                "Geen strategievariant (zoals s1a of s3b).",
            )
    else:
        varianten = pd.Series("", index=df.index)

    waarden: dict[str, np.ndarray] = {}
    teksten: dict[str, pd.Series] = {}
    for kolom, sleutel in overgenomen.items():
        if INDICATOREN[sleutel].tekst:
            teksten[sleutel] = df[kolom].str.strip().str.strip('"')
            continue
        getallen, slecht = _getallen(df[kolom])
        if slecht.any():
            fout(regel[slecht], kolom, df[kolom][slecht], "Dit is geen getal.")
        waarden[sleutel] = getallen

    sleutels = pd.DataFrame(
        {"buurtcode": codes.to_numpy(), "variant": varianten.to_numpy(), "rij": regel}
    )
    dubbel = sleutels.duplicated(["buurtcode", "variant"], keep=False) & ~code_ongeldig.to_numpy()
    if dubbel.any():
        for (code, variant), groep in sleutels[dubbel].groupby(["buurtcode", "variant"]):
            fout(
                groep["rij"].to_numpy()[1:],
                codekolom,
                [code] * (len(groep) - 1),
                f"Buurt {code}{' met variant ' + variant if variant else ''} staat al op regel "
                f"{int(groep['rij'].iloc[0])}.",
            )
    if fouten:
        raise BestandFout(
            "Er is niets ingelezen: het bestand bevat fouten. Hieronder staat per regel en kolom "
            "wat er mis is.",
            fouten,
            totaal,
        )

    sleutels["gemeentecode"] = "GM" + sleutels["buurtcode"].str[2:6]
    overgeslagen: dict[str, int] = {}
    if gemeente:
        binnen = (sleutels["gemeentecode"] == gemeente).to_numpy()
        if not binnen.any():
            andere = sleutels["gemeentecode"].value_counts()
            namen = gemeentenamen or {}
            wie = ", ".join(
                f"{code}{' (' + namen[code] + ')' if code in namen else ''}: {n} buurten"
                for code, n in andere.head(5).items()
            )
            verwacht = f"{gemeente}{' (' + namen[gemeente] + ')' if gemeente in namen else ''}"
            raise BestandFout(
                f"Dit bestand gaat over een andere gemeente dan {verwacht}. Er is niets ingelezen.",
                [
                    Fout(
                        None,
                        codekolom,
                        wie,
                        f"Geen enkele buurt in het bestand ligt in {verwacht}. Kies het bestand "
                        "van die gemeente, of laat de gemeente leeg om dit bestand in te lezen.",
                    )
                ],
            )
        if not binnen.all():
            overgeslagen = {
                str(code): int(n)
                for code, n in sleutels.loc[~binnen, "gemeentecode"].value_counts().items()
            }
        sleutels = sleutels[binnen].reset_index(drop=True)
        waarden = {k: v[binnen] for k, v in waarden.items()}
        teksten = {k: v[binnen] for k, v in teksten.items()}

    tekstframe = pd.DataFrame({k: v.to_numpy() for k, v in teksten.items()}, dtype=object)
    return Inhoud(
        naamgeving=naamgeving,
        soort=", ".join(soorten),
        rijen=sleutels,
        waarden=pd.DataFrame(waarden, index=range(len(sleutels)), dtype="float64"),
        teksten=tekstframe if teksten else pd.DataFrame(index=range(len(sleutels))),
        niet_overgenomen=niet_overgenomen,
        overgeslagen=overgeslagen,
        codering=codering,
        scheidingsteken=sep,
    )
