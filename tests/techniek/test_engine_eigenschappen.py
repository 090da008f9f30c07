"""Property-based tests: whatever the stock, alternative or weather, the engine keeps its laws."""

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from techniek.engine import (
    BOUWPERIODEN,
    LABELS,
    STANDAARD_ALTERNATIEVEN,
    UTILITEITSFUNCTIES,
    Gebouwsysteem,
    Net,
    Voorraadbatch,
    bereken,
    bereken_buurten,
    voorraad_uit_tabel,
    weerjaar_knmi,
    weerjaar_uit_reeks,
)
from techniek.engine.constanten import WONINGTYPEN
from techniek.engine.opslag import inhoud_lus, inhoud_scan
from techniek.engine.reeks import Reeks

INSTELLINGEN = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

segment = st.fixed_dictionaries(
    {
        "type": st.sampled_from(WONINGTYPEN),
        "bouwperiode": st.sampled_from(BOUWPERIODEN),
        "label": st.sampled_from([*LABELS[:-1], None]),
        "aantal": st.floats(0.5, 400),
        "oppervlakte": st.floats(25, 350),
    }
)
utiliteit = st.fixed_dictionaries(
    {
        "functie": st.sampled_from(UTILITEITSFUNCTIES),
        "bouwperiode": st.sampled_from(["onbekend", "1920<=1975", "1995<=2019"]),
        "aantal": st.floats(1, 30),
        "oppervlakte": st.floats(50, 9000),
    }
)


@st.composite
def voorraden(draw):
    woningen = pd.DataFrame(draw(st.lists(segment, min_size=1, max_size=6)))
    util = draw(st.lists(utiliteit, max_size=2))
    return voorraad_uit_tabel(woningen, pd.DataFrame(util) if util else None)


@st.composite
def alternatieven(draw):
    basis = draw(st.sampled_from(STANDAARD_ALTERNATIEVEN))
    wijziging = {"doellabel": draw(st.sampled_from([None, "B", "C", "D"]))}
    if basis.gebouwsysteem is Gebouwsysteem.AFLEVERSET:
        wijziging["opslag_uren"] = draw(st.floats(0, 24))
        wijziging["aandeel_basisvermogen"] = draw(st.floats(0.05, 1.0))
    elif basis.net is not Net.ZLT:
        wijziging["aandeel_basisvermogen"] = draw(st.floats(0.05, 1.0))
    return basis.variant(code=f"{basis.code}_variant", **wijziging)


@st.composite
def weerjaren(draw):
    verschuiving = draw(st.floats(-6, 6))
    t = weerjaar_knmi(2022).temperatuur + verschuiving
    return weerjaar_uit_reeks(t, jaar=2022, naam=f"2022 {verschuiving:+.1f}", bron="test")


@INSTELLINGEN
@given(voorraden(), alternatieven(), weerjaren())
def test_every_alternative_keeps_the_energy_balance_and_its_bounds(voorraad, alt, weerjaar):
    b = bereken(voorraad, [alt], weerjaar=weerjaar)
    for r in (b.referentie, *b.alternatieven):
        u, w = r.uren, r.warmte
        schaal = max(1.0, float(u.vraag.max()))
        assert np.abs(u.balansfout).max() <= 1e-9 * schaal
        for reeks in (
            u.vraag,
            u.verlies,
            u.basis,
            u.piek,
            u.laden,
            u.ontladen,
            u.elektriciteit,
            u.gas,
        ):
            assert reeks.min() >= -1e-12 * schaal
        assert -1e-12 <= w.aandeel_basis <= 1 + 1e-12
        assert w.piek_gj <= w.piek_zonder_opslag_gj + 1e-9 * schaal
        assert u.opslag_inhoud.max() <= w.opslag_mwh + 1e-9 * schaal
        assert 0 <= w.uren_basis_onvoldoende <= 8760
        nk = r.nationale_kosten["basis"]
        assert all(np.isfinite(v) for k, v in nk.items() if k != "H17_Nat_meerkost_CO2")
        assert all(kr.investering >= 0 for kr in r.kosten)
        assert r.co2_ton >= 0


