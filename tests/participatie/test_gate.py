"""The participation conditions before the choice: a participation plan for the exploration,
and a closed consultation about the alternatives with responses, or a motivated deviation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from participatie.gates import participatieplan_verkenning, raadpleging_gesloten
from participatie.models import Afwijking
from participatie.services.afwijking import afwijking_intrekken, afwijking_vastleggen
from participatie.services.participatieplan import participatieplan_opslaan
from tests import factories
from tests.participatie import resultaten_hulp as hulp
from wup.constants import Fase, Spoor
from wup.exceptions import GatesNotMet
from wup.services import wijkplan_transition
from wup.workflow import gates

pytestmark = pytest.mark.django_db

MOTIVATIE = "De bewoners zijn op drie bewonersavonden over de alternatieven geraadpleegd."


@pytest.fixture
def verkenning(gemeente, projectleider):
    return factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, fase=Fase.VERKENNING
    )


def _met_plan(plan, user):
    participatieplan_opslaan(
        wijkplan=plan, user=user, fase=Fase.VERKENNING, participatieniveau="raadplegen"
    )


def test_both_conditions_are_registered_for_the_choice_on_the_participation_track():
    sleutels = {c.key: c for c in gates.conditions("start_keuze")}
    for sleutel in ("participatie.plan", "participatie.raadpleging"):
        assert sleutels[sleutel].spoor == Spoor.PARTICIPATIE
        reverse(sleutels[sleutel].url_name, args=[1])


def test_without_plan_and_consultation_the_plan_cannot_go_to_the_choice(verkenning, projectleider):
    with pytest.raises(GatesNotMet) as exc:
        wijkplan_transition(wijkplan=verkenning, overgang="start_keuze", user=projectleider)
    assert {r.condition.key for r in exc.value.unmet} == {
        "participatie.plan",
        "participatie.raadpleging",
    }
    assert "nog geen participatieplan voor de verkenning" in str(exc.value)
    assert "nog geen gesloten raadpleging over de alternatieven" in str(exc.value)
    verkenning.refresh_from_db()
    assert verkenning.fase == Fase.VERKENNING


def test_with_a_plan_and_a_closed_consultation_with_responses_it_can(verkenning, projectleider):
    _met_plan(verkenning, projectleider)
    hulp.met_uitslag(verkenning, voorkeuren=["warmtenet", "warmtepomp", ""], codes_per_buurt=10)
    rij = wijkplan_transition(wijkplan=verkenning, overgang="start_keuze", user=projectleider)
    assert rij.naar_fase == Fase.KEUZE
    reden = next(v["reden"] for v in rij.voorwaarden if v["sleutel"] == "participatie.raadpleging")
    assert reden.startswith("raadpleging ‘Hoe wilt u verwarmen?’ gesloten op ")
    assert reden.endswith(": 3 reacties (30 %).")


def test_a_consultation_without_responses_or_still_open_does_not_count(verkenning, projectleider):
    hulp.met_uitslag(verkenning, voorkeuren=[])
    hulp.met_uitslag(verkenning, voorkeuren=["warmtenet"], gesloten=False, titel="Nog open")
    uitkomst = raadpleging_gesloten([verkenning])[verkenning.pk]
    assert not uitkomst.met
    assert "0 reacties" in uitkomst.reason and "minstens één reactie" in uitkomst.reason


def test_a_consultation_without_a_question_about_the_alternatives_does_not_count(verkenning):
    r = hulp.raadpleging(verkenning)
    v = hulp.vraag(r, "likert")
    hulp.respons(r, {v: 4})
    assert not raadpleging_gesloten([verkenning])[verkenning.pk].met


def test_a_deviation_replaces_the_consultation_until_it_is_withdrawn(verkenning, projectleider):
    _met_plan(verkenning, projectleider)
    afwijking_vastleggen(wijkplan=verkenning, user=projectleider, motivatie=MOTIVATIE)
    uitkomst = raadpleging_gesloten([verkenning])[verkenning.pk]
    assert uitkomst.met and "gemotiveerd vastgelegd" in uitkomst.reason
    assert MOTIVATIE in uitkomst.reason

    afwijking_intrekken(wijkplan=verkenning, user=projectleider)
    assert not raadpleging_gesloten([verkenning])[verkenning.pk].met
    assert Afwijking.objects.filter(wijkplan=verkenning).count() == 2  # history kept

    afwijking_vastleggen(wijkplan=verkenning, user=projectleider, motivatie=MOTIVATIE)
    rij = wijkplan_transition(wijkplan=verkenning, overgang="start_keuze", user=projectleider)
    assert rij.naar_fase == Fase.KEUZE


def test_a_deviation_needs_a_real_motivation_by_the_projectleider(verkenning, projectleider):
    with pytest.raises(ValidationError) as exc:
        afwijking_vastleggen(wijkplan=verkenning, user=projectleider, motivatie="  te kort ")
    assert "minstens 20 tekens" in exc.value.message_dict["motivatie"][0]
    anders = factories.projectleider(verkenning.gemeente)
    with pytest.raises(Exception, match="Alleen de projectleider"):
        afwijking_vastleggen(wijkplan=verkenning, user=anders, motivatie=MOTIVATIE)
    assert not Afwijking.objects.exists()


def test_the_plan_condition_names_the_ladder_rung(verkenning, projectleider):
    assert not participatieplan_verkenning([verkenning])[verkenning.pk].met
    _met_plan(verkenning, projectleider)
    uitkomst = participatieplan_verkenning([verkenning])[verkenning.pk]
    assert uitkomst.met and "raadplegen" in uitkomst.reason


def test_the_checks_use_a_fixed_number_of_queries(
    gemeente, projectleider, django_assert_num_queries
):
    plannen = [
        factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider, verkenning=True)
        for _ in range(3)
    ]
    hulp.met_uitslag(plannen[1], voorkeuren=["warmtenet"])
    afwijking_vastleggen(wijkplan=plannen[2], user=projectleider, motivatie=MOTIVATIE)
    with django_assert_num_queries(2):
        raadpleging_gesloten(plannen[:1])
    with django_assert_num_queries(2):
        uitkomst = raadpleging_gesloten(plannen)
    assert [uitkomst[p.pk].met for p in plannen] == [False, True, True]
    with django_assert_num_queries(1):
        participatieplan_verkenning(plannen)
