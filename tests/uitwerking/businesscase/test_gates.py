"""The condition ``uitwerking.businesscase`` of ``start_uitvoeringsplan``: a calculated
business case for the choice that counts now, with parameters that are still current; for many
plans in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.uitwerking.businesscase.hulp import alternatief, bc_plan, berekening, kies
from tests.uitwerking.businesscase.test_services import nieuwe_versie
from uitwerking import gates_businesscase
from uitwerking.services import businesscase as services
from wup.constants import Spoor
from wup.workflow import gates

pytestmark = pytest.mark.django_db

SLEUTEL = "uitwerking.businesscase"


@pytest.fixture
def plan(gemeente, projectleider):
    return bc_plan(gemeente, projectleider)


def uitkomst(plan):
    return next(
        r for r in gates.evaluate(plan, "start_uitvoeringsplan") if r.condition.key == SLEUTEL
    )


def test_registered_on_start_uitvoeringsplan_in_the_technical_economic_track():
    conditie = next(c for c in gates.conditions("start_uitvoeringsplan") if c.key == SLEUTEL)
    assert conditie.spoor == Spoor.TECHNISCH_ECONOMISCH
    assert conditie.url_name == "uitwerking-businesscase"


def test_without_a_calculation_it_says_what_to_do(plan):
    r = uitkomst(plan)
    assert not r.met
    assert "nog niet berekend" in r.reason and "Warmtenet restwarmte" in r.reason


def test_a_calculated_business_case_passes_naming_npv_and_unprofitable_top(plan, projectleider):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    r = uitkomst(plan)
    assert r.met
    assert "netto contante waarde €" in r.reason and "onrendabele top €" in r.reason


def test_a_business_case_for_an_earlier_choice_does_not_count(plan, projectleider):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    alt = alternatief(plan, "Tweede net")
    berekening(alt)
    kies(plan, alt)
    r = uitkomst(plan)
    assert not r.met
    assert "eerdere keuze" in r.reason and "Tweede net" in r.reason


def test_outdated_parameters_fail_until_recalculated(plan, projectleider, beheerder):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    nieuwe_versie(beheerder)
    r = uitkomst(plan)
    assert not r.met and "opnieuw" in r.reason
    services.businesscase_herberekenen(wijkplan=plan, user=projectleider)
    assert uitkomst(plan).met


def test_without_a_choice_it_points_to_step_4(gemeente, projectleider):
    from tests import factories

    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    r = gates_businesscase.businesscase_berekend([plan])[plan.pk]
    assert not r.met and "stap 4" in r.reason


def test_many_plans_take_as_many_queries_as_one(gemeente, projectleider):
    een = [bc_plan(gemeente, projectleider)]
    services.businesscase_berekenen(wijkplan=een[0], user=projectleider)

    def tel(plans):
        with CaptureQueriesContext(connection) as q:
            gates_businesscase.businesscase_berekend(plans)
        return len(q)

    veel = een + [bc_plan(gemeente, projectleider, laden=False) for _ in range(4)]
    for p in veel[1:3]:
        services.businesscase_berekenen(wijkplan=p, user=projectleider)
    assert tel(veel) == tel(een) <= 4