@INSTELLINGEN
@given(voorraden())
def test_insulation_never_raises_space_heating_demand(voorraad):
    b = bereken(voorraad, STANDAARD_ALTERNATIEVEN)
    voor = b.referentie.jaarvraag
    for r in b.alternatieven:
        na = r.jaarvraag
        assert na.ruimteverwarming_woningen <= voor.ruimteverwarming_woningen + 1e-9
        assert na.ruimteverwarming_utiliteit <= voor.ruimteverwarming_utiliteit + 1e-9
        assert 0 <= na.isolatie_min <= na.isolatie_max


@settings(max_examples=50, deadline=None)
@given(
    arrays(np.float64, (3, 300), elements=st.floats(-5, 5)),
    arrays(np.float64, 3, elements=st.floats(0, 40)),
    st.floats(0, 10),
)
def test_storage_scan_equals_the_hour_by_hour_recursion(x, capaciteit, begin):
    begin = np.minimum(begin, capaciteit)
    verwacht = np.empty_like(x)
    for i in range(x.shape[0]):
        s = begin[i]
        for h in range(x.shape[1]):
            s = min(capaciteit[i], max(0.0, s + x[i, h]))
            verwacht[i, h] = s
    assert np.allclose(inhoud_scan(x, capaciteit, begin), verwacht, atol=1e-9)
    assert np.allclose(inhoud_lus(x, capaciteit, begin), verwacht, atol=1e-9)


@settings(max_examples=50, deadline=None)
@given(
    # float32-sized values: products of float64 numbers near 1e-221 underflow to zero in one
    # evaluation order and not in the other, which says nothing about the engine
    arrays(np.float64, (4, 3), elements=st.floats(-10, 10, width=32)),
    arrays(np.float64, (3, 200), elements=st.floats(0, 1, width=32)),
    st.floats(-1, 1),
)
def test_series_reductions_equal_those_of_the_full_array(c, p, drempel):
    p[2] = 0.25  # a constant profile, as losses and flat electricity are
    reeks = Reeks.uit(c[:, 0], p[0]) + Reeks.uit(c[:, 1], p[1]) + Reeks.uit(c[:, 2], p[2])
    vol = reeks.waarden()
    assert np.allclose(reeks.som(), vol.sum(axis=1))
    assert np.allclose(reeks.max(), vol.max(axis=1))
    assert np.allclose(reeks.max_abs(), np.abs(vol).max(axis=1))
    assert np.array_equal(reeks.uren_boven(drempel), (vol > drempel).sum(axis=1))
    assert np.allclose((reeks - reeks).max_abs(), 0.0)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(voorraden(), min_size=2, max_size=3))
def test_many_buurten_at_once_give_the_same_indicators_as_one_at_a_time(lijst):
    df = bereken_buurten(Voorraadbatch.van(lijst), codes=[f"BU{i}" for i in range(len(lijst))])
    for i, voorraad in enumerate(lijst):
        b = bereken(voorraad)
        for r in (b.referentie, *b.alternatieven):
            rij = df[(df.buurt == f"BU{i}") & (df.alternatief == r.alternatief.code)].iloc[0]
            nk = r.nationale_kosten["basis"]
            assert np.isclose(rij.H16_Nat_meerkost, nk["H16_Nat_meerkost"], rtol=1e-9, atol=1e-6)
            assert np.isclose(rij.H15_CO2_uitstoot, r.co2_ton, rtol=1e-9)
            assert np.isclose(rij.piek_warmtevraag_mw, r.warmte.piek_warmtevraag_mw, rtol=1e-6)
            assert np.isclose(rij.aandeel_basis, r.warmte.aandeel_basis, rtol=1e-9, atol=1e-12)
            assert rij.uren_basis_onvoldoende == r.warmte.uren_basis_onvoldoende
