"""The chapters of the implementation plan in the composed plan document and in the PDF."""

from __future__ import annotations

import re

import pytest

from besluitvorming import services_uitvoeringsplan as services
from besluitvorming.pdf import pdf_renderen
from participatie.models import Inbreng
from tests.besluitvorming.conftest import pdf_tekst
from tests.besluitvorming.uitvoeringsplan.hulp import compleet, uvpplan
from wup import document

pytestmark = pytest.mark.django_db

TITELS = (
    "Uitvoeringsplan",
    "Wettelijke waarborgen (Wgiw)",
    "Ontwerp-raadsbesluit",
    "Rekenparameters en bronnen",
)


@pytest.fixture
def plan(gemeente, projectleider):
    p = uvpplan(gemeente, projectleider)
    compleet(p, projectleider)
    vraag = Inbreng.objects.create(
        wijkplan=p,
        soort="vraag",
        tekst="Mag ik een eigen warmtepomp?",
        antwoord="Ja.",
        status="gepubliceerd",
    )
    services.wens_vastleggen(
        wijkplan=p, user=projectleider, inbreng_id=vraag.pk, opgenomen=True, notitie="Keuzevrij."
    )
    return p


def _per_titel(plan):
    return {h.titel: h for h in document.samenstellen(plan, None)}


def test_the_chapters_are_in_the_document_in_their_place(plan):
    hoofdstukken = _per_titel(plan)
    for titel in TITELS:
        assert titel in hoofdstukken, titel
    assert hoofdstukken["Rekenparameters en bronnen"].bijlage
    assert not hoofdstukken["Ontwerp-raadsbesluit"].bijlage
    volgorde = [h.titel for h in document.samenstellen(plan, None)]
    assert volgorde.index("Uitvoeringsplan") < volgorde.index("Wettelijke waarborgen (Wgiw)")
    assert volgorde.index("Wettelijke waarborgen (Wgiw)") < volgorde.index("Ontwerp-raadsbesluit")


def test_the_chapters_show_the_plans_data_and_no_names_of_people(plan, projectleider):
    h = _per_titel(plan)
    uvp = h["Uitvoeringsplan"].html
    assert "Genoeg netcapaciteit." in uvp and "Aanleg" in uvp
    assert "Mag ik een eigen warmtepomp?" in uvp and "Keuzevrij." in uvp
    assert "1 januari 2040" in uvp and "8 jaar" in uvp
    assert "Niet van toepassing: er zijn geen andere werken" in uvp
    wgiw = h["Wettelijke waarborgen (Wgiw)"].html
    assert "Betaalbaarheid" in wgiw and "Voldaan met voorwaarden" in wgiw
    assert "Raad van State" in wgiw
    besluit = re.sub(r"\s+", " ", h["Ontwerp-raadsbesluit"].html)
    assert "De raad van de gemeente Ermelo" in besluit
    assert f"het wijkuitvoeringsplan {plan.naam} vast te stellen" in besluit
    assert "1 januari 2040" in besluit
    for html in (uvp, wgiw, besluit):
        assert projectleider.last_name not in html


def test_the_headings_are_in_the_pdf(plan):
    tekst = re.sub(r"\s+", " ", pdf_tekst(pdf_renderen(plan, nummer=1)))
    for titel in TITELS:
        assert titel in tekst, titel
    assert "De raad van de gemeente Ermelo" in tekst
