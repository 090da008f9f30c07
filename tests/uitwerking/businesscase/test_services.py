"""The business case's service: prefilled from step 2 and the finance parameters, every field
checked with a Dutch message and nothing saved on error, each calculation a new row with its
parameter set, and outdated when the parameters, the choice or step 2's calculation change."""

from __future__ import annotations

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from techniek.models import Berekening
from techniek.selectors.parameters import huidige_parameterset
from techniek.services.parameters import (
    parameter_wijzigen,
    parameterset_concept_maken,
    parameterset_vaststellen,
)
from tests import factories
from tests.uitwerking.businesscase.hulp import alternatief, bc_plan, berekening, kies
from uitwerking import parameters as financiele
from uitwerking.financien import Tariefplafond
from uitwerking.models import Businesscase
from uitwerking.selectors import businesscase as selectors
from uitwerking.services import businesscase as services
from wup.constants import Fase
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan
from wup.models.historie import HistoryIsImmutable

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return bc_plan(gemeente, projectleider)


def bereken(plan, user, **invoer):
    return services.businesscase_berekenen(wijkplan=plan, user=user, invoer=invoer)


def fouten(excinfo) -> dict:
    return excinfo.value.message_dict


def nieuwe_versie(beheerder, sleutel="Financien.Inkoopkosten_warmte_per_gj", waarde="20"):
    concept = parameterset_concept_maken(bron=huidige_parameterset(), user=beheerder)
    parameter_wijzigen(
        parameterset=concept, sleutel=sleutel, user=beheerder, waarde=waarde, bron="Offerte"
    )
    return parameterset_vaststellen(parameterset=concept, user=beheerder)


# --- Prefill ------------------------------------------------------------------------------------


def test_the_inputs_are_prefilled_from_step_2_and_the_parameters_with_their_origin(plan):
    start = selectors.startpunt(plan)
    assert start.kan_rekenen, start.fout
    fp = financiele.financiele_parameters()
    w, h = start.waarden, start.herkomst
    net = w["investeringen"]["netwerk"]
    # district pipes, substations and transport; O&M and lifetime weighted by amount
    assert net["bedrag"] == 6_000_000
    assert net["levensduur_jaren"] == 40
    assert net["onderhoud_fractie"] == pytest.approx(55_000 / 6_000_000, abs=1e-6)
    assert w["investeringen"]["opwekking"]["bedrag"] == 2_000_000
    aansluitingen = w["investeringen"]["aansluitingen"]
    assert aansluitingen["bedrag"] == 2_000_000
    assert aansluitingen["levensduur_jaren"] == pytest.approx((1.2 * 40 + 0.8 * 20) / 2)
    # the building shell is the owners', not the heat company's
    assert w["investeringen"]["gebouw"]["bedrag"] == 0
    assert w["aantal_aansluitingen"] == 400
    assert w["warmtevraag_gj_per_aansluiting"] == pytest.approx(40)
    assert w["discontovoet"] == fp.waarde("Discontovoet_warmtebedrijf")
    assert w["looptijd_jaren"] == fp.waarde("Looptijd_businesscase")
    assert w["inkoopkosten_per_gj"] == fp.waarde("Inkoopkosten_warmte_per_gj")
    plafond = selectors._plafond_van(fp.plafonds, w["startjaar"])
    assert w["variabel_per_gj"] == pytest.approx(plafond.variabel_per_gj)
    assert "Wijkleidingen" in h["investeringen.netwerk"] and "Stap 2" in h["investeringen.netwerk"]
    assert "Gebouwvoorraad" in h["aantal_aansluitingen"]
    assert "ACM" in h["variabel_per_gj"]
    assert "Discontovoet_warmtebedrijf" in h["discontovoet"]
    assert "Standaardaanname" in h["aansluitgraad"]


def test_without_a_choice_the_service_says_to_record_one_and_saves_nothing(gemeente, projectleider):
    plan = bc_plan(gemeente, projectleider)
    plan.keuzes.all()  # the plan has a choice; a fresh one has none
    leeg = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    with pytest.raises(ValidationError) as e:
        bereken(leeg, projectleider)
    assert "stap 4" in fouten(e)[NON_FIELD_ERRORS][0]
    assert not Businesscase.objects.exists()


@pytest.mark.parametrize(
    ("status", "tekst"),
    [
        (None, "nog niet doorgerekend"),
        (Berekening.Status.BEZIG, "loopt nog"),
        (Berekening.Status.FOUT, "niet gelukt"),
    ],
)
def test_an_alternative_without_a_finished_calculation_says_what_to_do(
    gemeente, projectleider, status, tekst
):
    plan = bc_plan(gemeente, projectleider)
    alt = alternatief(plan, "Aquathermie")
    if status:
        berekening(alt, status=status)
    kies(plan, alt)
    with pytest.raises(ValidationError) as e:
        bereken(plan, projectleider)
    assert tekst in fouten(e)[NON_FIELD_ERRORS][0]
    assert "Aquathermie" in fouten(e)[NON_FIELD_ERRORS][0]
    assert not Businesscase.objects.exists()


