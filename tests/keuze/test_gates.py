"""Step 4's conditions for starting the elaboration: one per track, each with its reason, read
from what the recorded choice rested on; evaluated for many plans in a fixed number of
queries."""

from __future__ import annotations

import pytest

from keuze import services
from tests.keuze.hulp import kader, keuze_velden, keuzeplan
from tests.keuze.steun_hulp import met_steun
from wup.constants import Fase
from wup.exceptions import GatesNotMet
from wup.models import Wijkplan
from wup.services import wijkplan_transition
from wup.workflow import gates

pytestmark = pytest.mark.django_db

SLEUTELS = ("keuze.beoordeeld", "keuze.participatie", "keuze.vastgelegd")


@pytest.fixture
def plan(gemeente, projectleider):
    return keuzeplan(gemeente, projectleider)


def uitkomsten(plan) -> dict:
    return {
        r.condition.key: r
        for r in gates.evaluate(plan, "start_uitwerking")
        if r.condition.key.startswith("keuze.")
    }


def kies(plan, projectleider, naam="Hybride warmtepomp", **velden):
    return services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=plan.alternatieven.get(naam=naam).pk,
        vorige_keuze_id=velden.pop("vorige_keuze_id", None),
        **keuze_velden(**velden),
    )


def test_the_three_tracks_are_registered_on_start_uitwerking():
    per_sleutel = {c.key: c for c in gates.conditions("start_uitwerking")}
    assert {k: str(per_sleutel[k].spoor) for k in SLEUTELS} == {
        "keuze.beoordeeld": "technisch_economisch",
        "keuze.participatie": "participatie",
        "keuze.vastgelegd": "organisatorisch",
    }
    assert {per_sleutel[k].url_name for k in SLEUTELS} <= {"keuze-overzicht", "keuze-vastleggen"}


def test_without_a_choice_every_track_says_what_to_do(plan):
    u = uitkomsten(plan)
    assert not any(r.met for r in u.values())
    assert u["keuze.beoordeeld"].reason == (
        "er is nog geen keuze vastgelegd. Beoordeel minstens twee alternatieven op alle "
        "criteria en leg de keuze vast."
    )
    assert "steunscores" in u["keuze.participatie"].reason
    assert "wie het besloot en wanneer" in u["keuze.vastgelegd"].reason


def test_a_choice_with_support_scores_meets_all_three(plan, projectleider, monkeypatch):
    met_steun(monkeypatch, plan)
    kader(plan, projectleider, steun=True)
    kies(plan, projectleider)

    u = uitkomsten(plan)
    assert all(r.met for r in u.values())
    assert "rust op 3 alternatieven" in u["keuze.beoordeeld"].reason
    assert u["keuze.participatie"].reason == (
        "de steunscores uit de raadpleging van bewoners telden mee in de beoordeling waarop "
        "de keuze rust."
    )
    reden = u["keuze.vastgelegd"].reason
    assert "‘Hybride warmtepomp’" in reden and "Stuurgroep" in reden
    assert "SG-2026-14" in reden and "besluitenlijst" in reden


def test_a_choice_without_support_scores_quotes_its_reason(plan, projectleider):
    kader(plan, projectleider)
    kies(plan, projectleider, reden_zonder_participatie="De raadpleging loopt nog tot juni.")

    u = uitkomsten(plan)
    assert u["keuze.participatie"].met
    assert "‘De raadpleging loopt nog tot juni.’" in u["keuze.participatie"].reason


def test_the_gate_reads_the_snapshot_not_the_live_matrix(plan, projectleider):
    kader(plan, projectleider)
    kies(plan, projectleider, reden_zonder_participatie="De raadpleging loopt nog tot juni.")
    # Afterwards an alternative is added that nobody assessed: the choice still rests on three.
    from tests.keuze.hulp import berekend_alternatief

    berekend_alternatief(plan, "Nieuw", 1.0, 1.0)
    assert "rust op 3 alternatieven" in uitkomsten(plan)["keuze.beoordeeld"].reason


def test_the_workflow_refuses_until_a_choice_is_recorded(plan, projectleider):
    with pytest.raises(GatesNotMet) as exc:
        wijkplan_transition(wijkplan=plan, overgang="start_uitwerking", user=projectleider)
    berichten = [r.message for r in exc.value.unmet]
    assert len(berichten) == 3
    assert berichten[0].startswith("Technisch-economisch: er is nog geen keuze vastgelegd.")
    assert berichten[1].startswith("Participatie: er is nog geen keuze vastgelegd.")
    assert berichten[2].startswith("Organisatorisch: er is nog geen keuze vastgelegd.")
    assert Wijkplan.objects.get(pk=plan.pk).fase == Fase.KEUZE

    kader(plan, projectleider)
    kies(plan, projectleider, reden_zonder_participatie="De raadpleging loopt nog tot juni.")
    rij = wijkplan_transition(wijkplan=plan, overgang="start_uitwerking", user=projectleider)
    assert rij.naar_fase == Fase.UITWERKING
    voorwaarden = {v["sleutel"]: v for v in rij.voorwaarden}
    assert all(voorwaarden[k]["voldaan"] for k in SLEUTELS)


@pytest.mark.parametrize("aantal", [1, 5])
def test_many_plans_in_a_fixed_number_of_queries(
    gemeente, projectleider, aantal, django_assert_num_queries
):
    plannen = []
    for i in range(aantal):
        p = keuzeplan(gemeente, projectleider)
        kader(p, projectleider)
        if i % 2 == 0:
            kies(p, projectleider, reden_zonder_participatie="De raadpleging loopt nog.")
        plannen.append(p)
    checks = {c.key: c.check for c in gates.conditions("start_uitwerking")}
    with django_assert_num_queries(4):
        uitkomst = {k: checks[k](plannen) for k in SLEUTELS}
    for k in SLEUTELS:
        assert [uitkomst[k][p.pk].met for p in plannen] == [i % 2 == 0 for i in range(aantal)]
