"""Annuities, national costs and CO2, checked against hand-computed cases."""

import math

import numpy as np
import pytest

from techniek.engine import (
    STANDAARD_ALTERNATIEVEN,
    CbsSchatting,
    annuiteitsfactor,
    bereken,
    energieprijzen_pbl,
    voorraad_uit_cbs,
)
from techniek.engine import kosten as k


def test_annuity_factor_by_hand():
    # 5 % over 2 years: 0.05 / (1 - 1.05^-2) = 0.05 * 1.1025 / 0.1025
    assert annuiteitsfactor(0.05, 2) == pytest.approx(0.05 * 1.1025 / 0.1025)
    assert annuiteitsfactor(0.05, 2) == pytest.approx(0.5378049, abs=1e-7)
    # without interest the investment is spread evenly
    assert annuiteitsfactor(0.0, 4) == 0.25
    # PBL's social discount rate over 30 years
    assert annuiteitsfactor(0.0225, 30) == pytest.approx(0.0225 / (1 - 1.0225**-30))
    with pytest.raises(ValueError):
        annuiteitsfactor(0.03, 0)


def test_national_additional_costs_by_hand():
    nul = np.zeros(1)
    kapitaal = {g: nul.copy() for g in k.GROEPEN}
    kapitaal.update({"K14_Gebouw_OenM": nul, "K15_Wnet_OenM": nul, "K16_Enet_Gnet_OenM": nul})
    kapitaal["K08_Gebouw_schil"] = np.array([100.0])
    energie = {
        "K11_Inkoop_Warmte": nul,
        "K12_Inkoop_Gas": np.array([20.0]),
        "K13_Inkoop_Elek": np.array([30.0]),
    }
    alt = k.nationale_kosten(kapitaal, energie)
    assert alt["K10_Totaal_Kapitaalslasten"][0] == 100
    assert alt["K17_Totaal_VariabeleKosten"][0] == 50
    ref_energie = {**energie, "K12_Inkoop_Gas": np.array([100.0]), "K13_Inkoop_Elek": nul}
    ref = k.nationale_kosten(dict.fromkeys(kapitaal, nul), ref_energie)
    h = k.hoofdindicatoren(
        alt, ref, co2=np.array([5.0]), co2_ref=np.array([10.0]), weq=np.array([5.0])
    )
    assert h["H16_Nat_meerkost"][0] == 50  # 150 - 100 EUR/yr
    assert h["H17_Nat_meerkost_CO2"][0] == 10  # 50 EUR/yr / 5 ton/yr
    assert h["H18_Nat_meerkost_WEQ"][0] == 10  # 50 EUR/yr / 5 WEQ
    geen_winst = k.hoofdindicatoren(alt, ref, np.array([10.0]), np.array([10.0]), np.array([5.0]))
    assert math.isnan(geen_winst["H17_Nat_meerkost_CO2"][0])  # no CO2 avoided: not defined


@pytest.fixture(scope="module")
def berekening():
    return bereken(voorraad_uit_cbs(CbsSchatting(aantal_woningen=500, gemiddelde_oppervlakte=100)))


def test_national_costs_add_up_from_the_components(berekening):
    ref = berekening.referentie.nationale_kosten["basis"]
    for r in berekening.alternatieven:
        nk = r.nationale_kosten["basis"]
        kapitaal = sum(kr.kapitaallasten for kr in r.kosten)
        onderhoud = sum(kr.onderhoud for kr in r.kosten)
        assert nk["K10_Totaal_Kapitaalslasten"] == pytest.approx(kapitaal)
        assert nk["K14_Gebouw_OenM"] + nk["K15_Wnet_OenM"] == pytest.approx(onderhoud)
        assert nk["H16_Nat_meerkost"] == pytest.approx(nk["Totaal"] - ref["Totaal"])
        assert nk["H18_Nat_meerkost_WEQ"] == pytest.approx(
            nk["H16_Nat_meerkost"] / berekening.woningequivalenten
        )
        vermeden = berekening.referentie.co2_ton - r.co2_ton
        assert vermeden > 0
        assert nk["H17_Nat_meerkost_CO2"] == pytest.approx(nk["H16_Nat_meerkost"] / vermeden)
        for kr in r.kosten:
            assert kr.kapitaallasten == pytest.approx(
                kr.investering * annuiteitsfactor(0.0225, kr.looptijd)
            )


def test_energy_is_bought_at_pbl_national_cost_prices(berekening):
    prijzen = energieprijzen_pbl(2030)["basis"]
    ref = berekening.referentie
    nk = ref.nationale_kosten["basis"]
    assert nk["K12_Inkoop_Gas"] == pytest.approx(ref.energie.aardgas_gj * prijzen.aardgas_klein)
    assert nk["K13_Inkoop_Elek"] == pytest.approx(
        ref.energie.elektriciteit_gj * prijzen.elektriciteit_klein
    )
    # PBL 2030, kleingebruik: 0.53 EUR/m3 gas (commodity, no CO2 or network part) = 16.75 EUR/GJ
    assert prijzen.aardgas_klein == pytest.approx(0.53 / 0.03165)
    # emission factor 1.779 kg/m3 -> 56.2 kg/GJ; CO2 of the reference counts 99.4 % of the gas
    co2 = ref.energie.aardgas_gj * 1.779 / 0.03165 * 0.994
    co2 += (ref.energie.elektriciteit_gj - ref.energie.elektriciteit_apparatuur_gj) * 0.1 / 0.0036
    assert ref.co2_ton == pytest.approx(co2 / 1000)


def test_low_and_high_price_scenarios_change_only_the_climate_neutral_gas(berekening):
    s4 = berekening.resultaat("S4a_KG_B_hWP").nationale_kosten
    assert (
        s4["laag"]["K12_Inkoop_Gas"] < s4["basis"]["K12_Inkoop_Gas"] < s4["hoog"]["K12_Inkoop_Gas"]
    )
    s1 = berekening.resultaat("S1a_B_LuchtWP").nationale_kosten
    assert s1["laag"]["H16_Nat_meerkost"] == pytest.approx(s1["hoog"]["H16_Nat_meerkost"])


def test_insulation_investment_lies_between_the_pbl_bands(berekening):
    for r in berekening.alternatieven:
        schil = [kr for kr in r.kosten if kr.groep == "K08_Gebouw_schil"]
        assert len(schil) == 1
        jv = r.jaarvraag
        assert jv.isolatie_min <= schil[0].investering <= jv.isolatie_max
        assert schil[0].investering == pytest.approx((jv.isolatie_min + jv.isolatie_max) / 2)


def test_the_gas_grid_is_removed_only_where_buildings_stop_burning_gas(berekening):
    for r in berekening.alternatieven:
        gasnet = r.nationale_kosten["basis"]["K02_Gnet_verwijderen"]
        if r.alternatief.strategie == "S4":
            assert gasnet == 0
        else:
            assert gasnet > 0


def test_every_cost_group_maps_to_pbl_columns(berekening):
    for r in berekening.alternatieven:
        assert {kr.groep for kr in r.kosten} <= set(k.GROEPEN)
    netten = [a.code for a in STANDAARD_ALTERNATIEVEN if a.net is not None]
    for code in netten:
        nk = berekening.resultaat(code).nationale_kosten["basis"]
        assert nk["K04_Wnet_buurt"] > 0 and nk["K05_Wnet_pand"] > 0 and nk["K07_Wnet_opwekking"] > 0
