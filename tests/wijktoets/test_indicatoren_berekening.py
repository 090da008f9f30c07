"""The pure indicator computation, with hand-computed cases (no database).

The frames are built here in the shape of ``kerncijfers_frame``; the figures are made up to be
easy to check by hand, they are not CBS figures.
"""

import math

import numpy as np
import pandas as pd
import pytest

from wijktoets.indicatoren import (
    EnergiearmoedeRegel,
    OnbekendJaar,
    Signaal,
    Vergelijking,
    bereken_indicatoren,
    vergelijk,
)

A, B, C = "BU02330001", "BU02330002", "BU02330003"
GM = "GM0233"
NAMEN = {A: "Horst", B: "Oosterbos", C: "Zeeweg"}


def rij(code, jaar=2024, **waarden):
    soort = {"BU": "buurt", "GM": "gemeente", "NL": "land"}[code[:2]]
    return {"code": code, "jaar": jaar, "soort": soort, "naam": f"Regio {code}", **waarden}


def frame(*rijen) -> pd.DataFrame:
    return pd.DataFrame(list(rijen)).astype({"jaar": "int64"})


BUURT_A = {
    "aantal_inwoners": 1000.0,
    "huishoudens_totaal": 400.0,
    "woningvoorraad": 400.0,
    "koopwoningen_pct": 80.0,
    "huurwoningen_pct": 20.0,
    "corporatiewoningen_pct": 15.0,
    "overige_verhuurders_pct": 5.0,
    "aardgas_totaal_m3": 1400.0,
    "aardgas_huurwoning_m3": 1000.0,
    "inkomen_per_inwoner": 30.0,
    "huishoudens_laag_inkomen_pct": 5.0,
    "gemiddelde_woz_waarde": 350.0,
}
BUURT_B = {
    "aantal_inwoners": 3000.0,
    "huishoudens_totaal": 1400.0,
    "woningvoorraad": 1600.0,
    "koopwoningen_pct": 30.0,
    "huurwoningen_pct": 70.0,
    "corporatiewoningen_pct": 60.0,
    "overige_verhuurders_pct": 10.0,
    "aardgas_totaal_m3": 1100.0,
    "aardgas_huurwoning_m3": 1200.0,
    "inkomen_per_inwoner": 22.0,
    "huishoudens_laag_inkomen_pct": 12.0,
    "gemiddelde_woz_waarde": 250.0,
}
GEMEENTE = {
    "aantal_inwoners": 27000.0,
    "huishoudens_totaal": 11000.0,
    "woningvoorraad": 12000.0,
    "koopwoningen_pct": 60.0,
    "huurwoningen_pct": 38.0,
    "corporatiewoningen_pct": 25.0,
    "overige_verhuurders_pct": 10.0,
    "aardgas_totaal_m3": 1200.0,
    "aardgas_huurwoning_m3": 1000.0,
    "inkomen_per_inwoner": 28.0,
    "huishoudens_laag_inkomen_pct": 8.0,
    "gemiddelde_woz_waarde": 380.0,
}
NEDERLAND = {
    "aantal_inwoners": 17_900_000.0,
    "koopwoningen_pct": 57.0,
    "aardgas_totaal_m3": 1050.0,
    "huishoudens_laag_inkomen_pct": 7.5,
    "inkomen_per_inwoner": 30.0,
}


def twee_buurten(**extra):
    return frame(
        rij(A, **BUURT_A),
        rij(B, **BUURT_B),
        rij(GM, **GEMEENTE),
        rij("NL00", **NEDERLAND),
        *extra.get("rijen", ()),
    )


def bereken(f, codes=(A, B), **kwargs):
    return bereken_indicatoren(
        f, buurten={c: NAMEN[c] for c in codes}, gemeentecode=GM, gemeentenaam="Ermelo", **kwargs
    )


# --- One buurt --------------------------------------------------------------------------------


def test_a_plan_of_one_buurt_shows_that_buurts_figures():
    uitkomst = bereken(twee_buurten(), codes=(A,))
    koop = uitkomst.indicator("koopwoningen_pct")
    assert (koop.plangebied, koop.gemeente, koop.nederland) == (80.0, 60.0, 57.0)
    assert koop.vergelijking_gemeente == Vergelijking.HOGER
    assert koop.vergelijking_tekst == "hoger dan de gemeente, hoger dan Nederland"
    assert koop.dekking.volledig and koop.weging == "cijfer van de buurt"


