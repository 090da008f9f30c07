"""The plan document's chapter "Businesscase warmtebedrijf": key figures, charts, scenarios
and the parameters with their sources; without a calculation it says so; no names of people."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from tests.uitwerking.businesscase.hulp import bc_plan
from uitwerking.services import businesscase as services
from wup.registry import chapters

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return bc_plan(gemeente, projectleider)


def hoofdstuk():
    return next(c for c in chapters.all() if c.app_label == "uitwerking" and c.order == 50)


def render(plan) -> str:
    c = hoofdstuk()
    return render_to_string(
        c.template, {"plan": plan, "hoofdstuknummer": "5", **c.context(None, plan)}
    )


def test_the_chapter_is_registered_after_the_choice():
    c = hoofdstuk()
    assert str(c.title) == "Businesscase warmtebedrijf" and not c.annex
    assert c.template == "uitwerking/businesscase/hoofdstuk.html"


def test_without_a_calculation_the_chapter_says_so(plan):
    assert "Nog geen businesscase berekend" in render(plan)


def test_the_chapter_shows_figures_charts_scenarios_and_sources(plan, projectleider):
    projectleider.first_name, projectleider.last_name = "Pieter", "Jansen"
    projectleider.save()
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    html = render(plan)
    for tekst in (
        "5.1 Kerncijfers",
        "Netto contante waarde",
        "Onrendabele top",
        "5.2 Kasstromen",
        'role="img"',
        "<desc",
        "Cijfers bij de grafiek",
        "5.3 Scenario",
        "Uitkomst per prijsscenario",
        "5.4 Parameters en bronnen",
        "Discontovoet_warmtebedrijf",
        "ACM",
    ):
        assert tekst in html, tekst
    assert "Pieter" not in html and "Jansen" not in html and projectleider.username not in html
    # the tables are open in the document, not behind a button
    assert "Bekijk de cijfers als tabel" not in html