def test_without_finance_parameters_the_beheerder_is_asked_to_load_them(gemeente, projectleider):
    plan = bc_plan(gemeente, projectleider, laden=False)
    with pytest.raises(ValidationError) as e:
        bereken(plan, projectleider)
    assert "beheerder" in fouten(e)[NON_FIELD_ERRORS][0]


# --- Checks -------------------------------------------------------------------------------------


def test_bad_input_names_every_field_in_dutch_and_saves_nothing(plan, projectleider):
    with pytest.raises(ValidationError) as e:
        bereken(
            plan,
            projectleider,
            investeringen={"netwerk": {"levensduur_jaren": -5, "fasering": [0.5, 0.4]}},
            discontovoet=-1,
            vastrecht_per_jaar="",
            variabel_per_gj=None,
            aansluitfasering="0,5; 0,2",
            aansluitgraad=1.5,
            subsidies=[{"omschrijving": "", "jaar": 2150, "bedrag": "veel"}],
        )
    f = fouten(e)
    assert "0 jaar" in f["investeringen.netwerk.levensduur_jaren"][0]
    assert "samen moet dat 1 zijn" in f["investeringen.netwerk.fasering"][0]
    assert "-100 %" in f["discontovoet"][0]
    assert "vastrecht" in f["vastrecht_per_jaar"][0]
    assert "variabele tarief" in f["variabel_per_gj"][0]
    assert "0,7" in f["aansluitfasering"][0]
    assert "100 %" in f["aansluitgraad"][0]
    assert "omschrijving" in f["subsidies.0.omschrijving"][0]
    assert "looptijd" in f["subsidies.0.jaar"][0]
    assert "bedrag" in f["subsidies.0.bedrag"][0]
    assert not Businesscase.objects.exists()


def test_a_start_year_before_every_known_cap_is_refused(plan, projectleider):
    eerste = min(financiele.financiele_parameters().plafonds)
    with pytest.raises(ValidationError) as e:
        bereken(plan, projectleider, startjaar=eerste - 1)
    assert "tariefplafond" in fouten(e)["startjaar"][0]


def test_dutch_numbers_and_a_phasing_typed_by_hand_are_read(plan, projectleider):
    bc = bereken(
        plan,
        projectleider,
        vastrecht_per_jaar="1.234,50",
        aansluitfasering="0,33; 0,33; 0,33",
    )
    w = bc.invoer["waarden"]
    assert w["vastrecht_per_jaar"] == 1234.5
    assert sum(w["aansluitfasering"]) == pytest.approx(1.0)


def test_only_the_projectleider_calculates_and_never_in_a_frozen_plan(
    plan, projectleider, gemeente
):
    ander = factories.projectleider(gemeente, username="ander")
    with pytest.raises(PermissionDenied):
        bereken(plan, ander)
    Wijkplan.objects.filter(pk=plan.pk).update(fase=Fase.VASTGESTELD)
    plan.refresh_from_db()
    with pytest.raises(PlanFrozen):
        bereken(plan, projectleider)
    assert not Businesscase.objects.exists()


# --- Storing ------------------------------------------------------------------------------------


def test_a_calculation_stores_result_scenarios_inputs_and_parameter_set(plan, projectleider):
    bc = bereken(plan, projectleider, aansluitgraad=0.8)
    fp = financiele.financiele_parameters()
    assert bc.parameterset_id == fp.parameterset_id
    assert bc.keuze == plan.keuzes.first() and bc.alternatief_naam == "Warmtenet restwarmte"
    assert bc.berekening_id == plan.alternatieven.get().berekeningen.get().pk
    assert set(bc.resultaat) >= {"npv", "irr", "irr_reden", "onrendabele_top", "kasstromen"}
    assert len(bc.resultaat["kasstromen"]["jaar"]) == bc.invoer["waarden"]["looptijd_jaren"]
    assert len(bc.scenarios) == 9
    assert {(s["prijsscenario"], s["aansluitgraad"]) for s in bc.scenarios} == {
        (p, g) for p in ("basis", "laag", "hoog") for g in (0.7, 0.9, 1.0)
    }
    assert bc.invoer["waarden"]["aansluitgraad"] == 0.8
    assert bc.invoer["aangepast"] == ["aansluitgraad"]
    assert bc.invoer["herkomst"]["aansluitgraad"] == str(selectors.AANGEPAST)
    # the basis row at the plan's own rate would equal the result; 0.9 differs from 0.8
    basis_09 = next(
        s for s in bc.scenarios if s["prijsscenario"] == "basis" and s["aansluitgraad"] == 0.9
    )
    assert basis_09["npv"] != bc.resultaat["npv"]


