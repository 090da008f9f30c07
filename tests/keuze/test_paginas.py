"""The pages of step 4 as a projectleider and his colleagues use them: the framework of
criteria, the weights, the expert scores, the matrix and its analysis, and recording the
choice that supersedes the one before."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keuze import services
from keuze.models import Criterium, Keuze, Score
from tests import factories
from tests.factories import inloggen
from tests.keuze.hulp import berekend_alternatief, kader, keuze_velden, keuzeplan
from wup.models import Besluit, Wijkplan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return keuzeplan(gemeente, projectleider)


@pytest.fixture
def pl(client, projectleider):
    client.force_login(projectleider)
    return client


def _html(response) -> str:
    return response.content.decode()


def _url(naam, plan, *args):
    return reverse(naam, args=[plan.pk, *args])


def _criterium(**anders) -> dict:
    return {
        "naam": "Overlast tijdens de aanleg",
        "bron": "handmatig",
        "eenheid": "score 1–5",
        "richting": "hoger_beter",
        "gewicht": "12,5",
        "toelichting": "Bewoners noemden de overlast op elke avond.",
        "zekerheid": "laag",
        **anders,
    }


def _scores(criterium) -> list[float]:
    return sorted(Score.objects.filter(criterium=criterium).values_list("waarde", flat=True))


def _gewichten(plan) -> list[float]:
    return [c.gewicht for c in Criterium.objects.filter(wijkplan=plan).order_by("pk")]


def _keuze_post(**anders) -> dict:
    velden = keuze_velden(**anders)
    velden["besluitdatum"] = velden["besluitdatum"].isoformat()
    return {k: v for k, v in velden.items() if v is not None}


# --- Overview -----------------------------------------------------------------------------------


def test_the_overview_shows_framework_matrix_and_analysis_to_the_projectleider(
    pl, plan, projectleider
):
    criteria = kader(plan, projectleider)
    warmtenet = plan.alternatieven.get(naam="Warmtenet")
    html = _html(pl.get(_url("keuze-overzicht", plan)))
    # the framework: weight as entered and as a share, source, confidence, rationale
    assert "Nationale kosten" in html and "40%" in html
    assert "Extra nationale kosten tegenover de gasketel" in html
    assert "deskundig oordeel" in html.lower() and "Laag: grove inschatting" in html
    assert "Waarom Haalbaarheid telt." in html
    assert _url("keuze-criterium-wijzigen", plan, criteria[0].pk) in html
    assert _url("keuze-criterium-verwijderen", plan, criteria[0].pk) in html
    # the matrix: step 2's figure the Dutch way, linked to its source; expert explanation
    assert "400.000" in html
    assert reverse("techniek-alternatief", args=[plan.pk, warmtenet.pk]) in html
    assert "Toelichting bij Warmtenet" in html
    assert _url("keuze-scores", plan, criteria[2].pk) in html
    assert _url("keuze-scores", plan, criteria[0].pk) not in html  # automatic: no form
    # the analysis: ranking and sensitivity, each with a chart and its table
    assert "Rangorde" in html and "wup-grafiek--stapel" in html
    assert "Gevoeligheid voor de gewichten" in html and "wup-grafiek--bereik" in html
    assert "Cijfers bij de grafiek" in html
    assert "Zonder het minst zekere criterium" in html and "Zonder ‘Haalbaarheid’" in html
    assert _url("keuze-vastleggen", plan) in html


def test_the_beheerder_reads_everything_and_changes_nothing(client, plan, projectleider, beheerder):
    kader(plan, projectleider)
    inloggen(client, beheerder)
    html = _html(client.get(_url("keuze-overzicht", plan)))
    assert "Nationale kosten" in html and "Rangorde" in html
    assert _url("keuze-criterium-nieuw", plan) not in html
    assert _url("keuze-vastleggen", plan) not in html
    assert "Scores invullen" not in html
    assert client.get(_url("keuze-criterium-nieuw", plan)).status_code == 403
    response = client.post(_url("keuze-criterium-nieuw", plan), _criterium())
    assert response.status_code == 403
    assert not Criterium.objects.filter(naam="Overlast tijdens de aanleg").exists()


def test_another_projectleider_is_refused_and_unknown_ids_are_404(
    client, pl, plan, projectleider, gemeente
):
    criterium = kader(plan, projectleider)[2]
    andere_plan = keuzeplan(gemeente, projectleider)
    assert pl.get(_url("keuze-criterium-wijzigen", andere_plan, criterium.pk)).status_code == 404
    assert pl.get(_url("keuze-scores", plan, 999999)).status_code == 404
    assert pl.get(_url("keuze-detail", plan, 999999)).status_code == 404
    assert pl.get(_url("keuze-criterium-verwijderen", plan, 2**63)).status_code == 404
    client.force_login(factories.projectleider(gemeente, username="collega"))
    assert client.get(_url("keuze-overzicht", plan)).status_code == 403
    response = client.post(
        _url("keuze-scores", plan, criterium.pk),
        {f"score_{a.pk}": "1" for a in plan.alternatieven.all()},
    )
    assert response.status_code == 403
    assert client.post(_url("keuze-standaardkader", plan)).status_code == 403
    assert Score.objects.filter(criterium=criterium, waarde=1).count() == 0


def test_an_empty_plan_starts_from_the_standard_framework_once(pl, plan):
    html = _html(pl.get(_url("keuze-overzicht", plan)))
    assert "Begin met het standaardkader" in html
    assert _url("keuze-standaardkader", plan) in html
    response = pl.post(_url("keuze-standaardkader", plan), follow=True)
    assert "Het standaardkader met 7 criteria is toegevoegd" in _html(response)
    assert "Begin met het standaardkader" not in _html(response)
    assert "Kosten voor bewoners" in _html(response)
    tweede = pl.post(_url("keuze-standaardkader", plan), follow=True)
    assert "al criteria" in _html(tweede)
    assert Criterium.objects.filter(wijkplan=plan).count() == 7
    assert pl.get(_url("keuze-standaardkader", plan)).status_code == 405


def test_html_in_a_criterion_name_is_shown_as_text(pl, plan, projectleider):
    kader(plan, projectleider)
    services.criterium_toevoegen(
        wijkplan=plan,
        user=projectleider,
        naam="<script>alert(1)</script>",
        toelichting="<b>vet</b>",
        gewicht=10,
        richting="hoger_beter",
        eenheid="score 1–5",
        bron="handmatig",
        zekerheid="middel",
    )
    html = _html(pl.get(_url("keuze-overzicht", plan)))
    assert "<script>alert(1)</script>" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_overview_takes_as_many_queries_for_a_large_framework_as_for_a_small(
    pl, plan, projectleider
):
    kader(plan, projectleider)

    def tel():
        with CaptureQueriesContext(connection) as q:
            assert pl.get(_url("keuze-overzicht", plan)).status_code == 200
        return len(q)

    klein = tel()
    for i in range(4):
        berekend_alternatief(plan, f"Variant {i}", 300_000.0 + i, 500.0 + i)
        services.criterium_toevoegen(
            wijkplan=plan,
            user=projectleider,
            naam=f"Extra {i}",
            toelichting="Telt mee.",
            gewicht=5,
            richting="hoger_beter",
            eenheid="score 1–5",
            bron="handmatig",
            zekerheid="middel",
        )
    groot = tel()
    assert groot == klein


def test_the_plan_page_shows_the_step_with_its_counts_and_link(pl, plan, projectleider):
    kader(plan, projectleider)
    html = _html(pl.get(reverse("wijkplan-detail", args=[plan.pk])))
    assert "3 criteria" in html and "3 alternatieven volledig beoordeeld" in html
    assert "Er is nog geen keuze vastgelegd." in html
    assert _url("keuze-overzicht", plan) in html


# --- Criteria -----------------------------------------------------------------------------------


def test_a_bad_criterion_shows_dutch_errors_next_to_the_fields_and_saves_nothing(pl, plan):
    url = _url("keuze-criterium-nieuw", plan)
    pagina = _html(pl.get(url))
    # the automatic sources with their unit and natural direction, without script
    assert "Vermeden CO2 tegenover de gasketel: eenheid ‘ton per jaar’, hoger is beter" in pagina
    leeg = pl.post(url, _criterium(naam=""))
    assert leeg.status_code == 400
    assert 'id="id_naam_error"' in _html(leeg) and "Geef het criterium een naam." in _html(leeg)
    negatief = pl.post(url, _criterium(gewicht="-3"))
    assert negatief.status_code == 400
    assert 'id="id_gewicht_error"' in _html(negatief)
    assert "Vul een gewicht in van 0 tot en met 1000" in _html(negatief)
    bron = pl.post(url, _criterium(bron="nergens"))
    assert bron.status_code == 400 and 'id="id_bron_error"' in _html(bron)
    assert not Criterium.objects.filter(wijkplan=plan).exists()

    goed = pl.post(url, _criterium())
    assert goed.status_code == 302
    criterium = Criterium.objects.get(wijkplan=plan)
    assert criterium.gewicht == 12.5 and criterium.eenheid == "score 1–5"
    dubbel = pl.post(url, _criterium(naam="overlast tijdens de aanleg"))
    assert dubbel.status_code == 400
    assert "Dit plan heeft al een criterium met deze naam." in _html(dubbel)
    assert Criterium.objects.filter(wijkplan=plan).count() == 1


def test_the_projectleider_changes_and_removes_a_criterion(pl, plan, projectleider):
    criteria = kader(plan, projectleider)
    url = _url("keuze-criterium-wijzigen", plan, criteria[2].pk)
    formulier = _html(pl.get(url))
    assert 'value="Haalbaarheid"' in formulier and 'value="30"' in formulier
    assert pl.post(url, _criterium(naam="Haalbaarheid", gewicht="")).status_code == 400
    assert Criterium.objects.get(pk=criteria[2].pk).gewicht == 30
    assert pl.post(url, _criterium(naam="Technische haalbaarheid")).status_code == 302
    assert Criterium.objects.get(pk=criteria[2].pk).naam == "Technische haalbaarheid"

    weg = _url("keuze-criterium-verwijderen", plan, criteria[2].pk)
    bevestiging = _html(pl.get(weg))
    assert "Weet u zeker" in bevestiging and "bewaren de analyse" in bevestiging
    assert Criterium.objects.filter(pk=criteria[2].pk).exists()  # a GET deletes nothing
    response = pl.post(weg, follow=True)
    assert "is verwijderd" in _html(response)
    assert not Criterium.objects.filter(pk=criteria[2].pk).exists()
    assert pl.post(weg).status_code == 404


def test_the_weights_form_saves_all_weights_or_none(pl, plan, projectleider):
    criteria = kader(plan, projectleider)
    url = _url("keuze-gewichten", plan)
    pagina = _html(pl.get(url))
    assert "hoeven samen geen 100 te zijn" in pagina and "tellen nu op tot 100" in pagina
    data = {f"gewicht_{c.pk}": "10" for c in criteria}
    fout = pl.post(url, {**data, f"gewicht_{criteria[1].pk}": "veel"})
    assert fout.status_code == 400
    assert f'id="id_gewicht_{criteria[1].pk}_error"' in _html(fout)
    assert f'id="id_gewicht_{criteria[0].pk}_error"' not in _html(fout)
    assert _gewichten(plan) == [40, 30, 30]
    assert pl.post(url, {**data, f"gewicht_{criteria[0].pk}": "2,5"}).status_code == 302
    assert _gewichten(plan) == [2.5, 10, 10]
    html = _html(pl.get(_url("keuze-overzicht", plan)))
    assert "De gewichten tellen op tot 22,5 in plaats van 100" in html


def test_expert_scores_need_an_explanation_and_stay_on_the_scale(pl, plan, projectleider):
    criteria = kader(plan, projectleider)
    haalbaarheid = criteria[2]
    alts = list(plan.alternatieven.order_by("pk"))
    url = _url("keuze-scores", plan, haalbaarheid.pk)
    pagina = _html(pl.get(url))
    assert "De schaal loopt van 1 tot en met 5" in pagina
    assert "Toelichting bij Warmtenet" in pagina  # the current explanation in the form
    data = {}
    for a in alts:
        data[f"score_{a.pk}"] = "3"
        data[f"toelichting_{a.pk}"] = "Bewezen techniek."
    fout = pl.post(url, {**data, f"toelichting_{alts[0].pk}": "", f"score_{alts[1].pk}": "7"})
    assert fout.status_code == 400
    html = _html(fout)
    assert f'id="id_toelichting_{alts[0].pk}_error"' in html
    assert "Leg uit waarom dit alternatief deze score krijgt." in html
    assert f'id="id_score_{alts[1].pk}_error"' in html
    assert "Vul een getal in van 1 tot en met 5." in html
    assert _scores(haalbaarheid) == [2, 4, 5]
    assert pl.post(url, {**data, f"score_{alts[2].pk}": "4,5"}).status_code == 302
    assert _scores(haalbaarheid) == [3, 3, 4.5]
    # an automatic criterion's figures are read-only, with their source
    automatisch = pl.get(_url("keuze-scores", plan, criteria[0].pk))
    assert automatisch.status_code == 200
    assert "komen automatisch uit" in _html(automatisch) and "400.000" in _html(automatisch)
    assert pl.post(_url("keuze-scores", plan, criteria[0].pk), data).status_code == 400


# --- The choice ---------------------------------------------------------------------------------


def test_recording_a_choice_superseding_it_and_reading_both(pl, plan, projectleider):
    kader(plan, projectleider)
    hybride = plan.alternatieven.get(naam="Hybride warmtepomp")
    url = _url("keuze-vastleggen", plan)
    formulier = _html(pl.get(url))
    assert "Hybride warmtepomp — plaats 1, totaalscore" in formulier
    assert "Er zijn geen steunscores" in formulier
    assert "Verplicht: de analyse heeft geen steunscores" in formulier

    zonder_reden = pl.post(url, _keuze_post(alternatief=hybride.pk))
    assert zonder_reden.status_code == 400
    assert 'id="id_reden_zonder_participatie_error"' in _html(zonder_reden)
    kort = pl.post(url, _keuze_post(alternatief=hybride.pk, motivatie="Goedkoop."))
    assert kort.status_code == 400 and 'id="id_motivatie_error"' in _html(kort)
    assert not Keuze.objects.exists()

    reden = "Er is geen raadpleging gehouden; de avonden zijn meegewogen."
    eerste_post = _keuze_post(alternatief=hybride.pk, reden_zonder_participatie=reden)
    response = pl.post(url, eerste_post, follow=True)
    assert "De keuze is vastgelegd" in _html(response)
    eerste = Keuze.objects.get()
    assert eerste.alternatief == hybride and eerste.reden_zonder_participatie == reden
    assert Besluit.objects.filter(wijkplan=plan, bron="keuze").count() == 1
    html = _html(response)
    assert "Laagste kosten voor Nederland" in html and "Stuurgroep" in html
    assert "SG-2026-14" in html

    # the same form sent again is refused, nothing is added
    dubbel = pl.post(url, eerste_post)
    assert dubbel.status_code == 400 and "Intussen is er een keuze vastgelegd" in _html(dubbel)
    assert Keuze.objects.count() == 1

    warmtepomp = plan.alternatieven.get(naam="Luchtwarmtepomp")
    assert f'name="vorige_keuze" value="{eerste.pk}"' in _html(pl.get(url))
    tweede_post = _keuze_post(
        alternatief=warmtepomp.pk, reden_zonder_participatie=reden, vorige_keuze=eerste.pk
    )
    assert pl.post(url, tweede_post).status_code == 302
    tweede = Keuze.objects.exclude(pk=eerste.pk).get()
    assert tweede.vervangt == eerste

    overzicht = _html(pl.get(_url("keuze-overzicht", plan)))
    assert "Eerdere keuzes (vervangen)" in overzicht
    assert _url("keuze-detail", plan, eerste.pk) in overzicht
    detail = _html(pl.get(_url("keuze-detail", plan, eerste.pk)))
    assert "Deze keuze is vervangen door de keuze voor Luchtwarmtepomp" in detail
    assert "De analyse op het moment van de keuze" in detail
    assert "Hybride warmtepomp" in detail and "Toelichting bij Warmtenet" in detail
    assert "wup-grafiek--stapel" in detail
    assert "<form" not in detail.split('id="inhoud"')[1]  # read-only: no form to change it
    assert "Dit is de huidige keuze" in _html(pl.get(_url("keuze-detail", plan, tweede.pk)))
    plan_pagina = _html(pl.get(reverse("wijkplan-detail", args=[plan.pk])))
    assert "Gekozen: Luchtwarmtepomp" in plan_pagina


def test_an_incompletely_assessed_alternative_cannot_be_chosen(pl, plan, projectleider):
    criteria = kader(plan, projectleider)
    hybride = plan.alternatieven.get(naam="Hybride warmtepomp")
    services.scores_opslaan(
        criterium=criteria[2], user=projectleider, scores={hybride.pk: ("", "")}
    )
    overzicht = _html(pl.get(_url("keuze-overzicht", plan)))
    assert "nog geen score" in overzicht
    assert "Hybride warmtepomp: nog geen score voor Haalbaarheid" in overzicht
    formulier = _html(pl.get(_url("keuze-vastleggen", plan)))
    assert "Hybride warmtepomp — plaats" not in formulier
    response = pl.post(
        _url("keuze-vastleggen", plan),
        _keuze_post(alternatief=hybride.pk, reden_zonder_participatie="Geen raadpleging."),
    )
    assert response.status_code == 400 and 'id="id_alternatief_error"' in _html(response)
    assert not Keuze.objects.exists()


def test_a_choice_is_recorded_only_in_the_choice_phase(pl, gemeente, projectleider):
    plan = keuzeplan(gemeente, projectleider)
    kader(plan, projectleider)
    Wijkplan.objects.filter(pk=plan.pk).update(fase="verkenning")
    formulier = _html(pl.get(_url("keuze-vastleggen", plan)))
    assert "Een keuze legt u vast in de fase ‘keuze’" in formulier
    response = pl.post(
        _url("keuze-vastleggen", plan),
        _keuze_post(alternatief=plan.alternatieven.first().pk, reden_zonder_participatie="Geen."),
    )
    assert response.status_code == 400
    assert not Keuze.objects.exists()


def test_a_frozen_plan_shows_why_and_refuses_every_write_with_409(pl, plan, projectleider):
    criteria = kader(plan, projectleider)
    Wijkplan.objects.filter(pk=plan.pk).update(fase="vastgesteld")
    reden = "De keuze kan niet meer veranderen."
    pagina = pl.get(_url("keuze-criterium-nieuw", plan))
    assert (
        pagina.status_code == 200
        and reden in _html(pagina)
        and "<form method" not in _html(pagina).split('id="inhoud"')[1]
    )
    for url, data in (
        (_url("keuze-criterium-nieuw", plan), _criterium()),
        (_url("keuze-criterium-wijzigen", plan, criteria[0].pk), _criterium()),
        (_url("keuze-criterium-verwijderen", plan, criteria[0].pk), {}),
        (_url("keuze-gewichten", plan), {f"gewicht_{c.pk}": "1" for c in criteria}),
        (_url("keuze-scores", plan, criteria[2].pk), {}),
        (_url("keuze-vastleggen", plan), _keuze_post()),
        (_url("keuze-standaardkader", plan), {}),
    ):
        response = pl.post(url, data)
        assert response.status_code == 409, url
        assert reden in _html(response), url
    assert Criterium.objects.filter(wijkplan=plan).count() == 3
    assert not Criterium.objects.filter(naam="Overlast tijdens de aanleg").exists()
    assert _gewichten(plan) == [40, 30, 30]
    assert not Keuze.objects.exists()
    overzicht = _html(pl.get(_url("keuze-overzicht", plan)))
    assert reden in overzicht and _url("keuze-criterium-nieuw", plan) not in overzicht
