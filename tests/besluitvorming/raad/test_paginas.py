"""The council's pages: submission, the griffier's inbox and decision, the public download."""

import datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from besluitvorming import services_raad
from besluitvorming.models import Raadsbesluit
from participatie.models import Publicatie
from tests.besluitvorming.conftest import pdf_tekst
from tests.besluitvorming.raad.conftest import klare_versie
from tests.factories import WijkplanFactory, inloggen, projectleider
from wup.constants import Fase

VANDAAG = datetime.date.today()


def _besluit_url(plan):
    return reverse("besluitvorming-raad-besluit", args=[plan.pk])


def _vastgesteld_post(plan, **extra):
    return {
        "uitkomst": "vastgesteld",
        "vastgesteld-verwachte_fase": plan.fase,
        "vastgesteld-besluitdatum": VANDAAG.isoformat(),
        "vastgesteld-besluitnummer": "2026-041",
        "vastgesteld-amendementen": "",
        "vastgesteld-versie": plan.aanbiedingen.get().documentversie_id,
        **extra,
    }


def test_the_submission_page_says_what_is_missing(client, uitvoeringsplan, projectleider):
    client.force_login(projectleider)
    url = reverse("besluitvorming-raad-aanbieden", args=[uitvoeringsplan.pk])
    html = unescape(client.get(url).content.decode())
    assert "Maak eerst een PDF van het plan" in html
    assert reverse("besluitvorming-versies", args=[uitvoeringsplan.pk]) in html
    response = client.post(url, {"verwachte_fase": Fase.UITVOERINGSPLAN})
    assert response.status_code == 409
    assert "Maak eerst een PDF" in unescape(response.content.decode())


def test_the_submission_page_shows_the_version_and_submits(
    client, uitvoeringsplan, projectleider, snel
):
    versie = klare_versie(uitvoeringsplan, projectleider)
    client.force_login(projectleider)
    url = reverse("besluitvorming-raad-aanbieden", args=[uitvoeringsplan.pk])
    html = client.get(url).content.decode()
    assert versie.sha256 in html and 'type="submit"' in html
    response = client.post(url, {"verwachte_fase": Fase.UITVOERINGSPLAN, "motivatie": ""})
    assert response.status_code == 302
    uitvoeringsplan.refresh_from_db()
    assert uitvoeringsplan.fase == Fase.TER_BESLUITVORMING


def test_others_cannot_submit(client, uitvoeringsplan, beheerder, projectleider, snel):
    klare_versie(uitvoeringsplan, projectleider)
    inloggen(client, beheerder)
    url = reverse("besluitvorming-raad-aanbieden", args=[uitvoeringsplan.pk])
    assert 'type="submit"' not in client.get(url).content.decode().split("<main")[-1]
    assert client.post(url, {"verwachte_fase": Fase.UITVOERINGSPLAN}).status_code == 403


def test_the_inbox_shows_submitted_plans_only_with_fixed_queries(
    client, gemeente, griffier, projectleider, snel
):
    def ingediend(n):
        plannen = []
        for _ in range(n):
            p = WijkplanFactory(
                gemeente=gemeente,
                projectleider=projectleider,
                uitvoeringsplan=True,
                beoogde_raadsdatum=datetime.date(2027, 2, 1),
            )
            klare_versie(p, projectleider)
            services_raad.aanbieden(plan=p, user=projectleider)
            plannen.append(p)
        return plannen

    concept = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, uitvoeringsplan=True)
    klare_versie(concept, projectleider)
    eerste = ingediend(1)
    client.force_login(griffier)
    url = reverse("besluitvorming-raad-inbox")
    client.get(url)  # the session and the permissions are cached from here on
    with CaptureQueriesContext(connection) as een:
        html = client.get(url).content.decode()
    assert eerste[0].naam in html and concept.naam not in html
    assert "Raadsvoorstellen" in html  # in the menu
    ingediend(3)
    with CaptureQueriesContext(connection) as vier:
        html = client.get(url).content.decode()
    assert html.count("Besluit vastleggen") == 4
    assert len(vier) == len(een)


def test_the_inbox_is_the_griffiers(client, projectleider, beheerder):
    for user in (projectleider, beheerder):
        inloggen(client, user)
        assert client.get(reverse("besluitvorming-raad-inbox")).status_code == 403
    client.logout()
    assert client.get(reverse("besluitvorming-raad-inbox")).status_code == 302


def test_only_the_griffier_records_the_decision_in_the_ui(
    client, bij_de_raad, projectleider, beheerder
):
    for user in (projectleider, beheerder):
        inloggen(client, user)
        html = client.get(_besluit_url(bij_de_raad)).content.decode()
        assert 'name="uitkomst"' not in html
        assert (
            client.post(_besluit_url(bij_de_raad), _vastgesteld_post(bij_de_raad)).status_code
            == 403
        )
    client.logout()
    response = client.post(_besluit_url(bij_de_raad), _vastgesteld_post(bij_de_raad))
    assert response.status_code == 302 and "/inloggen" in response["Location"]
    assert not Raadsbesluit.objects.exists()


