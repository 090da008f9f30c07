"""The plan document's chapter on the choice: the comparison, ranking, sensitivity and the
motivated choice as the choice rested on them, earlier choices listed, everything escaped."""

from __future__ import annotations

from html import unescape

import pytest
from django.template.loader import render_to_string

from keuze import services
from keuze.models import Criterium
from tests.keuze.hulp import kader, keuze_velden, keuzeplan
from wup.document import samenstellen
from wup.registry import chapters

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return keuzeplan(gemeente, projectleider)


def hoofdstuk():
    return next(c for c in chapters.all() if c.app_label == "keuze")


def render(plan) -> str:
    c = hoofdstuk()
    return render_to_string(
        c.template, {"plan": plan, "hoofdstuknummer": "4", **c.context(None, plan)}
    )


def kies(plan, projectleider, naam, vorige=None, **velden):
    return services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=plan.alternatieven.get(naam=naam).pk,
        vorige_keuze_id=vorige.pk if vorige else None,
        **keuze_velden(reden_zonder_participatie="De raadpleging loopt nog tot juni.", **velden),
    )


def test_the_chapter_follows_participation_with_order_40():
    c = hoofdstuk()
    participatie = next(c for c in chapters.all() if c.app_label == "participatie")
    assert c.order == 40 > participatie.order and not c.annex
    assert str(c.title) == "Keuze warmteoplossing"


def test_without_a_choice_the_live_analysis_is_marked_undecided(plan, projectleider):
    kader(plan, projectleider)
    tekst = unescape(render(plan))
    assert "Nog geen keuze vastgelegd." in tekst
    assert "Rangorde" in tekst and "Hybride warmtepomp" in tekst
    assert "Gevoeligheid voor de gewichten" in tekst


def test_the_chapter_shows_what_the_choice_rested_on(plan, projectleider):
    criteria = kader(plan, projectleider)
    eerste = kies(plan, projectleider, "Luchtwarmtepomp")
    tweede = kies(
        plan,
        projectleider,
        "Hybride warmtepomp",
        vorige=eerste,
        afwijkende_standpunten="De ondernemersvereniging wil liever een warmtenet.",
        voorwaarden="Eerst isoleren tot label B.",
    )
    # Changed after the choice: the document keeps the weight the choice rested on.
    services.gewichten_opslaan(wijkplan=plan, user=projectleider, gewichten={criteria[0].pk: 90})

    html = render(plan)
    tekst = unescape(html)
    assert "Nog geen keuze vastgelegd" not in tekst
    for verwacht in (
        "De criteria en hun gewicht",
        "Waarom Nationale kosten telt.",  # the rationale of the weight
        "euro per jaar",
        "Deskundig oordeel",
        "Toelichting bij Warmtenet",
        "Rangorde",
        "Gevoeligheid voor de gewichten",
        "procentpunt",
        "Zonder het minst zekere criterium",
        tweede.motivatie,
        tweede.participatie_afweging,
        "De raadpleging loopt nog tot juni.",
        "De ondernemersvereniging wil liever een warmtenet.",
        "Eerst isoleren tot label B.",
        "Stuurgroep",
        "SG-2026-14",
        "Eerdere keuzes",
    ):
        assert verwacht in tekst, verwacht
    # the weight and share as they were (40 of 100), not the later 90
    assert 'numeric">40</td>' in html and 'numeric">40%</td>' in html
    assert 'numeric">90</td>' not in html
    # the ranking as a chart with its figures as a table
    assert "<svg" in html and "Cijfers bij de grafiek" in tekst
    # the earlier choice is listed, once, under the earlier choices
    assert tekst.split("Eerdere keuzes", 1)[1].count("Luchtwarmtepomp (Stuurgroep") == 1
    # no names of people
    assert (
        projectleider.get_username()
        not in tekst.split("Eerdere keuzes")[0].split("De gemotiveerde keuze")[1]
    )


def test_html_in_names_and_motivation_is_escaped(plan, projectleider, client):
    services.criterium_toevoegen(
        wijkplan=plan,
        user=projectleider,
        naam="<b>Kosten</b>",
        toelichting="Waarom <i>dit</i> telt.",
        gewicht=50,
        richting="hoger_beter",
        eenheid="score 1–5",
        bron="handmatig",
        zekerheid="middel",
    )
    criterium = Criterium.objects.get(wijkplan=plan)
    services.scores_opslaan(
        criterium=criterium,
        user=projectleider,
        scores={
            a.pk: (i + 1, "<script>x()</script>") for i, a in enumerate(plan.alternatieven.all())
        },
    )
    kies(plan, projectleider, "Hybride warmtepomp", motivatie="<script>alert(1)</script> omdat.")
    html = render(plan)
    assert "<script>" not in html and "<b>Kosten</b>" not in html and "<i>dit</i>" not in html
    assert "&lt;b&gt;Kosten&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; omdat." in html
    # and in the composed document
    stuk = next(h for h in samenstellen(plan) if h.titel == "Keuze warmteoplossing")
    assert "<script>" not in stuk.html and "&lt;b&gt;Kosten&lt;/b&gt;" in stuk.html
