"""Computing the housing costs: household types from the stock and the CBS shares, the costs per
type for the chosen alternative checked by hand, the subsidy only for owner-occupiers, the low
Warmtefonds rate, the rent increase, refused input that saves nothing, and outdated results."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keuze.models import Keuze
from techniek.models import Berekening, Gebouwvoorraad
from tests.uitwerking.woonlasten import hulp
from uitwerking import parameters
from uitwerking.financien import annuiteit
from uitwerking.models import Woonlastenberekening
from uitwerking.selectors import woonlasten as selectors
from uitwerking.services import woonlasten as services
from wup.constants import Fase
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

pytestmark = pytest.mark.django_db

TUSSEN_EIGENAAR = "rijwoning tussen|eigenaar-bewoner"
TUSSEN_CORPORATIE = "rijwoning tussen|huurder corporatie"


@pytest.fixture
def plan(gemeente, projectleider):
    return hulp.woonlastenplan(gemeente, projectleider)


def per_sleutel(plan) -> dict:
    return {u.sleutel: u for u in selectors.stand_van(plan).uitkomsten}


# --- Household types ------------------------------------------------------------------------


def test_household_types_come_from_the_stock_split_by_the_cbs_shares(plan):
    typen = selectors.woningtypen(hulp.WONINGEN)
    assert [(t.naam, t.aantal, t.oppervlakte) for t in typen] == [
        ("rijwoning tussen", 60, 100.0),
        ("meergezins: laag en midden", 40, 70.0),
    ]
    cijfers = selectors.gebiedscijfers(plan)
    assert cijfers.aandelen == pytest.approx(
        {"eigenaar-bewoner": 60.0, "huurder corporatie": 30.0, "particuliere huurder": 10.0}
    )
    assert cijfers.gas_voor("rijwoning tussen") == 1200.0
    assert cijfers.gas_voor("meergezins: laag en midden") == 800.0  # an apartment for CBS
    huishoudens = selectors.huishoudtypen(typen, cijfers.aandelen)
    assert {h.sleutel: h.aantal for h in huishoudens} == {
        TUSSEN_EIGENAAR: 36,
        TUSSEN_CORPORATIE: 18,
        "rijwoning tussen|particuliere huurder": 6,
        "meergezins: laag en midden|eigenaar-bewoner": 24,
        "meergezins: laag en midden|huurder corporatie": 12,
        "meergezins: laag en midden|particuliere huurder": 4,
    }


def test_split_numbers_add_up_and_absent_types_are_left_out():
    typen = [selectors.Woningtype("vrijstaand", 7, None, ())]
    huishoudens = selectors.huishoudtypen(
        typen, {"eigenaar-bewoner": 100.0, "huurder corporatie": 0.0, "particuliere huurder": 0.0}
    )
    assert [(h.eigendom, h.aantal) for h in huishoudens] == [("eigenaar-bewoner", 7)]
    drie = selectors.huishoudtypen(
        [selectors.Woningtype("vrijstaand", 10, None, ())],
        {"eigenaar-bewoner": 1, "huurder corporatie": 1, "particuliere huurder": 1},
    )
    assert sum(h.aantal for h in drie) == 10


def test_the_projectleider_corrects_a_number_and_removes_a_type(plan, projectleider):
    services.woonlasten_berekenen(
        wijkplan=plan,
        user=projectleider,
        aantallen={TUSSEN_EIGENAAR: "40", "rijwoning tussen|particuliere huurder": 0},
    )
    b = Woonlastenberekening.objects.get(wijkplan=plan)
    typen = {t["sleutel"]: t for t in b.huishoudtypen}
    assert typen[TUSSEN_EIGENAAR]["aantal"] == 40 and typen[TUSSEN_EIGENAAR]["afgeleid"] == 36
    assert "rijwoning tussen|particuliere huurder" not in typen
    assert len(b.resultaten) == 5


def test_without_cbs_shares_the_projectleider_must_enter_them(gemeente, projectleider):
    zonder = {k: v for k, v in hulp.CBS.items() if not k.endswith("_pct")}
    plan = hulp.woonlastenplan(gemeente, projectleider, cijfers=zonder)
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert "Vul de aandelen zelf in" in e.value.message_dict["aandelen"][0]
    assert not Woonlastenberekening.objects.exists()
    services.woonlasten_berekenen(
        wijkplan=plan,
        user=projectleider,
        aandelen={"eigenaar-bewoner": "50", "huurder corporatie": "50", "particuliere huurder": 0},
    )
    b = Woonlastenberekening.objects.get()
    assert {r["resultaat"]["eigendom"] for r in b.resultaten} == {
        "eigenaar-bewoner",
        "huurder corporatie",
    }
    assert any("ingevuld door de projectleider" in a for a in b.aannames)


# --- The costs, by hand ------------------------------------------------------------------------


def test_a_cheaper_energy_bill_with_a_loan_gives_the_verdict_computed_by_hand(plan, projectleider):
    """A terraced house owned by its occupant on a heat network: heat at 20 euro per GJ is
    cheaper than gas, but the loan for insulation and connection makes the month dearer."""
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider, warmtetarief="20")
    fp = parameters.financiele_parameters()
    jaar = Woonlastenberekening.objects.get().invoer["jaar"]
    gas, stroom = fp.eindprijs("aardgas", jaar), fp.eindprijs("elektriciteit", jaar)
    plafond = fp.plafonds[max(j for j in fp.plafonds if j <= jaar)]
    # per dwelling equivalent 30 GJ; a terraced house uses 1200 of the mean 1040 m3 of gas
    warmte = 30 * 1200 / 1040
    energie_voor = (1200 * gas + 2500 * stroom) / 12
    energie_na = (2500 * stroom + warmte * 20) / 12
    assert energie_na < energie_voor
    # insulation 5,000 per dwelling equivalent x 100 / 88 m2 (the mean floor area)
    eenmalig = 5000 * 100 / 88 + 1000 + plafond.aansluitbijdrage
    netto = eenmalig - fp.waarde("ISDE_warmtenet")
    lening = annuiteit(
        netto, fp.waarde("Warmtefonds_rente"), fp.waarde("Warmtefonds_looptijd"), per_maand=True
    )
    voor = energie_voor + (fp.waarde("Vastrecht_gas_per_jaar") + 150) / 12
    na = energie_na + plafond.vastrecht_per_jaar / 12 + lening
    r = per_sleutel(plan)[TUSSEN_EIGENAAR].resultaat
    assert r.eenmalig_bruto == pytest.approx(eenmalig, abs=0.01)
    assert r.financiering_per_maand == pytest.approx(lening, abs=0.01)
    assert r.totaal_voor == pytest.approx(voor, abs=0.01)
    assert r.totaal_na == pytest.approx(na, abs=0.01)
    assert not r.woonlastenneutraal and r.uitleg.startswith("Niet woonlastenneutraal")
    # the tenant pays no loan: with no rent increase the cheaper heat makes it neutral
    huurder = per_sleutel(plan)[TUSSEN_CORPORATIE].resultaat
    assert huurder.financiering_per_maand == 0
    assert huurder.totaal_na == pytest.approx(energie_na + plafond.vastrecht_per_jaar / 12)
    assert huurder.woonlastenneutraal == (huurder.totaal_na <= huurder.totaal_voor)


def test_isde_only_for_owner_occupiers(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    isde = parameters.financiele_parameters().waarde("ISDE_warmtenet")
    for u in per_sleutel(plan).values():
        verwacht = isde if u.resultaat.eigendom == "eigenaar-bewoner" else 0
        assert u.resultaat.subsidies == verwacht, u.sleutel


def test_no_isde_for_a_heat_pump(gemeente, projectleider):
    plan = hulp.woonlastenplan(
        gemeente, projectleider, sjabloon="S1a_B_LuchtWP", samenvatting=hulp.WARMTEPOMP
    )
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    u = per_sleutel(plan)[TUSSEN_EIGENAAR]
    assert u.resultaat.subsidies == 0
    assert "aansluitbijdrage" not in {g.post for g in u.resultaat.regels}
    # no gas any more: no fixed gas charge, the heat pump's electricity and maintenance
    regels = {g.post: g for g in u.resultaat.regels}
    assert regels["vastrecht"].na == 0
    assert regels["onderhoud"].na == pytest.approx(12_000 / 100 / 12)
    assert u.verbruik["elektriciteit_kwh_na"] == pytest.approx(
        2500 + 1000 / 100 * 1200 / 1040 / 0.0036, abs=0.1
    )


def test_the_low_income_rate_and_the_rent_increase(plan, projectleider):
    services.woonlasten_berekenen(
        wijkplan=plan,
        user=projectleider,
        laag_inkomen=[TUSSEN_EIGENAAR, TUSSEN_CORPORATIE],
        huurverhoging_corporatie="12,50",
    )
    fp = parameters.financiele_parameters()
    uitkomsten = per_sleutel(plan)
    laag = uitkomsten[TUSSEN_EIGENAAR].resultaat
    assert fp.waarde("Warmtefonds_rente_laag_inkomen") == 0
    assert laag.financiering_per_maand == pytest.approx(
        laag.eenmalig_netto / (fp.waarde("Warmtefonds_looptijd") * 12)
    )
    assert any("lage tarief van het Warmtefonds" in n for n in laag.notities)
    gewoon = uitkomsten["meergezins: laag en midden|eigenaar-bewoner"].resultaat
    assert gewoon.financiering_per_maand == pytest.approx(
        annuiteit(gewoon.eenmalig_netto, 0.0435, 15, per_maand=True)
    )
    # a tenant never gets the loan, low income or not; he pays the rent increase
    huurder = uitkomsten[TUSSEN_CORPORATIE]
    assert huurder.resultaat.financiering_per_maand == 12.5
    assert not Woonlastenberekening.objects.get().resultaten[1]["laag_inkomen"]


def test_the_verdict_and_the_risk_with_energy_poverty(plan, projectleider):
    hulp.energiearmoede(plan)
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    b = Woonlastenberekening.objects.get()
    assert b.energiearmoede is True and "aandachtspunt" in b.energiearmoede_tekst
    for u in per_sleutel(plan).values():
        assert u.risico == (not u.resultaat.woonlastenneutraal)
    assert selectors.stand_van(plan).risico > 0


def test_results_store_the_parameter_set_inputs_and_history(plan, projectleider):
    eerste = services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    tweede = services.woonlasten_berekenen(
        wijkplan=plan, user=projectleider, huurverhoging_particulier="5"
    )
    fp = parameters.financiele_parameters()
    assert tweede.parameterset_id == fp.parameterset_id and tweede.parameterset_versie == fp.versie
    assert tweede.invoer["huurverhoging"]["particuliere huurder"] == 5
    assert [b.pk for b in selectors.berekeningen_van(plan)] == [tweede.pk, eerste.pk]
    assert selectors.stand_van(plan).berekening == tweede
    assert {p["naam"] for p in tweede.gebruikte_parameters} >= {
        "ISDE_warmtenet",
        "Warmtefonds_rente",
        "Vastrecht_gas_per_jaar",
    }
    assert all(p["bron"] for p in tweede.gebruikte_parameters)


# --- Refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("velden", "veld", "tekst"),
    [
        ({"huurverhoging_corporatie": "veel"}, "huurverhoging_corporatie", "Vul een getal in"),
        ({"huurverhoging_particulier": "-3"}, "huurverhoging_particulier", "van 0 tot"),
        ({"warmtetarief": "nan"}, "warmtetarief", "van 0 tot"),
        (
            {
                "aandelen": {
                    "eigenaar-bewoner": 50,
                    "huurder corporatie": 20,
                    "particuliere huurder": 10,
                }
            },
            "aandelen",
            "tellen op tot 80%",
        ),
        ({"aantallen": {TUSSEN_EIGENAAR: "2,5"}}, f"aantallen.{TUSSEN_EIGENAAR}", "heel aantal"),
        (
            {"verbruik": {"rijwoning tussen": {"gas_m3": "x"}}},
            "verbruik.rijwoning tussen.gas_m3",
            "Vul een getal in",
        ),
        ({"jaar": "1850"}, "jaar", "jaartal"),
    ],
)
def test_wrong_input_names_the_field_and_saves_nothing(plan, projectleider, velden, veld, tekst):
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider, **velden)
    assert tekst in e.value.message_dict[veld][0]
    assert not Woonlastenberekening.objects.exists()


def test_every_wrong_field_at_once(plan, projectleider):
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(
            wijkplan=plan, user=projectleider, huurverhoging_corporatie="x", marge="-1"
        )
    assert set(e.value.message_dict) == {"huurverhoging_corporatie", "marge"}


def test_missing_energy_use_is_asked_for(gemeente, projectleider):
    zonder = {k: v for k, v in hulp.CBS.items() if not k.startswith("aardgas")}
    plan = hulp.woonlastenplan(gemeente, projectleider, cijfers=zonder)
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert (
        "geen gasverbruik voor rijwoning tussen"
        in (e.value.message_dict["verbruik.rijwoning tussen.gas_m3"][0])
    )
    services.woonlasten_berekenen(
        wijkplan=plan,
        user=projectleider,
        verbruik={
            "rijwoning tussen": {"gas_m3": "1300"},
            "meergezins: laag en midden": {"gas_m3": "700"},
        },
    )
    assert per_sleutel(plan)[TUSSEN_EIGENAAR].verbruik["gas_m3_voor"] == 1300


def test_without_a_finished_calculation_of_the_chosen_alternative(plan, projectleider):
    keuze = Keuze.objects.get(wijkplan=plan)
    Berekening.objects.filter(alternatief_id=keuze.alternatief_id).update(
        status=Berekening.Status.FOUT
    )
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert "nog niet doorgerekend" in e.value.messages[0]
    assert not Woonlastenberekening.objects.exists()


def test_without_a_choice(gemeente, projectleider):
    plan = hulp.woonlastenplan(gemeente, projectleider, kiezen=False)
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert "nog geen keuze" in e.value.messages[0]


def test_without_finance_figures(gemeente, projectleider):
    plan = hulp.woonlastenplan(gemeente, projectleider, laden=False)
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert "financiële parameters" in e.value.messages[0]


def test_only_the_projectleider_and_never_in_a_frozen_plan(plan, projectleider, griffier):
    with pytest.raises(PermissionDenied):
        services.woonlasten_berekenen(wijkplan=plan, user=griffier)
    Wijkplan.objects.filter(pk=plan.pk).update(fase=Fase.VASTGESTELD)
    plan.refresh_from_db()
    with pytest.raises(PlanFrozen):
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert not Woonlastenberekening.objects.exists()


# --- Outdated ----------------------------------------------------------------------------------


def test_outdated_when_the_parameters_change(plan, projectleider, beheerder):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert not selectors.stand_van(plan).verouderd
    from techniek.services.parameters import parameterset_concept_maken, parameterset_vaststellen

    huidig = parameters.financiele_parameters()
    from techniek.models import Parameterset

    concept = parameterset_concept_maken(
        bron=Parameterset.objects.get(pk=huidig.parameterset_id),
        user=beheerder,
        omschrijving="Nieuwe tarieven",
    )
    parameterset_vaststellen(parameterset=concept, user=beheerder)
    stand = selectors.stand_van(plan)
    assert stand.verouderd
    assert "financiële parameters" in stand.redenen[0]


def test_outdated_when_the_choice_changes(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    ander = hulp.berekend_alternatief(plan, naam="Luchtwarmtepomp", sjabloon="S1a_B_LuchtWP")
    hulp.kies(plan, ander)
    assert "andere keuze" in selectors.stand_van(plan).redenen[0]


def test_outdated_when_the_stock_or_the_calculation_changes(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    voorraad = Gebouwvoorraad.objects.get(wijkplan=plan)
    voorraad.woningen = [{**hulp.WONINGEN[0], "aantal": 80}]
    voorraad.invoer_hash = Gebouwvoorraad.hash_van(voorraad.woningen, [])
    voorraad.save()
    assert "gebouwvoorraad" in selectors.stand_van(plan).redenen[0]
    # step 2 computes again for the new stock: a newer calculation
    keuze = Keuze.objects.get(wijkplan=plan)
    Berekening.objects.create(
        alternatief_id=keuze.alternatief_id,
        invoer_hash="1" * 64,
        status=Berekening.Status.KLAAR,
        voorraad={"bron": "tabel", "woningen": voorraad.woningen, "utiliteit": []},
        samenvatting=hulp.WARMTENET,
    )
    assert "opnieuw doorgerekend" in selectors.stand_van(plan).redenen[0]
    services.woonlasten_berekenen(
        wijkplan=plan,
        user=projectleider,
        **services.velden_van(selectors.stand_van(plan).berekening),
    )
    stand = selectors.stand_van(plan)
    assert not stand.verouderd
    assert sum(u.aantal for u in stand.uitkomsten) == 80


def test_the_chart_has_one_group_per_household_type_with_now_and_after(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    grafiek = selectors.grafiek(selectors.stand_van(plan))
    assert grafiek.tabel.kolommen[1:] == ("Nu", "Na de overstap")
    assert grafiek.tabel.rijen[0][0] == "rijwoning tussen, eigenaar-bewoner"
    assert len(grafiek.tabel.rijen) == 6
    assert "rijwoning tussen, eigenaar-bewoner: Nu" in grafiek.beschrijving
    assert "<title" in grafiek.svg and "<desc" in grafiek.svg


def test_without_any_cbs_figures_the_form_asks_for_shares_and_use(gemeente, projectleider):
    from wijktoets.models import KerncijferRegio

    plan = hulp.woonlastenplan(gemeente, projectleider)
    KerncijferRegio.objects.all().delete()
    with pytest.raises(ValidationError) as e:
        services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert {"aandelen", "verbruik.rijwoning tussen.gas_m3"} <= set(e.value.message_dict)
    services.woonlasten_berekenen(
        wijkplan=plan,
        user=projectleider,
        aandelen={"eigenaar-bewoner": 100, "huurder corporatie": 0, "particuliere huurder": 0},
        verbruik={
            t: {"gas_m3": 1000, "elektriciteit_kwh": 2000}
            for t in ("rijwoning tussen", "meergezins: laag en midden")
        },
    )
    b = Woonlastenberekening.objects.get()
    assert b.energiearmoede is None and len(b.resultaten) == 2
