"""Financial arithmetic: present value, internal rate of return, annuity and payback time.

Plain functions on sequences of yearly cash flows, index 0 being year 0 (not discounted).
Input that makes no sense (a discount rate of -100 % or less, a negative term) raises
:class:`FinancienFout` with a Dutch message; an IRR that does not exist is ``None``, not an error,
because a business case without one is a normal outcome to report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .fouten import FinancienFout, Probleem

#: The IRR is searched for in this interval (as fractions): from -99 % to 1000 %.
IRR_ONDERGRENS = -0.99
IRR_BOVENGRENS = 10.0
#: Grid points (on the scale of 1 + r) scanned for a sign change before bisection.
_RASTER = 4001


def _als_array(kasstromen: Sequence[float] | np.ndarray, plaats: str = "kasstromen") -> np.ndarray:
    waarden = np.asarray(kasstromen, dtype=float).ravel()
    if waarden.size == 0:
        raise FinancienFout([Probleem(plaats, "er zijn geen kasstromen opgegeven")])
    if not np.all(np.isfinite(waarden)):
        raise FinancienFout([Probleem(plaats, "alle kasstromen moeten een getal zijn")])
    return waarden


def controleer_discontovoet(discontovoet: float, plaats: str = "discontovoet") -> None:
    """A rate of -100 % or less has no meaning: money would be worth nothing or less later."""
    if not math.isfinite(discontovoet):
        raise FinancienFout([Probleem(plaats, "de discontovoet moet een getal zijn")])
    if discontovoet <= -1.0:
        raise FinancienFout(
            [
                Probleem(
                    plaats,
                    f"een discontovoet van {discontovoet * 100:.1f} % kan niet: "
                    "de discontovoet moet groter zijn dan -100 %",
                )
            ]
        )


def npv(kasstromen: Sequence[float] | np.ndarray, discontovoet: float) -> float:
    """Net present value; year 0 counts in full, year t is divided by (1 + r)^t."""
    controleer_discontovoet(discontovoet)
    waarden = _als_array(kasstromen)
    jaren = np.arange(waarden.size)
    return float(np.sum(waarden / (1.0 + discontovoet) ** jaren))


def _npv_op_raster(waarden: np.ndarray, factoren: np.ndarray) -> np.ndarray:
    """NPV at rates ``factoren - 1``, scaled per point to stay finite for long horizons."""
    # sum c_t * x^t with x = 1/(1+r); Horner keeps it stable.
    x = 1.0 / factoren
    uitkomst = np.zeros_like(x)
    for c in waarden[::-1]:
        uitkomst = uitkomst * x + c
    return uitkomst


def irr_met_reden(kasstromen: Sequence[float] | np.ndarray) -> tuple[float | None, str]:
    """The IRR, or ``None`` with a Dutch reason why there is none.

    We scan the NPV over rates from -99 % to 1000 % for a sign change and bisect it; with more
    than one, the root closest to 10 % is taken (as spreadsheet programs do by default).
    """
    waarden = _als_array(kasstromen)
    if not (np.any(waarden > 0) and np.any(waarden < 0)):
        return None, (
            "er is geen interne rentevoet: de kasstromen wisselen niet van teken "
            "(alleen uitgaven of alleen inkomsten)"
        )
    factoren = np.geomspace(1.0 + IRR_ONDERGRENS, 1.0 + IRR_BOVENGRENS, _RASTER)
    with np.errstate(over="ignore", invalid="ignore"):
        waarden_raster = _npv_op_raster(waarden, factoren)
    tekens = np.sign(waarden_raster)
    kandidaten: list[float] = []
    for i in range(factoren.size - 1):
        a, b = waarden_raster[i], waarden_raster[i + 1]
        if not (np.isfinite(a) and np.isfinite(b)):
            continue
        if tekens[i] == 0:
            kandidaten.append(float(factoren[i] - 1.0))
        elif tekens[i] * tekens[i + 1] < 0:
            kandidaten.append(_bisectie(waarden, float(factoren[i]), float(factoren[i + 1])))
    if tekens[-1] == 0:
        kandidaten.append(float(factoren[-1] - 1.0))
    if not kandidaten:
        return None, (
            "er is geen interne rentevoet tussen -99 % en 1000 %: de contante waarde wordt "
            "bij geen enkele rentevoet in dat bereik nul"
        )
    beste = min(kandidaten, key=lambda r: abs(r - 0.1))
    if len(kandidaten) > 1:
        return beste, (
            f"de kasstromen hebben {len(kandidaten)} interne rentevoeten; "
            "we geven die het dichtst bij 10 %"
        )
    return beste, ""


def _bisectie(waarden: np.ndarray, laag: float, hoog: float) -> float:
    """Bisect on 1 + r between two grid points with opposite NPV signs."""
    f_laag = _npv_op_raster(waarden, np.array([laag]))[0]
    for _ in range(200):
        midden = 0.5 * (laag + hoog)
        f_midden = _npv_op_raster(waarden, np.array([midden]))[0]
        if f_midden == 0 or (hoog - laag) < 1e-15:
            break
        if (f_midden > 0) == (f_laag > 0):
            laag, f_laag = midden, f_midden
        else:
            hoog = midden
    return float(0.5 * (laag + hoog) - 1.0)


def irr(kasstromen: Sequence[float] | np.ndarray) -> float | None:
    """Internal rate of return as a fraction, or ``None`` when there is none (never raises)."""
    return irr_met_reden(kasstromen)[0]


def annuiteit(
    hoofdsom: float, rente_per_jaar: float, looptijd_jaren: float, per_maand: bool = True
) -> float:
    """The fixed payment (per month or per year) that repays ``hoofdsom`` with interest.

    With a monthly payment the yearly rate is divided by 12 (nominal rate, as Dutch lenders
    quote it). At 0 % the principal is simply divided over the payments.
    """
    problemen: list[Probleem] = []
    if not math.isfinite(hoofdsom) or hoofdsom < 0:
        problemen.append(Probleem("hoofdsom", "de hoofdsom moet 0 of meer zijn"))
    if not math.isfinite(looptijd_jaren) or looptijd_jaren <= 0:
        problemen.append(Probleem("looptijd", "de looptijd moet groter dan 0 jaar zijn"))
    if not math.isfinite(rente_per_jaar) or rente_per_jaar <= -1.0:
        problemen.append(Probleem("rente", "de rente moet groter zijn dan -100 %"))
    if problemen:
        raise FinancienFout(problemen)
    termijnen = looptijd_jaren * 12 if per_maand else looptijd_jaren
    rente = rente_per_jaar / 12 if per_maand else rente_per_jaar
    if abs(rente) < 1e-12:
        # So close to 0 % that the formula would divide by (almost) zero.
        return hoofdsom / termijnen
    return hoofdsom * rente / -math.expm1(-termijnen * math.log1p(rente))


def terugverdientijd(kasstromen: Sequence[float] | np.ndarray) -> float | None:
    """Years until the cumulative cash flow first reaches 0, interpolated within the year.

    ``None`` when it never does within the flows given. When year 0 is already 0 or more, 0.
    """
    waarden = _als_array(kasstromen)
    cumulatief = np.cumsum(waarden)
    if cumulatief[0] >= 0:
        return 0.0
    for t in range(1, waarden.size):
        if cumulatief[t] >= 0:
            return float(t - 1 + (-cumulatief[t - 1]) / waarden[t])
    return None
