"""A person asks what we hold about them, or to erase it; the beheerder handles it, logged."""

import hashlib
import json
import logging

import pytest
from django.urls import reverse

from participatie.models import Aanmelding, EmailDeelname, Inbreng, Respons, Verwerking
from participatie.services import publiek
from tests.factories import WijkplanFactory, inloggen
from tests.participatie.privacy_opbouw import EMAIL, plan_met_persoonsgegevens

pytestmark = pytest.mark.django_db

KENMERK = hashlib.sha256(EMAIL.encode()).hexdigest()


@pytest.fixture
def opzet(gemeente, projectleider):
    return plan_met_persoonsgegevens(gemeente, projectleider)


@pytest.fixture
def beheer(client, beheerder):
    inloggen(client, beheerder)
    return client


def test_only_the_beheerder_handles_requests(client, opzet, projectleider):
    for naam in ("participatie-privacy", "participatie-privacy-logboek"):
        assert client.get(reverse(naam))["Location"].startswith("/inloggen")
    client.force_login(projectleider)
    assert client.get(reverse("participatie-privacy")).status_code == 403
    assert client.get(reverse("participatie-privacy-logboek")).status_code == 403
    for naam in ("participatie-privacy", "participatie-privacy-export"):
        assert client.post(reverse(naam), {"email": EMAIL}).status_code == 403
    wissen = {"email": EMAIL, "bevestigd": "on"}
    assert client.post(reverse("participatie-privacy-wissen"), wissen).status_code == 403
    assert Aanmelding.objects.get().email == EMAIL
    assert not Verwerking.objects.exists()


def test_the_search_shows_what_we_hold_about_an_address_in_every_plan(
    beheer, opzet, gemeente, projectleider
):
    ander_plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    publiek.inbreng_indienen(wijkplan=ander_plan, soort="reactie", tekst_="Ook hier", email=EMAIL)
    pagina = beheer.get(reverse("participatie-privacy"))
    assert pagina.status_code == 200 and "Zoeken" in pagina.content.decode()

    # typed with capitals and spaces, as people do
    response = beheer.post(reverse("participatie-privacy"), {"email": f"  {EMAIL.upper()} "})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bewonersavond" in html and "Wanneer begint het?" in html and "Ook hier" in html
    assert opzet.per_email.titel in html and "Ingevuld, laatst op" in html
    assert opzet.plan.naam in html and ander_plan.naam in html
    assert "Gegevens downloaden" in html and "Gegevens wissen" in html
    # the address is never put in a URL (where access logs would keep it)
    assert "?email=" not in html


def test_an_unknown_address_or_a_typo_says_so(beheer, opzet):
    response = beheer.post(reverse("participatie-privacy"), {"email": "iemand@anders.nl"})
    assert "We bewaren niets over dit e-mailadres" in response.content.decode()
    response = beheer.post(reverse("participatie-privacy"), {"email": "geen-adres"})
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in" in response.content.decode()


def test_the_export_holds_the_persons_data_and_own_answers_and_is_logged(beheer, opzet, caplog):
    with caplog.at_level(logging.DEBUG):
        response = beheer.post(reverse("participatie-privacy-export"), {"email": EMAIL.upper()})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["emailadres"] == EMAIL
    [aanmelding] = data["aanmeldingen"]
    assert aanmelding["naam"] == "Jan de Vries" and aanmelding["aantal_personen"] == 2
    assert data["vragen_en_reacties"][0]["tekst"] == "Wanneer begint het?"
    [deelname] = data["raadplegingen"]
    antwoorden = {a["vraag"]: a["antwoord"] for a in deelname["reactie"]["antwoorden"]}
    assert antwoorden["Vraag likert"] == "Eens"  # the label the resident chose, not "4"
    assert antwoorden["Vraag open"] == "Graag op tijd bericht."
    assert deelname["reactie"]["woonsituatie"] == "Ik huur van een woningcorporatie"

    verwerking = Verwerking.objects.get()
    assert verwerking.soort == Verwerking.Soort.INZAGE and verwerking.kenmerk == KENMERK
    assert verwerking.aantal == 3 and verwerking.door.username == "beheerder"
    assert EMAIL not in verwerking.omschrijving
    assert EMAIL not in caplog.text.lower()


