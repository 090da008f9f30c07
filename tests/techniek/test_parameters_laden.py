"""The first parameter set: PBL's 2025 key figures, taken over with their units and sources."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from techniek.models import Parameter, Parameterset, Parametertabel
from techniek.selectors import parameters as selectors
from techniek.services.pbl_kentallen import DATA, PBL_NAAM, pbl_kentallen_laden

pytestmark = pytest.mark.django_db


def _kentallen_rijen() -> list[dict]:
    rijen = []
    for pad in sorted((DATA / "kentallen").glob("*.csv")):
        tekst = pad.read_bytes().decode("utf-8-sig")
        for rij in csv.DictReader(io.StringIO(tekst), delimiter=";"):
            rij["groep"] = pad.stem.split("_", 1)[1]
            rijen.append(rij)
    return rijen


@pytest.fixture
def pbl():
    parameterset, nieuw = pbl_kentallen_laden()
    assert nieuw
    return parameterset


def test_every_pbl_key_figure_becomes_a_parameter_of_a_published_version_1(pbl):
    bron = _kentallen_rijen()
    assert len(bron) == 300
    assert pbl.versie == 1
    assert pbl.naam == PBL_NAAM
    assert pbl.is_vastgesteld and pbl.vastgesteld_op is not None
    assert selectors.huidige_parameterset() == pbl
    # 300 PBL rows plus the two additions with their own public source
    assert pbl.parameters.count() == 302
    assert pbl.parameters.filter(groep="Aanvullend").count() == 2
    assert {g["groep"] for g in selectors.groepen(pbl)} == {r["groep"] for r in bron} | {
        "Aanvullend"
    }


def test_units_sources_and_descriptions_are_kept_verbatim(pbl):
    for rij in _kentallen_rijen():
        p = pbl.parameters.get(sleutel=f"{rij['groep']}.{rij['Naam']}")
        assert p.eenheid == rij["Eenheid"]
        assert p.bron == rij["Bron"]
        assert p.omschrijving == rij["Beschrijving"]
        assert "pbl-nl/model-vesta-public" in p.herkomst
    verv = pbl.parameters.get(sleutel="Netbeheer.Ki_verv_LD_min")
    assert verv.waarde == Decimal("343.8")
    assert verv.eenheid == "Eur_m"
    assert verv.bron == "Inventarisatie netbeheerders 2024"


def test_niet_opgegeven_in_code_stays_the_source_and_empty_sources_stay_empty(pbl):
    niet_opgegeven = pbl.parameters.filter(bron="niet opgegeven in code")
    assert niet_opgegeven.count() == 13
    assert pbl.parameters.get(sleutel="BC_Kentallen.Kj_hv_w").bron == "niet opgegeven in code"
    # PBL gives no source for these rows; nothing is made up in their place
    assert pbl.parameters.filter(bron="").count() == 12


def test_a_value_that_is_no_number_is_kept_as_text_never_as_zero(pbl):
    nvt = pbl.parameters.filter(waarde_tekst="nvt")
    assert nvt.count() == 15
    assert not nvt.exclude(waarde=None).exists()
    assert pbl.parameters.filter(waarde=None).count() == 15
    assert selectors.parameterwaarden(pbl)["Vermogens.ASW_RVmt_wl_asl_min"] is None


def test_the_additions_name_a_public_source(pbl):
    discontovoet = pbl.parameters.get(sleutel="Aanvullend.Discontovoet_maatschappelijk")
    assert discontovoet.waarde == Decimal("2.25")
    assert discontovoet.eenheid == "percent_yr"
    assert "Werkgroep discontovoet 2020" in discontovoet.bron
    gas = pbl.parameters.get(sleutel="Aanvullend.GasEnergie")
    assert gas.waarde == Decimal("0.03165")
    assert "Kengetallen.dms" in gas.bron


def test_the_key_figure_tables_keep_their_shape_and_a_unit_per_column(pbl):
    woningen = selectors.parametertabel_frame(selectors.parametertabel(pbl, "woningen_bag"))
    assert woningen.shape == (66, 89)
    assert woningen.attrs["eenheden"]["Vrv_G_asl"] == "GJ/jr per aansluiting"
    assert woningen.attrs["eenheden"]["Vrv_G_opp"] == "GJ/jr per m²"
    assert woningen.attrs["eenheden"]["Ki_SGB_min_asl"] == "€ per aansluiting"
    rij = woningen[(woningen.type_str == "vrijstaand") & (woningen.bouwjaar_str == "voor 1930")]
    assert rij["Default_label"].item() == "F"
    assert rij["Vrv_N_asl"].item() == pytest.approx(37.73234704)
    # a column whose unit PBL does not give says so, instead of a guessed unit
    tabel = selectors.parametertabel(pbl, "woningen_bag")
    ga = next(k for k in tabel.kolommen if k["naam"] == "GA_B_factor")
    assert ga["eenheid"] == "" and "niet opgegeven" in ga["omschrijving"]

    util = selectors.parametertabel_frame(selectors.parametertabel(pbl, "utiliteiten_bag"))
    assert len(util) == 60
    assert util["Ki_SGD_500m"].dtype == "float64"  # " 340 " in the source is a number

    typeinfo = selectors.parametertabel(pbl, "typeinfo")
    assert {k["naam"]: k["eenheid"] for k in typeinfo.kolommen}["K_kW_min"] == "Eur_kW"


def test_energy_prices_per_year_and_scenario_with_units(pbl):
    prijzen = selectors.parametertabel_frame(
        selectors.parametertabel(pbl, "energieprijzen_aardgas")
    )
    assert set(prijzen["scenario"]) == {"basis", "laag", "hoog"}
    assert len(prijzen) == 3 * 71  # 2010-2080 in each scenario file
    assert prijzen.attrs["eenheden"]["KG_P"] == "Eur_m3"
    assert prijzen.attrs["eenheden"]["RAT_CO2_KWH"] == "kg_m3"
    basis_2010 = prijzen[(prijzen.scenario == "basis") & (prijzen.Jaar == 2010)]
    assert basis_2010["KG_P"].item() == pytest.approx(0.639)
    elek = selectors.parametertabel(pbl, "energieprijzen_elektriciteit")
    assert {k["naam"]: k["eenheid"] for k in elek.kolommen}["KG_P"] == "Eur_kWh"


def test_emission_factors_per_carrier_and_year_are_pbls_own(pbl):
    factoren = selectors.parametertabel_frame(selectors.parametertabel(pbl, "emissiefactoren"))
    per_jaar = factoren.set_index("Jaar")
    assert per_jaar.loc[2010, "aardgas"] == pytest.approx(1.779)
    assert per_jaar.loc[2020, "elektriciteit"] == pytest.approx(0.3)
    assert per_jaar.loc[2030, "groene_elektriciteit"] == 0
    assert factoren.attrs["eenheden"]["elektriciteit"] == "kg_kWh"
    assert "RAT_CO2_KWH" in factoren.attrs["bronnen"]["aardgas"]


def test_loading_twice_changes_nothing(pbl):
    aantallen = (Parameterset.objects.count(), Parameter.objects.count())
    tweede, nieuw = pbl_kentallen_laden()
    assert not nieuw and tweede == pbl
    assert (Parameterset.objects.count(), Parameter.objects.count()) == aantallen
    assert Parametertabel.objects.count() == 9


def test_the_command_loads_once_and_says_so():
    out = StringIO()
    call_command("laad_pbl_kentallen", stdout=out)
    assert "302 parameters en 9 tabellen" in out.getvalue()
    out = StringIO()
    call_command("laad_pbl_kentallen", stdout=out)
    assert "Niets gewijzigd" in out.getvalue()
    assert Parameterset.objects.count() == 1
