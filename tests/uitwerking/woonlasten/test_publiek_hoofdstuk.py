"""The housing costs on the public participation page (monthly costs now and after per kind of
household, nothing about a person) and in the plan document's chapter (table, chart, verdicts,
households at risk with the link to energy poverty, sources; no names of people)."""

from __future__ import annotations

from html import unescape

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participatie.models import Publicatie
from tests.uitwerking.woonlasten import hulp
from uitwerking.registratie_woonlasten import publiek_blok
from uitwerking.services import woonlasten as services
from wup.registry import chapters

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    projectleider.first_name, projectleider.last_name = "Annemarie", "Rekenaar"
    projectleider.save()
    plan = hulp.woonlastenplan(gemeente, projectleider)
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    return plan


def pagina(client, plan) -> str:
    response = client.get(reverse("participatie-publiek", args=[plan.slug]))
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_public_page_has_no_block_before_a_calculation(client, plan):
    assert "Wat gaat het u per maand kosten?" not in pagina(client, plan)


def test_the_public_block_shows_the_month_now_and_after(client, plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    html = pagina(client, plan)
    assert "Wat gaat het u per maand kosten?" in html
    assert "rijwoning tussen, huurder corporatie" in html
    assert "Nu per maand" in html and "Straks per maand" in html
    assert "Rekenaar" not in html and projectleider.get_username() not in html


def test_the_public_block_keeps_its_queries_fixed(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    with CaptureQueriesContext(connection) as q:
        blok = publiek_blok(plan)
    assert len(blok["woonlasten_publiek"]["rijen"]) == 6
    assert len(q) <= 8


def hoofdstuk():
    return next(c for c in chapters.all() if c.app_label == "uitwerking" and c.order == 51)


def render(plan) -> str:
    c = hoofdstuk()
    return unescape(
        render_to_string(
            c.template, {"plan": plan, "hoofdstuknummer": "5", **c.context(None, plan)}
        )
    )


def test_the_chapter_is_registered_with_order_51():
    c = hoofdstuk()
    assert str(c.title) == "Woonlasten voor bewoners"
    assert c.template == "uitwerking/woonlasten/hoofdstuk.html"


def test_the_chapter_before_a_calculation(plan):
    assert "nog niet berekend" in render(plan)


def test_the_chapter_states_verdicts_risks_and_sources(plan, projectleider):
    hulp.energiearmoede(plan)
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    tekst = render(plan)
    assert "Kosten per type huishouden" in tekst
    assert "Cijfers bij de grafiek" in tekst  # the chart with its table written out
    assert "niet woonlastenneutraal" in tekst.lower() or "Niet woonlastenneutraal" in tekst
    assert "Huishoudens met risico" in tekst and "signaal van energiearmoede" in tekst
    assert reverse("wijktoets-indicatoren", args=[plan.pk]) + "#energiearmoede" in tekst
    assert "Warmtefonds_rente" in tekst and "warmtefonds.nl" in tekst
    assert "Rekenaar" not in tekst and "Annemarie" not in tekst
