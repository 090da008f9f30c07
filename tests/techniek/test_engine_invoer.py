"""Bad input gets the typed error with Dutch messages that say what and where."""

import pandas as pd
import pytest

from techniek.engine import (
    STANDAARD_ALTERNATIEVEN,
    Bron,
    CbsSchatting,
    Energieprijzen,
    InvoerFout,
    Parameters,
    UtiliteitInvoer,
    bereken,
    parameter_definities,
    standaard_parameters,
    voorraad_uit_cbs,
    voorraad_uit_tabel,
    weerjaar_knmi,
    weerjaar_uit_reeks,
)


def meldingen(fout: pytest.ExceptionInfo[InvoerFout]) -> list[str]:
    return [str(p) for p in fout.value.problemen]


def tabel(**kolommen):
    basis = {
        "type": ["rijwoning tussen"],
        "bouwperiode": ["1965 - 1974"],
        "label": ["C"],
        "aantal": [40],
        "oppervlakte": [90],
    }
    basis.update(kolommen)
    return pd.DataFrame(basis)


def test_a_table_with_every_kind_of_mistake_reports_them_all_with_their_row():
    df = pd.DataFrame(
        {
            "type": ["flat", "vrijstaand", "vrijstaand", "vrijstaand"],
            "bouwperiode": ["1970", "ooit", "1930 - 1945", "1930 - 1945"],
            "label": ["B", "Q", "C", "C"],
            "aantal": [-3, "veel", 2, 2],
            "oppervlakte": [80, 80, 0, 100],
        }
    )
    with pytest.raises(InvoerFout) as fout:
        voorraad_uit_tabel(df)
    tekst = meldingen(fout)
    assert any(t.startswith("woningen, rij 2: onbekend type 'flat'") for t in tekst)
    assert "woningen, rij 2: aantal mag niet negatief zijn (nu -3)" in tekst
    assert any(t.startswith("woningen, rij 3: onbekende bouwperiode 'ooit'") for t in tekst)
    assert any(t.startswith("woningen, rij 3: onbekend energielabel 'Q'") for t in tekst)
    assert "woningen, rij 3: aantal 'veel' is geen getal" in tekst
    assert "woningen, rij 4: oppervlakte moet groter dan 0 m2 zijn (nu '0')" in tekst
    assert not any("rij 5" in t for t in tekst)


def test_a_stock_without_dwellings_is_refused():
    with pytest.raises(InvoerFout) as fout:
        voorraad_uit_tabel(tabel(aantal=[0]))
    assert meldingen(fout) == [
        "woningen: de voorraad bevat geen woningen; er valt niets te berekenen"
    ]
    with pytest.raises(InvoerFout):
        voorraad_uit_cbs(CbsSchatting(aantal_woningen=0, gemiddelde_oppervlakte=90))


def test_a_missing_column_is_named():
    with pytest.raises(InvoerFout) as fout:
        voorraad_uit_tabel(tabel().drop(columns=["oppervlakte"]))
    assert "kolom ontbreekt: 'oppervlakte'" in meldingen(fout)[0]


def test_construction_years_and_a_plus_labels_are_understood():
    v = voorraad_uit_tabel(tabel(bouwperiode=[1968], label=["A++"]))
    w, _ = v.naar_tabellen()
    assert w.loc[0, "bouwperiode"] == "1965 - 1974" and w.loc[0, "label"] == "A"


def test_cbs_estimate_checks_its_shares():
    with pytest.raises(InvoerFout) as fout:
        voorraad_uit_cbs(
            CbsSchatting(
                aantal_woningen=100,
                gemiddelde_oppervlakte=90,
                aandeel_woningtype={"vrijstaand": 0.5, "villa": 0.2},
                aandeel_voor_2000=1.4,
                utiliteit={"Kantoor": UtiliteitInvoer(-1, 100), "Kerk": UtiliteitInvoer(1, 100)},
            )
        )
    tekst = meldingen(fout)
    assert any("aandeel woningtype: onbekende waarde 'villa'" in t for t in tekst)
    assert any("aandeel gebouwd voor 2000: moet een aandeel tussen 0 en 1 zijn" in t for t in tekst)
    assert any(t.startswith("utiliteit 'Kantoor': het aantal panden") for t in tekst)
    assert any(t.startswith("utiliteit 'Kerk': onbekende functie") for t in tekst)