def test_every_calculation_is_a_new_row_and_the_newest_counts(plan, projectleider):
    eerste = bereken(plan, projectleider)
    tweede = bereken(plan, projectleider, aansluitgraad=0.7)
    assert Businesscase.objects.filter(wijkplan=plan).count() == 2
    assert selectors.huidige_businesscase(plan) == tweede
    assert [b.pk for b in selectors.historie(plan)] == [tweede.pk, eerste.pk]
    eerste.refresh_from_db()
    assert eerste.invoer["waarden"]["aansluitgraad"] == 0.9
    with pytest.raises(HistoryIsImmutable):
        eerste.save()
    with pytest.raises(HistoryIsImmutable):
        Businesscase.objects.filter(pk=eerste.pk).update(alternatief_naam="x")


def test_an_irr_that_does_not_exist_is_stored_with_its_reason(plan, projectleider):
    # no investments: every year brings in money, so no rate makes the NPV zero
    bc = bereken(
        plan,
        projectleider,
        investeringen={post: {"bedrag": 0} for post in selectors.POST_NAMEN},
    )
    assert bc.resultaat["irr"] is None
    assert "geen interne rentevoet" in bc.resultaat["irr_reden"]
    assert bc.resultaat["onrendabele_top"] == 0


def test_stored_cash_flows_never_exceed_the_acm_caps(plan, projectleider):
    bc = bereken(
        plan,
        projectleider,
        vastrecht_per_jaar=5000,
        variabel_per_gj=500,
        aansluitbijdrage=50_000,
        looptijd_jaren=40,
    )
    k = bc.resultaat["kasstromen"]
    plafonds = {int(j): p for j, p in bc.resultaat["plafonds"].items()}
    w = bc.invoer["waarden"]
    nieuw_per_jaar = [
        w["aantal_aansluitingen"] * w["aansluitgraad"] * f for f in w["aansluitfasering"]
    ]
    actief = 0.0
    assert bc.resultaat["begrensd"]
    for i, jaar in enumerate(k["jaar"]):
        plafond = plafonds[max(j for j in plafonds if j <= jaar)]
        nieuw = nieuw_per_jaar[i] if i < len(nieuw_per_jaar) else 0.0
        actief += nieuw
        warmte = actief * w["warmtevraag_gj_per_aansluiting"]
        assert k["variabel"][i] <= warmte * plafond["variabel_per_gj"] + 1e-6
        assert k["vastrecht"][i] <= actief * plafond["vastrecht_per_jaar"] + 1e-6
        assert k["aansluitbijdragen"][i] <= nieuw * plafond["aansluitbijdrage"] + 1e-6
    # beyond the last published cap the variable cap follows the gas price
    laatste = max(financiele.financiele_parameters().plafonds)
    assert any(p["afgeleid"] for j, p in plafonds.items() if j > laatste)


def test_caps_after_the_last_known_year_move_with_the_gas_price():
    bekend = {2025: Tariefplafond(700, 40, 4000), 2026: Tariefplafond(800, 50, 4500)}
    gas = {2026: 1.0, 2027: 1.1, 2028: 0.9}
    uit, afgeleid = selectors.plafonds_doorgetrokken(bekend, range(2025, 2030), gas.get)
    assert uit[2025] == bekend[2025] and uit[2026] == bekend[2026]
    assert afgeleid == [2027, 2028, 2029]
    assert uit[2027].variabel_per_gj == pytest.approx(55)
    assert uit[2028].variabel_per_gj == pytest.approx(45)
    assert uit[2029].variabel_per_gj == pytest.approx(50)  # no price known: carried forward
    assert uit[2028].vastrecht_per_jaar == 800 and uit[2028].aansluitbijdrage == 4500
    # a scenario with higher gas prices has higher caps, relative to the base path
    hoog, _ = selectors.plafonds_doorgetrokken(
        bekend, range(2025, 2028), lambda j: gas.get(j, 1) * 1.5, referentie=1.0
    )
    assert hoog[2027].variabel_per_gj == pytest.approx(50 * 1.65)


def test_the_purchase_price_moves_with_the_gas_price_per_scenario():
    gas = {2026: 1.0, 2027: 1.2}
    assert selectors.prijspad(15, [2026, 2027], gas.get, 1.0) == pytest.approx([15, 18])
    assert selectors.prijspad(15, [2026, 2027], lambda j: gas[j] * 1.5, 1.0) == pytest.approx(
        [22.5, 27]
    )
    assert selectors.prijspad(15, [2026], gas.get, None) == [15]


