"""The choice on the public participation page: what was chosen, why, how residents' views
were weighed, the conditions, who decided and when, and the top of the ranking in plain words;
never the name of the person who recorded it."""

from __future__ import annotations

from html import unescape

import pytest
from django.urls import reverse

from keuze import services
from keuze.registratie import publiek_blok
from participatie.models import Publicatie
from tests.keuze.hulp import kader, keuze_velden, keuzeplan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    projectleider.first_name, projectleider.last_name = "Annemarie", "Vastlegger"
    projectleider.save()
    plan = keuzeplan(gemeente, projectleider)
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    return plan


def pagina(client, plan) -> str:
    response = client.get(reverse("participatie-publiek", args=[plan.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_before_a_choice_the_page_has_no_choice(client, plan, projectleider):
    kader(plan, projectleider)
    html = pagina(client, plan)
    assert 'id="keuze-titel"' not in html
    # step 3's own blocks still render
    assert "Welke oplossingen onderzoeken we?" in unescape(html)


def test_the_recorded_choice_is_shown_without_the_recorders_name(client, plan, projectleider):
    kader(plan, projectleider)
    services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=plan.alternatieven.get(naam="Hybride warmtepomp").pk,
        **keuze_velden(
            reden_zonder_participatie="De raadpleging loopt nog tot juni.",
            voorwaarden="Eerst isoleren tot label <B>.",
            afwijkende_standpunten="De ondernemers willen liever een warmtenet.",
        ),
    )
    client.logout()
    html = pagina(client, plan)
    tekst = unescape(html)
    assert "De keuze" in tekst and "Er is gekozen voor <strong>Hybride warmtepomp</strong>." in html
    for verwacht in (
        "Laagste kosten voor Nederland bij een goede CO2-reductie.",  # motivation
        "De bewoners kozen op de avonden vooral voor de warmtepomp.",  # participation weighed
        "De raadpleging loopt nog tot juni.",
        "Eerst isoleren tot label <B>.",
        "De ondernemers willen liever een warmtenet.",
        "Dat besloot: Stuurgroep",
        "We hebben 3 oplossingen vergeleken",
    ):
        assert verwacht in tekst, verwacht
    assert "label &lt;B&gt;" in html  # escaped
    # the ranking in plain words: the three with their totals, best first
    top = tekst.split("Hoe scoorden de oplossingen?")[1]
    namen = [n for n in ("Hybride warmtepomp:", "Luchtwarmtepomp:", "Warmtenet:") if n in top]
    assert len(namen) == 3 and "punten" in top
    assert top.index("Hybride warmtepomp:") < top.index("Warmtenet:")
    # no names of people
    assert "Vastlegger" not in tekst and "Annemarie" not in tekst


def test_the_block_reads_in_one_query(plan, projectleider, django_assert_num_queries):
    kader(plan, projectleider)
    services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=plan.alternatieven.get(naam="Warmtenet").pk,
        **keuze_velden(reden_zonder_participatie="De raadpleging loopt nog tot juni."),
    )
    with django_assert_num_queries(1):
        blok = publiek_blok(plan)["keuze_publiek"]
    assert blok["alternatief"] == "Warmtenet"
    assert blok["top"][0]["naam"] == "Hybride warmtepomp"
    assert "vastgelegd_door" not in blok
