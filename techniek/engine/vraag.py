"""Annual demand per segment with PBL's Vesta MAIS key figures, before and after insulation.

Per segment (type x period x label) with ``n`` buildings of average floor area ``A`` [m2]:

* space heating  ``RV = Drager_RuimteVerwarming * n * max(0, Vrv_X_asl + Vrv_X_opp * A)``,
  X = the label after the insulation step;
* tap water      ``TW = Drager_TapWater * n * max(0, Vww_asl + Vww_opp * A)``;
* ventilation    ``VENT = Drager_ElektrischeApparatuur * n * max(0, Vvent_asl + Vvent_opp * A)``
  (electricity), only when the label after the step is B or better (as in Vesta's
  ``GebouwOptieT.dms``: ``SchilLabel <= B``);
* appliances     ``APP = Drager_ElektrischeApparatuur * n * max(0, Ve_asl + Ve_opp * A)``.

All in GJ/yr. The insulation step to a target label (B, C or D for dwellings) moves every
segment whose label is worse than the target to the target -- but, as in Vesta (``Springers``:
``DeltaRV > 0``), only when that lowers its space-heating demand; PBL's figures per label are
not monotone for every type, period and floor area. A segment without a registered label (``N``)
is judged by PBL's default label for its type and period and keeps its ``N`` key figures when
that default is already as good as the target (Vesta's rule). The investment is
``n * max(0, Ki_S<van><naar>_<band>_asl + Ki_S<van><naar>_<band>_opp * A)`` for band min and max.
Non-residential buildings go to the nearest PBL jump that reaches the target (B and C -> A,
D -> D).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .constanten import (
    BOUWPERIODEN,
    DOELLABEL_UTILITEIT,
    DOELLABELS,
    LABEL_INDEX,
    LABELS,
    UTILITEIT_BOUWPERIODEN,
    UTILITEITSFUNCTIES,
    WONINGTYPEN,
)
from .fouten import Probleem, controleer
from .kentallen import Bouwkentallen, SectorKentallen
from .parameters import Parameters
from .voorraad import Gebouwvoorraad, Voorraadbatch

_N = LABEL_INDEX["N"]
_B = LABEL_INDEX["B"]


@dataclass(frozen=True)
class _Sprong:
    """Per segment [T, P, L]: label after the step, origin of the jump, whether it jumps."""

    na: np.ndarray
    van: np.ndarray
    springt: np.ndarray


def _sprong(sector: SectorKentallen, doel: str | None) -> _Sprong:
    nt, np_ = sector.default_label.shape
    lbl = np.broadcast_to(np.arange(len(LABELS)), (nt, np_, len(LABELS)))
    effectief = np.where(lbl == _N, sector.default_label[:, :, None], lbl)
    if doel is None:
        return _Sprong(na=lbl.copy(), van=effectief, springt=np.zeros(lbl.shape, dtype=bool))
    d = LABEL_INDEX[doel]
    springt = effectief > d
    return _Sprong(na=np.where(springt, d, lbl), van=effectief, springt=springt)


def _per_gebouw(asl: np.ndarray, opp_kental: np.ndarray, oppervlakte: np.ndarray) -> np.ndarray:
    return np.maximum(asl + opp_kental * oppervlakte, 0.0)


def _sector_vraag(
    aantal: np.ndarray,
    opp: np.ndarray,
    sector: SectorKentallen,
    doel: str | None,
    p: Parameters,
) -> dict[str, np.ndarray]:
    """Demand and investment per segment; arrays keep any leading (batch) axes."""
    s = _sprong(sector, doel)
    t, pr, lb = np.indices(s.na.shape)
    rv_nu = _per_gebouw(sector.vrv_asl[t, pr, lb], sector.vrv_opp[t, pr, lb], opp)
    rv_doel = _per_gebouw(sector.vrv_asl[t, pr, s.na], sector.vrv_opp[t, pr, s.na], opp)
    # Vesta only lets a building jump when the jump lowers its demand ("Springers":
    # DeltaRV > 0 in GebouwOptieT.dms); PBL's figures per label are not monotone everywhere.
    springt = s.springt & (rv_doel < rv_nu)
    rv = np.where(springt, rv_doel, rv_nu)
    na = np.where(springt, s.na, lb)
    na_effectief = np.where(na == _N, sector.default_label[:, :, None], na)
    uit = {
        "rv": p.Drager_RuimteVerwarming * aantal * rv,
        "tw": p.Drager_TapWater
        * aantal
        * _per_gebouw(sector.vww_asl[..., None], sector.vww_opp[..., None], opp),
        "vent": p.Drager_ElektrischeApparatuur
        * aantal
        * (na_effectief <= _B)
        * _per_gebouw(sector.vvent_asl[..., None], sector.vvent_opp[..., None], opp),
        "app": p.Drager_ElektrischeApparatuur
        * aantal
        * _per_gebouw(sector.ve_asl[..., None], sector.ve_opp[..., None], opp),
    }
    if doel is None:
        nul = np.zeros(np.broadcast_shapes(aantal.shape, s.na.shape))
        uit["isolatie_min"] = nul
        uit["isolatie_max"] = nul
    else:
        d = LABEL_INDEX[doel]
        for band in ("min", "max"):
            asl = np.nan_to_num(getattr(sector, f"ki_{band}_asl")[t, pr, s.van, d])
            opp_k = np.nan_to_num(getattr(sector, f"ki_{band}_opp")[t, pr, s.van, d])
            uit[f"isolatie_{band}"] = aantal * springt * _per_gebouw(asl, opp_k, opp)
        # PBL's min and max lines (a part per building + a part per m²) cross for some segments:
        # a larger min part per m² makes "min" the dearer one in big buildings. The band is the
        # range between the two lines.
        laag = np.minimum(uit["isolatie_min"], uit["isolatie_max"])
        uit["isolatie_max"] = np.maximum(uit["isolatie_min"], uit["isolatie_max"])
        uit["isolatie_min"] = laag
    uit["verbeterd"] = aantal * springt
    uit["label_na"] = np.broadcast_to(na, np.broadcast_shapes(aantal.shape, na.shape))
    return uit


def controleer_doellabel(doellabel: str | None, plaats: str = "doellabel") -> None:
    if doellabel is not None and doellabel not in DOELLABELS:
        controleer([Probleem(plaats, f"'{doellabel}' kan niet; kies B, C, D of geen isolatiestap")])


@dataclass(frozen=True)
class Jaarvraag:
    """Annual demand [GJ/yr] and insulation investment [EUR] per stock of a batch (axis B)."""

    doellabel: str | None
    rv_w: np.ndarray
    tw_w: np.ndarray
    vent_w: np.ndarray
    app_w: np.ndarray
    rv_u: np.ndarray
    tw_u: np.ndarray
    vent_u: np.ndarray
    app_u: np.ndarray
    isolatie_min_w: np.ndarray
    isolatie_max_w: np.ndarray
    isolatie_min_u: np.ndarray
    isolatie_max_u: np.ndarray
    woningen_verbeterd: np.ndarray
    utiliteit_verbeterd: np.ndarray
    woningen_per_label: np.ndarray  # [B, L] after the step

    @property
    def rv(self) -> np.ndarray:
        return self.rv_w + self.rv_u

    @property
    def tw(self) -> np.ndarray:
        return self.tw_w + self.tw_u

    @property
    def elektriciteit_gebouw(self) -> np.ndarray:
        """Ventilation and appliances [GJ/yr]."""
        return self.vent_w + self.app_w + self.vent_u + self.app_u


def jaarvraag(
    voorraad: Voorraadbatch, doellabel: str | None, kentallen: Bouwkentallen, p: Parameters
) -> Jaarvraag:
    """Annual demand of every stock in the batch after insulating to ``doellabel`` (or not)."""
    controleer_doellabel(doellabel)
    w = _sector_vraag(
        voorraad.woningen_aantal, voorraad.woningen_oppervlakte, kentallen.woning, doellabel, p
    )
    doel_u = None if doellabel is None else DOELLABEL_UTILITEIT[doellabel]
    u = _sector_vraag(
        voorraad.utiliteit_aantal, voorraad.utiliteit_oppervlakte, kentallen.utiliteit, doel_u, p
    )
    som = (1, 2, 3)
    per_label = np.zeros((voorraad.aantal, len(LABELS)))
    for li in range(len(LABELS)):
        per_label[:, li] = (voorraad.woningen_aantal * (w["label_na"] == li)).sum(axis=som)
    return Jaarvraag(
        doellabel=doellabel,
        rv_w=w["rv"].sum(axis=som),
        tw_w=w["tw"].sum(axis=som),
        vent_w=w["vent"].sum(axis=som),
        app_w=w["app"].sum(axis=som),
        rv_u=u["rv"].sum(axis=som),
        tw_u=u["tw"].sum(axis=som),
        vent_u=u["vent"].sum(axis=som),
        app_u=u["app"].sum(axis=som),
        isolatie_min_w=w["isolatie_min"].sum(axis=som),
        isolatie_max_w=w["isolatie_max"].sum(axis=som),
        isolatie_min_u=u["isolatie_min"].sum(axis=som),
        isolatie_max_u=u["isolatie_max"].sum(axis=som),
        woningen_verbeterd=w["verbeterd"].sum(axis=som),
        utiliteit_verbeterd=u["verbeterd"].sum(axis=som),
        woningen_per_label=per_label,
    )


def segmentvraag(
    voorraad: Gebouwvoorraad, doellabel: str | None, kentallen: Bouwkentallen, p: Parameters
) -> pd.DataFrame:
    """Demand and insulation investment per non-empty segment of one stock, as a table.

    Columns: sector, type, bouwperiode, label, label_na, aantal, oppervlakte, rv, tw, vent, app
    [GJ/yr], isolatie_min, isolatie_max [EUR].
    """
    controleer_doellabel(doellabel)
    rijen = []
    doel_u = None if doellabel is None else DOELLABEL_UTILITEIT[doellabel]
    for sector, aantal, opp, kt, typen, perioden, doel in (
        (
            "woning",
            voorraad.woningen_aantal,
            voorraad.woningen_oppervlakte,
            kentallen.woning,
            WONINGTYPEN,
            BOUWPERIODEN,
            doellabel,
        ),
        (
            "utiliteit",
            voorraad.utiliteit_aantal,
            voorraad.utiliteit_oppervlakte,
            kentallen.utiliteit,
            UTILITEITSFUNCTIES,
            UTILITEIT_BOUWPERIODEN,
            doel_u,
        ),
    ):
        r = _sector_vraag(aantal, opp, kt, doel, p)
        for t, pr, lb in zip(*np.nonzero(aantal > 0), strict=True):
            rijen.append(
                {
                    "sector": sector,
                    "type": typen[t],
                    "bouwperiode": perioden[pr],
                    "label": LABELS[lb],
                    "label_na": LABELS[r["label_na"][t, pr, lb]],
                    "aantal": aantal[t, pr, lb],
                    "oppervlakte": opp[t, pr, lb],
                    **{
                        k: float(r[k][t, pr, lb])
                        for k in ("rv", "tw", "vent", "app", "isolatie_min", "isolatie_max")
                    },
                }
            )
    return pd.DataFrame(rijen)
