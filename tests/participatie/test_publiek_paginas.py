import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participatie.models import (
    Aanmelding,
    Bijeenkomst,
    Inbreng,
    Nieuwsbericht,
    Publicatie,
    VeelgesteldeVraag,
)
from tests.factories import WijkplanFactory, inloggen
from tests.factories import projectleider as maak_projectleider

pytestmark = pytest.mark.django_db


def _publiceer(plan, **velden):
    return Publicatie.objects.create(
        wijkplan=plan, gepubliceerd=True, waarom="Van het gas af.", **velden
    )


def _bijeenkomst(plan, **velden):
    return Bijeenkomst.objects.create(
        wijkplan=plan,
        titel=velden.pop("titel", "Bewonersavond"),
        locatie="Dorpshuis",
        begint_op=timezone.now() + datetime.timedelta(days=7),
        **velden,
    )


def _aanmelden(client, plan, b, **data):
    return client.post(
        reverse("participatie-bijeenkomst-aanmelden", args=[plan.slug, b.pk]),
        {"naam": "Jan", "email": "jan@example.nl", "aantal_personen": "2", **data},
    )


def test_the_page_is_public_only_when_published(client, plan):
    url = reverse("participatie-publiek", args=[plan.slug])
    assert client.get(url).status_code == 404
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=False)
    assert client.get(url).status_code == 404
    Publicatie.objects.filter(wijkplan=plan).update(gepubliceerd=True)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Voorvertoning" not in html
    assert reverse("participatie-publiek-privacy", args=[plan.slug]) in html
    assert "csrftoken" in response.cookies


def test_unknown_slug_is_404(client):
    assert client.get("/participatie/bestaat-niet").status_code == 404


def test_the_team_gets_a_preview_and_others_a_404(client, plan, projectleider, gemeente, beheerder):
    url = reverse("participatie-publiek", args=[plan.slug])
    client.force_login(projectleider)
    response = client.get(url)
    assert response.status_code == 200 and response.context["voorvertoning"] is True
    inloggen(client, beheerder)
    assert client.get(url).status_code == 200
    client.force_login(maak_projectleider(gemeente, username="andere"))
    assert client.get(url).status_code == 404


def test_a_stopped_plan_says_so_and_takes_no_sign_ups(client, gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, gestopt=True)
    _publiceer(plan)
    b = _bijeenkomst(plan, capaciteit=10)
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "Dit plan is gestopt." in html
    response = _aanmelden(client, plan, b)
    assert response.status_code == 400
    assert "Dit plan is gestopt" in response.content.decode()
    assert not Aanmelding.objects.exists()


def test_phases_timeline_shows_done_current_and_council_date(client, gemeente, projectleider):
    plan = WijkplanFactory(
        gemeente=gemeente,
        projectleider=projectleider,
        keuze=True,
        beoogde_raadsdatum=datetime.date(2027, 6, 3),
    )
    _publiceer(plan)
    response = client.get(reverse("participatie-publiek", args=[plan.slug]))
    statussen = [s.status for s in response.context["fasen"]]
    assert statussen == ["klaar", "klaar", "huidig", "later", "later", "later"]
    assert "3 juni 2027" in response.content.decode()


def test_sign_up_sends_one_mail_whose_link_cancels_after_a_confirming_post(
    client, plan, django_capture_on_commit_callbacks
):
    _publiceer(plan)
    b = _bijeenkomst(plan, capaciteit=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = _aanmelden(client, plan, b)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participatie-bijeenkomst-aangemeld", args=[plan.slug, b.pk]
    )
    assert "U bent aangemeld" in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["jan@example.nl"] and "Dorpshuis" in bericht.body
    link = re.search(r"http://testserver(/participatie/\S+/afmelden/\S+)", bericht.body).group(1)
    aanmelding = Aanmelding.objects.get()
    assert link.rsplit("/", 1)[1] not in aanmelding.sleutel_hash  # only the hash is stored
    # a GET (a mail scanner) cancels nothing
    assert client.get(link).status_code == 200
    aanmelding.refresh_from_db()
    assert aanmelding.afgemeld_op is None
    # the event is now short of places for two more people
    response = _aanmelden(client, plan, b, email="piet@example.nl")
    assert response.status_code == 400 and "nog plaats voor 1" in response.content.decode()
    response = client.post(link)
    assert response.status_code == 200 and "U bent afgemeld" in response.content.decode()
    aanmelding.refresh_from_db()
    assert aanmelding.afgemeld_op is not None
    # the places are free again
    assert _aanmelden(client, plan, b, email="piet@example.nl").status_code == 302
    # a used link says so clearly
    response = client.get(link)
    assert response.status_code == 404 and "Deze link werkt niet" in response.content.decode()


