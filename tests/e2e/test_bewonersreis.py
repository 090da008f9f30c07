"""The resident's journey of step 3, on a phone: open the public page, sign up for the
residents' evening, answer the consultation with the code from the letter, and after it closes
see the published result; the projectleider then finds that result weighed in the choice."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from participatie.models import Aanmelding, Raadpleging, Respons
from participatie.registratie_publiek import demo_pagina
from participatie.services import raadplegingen
from tests.e2e.navigatie import klik_en_laad
from tests.e2e.test_participatie_toegankelijkheid import _invullen_met_toetsen
from tests.e2e.wereld import _antwoorden
from tests.participatie.raadpleging_opbouw import UUR, open_raadpleging, plan_met_alternatieven

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TELEFOON = {"width": 390, "height": 844}


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(
        locale="nl-NL", viewport=TELEFOON, is_mobile=True, has_touch=True, device_scale_factor=3
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _past_op_het_scherm(page) -> bool:
    """Nothing sticks out sideways: the phone never has to scroll horizontally."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_resident_takes_part_from_a_phone_and_the_result_feeds_the_choice(
    live_server, telefoon, page, client, gemeente, projectleider
):
    plan = plan_met_alternatieven(gemeente, projectleider)
    demo_pagina(io.StringIO(), plan, projectleider)
    raadpleging = open_raadpleging(plan, projectleider, codes_per_buurt=6)
    codes = list(raadpleging.codes.order_by("pk"))
    # eleven neighbours answered already; the resident has the twelfth letter
    for i, code in enumerate(codes[:-1]):
        raadplegingen.respons_opslaan(
            raadpleging=raadpleging,
            antwoorden=_antwoorden(raadpleging, i),
            groep="eigenaar_bewoner",
            responscode=code,
        )
    p = telefoon

    p.goto(live_server.url + reverse("participatie-publiek", args=[plan.slug]))
    assert p.get_by_role("heading", level=1).count() == 1
    assert _past_op_het_scherm(p)

    # the residents' evening
    klik_en_laad(p, p.get_by_role("link", name="Aanmelden voor").first, tik=True)
    p.get_by_label("Uw naam").fill("Fatima de Vries")
    p.get_by_label("Uw e-mailadres").fill("fatima@example.org")
    klik_en_laad(p, p.get_by_role("button", name="Aanmelden"), tik=True)
    p.wait_for_url("**/aangemeld**")
    assert _past_op_het_scherm(p)
    assert Aanmelding.objects.filter(email="fatima@example.org").count() == 1
    (bevestiging,) = mail.outbox
    assert "afmelden" in bevestiging.body.lower()

    # the consultation, with the code from the letter
    p.goto(live_server.url + reverse("participatie-publiek", args=[plan.slug]))
    klik_en_laad(p, p.get_by_role("link", name=raadpleging.titel), tik=True)
    p.get_by_label("Uw code uit de brief").fill(codes[-1].code)
    klik_en_laad(p, p.get_by_role("button", name="Naar de vragen"), tik=True)
    p.wait_for_url("**/vragen")
    assert _past_op_het_scherm(p)
    _invullen_met_toetsen(p)
    p.wait_for_url("**/bedankt")
    assert Respons.objects.filter(responscode=codes[-1]).count() == 1

    # the consultation closes; the result is on the public page
    Raadpleging.objects.filter(pk=raadpleging.pk).update(
        opent_op=timezone.now() - 48 * UUR, sluit_op=timezone.now() - UUR
    )
    p.goto(live_server.url + reverse("participatie-publiek", args=[plan.slug]))
    uitslag = p.get_by_role("region", name="Wat bewoners vonden")
    assert uitslag.get_by_role("heading", name=raadpleging.titel).count() == 1
    assert uitslag.locator("svg[role=img]").count() >= 1
    assert uitslag.locator("table").count() >= 1
    assert _past_op_het_scherm(p)

    # the projectleider weighs the alternatives with the residents' support from that result
    client.force_login(projectleider)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + reverse("keuze-overzicht", args=[plan.pk]))
    klik_en_laad(page, page.get_by_role("button", name="Begin met het standaardkader"))
    steun = page.get_by_role("row", name="Steun van bewoners")
    assert steun.get_by_role("link", name=raadpleging.titel).count() >= 1
