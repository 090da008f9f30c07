"""Random (seeded) nonsense in every writable field: always a 2xx or a problem+json 4xx."""

import json
import random

import pytest

WAARDEN = [
    None, True, 0, -1, 1.5, 10**40, "", " ", "x" * 300, "\x00", "\ud800", "2027-02-30",
    "GM0233", "ter_besluitvorming", [], [1], ["BU0233"], {}, {"a": 1},
]  # fmt: skip
VELDEN = [
    "naam", "gemeente", "buurten", "omschrijving", "bestuurlijkOpdrachtgever",
    "ambtelijkOpdrachtgever", "beoogdeRaadsdatum", "versie", "motivatie", "naar",
    "verwachteFase", "fase", "id",
]  # fmt: skip


def test_random_bodies_never_cause_a_server_error(als, projectleider, plan, buurten):
    client = als(projectleider)
    rnd = random.Random(2027)
    doelen = [
        ("post", "/api/v1/wijkplannen"),
        ("patch", f"/api/v1/wijkplannen/{plan.pk}"),
        *(
            ("post", f"/api/v1/wijkplannen/{plan.pk}/overgangen/{naam}")
            for naam in ("start_verkenning", "pauzeren", "hervatten", "terugsturen", "stoppen")
        ),
    ]
    for _ in range(300):
        method, path = rnd.choice(doelen)
        body = {k: rnd.choice(WAARDEN) for k in rnd.sample(VELDEN, rnd.randint(0, 5))}
        if rnd.random() < 0.3:
            body["buurten"] = [b.code for b in buurten]
        response = getattr(client, method)(path, json.dumps(body), content_type="application/json")
        assert response.status_code < 500, (path, body)
        if response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("param", ["gemeente", "wijk", "fase", "pagina", "paginaGrootte"])
@pytest.mark.parametrize(
    "path", ["/api/v1/wijken", "/api/v1/buurten", "/api/v1/wijkplannen", "/api/v1/gemeenten"]
)
def test_random_query_parameters_never_cause_a_server_error(als, projectleider, param, path):
    client = als(projectleider)
    # Raw query strings, including a percent sign on its own and bytes that are not UTF-8.
    for waarde in ["", "%", "%00", "9" * 50, "-1", "GM0233", "wijktoets", "%ED%A0%80", "%FF"]:
        response = client.get(f"{path}?{param}={waarde}")
        assert response.status_code in (200, 400, 404), (param, waarde)
