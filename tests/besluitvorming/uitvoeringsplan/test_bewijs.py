"""The evidence of the Wgiw safeguards, drawn from the earlier steps through their selectors,
with a link to the page it comes from."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from besluitvorming import selectors_uitvoeringsplan as selectors
from participatie.models import Gedragsmaatregel, Inbreng
from tests.besluitvorming.uitvoeringsplan.hulp import samenstelling, uvpplan
from uitwerking.models import Realisatiefase

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return uvpplan(gemeente, projectleider)


def test_without_work_in_the_steps_the_evidence_says_what_is_missing(plan):
    bewijs = selectors.bewijs_van(plan)
    assert "nog geen woonlasten berekend" in bewijs["betaalbaarheid"].tekst
    assert bewijs["betaalbaarheid"].url_name == "uitwerking-woonlasten"
    assert "nog niet ingevuld" in bewijs["redelijke_termijn"].tekst
    assert "nog geen businesscase" in bewijs["beschikbaarheid"].tekst
    assert "nog geen maatregelen" in bewijs["doenvermogen"].tekst
    assert "nog geen warmteoplossing gekozen" in bewijs["keuzevrijheid"].tekst
    assert "Raad van State" in bewijs["rechtsbescherming"].tekst


def test_the_evidence_comes_from_steps_3_and_5(plan, projectleider):
    Realisatiefase.objects.create(
        wijkplan=plan,
        naam="Aanleg",
        begindatum=datetime.date(2030, 1, 1),
        einddatum=datetime.date(2032, 12, 31),
    )
    Gedragsmaatregel.objects.create(
        wijkplan=plan, naam="Energiecoach", doelgroep="alle_bewoners", status="loopt"
    )
    samenstelling(plan, projectleider, aankondigingstermijn_jaren=6)
    bewijs = selectors.bewijs_van(plan)
    assert "1 fase(n), klaar op 31-12-2032" in bewijs["beschikbaarheid"].tekst
    assert "Energiecoach" in bewijs["doenvermogen"].tekst
    assert "6 jaar van tevoren" in bewijs["redelijke_termijn"].tekst
    assert "korter dan de norm" in bewijs["redelijke_termijn"].tekst


@pytest.mark.all_gates
def test_the_participation_evidence_is_the_outcome_of_step_3s_conditions(plan):
    tekst = selectors.bewijs_van(plan)["participatie"].tekst
    assert "Participatieplan voor de verkenning (niet voldaan)" in tekst
    assert "raadpleging" in tekst


def test_the_wishes_are_step_3s_published_questions(plan):
    Inbreng.objects.create(
        wijkplan=plan,
        soort="vraag",
        tekst="Wat kost het?",
        antwoord="Niets.",
        status="gepubliceerd",
    )
    Inbreng.objects.create(wijkplan=plan, soort="reactie", tekst="Goed!", status="gepubliceerd")
    Inbreng.objects.create(wijkplan=plan, soort="vraag", tekst="Geheim?", status="nieuw")
    assert [(w.vraag, w.antwoord) for w in selectors.wensen_van(plan)] == [
        ("Wat kost het?", "Niets.")
    ]


def test_the_evidence_takes_a_fixed_number_of_queries(plan, projectleider):
    def tel():
        with CaptureQueriesContext(connection) as q:
            selectors.bewijs_van(plan)
        return len(q)

    weinig = tel()
    for i in range(3):
        Realisatiefase.objects.create(
            wijkplan=plan,
            naam=f"Fase {i}",
            begindatum=datetime.date(2030, 1, 1),
            einddatum=datetime.date(2031, 1, 1),
        )
        Gedragsmaatregel.objects.create(
            wijkplan=plan, naam=f"Maatregel {i}", doelgroep="alle_bewoners", status="loopt"
        )
    assert tel() == weinig
