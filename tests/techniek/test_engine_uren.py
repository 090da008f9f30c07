"""The hourly coupling: the energy balance closes, a colder year raises the peak, the COP falls
in the cold, and storage shifts load from the peak boiler to the base source."""

import numpy as np
import pytest

from techniek.engine import (
    STANDAARD_ALTERNATIEVEN,
    CbsSchatting,
    UtiliteitInvoer,
    bereken,
    cop,
    standaard_parameters,
    voorraad_uit_cbs,
    weerjaar_knmi,
    weerjaar_uit_reeks,
)
from techniek.engine.weer import normaal_graaduren


@pytest.fixture(scope="module")
def voorraad():
    return voorraad_uit_cbs(
        CbsSchatting(
            aantal_woningen=2000,
            gemiddelde_oppervlakte=105,
            aandeel_meergezins=0.35,
            aandeel_voor_2000=0.75,
            utiliteit={"Kantoor": UtiliteitInvoer(12, 6000), "Winkel": UtiliteitInvoer(20, 3000)},
        )
    )


@pytest.fixture(scope="module")
def berekening(voorraad):
    return bereken(voorraad)


def alle(berekening):
    return (berekening.referentie, *berekening.alternatieven)


def test_the_eight_standard_alternatives_and_the_reference_are_computed(berekening):
    codes = [r.alternatief.code for r in berekening.alternatieven]
    assert codes == [a.code for a in STANDAARD_ALTERNATIEVEN]
    assert len(codes) == 8
    assert {a.doellabel for a in STANDAARD_ALTERNATIEVEN} == {"B", "D"}
    assert {a.strategie for a in STANDAARD_ALTERNATIEVEN} == {"S1", "S2", "S3", "S4"}


def test_energy_balance_closes_in_every_hour(berekening):
    for r in alle(berekening):
        u = r.uren
        assert u.vraag.shape == (8760,)
        fout = u.vraag + u.verlies + u.laden - u.basis - u.piek - u.ontladen
        assert np.abs(fout).max() <= 1e-9 * max(1.0, u.vraag.max()), r.alternatief.code
        for reeks in (u.basis, u.piek, u.laden, u.ontladen, u.verlies):
            assert reeks.min() >= -1e-12


def test_storage_content_follows_charging_and_discharging(berekening):
    r = berekening.resultaat("S2a_B_Restwarmte")
    u = r.uren
    assert r.warmte.opslag_mwh > 0
    verloop = np.concatenate([[0.0], u.opslag_inhoud])
    assert np.allclose(np.diff(verloop), u.laden - u.ontladen)
    assert u.opslag_inhoud.max() <= r.warmte.opslag_mwh + 1e-9
    # storage takes peak-boiler work over from the base source, never the other way round
    assert r.warmte.piek_gj < r.warmte.piek_zonder_opslag_gj
    assert r.warmte.opslag_effect_gj > 0


def test_base_source_share_and_shortfall_hours(berekening):
    s2 = berekening.resultaat("S2a_B_Restwarmte").warmte
    assert 0 < s2.aandeel_basis < 1
    assert 0 < s2.uren_basis_onvoldoende < 8760
    s1 = berekening.resultaat("S1a_B_LuchtWP").warmte
    assert s1.aandeel_basis == 1 and s1.uren_basis_onvoldoende == 0


def test_hourly_demand_adds_up_to_the_annual_demand_in_the_normal_year(voorraad):
    wj = weerjaar_knmi(2022)
    eigen = weerjaar_uit_reeks(wj.temperatuur, jaar=2022, naam="2022", bron="test")
    gu = float(np.maximum(18.0 - wj.temperatuur, 0).sum())
    b = bereken(voorraad, STANDAARD_ALTERNATIEVEN[:1], weerjaar=eigen, graaduren_normaal=gu)
    for r in (b.referentie, *b.alternatieven):
        jv = r.jaarvraag
        assert r.uren.ruimteverwarming.sum() * 3.6 == pytest.approx(
            jv.ruimteverwarming_woningen + jv.ruimteverwarming_utiliteit
        )
        assert r.uren.tapwater.sum() * 3.6 == pytest.approx(
            jv.tapwater_woningen + jv.tapwater_utiliteit
        )


def test_a_colder_year_raises_the_peak(voorraad):
    alts = STANDAARD_ALTERNATIEVEN[:1]
    koud, warm = bereken(voorraad, alts, weerjaar=2021), bereken(voorraad, alts, weerjaar=2022)
    assert weerjaar_knmi(2021).temperatuur.min() < weerjaar_knmi(2022).temperatuur.min()
    assert koud.referentie.warmte.piek_warmtevraag_mw > warm.referentie.warmte.piek_warmtevraag_mw
    t = weerjaar_knmi(2022).temperatuur
    kouder = weerjaar_uit_reeks(t - 3.0, jaar=2022, naam="2022 min 3 graden", bron="test")
    k3 = bereken(voorraad, alts, weerjaar=kouder)
    assert k3.referentie.warmte.piek_warmtevraag_mw > warm.referentie.warmte.piek_warmtevraag_mw
    assert k3.graaduren > warm.graaduren
    assert warm.graaduren_normaal == pytest.approx(normaal_graaduren(18.0))


def test_cop_falls_in_the_cold():
    p = standaard_parameters()
    buiten = np.array([-10.0, -5.0, 0.0, 5.0, 10.0])
    waarden = cop(buiten, 35.0, p)
    assert np.all(np.diff(waarden) > 0)
    assert cop(7.0, 55.0, p) < cop(7.0, 35.0, p)  # and with a higher supply temperature


def test_air_heat_pump_cop_is_lowest_in_the_coldest_hour(berekening):
    lucht = berekening.resultaat("S1a_B_LuchtWP")
    bodem = berekening.resultaat("S1b_B_BodemWP")
    t = weerjaar_knmi(2021).temperatuur
    koudste = int(np.argmin(t))
    c = lucht.uren.cop_ruimteverwarming
    assert c[koudste] == pytest.approx(np.nanmin(c))
    # a ground-source pump keeps its COP in the cold, so it needs less grid capacity
    assert bodem.uren.cop_ruimteverwarming[koudste] > c[koudste]
    assert bodem.warmte.piek_elektriciteit_mw < lucht.warmte.piek_elektriciteit_mw
    assert 2 < lucht.warmte.spf < 6


def test_all_electric_raises_the_electricity_peak_and_removes_gas(berekening):
    ref = berekening.referentie
    s1 = berekening.resultaat("S1a_B_LuchtWP")
    assert s1.warmte.piek_elektriciteit_mw > ref.warmte.piek_elektriciteit_mw
    assert s1.warmte.extra_netbelasting_mw > 0
    assert s1.energie.aardgas_gj == 0 and ref.energie.aardgas_gj > 0
    s4 = berekening.resultaat("S4a_KG_B_hWP")
    assert s4.energie.klimaatneutraal_gas_gj > 0 and s4.energie.aardgas_gj == 0


def test_load_duration_curve_is_sorted_and_starts_at_the_peak(berekening):
    r = berekening.resultaat("S2f_D_Geothermie")
    kromme = r.uren.belastingduurkromme()
    assert kromme.shape == (8760,)
    assert np.all(np.diff(kromme) <= 0)
    assert kromme[0] == pytest.approx(r.warmte.piek_last_mw)
