"""The stock of a plan (CBS estimate, uploaded table, own tables) and its alternatives: only the
plan's projectleider writes, never in a frozen plan, and bad input says what and where."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from techniek.models import Alternatief, Gebouwvoorraad
from techniek.services import alternatieven as services
from tests import factories
from tests.techniek.alternatieven_hulp import WONINGEN_CSV, cbs_cijfers
from wup.exceptions import PlanFrozen

pytestmark = pytest.mark.django_db


def _buurtcode(plan) -> str:
    return plan.buurten.first().code


def test_the_cbs_estimate_follows_the_buurt_figures(plan, projectleider):
    cbs_cijfers(_buurtcode(plan), woningen=400)
    v = services.gebouwvoorraad_uit_cbs(
        wijkplan=plan, user=projectleider, gemiddelde_oppervlakte="105,5"
    )
    assert v.bron == Gebouwvoorraad.Bron.CBS
    assert sum(r["aantal"] for r in v.woningen) == pytest.approx(400)
    assert {r["label"] for r in v.woningen} <= set("ABCDEFGN")
    assert any("standaardlabel" in t for t in v.toelichting)
    assert v.gewijzigd_door == projectleider


def test_missing_cbs_figures_are_named_per_buurt(plan, projectleider):
    with pytest.raises(ValidationError) as e:
        services.gebouwvoorraad_uit_cbs(
            wijkplan=plan, user=projectleider, gemiddelde_oppervlakte=100
        )
    assert _buurtcode(plan) in str(e.value) and "CBS" in str(e.value)
    assert not Gebouwvoorraad.objects.exists()


def test_the_cbs_estimate_needs_a_floor_area(plan, projectleider):
    cbs_cijfers(_buurtcode(plan))
    with pytest.raises(ValidationError, match="oppervlakte"):
        services.gebouwvoorraad_uit_cbs(wijkplan=plan, user=projectleider, gemiddelde_oppervlakte=0)


def test_an_uploaded_table_is_stored_and_a_bad_one_says_where(plan, projectleider):
    v = services.gebouwvoorraad_uit_bestand(
        wijkplan=plan,
        user=projectleider,
        bestand=BytesIO(WONINGEN_CSV.encode("cp1252")),
        bestandsnaam="voorraad.csv",
    )
    assert v.bron == Gebouwvoorraad.Bron.TABEL and v.bestandsnaam == "voorraad.csv"
    assert sum(r["aantal"] for r in v.woningen) == 160
    slecht = WONINGEN_CSV.replace(";E;", ";Q;")
    with pytest.raises(ValidationError, match="rij 2: onbekend energielabel 'Q'"):
        services.gebouwvoorraad_uit_bestand(
            wijkplan=plan,
            user=projectleider,
            bestand=BytesIO(slecht.encode()),
            bestandsnaam="voorraad.csv",
        )
    v.refresh_from_db()
    assert sum(r["aantal"] for r in v.woningen) == 160  # the good stock is kept
    with pytest.raises(ValidationError, match="CSV- of Excel"):
        services.gebouwvoorraad_uit_bestand(
            wijkplan=plan, user=projectleider, bestand=BytesIO(b"x"), bestandsnaam="a.pdf"
        )


def test_the_standard_alternatives_are_added_once(plan, projectleider):
    nieuw = services.standaard_alternatieven_toevoegen(wijkplan=plan, user=projectleider)
    assert len(nieuw) == 8
    assert services.standaard_alternatieven_toevoegen(wijkplan=plan, user=projectleider) == []
    assert Alternatief.objects.filter(wijkplan=plan).count() == 8


def test_a_variant_has_its_own_parameters_and_bad_ones_are_named(plan, projectleider):
    variant = services.alternatief_toevoegen(
        wijkplan=plan,
        user=projectleider,
        sjabloon="S2a_B_Restwarmte",
        naam="Restwarmte met lange transportleiding",
        parameters={"L_transport_standaard": 8000},
    )
    assert variant.is_variant and variant.parameters == {"L_transport_standaard": 8000.0}
    with pytest.raises(ValidationError, match="onbekende parameter 'Bestaat_niet'"):
        services.alternatief_toevoegen(
            wijkplan=plan,
            user=projectleider,
            sjabloon="S2a_B_Restwarmte",
            naam="Fout",
            parameters={"Bestaat_niet": 1},
        )
    with pytest.raises(ValidationError, match="Onbekend alternatief"):
        services.alternatief_toevoegen(wijkplan=plan, user=projectleider, sjabloon="S9")
    with pytest.raises(ValidationError, match="al een alternatief"):
        services.alternatief_toevoegen(
            wijkplan=plan,
            user=projectleider,
            sjabloon="S1a_B_LuchtWP",
            naam="Restwarmte met lange transportleiding",
        )


def test_the_sketch_is_edited_by_the_projectleider_only(plan, projectleider, gemeente):
    alt = services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon="S1a_B_LuchtWP"
    )
    alt = services.alternatief_wijzigen(
        alternatief=alt, user=projectleider, schets="  Luchtwarmtepompen per woning.  "
    )
    assert alt.schets == "Luchtwarmtepompen per woning."
    andere = factories.projectleider(gemeente, username="andere")
    with pytest.raises(PermissionDenied):
        services.alternatief_wijzigen(alternatief=alt, user=andere, schets="x")
    with pytest.raises(PermissionDenied):
        services.standaard_alternatieven_toevoegen(wijkplan=plan, user=andere)


def test_a_frozen_plan_does_not_change(gemeente, projectleider):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, fase="vastgesteld"
    )
    with pytest.raises(PlanFrozen):
        services.standaard_alternatieven_toevoegen(wijkplan=plan, user=projectleider)
    assert not Alternatief.objects.filter(wijkplan=plan).exists()


def test_an_excel_table_with_dwellings_and_non_residential_sheets(plan, projectleider):
    import pandas as pd

    buffer = BytesIO()
    with pd.ExcelWriter(buffer) as excel:
        pd.DataFrame(
            [
                {
                    "type": "vrijstaand",
                    "bouwperiode": 1972,
                    "label": "C",
                    "aantal": 12,
                    "oppervlakte": 140,
                }
            ]
        ).to_excel(excel, sheet_name="Woningen", index=False)
        pd.DataFrame(
            [
                {
                    "functie": "Kantoor",
                    "bouwperiode": 1990,
                    "label": "",
                    "aantal": 2,
                    "oppervlakte": 800,
                }
            ]
        ).to_excel(excel, sheet_name="Utiliteit", index=False)
    buffer.seek(0)
    v = services.gebouwvoorraad_uit_bestand(
        wijkplan=plan, user=projectleider, bestand=buffer, bestandsnaam="voorraad.xlsx"
    )
    assert [r["aantal"] for r in v.woningen] == [12]
    assert [r["functie"] for r in v.utiliteit] == ["Kantoor"]
    with pytest.raises(ValidationError, match="Excel-bestand kan niet"):
        services.gebouwvoorraad_uit_bestand(
            wijkplan=plan,
            user=projectleider,
            bestand=BytesIO(b"geen excel"),
            bestandsnaam="kapot.xlsx",
        )
