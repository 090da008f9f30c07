"""The residents' pages of step 3 meet WCAG 2.1 A and AA (axe-core in Chromium), also when a
form shows its errors, and a household can answer a consultation with the keyboard alone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from participatie.models import Respons
from tests.e2e.navigatie import klik_en_laad, toets_en_laad
from tests.e2e.toegankelijkheid import axe
from tests.e2e.wereld import wereld
from tests.factories import inloggen
from tests.participatie.privacy_opbouw import EMAIL, plan_met_persoonsgegevens

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _url(live_server, naam: str, *args) -> str:
    return live_server.url + reverse(naam, args=args)


def test_the_residents_pages_have_no_wcag_violations(
    live_server, page, toegankelijkheid, gemeente, projectleider
):
    w = wereld(gemeente, projectleider)
    slug = w.plan.slug
    a11y = toegankelijkheid

    page.goto(_url(live_server, "participatie-publiek", slug))
    assert page.get_by_role("heading", level=1).count() == 1
    a11y.controleer("publieke pagina")
    page.goto(_url(live_server, "participatie-publiek-privacy", slug))
    a11y.controleer("privacyverklaring")

    page.goto(_url(live_server, "participatie-bijeenkomst-aanmelden", slug, w.bijeenkomst.pk))
    a11y.controleer("aanmelden voor een bijeenkomst")
    klik_en_laad(page, page.get_by_role("button", name="Aanmelden"))
    assert page.get_by_text("Vul uw naam in.").count()
    a11y.controleer("aanmelden, met fouten")

    page.goto(_url(live_server, "participatie-inbreng", slug))
    a11y.controleer("vraag of reactie sturen")
    klik_en_laad(page, page.get_by_role("button", name="Versturen"))
    assert page.get_by_text("Schrijf uw vraag of reactie.").count()
    a11y.controleer("vraag of reactie, met fouten")

    page.goto(_url(live_server, "participatie-raadplegen", slug, w.open.pk))
    a11y.controleer("raadpleging: code invoeren")
    page.get_by_label("Uw code uit de brief").fill("ZZZZ-ZZZZ")
    klik_en_laad(page, page.get_by_role("button", name="Naar de vragen"))
    a11y.controleer("raadpleging: onbekende code")
    page.get_by_label("Uw code uit de brief").fill(w.codes[0].code)
    klik_en_laad(page, page.get_by_role("button", name="Naar de vragen"))
    page.wait_for_url("**/vragen")
    a11y.controleer("raadpleging: de vragen")
    klik_en_laad(page, page.get_by_role("button", name="Versturen"))
    assert page.get_by_role("heading", name="Controleer uw antwoorden").count()
    a11y.controleer("raadpleging: de vragen, met fouten")

    page.goto(_url(live_server, "participatie-publiek-resultaten", slug, w.gesloten.pk))
    a11y.controleer("uitslag van een raadpleging")

    assert len(a11y.bezocht) == 11
    a11y.geen_schendingen()


def _invullen_met_toetsen(page) -> None:
    """Walk the form with Tab and answer every question as it comes: Space on the first radio
    or checkbox of a group, arrow keys in a select, typing in a text field; Enter on the
    button. No mouse."""
    gezien: set[str] = set()
    rangen: dict[str, int] = {}
    for _stap in range(80):
        page.keyboard.press("Tab")
        veld = page.evaluate(
            """() => { const e = document.activeElement;
                return {tag: e.tagName, type: e.type || '', naam: e.name || '',
                        tekst: (e.textContent || '').trim()}; }"""
        )
        naam = veld["naam"]
        if veld["tag"] == "BUTTON" and veld["tekst"] == "Versturen":
            toets_en_laad(page)
            return
        if veld["type"] in ("radio", "checkbox") and naam not in gezien:
            gezien.add(naam)
            if veld["type"] == "radio":
                # Tab lands on a group's first radio; the arrow key picks the next option.
                page.keyboard.press("ArrowDown")
            else:
                page.keyboard.press("Space")
        elif veld["tag"] == "SELECT":
            # A ranking: the n-th alternative gets place n (each place once).
            groep = naam.rsplit("-", 1)[0]
            rangen[groep] = rangen.get(groep, 0) + 1
            for _ in range(rangen[groep]):
                page.keyboard.press("ArrowDown")
        elif veld["tag"] == "TEXTAREA":
            page.keyboard.type("Graag overleg met de buurt.")
    raise AssertionError("Met Tab is de knop Versturen niet te bereiken.")


def test_a_household_answers_the_consultation_with_the_keyboard_only(
    live_server, page, gemeente, projectleider
):
    w = wereld(gemeente, projectleider)
    page.goto(_url(live_server, "participatie-raadplegen", w.plan.slug, w.open.pk))

    # from the top of the page: Tab to the code field, type the code, Enter
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "code":
            break
    else:
        raise AssertionError("Met Tab is het veld voor de code niet te bereiken.")
    page.keyboard.type(w.codes[1].code)
    toets_en_laad(page)
    page.wait_for_url("**/vragen")

    _invullen_met_toetsen(page)

    page.wait_for_url("**/bedankt")
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor uw reactie"
    respons = Respons.objects.get(responscode=w.codes[1])
    soorten = {a.vraag.soort for a in respons.antwoorden.select_related("vraag")}
    assert soorten == {"voorkeur", "rangorde", "likert", "meerkeuze", "open"}
    # the arrow key chose the second option of each group of radios
    assert respons.groep == Respons.Groep.HUURDER_CORPORATIE


def test_the_beheerders_privacy_pages_have_no_wcag_violations(
    live_server, page, toegankelijkheid, client, beheerder, gemeente, projectleider
):
    plan_met_persoonsgegevens(gemeente, projectleider)
    inloggen(client, beheerder)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    a11y = toegankelijkheid

    page.goto(_url(live_server, "participatie-privacy"))
    a11y.controleer("privacyverzoeken")
    page.get_by_label("E-mailadres van de persoon").fill(EMAIL)
    klik_en_laad(page, page.get_by_role("button", name="Zoeken"))
    assert page.get_by_text("Wanneer begint het?").count()
    a11y.controleer("privacyverzoeken: wat we bewaren")
    klik_en_laad(page, page.get_by_role("button", name="Gegevens wissen"))
    assert page.get_by_text("Vink aan dat u de gegevens").count()
    a11y.controleer("privacyverzoeken: wissen zonder bevestiging")
    page.goto(_url(live_server, "participatie-privacy-logboek"))
    a11y.controleer("logboek")

    a11y.geen_schendingen()


def test_the_check_itself_finds_violations(page):
    """Guards the tests above: a page with an unlabelled field and an image without text
    alternative does not pass."""
    page.set_content(
        "<html lang='nl'><head><title>Proef</title></head><body><main>"
        "<img src='foto.png'><input type='text'></main></body></html>"
    )
    assert {"image-alt", "label"} <= {v["id"] for v in axe(page)}