# --- Several buurten: summed and weighted ---------------------------------------------------------


def test_counts_are_summed():
    uitkomst = bereken(twee_buurten())
    inwoners = uitkomst.indicator("aantal_inwoners")
    assert inwoners.plangebied == 4000.0
    assert inwoners.gemeente == 27000.0
    # A count is not "higher than the gemeente"; it is a share of it.
    assert inwoners.vergelijking_gemeente is None
    assert inwoners.aandeel_van_gemeente == pytest.approx(4000 / 27000 * 100)
    assert inwoners.vergelijking_tekst == "14,8% van de gemeente"


def test_ownership_is_weighted_by_dwellings():
    # (400 × 80% + 1600 × 30%) / 2000 = 40%, not the plain mean of 55%.
    koop = bereken(twee_buurten()).indicator("koopwoningen_pct")
    assert koop.plangebied == pytest.approx(40.0)
    assert koop.weging == "gewogen naar het aantal woningen"
    assert koop.vergelijking_gemeente == Vergelijking.LAGER


def test_gas_use_of_rented_dwellings_is_weighted_by_rented_dwellings():
    # Rented: A 400 × 20% = 80, B 1600 × 70% = 1120.
    # (80 × 1000 + 1120 × 1200) / 1200 = 1186,67 m³.
    huur = bereken(twee_buurten()).indicator("aardgas_huurwoning_m3")
    assert huur.plangebied == pytest.approx((80 * 1000 + 1120 * 1200) / 1200)
    assert huur.weging == "gewogen naar het aantal huurwoningen"


def test_income_is_weighted_by_inhabitants_and_shown_in_euros():
    # (1000 × 30 + 3000 × 22) / 4000 = 24 thousand euro.
    inkomen = bereken(twee_buurten()).indicator("inkomen_per_inwoner")
    assert inkomen.plangebied == pytest.approx(24_000)
    assert inkomen.gemeente == pytest.approx(28_000)
    assert inkomen.eenheid == "euro"
    assert inkomen.tekst(inkomen.plangebied) == "24.000\u00a0euro"


def test_household_shares_are_weighted_by_households():
    # (400 × 5% + 1400 × 12%) / 1800 = 10,44%.
    laag = bereken(twee_buurten()).indicator("huishoudens_laag_inkomen_pct")
    assert laag.plangebied == pytest.approx((400 * 5 + 1400 * 12) / 1800)
    assert laag.tekst(laag.plangebied) == "10,4%"


# --- Missing figures are reported, not skipped silently ------------------------------------------


def test_a_missing_value_makes_the_figure_incomplete_with_its_coverage():
    f = twee_buurten()
    f.loc[f["code"] == B, "aardgas_totaal_m3"] = np.nan
    gas = bereken(f).indicator("aardgas_totaal_m3")
    assert gas.plangebied == 1400.0  # only Horst is known
    assert not gas.dekking.volledig
    assert gas.dekking.buurten_met_waarde == 1
    assert gas.dekking.ontbrekend == ("Oosterbos",)
    assert gas.dekking.aandeel == pytest.approx(400 / 2000)
    assert gas.dekking.tekst == (
        "onvolledig: 1 van 2 buurten (20% van de basis); onbekend voor Oosterbos"
    )


def test_a_missing_weight_leaves_the_buurt_out_and_says_so():
    f = twee_buurten()
    f.loc[f["code"] == B, "woningvoorraad"] = np.nan
    koop = bereken(f).indicator("koopwoningen_pct")
    assert koop.plangebied == 80.0
    assert koop.dekking.ontbrekend == ("Oosterbos",)
    assert koop.dekking.aandeel is None  # the base itself is unknown


def test_a_missing_count_is_a_partial_sum_marked_incomplete():
    f = twee_buurten()
    f.loc[f["code"] == A, "aantal_inwoners"] = np.nan
    inwoners = bereken(f).indicator("aantal_inwoners")
    assert inwoners.plangebied == 3000.0
    assert inwoners.dekking.tekst == "onvolledig: 1 van 2 buurten; onbekend voor Horst"


def test_a_buurt_without_rented_dwellings_has_nothing_to_miss():
    f = twee_buurten()
    f.loc[f["code"] == A, ["huurwoningen_pct", "aardgas_huurwoning_m3"]] = [0.0, np.nan]
    huur = bereken(f).indicator("aardgas_huurwoning_m3")
    assert huur.plangebied == 1200.0
    assert huur.dekking.volledig


