import pytest
from django.urls import reverse
from django.utils import timezone

from participatie.models import Partij
from participatie.services import netwerk as services
from tests.factories import WijkplanFactory, inloggen
from tests.factories import projectleider as maak_projectleider

pytestmark = pytest.mark.django_db


def test_the_projectleider_adds_a_partij_and_a_contact_and_sees_them(client, plan, projectleider):
    client.force_login(projectleider)
    response = client.post(
        reverse("participatie-partij-nieuw", args=[plan.pk]),
        {"soort": "huurders_corporatie", "naam": "Huurders Lindelaan", "omvang": "120"},
    )
    assert response.status_code == 302
    partij = Partij.objects.get()
    response = client.post(
        reverse("participatie-contact-nieuw", args=[plan.pk]),
        {
            "soort": "keukentafelgesprek",
            "datum": timezone.localdate().isoformat(),
            "onderwerp": "Zorgen over de huurverhoging",
            "partij": str(partij.pk),
            "uitkomst": "Corporatie komt met een voorstel.",
        },
    )
    assert response.status_code == 302
    pagina = client.get(reverse("participatie-overzicht", args=[plan.pk])).content.decode()
    assert "Huurders Lindelaan" in pagina
    assert "Zorgen over de huurverhoging" in pagina
    assert reverse("participatie-partij-wijzigen", args=[plan.pk, partij.pk]) in pagina
    # the plan page shows the step's counts and links to the overview
    detail = client.get(reverse("wijkplan-detail", args=[plan.pk])).content.decode()
    assert "1 partij" in detail and "1 contactmoment" in detail
    assert reverse("participatie-overzicht", args=[plan.pk]) in detail


def test_a_colleague_sees_no_forms_and_gets_403(client, plan, gemeente, beheerder):
    andere = maak_projectleider(gemeente, username="andere")
    client.force_login(andere)
    assert client.get(reverse("participatie-overzicht", args=[plan.pk])).status_code == 403
    response = client.post(
        reverse("participatie-partij-nieuw", args=[plan.pk]), {"soort": "vve", "naam": "VvE"}
    )
    assert response.status_code == 403
    assert not Partij.objects.exists()
    # the beheerder may see the plan, but not change it
    inloggen(client, beheerder)
    pagina = client.get(reverse("participatie-overzicht", args=[plan.pk])).content.decode()
    assert reverse("participatie-partij-nieuw", args=[plan.pk]) not in pagina
    assert client.get(reverse("participatie-partij-nieuw", args=[plan.pk])).status_code == 403


