"""The technical condition for leaving the exploration: at least two alternatives calculated
with the current parameter set, each with its technical sketch; reasons in plain Dutch, and the
same number of queries for one plan or many."""

from __future__ import annotations

from io import BytesIO

import pytest

from techniek.registratie import alternatieven_doorgerekend
from techniek.services import alternatieven as services
from tests import factories
from tests.techniek.alternatieven_hulp import WONINGEN_CSV, set_met_ander_kental, volledige_set
from wup.constants import Spoor
from wup.workflow import gates

pytestmark = pytest.mark.django_db

KEY = "techniek.alternatieven"


def _plan_met(gemeente, projectleider, *, schetsen, capture):
    """A plan with a stock and one calculated alternative per sketch ('' = no sketch)."""
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, fase="verkenning"
    )
    services.gebouwvoorraad_uit_bestand(
        wijkplan=plan,
        user=projectleider,
        bestand=BytesIO(WONINGEN_CSV.encode()),
        bestandsnaam="voorraad.csv",
    )
    codes = ["S1a_B_LuchtWP", "S2a_B_Restwarmte", "S4a_KG_B_hWP"]
    for code, schets in zip(codes, schetsen, strict=False):
        alt = services.alternatief_toevoegen(
            wijkplan=plan, user=projectleider, sjabloon=code, schets=schets
        )
        with capture(execute=True):
            services.berekening_starten(alternatief=alt, user=projectleider)
    return plan


def test_the_condition_is_registered_for_leaving_the_exploration():
    (conditie,) = [c for c in gates.conditions("start_keuze") if c.key == KEY]
    assert conditie.spoor == Spoor.TECHNISCH_ECONOMISCH


def test_two_calculated_alternatives_with_a_sketch_meet_the_condition(
    gemeente, projectleider, beheerder, django_capture_on_commit_callbacks
):
    volledige_set(beheerder)
    plan = _plan_met(
        gemeente,
        projectleider,
        schetsen=["Luchtwarmtepompen.", "Restwarmte van de fabriek."],
        capture=django_capture_on_commit_callbacks,
    )
    uitkomst = alternatieven_doorgerekend([plan])[plan.pk]
    assert uitkomst.met, uitkomst.reason
    assert uitkomst.reason.startswith("2 alternatieven zijn doorgerekend")
    (resultaat,) = [r for r in gates.evaluate(plan, "start_keuze") if r.condition.key == KEY]
    assert resultaat.met


def test_the_reasons_say_what_is_missing(
    gemeente, projectleider, beheerder, django_capture_on_commit_callbacks
):
    huidig = volledige_set(beheerder)
    plan = _plan_met(
        gemeente, projectleider, schetsen=[""], capture=django_capture_on_commit_callbacks
    )
    uitkomst = alternatieven_doorgerekend([plan])[plan.pk]
    assert not uitkomst.met
    assert uitkomst.reason == (
        "er zijn 1 van de minstens 2 alternatieven doorgerekend met de huidige parameterset en "
        "gebouwvoorraad; "
        "‘S1a_B_LuchtWP All-electric met luchtwarmtepomp, schil naar label B’ heeft nog geen "
        "technische schets."
    )
    set_met_ander_kental(beheerder, bron=huidig)
    uitkomst = alternatieven_doorgerekend([plan])[plan.pk]
    assert uitkomst.reason.startswith("er zijn 0 van de minstens 2 alternatieven")
    assert "opnieuw doorrekenen met de nieuwe parameterset" in uitkomst.reason


def test_a_plan_without_alternatives_does_not_meet_it(plan):
    uitkomst = alternatieven_doorgerekend([plan])[plan.pk]
    assert not uitkomst.met and "0 van de minstens 2" in uitkomst.reason


def test_the_check_uses_a_fixed_number_of_queries(
    gemeente,
    projectleider,
    beheerder,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    volledige_set(beheerder)
    plannen = [
        _plan_met(
            gemeente,
            projectleider,
            schetsen=["a", "", "c"][:n],
            capture=django_capture_on_commit_callbacks,
        )
        for n in (1, 2, 3)
    ]
    with django_assert_num_queries(4):
        alternatieven_doorgerekend(plannen[:1])
    with django_assert_num_queries(4):
        uitkomst = alternatieven_doorgerekend(plannen)
    assert [uitkomst[p.pk].met for p in plannen] == [False, False, True]
