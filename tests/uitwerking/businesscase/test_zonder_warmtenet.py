"""A chosen alternative without a heat network (all-electric, hybrid): there is no heat company,
so no business case of one is needed; calculating one without investments is refused instead of
showing revenues without costs."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.uitwerking.businesscase.hulp import alternatief, bc_plan, berekening, kies
from uitwerking import gates_businesscase
from uitwerking.hoofdstuk_businesscase import hoofdstuk_context
from uitwerking.models import Businesscase
from uitwerking.services import businesscase as services

pytestmark = pytest.mark.django_db

ALL_ELECTRIC = [
    {
        "post": "Luchtwarmtepomp",
        "groep": "K02_Installatie",
        "investering_eur": 2_000_000.0,
        "looptijd_jaar": 15.0,
        "onderhoud_eur_jaar": 20_000.0,
    }
]


@pytest.fixture
def plan(gemeente, projectleider):
    plan = bc_plan(gemeente, projectleider)
    alt = alternatief(plan, naam="All-electric met luchtwarmtepomp")
    berekening(alt, kosten=ALL_ELECTRIC)
    kies(plan, alt)
    return plan


def test_the_condition_is_met_and_says_why(plan):
    uitkomst = gates_businesscase.businesscase_berekend([plan])[plan.pk]
    assert uitkomst.met
    assert "geen warmtenet" in uitkomst.reason and "woonlasten" in uitkomst.reason


def test_a_business_case_without_investments_is_refused(plan, projectleider):
    with pytest.raises(ValidationError, match="geen warmtenet"):
        services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    assert not Businesscase.objects.exists()


def test_with_investments_of_a_collective_installation_it_is_calculated(plan, projectleider):
    start = services.selectors.startpunt(plan)
    invoer = {"investeringen": dict(start.waarden["investeringen"])}
    invoer["investeringen"]["netwerk"] = {**invoer["investeringen"]["netwerk"], "bedrag": 500_000}
    bc = services.businesscase_berekenen(wijkplan=plan, user=projectleider, invoer=invoer)
    assert bc.alternatief_naam == "All-electric met luchtwarmtepomp"
    assert gates_businesscase.businesscase_berekend([plan])[plan.pk].met


def test_the_page_and_the_chapter_say_there_is_no_heat_company(client, plan, projectleider):
    client.force_login(projectleider)
    html = client.get(reverse("uitwerking-businesscase", args=[plan.pk])).content.decode()
    assert "geen warmtebedrijf" in html
    assert hoofdstuk_context(None, plan)["zonder_warmtenet"] == "All-electric met luchtwarmtepomp"


def test_submitting_the_input_form_without_investments_explains_instead_of_failing(
    client, plan, projectleider
):
    """The refusal is about the whole input: the form shows it above the fields (it was a 500)."""
    client.force_login(projectleider)
    url = reverse("uitwerking-businesscase-invoer", args=[plan.pk])
    formulier = client.get(url).context["form"]
    data = {
        naam: ("" if waarde is None else waarde)
        for naam, waarde in formulier.initial.items()
        if not isinstance(waarde, dict | list)
    }

    response = client.post(url, data)

    assert response.status_code == 400
    assert "geen warmtenet" in response.content.decode()
    assert not Businesscase.objects.exists()