def test_a_bad_form_shows_the_dutch_error_next_to_the_field_and_saves_nothing(
    client, plan, projectleider
):
    client.force_login(projectleider)
    response = client.post(
        reverse("participatie-partij-nieuw", args=[plan.pk]),
        {"soort": "vve", "naam": "", "omvang": "veel"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_naam_error"' in html and "Geef de partij een naam." in html
    assert 'id="id_omvang_error"' in html
    assert "Vul een heel getal in van 0 of meer, of laat het leeg." in html
    assert not Partij.objects.exists()

    response = client.post(
        reverse("participatie-contact-nieuw", args=[plan.pk]),
        {"soort": "brief", "datum": "2999-01-01", "onderwerp": "Brief"},
    )
    assert response.status_code == 400
    assert 'id="id_datum_error"' in response.content.decode()
    assert "toekomst" in response.content.decode()


def test_a_frozen_plan_shows_why_and_refuses_a_post(client, gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, vastgesteld=True)
    client.force_login(projectleider)
    url = reverse("participatie-plan", args=[plan.pk, "verkenning"])
    response = client.get(url)
    assert response.status_code == 200
    assert "De participatie kan niet meer veranderen." in response.content.decode()
    assert "<form" not in response.content.decode().split("<main")[-1]
    response = client.post(url, {"participatieniveau": "informeren"})
    assert response.status_code == 409
    assert "De participatie kan niet meer veranderen." in response.content.decode()


def test_the_participation_plan_per_phase(client, plan, projectleider):
    client.force_login(projectleider)
    url = reverse("participatie-plan", args=[plan.pk, "verkenning"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"participatieniveau": "meebeslissen", "doelen": "Draagvlak"})
    assert response.status_code == 302
    pagina = client.get(reverse("participatie-overzicht", args=[plan.pk])).content.decode()
    assert "Meebeslissen" in pagina and "Draagvlak" in pagina
    assert client.get(reverse("participatie-plan", args=[plan.pk, "onzin"])).status_code == 404


def test_editing_a_measure_and_a_partij(client, plan, projectleider):
    partij = services.partij_toevoegen(
        wijkplan=plan, user=projectleider, soort="vve", naam="VvE De Linde"
    )
    maatregel = services.gedragsmaatregel_toevoegen(
        wijkplan=plan, user=projectleider, naam="Energiecoaches", status="idee"
    )
    client.force_login(projectleider)
    url = reverse("participatie-maatregel-wijzigen", args=[plan.pk, maatregel.pk])
    assert "Energiecoaches" in client.get(url).content.decode()
    response = client.post(
        url, {"naam": "Energiecoaches", "status": "loopt", "doelgroep_partij": str(partij.pk)}
    )
    assert response.status_code == 302
    maatregel.refresh_from_db()
    assert maatregel.status == "loopt" and maatregel.doelgroep_partij == partij
    url = reverse("participatie-partij-wijzigen", args=[plan.pk, partij.pk])
    assert client.post(url, {"soort": "vve", "naam": "VvE De Eik"}).status_code == 302
    assert Partij.objects.get().naam == "VvE De Eik"
    assert (
        client.get(reverse("participatie-partij-wijzigen", args=[plan.pk, 999999])).status_code
        == 404
    )


def test_the_overview_takes_the_same_queries_with_more_rows(client, plan, projectleider):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(projectleider)
    url = reverse("participatie-overzicht", args=[plan.pk])

    def vul(n):
        for i in range(n):
            partij = services.partij_toevoegen(
                wijkplan=plan, user=projectleider, soort="bedrijven", naam=f"Bedrijf {i}"
            )
            services.contactmoment_toevoegen(
                wijkplan=plan,
                user=projectleider,
                soort="brief",
                datum=timezone.localdate(),
                onderwerp=f"Brief {i}",
                partij=partij,
            )
            services.gedragsmaatregel_toevoegen(
                wijkplan=plan,
                user=projectleider,
                naam=f"Maatregel {i}",
                status="idee",
                doelgroep_partij=partij,
            )

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    vul(1)
    een = tel()
    vul(12)
    assert tel() == een


def test_a_logged_contact_is_corrected_not_duplicated_and_a_future_date_is_refused(
    client, plan, projectleider
):
    moment = services.contactmoment_toevoegen(
        wijkplan=plan,
        user=projectleider,
        soort="brief",
        datum=timezone.localdate(),
        onderwerp="Brief over de avond",
    )
    client.force_login(projectleider)
    url = reverse("participatie-contact-wijzigen", args=[plan.pk, moment.pk])
    formulier = client.get(url)
    assert formulier.status_code == 200
    assert "Brief over de avond" in formulier.content.decode()
    morgen = timezone.localdate() + timezone.timedelta(days=1)
    fout = client.post(url, {"soort": "brief", "datum": morgen.isoformat(), "onderwerp": "X"})
    assert fout.status_code == 400
    moment.refresh_from_db()
    assert moment.onderwerp == "Brief over de avond"
    response = client.post(
        url,
        {
            "soort": "huis_aan_huis",
            "datum": moment.datum.isoformat(),
            "onderwerp": "Huis-aan-huisbrief over de avond",
            "uitkomst": "120 brieven bezorgd.",
        },
    )
    assert response.status_code == 302
    moment.refresh_from_db()
    assert (moment.soort, moment.uitkomst) == ("huis_aan_huis", "120 brieven bezorgd.")
    assert plan.contactmomenten.count() == 1
    overzicht = client.get(reverse("participatie-overzicht", args=[plan.pk])).content.decode()
    assert url in overzicht


def test_a_contact_of_another_plan_is_not_found(client, plan, projectleider, gemeente):
    ander = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    moment = services.contactmoment_toevoegen(
        wijkplan=ander,
        user=projectleider,
        soort="brief",
        datum=timezone.localdate(),
        onderwerp="Brief",
    )
    client.force_login(projectleider)
    url = reverse("participatie-contact-wijzigen", args=[plan.pk, moment.pk])
    assert client.get(url).status_code == 404
