import pytest

from tests import factories
from tests.api.conftest import assert_problem, invalid_names


@pytest.fixture
def client(als, projectleider):
    return als(projectleider)


def test_gemeenten_list_and_detail(client, gemeente, andere_gemeente):
    response = client.get("/api/v1/gemeenten")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [g["code"] for g in body["results"]] == ["GM0233", "GM0344"]  # by name

    response = client.get("/api/v1/gemeenten/GM0233")
    assert response.status_code == 200
    assert response.json() == {
        "code": "GM0233",
        "naam": "Ermelo",
        "url": "http://testserver/api/v1/gemeenten/GM0233",
    }


def test_gemeente_code_is_normalised(client, gemeente):
    assert client.get("/api/v1/gemeenten/gm0233").json()["code"] == "GM0233"


@pytest.mark.parametrize("code", ["GM233", "0233", "BU02330001", "GM02330", "x" * 300])
def test_malformed_gemeentecode_is_400_with_dutch_reason(client, gemeente, code):
    body = assert_problem(client.get(f"/api/v1/gemeenten/{code}"), 400)
    [param] = body["invalidParams"]
    assert param["name"] == "code"
    assert "GM" in param["reason"] or "tekens" in param["reason"]


def test_unknown_gemeentecode_is_404(client, gemeente):
    body = assert_problem(client.get("/api/v1/gemeenten/GM9999"), 404)
    assert "GM9999" in body["detail"]


def test_wijken_filtered_by_gemeente(client, wijk, andere_gemeente):
    factories.WijkFactory(gemeente=andere_gemeente)
    body = client.get("/api/v1/wijken", {"gemeente": "GM0233"}).json()
    assert [w["code"] for w in body["results"]] == [wijk.code]
    assert body["results"][0]["gemeente"] == {"code": "GM0233", "naam": "Ermelo"}
    assert client.get("/api/v1/wijken").json()["count"] == 2


def test_buurten_filtered_by_gemeente_and_wijk(client, buurten, vreemde_buurt):
    andere_wijk = factories.WijkFactory(gemeente=buurten[0].wijk.gemeente)
    factories.BuurtFactory(wijk=andere_wijk)

    body = client.get("/api/v1/buurten", {"gemeente": "GM0233"}).json()
    assert body["count"] == 3
    body = client.get("/api/v1/buurten", {"gemeente": "GM0233", "wijk": buurten[0].wijk.code})
    assert [b["code"] for b in body.json()["results"]] == [b.code for b in buurten]
    # An unknown (but well-formed) code filters everything out.
    assert client.get("/api/v1/buurten", {"gemeente": "GM9999"}).json()["count"] == 0


def test_buurt_detail(client, buurten):
    buurt = buurten[0]
    body = client.get(f"/api/v1/buurten/{buurt.code}").json()
    assert body["naam"] == "Horst"
    assert body["wijk"] == {"code": buurt.wijk.code, "naam": "Ermelo-Noord"}
    assert body["gemeente"] == {"code": "GM0233", "naam": "Ermelo"}
    assert_problem(client.get("/api/v1/buurten/BU99999999"), 404)
    assert invalid_names(client.get("/api/v1/buurten/BU0233")) == {"code"}


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        ("/api/v1/wijken", {"gemeente": "Ermelo"}, "gemeente"),
        ("/api/v1/buurten", {"wijk": "WK0233"}, "wijk"),
        ("/api/v1/buurten", {"gemeente": "GM0233\x00"}, "gemeente"),
        ("/api/v1/gemeenten", {"pagina": "twee"}, "pagina"),
        ("/api/v1/gemeenten", {"pagina": "9" * 5000}, "pagina"),
        ("/api/v1/gemeenten", {"paginaGrootte": "-1"}, "paginaGrootte"),
    ],
)
def test_malformed_filters_are_400(client, gemeente, path, params, name):
    assert invalid_names(client.get(path, params)) == {name}


def test_page_past_the_end_is_404(client, gemeente):
    assert_problem(client.get("/api/v1/gemeenten", {"pagina": 5}), 404)


def test_areas_need_login(api, gemeente):
    response = api.get("/api/v1/gemeenten")
    assert_problem(response, 401)
    assert response["WWW-Authenticate"] == "Token"
