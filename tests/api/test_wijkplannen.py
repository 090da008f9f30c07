import pytest

from tests import factories
from tests.api.conftest import assert_problem, invalid_names
from wup.models import Faseovergang, Wijkplan


@pytest.fixture
def client(als, projectleider):
    return als(projectleider)


def nieuw_plan(gekozen, **extra):
    return {
        "naam": "Warmteplan Horst en Oosterbos",
        "gemeente": "GM0233",
        "buurten": [b.code for b in gekozen],
        "bestuurlijkOpdrachtgever": "Wethouder Energie",
        "beoogdeRaadsdatum": "2027-03-25",
        **extra,
    }


def test_list_shows_only_the_users_plans_with_camelcase_fields(client, plan, gemeente):
    factories.WijkplanFactory(gemeente=gemeente)  # someone else's plan
    body = client.get("/api/v1/wijkplannen").json()
    assert body["count"] == 1
    [item] = body["results"]
    assert item["id"] == plan.pk
    assert item["bestuurlijkOpdrachtgever"] == "Wethouder Energie en Klimaat"
    assert item["faseLabel"] == "Wijktoets"
    assert item["url"] == f"http://testserver/api/v1/wijkplannen/{plan.pk}"
    assert not any("_" in key for key in item)


def test_list_filters_on_fase_and_gemeente(als, beheerder, plan, andere_gemeente):
    factories.WijkplanFactory(gemeente=andere_gemeente, keuze=True)
    client = als(beheerder)  # sees every plan
    assert client.get("/api/v1/wijkplannen").json()["count"] == 2
    body = client.get("/api/v1/wijkplannen", {"fase": "wijktoets"}).json()
    assert [p["id"] for p in body["results"]] == [plan.pk]
    body = client.get("/api/v1/wijkplannen", {"gemeente": "GM0344"}).json()
    assert [p["fase"] for p in body["results"]] == ["keuze"]
    assert invalid_names(client.get("/api/v1/wijkplannen", {"fase": "klaar"})) == {"fase"}


def test_griffier_sees_only_plans_sent_to_the_council(als, griffier, plan, gemeente):
    bij_raad = factories.WijkplanFactory(gemeente=gemeente, ter_besluitvorming=True)
    client = als(griffier)
    body = client.get("/api/v1/wijkplannen").json()
    assert [p["id"] for p in body["results"]] == [bij_raad.pk]
    assert client.get(f"/api/v1/wijkplannen/{bij_raad.pk}").status_code == 200
    assert_problem(client.get(f"/api/v1/wijkplannen/{plan.pk}"), 403)


def test_detail_has_every_field_and_an_etag(client, plan):
    response = client.get(f"/api/v1/wijkplannen/{plan.pk}")
    assert response.status_code == 200
    assert response["ETag"] == f'"{plan.versie}"'
    body = response.json()
    assert set(body) >= {
        "id", "naam", "slug", "gemeente", "buurten", "omschrijving", "bestuurlijkOpdrachtgever",
        "ambtelijkOpdrachtgever", "beoogdeRaadsdatum", "fase", "faseLabel", "versie",
        "bevroren", "aangemaaktOp", "gewijzigdOp", "url", "overgangenUrl", "historieUrl",
    }  # fmt: skip
    assert body["gemeente"] == {"code": "GM0233", "naam": "Ermelo"}
    assert body["buurten"] == [{"code": b.code, "naam": b.naam} for b in plan.buurten.all()]
    assert body["bevroren"] is False


def test_other_projectleider_gets_403(als, plan, gemeente):
    ander = factories.projectleider(gemeente)
    body = assert_problem(als(ander).get(f"/api/v1/wijkplannen/{plan.pk}"), 403)
    assert body["detail"] == "U heeft geen toegang tot dit plan."


@pytest.mark.parametrize("pk", [999999, 2**63, 10**30])
def test_unknown_plan_is_404(client, pk):
    assert_problem(client.get(f"/api/v1/wijkplannen/{pk}"), 404)


