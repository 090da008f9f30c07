"""The plan's decisions log: recorded through one service, never changed, corrected by a new row
that supersedes the old one; a page and an API for whoever may see the plan."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import WijkplanFactory
from tests.factories import projectleider as maak_projectleider
from wup import selectors
from wup.exceptions import PlanFrozen
from wup.models import Besluit, HistoryIsImmutable
from wup.services import besluit_vastleggen

GISTEREN = timezone.localdate() - datetime.timedelta(days=1)


def vastleggen(plan, user, **velden):
    return besluit_vastleggen(
        wijkplan=plan,
        user=user,
        **{
            "datum": GISTEREN,
            "orgaan": Besluit.Orgaan.STUURGROEP,
            "besluit": "De stuurgroep kiest voor een warmtenet.",
            **velden,
        },
    )


# --- The service ------------------------------------------------------------------------------


def test_a_decision_is_recorded_with_who_and_when(plan, projectleider):
    besluit = vastleggen(plan, projectleider, kenmerk="  Z-2026-0042 ", besluit="  Warmtenet. ")

    besluit.refresh_from_db()
    assert besluit.wijkplan == plan
    assert besluit.besluit == "Warmtenet."
    assert besluit.kenmerk == "Z-2026-0042"
    assert besluit.bron == ""
    assert besluit.vastgelegd_door == projectleider
    assert besluit.vastgelegd_op is not None
    assert besluit.get_orgaan_display() == "Stuurgroep"


def test_a_step_names_itself_as_the_source(plan, projectleider):
    assert vastleggen(plan, projectleider, bron="keuze").bron == "keuze"


def test_every_bad_field_is_named_and_nothing_is_saved(plan, projectleider):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, datum=morgen, orgaan="wethouder", besluit="   ")

    fouten = exc.value.message_dict
    assert fouten["datum"] == ["De datum van het besluit kan niet in de toekomst liggen."]
    assert fouten["orgaan"] == ["Kies wie het besluit heeft genomen."]
    assert fouten["besluit"] == ["Schrijf op wat er is besloten."]
    assert not Besluit.objects.exists()


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"datum": None}, "datum"),
        ({"datum": "gisteren"}, "datum"),
        ({"kenmerk": "x" * 101}, "kenmerk"),
        ({"besluit": "x" * 5001}, "besluit"),
        ({"bron": "keuze; drop"}, "bron"),
    ],
)
def test_bad_values_are_refused_on_their_field(plan, projectleider, velden, veld):
    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, **velden)
    assert list(exc.value.message_dict) == [veld]


def test_today_is_not_in_the_future(plan, projectleider):
    assert vastleggen(plan, projectleider, datum=timezone.localdate()).pk


def test_a_correction_supersedes_the_row_which_stays_as_it_was(plan, projectleider):
    oud = vastleggen(plan, projectleider, besluit="Warmtenet in fase 1.")

    nieuw = vastleggen(plan, projectleider, besluit="Warmtenet in fase 2.", vervangt=oud)

    oud.refresh_from_db()
    assert oud.besluit == "Warmtenet in fase 1."
    assert nieuw.vervangt == oud
    assert oud.opvolger == nieuw
    assert list(selectors.huidige_besluiten_van(plan)) == [nieuw]
    assert set(selectors.besluiten_van(plan)) == {oud, nieuw}


def test_a_row_is_superseded_once_only(plan, projectleider):
    oud = vastleggen(plan, projectleider)
    vastleggen(plan, projectleider, vervangt=oud.pk)

    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, vervangt=oud.pk)

    assert "al vervangen" in exc.value.message_dict["vervangt"][0]
    assert Besluit.objects.count() == 2


def test_a_row_of_another_plan_cannot_be_superseded(plan, projectleider, gemeente):
    ander_plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    vreemd = vastleggen(ander_plan, projectleider)

    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, vervangt=vreemd)

    assert exc.value.message_dict["vervangt"] == [
        "Het besluit dat u wilt corrigeren hoort niet bij dit plan."
    ]


def test_only_the_projectleider_of_the_plan_records(plan, gemeente, griffier):
    anders = maak_projectleider(gemeente, username="anders")
    for user in (anders, griffier):
        with pytest.raises(PermissionDenied):
            vastleggen(plan, user)
    assert not Besluit.objects.exists()


@pytest.mark.parametrize("trait", ["vastgesteld", "gestopt"])
def test_a_frozen_plan_takes_no_decisions(gemeente, projectleider, trait):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, **{trait: True})
    with pytest.raises(PlanFrozen):
        vastleggen(plan, projectleider)


# --- Append-only --------------------------------------------------------------------------------


def test_a_recorded_decision_cannot_be_saved_again_or_deleted(plan, projectleider):
    besluit = vastleggen(plan, projectleider)

    besluit.besluit = "Toch iets anders."
    with pytest.raises(HistoryIsImmutable):
        besluit.save()
    with pytest.raises(HistoryIsImmutable):
        besluit.delete()
    with pytest.raises(HistoryIsImmutable):
        Besluit.objects.filter(pk=besluit.pk).update(besluit="Anders")
    with pytest.raises(HistoryIsImmutable):
        Besluit.objects.filter(pk=besluit.pk).delete()
    besluit.refresh_from_db()
    assert besluit.besluit == "De stuurgroep kiest voor een warmtenet."


@pytest.mark.services
def test_the_database_itself_refuses_to_change_a_decision(plan, projectleider):
    from django.db import DatabaseError, transaction

    besluit = vastleggen(plan, projectleider)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE wup_besluit SET besluit = 'x' WHERE id = %s", [besluit.pk])


def test_the_selector_reads_the_log_in_one_query(plan, projectleider):
    vorige = None
    for i in range(4):
        vorige = vastleggen(plan, projectleider, besluit=f"Besluit {i}", vervangt=vorige)

    with CaptureQueriesContext(connection) as queries:
        rijen = list(selectors.besluiten_van(plan))
        _ = [(r.vastgelegd_door, r.opvolger, r.vervangt) for r in rijen]

    assert len(queries) == 1
    assert [r.is_vervangen for r in rijen].count(False) == 1


# --- The page -----------------------------------------------------------------------------------


def _formulier(**velden):
    return {
        "datum": GISTEREN.isoformat(),
        "orgaan": "college",
        "besluit": "Het college stemt in met de aanpak.",
        "kenmerk": "Z-2026-7",
        **velden,
    }


def test_the_plan_page_links_to_the_decisions_log(client, plan, projectleider):
    client.force_login(projectleider)
    html = client.get(f"/wijkplannen/{plan.pk}").content.decode()
    assert f'href="/wijkplannen/{plan.pk}/besluiten"' in html


def test_the_log_shows_every_decision_with_the_superseded_struck(client, plan, projectleider):
    oud = vastleggen(plan, projectleider, besluit="Warmtenet in fase 1.", kenmerk="RB-12")
    vastleggen(plan, projectleider, besluit="Warmtenet in fase 2.", vervangt=oud)
    vastleggen(plan, projectleider, besluit="Keuze warmteoplossing: warmtenet.", bron="keuze")
    client.force_login(projectleider)

    response = client.get(f"/wijkplannen/{plan.pk}/besluiten")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<del>Warmtenet in fase 1.</del>" in html
    assert "Vervangen door het besluit van" in html
    assert "Warmtenet in fase 2." in html and "RB-12" in html and "Stuurgroep" in html
    assert "Stap 4: Keuze warmteoplossing" in html
    assert "Met de hand vastgelegd" in html
    # a superseded decision cannot be corrected again; the two standing ones can
    assert html.count("/corrigeren") == 2
    assert 'name="besluit"' in html


def test_the_projectleider_adds_a_decision(client, plan, projectleider):
    client.force_login(projectleider)

    response = client.post(f"/wijkplannen/{plan.pk}/besluiten", _formulier())

    assert response.status_code == 302
    besluit = Besluit.objects.get()
    assert (besluit.orgaan, besluit.kenmerk, besluit.bron) == ("college", "Z-2026-7", "")
    assert besluit.vastgelegd_door == projectleider


def test_bad_input_is_shown_next_to_the_field_and_nothing_saved(client, plan, projectleider):
    client.force_login(projectleider)
    morgen = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        f"/wijkplannen/{plan.pk}/besluiten", _formulier(datum=morgen.isoformat(), besluit="")
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_besluit_error"' in html and "Schrijf op wat er is besloten." in html
    assert not Besluit.objects.exists()

    response = client.post(
        f"/wijkplannen/{plan.pk}/besluiten", _formulier(datum=morgen.isoformat())
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_datum_error"' in html
    assert "kan niet in de toekomst liggen" in html
    assert not Besluit.objects.exists()


def test_a_correction_supersedes_the_row(client, plan, projectleider):
    oud = vastleggen(plan, projectleider, besluit="Warmtenet in fase 1.")
    client.force_login(projectleider)
    url = f"/wijkplannen/{plan.pk}/besluiten/{oud.pk}/corrigeren"

    formulier = client.get(url)
    assert formulier.status_code == 200
    assert "Warmtenet in fase 1." in formulier.content.decode()  # the form starts from the old row

    response = client.post(url, _formulier(besluit="Warmtenet in fase 2."))

    assert response.status_code == 302
    nieuw = Besluit.objects.exclude(pk=oud.pk).get()
    assert nieuw.vervangt == oud and nieuw.besluit == "Warmtenet in fase 2."
    # once superseded, the row is not corrected a second time
    again = client.post(url, _formulier(besluit="Nog eens."))
    assert again.status_code == 400
    assert "al vervangen" in again.content.decode()
    assert Besluit.objects.count() == 2


def test_a_row_of_another_plan_is_not_found(client, plan, projectleider, gemeente):
    vreemd = vastleggen(
        WijkplanFactory(gemeente=gemeente, projectleider=projectleider), projectleider
    )
    client.force_login(projectleider)
    response = client.get(f"/wijkplannen/{plan.pk}/besluiten/{vreemd.pk}/corrigeren")
    assert response.status_code == 404


def test_a_frozen_plan_offers_no_form_and_refuses_a_post(client, gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, vastgesteld=True)
    client.force_login(projectleider)

    pagina = client.get(f"/wijkplannen/{plan.pk}/besluiten")
    assert pagina.status_code == 200
    assert 'name="besluit"' not in pagina.content.decode()

    response = client.post(f"/wijkplannen/{plan.pk}/besluiten", _formulier())

    assert response.status_code == 409
    assert "Dit plan is vastgesteld door de raad" in response.content.decode()
    assert not Besluit.objects.exists()


def test_another_projectleider_gets_no_access(client, plan, gemeente):
    client.force_login(maak_projectleider(gemeente, username="anders"))
    assert client.get(f"/wijkplannen/{plan.pk}/besluiten").status_code == 403
    assert client.post(f"/wijkplannen/{plan.pk}/besluiten", _formulier()).status_code == 403
    assert not Besluit.objects.exists()


def test_the_griffier_reads_but_does_not_record(client, gemeente, projectleider, griffier):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, ter_besluitvorming=True)
    vastleggen(plan, projectleider)
    client.force_login(griffier)

    pagina = client.get(f"/wijkplannen/{plan.pk}/besluiten")
    assert pagina.status_code == 200
    assert "De stuurgroep kiest voor een warmtenet." in pagina.content.decode()
    assert 'name="besluit"' not in pagina.content.decode()
    assert client.post(f"/wijkplannen/{plan.pk}/besluiten", _formulier()).status_code == 403


def test_the_page_reads_the_log_in_a_fixed_number_of_queries(client, plan, projectleider):
    client.force_login(projectleider)
    url = f"/wijkplannen/{plan.pk}/besluiten"
    vorige = vastleggen(plan, projectleider)
    client.get(url)  # warm up: session, content types
    with CaptureQueriesContext(connection) as een:
        client.get(url)
    for i in range(6):
        vorige = vastleggen(plan, projectleider, besluit=f"Besluit {i}", vervangt=vorige)
        vastleggen(plan, projectleider, besluit=f"Los besluit {i}", bron="keuze")
    with CaptureQueriesContext(connection) as veel:
        response = client.get(url)

    assert response.content.decode().count("<del>") == 6
    assert len(veel) == len(een)


# --- The API ------------------------------------------------------------------------------------

PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


def _probleem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["detail"]
    return body


def test_the_api_lists_the_log_with_the_superseded_rows(api, plan, projectleider):
    oud = vastleggen(plan, projectleider, kenmerk="RB-1")
    nieuw = vastleggen(plan, projectleider, vervangt=oud, bron="keuze")
    api.force_login(projectleider)

    response = api.get(f"/api/v1/wijkplannen/{plan.pk}/besluiten")

    assert response.status_code == 200
    rijen = {r["id"]: r for r in response.json()["results"]}
    assert rijen[oud.pk]["geldt"] is False
    assert rijen[oud.pk]["vervangenDoor"] == nieuw.pk
    assert rijen[oud.pk]["kenmerk"] == "RB-1"
    assert rijen[nieuw.pk]["vervangt"] == oud.pk
    assert rijen[nieuw.pk]["bron"] == "keuze"
    assert rijen[nieuw.pk]["bronLabel"] == "Stap 4: Keuze warmteoplossing"
    assert rijen[nieuw.pk]["orgaanLabel"] == "Stuurgroep"
    assert rijen[nieuw.pk]["vastgelegdDoor"]["gebruikersnaam"] == projectleider.username


def test_the_api_records_a_decision_and_a_correction(api, plan, projectleider):
    api.force_login(projectleider)
    url = f"/api/v1/wijkplannen/{plan.pk}/besluiten"
    body = {"datum": GISTEREN.isoformat(), "orgaan": "gemeenteraad", "besluit": "Vastgesteld."}

    response = api.post(url, body, format="json")

    assert response.status_code == 201, response.content
    eerste = response.json()
    assert response["Location"] == eerste["url"]
    assert api.get(eerste["url"]).json()["besluit"] == "Vastgesteld."

    correctie = api.post(
        url, {**body, "besluit": "Gewijzigd vastgesteld.", "vervangt": eerste["id"]}, format="json"
    )
    assert correctie.status_code == 201
    assert correctie.json()["vervangt"] == eerste["id"]
    assert api.get(eerste["url"]).json()["vervangenDoor"] == correctie.json()["id"]

    # a superseded row is not superseded again
    nogmaals = api.post(url, {**body, "vervangt": eerste["id"]}, format="json")
    body_ = _probleem(nogmaals, 400)
    assert [p["name"] for p in body_["invalidParams"]] == ["vervangt"]


def test_the_api_names_every_bad_field(api, plan, projectleider):
    api.force_login(projectleider)
    morgen = timezone.localdate() + datetime.timedelta(days=1)

    response = api.post(
        f"/api/v1/wijkplannen/{plan.pk}/besluiten",
        {"datum": morgen.isoformat(), "orgaan": "college", "besluit": "  ", "fase": "x"},
        format="json",
    )
    body = _probleem(response, 400)
    assert {p["name"] for p in body["invalidParams"]} == {"fase"}

    response = api.post(
        f"/api/v1/wijkplannen/{plan.pk}/besluiten",
        {"datum": morgen.isoformat(), "orgaan": "college", "besluit": "  "},
        format="json",
    )
    body = _probleem(response, 400)
    redenen = {p["name"]: p["reason"] for p in body["invalidParams"]}
    assert redenen == {
        "datum": "De datum van het besluit kan niet in de toekomst liggen.",
        "besluit": "Schrijf op wat er is besloten.",
    }
    assert not Besluit.objects.exists()


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
def test_a_decision_cannot_be_changed_through_the_api(api, plan, projectleider, methode):
    besluit = vastleggen(plan, projectleider)
    api.force_login(projectleider)

    for url in (
        f"/api/v1/wijkplannen/{plan.pk}/besluiten/{besluit.pk}",
        f"/api/v1/wijkplannen/{plan.pk}/besluiten",
    ):
        response = getattr(api, methode)(url, {"besluit": "Anders"}, format="json")
        body = _probleem(response, 405)
        assert "kan niet worden gewijzigd of verwijderd" in body["detail"]
        assert "vervangt" in body["detail"]
    besluit.refresh_from_db()
    assert besluit.besluit == "De stuurgroep kiest voor een warmtenet."


def test_the_api_refuses_others_and_frozen_plans(api, plan, gemeente, projectleider, griffier):
    besluit = vastleggen(plan, projectleider)
    body = {"datum": GISTEREN.isoformat(), "orgaan": "college", "besluit": "Ja."}

    api.force_login(maak_projectleider(gemeente, username="anders"))
    _probleem(api.get(f"/api/v1/wijkplannen/{plan.pk}/besluiten"), 403)
    _probleem(api.get(f"/api/v1/wijkplannen/{plan.pk}/besluiten/{besluit.pk}"), 403)
    _probleem(api.post(f"/api/v1/wijkplannen/{plan.pk}/besluiten", body, format="json"), 403)

    raadsplan = WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, ter_besluitvorming=True
    )
    api.force_login(griffier)
    assert api.get(f"/api/v1/wijkplannen/{raadsplan.pk}/besluiten").status_code == 200
    _probleem(api.post(f"/api/v1/wijkplannen/{raadsplan.pk}/besluiten", body, format="json"), 403)

    bevroren = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, gestopt=True)
    api.force_login(projectleider)
    response = api.post(f"/api/v1/wijkplannen/{bevroren.pk}/besluiten", body, format="json")
    assert "gestopt" in _probleem(response, 409)["detail"]

    # a row of another plan is not found under this plan
    _probleem(api.get(f"/api/v1/wijkplannen/{bevroren.pk}/besluiten/{besluit.pk}"), 404)
    _probleem(api.get(f"/api/v1/wijkplannen/{plan.pk}/besluiten/{2**63}"), 404)
    api.logout()
    _probleem(api.get(f"/api/v1/wijkplannen/{plan.pk}/besluiten"), 401)


def test_the_plan_document_has_the_log_as_an_annex(client, plan, projectleider):
    oud = vastleggen(plan, projectleider, besluit="Eerste versie.")
    vastleggen(plan, projectleider, besluit="Tweede versie.", vervangt=oud)
    client.force_login(projectleider)

    html = client.get(f"/wijkplannen/{plan.pk}/document").content.decode()

    assert "Besluitenlijst" in html
    assert "<del>Eerste versie.</del>" in html and "Tweede versie." in html
    assert "/corrigeren" not in html
