"""Step 5 finance: hand-computed cases and the laws the arithmetic must keep."""

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uitwerking.financien import (
    KOLOMMEN,
    BusinesscaseInvoer,
    BusinesscaseResultaat,
    FinancienFout,
    HuishoudenInvoer,
    Huurverhoging,
    Investering,
    Lening,
    Maandlasten,
    Subsidie,
    Tariefplafond,
    Tarieven,
    annuiteit,
    bereken_businesscase,
    bereken_scenarios,
    bereken_woonlasten,
    irr,
    irr_met_reden,
    npv,
    terugverdientijd,
)

INSTELLINGEN = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def test_npv_jaar_nul_niet_verdisconteerd():
    assert npv([-100, 110], 0.10) == pytest.approx(0.0)
    assert npv([50], 0.2) == 50
    assert npv([-1000, 300, 300, 300, 300, 300], 0.05) == pytest.approx(298.8430, abs=1e-3)


def test_irr_handberekend():
    assert irr([-100, 110]) == pytest.approx(0.10, abs=1e-9)
    assert irr([-1000, 300, 300, 300, 300, 300]) == pytest.approx(0.152382, abs=1e-5)


def test_irr_bestaat_niet_geeft_none_met_reden():
    waarde, reden = irr_met_reden([-100, -50, -10])
    assert waarde is None
    assert "tekenwissel" in reden or "teken" in reden
    # sign change, but the NPV never reaches 0 in the searched range
    waarde, reden = irr_met_reden([100, -300, 250])
    assert waarde is None
    assert "geen interne rentevoet" in reden


def test_discontovoet_min_honderd_procent_geweigerd():
    with pytest.raises(FinancienFout) as fout:
        npv([-100, 110], -1.0)
    assert "groter zijn dan -100 %" in str(fout.value)
    assert fout.value.problemen[0].plaats == "discontovoet"


def test_annuiteit_handberekend():
    assert annuiteit(10_000, 0.05, 10, per_maand=False) == pytest.approx(1295.05, abs=0.005)
    assert annuiteit(10_000, 0.05, 10) == pytest.approx(106.07, abs=0.005)
    assert annuiteit(12_000, 0.0, 10) == pytest.approx(100.0)


def test_negatieve_looptijd_geweigerd():
    with pytest.raises(FinancienFout, match="looptijd"):
        annuiteit(10_000, 0.05, -1)


def test_terugverdientijd_geinterpoleerd():
    assert terugverdientijd([-1000, 300, 300, 300, 300, 300]) == pytest.approx(3 + 100 / 300)
    assert terugverdientijd([-100, 10, 10]) is None
    assert terugverdientijd([0, 5]) == 0.0


@INSTELLINGEN
@given(
    st.floats(10, 1e6),
    st.lists(st.floats(1, 1e5), min_size=1, max_size=30),
)
def test_npv_bij_irr_is_nul(investering, opbrengsten):
    kasstromen = [-investering, *opbrengsten]
    r = irr(kasstromen)
    if r is None:
        return
    assert abs(npv(kasstromen, r)) <= 1e-6 * (investering + sum(opbrengsten))


@INSTELLINGEN
@given(st.floats(100, 1e6), st.floats(0, 0.15), st.integers(1, 40), st.booleans())
def test_annuiteit_lost_de_hoofdsom_af(hoofdsom, rente, jaren, per_maand):
    termijn = annuiteit(hoofdsom, rente, jaren, per_maand=per_maand)
    r = rente / 12 if per_maand else rente
    schuld = hoofdsom
    for _ in range(jaren * 12 if per_maand else jaren):
        schuld = schuld * (1 + r) - termijn
    assert abs(schuld) <= 1e-6 * hoofdsom


@INSTELLINGEN
@given(
    st.floats(10, 1e6),
    st.lists(st.floats(0, 1e5), min_size=1, max_size=30),
    st.floats(-0.5, 1.0),
    st.floats(0.001, 1.0),
)
def test_npv_daalt_met_discontovoet(investering, opbrengsten, r, stap):
    kasstromen = [-investering, *opbrengsten]
    assert npv(kasstromen, r + stap) <= npv(kasstromen, r) + 1e-9