def test_a_buurt_without_figures_in_the_year_is_named():
    uitkomst = bereken(twee_buurten(), codes=(A, B, C))
    assert uitkomst.buurten_zonder_gegevens == (C,)
    assert uitkomst.indicator("aantal_inwoners").dekking.ontbrekend == ("Zeeweg",)


def test_unknown_everywhere_stays_unknown_not_zero():
    f = twee_buurten()
    f["stadsverwarming_pct"] = np.nan
    sv = bereken(f).indicator("stadsverwarming_pct")
    assert sv.plangebied is None and sv.gemeente is None
    assert sv.vergelijking_gemeente == Vergelijking.ONBEKEND
    assert sv.tekst(sv.plangebied) == "onbekend"


def test_a_type_weight_that_is_missing_falls_back_and_is_flagged():
    f = twee_buurten()
    f["eengezinswoning_pct"] = [60.0, 50.0, 70.0, np.nan]
    f["aardgas_tussenwoning_m3"] = [1000.0, 1100.0, 1050.0, np.nan]
    tussen = bereken(f).indicator("aardgas_tussenwoning_m3")
    # No tussenwoning share in the frame: weighted by single-family dwellings instead.
    assert tussen.plangebied == pytest.approx((240 * 1000 + 800 * 1100) / 1040)
    assert tussen.benadering
    assert tussen.weging == "gewogen naar het aantal eengezinswoningen"
    f["tussenwoning_pct"] = [10.0, 40.0, 30.0, np.nan]
    precies = bereken(f).indicator("aardgas_tussenwoning_m3")
    assert precies.plangebied == pytest.approx((40 * 1000 + 640 * 1100) / 680)
    assert not precies.benadering


def test_optional_indicators_the_year_lacks_are_left_out():
    f = twee_buurten()
    f["bouwjaar_laatste_10_jaar_pct"] = [10.0, 2.0, 5.0, 6.0]
    uitkomst = bereken(f)
    assert uitkomst.indicator("bouwjaar_laatste_10_jaar_pct") is not None
    assert uitkomst.indicator("bouwjaar_voor_2000_pct") is None
    # A core indicator stays, as "onbekend", so the user sees it is missing.
    assert uitkomst.indicator("huishoudens_rond_sociaal_minimum_pct").plangebied is None


# --- Years --------------------------------------------------------------------------------------


def test_the_newest_year_with_figures_for_the_buurten_is_chosen():
    f = pd.concat(
        [
            twee_buurten(),
            frame(rij(A, 2023, **BUURT_A), rij(GM, 2025, **GEMEENTE)),  # GM only in 2025
        ]
    )
    uitkomst = bereken(f)
    assert uitkomst.jaar == 2024
    assert uitkomst.jaren == (2024, 2023)
    assert uitkomst.bron == "CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)"
    assert bereken(f, jaar=2023).jaar == 2023


def test_a_year_without_figures_is_refused_with_the_years_there_are():
    with pytest.raises(OnbekendJaar) as fout:
        bereken(twee_buurten(), jaar=2019)
    assert fout.value.jaren == (2024,)
    assert "Beschikbare jaren: 2024" in str(fout.value)


def test_no_figures_at_all_is_an_empty_result():
    f = frame(rij(GM, **GEMEENTE), rij("NL00", **NEDERLAND))
    uitkomst = bereken(f)
    assert uitkomst.leeg and uitkomst.jaren == ()
    assert uitkomst.buurten_zonder_gegevens == (A, B)
    assert bereken(pd.DataFrame(columns=["code", "jaar", "soort", "naam"])).leeg


def test_trends_need_two_years():
    f = pd.concat([twee_buurten(), frame(rij(A, 2023, **{**BUURT_A, "aantal_inwoners": 900.0}))])
    uitkomst = bereken(f)
    inwoners = next(t for t in uitkomst.trends if t.sleutel == "aantal_inwoners")
    assert inwoners.jaren == (2023, 2024)
    assert inwoners.plangebied == (900.0, 4000.0)
    assert inwoners.gemeente == (None, 27000.0)
    assert bereken(twee_buurten()).trends == ()


