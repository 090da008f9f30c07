"""The condition for leaving the elaboration on the housing costs: computed for every household
type, for the choice as it is now, not outdated, each with a verdict; non-neutral types do not
block but are counted. Evaluated for many plans in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.uitwerking.woonlasten import hulp
from uitwerking.gates_woonlasten import woonlasten_berekend
from uitwerking.services import woonlasten as services
from wup.constants import Fase
from wup.exceptions import GatesNotMet
from wup.services import wijkplan_transition
from wup.workflow import gates

pytestmark = pytest.mark.django_db

SLEUTEL = "uitwerking.woonlasten"


@pytest.fixture
def plan(gemeente, projectleider):
    return hulp.woonlastenplan(gemeente, projectleider)


def uitkomst(plan):
    return next(
        r for r in gates.evaluate(plan, "start_uitvoeringsplan") if r.condition.key == SLEUTEL
    )


def test_registered_on_start_uitvoeringsplan_in_the_technical_track():
    c = next(c for c in gates.conditions("start_uitvoeringsplan") if c.key == SLEUTEL)
    assert str(c.spoor) == "technisch_economisch"
    assert c.url_name == "uitwerking-woonlasten"


def test_not_met_before_a_calculation(plan):
    r = uitkomst(plan)
    assert not r.met and "nog niet berekend" in r.reason


def test_met_with_the_counts_of_the_verdicts(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    r = uitkomst(plan)
    assert r.met
    assert "6 typen huishoudens" in r.reason and "niet woonlastenneutraal" in r.reason
    assert "noemt de typen" in r.reason


def test_the_at_risk_households_are_counted(plan, projectleider):
    hulp.energiearmoede(plan)
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    r = uitkomst(plan)
    assert r.met and "signaal van energiearmoede" in r.reason


def test_not_met_when_outdated(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    hulp.kies(plan, hulp.berekend_alternatief(plan, naam="Ander", sjabloon="S1a_B_LuchtWP"))
    r = uitkomst(plan)
    assert not r.met and "verouderd" in r.reason and "andere keuze" in r.reason


def test_the_transition_waits_for_the_calculation(plan, projectleider):
    with pytest.raises(GatesNotMet) as e:
        wijkplan_transition(wijkplan=plan, overgang="start_uitvoeringsplan", user=projectleider)
    assert SLEUTEL in {r.condition.key for r in e.value.unmet}
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    plan.refresh_from_db()
    try:
        wijkplan_transition(wijkplan=plan, overgang="start_uitvoeringsplan", user=projectleider)
    except GatesNotMet as e:  # another part of step 5 may still wait
        assert SLEUTEL not in {r.condition.key for r in e.unmet}
    else:
        plan.refresh_from_db()
        assert plan.fase == Fase.UITVOERINGSPLAN


def test_many_plans_in_a_fixed_number_of_queries(gemeente, projectleider):
    plannen = [hulp.woonlastenplan(gemeente, projectleider, laden=i == 0) for i in range(2)]
    for p in plannen:
        services.woonlasten_berekenen(wijkplan=p, user=projectleider)

    def tel(ps):
        with CaptureQueriesContext(connection) as q:
            uit = woonlasten_berekend(ps)
        assert all(uit[p.pk].met for p in ps)
        return len(q)

    twee = tel(plannen)
    for _ in range(3):
        p = hulp.woonlastenplan(gemeente, projectleider, laden=False)
        services.woonlasten_berekenen(wijkplan=p, user=projectleider)
        plannen.append(p)
    assert tel(plannen) == twee