def _invoer(**wijzigingen) -> BusinesscaseInvoer:
    basis = BusinesscaseInvoer(
        investeringen=(
            Investering("warmtenet", "net", 2_000_000, (0.5, 0.5), 40, 0.01),
            Investering("warmtepomp", "bron", 500_000, (1.0,), 15, 0.02),
        ),
        aantal_aansluitingen_max=400,
        aansluitgraad=0.9,
        aansluitfasering=(0.0, 0.5, 0.5),
        warmtevraag_gj_per_aansluiting=30,
        tarieven=Tarieven(vastrecht_per_jaar=600, variabel_per_gj=45, aansluitbijdrage=3_000),
        plafonds={2026: Tariefplafond(550, 50, 3_500)},
        inkoopkosten_per_gj=(20.0,),
        vaste_beheerkosten_per_jaar=20_000,
        subsidies=(("WIS", 2026, 300_000),),
        looptijd_jaren=30,
        discontovoet=0.04,
        startjaar=2026,
    )
    return replace(basis, **wijzigingen)


def test_businesscase_kolommen_en_som():
    res = bereken_businesscase(_invoer())
    assert tuple(res.kasstromen.columns) == KOLOMMEN
    assert len(res.kasstromen) == 30
    assert res.kasstromen["jaar"].iloc[0] == 2026
    posten = [
        "investeringen", "vervanging", "aansluitbijdragen", "vastrecht", "variabel",
        "subsidies", "inkoop", "beheer_onderhoud", "restwaarde",
    ]  # fmt: skip
    assert res.kasstromen[posten].sum(axis=1).to_numpy() == pytest.approx(
        res.kasstromen["kasstroom"].to_numpy()
    )
    assert res.npv == pytest.approx(npv(res.kasstromen["kasstroom"], 0.04))
    # vastrecht capped at 550 in every year
    assert len(res.begrensd) == 30
    assert "ACM-maximum" in res.begrensd[0]


def test_vervanging_binnen_looptijd_en_restwaarde():
    res = bereken_businesscase(_invoer())
    frame = res.kasstromen.set_index("jaar")
    # the heat pump (15 years) is replaced in year 15 (2041); the net (40 years) is not
    assert frame.loc[2041, "vervanging"] == pytest.approx(-500_000)
    assert frame["vervanging"].sum() == pytest.approx(-500_000)
    # residual: net tranches 1,000,000 with 40 - 30 and 40 - 29 years left, pump 0 left
    verwacht = 1_000_000 * 10 / 40 + 1_000_000 * 11 / 40
    assert frame.loc[2055, "restwaarde"] == pytest.approx(verwacht)
    assert any("restwaarde" in n.lower() for n in res.notities)


def test_onrendabele_top_brengt_npv_op_nul():
    invoer = _invoer(tarieven=Tarieven(300, 25, 1_000))
    res = bereken_businesscase(invoer)
    assert res.npv < 0
    assert res.onrendabele_top == pytest.approx(-res.npv)
    met_top = replace(
        invoer,
        subsidies=(*invoer.subsidies, Subsidie("onrendabele top", 2026, res.onrendabele_top)),
    )
    assert abs(bereken_businesscase(met_top).npv) < 0.01
    winstgevend = bereken_businesscase(_invoer(subsidies=(("WIS", 2026, 5e7),)))
    assert winstgevend.onrendabele_top == 0


def test_plafond_ontbreekt_voor_startjaar():
    with pytest.raises(FinancienFout, match="ontbreekt"):
        bereken_businesscase(_invoer(plafonds={2030: Tariefplafond(1, 1, 1)}))


def test_negatieve_levensduur_geweigerd():
    with pytest.raises(FinancienFout, match="levensduur"):
        bereken_businesscase(
            _invoer(investeringen=(Investering("net", "net", 1000, (1.0,), -5, 0.0),))
        )


def test_laatste_plafond_loopt_door():
    res = bereken_businesscase(
        _invoer(plafonds={2026: Tariefplafond(700, 50, 3_500), 2030: Tariefplafond(500, 50, 3_500)})
    )
    frame = res.kasstromen.set_index("jaar")
    aansluitingen = 400 * 0.9
    assert frame.loc[2029, "vastrecht"] == pytest.approx(aansluitingen * 600)
    assert frame.loc[2040, "vastrecht"] == pytest.approx(aansluitingen * 500)