# --- Comparison, shares ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "dec", "verwacht"),
    [
        (45.04, 45.0, 0, Vergelijking.GELIJK),  # equal as shown
        (45.6, 45.0, 0, Vergelijking.HOGER),
        (10.44, 10.46, 1, Vergelijking.LAGER),
        (None, 1.0, 0, Vergelijking.ONBEKEND),
        (1.0, math.nan, 0, Vergelijking.ONBEKEND),
    ],
)
def test_comparison_as_shown(a, b, dec, verwacht):
    assert vergelijk(a, b, dec) == verwacht


def test_ownership_mix_shows_what_is_left_as_unknown():
    eigendom = next(
        v for v in bereken(twee_buurten(), codes=(A,)).verdelingen if v.titel.startswith("Eigen")
    )
    assert eigendom.delen[-1] == "Eigendom onbekend"
    assert eigendom.plangebied == (80.0, 15.0, 5.0, None)  # adds up to 100
    assert eigendom.gemeente == (60.0, 25.0, 10.0, pytest.approx(5.0))
    assert eigendom.nederland == (57.0, None, None, None)


def test_thousands_are_shown_as_euros():
    woz = bereken(twee_buurten(), codes=(A,)).indicator("gemiddelde_woz_waarde")
    assert woz.plangebied == 350_000
    assert woz.vergelijking_gemeente == Vergelijking.LAGER


# --- Energy poverty ------------------------------------------------------------------------------


def energiearmoede_frame():
    return frame(
        rij(A, **{**BUURT_A, "huishoudens_laag_inkomen_pct": 12.0, "aardgas_totaal_m3": 1400.0}),
        rij(B, **{**BUURT_B, "huishoudens_laag_inkomen_pct": 12.0, "aardgas_totaal_m3": 1100.0}),
        rij(C, **{**BUURT_A, "huishoudens_laag_inkomen_pct": np.nan, "aardgas_totaal_m3": 1500.0}),
        rij(GM, **GEMEENTE),
        rij("NL00", **NEDERLAND),
    )


def test_energy_poverty_needs_both_low_income_and_high_gas_use():
    ea = bereken(energiearmoede_frame(), codes=(A, B, C)).energiearmoede
    per_buurt = {b.naam: b.signaal for b in ea.buurten}
    assert per_buurt == {
        "Horst": Signaal.AANDACHTSPUNT,  # 12% > 8% and 1.400 > 1.200 m³
        "Oosterbos": Signaal.GEEN,  # gas below the municipal average
        "Zeeweg": Signaal.ONBEKEND,  # income unknown, gas high
    }
    assert (ea.drempel_laag_inkomen_pct, ea.drempel_aardgas_m3) == (8.0, 1200.0)
    # The rule and its thresholds are stated, so the user sees why.
    assert "drempel: 8,0%" in ea.regel and "drempel: 1.200\u00a0m³" in ea.regel
    assert "Beide boven de drempel" in ea.buurten[0].reden
    assert ea.samenvatting == "1 van de 3 buurten is een aandachtspunt; voor 1 buurt onbekend."


def test_energy_poverty_margins_raise_the_thresholds():
    regel = EnergiearmoedeRegel(laag_inkomen_marge=5.0, aardgas_marge_pct=10.0)
    ea = bereken(energiearmoede_frame(), codes=(A, B), regel=regel).energiearmoede
    assert ea.drempel_laag_inkomen_pct == 13.0
    assert ea.drempel_aardgas_m3 == pytest.approx(1320.0)
    assert [b.signaal for b in ea.buurten] == [Signaal.GEEN, Signaal.GEEN]
    assert "meer dan 5,0 procentpunt hoger" in ea.regel and "meer dan 10% hoger" in ea.regel


def test_energy_poverty_falls_back_to_the_netherlands():
    f = energiearmoede_frame()
    f.loc[f["code"] == GM, "huishoudens_laag_inkomen_pct"] = np.nan
    ea = bereken(f, codes=(A,)).energiearmoede
    assert ea.referentie == "Nederland"
    assert (ea.drempel_laag_inkomen_pct, ea.drempel_aardgas_m3) == (7.5, 1050.0)
    assert ea.buurten[0].signaal == Signaal.AANDACHTSPUNT


def test_energy_poverty_without_any_reference_is_unknown():
    f = energiearmoede_frame()
    f["huishoudens_laag_inkomen_pct"] = np.nan
    ea = bereken(f, codes=(A, B)).energiearmoede
    assert {b.signaal for b in ea.buurten} == {Signaal.ONBEKEND}
    assert ea.samenvatting.startswith("Voor geen enkele buurt is dit te bepalen")
