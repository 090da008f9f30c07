"""The wijktoets API: same services and rights as the pages, problem+json on bad input."""

import pytest
import yaml
from django.core.management import call_command
from rest_framework.test import APIClient

from tests import factories
from tests.api.conftest import assert_problem, invalid_names
from tests.factories import inloggen
from tests.wijktoets.test_wijktoets_services import (
    MOTIVATIE,
    afgeronde_wijktoets,
    huidige_versie,
    vul_wijktoets,
)
from wijktoets.constants import Oordeel, Thema
from wijktoets.selectors import wijktoets as selectors


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def pl(api, projectleider):
    api.force_login(projectleider)
    return api


def pad(plan, rest=""):
    return f"/api/v1/wijkplannen/{plan.pk}/wijktoets{rest}"


def test_an_unstarted_wijktoets_is_empty_not_missing(pl, plan):
    response = pl.get(pad(plan))
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    body = response.json()
    assert body["afgerond"] is False
    assert body["versie"] == 1 and body["versienummer"] == 1
    assert body["bewerkbaar"] is True
    assert [b["thema"] for b in body["bevindingen"]] == list(Thema.values)
    assert body["themasIngevuld"] == 0 and body["themasTotaal"] == 7
    assert body["ontbreekt"]
    assert body["afrondenUrl"].endswith(pad(plan, "/afronden"))


