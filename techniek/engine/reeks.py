"""Hourly series of a batch of stocks, kept in a form that avoids building [B, 8760] arrays.

Most of the hourly model is linear in the annual demand of each stock: an hourly series is
``sum_k c[b, k] * P_k[h]`` with a few profiles ``P_k`` shared by every stock (the normalised
demand profiles of the weather year, divided by a COP profile, ...). The storage dispatch is not
linear; it yields explicit arrays. A :class:`Reeks` holds both parts:

    waarde[b, h] = sum_k c[b, k] * P_k[h]  +  sum_j s_j[b] * X_j[b, h]

Adding and scaling only touch coefficients; a sum over the year is a small matrix product plus
cached row sums; the full array is only built when a maximum, a count or an hourly series is
asked for -- and not even then for one or two profiles: the maximum of ``a * P_1 + c * P_2`` lies
on a vertex of the convex hull of the points ``(P_1[h], P_2[h])``, computed once per profile
pair. Terms built from the same profile (or explicit array) are merged first, so terms that
cancel -- as in the energy balance -- cancel exactly.
"""

from __future__ import annotations

import hashlib

import numpy as np

#: Up to this many stocks, maxima and counts are computed in float64; beyond, in float32
#: (display values at national scale). Sums over the year are always float64.
EXACT_TOT = 64

_Dicht = tuple[np.ndarray, np.ndarray, np.ndarray]  # array [B, H], scale [B], row sums [B]


