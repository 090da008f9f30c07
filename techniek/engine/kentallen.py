"""PBL's building key figures (Vesta MAIS, Startanalyse 2025) as arrays.

Source: PBL Planbureau voor de Leefomgeving, ``pbl-nl/model-vesta-public`` (GPL-3.0), files
``20241112_Woningen_BAG.csv`` and ``20241107_Utiliteiten_BAG.csv``, shipped in
``techniek/data/parameters/`` (the one copy of PBL's files in the project). Per building
type x construction period:

* ``Default_label`` -- the label PBL assumes when none is registered;
* ``Vrv_<label>_asl`` [GJ/yr per connection] and ``Vrv_<label>_opp`` [GJ/yr per m2]: functional
  heat demand for space heating at that label;
* ``Vvent_*`` (ventilation electricity), ``Vww_*`` (tap water), ``Ve_*`` (appliances
  electricity): same per-connection + per-m2 form, independent of the label;
* ``Ki_S<van><naar>_{min,max}_{asl,opp}`` [EUR per connection, EUR per m2]: investment for
  improving the shell from one label to another, as a low and a high band.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from .constanten import (
    BOUWPERIODEN,
    LABELS,
    SPRONGEN_UTILITEIT,
    SPRONGEN_WONING,
    UTILITEIT_BOUWPERIODEN,
    UTILITEITSFUNCTIES,
    WONINGTYPEN,
)
from .fouten import InvoerFout, Probleem, controleer

DATA = Path(__file__).resolve().parent.parent / "data" / "engine"
#: PBL's files, shared with the parameter sets that are seeded from them.
PBL = Path(__file__).resolve().parent.parent / "data" / "parameters"
WONINGEN_CSV = PBL / "20241112_Woningen_BAG.csv"
UTILITEITEN_CSV = PBL / "20241107_Utiliteiten_BAG.csv"

FloatArray = np.ndarray


@dataclass(frozen=True)
class SectorKentallen:
    """Key figures of one sector (dwellings or non-residential), indexed [type, periode, ...].

    Arrays with a ``label`` axis follow :data:`constanten.LABELS`; the investment arrays have
    axes [type, periode, van-label, naar-label] and are NaN where PBL prices no such jump.
    """

    typen: tuple[str, ...]
    perioden: tuple[str, ...]
    default_label: np.ndarray  # int [T, P], index into LABELS
    vrv_asl: FloatArray  # [T, P, L] GJ/yr per connection
    vrv_opp: FloatArray  # [T, P, L] GJ/yr per m2
    vvent_asl: FloatArray  # [T, P] GJ/yr per connection (electricity)
    vvent_opp: FloatArray  # [T, P] GJ/yr per m2
    vww_asl: FloatArray  # [T, P]
    vww_opp: FloatArray
    ve_asl: FloatArray  # [T, P] (electricity, appliances)
    ve_opp: FloatArray
    ki_min_asl: FloatArray  # [T, P, L, L] EUR per connection
    ki_min_opp: FloatArray  # [T, P, L, L] EUR per m2
    ki_max_asl: FloatArray
    ki_max_opp: FloatArray


@dataclass(frozen=True)
class Bouwkentallen:
    """PBL's key figures for dwellings and non-residential buildings, with their source."""

    woning: SectorKentallen
    utiliteit: SectorKentallen
    bron: str


