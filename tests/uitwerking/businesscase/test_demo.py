"""The demo data: the plan that left the elaboration did so with a business case of its chosen
alternative, calculated through the service with the prefilled inputs, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from keuze import selectors as keuze_selectors
from tests.uitwerking.businesscase.hulp import bc_plan
from uitwerking import gates_businesscase
from uitwerking.models import Businesscase
from uitwerking.registratie_businesscase import demo_businesscase
from uitwerking.selectors import businesscase as selectors
from wup.constants import Fase
from wup.models import Wijkplan

pytestmark = pytest.mark.all_gates


def test_the_demo_plan_past_the_elaboration_met_the_business_case_condition(db):
    """The demo plan that reached the council chose an alternative; with a heat network it got
    one business case through the service, without one the condition says there is no heat
    company (and no business case without investments was made)."""
    call_command("demo_data", stdout=StringIO())
    raad = Wijkplan.objects.get(fase=Fase.TER_BESLUITVORMING)
    keuze = keuze_selectors.huidige_keuze(raad)
    zonder_net = raad.pk in selectors.zonder_warmtenet_many([raad], {raad.pk: keuze})
    uitkomst = gates_businesscase.businesscase_berekend([raad])[raad.pk]
    assert uitkomst.met
    if zonder_net:
        assert "geen warmtenet" in uitkomst.reason
        assert not Businesscase.objects.filter(wijkplan=raad).exists()
    else:
        bc = selectors.huidige_businesscase(raad)
        assert bc.keuze_id == keuze.pk and not selectors.stand(raad).parameters_verouderd
    # a plan that did not get that far has none
    assert not Businesscase.objects.filter(wijkplan__fase=Fase.KEUZE).exists()

    aantal = Businesscase.objects.filter(wijkplan=raad).count()
    call_command("demo_data", stdout=StringIO())  # idempotent
    assert Businesscase.objects.filter(wijkplan=raad).count() == aantal


def test_the_preparer_ignores_other_transitions_and_loads_the_parameters(gemeente, projectleider):
    plan = bc_plan(gemeente, projectleider, laden=False)
    from tests.techniek.alternatieven_hulp import pbl_set

    pbl_set()  # PBL's set, without the finance figures
    uit = StringIO()
    demo_businesscase(uit, plan, "start_uitwerking", projectleider)
    assert not Businesscase.objects.exists()
    demo_businesscase(uit, plan, "start_uitvoeringsplan", projectleider)
    assert Businesscase.objects.filter(wijkplan=plan).count() == 1
    assert "businesscase" in uit.getvalue()
    demo_businesscase(uit, plan, "start_uitvoeringsplan", projectleider)
    assert Businesscase.objects.filter(wijkplan=plan).count() == 1
