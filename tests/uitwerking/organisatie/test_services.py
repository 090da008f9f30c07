"""The writes of the organisation: parties and activities, the RACI matrix with exactly one A
and at least one R per activity, the agreement that lapses when the roles change, the
governance choice, risks and phases; both decisions in the plan's decisions log."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests import factories
from tests.uitwerking.organisatie.hulp import (
    GISTEREN,
    akkoord,
    fase,
    risico,
    rollen_verdelen,
    uitwerkingplan,
)
from uitwerking.models import Activiteit, GovernanceKeuze, Partij, Risico, Rol, RollenAkkoord
from uitwerking.selectors import organisatie as selectors
from uitwerking.services import organisatie as services
from wup.exceptions import PlanFrozen
from wup.models import Besluit, Wijkplan
from wup.models.historie import HistoryIsImmutable

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return uitwerkingplan(gemeente, projectleider)


def _fouten(exc) -> dict:
    return {k: v[0] for k, v in exc.value.message_dict.items()}


def test_the_standard_parties_and_activities_are_added_once(plan, projectleider):
    assert len(services.standaardpartijen_toevoegen(wijkplan=plan, user=projectleider)) == 5
    assert len(services.standaardactiviteiten_toevoegen(wijkplan=plan, user=projectleider)) == 8
    assert services.standaardpartijen_toevoegen(wijkplan=plan, user=projectleider) == []
    assert services.standaardactiviteiten_toevoegen(wijkplan=plan, user=projectleider) == []
    namen = [p.naam for p in selectors.partijen_van(plan)]
    assert namen[:2] == ["Gemeente", "Warmtebedrijf"] and "Bewoners en VvE's" in namen
    assert "Aanleg warmtenet" in [a.naam for a in selectors.activiteiten_van(plan)]


def test_a_party_needs_a_name_a_kind_and_a_unique_name(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        services.partij_toevoegen(wijkplan=plan, user=projectleider, naam=" ", soort="x")
    assert _fouten(exc) == {
        "naam": "Geef de partij een naam.",
        "soort": "Kies wat voor partij het is.",
    }
    services.partij_toevoegen(
        wijkplan=plan, user=projectleider, naam="Energiecoöperatie", soort="anders"
    )
    with pytest.raises(ValidationError) as exc:
        services.partij_toevoegen(
            wijkplan=plan, user=projectleider, naam="energiecoöperatie", soort="anders"
        )
    assert "al een partij met deze naam" in _fouten(exc)["naam"]


def test_every_activity_needs_exactly_one_a_and_at_least_one_r(plan, projectleider):
    services.standaardpartijen_toevoegen(wijkplan=plan, user=projectleider)
    p = {x.naam: x.pk for x in selectors.partijen_van(plan)}
    ontwerp = services.activiteit_toevoegen(
        wijkplan=plan, user=projectleider, naam="Ontwerp warmtesysteem"
    )
    aanleg = services.activiteit_toevoegen(
        wijkplan=plan, user=projectleider, naam="Aanleg warmtenet"
    )
    beheer = services.activiteit_toevoegen(wijkplan=plan, user=projectleider, naam="Beheer")
    with pytest.raises(ValidationError) as exc:
        services.raci_opslaan(
            wijkplan=plan,
            user=projectleider,
            rollen={
                (ontwerp.pk, p["Gemeente"]): "A",
                (ontwerp.pk, p["Warmtebedrijf"]): "R",
                (aanleg.pk, p["Gemeente"]): "A",
                (aanleg.pk, p["Netbeheerder"]): "A",
                (aanleg.pk, p["Warmtebedrijf"]): "R",
                (beheer.pk, p["Warmtebedrijf"]): "C",
            },
        )
    fouten = _fouten(exc)
    assert set(fouten) == {f"activiteit_{aanleg.pk}", f"activiteit_{beheer.pk}"}
    assert fouten[f"activiteit_{aanleg.pk}"] == (
        "Bij ‘Aanleg warmtenet’ 2 partijen zijn eindverantwoordelijk (A): Gemeente, "
        "Netbeheerder. Geef precies één partij een A en minstens één partij een R."
    )
    assert "geen partij eindverantwoordelijk (A)" in fouten[f"activiteit_{beheer.pk}"]
    assert "geen enkele partij voert het uit (R)" in fouten[f"activiteit_{beheer.pk}"]
    assert not Rol.objects.exists()  # nothing half saved


def test_a_bad_role_value_or_a_foreign_id_is_refused(plan, projectleider, gemeente):
    partijen = rollen_verdelen(plan, projectleider)
    a = selectors.activiteiten_van(plan)[0]
    with pytest.raises(ValidationError) as exc:
        services.raci_opslaan(
            wijkplan=plan, user=projectleider, rollen={(a.pk, partijen["Gemeente"]): "X"}
        )
    assert _fouten(exc) == {f"rol_{a.pk}_{partijen['Gemeente']}": "Kies R, A, C, I of laat leeg."}
    ander = uitwerkingplan(gemeente, projectleider)
    vreemd = services.partij_toevoegen(wijkplan=ander, user=projectleider, naam="X", soort="anders")
    with pytest.raises(ValidationError, match="hoort niet"):
        services.raci_opslaan(wijkplan=plan, user=projectleider, rollen={(a.pk, vreemd.pk): "R"})
    assert Rol.objects.filter(activiteit__wijkplan=plan).count() == 8 * 3


def test_the_agreement_goes_into_the_decisions_log_and_lapses_when_the_roles_change(
    plan, projectleider
):
    partijen = rollen_verdelen(plan, projectleider)
    eerste = akkoord(plan, projectleider)
    besluit = Besluit.objects.get(wijkplan=plan, bron="uitwerking_rollen")
    assert eerste.besluit == besluit and besluit.orgaan == "stuurgroep"
    assert besluit.kenmerk == "SG-1" and besluit.datum == GISTEREN
    assert "8 activiteiten, 3 partijen" in besluit.besluit
    assert eerste.momentopname["activiteiten"][0] == "Ontwerp warmtesysteem"
    raci = selectors.raci_van(plan)
    assert selectors.akkoord_stand(raci, eerste).actueel

    # the same roles again: no second agreement
    with pytest.raises(ValidationError, match="al een akkoord"):
        akkoord(plan, projectleider)

    # a new party without roles does not change the matrix
    services.partij_toevoegen(
        wijkplan=plan, user=projectleider, naam="Aannemer", soort="marktpartij"
    )
    assert selectors.akkoord_stand(selectors.raci_van(plan), eerste).actueel

    # one role changes: the agreement is no longer current
    a = selectors.activiteiten_van(plan)[0]
    rollen = dict(selectors.raci_van(plan).cellen)
    rollen[(a.pk, partijen["Netbeheerder"])] = "C"
    services.raci_opslaan(wijkplan=plan, user=projectleider, rollen=rollen)
    stand = selectors.akkoord_stand(selectors.raci_van(plan), eerste)
    assert stand.vervallen and not stand.actueel

    tweede = akkoord(plan, projectleider, orgaan="college", kenmerk="")
    assert "vervangt het akkoord van" in tweede.besluit.besluit
    assert selectors.akkoord_stand(selectors.raci_van(plan), tweede).actueel
    assert Besluit.objects.filter(wijkplan=plan, bron="uitwerking_rollen").count() == 2

    # renaming an activity changes the matrix too
    services.activiteit_wijzigen(activiteit=a, user=projectleider, naam="Ontwerp", omschrijving="")
    assert selectors.akkoord_stand(selectors.raci_van(plan), tweede).vervallen


def test_an_agreement_needs_a_complete_matrix_and_a_date_not_in_the_future(plan, projectleider):
    with pytest.raises(ValidationError, match="nog geen activiteiten"):
        akkoord(plan, projectleider)
    rollen_verdelen(plan, projectleider)
    services.activiteit_toevoegen(wijkplan=plan, user=projectleider, naam="Sloop gasnet")
    with pytest.raises(ValidationError, match="Sloop gasnet"):
        akkoord(plan, projectleider)
    with pytest.raises(ValidationError) as exc:
        akkoord(plan, projectleider, datum=GISTEREN + datetime.timedelta(days=5), orgaan="raad")
    assert _fouten(exc) == {
        "datum": "Deze datum kan niet in de toekomst liggen.",
        "orgaan": "Kies waar de rollen zijn afgesproken.",
    }
    assert not RollenAkkoord.objects.exists()
    assert not Besluit.objects.filter(wijkplan=plan).exists()


def test_an_agreement_is_never_changed(plan, projectleider):
    rollen_verdelen(plan, projectleider)
    a = akkoord(plan, projectleider)
    with pytest.raises(HistoryIsImmutable):
        a.save()
    with pytest.raises(HistoryIsImmutable):
        a.delete()
    with pytest.raises(HistoryIsImmutable):
        RollenAkkoord.objects.all().delete()


def test_the_governance_choice_goes_into_the_decisions_log(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        services.governance_vastleggen(
            wijkplan=plan,
            user=projectleider,
            model="anders",
            motivatie="kort",
            datum=None,
            orgaan="",
        )
    assert set(_fouten(exc)) == {"model", "motivatie", "datum", "orgaan"}
    assert "minstens 20 tekens" in _fouten(exc)["motivatie"]
    eerste = services.governance_vastleggen(
        wijkplan=plan,
        user=projectleider,
        model="publiek",
        motivatie="De gemeente wil de prijs voor bewoners in de hand houden.",
        datum=GISTEREN,
        orgaan="college",
        kenmerk="B&W-12",
    )
    tweede = services.governance_vastleggen(
        wijkplan=plan,
        user=projectleider,
        model="cooperatie",
        motivatie="De bewoners hebben een coöperatie opgericht die eigenaar wil worden.",
        datum=GISTEREN,
        orgaan="gemeenteraad",
    )
    assert selectors.huidige_governance(plan) == tweede
    rijen = list(Besluit.objects.filter(wijkplan=plan, bron="uitwerking_governance"))
    assert {r.besluit for r in rijen} == {
        "Eigendom en governance van het warmtesysteem: Publiek warmtebedrijf.",
        "Eigendom en governance van het warmtesysteem: Coöperatie of bewonersinitiatief "
        "(vervangt: Publiek warmtebedrijf).",
    }
    assert eerste.besluit.kenmerk == "B&W-12"
    assert GovernanceKeuze.objects.count() == 2


def test_a_risk_is_checked_field_by_field(plan, projectleider, gemeente):
    with pytest.raises(ValidationError) as exc:
        risico(plan, projectleider, titel="", categorie="weer", kans=0, impact="zes", status="x")
    assert _fouten(exc) == {
        "titel": "Geef het risico een korte titel.",
        "categorie": "Kies bij welke categorie het risico hoort.",
        "kans": "Kies een getal van 1 (heel klein) tot en met 5 (heel groot).",
        "impact": "Kies een getal van 1 (heel klein) tot en met 5 (heel groot).",
        "status": "Kies de status van het risico.",
    }
    ander = uitwerkingplan(gemeente, projectleider)
    vreemd = services.partij_toevoegen(wijkplan=ander, user=projectleider, naam="X", soort="anders")
    with pytest.raises(ValidationError) as exc:
        risico(plan, projectleider, eigenaar=vreemd.pk)
    assert _fouten(exc) == {"eigenaar": "Kies een eigenaar uit de partijen van dit plan."}
    assert not Risico.objects.filter(wijkplan=plan).exists()
    r = risico(plan, projectleider, kans="5", impact=3)
    assert (r.score, r.hoog) == (15, True)
    r = services.risico_wijzigen(
        risico=r, user=projectleider, **{**_risico_velden(r), "impact": 2, "status": "beheerst"}
    )
    assert (r.score, r.hoog, r.status) == (10, False, "beheerst")
    services.risico_verwijderen(risico=r, user=projectleider)
    assert not Risico.objects.exists()


def _risico_velden(r) -> dict:
    return {v: getattr(r, v) for v in services.RISICO_VELDEN if v != "eigenaar"} | {
        "eigenaar": r.eigenaar_id
    }


def test_a_phase_ends_on_or_after_its_start(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        fase(
            plan,
            projectleider,
            begindatum=datetime.date(2028, 1, 1),
            einddatum=datetime.date(2027, 1, 1),
        )
    assert _fouten(exc) == {"einddatum": "De einddatum kan niet voor de begindatum liggen."}
    with pytest.raises(ValidationError) as exc:
        fase(plan, projectleider, naam="", begindatum=None, einddatum="morgen")
    assert _fouten(exc) == {
        "naam": "Geef de fase een naam.",
        "begindatum": "Vul de begindatum in.",
        "einddatum": "Vul een geldige datum in, bijvoorbeeld 14-03-2027.",
    }
    f = fase(plan, projectleider, einddatum=datetime.date(2027, 3, 1))  # one day
    assert f.begindatum == f.einddatum


def test_removing_a_party_removes_its_roles_and_leaves_its_risks_without_owner(plan, projectleider):
    partijen = rollen_verdelen(plan, projectleider)
    r = risico(plan, projectleider, eigenaar=partijen["Warmtebedrijf"])
    services.partij_verwijderen(
        partij=Partij.objects.get(pk=partijen["Warmtebedrijf"]), user=projectleider
    )
    r.refresh_from_db()
    assert r.eigenaar is None
    raci = selectors.raci_van(plan)
    assert len(raci.fouten) == 8  # every activity lost its R


def test_only_the_projectleider_writes_and_never_in_a_frozen_plan(plan, projectleider, gemeente):
    collega = factories.projectleider(gemeente, username="collega")
    with pytest.raises(PermissionDenied):
        services.standaardpartijen_toevoegen(wijkplan=plan, user=collega)
    with pytest.raises(PermissionDenied):
        risico(plan, collega)
    Wijkplan.objects.filter(pk=plan.pk).update(fase="vastgesteld")
    plan.refresh_from_db()
    with pytest.raises(PlanFrozen):
        services.activiteit_toevoegen(wijkplan=plan, user=projectleider, naam="Iets")
    assert not Activiteit.objects.exists() and not Partij.objects.exists()