def test_shares_must_add_up_to_one():
    with pytest.raises(InvoerFout) as fout:
        voorraad_uit_cbs(
            CbsSchatting(
                aantal_woningen=100,
                gemiddelde_oppervlakte=90,
                aandeel_woningtype={"vrijstaand": 0.5},
            )
        )
    assert "aandeel woningtype: de aandelen tellen op tot 0.500; dat moet 1 zijn" in meldingen(fout)


def test_missing_and_bad_parameters_are_listed_by_name():
    waarden = {d.naam: d.waarde for d in parameter_definities()}
    del waarden["Ki_verzw_e_min"]
    waarden["Looptijd_schil"] = 0
    waarden["VerbeterMinMaxSchuif"] = "half"
    waarden["EfficiencySchuif"] = 1.5
    with pytest.raises(InvoerFout) as fout:
        Parameters.uit_dict(waarden)
    tekst = meldingen(fout)
    assert any(t.startswith("parameter Ki_verzw_e_min: ontbreekt") for t in tekst)
    assert "parameter Looptijd_schil: moet groter dan 0 zijn (nu 0 jaar)" in tekst
    assert "parameter VerbeterMinMaxSchuif: 'half' is geen getal" in tekst
    assert any(t.startswith("parameter EfficiencySchuif: moet tussen 0 en 1 liggen") for t in tekst)
    # and the same through bereken(), before anything is computed
    voorraad = voorraad_uit_tabel(tabel())
    with pytest.raises(InvoerFout):
        bereken(voorraad, parameters=waarden)


def test_a_parameter_set_may_carry_group_prefixes_and_more_than_the_engine_needs():
    waarden = {f"Groep.{d.naam}": d.waarde for d in parameter_definities()}
    waarden["BC_Kentallen.Kj_hv_w"] = 201.58
    assert Parameters.uit_dict(waarden) == standaard_parameters()


def test_an_alternative_that_cannot_exist_is_refused():
    s1 = STANDAARD_ALTERNATIEVEN[0]
    with pytest.raises(InvoerFout) as fout:
        s1.variant(doellabel="A", bron=Bron.RESTWARMTE, opslag_uren=-1)
    tekst = meldingen(fout)
    assert "alternatief 'S1a_B_LuchtWP': doellabel 'A' kan niet; kies B, C, D of geen" in tekst
    assert any("bron 'restwarmte' past niet bij warmtepomp" in t for t in tekst)
    assert "alternatief 'S1a_B_LuchtWP': de opslag kan niet negatief zijn" in tekst
    with pytest.raises(InvoerFout) as fout:
        s1.variant(parameters={"Ki_eWP_B_i": -5})
    assert any("parameter Ki_eWP_B_i: mag niet negatief zijn" in t for t in meldingen(fout))


def test_two_alternatives_with_the_same_code_are_refused():
    voorraad = voorraad_uit_tabel(tabel())
    with pytest.raises(InvoerFout) as fout:
        bereken(voorraad, [STANDAARD_ALTERNATIEVEN[0], STANDAARD_ALTERNATIEVEN[0]])
    assert meldingen(fout) == ["alternatief 'S1a_B_LuchtWP': deze code komt twee keer voor"]
    with pytest.raises(InvoerFout):
        bereken(voorraad, [])


def test_weather_years_must_be_complete():
    with pytest.raises(InvoerFout) as fout:
        weerjaar_uit_reeks([5.0] * 100, jaar=2023, naam="kort", bron="test")
    assert meldingen(fout) == ["weerjaar: er zijn 100 uurwaarden, er moeten er 8760 zijn"]
    with pytest.raises(InvoerFout) as fout:
        weerjaar_knmi(1990)
    assert "kies 2021 of 2022" in meldingen(fout)[0]


def test_energy_prices_from_a_mapping_are_checked():
    with pytest.raises(InvoerFout) as fout:
        Energieprijzen.uit_dict({"jaar": 2030, "scenario": "basis", "aardgas_klein": "duur"})
    tekst = meldingen(fout)
    assert "energieprijs aardgas_klein: 'duur' is geen getal" in tekst
    assert "energieprijs elektriciteit_klein: ontbreekt" in tekst