class Reeks:
    """An hourly series [B, H]: a linear part plus scaled explicit arrays."""

    __slots__ = ("b", "c", "dicht", "h", "p")

    def __init__(
        self,
        c: np.ndarray,
        p: tuple[np.ndarray, ...],
        dicht: tuple[_Dicht, ...],
        b: int,
        h: int,
    ) -> None:
        self.c = c  # [B, K]
        self.p = p  # K profiles of [H]
        self.dicht = dicht
        self.b = b
        self.h = h

    # construction ---------------------------------------------------------------------------
    @classmethod
    def uit(cls, coef: np.ndarray, profiel: np.ndarray) -> Reeks:
        """``coef[b] * profiel[h]``."""
        c = np.asarray(coef, dtype=np.float64)[:, None]
        return cls(c, (np.asarray(profiel, dtype=np.float64),), (), c.shape[0], len(profiel))

    @classmethod
    def nul(cls, b: int, h: int) -> Reeks:
        return cls(np.zeros((b, 0)), (), (), b, h)

    @classmethod
    def expliciet(cls, x: np.ndarray) -> Reeks:
        """An explicit array [B, H]."""
        b, h = x.shape
        return cls(np.zeros((b, 0)), (), ((x, np.ones(b), x.sum(axis=1)),), b, h)

    @property
    def vorm(self) -> tuple[int, int]:
        return self.b, self.h

    # arithmetic -----------------------------------------------------------------------------
    def __add__(self, ander: Reeks) -> Reeks:
        return Reeks(
            np.concatenate([self.c, ander.c], axis=1),
            self.p + ander.p,
            self.dicht + ander.dicht,
            self.b,
            self.h,
        )

    def __sub__(self, ander: Reeks) -> Reeks:
        return self + ander.maal(-1.0)

    def maal(self, s: float | np.ndarray) -> Reeks:
        """Multiply by a number or by one number per stock [B]."""
        s = np.asarray(s, dtype=np.float64)
        per_rij = s[:, None] if s.ndim else s
        dicht = tuple((x, f * s, rs) for x, f, rs in self.dicht)
        return Reeks(self.c * per_rij, self.p, dicht, self.b, self.h)

    def per_uur(self, w: np.ndarray | float) -> Reeks:
        """Multiply every hour by a weight [H] (e.g. 1 / COP)."""
        dicht = tuple((x * w, f, (x * w).sum(axis=1)) for x, f, _ in self.dicht)
        return Reeks(self.c, tuple(rij * w for rij in self.p), dicht, self.b, self.h)

    # reductions -----------------------------------------------------------------------------
    def som(self) -> np.ndarray:
        """Sum over the hours [B], float64."""
        uit = self.c @ np.array([rij.sum() for rij in self.p]) if self.p else np.zeros(self.b)
        for _, f, rs in self.dicht:
            uit = uit + f * rs
        return uit

    def _samengevoegd(self) -> Reeks:
        """Terms with the same profile (or explicit array) merged; zero terms dropped."""
        plek: dict[int, int] = {}
        rijen: list[np.ndarray] = []
        for rij in self.p:
            if id(rij) not in plek:
                plek[id(rij)] = len(rijen)
                rijen.append(rij)
        if len(rijen) < len(self.p):
            c = np.zeros((self.b, len(rijen)))
            for k, rij in enumerate(self.p):
                c[:, plek[id(rij)]] += self.c[:, k]
        else:
            c = self.c
        houd = [k for k in range(len(rijen)) if np.any(c[:, k] != 0.0)]
        per_array: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for x, f, _ in self.dicht:
            oud = per_array.get(id(x))
            per_array[id(x)] = (x, f if oud is None else oud[1] + f)
        dicht = tuple((x, f, np.zeros(0)) for x, f in per_array.values() if np.any(f != 0.0))
        return Reeks(c[:, houd], tuple(rijen[k] for k in houd), dicht, self.b, self.h)

    def waarden(self, exact: bool = True, kolommen: bool | None = None) -> np.ndarray:
        """The full array [B, H] (float32 beyond :data:`EXACT_TOT` stocks unless ``exact``).

        With explicit parts the result is always float64 (they come from the dispatch) and takes
        their memory order; ``kolommen=True`` asks for hour-major (Fortran) order, which the hour
        loop of the dispatch reads without copying.
        """
        r = self._samengevoegd()
        enkel = not exact and self.b > EXACT_TOT and not r.dicht
        if kolommen is None:
            kolommen = any(x.flags.f_contiguous and not x.flags.c_contiguous for x, _, _ in r.dicht)
        if r.p:
            p, c = np.stack(r.p), r.c
            if enkel:
                p, c = p.astype(np.float32), c.astype(np.float32)
            uit = (p.T @ c.T).T if kolommen else c @ p
        else:
            uit = np.zeros(
                self.vorm, dtype=np.float32 if enkel else np.float64, order="F" if kolommen else "C"
            )
        for x, f, _ in r.dicht:
            if np.all(f == 1.0):
                uit += x
            elif np.all(f == -1.0):
                uit -= x
            else:
                uit += x * f[:, None]
        return uit

    def _lineair(self) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]] | None:
        """(constant part [B], coefficients [B, K'], non-constant profiles) or None."""
        r = self._samengevoegd()
        if r.dicht:
            return None
        constant = np.zeros(self.b)
        houd = []
        for k, rij in enumerate(r.p):
            if rij.max() == rij.min():
                constant = constant + r.c[:, k] * rij[0]
            else:
                houd.append(k)
        return constant, r.c[:, houd], tuple(r.p[k] for k in houd)

    def max(self) -> np.ndarray:
        """Maximum over the hours [B]; exact without building the array for up to two profiles."""
        lin = self._lineair()
        if lin is not None:
            constant, c, p = lin
            if not p:
                return constant
            if len(p) == 1:
                return constant + np.maximum(c[:, 0] * p[0].max(), c[:, 0] * p[0].min())
            if len(p) == 2:
                return constant + (c @ _hull(p[0], p[1])).max(axis=1)
        return self.waarden(exact=False).max(axis=1).astype(np.float64)

    def max_abs(self) -> np.ndarray:
        if self._lineair() is None:
            return np.abs(self.waarden(exact=False)).max(axis=1).astype(np.float64)
        return np.maximum(self.max(), self.maal(-1.0).max())

    def uren_boven(self, drempel: float) -> np.ndarray:
        """Number of hours above ``drempel`` per stock."""
        lin = self._lineair()
        if lin is not None:
            constant, c, p = lin
            if not p:
                return np.where(constant > drempel, float(self.h), 0.0)
            if len(p) == 1:
                gesorteerd = np.sort(p[0])
                k = c[:, 0]
                grens = np.divide(drempel - constant, k, out=np.zeros(self.b), where=k != 0)
                boven = self.h - np.searchsorted(gesorteerd, grens, side="right")
                onder = np.searchsorted(gesorteerd, grens, side="left")
                nul = np.where(constant > drempel, self.h, 0)
                return np.where(k > 0, boven, np.where(k < 0, onder, nul)).astype(np.float64)
        # counts are computed in float64: a rounding residue must not count as an hour
        return (self.waarden(exact=True) > drempel).sum(axis=1).astype(np.float64)


_HULLS: dict[bytes, np.ndarray] = {}


def _hull(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Vertices [2, V] of the convex hull of the points (x[h], y[h]), cached per profile pair.

    The maximum over the hours of ``a * x + c * y`` is attained at one of them, whatever the
    signs of ``a`` and ``c``.
    """
    sleutel = hashlib.blake2b(x.tobytes() + y.tobytes(), digest_size=16).digest()
    gevonden = _HULLS.get(sleutel)
    if gevonden is not None:
        return gevonden
    punten = np.unique(x + 1j * y)  # sorted by x, then y
    px, py = punten.real.tolist(), punten.imag.tolist()

    def keten(volgorde: range) -> list[int]:
        rand: list[int] = []
        for i in volgorde:
            while len(rand) >= 2:
                a, b = rand[-2], rand[-1]
                if (px[b] - px[a]) * (py[i] - py[a]) - (py[b] - py[a]) * (px[i] - px[a]) <= 0:
                    rand.pop()
                else:
                    break
            rand.append(i)
        return rand

    n = len(px)
    idx = np.array(sorted(set(keten(range(n))) | set(keten(range(n - 1, -1, -1)))))
    hoeken = np.vstack([punten.real[idx], punten.imag[idx]])
    if len(_HULLS) > 512:
        _HULLS.clear()
    _HULLS[sleutel] = hoeken
    return hoeken
