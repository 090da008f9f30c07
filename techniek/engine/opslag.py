"""Base source + thermal storage + peak boiler, dispatched hour by hour.

Rule (greedy, no foresight): the base source of capacity ``Pb`` serves the load ``L[h]`` first;
spare base capacity charges the storage (content ``E``), a shortfall is taken from the storage
(at most ``Pd`` per hour) and the rest from the peak boiler. With ``x[h] = max(Pb - L[h], -Pd)``
the storage content follows

    s[h] = min(E, max(0, s[h-1] + x[h])),  s[-1] = s0

and per hour: ``laden = max(s[h] - s[h-1], 0)``, ``ontladen = max(s[h-1] - s[h], 0)``,
``basis = min(Pb, L) + laden``, ``piek = max(L - Pb, 0) - ontladen``, so that
``L + laden = basis + piek + ontladen`` holds in every hour (storage losses are not modelled).

Two exact ways to compute ``s``:

* :func:`inhoud_scan` -- vectorised over series *and* hours: each step ``s -> clip(s + x, 0, E)``
  is a clamp map ``s -> min(hi, max(lo, s + c))``; such maps compose into maps of the same form
  (``c = c1 + c2``, ``lo = clip(lo1 + c2, lo2, hi2)``, ``hi = clip(hi1 + c2, lo2, hi2)``), so an
  inclusive prefix scan gives every ``s[h]`` in log2(8760) = 14 vectorised steps. Used for a plan
  area (few series).
* :func:`inhoud_lus` -- one vectorised step per hour over all series at once; cheaper when there
  are thousands of series (national scale).
"""

from __future__ import annotations

import numpy as np


def inhoud_scan(
    x: np.ndarray, capaciteit: np.ndarray, begin: np.ndarray | float = 0.0
) -> np.ndarray:
    """Storage content after each hour, for series ``x`` [N, H] with capacities [N]."""
    x = np.asarray(x, dtype=np.float64)
    hi_0 = np.broadcast_to(np.asarray(capaciteit, dtype=np.float64)[..., None], x.shape)
    c = x.copy()
    lo = np.zeros_like(x)
    hi = np.array(hi_0)
    stap = 1
    uren = x.shape[-1]
    while stap < uren:
        c2, lo2, hi2 = c[..., stap:], lo[..., stap:], hi[..., stap:]
        c1, lo1, hi1 = c[..., :-stap], lo[..., :-stap], hi[..., :-stap]
        nieuw_lo = np.minimum(np.maximum(lo1 + c2, lo2), hi2)
        nieuw_hi = np.minimum(np.maximum(hi1 + c2, lo2), hi2)
        nieuw_c = c1 + c2
        c = np.concatenate([c[..., :stap], nieuw_c], axis=-1)
        lo = np.concatenate([lo[..., :stap], nieuw_lo], axis=-1)
        hi = np.concatenate([hi[..., :stap], nieuw_hi], axis=-1)
        stap *= 2
    s0 = np.asarray(begin, dtype=np.float64)
    s0 = s0[..., None] if s0.ndim else s0
    return np.minimum(np.maximum(s0 + c, lo), hi)


def inhoud_lus(
    x: np.ndarray, capaciteit: np.ndarray, begin: np.ndarray | float = 0.0
) -> np.ndarray:
    """Same result as :func:`inhoud_scan`, one vectorised step per hour.

    Works hour-major internally; an ``x`` in Fortran order is read without copying and the
    result comes back in Fortran order too.
    """
    xt = np.asarray(x, dtype=np.float64).T
    if not xt.flags.c_contiguous:
        xt = np.ascontiguousarray(xt)
    st = np.empty_like(xt)
    e = np.broadcast_to(np.asarray(capaciteit, dtype=np.float64), xt.shape[1:])
    huidig = np.broadcast_to(np.asarray(begin, dtype=np.float64), xt.shape[1:]).copy()
    for h in range(xt.shape[0]):
        np.add(huidig, xt[h], out=huidig)
        np.maximum(huidig, 0.0, out=huidig)
        np.minimum(huidig, e, out=huidig)
        st[h] = huidig
    return st.T


def verdeel(
    last: np.ndarray,
    basisvermogen: np.ndarray,
    opslag: np.ndarray,
    ontlaadvermogen: np.ndarray,
    begin: np.ndarray | float = 0.0,
) -> dict[str, np.ndarray]:
    """Dispatch ``last`` [N, H] over base source, storage and peak boiler (see module doc).

    Returns arrays [N, H]: ``basis``, ``piek``, ``laden``, ``ontladen`` and ``inhoud`` (content
    after the hour), all in the unit of ``last`` (MW = MWh per hour).
    """
    pb = np.asarray(basisvermogen, dtype=np.float64)[..., None]
    pd_ = np.asarray(ontlaadvermogen, dtype=np.float64)[..., None]
    x = np.maximum(pb - last, -pd_)
    inhoud = (
        inhoud_scan(x, opslag, begin) if np.any(np.asarray(opslag) > 0) else np.zeros_like(last)
    )
    vorige = np.concatenate(
        [
            np.broadcast_to(np.asarray(begin, dtype=np.float64), last.shape[:-1])[..., None],
            inhoud[..., :-1],
        ],
        axis=-1,
    )
    delta = inhoud - vorige
    laden = np.maximum(delta, 0.0)
    ontladen = np.maximum(-delta, 0.0)
    basis = np.minimum(pb, last) + laden
    piek = np.maximum(np.maximum(last - pb, 0.0) - ontladen, 0.0)
    return {"basis": basis, "piek": piek, "laden": laden, "ontladen": ontladen, "inhoud": inhoud}
