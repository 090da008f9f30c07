import pytest

from tests import factories
from tests.api.conftest import assert_problem, invalid_names
from wup.constants import Fase
from wup.models import Faseovergang


def url(plan, naam=None):
    base = f"/api/v1/wijkplannen/{plan.pk}/overgangen"
    return f"{base}/{naam}" if naam else base


@pytest.fixture
def client(als, projectleider):
    return als(projectleider)


@pytest.fixture
def bij_raad(gemeente, projectleider):
    return factories.WijkplanFactory(
        gemeente=gemeente, ter_besluitvorming=True, projectleider=projectleider
    )


def test_list_shows_possible_transitions_with_their_conditions(client, plan):
    body = client.get(url(plan)).json()
    assert body["fase"] == "wijktoets"
    namen = [o["naam"] for o in body["overgangen"]]
    assert namen[0] == "start_verkenning"  # forward first
    assert {"pauzeren", "stoppen"} <= set(namen)
    start = body["overgangen"][0]
    assert start["doelFasen"] == [{"fase": "verkenning", "label": str(Fase.VERKENNING.label)}]
    assert start["toegestaan"] is True
    assert start["uitvoerbaar"] is True
    assert start["motivatieVerplicht"] is False
    assert start["url"] == f"http://testserver{url(plan, 'start_verkenning')}"
    sleutels = {v["sleutel"] for v in start["voorwaarden"]}
    assert "wup.opdrachtgever" in sleutels
    voorwaarde = start["voorwaarden"][0]
    assert set(voorwaarde) == {"sleutel", "spoor", "voldaan", "reden", "label"}
    assert body["voortgang"]["overgang"] == "start_verkenning"
    assert {s["spoor"] for s in body["voortgang"]["sporen"]} == {
        "technisch_economisch", "participatie", "organisatorisch",
    }  # fmt: skip


def test_list_explains_unmet_conditions(als, projectleider, gemeente):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, zonder_opdrachtgever=True, projectleider=projectleider
    )
    start = als(projectleider).get(url(plan)).json()["overgangen"][0]
    assert start["toegestaan"] is True
    assert start["uitvoerbaar"] is False
    [open_] = [v for v in start["voorwaarden"] if not v["voldaan"]]
    assert open_["spoor"] == "organisatorisch"
    assert "bestuurlijk opdrachtgever" in open_["reden"]