def test_a_full_event_refuses_with_a_message_and_saves_nothing(client, plan):
    _publiceer(plan)
    b = _bijeenkomst(plan, capaciteit=2)
    assert _aanmelden(client, plan, b).status_code == 302
    response = _aanmelden(client, plan, b, email="ander@example.nl", aantal_personen="1")
    assert response.status_code == 400
    assert "Deze bijeenkomst is vol" in response.content.decode()
    assert Aanmelding.objects.count() == 1
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "Vol" in html


def test_cancelled_past_or_closed_events_take_no_sign_up(client, plan):
    _publiceer(plan)
    for b, tekst in (
        (_bijeenkomst(plan, geannuleerd_op=timezone.now()), "gaat niet door"),
        (_bijeenkomst(plan, aanmelden=False), "niet aanmelden"),
    ):
        response = _aanmelden(client, plan, b)
        assert response.status_code == 400 and tekst in response.content.decode()
    geweest = _bijeenkomst(plan)
    Bijeenkomst.objects.filter(pk=geweest.pk).update(
        begint_op=timezone.now() - datetime.timedelta(days=1)
    )
    response = _aanmelden(client, plan, geweest)
    assert response.status_code == 400 and "al begonnen of geweest" in response.content.decode()
    assert not Aanmelding.objects.exists()


def test_a_double_submit_gives_one_sign_up_and_one_mail(
    client, plan, django_capture_on_commit_callbacks
):
    _publiceer(plan)
    b = _bijeenkomst(plan)
    with django_capture_on_commit_callbacks(execute=True):
        assert _aanmelden(client, plan, b).status_code == 302
        response = _aanmelden(client, plan, b, email="JAN@example.nl")
    assert response.status_code == 302
    assert "U bent al aangemeld" in client.get(response["Location"]).content.decode()
    assert Aanmelding.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_sign_up_form_error_is_next_to_the_field(client, plan):
    _publiceer(plan)
    b = _bijeenkomst(plan)
    response = _aanmelden(client, plan, b, aantal_personen="11", email="geen-adres")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_aantal_personen_error"' in html and "1 tot en met 10" in html
    assert 'id="id_email_error"' in html
    assert "Lees wat we met uw gegevens doen" in html
    assert not Aanmelding.objects.exists()


def test_a_question_appears_only_after_moderation_with_its_answer_escaped(
    client, plan, projectleider, django_capture_on_commit_callbacks
):
    _publiceer(plan)
    url = reverse("participatie-publiek", args=[plan.slug])
    tekst = "Wat kost het? <script>alert(1)</script>"
    response = client.post(
        reverse("participatie-inbreng", args=[plan.slug]),
        {"soort": "vraag", "tekst": tekst, "naam": "Els", "email": "els@example.nl"},
    )
    assert response.status_code == 302
    inbreng = Inbreng.objects.get()
    assert inbreng.status == Inbreng.Status.NIEUW and inbreng.tekst == tekst
    assert "na hebben bekeken" not in client.get(url).content.decode()
    assert "alert(1)" not in client.get(url).content.decode()

    client.force_login(projectleider)
    wachtrij = client.get(reverse("participatie-moderatie", args=[plan.pk])).content.decode()
    assert "&lt;script&gt;" in wachtrij and "<script>alert" not in wachtrij
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participatie-inbreng-modereren", args=[plan.pk, inbreng.pk]),
            {"actie": "publiceren", "antwoord": "Dat rekenen we nog uit."},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["els@example.nl"]
    client.logout()
    html = client.get(url).content.decode()
    assert "Wat kost het? &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert "Dat rekenen we nog uit." in html and "Els" in html


def test_a_rejected_question_stays_off_the_page(client, plan, projectleider):
    _publiceer(plan)
    inbreng = Inbreng.objects.create(wijkplan=plan, soort="reactie", tekst="Onzin met adres")
    client.force_login(projectleider)
    url = reverse("participatie-inbreng-modereren", args=[plan.pk, inbreng.pk])
    response = client.post(url, {"actie": "afwijzen"})
    assert response.status_code == 400 and "waarom" in response.content.decode()
    client.post(url, {"actie": "afwijzen", "reden_afwijzing": "Persoonsgegevens"})
    inbreng.refresh_from_db()
    assert inbreng.status == Inbreng.Status.AFGEWEZEN
    client.logout()
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "Onzin met adres" not in html


