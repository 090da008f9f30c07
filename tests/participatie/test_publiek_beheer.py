import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from participatie.models import Aanmelding, Bijeenkomst, Nieuwsbericht, Publicatie
from tests.factories import WijkplanFactory, inloggen
from tests.factories import projectleider as maak_projectleider

pytestmark = pytest.mark.django_db


def _bijeenkomst(plan, **velden):
    return Bijeenkomst.objects.create(
        wijkplan=plan,
        titel="Bewonersavond",
        locatie="Dorpshuis",
        begint_op=timezone.now() + datetime.timedelta(days=7),
        **velden,
    )


def test_the_projectleider_publishes_the_page_and_writes_news(client, plan, projectleider):
    client.force_login(projectleider)
    url = reverse("participatie-publiek-beheer", args=[plan.pk])
    response = client.post(
        url,
        {
            "gepubliceerd": "on",
            "waarom": "Van het gas af",
            "contact": "warmte@gemeente.nl",
            "bewaartermijn_maanden": "24",
        },
    )
    assert response.status_code == 302
    publicatie = Publicatie.objects.get()
    assert publicatie.gepubliceerd and publicatie.bewaartermijn_maanden == 24
    client.post(
        reverse("participatie-nieuws-nieuw", args=[plan.pk]),
        {"titel": "Concept", "tekst": "Nog niet online"},
    )
    client.post(
        reverse("participatie-nieuws-nieuw", args=[plan.pk]),
        {"titel": "Eerste avond", "tekst": "Kom ook", "publiceren": "on"},
    )
    assert Nieuwsbericht.objects.filter(gepubliceerd_op__isnull=True).count() == 1
    client.logout()
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "Eerste avond" in html and "Concept" not in html
    assert "warmte@gemeente.nl" in html


def test_bad_retention_is_refused_next_to_the_field(client, plan, projectleider):
    client.force_login(projectleider)
    response = client.post(
        reverse("participatie-publiek-beheer", args=[plan.pk]), {"bewaartermijn_maanden": "121"}
    )
    assert response.status_code == 400
    assert 'id="id_bewaartermijn_maanden_error"' in response.content.decode()
    assert not Publicatie.objects.exists()


def test_a_frozen_plan_refuses_management_posts_with_409(client, gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, vastgesteld=True)
    client.force_login(projectleider)
    for naam, data in (
        ("participatie-publiek-beheer", {"bewaartermijn_maanden": "12"}),
        ("participatie-nieuws-nieuw", {"titel": "T", "tekst": "t"}),
        ("participatie-faq-nieuw", {"vraag": "V", "antwoord": "A"}),
        (
            "participatie-bijeenkomst-nieuw",
            {"titel": "T", "locatie": "L", "begint_op": "2099-01-01T19:30"},
        ),
    ):
        response = client.post(reverse(naam, args=[plan.pk]), data)
        assert response.status_code == 409, naam
    pagina = client.get(reverse("participatie-nieuws-nieuw", args=[plan.pk]))
    assert pagina.status_code == 200 and "vastgesteld" in pagina.content.decode()
    assert not Nieuwsbericht.objects.exists() and not Publicatie.objects.exists()


def test_cancelling_an_event_closes_sign_up_and_tells_who_signed_up(
    client, plan, projectleider, django_capture_on_commit_callbacks
):
    from django.core import mail

    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    b = _bijeenkomst(plan, capaciteit=20)
    Aanmelding.objects.create(bijeenkomst=b, naam="A", email="a@example.nl", sleutel_hash="a" * 64)
    Aanmelding.objects.create(
        bijeenkomst=b,
        naam="B",
        email="b@example.nl",
        sleutel_hash="b" * 64,
        afgemeld_op=timezone.now(),
    )
    client.force_login(projectleider)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participatie-bijeenkomst-wijzigen", args=[plan.pk, b.pk]),
            {
                "titel": "Bewonersavond",
                "locatie": "Dorpshuis",
                "begint_op": "2099-01-01T19:30",
                "capaciteit": "20",
                "aanmelden": "on",
                "geannuleerd": "on",
            },
        )
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.geannuleerd_op is not None
    assert [m.to for m in mail.outbox] == [["a@example.nl"]]
    assert "gaat niet door" in mail.outbox[0].body
    client.logout()
    html = client.get(reverse("participatie-publiek", args=[plan.slug])).content.decode()
    assert "Gaat niet door" in html
    assert reverse("participatie-bijeenkomst-aanmelden", args=[plan.slug, b.pk]) not in html


def test_an_event_ending_before_it_starts_is_refused(client, plan, projectleider):
    client.force_login(projectleider)
    response = client.post(
        reverse("participatie-bijeenkomst-nieuw", args=[plan.pk]),
        {
            "titel": "Avond",
            "locatie": "Dorpshuis",
            "begint_op": "2099-01-01T19:30",
            "eindigt_op": "2099-01-01T18:00",
        },
    )
    assert response.status_code == 400
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert not Bijeenkomst.objects.exists()


def test_only_the_projectleider_sees_names_of_sign_ups(client, plan, projectleider, beheerder):
    b = _bijeenkomst(plan, capaciteit=10)
    Aanmelding.objects.create(
        bijeenkomst=b,
        naam="Jan Jansen",
        email="jan@example.nl",
        aantal_personen=3,
        sleutel_hash="a" * 64,
    )
    url = reverse("participatie-bijeenkomst-aanmeldingen", args=[plan.pk, b.pk])
    client.force_login(projectleider)
    html = client.get(url).content.decode()
    assert "Jan Jansen" in html and "jan@example.nl" in html and "Nog 7 plaatsen vrij" in html
    inloggen(client, beheerder)
    html = client.get(url).content.decode()
    assert "Jan Jansen" not in html and "jan@example.nl" not in html
    assert "1 aanmelding, samen 3 personen" in html
    overzicht = client.get(reverse("participatie-publiek-beheer", args=[plan.pk])).content.decode()
    assert "Bewonersavond" in overzicht
    assert reverse("participatie-bijeenkomst-nieuw", args=[plan.pk]) not in overzicht


def test_a_colleague_cannot_moderate(client, plan, gemeente):
    from participatie.models import Inbreng

    inbreng = Inbreng.objects.create(wijkplan=plan, soort="vraag", tekst="?")
    client.force_login(maak_projectleider(gemeente, username="andere"))
    response = client.post(
        reverse("participatie-inbreng-modereren", args=[plan.pk, inbreng.pk]),
        {"actie": "publiceren"},
    )
    assert response.status_code == 403
    inbreng.refresh_from_db()
    assert inbreng.status == Inbreng.Status.NIEUW


def test_the_plan_pages_link_to_the_management(client, plan, projectleider):
    client.force_login(projectleider)
    url = reverse("participatie-publiek-beheer", args=[plan.pk])
    assert url in client.get(reverse("participatie-overzicht", args=[plan.pk])).content.decode()
    assert url in client.get(reverse("wijkplan-detail", args=[plan.pk])).content.decode()


def test_the_demo_gives_a_plan_one_published_page_once(plan, projectleider):
    import io

    from participatie.models import VeelgesteldeVraag
    from participatie.registratie_publiek import demo_paginas

    demo_paginas(io.StringIO())
    demo_paginas(io.StringIO())
    assert Publicatie.objects.get(wijkplan=plan).gepubliceerd
    assert Nieuwsbericht.objects.filter(wijkplan=plan).count() == 2
    assert VeelgesteldeVraag.objects.filter(wijkplan=plan).count() == 2
    assert Bijeenkomst.objects.filter(wijkplan=plan, begint_op__gt=timezone.now()).count() == 1