def test_erasing_needs_the_confirmation(beheer, opzet):
    response = beheer.post(reverse("participatie-privacy-wissen"), {"email": EMAIL})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Vink aan dat u de gegevens van deze persoon wilt wissen." in html
    assert 'aria-describedby="id_bevestigd_helptext id_bevestigd_error"' in html
    assert Aanmelding.objects.get().naam == "Jan de Vries"
    assert not Verwerking.objects.exists()


def test_erasing_removes_name_and_address_and_keeps_answers_and_public_questions(
    beheer, opzet, projectleider, caplog
):
    vraag = Inbreng.objects.get()
    publiek.inbreng_modereren(
        inbreng=vraag, user=projectleider, actie="publiceren", antwoord="In het voorjaar."
    )
    andere = publiek.inbreng_indienen(
        wijkplan=opzet.plan, soort="reactie", tekst_="Goed plan", naam="Els", email="els@x.nl"
    )
    antwoorden = Respons.objects.get(raadpleging=opzet.per_email).antwoorden.count()

    with caplog.at_level(logging.DEBUG):
        response = beheer.post(
            reverse("participatie-privacy-wissen"), {"email": EMAIL, "bevestigd": "on"}
        )

    assert response.status_code == 302 and response["Location"] == reverse("participatie-privacy")
    melding = beheer.get(response["Location"]).content.decode()
    assert "De gegevens zijn gewist (3 gegevens)" in melding
    aanmelding = Aanmelding.objects.get()
    assert (aanmelding.naam, aanmelding.email) == ("", "")
    vraag.refresh_from_db()
    assert (vraag.naam, vraag.email) == ("", "")
    assert vraag.status == Inbreng.Status.GEPUBLICEERD and vraag.antwoord == "In het voorjaar."
    deelname = EmailDeelname.objects.get()
    assert deelname.email == "" and deelname.geanonimiseerd_op is not None
    respons = Respons.objects.get(raadpleging=opzet.per_email)
    assert respons.email_deelname is None and respons.antwoorden.count() == antwoorden
    # someone else's question and the household that used its code are left alone
    andere.refresh_from_db()
    assert andere.email == "els@x.nl"
    assert Respons.objects.get(raadpleging=opzet.met_code).responscode == opzet.code

    verwerking = Verwerking.objects.get()
    assert verwerking.soort == Verwerking.Soort.WISSEN
    assert verwerking.kenmerk == KENMERK and verwerking.aantal == 3
    assert EMAIL not in caplog.text.lower()
    # nothing is left to find
    html = beheer.post(reverse("participatie-privacy"), {"email": EMAIL}).content.decode()
    assert "We bewaren niets over dit e-mailadres" in html


def test_the_log_shows_every_processing_without_the_address(beheer, opzet):
    beheer.post(reverse("participatie-privacy-export"), {"email": EMAIL})
    beheer.post(reverse("participatie-privacy-wissen"), {"email": EMAIL, "bevestigd": "on"})

    html = beheer.get(reverse("participatie-privacy-logboek")).content.decode()

    assert "Gegevens van een persoon uitgegeven" in html
    assert "Gegevens van een persoon gewist" in html
    assert KENMERK in html and EMAIL not in html


def test_the_beheerder_finds_the_page_in_the_menu(client, beheerder, projectleider):
    inloggen(client, beheerder)
    assert reverse("participatie-privacy") in client.get(reverse("dashboard")).content.decode()
    client.force_login(projectleider)
    assert reverse("participatie-privacy") not in client.get(reverse("dashboard")).content.decode()
