"""The gate registry: conditions per transition and track, each explaining itself in Dutch."""

import pytest

from tests.factories import WijkplanFactory
from wup.constants import Fase, Spoor
from wup.exceptions import GatesNotMet
from wup.models import Faseovergang, Wijkplan
from wup.selectors import mogelijke_overgangen, voortgang, voortgang_many
from wup.services import wijkplan_transition
from wup.workflow import GateOutcome, gates


@pytest.fixture
def consultatie_gate():
    """A participation condition as step 3 will register it: open until 50 responses."""
    reacties = {}

    @gates.register(
        key="test.consultatie",
        transition="start_keuze",
        spoor=Spoor.PARTICIPATIE,
        label="Consultatie over de alternatieven gesloten",
    )
    def check(plans):
        return {
            p.pk: GateOutcome(True, f"de consultatie is gesloten met {reacties[p.pk]} reacties.")
            if reacties.get(p.pk, 0) >= 50
            else GateOutcome(
                False,
                f"de consultatie over de alternatieven is nog open "
                f"({reacties.get(p.pk, 0)} van de beoogde 50 reacties).",
            )
            for p in plans
        }

    yield reacties
    gates.unregister("test.consultatie")


def test_unmet_condition_blocks_with_its_track_and_reason(plan, projectleider, consultatie_gate):
    plan = WijkplanFactory(verkenning=True, gemeente=plan.gemeente, projectleider=projectleider)
    consultatie_gate[plan.pk] = 23

    with pytest.raises(GatesNotMet) as exc:
        wijkplan_transition(wijkplan=plan, overgang="start_keuze", user=projectleider)

    assert [r.message for r in exc.value.unmet] == [
        "Participatie: de consultatie over de alternatieven is nog open "
        "(23 van de beoogde 50 reacties)."
    ]
    assert Wijkplan.objects.get(pk=plan.pk).fase == Fase.VERKENNING
    assert not Faseovergang.objects.filter(wijkplan=plan).exists()


def test_met_conditions_let_the_plan_move_and_are_kept_in_the_history(
    plan, projectleider, consultatie_gate
):
    plan = WijkplanFactory(verkenning=True, gemeente=plan.gemeente, projectleider=projectleider)
    consultatie_gate[plan.pk] = 61

    rij = wijkplan_transition(wijkplan=plan, overgang="start_keuze", user=projectleider)

    assert rij.naar_fase == Fase.KEUZE
    snapshot = {v["sleutel"]: v for v in rij.voorwaarden}
    assert snapshot["test.consultatie"] == {
        "sleutel": "test.consultatie",
        "spoor": "participatie",
        "voldaan": True,
        "reden": "de consultatie is gesloten met 61 reacties.",
    }


def test_core_requires_an_alderman_before_the_exploration_starts(gemeente, projectleider):
    plan = WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, zonder_opdrachtgever=True
    )

    with pytest.raises(GatesNotMet) as exc:
        wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=projectleider)

    assert [r.message for r in exc.value.unmet] == [
        "Organisatorisch: de bestuurlijk opdrachtgever (wethouder) is nog niet vastgelegd bij de "
        "gegevens van het plan."
    ]


def test_council_submission_needs_a_planned_council_date(gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, uitvoeringsplan=True)
    with pytest.raises(GatesNotMet, match="beoogde datum van de raadsbehandeling"):
        wijkplan_transition(wijkplan=plan, overgang="aanbieden_aan_raad", user=projectleider)


def test_a_plan_without_active_projectleider_cannot_move(gemeente, projectleider, beheerder):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    voor = voortgang(plan)
    assert voor.klaar
    projectleider.is_active = False
    projectleider.save()

    na = voortgang(plan)
    assert not na.klaar
    assert [r.message for r in na.open] == [
        "Organisatorisch: er is geen actieve projectleider aan het plan gekoppeld; vraag de "
        "beheerder er een toe te wijzen."
    ]


def test_progress_is_counted_per_track(gemeente, projectleider, consultatie_gate):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, verkenning=True)
    consultatie_gate[plan.pk] = 3

    v = voortgang(plan)

    assert v.overgang.naam == "start_keuze"
    per_spoor = {s.spoor: (s.voldaan, s.totaal) for s in v.sporen}
    assert per_spoor == {
        Spoor.TECHNISCH_ECONOMISCH: (0, 0),
        Spoor.PARTICIPATIE: (0, 1),
        Spoor.ORGANISATORISCH: (1, 1),
    }
    assert not v.klaar


def test_progress_for_many_plans_uses_a_fixed_number_of_queries(
    gemeente, projectleider, django_assert_max_num_queries
):
    plannen = [
        WijkplanFactory(gemeente=gemeente, projectleider=projectleider, **{trait: True})
        for trait in ("verkenning", "keuze", "uitwerking", "uitvoeringsplan") * 5
    ]
    plannen += WijkplanFactory.create_batch(10, gemeente=gemeente, projectleider=projectleider)
    plannen = list(Wijkplan.objects.filter(pk__in=[p.pk for p in plannen]))

    with django_assert_max_num_queries(12):
        result = voortgang_many(plannen)

    assert len(result) == 30


def test_available_transitions_show_who_may_and_what_is_open(gemeente, projectleider, griffier):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, ter_besluitvorming=True)

    voor_pl = {m.naam: m for m in mogelijke_overgangen(plan, projectleider)}
    voor_griffie = {m.naam: m for m in mogelijke_overgangen(plan, griffier)}

    assert set(voor_pl) == {"vaststellen", "terugsturen", "intrekken"}
    assert [n for n, m in voor_pl.items() if m.mag] == ["intrekken"]
    assert sorted(n for n, m in voor_griffie.items() if m.uitvoerbaar) == [
        "terugsturen",
        "vaststellen",
    ]
    assert voor_griffie["terugsturen"].doelen == (
        Fase.VERKENNING,
        Fase.KEUZE,
        Fase.UITWERKING,
        Fase.UITVOERINGSPLAN,
    )


def test_registering_for_an_unknown_transition_fails_early():
    with pytest.raises(ValueError, match="Onbekende overgang"):
        gates.register(key="x", transition="bestaat_niet", spoor=Spoor.PARTICIPATIE, label="x")


def test_a_condition_key_is_registered_once(consultatie_gate):
    with pytest.raises(ValueError, match="al geregistreerd"):
        gates.register(
            key="test.consultatie", transition="start_keuze", spoor=Spoor.PARTICIPATIE, label="x"
        )(lambda plans: {})