def test_an_error_is_shown_next_to_the_field(client, bij_de_raad, griffier):
    client.force_login(griffier)
    response = client.post(
        _besluit_url(bij_de_raad),
        {
            "uitkomst": "teruggestuurd",
            "teruggestuurd-besluitdatum": VANDAAG.isoformat(),
            "teruggestuurd-redenen": "",
        },
    )
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert 'id="id_teruggestuurd-redenen_error"' in html
    assert "Schrijf op waarom de raad het plan terugstuurt." in html


def test_adopted_plan_is_public_with_the_final_pdf(
    client, bij_de_raad, griffier, projectleider, django_capture_on_commit_callbacks
):
    projectleider.first_name, projectleider.last_name = "Annemarie", "Indiener"
    projectleider.save()
    griffier.first_name, griffier.last_name = "Gert", "Griffioen"
    griffier.save()
    Publicatie.objects.create(wijkplan=bij_de_raad, gepubliceerd=True)
    pdf_url = reverse("besluitvorming-raad-publiek-pdf", args=[bij_de_raad.slug])
    assert client.get(pdf_url).status_code == 404  # not adopted yet

    client.force_login(griffier)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_besluit_url(bij_de_raad), _vastgesteld_post(bij_de_raad))
    assert response.status_code == 302
    bij_de_raad.refresh_from_db()
    assert bij_de_raad.fase == Fase.VASTGESTELD

    client.logout()
    html = unescape(
        client.get(reverse("participatie-publiek", args=[bij_de_raad.slug])).content.decode()
    )
    datum = VANDAAG.strftime("%-d")
    assert "Vastgesteld door de gemeenteraad op" in html and "(besluitnummer 2026-041)" in html
    assert datum in html and pdf_url in html
    for naam in ("Annemarie", "Indiener", "Gert", "Griffioen"):
        assert naam not in html
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"CONCEPT" not in b"".join(response.streaming_content)


def test_the_public_download_is_404_for_drafts_and_unknown_plans(client, plan, projectleider, snel):
    klare_versie(plan, projectleider)
    assert (
        client.get(reverse("besluitvorming-raad-publiek-pdf", args=[plan.slug])).status_code == 404
    )
    assert (
        client.get(reverse("besluitvorming-raad-publiek-pdf", args=["bestaat-niet"])).status_code
        == 404
    )


def test_an_adopted_plan_without_its_final_pdf_has_no_download(
    client, gemeente, projectleider, snel
):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, vastgesteld=True)
    klare_versie(plan, projectleider)  # made while adopted, but not through the council flow
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert 'id="raad-titel"' not in html


def bij_de_raad_projectleider(plan):
    from besluitvorming.selectors_raad import projectleider_van

    return projectleider_van(plan)


@pytest.mark.services
def test_the_real_final_pdf_has_no_concept_text(bij_de_raad, griffier, monkeypatch):
    """With the real renderer: the submitted version says CONCEPT, the adopted one not."""
    from besluitvorming import pdf, selectors_raad, services

    monkeypatch.setattr(services, "pdf_renderen", pdf.pdf_renderen)
    concept = klare_versie(bij_de_raad, bij_de_raad_projectleider(bij_de_raad))
    assert "CONCEPT" in pdf_tekst(concept.bestand.open("rb").read())
    services_raad.raadsbesluit_vastleggen(
        plan=bij_de_raad,
        user=griffier,
        uitkomst="vastgesteld",
        besluitdatum=VANDAAG,
        versie_id=concept.pk,
    )
    v = selectors_raad.definitieve_versie(bij_de_raad)
    if v is None:  # queued: make it as the worker would
        v = services.documentversie_maken(
            versie_id=selectors_raad.lopende_definitieve_versie(bij_de_raad).pk
        )
    assert v.definitief and "CONCEPT" not in pdf_tekst(v.bestand.open("rb").read())


def test_another_griffier_does_not_see_the_plan(client, bij_de_raad):
    from tests.factories import GemeenteFactory, griffier

    ander = griffier(GemeenteFactory(code="GM0200", naam="Apeldoorn"), username="apd")
    client.force_login(ander)
    assert client.get(_besluit_url(bij_de_raad)).status_code == 403
    assert bij_de_raad.naam not in client.get(reverse("besluitvorming-raad-inbox")).content.decode()


def test_a_never_submitted_plan_is_not_visible_to_the_griffier(client, gemeente, griffier):
    plan = WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider(gemeente, username="x"), uitvoeringsplan=True
    )
    client.force_login(griffier)
    assert client.get(_besluit_url(plan)).status_code == 403
    assert client.get(reverse("besluitvorming-raad-aanbieden", args=[plan.pk])).status_code == 403