def _sector(
    df: pd.DataFrame,
    naam: str,
    typen: tuple[str, ...],
    perioden: tuple[str, ...],
    sprongen: dict[str, tuple[str, ...]],
    eerste_regel: int = 2,
) -> SectorKentallen:
    """One sector's key figures from a table; ``naam`` and ``eerste_regel`` (the number of the
    table's first row, 2 in a file with a header line) place the problems."""
    problemen: list[Probleem] = []
    df = df.rename(columns=lambda c: str(c).strip())
    nodig = ["type_str", "bouwjaar_str", "Default_label"]
    nodig += [f"Vrv_{lb}_{d}" for lb in LABELS for d in ("asl", "opp")]
    nodig += [f"{v}_{d}" for v in ("Vvent", "Vww", "Ve") for d in ("asl", "opp")]
    for naar, vanaf in sprongen.items():
        for van in vanaf:
            nodig += [f"Ki_S{van}{naar}_{b}_{d}" for b in ("min", "max") for d in ("asl", "opp")]
    ontbreekt = [k for k in nodig if k not in df.columns]
    if ontbreekt:
        controleer([Probleem(naam, f"kolom ontbreekt: {k}") for k in ontbreekt])

    nt, npd, nl = len(typen), len(perioden), len(LABELS)
    gezien = np.zeros((nt, npd), dtype=bool)
    default = np.zeros((nt, npd), dtype=np.int64)
    vrv_asl = np.full((nt, npd, nl), np.nan)
    vrv_opp = np.full((nt, npd, nl), np.nan)
    vlak = {k: np.full((nt, npd), np.nan) for k in ("Vvent", "Vww", "Ve")}
    vlak_opp = {k: np.full((nt, npd), np.nan) for k in ("Vvent", "Vww", "Ve")}
    ki = {
        k: np.full((nt, npd, nl, nl), np.nan) for k in ("min_asl", "min_opp", "max_asl", "max_opp")
    }

    verplicht = [f"Vrv_{lb}_{d}" for lb in LABELS for d in ("asl", "opp")]
    verplicht += [f"{v}_{d}" for v in ("Vvent", "Vww", "Ve") for d in ("asl", "opp")]
    getal = df.drop(columns=["type_str", "bouwjaar_str", "Default_label"]).apply(
        lambda s: pd.to_numeric(s.astype(str).str.strip(), errors="coerce")
    )
    #: per figure that must be a number: the rows (type, period) where it is not
    geen_getal: dict[str, list[str]] = {}
    for rij, rec in enumerate(df.itertuples(index=False), start=eerste_regel):
        plaats = f"{naam}, regel {rij}"
        t_naam = str(rec.type_str).strip()
        p_naam = str(rec.bouwjaar_str).strip()
        if t_naam not in typen:
            problemen.append(Probleem(plaats, f"onbekend type '{t_naam}'"))
            continue
        if p_naam not in perioden:
            problemen.append(Probleem(plaats, f"onbekende bouwperiode '{p_naam}'"))
            continue
        t, p = typen.index(t_naam), perioden.index(p_naam)
        lbl = str(rec.Default_label).strip()
        if lbl not in LABELS:
            problemen.append(Probleem(plaats, f"onbekend standaardlabel '{lbl}'"))
            continue
        if gezien[t, p]:
            problemen.append(Probleem(plaats, f"{t_naam}, {p_naam} staat al in een eerdere regel"))
            continue
        gezien[t, p] = True
        default[t, p] = LABELS.index(lbl)
        g = getal.iloc[rij - eerste_regel]
        for kolom in verplicht:
            if np.isnan(g[kolom]):
                geen_getal.setdefault(kolom, []).append(f"{t_naam}, {p_naam}")
        for li, lb in enumerate(LABELS):
            vrv_asl[t, p, li] = g[f"Vrv_{lb}_asl"]
            vrv_opp[t, p, li] = g[f"Vrv_{lb}_opp"]
        for k in vlak:
            vlak[k][t, p] = g[f"{k}_asl"]
            vlak_opp[k][t, p] = g[f"{k}_opp"]
        for naar, vanaf in sprongen.items():
            for van in vanaf:
                vi, ni = LABELS.index(van), LABELS.index(naar)
                for b in ("min", "max"):
                    for d in ("asl", "opp"):
                        ki[f"{b}_{d}"][t, p, vi, ni] = g[f"Ki_S{van}{naar}_{b}_{d}"]
    for t, p in zip(*np.nonzero(~gezien), strict=True):
        problemen.append(Probleem(naam, f"geen regel voor {typen[t]}, {perioden[p]}"))
    for kolom, rijen in geen_getal.items():
        genoemd = "; ".join(rijen[:5]) + (f" en nog {len(rijen) - 5}" if len(rijen) > 5 else "")
        problemen.append(Probleem(f"{naam}, kolom {kolom}", f"geen getal bij {genoemd}"))
    controleer(problemen)
    return SectorKentallen(
        typen=typen,
        perioden=perioden,
        default_label=default,
        vrv_asl=vrv_asl,
        vrv_opp=vrv_opp,
        vvent_asl=vlak["Vvent"],
        vvent_opp=vlak_opp["Vvent"],
        vww_asl=vlak["Vww"],
        vww_opp=vlak_opp["Vww"],
        ve_asl=vlak["Ve"],
        ve_opp=vlak_opp["Ve"],
        ki_min_asl=ki["min_asl"],
        ki_min_opp=ki["min_opp"],
        ki_max_asl=ki["max_asl"],
        ki_max_opp=ki["max_opp"],
    )


def bouwkentallen_uit_tabellen(
    woningen: pd.DataFrame,
    utiliteiten: pd.DataFrame,
    bron: str,
    *,
    namen: tuple[str, str] = ("woningkentallen", "utiliteitskentallen"),
    eerste_regel: int = 2,
) -> Bouwkentallen:
    """Key figures from two tables in PBL's column layout (e.g. a beheerder's new version).

    ``namen`` name the two tables in the problems, ``eerste_regel`` is the number given to a
    table's first row (2 for a file whose line 1 is the header). Problems of both tables are
    raised together.
    """
    problemen: list[Probleem] = []
    sectoren: list[SectorKentallen] = []
    for df, naam, typen, perioden, sprongen in (
        (woningen, namen[0], WONINGTYPEN, BOUWPERIODEN, SPRONGEN_WONING),
        (utiliteiten, namen[1], UTILITEITSFUNCTIES, UTILITEIT_BOUWPERIODEN, SPRONGEN_UTILITEIT),
    ):
        try:
            sectoren.append(_sector(df, naam, typen, perioden, sprongen, eerste_regel))
        except InvoerFout as fout:
            problemen += fout.problemen
    controleer(problemen)
    return Bouwkentallen(woning=sectoren[0], utiliteit=sectoren[1], bron=bron)


def lees_pbl_tabel(pad: Path) -> pd.DataFrame:
    """Read one of PBL's semicolon-separated key-figure files as text columns."""
    return pd.read_csv(pad, sep=";", encoding="utf-8-sig", dtype=str)


@cache
def bouwkentallen_pbl() -> Bouwkentallen:
    """PBL's 2025 key figures as shipped with the project (read once per process)."""
    return bouwkentallen_uit_tabellen(
        lees_pbl_tabel(WONINGEN_CSV),
        lees_pbl_tabel(UTILITEITEN_CSV),
        bron="PBL, Vesta MAIS Startanalyse 2025 (20241112_Woningen_BAG.csv, "
        "20241107_Utiliteiten_BAG.csv), GPL-3.0",
    )