def test_create(client, projectleider, buurten):
    response = client.post("/api/v1/wijkplannen", nieuw_plan(buurten), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    plan = Wijkplan.objects.get(pk=body["id"])
    assert response["Location"] == f"http://testserver/api/v1/wijkplannen/{plan.pk}"
    assert response["ETag"] == '"1"'
    assert body["fase"] == "wijktoets"
    assert body["beoogdeRaadsdatum"] == "2027-03-25"
    assert sorted(b["code"] for b in body["buurten"]) == sorted(b.code for b in buurten)
    assert plan.aangemaakt_door == projectleider
    assert plan.historie.get().overgang == "aanmaken"


def test_create_accepts_lower_case_codes(client, buurten):
    data = nieuw_plan(buurten, gemeente="gm0233", buurten=[buurten[0].code.lower()])
    assert client.post("/api/v1/wijkplannen", data, format="json").status_code == 201


def test_create_with_a_buurt_of_another_gemeente_is_400(client, buurten, vreemde_buurt):
    data = nieuw_plan([buurten[0], vreemde_buurt])
    response = client.post("/api/v1/wijkplannen", data, format="json")
    body = assert_problem(response, 400)
    [param] = body["invalidParams"]
    assert param["name"] == "buurten"
    assert vreemde_buurt.code in param["reason"]
    assert not Wijkplan.objects.exists()


@pytest.mark.parametrize(
    ("wijziging", "namen"),
    [
        ({"gemeente": "GM9999"}, {"gemeente"}),
        ({"gemeente": "Ermelo"}, {"gemeente"}),
        ({"buurten": []}, {"buurten"}),
        ({"buurten": "BU02330001"}, {"buurten"}),
        ({"buurten": ["BU99999999"]}, {"buurten"}),
        ({"buurten": ["ok", 12]}, {"buurten.0", "buurten.1"}),
        ({"naam": ""}, {"naam"}),
        ({"naam": "x" * 10_000}, {"naam"}),
        ({"naam": {"nl": "Horst"}}, {"naam"}),
        ({"omschrijving": "x" * 20_001}, {"omschrijving"}),
        ({"beoogdeRaadsdatum": "25-03-2027"}, {"beoogdeRaadsdatum"}),
        ({"beoogdeRaadsdatum": "2027-02-30"}, {"beoogdeRaadsdatum"}),
        ({"fase": "vastgesteld"}, {"fase"}),
        ({"projectleider": "ik"}, {"projectleider"}),
        ({"naam": "Horst\x00"}, {"naam"}),
    ],
)
def test_create_with_bad_input_is_400_and_saves_nothing(client, buurten, wijziging, namen):
    response = client.post("/api/v1/wijkplannen", nieuw_plan(buurten, **wijziging), format="json")
    assert invalid_names(response) == namen
    assert not Wijkplan.objects.exists()


def test_create_needs_the_right_to_create_in_the_gemeente(als, griffier, buurten):
    body = assert_problem(
        als(griffier).post("/api/v1/wijkplannen", nieuw_plan(buurten), format="json"), 403
    )
    assert "Ermelo" in body["detail"]
    assert not Wijkplan.objects.exists()


def test_update_with_versie_in_body(client, plan, buurten):
    response = client.patch(
        f"/api/v1/wijkplannen/{plan.pk}",
        {"versie": 1, "ambtelijkOpdrachtgever": "Directeur Ruimte", "buurten": [buurten[1].code]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["ambtelijkOpdrachtgever"] == "Directeur Ruimte"
    assert body["buurten"] == [{"code": buurten[1].code, "naam": "Oosterbos"}]
    assert body["versie"] == 2
    assert response["ETag"] == '"2"'
    plan.refresh_from_db()
    assert plan.ambtelijk_opdrachtgever == "Directeur Ruimte"


def test_update_with_if_match_etag_from_get(client, plan):
    etag = client.get(f"/api/v1/wijkplannen/{plan.pk}")["ETag"]
    response = client.patch(
        f"/api/v1/wijkplannen/{plan.pk}",
        {"naam": "Nieuwe naam"},
        format="json",
        headers={"If-Match": etag},
    )
    assert response.status_code == 200
    assert response.json()["naam"] == "Nieuwe naam"


def test_update_as_merge_patch(client, plan):
    response = client.generic(
        "PATCH",
        f"/api/v1/wijkplannen/{plan.pk}",
        '{"versie": 1, "omschrijving": "Samen met de rioolvervanging."}',
        content_type="application/merge-patch+json",
    )
    assert response.status_code == 200
    assert response.json()["omschrijving"] == "Samen met de rioolvervanging."


def test_update_with_stale_versie_is_409_and_saves_nothing(client, plan):
    client.patch(f"/api/v1/wijkplannen/{plan.pk}", {"versie": 1, "naam": "Eerst"}, format="json")
    response = client.patch(
        f"/api/v1/wijkplannen/{plan.pk}", {"versie": 1, "naam": "Later"}, format="json"
    )
    body = assert_problem(response, 409)
    assert "Iemand anders" in body["detail"]
    plan.refresh_from_db()
    assert (plan.naam, plan.versie) == ("Eerst", 2)


def test_update_with_stale_if_match_is_412(client, plan):
    client.patch(f"/api/v1/wijkplannen/{plan.pk}", {"versie": 1, "naam": "Eerst"}, format="json")
    response = client.patch(
        f"/api/v1/wijkplannen/{plan.pk}", {"naam": "Later"}, format="json",
        headers={"If-Match": 'W/"1"'},
    )  # fmt: skip
    assert_problem(response, 412)
    plan.refresh_from_db()
    assert plan.naam == "Eerst"


@pytest.mark.parametrize(
    ("data", "headers", "namen"),
    [
        ({"naam": "Zonder versie"}, {}, {"versie"}),
        ({"naam": "x"}, {"If-Match": "*"}, {"If-Match"}),
        ({"naam": "x"}, {"If-Match": "1"}, {"If-Match"}),
        ({"naam": "x", "versie": 2}, {"If-Match": '"1"'}, {"versie"}),
        ({"versie": "een"}, {}, {"versie"}),
        ({"versie": 10**40}, {}, {"versie"}),
        ({"versie": 1, "fase": "vastgesteld"}, {}, {"fase"}),
        ({"versie": 1, "gemeente": "GM0344"}, {}, {"gemeente"}),
        ({"versie": 1, "buurten": []}, {}, {"buurten"}),
        ({"versie": 1, "beoogdeRaadsdatum": "morgen"}, {}, {"beoogdeRaadsdatum"}),
    ],
)
def test_update_with_bad_input_is_400(client, plan, data, headers, namen):
    response = client.patch(f"/api/v1/wijkplannen/{plan.pk}", data, format="json", headers=headers)
    assert invalid_names(response) == namen
    plan.refresh_from_db()
    assert plan.versie == 1


def test_update_with_buurt_of_another_gemeente_saves_nothing(client, plan, vreemde_buurt):
    response = client.patch(
        f"/api/v1/wijkplannen/{plan.pk}",
        {"versie": 1, "naam": "Nieuw", "buurten": [vreemde_buurt.code]},
        format="json",
    )
    assert invalid_names(response) == {"buurten"}
    plan.refresh_from_db()
    assert (plan.naam, plan.versie) != ("Nieuw", 2)
    assert vreemde_buurt not in plan.buurten.all()


def test_only_the_projectleider_may_update(als, griffier, gemeente):
    plan = factories.WijkplanFactory(gemeente=gemeente, ter_besluitvorming=True)
    response = als(griffier).patch(
        f"/api/v1/wijkplannen/{plan.pk}", {"versie": 1, "naam": "Van de griffie"}, format="json"
    )
    assert_problem(response, 403)


def test_adopted_plan_cannot_change(client, projectleider, gemeente):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, vastgesteld=True, projectleider=projectleider
    )
    response = client.patch(
        f"/api/v1/wijkplannen/{plan.pk}", {"versie": 1, "naam": "Te laat"}, format="json"
    )
    assert_problem(response, 409)


def test_history_lists_rows_newest_first(client, plan, projectleider):
    from wup import services

    rij = services.wijkplan_transition(
        wijkplan=plan, overgang="pauzeren", user=projectleider, motivatie="Wachten op het net."
    )
    services.wijkplan_transition(
        wijkplan=plan, overgang="hervatten", user=projectleider, motivatie="Het net is er."
    )
    body = client.get(f"/api/v1/wijkplannen/{plan.pk}/historie").json()
    assert [r["overgang"] for r in body["results"]] == ["hervatten", "pauzeren"]
    item = body["results"][1]
    assert item["id"] == rij.pk
    assert item["overgang"] == "pauzeren"
    assert item["overgangLabel"] == "Plan pauzeren"
    assert (item["vanFase"], item["naarFase"]) == ("wijktoets", "gepauzeerd")
    assert item["motivatie"] == "Wachten op het net."
    assert item["door"] == {
        "gebruikersnaam": "projectleider",
        "naam": projectleider.get_full_name(),
    }
    assert item["voorwaarden"] == []
    assert client.get(item["url"]).json() == item
    assert Faseovergang.objects.count() == 2


def test_history_of_a_plan_the_user_cannot_see_is_403(als, plan, gemeente):
    ander = factories.projectleider(gemeente)
    assert_problem(als(ander).get(f"/api/v1/wijkplannen/{plan.pk}/historie"), 403)


def test_beheerder_reads_every_plan_but_does_not_edit_it(als, beheerder, plan):
    client = als(beheerder)
    assert client.get(f"/api/v1/wijkplannen/{plan.pk}").status_code == 200
    response = client.patch(
        f"/api/v1/wijkplannen/{plan.pk}", {"versie": 1, "naam": "Beheer"}, format="json"
    )
    assert_problem(response, 403)


def test_list_query_count_does_not_grow_with_the_number_of_plans(
    client, projectleider, gemeente, django_assert_max_num_queries
):
    for _ in range(10):
        factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    with django_assert_max_num_queries(12):
        assert client.get("/api/v1/wijkplannen").json()["count"] == 10