def test_transition_happy_path_writes_history(client, plan, projectleider):
    response = client.post(
        url(plan, "start_verkenning"),
        {"motivatie": "Wijktoets is klaar.", "verwachteFase": "wijktoets"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    rij = Faseovergang.objects.get(wijkplan=plan)
    assert body["id"] == rij.pk
    assert response["Location"] == body["url"]
    assert (body["vanFase"], body["naarFase"]) == ("wijktoets", "verkenning")
    assert body["motivatie"] == "Wijktoets is klaar."
    assert body["door"]["gebruikersnaam"] == "projectleider"
    assert all(v["voldaan"] for v in body["voorwaarden"])
    plan.refresh_from_db()
    assert plan.fase == Fase.VERKENNING
    historie = client.get(f"/api/v1/wijkplannen/{plan.pk}/historie").json()["results"]
    assert historie[0]["id"] == rij.pk


def test_transition_name_may_be_kebab_case(client, plan):
    assert client.post(url(plan, "start-verkenning"), {}, format="json").status_code == 201


def test_missing_motivation_is_400(client, plan):
    response = client.post(url(plan, "pauzeren"), {"motivatie": "   "}, format="json")
    assert invalid_names(response) == {"motivatie"}
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS
    assert not Faseovergang.objects.exists()


def test_unknown_transition_is_404(client, plan):
    body = assert_problem(client.post(url(plan, "opheffen"), {}, format="json"), 404)
    assert "opheffen" in body["detail"]


def test_projectleider_of_another_plan_gets_403(als, plan, gemeente):
    ander = factories.projectleider(gemeente)
    response = als(ander).post(url(plan, "start_verkenning"), {}, format="json")
    body = assert_problem(response, 403)
    assert body["detail"] == "U heeft geen toegang tot dit plan."
    assert_problem(als(ander).get(url(plan)), 403)
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS


def test_griffier_may_adopt_a_submitted_plan(als, griffier, bij_raad):
    overgangen = als(griffier).get(url(bij_raad)).json()["overgangen"]
    vaststellen = next(o for o in overgangen if o["naam"] == "vaststellen")
    assert vaststellen["toegestaan"] is True
    response = als(griffier).post(
        url(bij_raad, "vaststellen"),
        {"motivatie": "Raadsbesluit van 25 maart 2027.", "verwachteFase": "ter_besluitvorming"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    bij_raad.refresh_from_db()
    assert bij_raad.fase == Fase.VASTGESTELD
    assert als(griffier).get(f"/api/v1/wijkplannen/{bij_raad.pk}").json()["bevroren"] is True


def test_projectleider_may_not_adopt(client, bij_raad):
    vaststellen = next(o for o in client.get(url(bij_raad)).json()["overgangen"]
                       if o["naam"] == "vaststellen")  # fmt: skip
    assert vaststellen["toegestaan"] is False
    response = client.post(url(bij_raad, "vaststellen"), {"motivatie": "Ik wil"}, format="json")
    body = assert_problem(response, 403)
    assert "griffier" in body["detail"]
    bij_raad.refresh_from_db()
    assert bij_raad.fase == Fase.TER_BESLUITVORMING


def test_council_sends_back_to_a_chosen_phase(als, griffier, bij_raad):
    client = als(griffier)
    response = client.post(
        url(bij_raad, "terugsturen"), {"motivatie": "Kosten onduidelijk.", "naar": "uitwerking"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["naarFase"] == "uitwerking"


@pytest.mark.parametrize("naar", [None, "vastgesteld", "wijktoets"])
def test_sending_back_needs_a_valid_phase(als, griffier, bij_raad, naar):
    data = {"motivatie": "Kosten onduidelijk."} | ({"naar": naar} if naar else {})
    assert invalid_names(als(griffier).post(url(bij_raad, "terugsturen"), data, format="json")) == {
        "naar"
    }


def test_naar_is_refused_where_the_transition_has_one_target(client, plan):
    response = client.post(url(plan, "start_verkenning"), {"naar": "keuze"}, format="json")
    assert invalid_names(response) == {"naar"}


def test_expected_phase_differs_is_409(client, plan):
    response = client.post(url(plan, "start_verkenning"), {"verwachteFase": "keuze"}, format="json")
    body = assert_problem(response, 409)
    assert "Wijktoets" in body["detail"]
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS


def test_transition_not_possible_from_current_phase_is_409(client, plan):
    assert_problem(client.post(url(plan, "start_keuze"), {}, format="json"), 409)


def test_unmet_conditions_are_409_with_unmet_conditions(als, projectleider, gemeente):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, zonder_opdrachtgever=True, projectleider=projectleider
    )
    response = als(projectleider).post(url(plan, "start_verkenning"), {}, format="json")
    body = assert_problem(response, 409)
    [voorwaarde] = body["unmetConditions"]
    assert voorwaarde["sleutel"] == "wup.opdrachtgever"
    assert voorwaarde["spoor"] == "organisatorisch"
    assert voorwaarde["voldaan"] is False
    assert "bestuurlijk opdrachtgever" in voorwaarde["reden"]
    assert "Organisatorisch" in body["detail"]
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS
    assert not Faseovergang.objects.exists()


@pytest.mark.parametrize(
    ("data", "namen"),
    [
        ({"motivatie": 12, "reden": "x"}, {"reden"}),
        ({"motivatie": ["a"]}, {"motivatie"}),
        ({"motivatie": "x" * 5001}, {"motivatie"}),
        ({"verwachteFase": "morgen"}, {"verwachteFase"}),
        (["motivatie"], {"nonFieldErrors"}),
    ],
)
def test_bad_transition_input_is_400(client, plan, data, namen):
    response = client.post(url(plan, "pauzeren"), data, format="json")
    assert invalid_names(response) == namen
    assert not Faseovergang.objects.exists()
