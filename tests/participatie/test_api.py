import pytest
from django.utils import timezone

from participatie.services import netwerk as services
from participatie.services.participatieplan import participatieplan_opslaan
from tests.factories import projectleider as maak_projectleider

pytestmark = pytest.mark.django_db


@pytest.fixture
def gevuld(plan, projectleider):
    partij = services.partij_toevoegen(
        wijkplan=plan,
        user=projectleider,
        soort="eigenaar_bewoners",
        naam="Eigenaar-bewoners Lindelaan",
        omvang=60,
        contactpersoon_naam="Jan Jansen",
        contactpersoon_rol="Voorzitter",
        contactpersoon_bereikbaar="jan@example.org",
        ambassadeurs="Piet Pietersen",
        belang="Betaalbaarheid",
    )
    services.contactmoment_toevoegen(
        wijkplan=plan,
        user=projectleider,
        soort="bijeenkomst",
        datum=timezone.localdate(),
        onderwerp="Informatieavond",
        partij=partij,
    )
    services.gedragsmaatregel_toevoegen(
        wijkplan=plan, user=projectleider, naam="Energiecoaches", status="loopt"
    )
    participatieplan_opslaan(
        wijkplan=plan, user=projectleider, fase="verkenning", participatieniveau="raadplegen"
    )
    return partij


def test_the_api_gives_the_groups_without_personal_contact_data(
    client, plan, projectleider, gevuld
):
    client.force_login(projectleider)
    response = client.get(f"/api/v1/wijkplannen/{plan.pk}/partijen")
    assert response.status_code == 200
    tekst = response.content.decode()
    [partij] = response.json()
    assert partij["naam"] == "Eigenaar-bewoners Lindelaan"
    assert partij["omvang"] == 60 and partij["aantalContactmomenten"] == 1
    for persoonlijk in ("Jan Jansen", "Voorzitter", "jan@example.org", "Piet Pietersen"):
        assert persoonlijk not in tekst
    assert not any(k.startswith("contactpersoon") or k == "ambassadeurs" for k in partij)


def test_the_other_lists(client, plan, projectleider, gevuld):
    client.force_login(projectleider)
    [contact] = client.get(f"/api/v1/wijkplannen/{plan.pk}/contactmomenten").json()
    assert contact["onderwerp"] == "Informatieavond" and contact["partij"] == gevuld.pk
    [maatregel] = client.get(f"/api/v1/wijkplannen/{plan.pk}/gedragsmaatregelen").json()
    assert maatregel["status"] == "loopt"
    [pp] = client.get(f"/api/v1/wijkplannen/{plan.pk}/participatieplannen").json()
    assert pp["fase"] == "verkenning" and pp["participatieniveau"] == "raadplegen"


def test_a_colleague_gets_a_problem(client, plan, gemeente):
    client.force_login(maak_projectleider(gemeente, username="andere"))
    response = client.get(f"/api/v1/wijkplannen/{plan.pk}/partijen")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    assert client.get("/api/v1/wijkplannen/999999/contactmomenten").status_code == 404