def test_the_price_scenarios_differ_in_purchase_price(plan, projectleider):
    bc = bereken(plan, projectleider)
    inkoop = bc.resultaat["inkoop_per_gj"]
    assert inkoop["laag"][0] < inkoop["basis"][0] < inkoop["hoog"][0]


# --- Outdated -----------------------------------------------------------------------------------


def test_new_parameters_outdate_the_business_case(plan, projectleider, beheerder):
    bereken(plan, projectleider)
    assert not selectors.stand(plan).verouderd
    nieuwe_versie(beheerder)
    stand = selectors.stand(plan)
    assert stand.parameters_verouderd and stand.verouderd
    assert any("parameterset" in r for r in stand.redenen)


def test_a_new_choice_or_a_new_step_2_calculation_outdates_it(plan, projectleider):
    bereken(plan, projectleider)
    alt = plan.alternatieven.get()
    berekening(alt)
    stand = selectors.stand(plan)
    assert stand.berekening_gewijzigd and not stand.keuze_gewijzigd
    kies(plan, alt)
    stand = selectors.stand(plan)
    assert stand.keuze_gewijzigd and stand.verouderd


def test_recalculating_keeps_what_the_projectleider_changed(plan, projectleider, beheerder):
    bereken(plan, projectleider, aansluitgraad=0.75, investeringen={"gebouw": {"bedrag": 1000}})
    nieuwe_versie(beheerder)
    bc = services.businesscase_herberekenen(wijkplan=plan, user=projectleider)
    w = bc.invoer["waarden"]
    assert w["aansluitgraad"] == 0.75
    assert w["investeringen"]["gebouw"]["bedrag"] == 1000
    assert w["inkoopkosten_per_gj"] == 20  # the new parameter set's value
    assert bc.parameterset_id == huidige_parameterset().pk
    assert not selectors.stand(plan).verouderd


def test_after_a_new_choice_the_alternatives_own_figures_start_afresh(plan, projectleider):
    bereken(
        plan,
        projectleider,
        aansluitgraad=0.75,
        investeringen={"netwerk": {"bedrag": 1}},
    )
    alt = alternatief(plan, "Tweede net")
    berekening(alt)
    kies(plan, alt)
    bc = services.businesscase_herberekenen(wijkplan=plan, user=projectleider)
    assert bc.alternatief_naam == "Tweede net"
    assert bc.invoer["waarden"]["investeringen"]["netwerk"]["bedrag"] == 6_000_000
    assert bc.invoer["waarden"]["aansluitgraad"] == 0.75


def test_a_changed_alternative_outdates_it(plan, projectleider):
    from techniek.services.alternatieven import alternatief_wijzigen

    bereken(plan, projectleider)
    alternatief_wijzigen(
        alternatief=plan.alternatieven.get(), user=projectleider, schets="Met een buffer."
    )
    stand = selectors.stand(plan)
    assert stand.alternatief_gewijzigd and stand.verouderd
    assert any("gewijzigd (stap 2)" in r for r in stand.redenen)


def test_tariffs_that_follow_the_acm_maximum_gain_from_higher_gas_prices(plan, projectleider):
    eigen = bereken(plan, projectleider)
    volgt = bereken(plan, projectleider, tarieven_volgen_plafond=True, vastrecht_per_jaar="")
    assert not volgt.resultaat["begrensd"]
    assert volgt.invoer["waarden"]["tarieven_volgen_plafond"] is True
    k = volgt.resultaat["kasstromen"]
    plafonds = {int(j): p for j, p in volgt.resultaat["plafonds"].items()}
    assert k["variabel"][-1] > 0
    jaar = k["jaar"][-1]
    assert k["vastrecht"][-1] == pytest.approx(
        400 * 0.9 * plafonds[max(j for j in plafonds if j <= jaar)]["vastrecht_per_jaar"]
    )
    hoog = {s["aansluitgraad"]: s["npv"] for s in volgt.scenarios if s["prijsscenario"] == "hoog"}
    hoog_eigen = {
        s["aansluitgraad"]: s["npv"] for s in eigen.scenarios if s["prijsscenario"] == "hoog"
    }
    assert hoog[0.9] > hoog_eigen[0.9]


def test_input_of_the_wrong_shape_is_an_error_not_a_crash(plan, projectleider):
    with pytest.raises(ValidationError) as e:
        bereken(plan, projectleider, investeringen=[1, 2], subsidies="WIS")
    assert "investeringen" in fouten(e) and "subsidies" in fouten(e)
    with pytest.raises(ValidationError) as e:
        bereken(plan, projectleider, subsidies=["WIS"])
    assert "subsidies.0" in fouten(e)
