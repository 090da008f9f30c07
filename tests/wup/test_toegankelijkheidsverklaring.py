"""The accessibility statement: public, after the Dutch model statement, configured per
municipality; linked from the footer of the internal and the residents' pages."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.wup.test_settings import _run

pytestmark = pytest.mark.django_db


def test_the_statement_is_public_and_follows_the_model_statement(client, settings):
    settings.WUP_ORGANISATIE = "Gemeente Ermelo"
    settings.WUP_TOEGANKELIJKHEID_STATUS = "B"
    settings.WUP_TOEGANKELIJKHEID_DATUM = datetime.date(2026, 11, 30)
    settings.WUP_TOEGANKELIJKHEID_URL = "https://www.toegankelijkheidsverklaring.nl/register/42"
    settings.WUP_TOEGANKELIJKHEID_EMAIL = "toegankelijk@ermelo.example"

    response = client.get(reverse("toegankelijkheid"))

    assert response.status_code == 200
    html = response.content.decode()
    for tekst in (
        "Gemeente Ermelo",
        "WCAG 2.1",
        "EN 301 549",
        "Besluit digitale toegankelijkheid overheid",
        "B: voldoet gedeeltelijk",
        'datetime="2026-11-30"',
        'href="https://www.toegankelijkheidsverklaring.nl/register/42"',
        'href="mailto:toegankelijk@ermelo.example"',
        "axe-core",
        "veraPDF",
        "Nationale ombudsman",
    ):
        assert tekst in html, tekst


def test_without_a_registration_the_statement_says_so(client, settings):
    settings.WUP_TOEGANKELIJKHEID_STATUS = "C"
    settings.WUP_TOEGANKELIJKHEID_DATUM = None
    settings.WUP_TOEGANKELIJKHEID_URL = ""
    settings.WUP_TOEGANKELIJKHEID_EMAIL = ""

    html = client.get(reverse("toegankelijkheid")).content.decode()

    assert "C: eerste maatregelen genomen" in html
    assert "nog niet in het register" in html
    assert "nog niet vastgesteld" in html
    assert "mailto:" not in html
    assert "volledig onderzoek door een deskundige is nodig" in html


def test_the_footer_of_the_login_page_links_to_the_statement(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("toegankelijkheid")}"' in html


@pytest.mark.parametrize(
    ("naam", "waarde"),
    [("WUP_TOEGANKELIJKHEID_STATUS", "F"), ("WUP_TOEGANKELIJKHEID_DATUM", "30-11-2026")],
)
def test_a_wrong_status_or_date_stops_the_start(naam, waarde):
    result = _run(["-c", "import django; django.setup()"], WUP_ENV="test", **{naam: waarde})
    assert result.returncode != 0
    assert naam in result.stderr
