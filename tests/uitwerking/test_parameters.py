"""Step 5's finance figures: loaded once with their sources into a new version of the
parameter set, read through ``uitwerking.parameters``, and never outdating step 2's results."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from techniek.registratie import rechten_toekennen
from techniek.selectors import parameters as techniek_selectors
from techniek.services import parameters as techniek_services
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from uitwerking import parameters
from uitwerking.financien import FinancienFout
from uitwerking.services.parameters import financiele_kentallen_laden
from wup.roles import ensure_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def v1(db):
    rechten_toekennen()
    ensure_roles()
    return pbl_kentallen_laden()[0]


def test_loading_publishes_one_new_version_with_sourced_figures(v1):
    assert parameters.financiele_parameters() is None
    v2 = financiele_kentallen_laden()
    assert v2.versie == v1.versie + 1 and v2.is_vastgesteld and v2.gebaseerd_op == v1
    assert financiele_kentallen_laden().pk == v2.pk  # idempotent
    fin = parameters.financiele_parameters()
    assert fin.parameterset_id == v2.pk and fin.versie == v2.versie
    assert fin.waarde("ISDE_warmtenet") == 3325
    assert fin.waarde("Warmtefonds_rente_laag_inkomen") == 0
    assert all(k.bron for k in fin.kentallen.values())
    # PBL's figures are all still there, next to the new ones
    assert fin.pbl("NMDA_Prijzen.Aansluitbijdrage") == pytest.approx(4381.274644)


def test_the_acm_caps_per_year_are_read_as_tariff_caps(v1):
    financiele_kentallen_laden()
    fin = parameters.financiele_parameters()
    assert fin.plafonds[2025].variabel_per_gj == pytest.approx(43.79)
    assert fin.plafonds[2024].vastrecht_per_jaar == pytest.approx(759.88)
    assert fin.plafonds[2026].aansluitbijdrage == 4510
    assert "ACM" in fin.plafondbron


def test_end_user_prices_come_from_pbl_per_scenario_with_the_last_year_carried(v1):
    financiele_kentallen_laden()
    fin = parameters.financiele_parameters()
    gas = fin.eindprijs("aardgas", 2026)
    assert 0.5 < gas < 3  # EUR per m3, including energy tax and VAT
    # PBL's price scenarios give gas and electricity the same paths; the spread between low
    # and high energy prices is a factor of its own, with that said in its source
    assert fin.eindprijs("aardgas", 2040, "hoog") == fin.eindprijs("aardgas", 2040, "laag")
    assert fin.waarde("Prijsscenario_laag_factor") < 1 < fin.waarde("Prijsscenario_hoog_factor")
    assert "PBL" in fin.kentallen["Prijsscenario_hoog_factor"].bron
    assert 0.05 < fin.eindprijs("elektriciteit", 2026) < 1
    laatste = int(fin.eindprijzen["jaar"].max())
    assert fin.eindprijs("aardgas", 2200) == fin.eindprijs("aardgas", laatste)
    with pytest.raises(FinancienFout, match="waterstof"):
        fin.eindprijs("waterstof", 2026)
    assert "KG_P" in fin.prijsbron


def test_a_missing_figure_is_named(v1, beheerder):
    financiele_kentallen_laden()
    concept = techniek_services.parameterset_concept_maken(
        bron=techniek_selectors.huidige_parameterset(), user=beheerder
    )
    techniek_services.parameter_wijzigen(
        parameterset=concept,
        sleutel="Financien.Warmtefonds_rente",
        user=beheerder,
        waarde=None,
        bron="Nog navragen",
    )
    techniek_services.parameterset_vaststellen(parameterset=concept, user=beheerder)
    with pytest.raises(FinancienFout, match=r"Financien\.Warmtefonds_rente"):
        parameters.financiele_parameters().waarde("Warmtefonds_rente")


def test_finance_figures_outdate_step_5_results_but_not_step_2_results(v1, beheerder):
    v2 = financiele_kentallen_laden()
    assert not techniek_selectors.is_verouderd(v1.pk)  # step 2 calculated with v1
    assert parameters.is_verouderd(v1.pk)
    assert not parameters.is_verouderd(v2.pk)
    concept = techniek_services.parameterset_concept_maken(bron=v2, user=beheerder)
    techniek_services.parameter_wijzigen(
        parameterset=concept,
        sleutel="Financien.ISDE_warmtenet",
        user=beheerder,
        waarde="3500",
        bron="Nieuwe ISDE-regeling",
    )
    techniek_services.parameterset_vaststellen(parameterset=concept, user=beheerder)
    assert parameters.verouderd_many([v2.pk, concept.pk]) == {v2.pk: True, concept.pk: False}
    assert parameters.financiele_parameters().waarde("ISDE_warmtenet") == 3500
    assert parameters.financiele_parameters(v2.pk).waarde("ISDE_warmtenet") == 3325
    assert not techniek_selectors.verouderd_many([v1.pk, v2.pk])[v1.pk]
    # ... while a change to a figure the engine reads does outdate step 2
    concept = techniek_services.parameterset_concept_maken(bron=concept, user=beheerder)
    techniek_services.parameter_wijzigen(
        parameterset=concept,
        sleutel="Netbeheer.Ki_verv_LD_min",
        user=beheerder,
        waarde="400",
        bron="Offerte",
    )
    techniek_services.parameterset_vaststellen(parameterset=concept, user=beheerder)
    assert techniek_selectors.is_verouderd(v1.pk)


def test_the_command_explains_what_it_did():
    with pytest.raises(CommandError, match="laad_pbl_kentallen"):
        call_command("laad_financiele_kentallen", stdout=io.StringIO())
    pbl_kentallen_laden()
    uit = io.StringIO()
    call_command("laad_financiele_kentallen", stdout=uit)
    assert "Vastgesteld" in uit.getvalue()
    uit = io.StringIO()
    call_command("laad_financiele_kentallen", stdout=uit)
    assert "Niets gewijzigd" in uit.getvalue()