@INSTELLINGEN
@given(
    eigen=st.tuples(st.floats(0, 2000), st.floats(0, 200), st.floats(0, 10_000)),
    plafonds=st.dictionaries(
        st.integers(2026, 2050),
        st.tuples(st.floats(0, 2000), st.floats(0, 200), st.floats(0, 10_000)),
        min_size=1,
        max_size=5,
    ),
)
def test_tarieven_nooit_boven_het_plafond(eigen, plafonds):
    plafonds = {2026 if i == 0 else j: p for i, (j, p) in enumerate(sorted(plafonds.items()))}
    invoer = _invoer(
        tarieven=Tarieven(*eigen),
        plafonds={j: Tariefplafond(*p) for j, p in plafonds.items()},
    )
    frame = bereken_businesscase(invoer).kasstromen
    actief = [min(a, 360) for a in (400 * 0.9 * np.cumsum([0, 0.5, 0.5] + [0] * 27))]
    for t, jaar in enumerate(frame["jaar"]):
        plafond = plafonds[max(j for j in plafonds if j <= jaar)]
        if actief[t] > 0:
            assert frame["vastrecht"].iloc[t] <= actief[t] * plafond[0] * (1 + 1e-12) + 1e-9
            gj = actief[t] * 30
            assert frame["variabel"].iloc[t] <= gj * plafond[1] * (1 + 1e-12) + 1e-9


def test_as_dict_from_dict():
    import json

    res = bereken_businesscase(_invoer())
    data = json.loads(json.dumps(res.as_dict()))
    terug = BusinesscaseResultaat.from_dict(data)
    assert terug.npv == pytest.approx(res.npv)
    assert terug.kasstromen["kasstroom"].to_numpy() == pytest.approx(
        res.kasstromen["kasstroom"].to_numpy()
    )
    assert terug.irr == res.irr or math.isclose(terug.irr, res.irr)


def test_scenarios_raster():
    tabel = bereken_scenarios(_invoer(), {"laag": (15.0,), "midden": (20.0,), "hoog": (30.0,)})
    assert tabel.shape == (9, 6)
    assert set(tabel["aansluitgraad"]) == {0.7, 0.9, 1.0}
    laag = tabel[(tabel.prijsscenario == "laag") & (tabel.aansluitgraad == 0.9)].npv.item()
    hoog = tabel[(tabel.prijsscenario == "hoog") & (tabel.aansluitgraad == 0.9)].npv.item()
    assert laag > hoog


def _huishouden(**wijzigingen) -> HuishoudenInvoer:
    basis = HuishoudenInvoer(
        naam="tussenwoning, eigenaar",
        eigendom="eigenaar-bewoner",
        eenmalig={"isolatie": 8_000, "installatie": 3_000, "aansluiting": 1_000},
        subsidies={"ISDE": 2_000},
        financiering=Lening(rente=0.0, looptijd_jaren=10),
        voor=Maandlasten(energie=180, vastrecht=40, onderhoud=15),
        na=Maandlasten(energie=90, vastrecht=50, onderhoud=5),
        woningtype="tussenwoning",
    )
    return replace(basis, **wijzigingen)


def test_goedkopere_energie_hogere_financiering_beide_kanten():
    # 10,000 net at 0 % over 10 years: 83.33 a month; before 235, after 145 + 83.33 = 228.33
    res = bereken_woonlasten(_huishouden())
    assert res.eenmalig_netto == 10_000
    assert res.financiering_per_maand == pytest.approx(83.333, abs=1e-3)
    assert res.totaal_na == pytest.approx(228.333, abs=1e-3)
    assert res.woonlastenneutraal
    assert res.uitleg.startswith("Woonlastenneutraal")
    # a shorter loan makes the monthly financing too high: 166.67 → 311.67 > 235
    duur = bereken_woonlasten(_huishouden(financiering=Lening(0.0, 5)))
    assert not duur.woonlastenneutraal
    assert duur.uitleg.startswith("Niet woonlastenneutraal")
    # ... unless the agreed margin covers it
    assert bereken_woonlasten(_huishouden(financiering=Lening(0.0, 5)), 80).woonlastenneutraal


def test_huurder_betaalt_huurverhoging_niet_de_eenmalige_kosten():
    res = bereken_woonlasten(
        _huishouden(eigendom="huurder corporatie", financiering=Huurverhoging(20))
    )
    assert res.financiering_per_maand == 20
    assert res.regels[-1].post == "huurverhoging"
    assert res.totaal_na == pytest.approx(165)
    assert res.woonlastenneutraal
    with pytest.raises(FinancienFout, match="huurder"):
        bereken_woonlasten(_huishouden(eigendom="particuliere huurder"))


def test_subsidies_boven_kosten_geven_nul():
    res = bereken_woonlasten(_huishouden(subsidies={"gemeente": 20_000}))
    assert res.eenmalig_netto == 0
    assert res.financiering_per_maand == 0
    assert any("niet negatief" in n for n in res.notities)
    assert res.as_dict()["verschil"] == pytest.approx(res.totaal_na - res.totaal_voor)