def test_put_replaces_and_patch_changes_only_what_is_sent(pl, plan):
    response = pl.put(
        pad(plan),
        {
            "versie": 1,
            "economischeRandvoorwaarden": "Lage inkomens.",
            "oordeel": "onder_voorwaarden",
            "motivatie": "Kansrijk.",
            "voorwaarden": "Met de corporatie.",
            "participatieniveau": "raadplegen",
            "doelgroepen": ["ouderen"],
            "bevindingen": [
                {"thema": "armoede", "tekst": "Veel armoede.", "beoordeling": "uitdaging"},
                {
                    "thema": "andere_werken",
                    "tekst": "Riool in 2027.",
                    "indicatoren": ["corporatiewoningen_pct"],
                    "beoordeling": "kans",
                },
            ],
            "partijen": [{"categorie": "woningcorporatie", "naam": "Corporatie De Veluwe"}],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert response["ETag"] == '"2"' and body["versie"] == 2
    assert body["oordeelLabel"] == "Geschikt onder voorwaarden"
    assert body["themasIngevuld"] == 2
    assert body["partijen"][0]["categorieLabel"] == "Woningcorporatie"

    response = pl.patch(
        pad(plan),
        {"bevindingen": [{"thema": "armoede", "beoordeling": "neutraal"}], "samenvatting": "Kort."},
        format="json",
        HTTP_IF_MATCH='"2"',
    )
    assert response.status_code == 200, response.content
    body = response.json()
    armoede = next(b for b in body["bevindingen"] if b["thema"] == "armoede")
    assert (armoede["tekst"], armoede["beoordeling"]) == ("Veel armoede.", "neutraal")
    assert body["samenvatting"] == "Kort."
    assert body["motivatie"] == "Kansrijk."  # untouched
    assert len(body["partijen"]) == 1

    response = pl.put(pad(plan), {"versie": 3, "samenvatting": "Alles opnieuw."}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["oordeel"] == "" and body["partijen"] == [] and body["themasIngevuld"] == 0


def test_merge_patch_is_accepted(pl, plan):
    response = pl.generic(
        "PATCH",
        pad(plan),
        '{"versie": 1, "bronnen": "CBS 2024"}',
        content_type="application/merge-patch+json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["bronnen"] == "CBS 2024"


def test_one_theme_can_be_read_and_replaced(pl, plan):
    response = pl.get(pad(plan, "/bevindingen"))
    assert response.status_code == 200
    assert len(response.json()) == 7
    response = pl.put(
        pad(plan, "/bevindingen/sociale-samenhang"),
        {"versie": 1, "tekst": "Actieve buurtvereniging.", "beoordeling": "kans"},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["thema"], body["ingevuld"]) == ("sociale_samenhang", True)
    assert response["ETag"] == '"2"'
    assert pl.get(pad(plan, "/bevindingen/sociale_samenhang")).json()["tekst"] == (
        "Actieve buurtvereniging."
    )


def test_completing_creates_a_numbered_version(pl, plan, projectleider):
    toets = vul_wijktoets(plan, projectleider)
    response = pl.post(pad(plan, "/afronden"), {"versie": toets.versie}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["nummer"] == 1
    assert body["oordeel"] == "geschikt"
    assert body["afgerondDoor"]["gebruikersnaam"] == "projectleider"
    assert body["inhoud"]["motivatie"] == MOTIVATIE
    assert body["inhoud"]["economischeRandvoorwaarden"]
    assert response["Location"] == body["url"]

    versies = pl.get(response["Location"])
    assert versies.status_code == 200
    assert [v["nummer"] for v in versies.json()["results"]] == [1]
    assert pl.get(pad(plan)).json()["afgerond"] is True


def test_versions_list_newest_first(pl, plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    afgeronde_wijktoets(plan, projectleider, bronnen="Gesprekken")
    body = pl.get(pad(plan, "/versies")).json()
    assert [v["nummer"] for v in body["results"]] == [2, 1]
    assert body["results"][0]["inhoud"]["bronnen"] == "Gesprekken"
    assert invalid_names(pl.get(pad(plan, "/versies?nummer=nul"))) == {"nummer"}


# --- Access ------------------------------------------------------------------------------------


def test_access_follows_the_plan(api, plan, gemeente, griffier, beheerder):
    assert_problem(api.get(pad(plan)), 401)
    ander = factories.projectleider(gemeente, username="ander")
    for user in (ander, griffier):
        api.force_login(user)
        assert_problem(api.get(pad(plan)), 403)
    inloggen(api, beheerder)
    response = api.get(pad(plan))
    assert response.status_code == 200
    assert response.json()["bewerkbaar"] is False
    body = assert_problem(api.patch(pad(plan), {"versie": 1, "bronnen": "x"}, format="json"), 403)
    assert "projectleider" in body["detail"]
    assert_problem(api.post(pad(plan, "/afronden"), {"versie": 1}, format="json"), 403)
    assert selectors.wijktoets_voor(plan) is None
    assert_problem(api.get("/api/v1/wijkplannen/999999/wijktoets"), 404)


# --- Bad input -------------------------------------------------------------------------------


def test_bad_input_is_problem_json_naming_the_fields(pl, plan):
    response = pl.patch(
        pad(plan),
        {
            "versie": 1,
            "oordeel": "misschien",
            "doelgroepen": ["iedereen"],
            "fase": "verkenning",
            "bevindingen": [{"thema": "weer", "kleur": "blauw"}],
            "partijen": [{"categorie": "vve"}],
        },
        format="json",
    )
    namen = invalid_names(response)
    assert {"oordeel", "doelgroepen.0", "fase", "partijen.0.naam"} <= namen
    assert {"bevindingen.0.thema", "bevindingen.0.kleur"} <= namen
    assert selectors.wijktoets_voor(plan) is None


def test_service_rules_come_back_as_field_errors(pl, plan):
    response = pl.patch(
        pad(plan),
        {
            "versie": 1,
            "oordeel": "geschikt",
            "bevindingen": [{"thema": "armoede", "indicatoren": ["geluk"]}],
        },
        format="json",
    )
    assert {"motivatie"} <= invalid_names(response)
    response = pl.put(
        pad(plan, "/bevindingen/armoede"), {"versie": 1, "indicatoren": ["geluk"]}, format="json"
    )
    body = assert_problem(response, 400)
    assert body["invalidParams"][0]["name"] == "indicatoren"
    assert "geluk" in body["invalidParams"][0]["reason"]


def test_a_version_is_required_and_stale_ones_are_refused(pl, plan, projectleider):
    assert invalid_names(pl.patch(pad(plan), {"bronnen": "x"}, format="json")) == {"versie"}
    assert invalid_names(
        pl.patch(pad(plan), {"bronnen": "x"}, format="json", HTTP_IF_MATCH="drie")
    ) == {"If-Match"}
    vul_wijktoets(plan, projectleider, themas=())
    body = assert_problem(pl.patch(pad(plan), {"versie": 1, "bronnen": "x"}, format="json"), 409)
    assert "Iemand anders" in body["detail"]
    assert_problem(pl.patch(pad(plan), {"bronnen": "x"}, format="json", HTTP_IF_MATCH='"1"'), 412)
    assert_problem(pl.post(pad(plan, "/afronden"), {}, format="json", HTTP_IF_MATCH='"1"'), 412)
    assert selectors.wijktoets_voor(plan).bronnen == ""


def test_completing_an_incomplete_wijktoets_is_a_conflict_that_lists_what_is_missing(
    pl, plan, projectleider
):
    toets = vul_wijktoets(plan, projectleider, themas=(Thema.ARMOEDE,))
    body = assert_problem(
        pl.post(pad(plan, "/afronden"), {"versie": toets.versie}, format="json"), 409
    )
    assert "6 van 7 thema's" in body["detail"]


def test_niet_geschikt_blocks_the_next_phase_in_the_api_too(pl, plan, projectleider):
    afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.NIET_GESCHIKT)
    body = assert_problem(
        pl.post(f"/api/v1/wijkplannen/{plan.pk}/overgangen/start-verkenning", {}, format="json"),
        409,
    )
    reden = next(c for c in body["unmetConditions"] if c["sleutel"] == "wijktoets.afgerond")
    assert "Pauzeer of stop het plan" in reden["reden"]


def test_after_the_wijktoets_phase_edits_are_a_conflict(api, gemeente, projectleider):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider, keuze=True)
    api.force_login(projectleider)
    body = assert_problem(api.patch(pad(plan), {"versie": 1, "bronnen": "x"}, format="json"), 409)
    assert "fase wijktoets" in body["detail"]


def test_unknown_theme_and_methods(pl, plan):
    assert_problem(pl.get(pad(plan, "/bevindingen/weer")), 404)
    assert_problem(pl.get(pad(plan, "/afronden")), 405)
    assert_problem(pl.delete(pad(plan)), 405)
    assert_problem(
        pl.generic("PUT", pad(plan), "{}", content_type="application/merge-patch+json"), 415
    )
    assert_problem(pl.generic("PATCH", pad(plan), "{nee", content_type="application/json"), 400)
    assert huidige_versie(plan) == 1


def test_the_schema_documents_the_wijktoets_and_validates(api, tmp_path, db):
    document = api.get("/api/v1/openapi.json").json()
    paden = document["paths"]
    assert set(paden["/api/v1/wijkplannen/{id}/wijktoets"]) >= {"get", "put", "patch"}
    assert "put" in paden["/api/v1/wijkplannen/{id}/wijktoets/bevindingen/{thema}"]
    assert "post" in paden["/api/v1/wijkplannen/{id}/wijktoets/afronden"]
    assert "get" in paden["/api/v1/wijkplannen/{id}/wijktoets/versies"]
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "s.yaml")
    assert yaml.safe_load((tmp_path / "s.yaml").read_text())["paths"]