def test_rate_limit_answers_429_and_saves_nothing_more(client, plan, settings):
    _publiceer(plan)
    url = reverse("participatie-inbreng", args=[plan.slug])
    for i in range(10):
        assert client.post(url, {"soort": "vraag", "tekst": f"Vraag {i}"}).status_code == 302
    response = client.post(url, {"soort": "vraag", "tekst": "Nog een"})
    assert response.status_code == 429
    assert Inbreng.objects.count() == 10


def test_honeypot_refuses(client, plan):
    _publiceer(plan)
    response = client.post(
        reverse("participatie-inbreng", args=[plan.slug]),
        {"soort": "vraag", "tekst": "Koop nu", "website": "http://spam.example"},
    )
    assert response.status_code == 400
    assert not Inbreng.objects.exists()
    html = client.get(reverse("participatie-inbreng", args=[plan.slug])).content.decode()
    assert 'name="website"' in html


def test_a_10_mb_body_answers_413_and_saves_nothing(client, plan):
    _publiceer(plan)
    b = _bijeenkomst(plan)
    for url in (
        reverse("participatie-inbreng", args=[plan.slug]),
        reverse("participatie-bijeenkomst-aanmelden", args=[plan.slug, b.pk]),
    ):
        response = client.post(
            url,
            {"soort": "vraag", "tekst": "x" * (10 * 1024 * 1024), "naam": "a", "email": "a@b.nl"},
        )
        assert response.status_code == 413
    assert not Inbreng.objects.exists() and not Aanmelding.objects.exists()


def test_an_unpublished_page_takes_no_posts_even_from_the_team(client, plan, projectleider):
    client.force_login(projectleider)
    response = client.post(
        reverse("participatie-inbreng", args=[plan.slug]), {"soort": "vraag", "tekst": "Test"}
    )
    assert response.status_code == 404
    assert not Inbreng.objects.exists()


def test_alternatives_say_plainly_when_figures_are_not_calculated(client, plan):
    from techniek.models import Alternatief

    _publiceer(plan)
    Alternatief.objects.create(wijkplan=plan, sjabloon="S1a_B_LuchtWP", naam="Luchtwarmtepomp")
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "Luchtwarmtepomp" in html and "Wat betekent dit voor u?" in html
    assert "nog niet uitgerekend" in html


def test_the_public_page_queries_do_not_grow_with_the_rows(client, plan):
    _publiceer(plan)
    url = reverse("participatie-publiek", args=[plan.slug])

    def maak(n, start):
        for i in range(start, start + n):
            Nieuwsbericht.objects.create(
                wijkplan=plan, titel=f"Nieuws {i}", tekst="t", gepubliceerd_op=timezone.now()
            )
            VeelgesteldeVraag.objects.create(wijkplan=plan, vraag=f"V {i}", antwoord="a")
            b = _bijeenkomst(plan, titel=f"Avond {i}", capaciteit=50)
            Aanmelding.objects.create(
                bijeenkomst=b, naam="x", email=f"x{i}@example.nl", sleutel_hash=f"{i:064d}"
            )
            Inbreng.objects.create(
                wijkplan=plan, soort="vraag", tekst=f"Vraag {i}", status="gepubliceerd"
            )

    def tel():
        with CaptureQueriesContext(connection) as q:
            assert client.get(url).status_code == 200
        return len(q)

    maak(1, 0)
    een = tel()
    maak(19, 1)
    twintig = tel()
    assert "Avond 19" in client.get(url).content.decode()
    assert twintig == een


def test_privacy_page_names_the_organisation_and_retention(client, plan, settings):
    settings.WUP_ORGANISATIE = "Gemeente Ermelo"
    _publiceer(plan, bewaartermijn_maanden=18)
    html = client.get(reverse("participatie-publiek-privacy", args=[plan.slug])).content.decode()
    assert "Gemeente Ermelo is verantwoordelijk" in html
    assert "18 maanden" in html and "inzage" in html


def test_a_calculated_alternative_says_what_it_costs_per_dwelling(client, plan):
    from techniek.models import Alternatief, Berekening

    _publiceer(plan)
    alt = Alternatief.objects.create(
        wijkplan=plan, sjabloon="S1a_B_LuchtWP", naam="Luchtwarmtepomp", schets="Elk huis"
    )
    Berekening.objects.create(
        alternatief=alt,
        invoer_hash="1" * 64,
        status=Berekening.Status.KLAAR,
        samenvatting={
            "nationale_kosten": {"basis": {"H18_Nat_meerkost_WEQ": 450.0, "CO2_vermeden": 80.0}},
            "referentie": {"co2_ton": 100.0},
        },
    )
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "450\u00a0euro extra" in html
    assert "Minder CO2-uitstoot dan nu: 80%" in html
    assert "nog niet uitgerekend" not in html
