"""Reference weather years and the normalised hourly profiles derived from them.

Source: KNMI hourly observations De Bilt (station 260), 2021 and 2022 (KNMI open data), shipped
in ``techniek/data/engine/knmi/``. ``hour_ut`` 1-24 is the hour in UT *ending* at HH, so row
(date, HH) is the interval [HH-1, HH) UT; hour index ``h`` of the engine is that interval,
counted from 1 January 00:00 UT.

Profiles are computed once per weather year (and base temperature) and cached:

* space heating: heating-degree-hours ``GU[h] = max(0, T_stookgrens - T[h])``; the profile is
  ``rv[h] = GU[h] / GU_normaal``, so a year as cold as the normal year spreads exactly the annual
  Vesta demand and a colder year gives proportionally more (and a higher peak);
* tap water: a daily pattern by local hour (``tapwaterpatroon.csv``), equal every day, summing
  to 1 over the year.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from .constanten import UREN_PER_JAAR
from .fouten import Probleem, controleer
from .parameters import Parameters

DATA = Path(__file__).resolve().parent.parent / "data" / "engine"
KNMI_JAREN = (2021, 2022)
KELVIN = 273.15


def _alleen_lezen(a: np.ndarray) -> np.ndarray:
    a = np.ascontiguousarray(a, dtype=np.float64)
    a.setflags(write=False)
    return a


@dataclass(frozen=True)
class Weerjaar:
    """8,760 hourly outdoor temperatures [degC] with the local clock hour of each interval."""

    naam: str
    jaar: int
    temperatuur: np.ndarray
    lokaal_uur: np.ndarray
    bron: str
    sleutel: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "temperatuur", _alleen_lezen(self.temperatuur))
        digest = hashlib.sha1(self.temperatuur.tobytes()).hexdigest()[:16]  # noqa: S324
        object.__setattr__(self, "sleutel", f"{self.jaar}:{digest}")


def _lokale_uren(jaar: int) -> np.ndarray:
    start = pd.Timestamp(f"{jaar}-01-01 00:00", tz="UTC")
    tijden = pd.date_range(start, periods=UREN_PER_JAAR, freq="h")
    return tijden.tz_convert("Europe/Amsterdam").hour.to_numpy()


def weerjaar_uit_reeks(
    temperatuur: np.ndarray | list[float], *, jaar: int, naam: str, bron: str
) -> Weerjaar:
    """A weather year from any series of 8,760 hourly temperatures (e.g. a shifted series)."""
    t = np.asarray(temperatuur, dtype=np.float64)
    problemen = []
    if t.shape != (UREN_PER_JAAR,):
        problemen.append(
            Probleem("weerjaar", f"er zijn {t.size} uurwaarden, er moeten er {UREN_PER_JAAR} zijn")
        )
    elif not np.isfinite(t).all():
        problemen.append(Probleem("weerjaar", "niet elke uurtemperatuur is een getal"))
    controleer(problemen)
    return Weerjaar(naam=naam, jaar=jaar, temperatuur=t, lokaal_uur=_lokale_uren(jaar), bron=bron)


@cache
def weerjaar_knmi(jaar: int) -> Weerjaar:
    """KNMI De Bilt (260) for 2021 or 2022, as shipped with the project."""
    if jaar not in KNMI_JAREN:
        controleer([Probleem("weerjaar", f"geen KNMI-gegevens voor {jaar}; kies 2021 of 2022")])
    df = pd.read_csv(DATA / "knmi" / f"knmi_debilt_260_hourly_T_{jaar}.csv")
    df = df.sort_values(["date", "hour_ut"])
    return weerjaar_uit_reeks(
        df["temperature_c"].to_numpy(),
        jaar=jaar,
        naam=f"KNMI De Bilt {jaar}",
        bron="KNMI uurgegevens De Bilt (260), open data",
    )


@cache
def tapwaterpatroon() -> np.ndarray:
    """Share of the daily tap-water demand per local hour 0-23 (sums to 1)."""
    df = pd.read_csv(DATA / "tapwaterpatroon.csv", sep=";", comment="#")
    patroon = df.sort_values("uur")["aandeel"].to_numpy(dtype=np.float64)
    return _alleen_lezen(patroon / patroon.sum())


def graaduren(temperatuur: np.ndarray, t_stookgrens: float) -> np.ndarray:
    """Heating-degree-hours per hour [K h]: ``max(0, T_stookgrens - T)``."""
    return np.maximum(t_stookgrens - temperatuur, 0.0)


@cache
def normaal_graaduren(t_stookgrens: float) -> float:
    """Degree-hours of the normal year: the mean of the shipped KNMI years (see docs)."""
    return float(
        np.mean([graaduren(weerjaar_knmi(j).temperatuur, t_stookgrens).sum() for j in KNMI_JAREN])
    )


@dataclass(frozen=True)
class Profielen:
    """Normalised hourly profiles of one weather year (arrays of 8,760, read-only).

    ``rv``: share of the normal-year space-heating demand in each hour (sums to
    ``graaduren / graaduren_normaal``). ``tw``: share of the annual tap-water demand (sums to 1).
    ``vlak``: 1/8760 each hour.
    """

    weerjaar: Weerjaar
    t_stookgrens: float
    graaduren: float
    graaduren_normaal: float
    rv: np.ndarray
    tw: np.ndarray
    vlak: np.ndarray


_PROFIELEN: dict[tuple[str, float, float | None], Profielen] = {}


def profielen(
    weerjaar: Weerjaar, t_stookgrens: float, graaduren_normaal: float | None = None
) -> Profielen:
    """Profiles of ``weerjaar`` (cached per weather year and base temperature).

    ``graaduren_normaal`` [K h] defaults to :func:`normaal_graaduren`; pass the weather year's own
    degree-hours to spread exactly the annual Vesta demand over that year.
    """
    sleutel = (weerjaar.sleutel, float(t_stookgrens), graaduren_normaal)
    if sleutel in _PROFIELEN:
        return _PROFIELEN[sleutel]
    gu = graaduren(weerjaar.temperatuur, t_stookgrens)
    normaal = normaal_graaduren(t_stookgrens) if graaduren_normaal is None else graaduren_normaal
    if normaal <= 0:
        controleer([Probleem("weerjaar", "het normaaljaar heeft geen graaduren")])
    tw = tapwaterpatroon()[weerjaar.lokaal_uur]
    prof = Profielen(
        weerjaar=weerjaar,
        t_stookgrens=float(t_stookgrens),
        graaduren=float(gu.sum()),
        graaduren_normaal=float(normaal),
        rv=_alleen_lezen(gu / normaal),
        tw=_alleen_lezen(tw / tw.sum()),
        vlak=_alleen_lezen(np.full(UREN_PER_JAAR, 1.0 / UREN_PER_JAAR)),
    )
    if len(_PROFIELEN) > 64:
        _PROFIELEN.clear()
    _PROFIELEN[sleutel] = prof
    return prof


def stooklijn(t_buiten: np.ndarray, t_aanvoer_ontwerp: float, p: Parameters) -> np.ndarray:
    """Supply temperature of space heating [degC] by outdoor temperature (heating curve).

    Linear from ``T_ruimte`` at ``T_stookgrens`` to ``t_aanvoer_ontwerp`` at ``T_ontwerp``,
    constant outside that range.
    """
    f = np.clip((p.T_stookgrens - t_buiten) / (p.T_stookgrens - p.T_ontwerp), 0.0, 1.0)
    return p.T_ruimte + (t_aanvoer_ontwerp - p.T_ruimte) * f


def cop(t_bron: np.ndarray | float, t_afgifte: np.ndarray | float, p: Parameters) -> np.ndarray:
    """Coefficient of performance of a heat pump, Carnot-based.

    ``COP = eta_carnot * T_c / (T_c - T_e)`` with condensing temperature
    ``T_c = t_afgifte + dT_wisselaar`` and evaporating temperature ``T_e = t_bron - dT_wisselaar``
    (in kelvin), limited to [1, ``COP_max``].
    """
    t_c = np.asarray(t_afgifte, dtype=np.float64) + p.dT_wisselaar + KELVIN
    t_e = np.asarray(t_bron, dtype=np.float64) - p.dT_wisselaar + KELVIN
    verschil = np.maximum(t_c - t_e, 1e-6)
    return np.clip(p.eta_carnot * t_c / verschil, 1.0, p.COP_max)
