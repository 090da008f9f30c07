"""The wijktoets chapter of the plan document."""

from html import unescape

from django.template.loader import render_to_string
from django.urls import reverse

from tests.wijktoets.test_wijktoets_services import MOTIVATIE, afgeronde_wijktoets, huidige_versie
from wijktoets.constants import Oordeel
from wijktoets.services import wijktoets as services
from wijktoets.services.wijktoets import PartijInvoer
from wup.registry import chapters


def hoofdstuk():
    return next(c for c in chapters.all() if c.app_label == "wijktoets")


def render(plan) -> str:
    c = hoofdstuk()
    return render_to_string(
        c.template, {"plan": plan, "hoofdstuknummer": "1", **c.context(None, plan)}
    )


def test_the_chapter_is_registered_first():
    c = hoofdstuk()
    assert (c.order, str(c.title), c.annex) == (10, "Wijktoets", False)


def test_without_a_wijktoets_the_chapter_says_so(plan):
    assert "De wijktoets is nog niet ingevuld." in render(plan)


def test_the_chapter_has_findings_verdict_consequences_and_stakeholders(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.ONDER_VOORWAARDEN)
    tekst = unescape(render(plan))
    assert "Wijktoets versie 1, afgerond op" in tekst
    for kop in (
        "1.1 Bevindingen per thema",
        "1.2 Economische randvoorwaarden voor bewoners",
        "1.3 Partijen in de wijk",
        "1.4 Oordeel",
        "1.5 Gevolgen voor de aanpak",
    ):
        assert kop in tekst
    assert "Armoede en energiearmoede — kans" in tekst
    assert "Bevinding over armoede." in tekst
    assert "Huishoudens met een laag inkomen (%)" in tekst  # indicator with its CBS title
    assert "Veel huishoudens hebben weinig ruimte om te investeren." in tekst
    assert "Woningcorporatie De Veluwe" in tekst
    assert "Geschikt onder voorwaarden." in tekst
    assert MOTIVATIE in tekst
    assert "De corporatie doet mee met haar hele bezit." in tekst
    assert "Coproduceren: Gemeente en bewoners maken samen de plannen" in tekst
    assert "Huishoudens met een laag inkomen of energiearmoede" in tekst
    assert "Afstemmen op andere werken in de wijk" in tekst


def test_the_chapter_shows_the_completed_version_not_a_newer_draft(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    services.wijktoets_opslaan(
        wijkplan=plan,
        user=projectleider,
        versie=huidige_versie(plan),
        motivatie="Nog niet besproken concepttekst.",
    )
    tekst = render(plan)
    assert MOTIVATIE in tekst
    assert "Nog niet besproken concepttekst." not in tekst


def test_before_the_first_completion_the_draft_is_marked_as_concept(plan, projectleider):
    services.wijktoets_opslaan(
        wijkplan=plan, user=projectleider, versie=1, samenvatting="Eerste indruk."
    )
    tekst = render(plan)
    assert "Concept" in tekst and "nog niet afgerond" in tekst
    assert "Eerste indruk." in tekst


def test_user_text_in_the_chapter_is_escaped(plan, projectleider):
    services.wijktoets_opslaan(
        wijkplan=plan,
        user=projectleider,
        versie=1,
        economische_randvoorwaarden='<img src=x onerror="alert(1)">',
        partijen=[PartijInvoer("school", "<b>School</b>")],
    )
    tekst = render(plan)
    assert "<img" not in tekst and "<b>School" not in tekst
    assert "&lt;img src=x" in tekst and "&lt;b&gt;School&lt;/b&gt;" in tekst


def test_the_plan_document_page_contains_the_chapter(client, plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    client.force_login(projectleider)
    response = client.get(reverse("wijkplan-document", args=[plan.pk]))
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "1 Wijktoets" in pagina
    assert MOTIVATIE in pagina
