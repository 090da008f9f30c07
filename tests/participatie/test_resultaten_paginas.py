"""The results pages: figures per buurt, group and question, charts with tables, support
scores, downloads without free text, the public result only when closed and published, and the
projectleider's deviation page."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from django.urls import reverse

from participatie.models import Afwijking, Publicatie
from participatie.selectors import resultaten as selectors
from tests import factories
from tests.participatie import resultaten_hulp as hulp

pytestmark = pytest.mark.django_db

GEHEIM = "Mijn adres is Geheimstraat 12"


def _uitslag(plan, *, open_tekst=True):
    r, v = hulp.met_uitslag(
        plan,
        voorkeuren=["warmtenet"] * 7 + ["warmtepomp"] * 3 + [""] * 2,
        codes_per_buurt=24,
    )
    likert = hulp.vraag(r, "likert", tekst="Ik wil graag meedoen")
    open_vraag = hulp.vraag(r, "open", tekst="Wat wilt u nog kwijt?")
    eerste = r.responsen.order_by("pk").first()
    hulp.respons(r, {likert: None, open_vraag: GEHEIM if open_tekst else ""}, groep="onbekend")
    from participatie.models import Antwoord

    Antwoord.objects.create(respons=eerste, vraag=likert, waarde=5)
    return r, v


def test_the_results_page_shows_response_distributions_and_support(client, plan, projectleider):
    r, _v = _uitslag(plan)
    client.force_login(projectleider)
    pagina = client.get(
        reverse("participatie-raadpleging-resultaten", args=[plan.pk, r.pk])
    ).content.decode()
    assert "13 huishoudens hebben gereageerd, van de 24 adressen" in pagina
    assert "<svg" in pagina and "Cijfers bij de grafiek" in pagina
    assert "Voorkeur per woonsituatie" in pagina
    assert "Steunscore per alternatief" in pagina
    assert "1 huishouden koos ‘weet ik niet’" in pagina
    # the projectleider may read the open answers, marked as such
    assert GEHEIM in pagina and "alleen voor de projectleider" in pagina
    assert "Dorpsstraat" not in pagina  # the addresses of the codes never show


def test_other_viewers_see_the_figures_but_not_the_open_answers(client, plan):
    r, _v = _uitslag(plan)
    client.force_login(hulp.meelezer(plan))
    response = client.get(reverse("participatie-raadpleging-resultaten", args=[plan.pk, r.pk]))
    assert response.status_code == 200
    assert GEHEIM not in response.content.decode()


def test_a_consultation_of_another_plan_is_not_found(client, plan, projectleider, gemeente):
    ander = factories.WijkplanFactory(gemeente=gemeente)
    r, _v = _uitslag(ander)
    client.force_login(projectleider)
    url = reverse("participatie-raadpleging-resultaten", args=[plan.pk, r.pk])
    assert client.get(url).status_code == 404


def test_downloads_hold_the_figures_and_no_free_text(client, plan, projectleider):
    r, _v = _uitslag(plan)
    client.force_login(projectleider)
    url = reverse("participatie-raadpleging-resultaten-export", args=[plan.pk, r.pk])
    csv = client.get(url, {"formaat": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    tekst = csv.content.decode("utf-8-sig")
    assert "Warmtenet" in tekst and GEHEIM not in tekst and "Dorpsstraat" not in tekst
    xlsx = client.get(url, {"formaat": "xlsx"})
    bladen = pd.read_excel(io.BytesIO(xlsx.content), sheet_name=None)
    assert "Antwoorden" in bladen
    assert not any(GEHEIM in str(v) for blad in bladen.values() for v in blad.values.ravel())
    assert client.get(url, {"formaat": "pdf"}).status_code == 400


def test_the_public_result_only_for_a_closed_consultation_of_a_published_page(client, plan):
    r, _v = _uitslag(plan)
    open_r, _ = hulp.met_uitslag(plan, voorkeuren=["warmtenet"], gesloten=False)
    url = reverse("participatie-publiek-resultaten", args=[plan.slug, r.pk])
    assert client.get(url).status_code == 404  # page not online yet
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    pagina = client.get(url).content.decode()
    assert "13 huishoudens hebben gereageerd" in pagina
    assert GEHEIM not in pagina and "Dorpsstraat" not in pagina
    url_open = reverse("participatie-publiek-resultaten", args=[plan.slug, open_r.pk])
    assert client.get(url_open).status_code == 404


def test_the_support_scores_for_step_4(plan):
    r, _v = _uitslag(plan)
    scores = selectors.steunscores(plan)
    assert scores[101].score == round(100 * 7 / 13, 1)
    assert scores[102].score == round(100 * 3 / 13, 1)
    assert scores[101].aantal_responsen == 13 and scores[101].raadpleging_id == r.pk
    assert scores[101].gesloten_op == r.sluit_op


def test_support_scores_come_from_the_newest_closed_consultation(
    plan, django_assert_max_num_queries
):
    hulp.met_uitslag(plan, voorkeuren=["warmtenet"] * 10)
    nieuw, _ = hulp.met_uitslag(plan, voorkeuren=["warmtepomp"] * 4, titel="Tweede ronde")
    hulp.met_uitslag(plan, voorkeuren=["warmtenet"] * 20, gesloten=False)
    with django_assert_max_num_queries(6):
        scores = selectors.steunscores(plan)
    assert scores[102].raadpleging_id == nieuw.pk
    assert scores[102].score is None  # four responses: too few to read as support
    assert selectors.steunscores(factories.WijkplanFactory()) == {}


def test_the_projectleider_records_and_withdraws_a_deviation(client, plan, projectleider):
    client.force_login(projectleider)
    url = reverse("participatie-afwijking", args=[plan.pk])
    fout = client.post(url, {"motivatie": "te kort"})
    assert fout.status_code == 400
    assert "minstens 20 tekens" in fout.content.decode()
    assert 'aria-describedby="' in fout.content.decode()
    goed = client.post(url, {"motivatie": "Bewoners zijn op twee avonden geraadpleegd."})
    assert goed.status_code == 302
    assert client.post(url, {"intrekken": "1"}).status_code == 302
    pagina = client.get(url).content.decode()
    assert "Ingetrokken" in pagina and "Vastgelegd" in pagina
    assert Afwijking.objects.filter(wijkplan=plan).count() == 2


def test_others_may_read_the_deviation_but_not_record_it(client, plan):
    client.force_login(hulp.meelezer(plan))
    url = reverse("participatie-afwijking", args=[plan.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"motivatie": "x" * 30}).status_code == 403


def test_a_frozen_plan_refuses_a_deviation_with_409(client, gemeente, projectleider):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, vastgesteld=True
    )
    client.force_login(projectleider)
    url = reverse("participatie-afwijking", args=[plan.pk])
    assert "kan niet meer veranderen" in client.get(url).content.decode()
    assert client.post(url, {"motivatie": "x" * 30}).status_code == 409
    assert not Afwijking.objects.exists()


def test_the_public_page_shows_the_latest_closed_result(client, plan):
    oud, _v = hulp.met_uitslag(plan, voorkeuren=["warmtenet"], titel="Eerste ronde")
    _uitslag(plan)
    hulp.met_uitslag(plan, voorkeuren=["warmtenet"], gesloten=False, titel="Loopt nog")
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    pagina = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "Wat bewoners vonden" in pagina
    assert "13 huishoudens hebben gereageerd" in pagina
    assert reverse("participatie-publiek-resultaten", args=[plan.slug, oud.pk]) in pagina
    assert GEHEIM not in pagina and "Dorpsstraat" not in pagina


def test_the_plan_page_and_overview_show_support_and_link_to_the_deviation(
    client, plan, projectleider
):
    _uitslag(plan)
    client.force_login(projectleider)
    detail = client.get(reverse("wijkplan-detail", args=[plan.pk])).content.decode()
    assert "Steun voor de alternatieven (raadpleging" in detail
    overzicht = client.get(reverse("participatie-overzicht", args=[plan.pk])).content.decode()
    assert reverse("participatie-afwijking", args=[plan.pk]) in overzicht
