"""The conditions of offering the plan to the council: a complete composition and every Wgiw
safeguard answered, none "niet voldaan"; their messages name what is missing."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from besluitvorming import gates_uitvoeringsplan as gates
from besluitvorming import services_uitvoeringsplan as services
from tests.besluitvorming.uitvoeringsplan.hulp import compleet, samenstelling, uvpplan
from wup.constants import Spoor
from wup.exceptions import GatesNotMet
from wup.services import wijkplan_transition
from wup.workflow import gates as registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return uvpplan(gemeente, projectleider)


def test_both_conditions_are_registered_on_the_organisational_track():
    per_sleutel = {c.key: c for c in registry.conditions("aanbieden_aan_raad")}
    for key, url in (
        ("besluitvorming.uitvoeringsplan", "besluitvorming-uitvoeringsplan"),
        ("besluitvorming.wgiw", "besluitvorming-wgiw"),
    ):
        assert per_sleutel[key].spoor == Spoor.ORGANISATORISCH
        assert per_sleutel[key].url_name == url


def test_the_composition_names_what_is_missing(plan, projectleider):
    uitkomst = gates.samenstelling_compleet([plan])[plan.pk]
    assert not uitkomst.met
    for wat in (
        "minstens één randvoorwaarde",
        "minstens één processtap",
        "de datum waarna de gaslevering stopt",
        "de aankondigingstermijn",
        "‘Leefbaarheid’",
        "‘Andere werken in de wijk’",
    ):
        assert wat in uitkomst.reason
    samenstelling(plan, projectleider, leefbaarheid="")
    uitkomst = gates.samenstelling_compleet([plan])[plan.pk]
    assert "‘Leefbaarheid’" in uitkomst.reason and "‘Klimaatadaptatie’" not in uitkomst.reason
    assert "gaslevering stopt" not in uitkomst.reason
    services.randvoorwaarde_toevoegen(wijkplan=plan, user=projectleider, tekst="Netcapaciteit.")
    services.processtap_toevoegen(
        wijkplan=plan, user=projectleider, naam="Aanleg", verantwoordelijke="Warmtebedrijf"
    )
    samenstelling(plan, projectleider)
    uitkomst = gates.samenstelling_compleet([plan])[plan.pk]
    assert uitkomst.met and "01-01-2040" in uitkomst.reason


def test_the_safeguards_name_the_open_points_and_a_point_not_met_blocks(plan, projectleider):
    uitkomst = gates.waarborgen_beantwoord([plan])[plan.pk]
    assert not uitkomst.met and "‘Betaalbaarheid’" in uitkomst.reason
    assert "‘Rechtsbescherming’" in uitkomst.reason
    compleet(plan, projectleider)
    assert gates.waarborgen_beantwoord([plan])[plan.pk].met
    services.waarborg_opslaan(
        wijkplan=plan,
        user=projectleider,
        punt="keuzevrijheid",
        antwoord="Er is geen ander alternatief.",
        status="niet_voldaan",
    )
    uitkomst = gates.waarborgen_beantwoord([plan])[plan.pk]
    assert not uitkomst.met
    assert "niet voldaan: ‘Keuzevrijheid voor een ander aardgasvrij alternatief’" in uitkomst.reason
    assert "nog niet beantwoord" not in uitkomst.reason


def test_the_checks_answer_for_many_plans_in_a_fixed_number_of_queries(gemeente, projectleider):
    plannen = [uvpplan(gemeente, projectleider) for _ in range(2)]
    compleet(plannen[0], projectleider)

    def tel(plans):
        with CaptureQueriesContext(connection) as q:
            uitkomsten = [
                check(plans)
                for check in (gates.samenstelling_compleet, gates.waarborgen_beantwoord)
            ]
        return len(q), uitkomsten

    weinig, uitkomsten = tel(plannen)
    assert [u[plannen[0].pk].met for u in uitkomsten] == [True, True]
    assert [u[plannen[1].pk].met for u in uitkomsten] == [False, False]
    for _ in range(3):
        p = uvpplan(gemeente, projectleider)
        compleet(p, projectleider)
        plannen.append(p)
    veel, _uitkomsten = tel(plannen)
    assert veel == weinig <= 4


def test_the_plan_goes_to_the_council_only_when_both_are_met(plan, projectleider):
    with pytest.raises(GatesNotMet) as exc:
        wijkplan_transition(wijkplan=plan, overgang="aanbieden_aan_raad", user=projectleider)
    assert {"besluitvorming.uitvoeringsplan", "besluitvorming.wgiw"} <= {
        r.condition.key for r in exc.value.unmet
    }
    compleet(plan, projectleider)
    onvervuld = {
        r.condition.key for r in registry.evaluate(plan, "aanbieden_aan_raad") if not r.met
    }
    assert not onvervuld & {"besluitvorming.uitvoeringsplan", "besluitvorming.wgiw"}
