"""Pages the full journey does not pass meet WCAG 2.1 A and AA (axe-core in Chromium): the
accessibility statement, the 404 page, the login with a wrong password, the notifications and a
plan's edit form with its errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.e2e.navigatie import klik_en_laad

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_statement_404_and_login_errors_have_no_wcag_violations(
    live_server, page, toegankelijkheid, projectleider
):
    a11y = toegankelijkheid
    page.goto(live_server.url + reverse("toegankelijkheid"))
    assert page.get_by_role("heading", level=1).inner_text() == "Toegankelijkheidsverklaring"
    a11y.controleer("toegankelijkheidsverklaring")

    antwoord = page.goto(live_server.url + "/bestaat-niet")
    assert antwoord.status == 404
    a11y.controleer("pagina niet gevonden")

    page.goto(live_server.url + reverse("login"))
    # the footer leads to the statement
    klik_en_laad(page, page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheid"))
    page.wait_for_url("**/toegankelijkheid")
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(projectleider.username)
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    klik_en_laad(page, page.get_by_role("button", name="Inloggen"))
    assert page.get_by_role("alert").count() >= 1
    a11y.controleer("inloggen, verkeerd wachtwoord")

    a11y.geen_schendingen()


def test_internal_pages_outside_the_journey_have_no_wcag_violations(
    live_server, page, toegankelijkheid, client, plan, projectleider
):
    client.force_login(projectleider)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    a11y = toegankelijkheid
    page.goto(live_server.url + reverse("meldingen"))
    a11y.controleer("meldingen")
    page.goto(live_server.url + reverse("toegankelijkheid"))
    a11y.controleer("toegankelijkheidsverklaring, ingelogd")

    page.goto(live_server.url + reverse("wijkplan-bewerken", args=[plan.pk]))
    a11y.controleer("gegevens bewerken")
    page.get_by_label("Naam van het plan").fill("")
    klik_en_laad(page, page.get_by_role("button", name="Opslaan"))
    assert page.get_by_text("Geef het plan een naam.").count() >= 1
    a11y.controleer("gegevens bewerken, met fouten")

    a11y.geen_schendingen()
