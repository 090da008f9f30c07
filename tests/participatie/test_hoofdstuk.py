"""The participation chapter of the plan document: process and figures, no personal data."""

from __future__ import annotations

from html import unescape

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from participatie.services import netwerk as services
from participatie.services.afwijking import afwijking_vastleggen
from participatie.services.participatieplan import participatieplan_opslaan
from tests.participatie import resultaten_hulp as hulp
from wup.registry import chapters

pytestmark = pytest.mark.django_db


def hoofdstuk():
    return next(c for c in chapters.all() if c.app_label == "participatie")


def render(plan) -> str:
    c = hoofdstuk()
    return render_to_string(
        c.template, {"plan": plan, "hoofdstuknummer": "3", **c.context(None, plan)}
    )


def test_the_chapter_follows_the_technical_one():
    c = hoofdstuk()
    techniek = next(c for c in chapters.all() if c.app_label == "techniek")
    assert c.order > techniek.order and not c.annex and str(c.title) == "Participatie"


def test_an_empty_plan_says_what_is_missing(plan):
    tekst = unescape(render(plan))
    assert "Er zijn geen partijen vastgelegd." in tekst
    assert "Er is geen gesloten raadpleging." in tekst
    assert "dus nog geen steunscore" in tekst


def test_the_chapter_has_process_and_results_without_personal_data(plan, projectleider):
    partij = services.partij_toevoegen(
        wijkplan=plan,
        user=projectleider,
        soort="eigenaar_bewoners",
        naam="Bewoners <Lindelaan>",
        contactpersoon_naam="Jan Jansen",
        contactpersoon_bereikbaar="jan@example.org",
    )
    services.contactmoment_toevoegen(
        wijkplan=plan,
        user=projectleider,
        soort="keukentafelgesprek",
        datum=timezone.localdate(),
        onderwerp="Gesprek",
        partij=partij,
    )
    participatieplan_opslaan(
        wijkplan=plan, user=projectleider, fase="verkenning", participatieniveau="adviseren"
    )
    hulp.bijeenkomst_met_aanmelding(plan, over_dagen=-3, personen=2)
    r, _v = hulp.met_uitslag(
        plan, voorkeuren=["warmtenet"] * 8 + ["warmtepomp"] * 4, codes_per_buurt=20
    )
    open_vraag = hulp.vraag(r, "open")
    hulp.respons(r, {open_vraag: "Bel me op 06-12345678"})
    afwijking_vastleggen(
        wijkplan=plan, user=projectleider, motivatie="Ook besproken op de bewonersavond."
    )
    html = render(plan)
    assert "Bewoners &lt;Lindelaan&gt;" in html  # escaped
    tekst = unescape(html)
    for verwacht in (
        "Keukentafelgesprek",
        "Adviseren",
        "Bewonersavond",
        "Hoe wilt u verwarmen?",
        "13 huishoudens hebben gereageerd, van de 20 adressen",
        "Voorkeur per woonsituatie",
        "Steunscore per alternatief",
        "Ook besproken op de bewonersavond.",
    ):
        assert verwacht in tekst, verwacht
    assert "<svg" in html
    for geheim in (
        "Jan Jansen",
        "jan@example.org",
        "Kees Klaassen",
        "kees@",
        "06-12345678",
        "Dorpsstraat",
    ):
        assert geheim not in tekst, geheim
