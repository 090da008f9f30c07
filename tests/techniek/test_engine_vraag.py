"""Annual demand follows the Vesta MAIS formula with PBL's key figures, and insulation pays off."""

import numpy as np
import pandas as pd
import pytest

from techniek.engine import (
    CbsSchatting,
    bouwkentallen_pbl,
    segmentvraag,
    standaard_parameters,
    voorraad_uit_cbs,
    voorraad_uit_tabel,
)

# 20241112_Woningen_BAG.csv, row "vrijstaand;voor 1930;F;...": the figures the tests recompute.
VRV_F_ASL, VRV_F_OPP = 36.91448137, 0.137664785
VRV_B_ASL, VRV_B_OPP = 27.41341125, 0.13421438
VVENT_OPP = 0.006621277
VWW_ASL, VE_ASL = 8.5, 9.7
KI_SFB = {"min": (11738, 102), "max": (17094, 146)}  # (asl, opp)
# Runs/DefaultSettings/Basis.dms: RuimtelijkeVraag/Drager
DRAGER_RV, DRAGER_TW = 0.9, 0.9


def tien_oude_vrijstaande(label: str = "F", oppervlakte: float = 120.0):
    return voorraad_uit_tabel(
        pd.DataFrame(
            {
                "type": ["vrijstaand"],
                "bouwperiode": ["voor 1930"],
                "label": [label],
                "aantal": [10],
                "oppervlakte": [oppervlakte],
            }
        )
    )


def rij(voorraad, doellabel):
    tabel = segmentvraag(voorraad, doellabel, bouwkentallen_pbl(), standaard_parameters())
    assert len(tabel) == 1
    return tabel.iloc[0]


def test_demand_without_insulation_is_the_vesta_formula():
    r = rij(tien_oude_vrijstaande(), None)
    assert r.rv == pytest.approx(DRAGER_RV * 10 * (VRV_F_ASL + VRV_F_OPP * 120))  # 480.908 GJ
    assert r.rv == pytest.approx(480.9083, abs=1e-3)
    assert r.tw == pytest.approx(DRAGER_TW * 10 * VWW_ASL)
    assert r.app == pytest.approx(10 * VE_ASL)
    assert r.vent == 0  # ventilation electricity only comes with label B or better
    assert r.isolatie_min == 0 and r.isolatie_max == 0


def test_insulating_to_b_uses_the_b_figures_and_prices_the_jump_from_f():
    r = rij(tien_oude_vrijstaande(), "B")
    assert r.label_na == "B"
    assert r.rv == pytest.approx(DRAGER_RV * 10 * (VRV_B_ASL + VRV_B_OPP * 120))  # 391.672 GJ
    assert r.vent == pytest.approx(10 * VVENT_OPP * 120)
    for band, (asl, opp) in KI_SFB.items():
        assert r[f"isolatie_{band}"] == pytest.approx(10 * (asl + opp * 120))
    assert r.isolatie_min == 239_780 and r.isolatie_max == 346_140


def test_insulation_lowers_demand_and_costs_money():
    voor = rij(tien_oude_vrijstaande(), None)
    na = rij(tien_oude_vrijstaande(), "B")
    assert na.rv < voor.rv
    assert 0 < na.isolatie_min < na.isolatie_max


def test_a_building_already_at_the_target_label_stays_and_costs_nothing():
    r = rij(tien_oude_vrijstaande(label="B"), "D")
    assert r.label_na == "B"
    assert r.isolatie_min == 0


def test_without_a_registered_label_pbl_default_label_decides_the_jump():
    # Default label of vrijstaand, voor 1930 is F: to D is a jump from F, priced as Ki_SFD.
    r = rij(tien_oude_vrijstaande(label=None), "D")
    assert r.label == "N" and r.label_na == "D"
    assert r.isolatie_min == pytest.approx(10 * (2140 + 45 * 120))  # Ki_SFD_min_asl, _opp


def test_every_segment_of_an_estimated_stock_needs_less_heat_after_insulation():
    voorraad = voorraad_uit_cbs(CbsSchatting(aantal_woningen=1000, gemiddelde_oppervlakte=95))
    kt, p = bouwkentallen_pbl(), standaard_parameters()
    voor = segmentvraag(voorraad, None, kt, p)
    for doel in ("D", "C", "B"):
        na = segmentvraag(voorraad, doel, kt, p)
        assert np.all(na.rv.to_numpy() <= voor.rv.to_numpy() + 1e-9)
        assert np.all(na.isolatie_max.to_numpy() >= na.isolatie_min.to_numpy())
