"""The web UI, as a projectleider, a griffier and an outsider use it."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from guardian.shortcuts import assign_perm

from tests import factories
from wup import services, views
from wup.constants import Fase
from wup.models import Faseovergang, Wijkplan

WACHTWOORD = "geheim-wachtwoord-123"


def text(response) -> str:
    """The page as one line of text, so assertions do not depend on line breaks."""
    return re.sub(r"\s+", " ", response.content.decode())


def field_error(response, field: str) -> str:
    """The error shown next to a field (the element its input's aria-describedby points at)."""
    match = re.search(rf'id="id_{field}_error">(.*?)</div>', text(response))
    assert match, f"geen foutmelding bij {field}"
    return match.group(1)


@pytest.fixture
def buurten(gemeente):
    wijk = factories.WijkFactory(gemeente=gemeente, code="WK023300", naam="Ermelo-Centrum")
    return [
        factories.BuurtFactory(wijk=wijk, code="BU02330001", naam="Oranjebuurt"),
        factories.BuurtFactory(wijk=wijk, code="BU02330002", naam="Rozenbuurt"),
        factories.BuurtFactory(wijk=wijk, code="BU02330003", naam="Stationskwartier"),
    ]


@pytest.fixture
def pl_client(client, projectleider):
    client.force_login(projectleider)
    return client


def submit(client, page, url, data):
    """POST like a browser: with the CSRF token from the form on ``page``."""
    inhoud = text(page).split("<main", 1)[1]  # the page's own form, not the logout button
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', inhoud)
    assert token, "het formulier mist een CSRF-token"
    return client.post(url, {**data, "csrfmiddlewaretoken": token.group(1)})


def overgang_url(plan, naam):
    return reverse("wijkplan-overgang", args=[plan.pk, naam])


# --- The "done when" path ------------------------------------------------------------------


def test_projectleider_creates_a_plan_sees_why_it_is_blocked_fixes_it_and_moves_on(
    projectleider, buurten
):
    # With CSRF checks on, as in a browser: every form must carry its token.
    client = Client(enforce_csrf_checks=True)
    inloggen = client.get(reverse("login"))
    response = submit(
        client, inloggen, reverse("login"), {"username": "projectleider", "password": WACHTWOORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("dashboard")

    dashboard = client.get(reverse("dashboard"))
    assert "Nieuw wijkplan" in text(dashboard)

    # One municipality: the form asks no choice and lists its buurten per wijk.
    formulier = client.get(reverse("wijkplan-nieuw"))
    assert formulier.status_code == 200
    assert "Nieuw wijkplan in Ermelo" in text(formulier)
    assert "<legend" in text(formulier) and "Ermelo-Centrum" in text(formulier)

    response = submit(
        client,
        formulier,
        reverse("wijkplan-nieuw"),
        {
            "naam": "Warmteplan Oranje- en Rozenbuurt",
            "buurten": [buurten[0].pk, buurten[1].pk],
            "omschrijving": "Samen met de rioolvervanging.",
        },
    )
    plan = Wijkplan.objects.get(naam="Warmteplan Oranje- en Rozenbuurt")
    assert response.status_code == 302
    assert response.url == reverse("wijkplan-detail", args=[plan.pk])
    assert set(plan.buurten.all()) == {buurten[0], buurten[1]}
    assert plan.fase == Fase.WIJKTOETS

    # The plan page says, in plain Dutch and per track, why the plan cannot move on.
    pagina = client.get(response.url)
    assert "Het wijkplan ‘Warmteplan Oranje- en Rozenbuurt’ is aangemaakt." in text(pagina)
    assert (
        "Organisatorisch: de bestuurlijk opdrachtgever (wethouder) is nog niet vastgelegd"
        in text(pagina)
    )
    bewerken_url = reverse("wijkplan-bewerken", args=[plan.pk])
    assert f'href="{bewerken_url}">Aanvullen</a>' in text(pagina)
    assert f'href="{overgang_url(plan, "start_verkenning")}"' not in text(pagina)

    # Filling it in through the edit form unblocks the next step.
    formulier = client.get(bewerken_url)
    assert 'name="versie" value="1"' in text(formulier)
    response = submit(
        client,
        formulier,
        bewerken_url,
        {
            "versie": 1,
            "naam": plan.naam,
            "buurten": [buurten[0].pk, buurten[1].pk],
            "omschrijving": plan.omschrijving,
            "bestuurlijk_opdrachtgever": "Wethouder Energie en Klimaat",
            "ambtelijk_opdrachtgever": "Afdeling Ruimte",
            "beoogde_raadsdatum": "2027-06-30",
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.bestuurlijk_opdrachtgever == "Wethouder Energie en Klimaat"
    assert plan.beoogde_raadsdatum.isoformat() == "2027-06-30"

    pagina = client.get(reverse("wijkplan-detail", args=[plan.pk]))
    assert "de bestuurlijk opdrachtgever (wethouder) is nog niet vastgelegd" not in text(pagina)
    assert f'href="{overgang_url(plan, "start_verkenning")}"' in text(pagina)

    # The transition, confirmed on its own page.
    bevestigen = client.get(overgang_url(plan, "start_verkenning"))
    assert "Wijktoets afronden en de verkenning starten" in text(bevestigen)
    assert 'name="verwachte_fase" value="wijktoets"' in text(bevestigen)
    response = submit(
        client,
        bevestigen,
        overgang_url(plan, "start_verkenning"),
        {"verwachte_fase": "wijktoets", "motivatie": "De wijk is geschikt: wijktoets klaar."},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.fase == Fase.VERKENNING

    # The history: newest first, with who, from -> to, transition and motivation.
    historie = text(client.get(reverse("wijkplan-historie", args=[plan.pk])))
    nieuwste = historie.index("Wijktoets afronden en de verkenning starten")
    assert nieuwste < historie.index("Plan aangemaakt")
    assert "De wijk is geschikt: wijktoets klaar." in historie
    assert "door Sam de Vries" in historie
    assert "Verkenning van alternatieven en participatie" in historie


# --- Bad input: nothing changes, a clear Dutch message ------------------------------------


def test_missing_motivation_is_shown_next_to_the_field_and_changes_nothing(
    pl_client, projectleider, gemeente
):
    plan = factories.WijkplanFactory(keuze=True, gemeente=gemeente, projectleider=projectleider)
    historie = Faseovergang.objects.filter(wijkplan=plan).count()

    response = pl_client.post(
        overgang_url(plan, "pauzeren"), {"verwachte_fase": "keuze", "motivatie": "  "}
    )

    assert response.status_code == 400
    assert "Geef een motivatie: die komt in de historie van het plan." in field_error(
        response, "motivatie"
    )
    assert 'aria-describedby="id_motivatie_helptext id_motivatie_error"' in text(response)
    plan.refresh_from_db()
    assert plan.fase == Fase.KEUZE
    assert Faseovergang.objects.filter(wijkplan=plan).count() == historie


def test_stale_transition_form_shows_the_conflict_and_changes_nothing(
    pl_client, projectleider, gemeente
):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    formulier = pl_client.get(overgang_url(plan, "pauzeren"))
    assert 'name="verwachte_fase" value="wijktoets"' in text(formulier)
    # Meanwhile the plan moves on (e.g. a colleague in another tab).
    services.wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=projectleider)
    historie = Faseovergang.objects.filter(wijkplan=plan).count()

    response = pl_client.post(
        overgang_url(plan, "pauzeren"),
        {"verwachte_fase": "wijktoets", "motivatie": "Wachten op de netbeheerder."},
    )

    assert response.status_code == 409
    assert (
        "Het plan is intussen in de fase ‘Verkenning van alternatieven en participatie’ gekomen"
        in text(response)
    )
    assert "Wachten op de netbeheerder." in text(response)  # the typed motivation is not lost
    plan.refresh_from_db()
    assert plan.fase == Fase.VERKENNING
    assert Faseovergang.objects.filter(wijkplan=plan).count() == historie


def test_stale_edit_form_keeps_the_input_and_saves_nothing(pl_client, projectleider, gemeente):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    buurt = plan.buurten.get()
    assert 'name="versie" value="1"' in text(
        pl_client.get(reverse("wijkplan-bewerken", args=[plan.pk]))
    )
    services.wijkplan_update(wijkplan=plan, user=projectleider, versie=1, naam="Naam van collega")

    response = pl_client.post(
        reverse("wijkplan-bewerken", args=[plan.pk]),
        {
            "versie": 1,
            "naam": "Mijn nieuwe naam",
            "buurten": [buurt.pk],
            "bestuurlijk_opdrachtgever": "Wethouder Wonen",
        },
    )

    assert response.status_code == 409
    assert "Iemand anders heeft dit plan gewijzigd nadat u het opende." in text(response)
    assert 'value="Mijn nieuwe naam"' in text(response)
    assert 'value="Wethouder Wonen"' in text(response)
    plan.refresh_from_db()
    assert plan.naam == "Naam van collega"
    assert plan.versie == 2
    assert plan.bestuurlijk_opdrachtgever == "Wethouder Energie en Klimaat"


def test_transition_with_open_conditions_lists_them_and_changes_nothing(
    pl_client, projectleider, gemeente
):
    plan = factories.WijkplanFactory(
        zonder_opdrachtgever=True, gemeente=gemeente, projectleider=projectleider
    )
    pagina = pl_client.get(overgang_url(plan, "start_verkenning"))
    assert "Het plan kan nog niet verder" in text(pagina)
    assert re.search(r'<button type="submit"[^>]*disabled', text(pagina))

    response = pl_client.post(
        overgang_url(plan, "start_verkenning"), {"verwachte_fase": "wijktoets"}
    )

    assert response.status_code == 409
    assert "Organisatorisch: de bestuurlijk opdrachtgever (wethouder)" in text(response)
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS


def test_create_form_needs_a_buurt_of_its_own_gemeente(pl_client, buurten):
    elders = factories.BuurtFactory()  # another municipality

    leeg = pl_client.post(reverse("wijkplan-nieuw"), {"naam": "Zonder buurten"})
    vreemd = pl_client.post(
        reverse("wijkplan-nieuw"), {"naam": "Met een vreemde buurt", "buurten": [elders.pk]}
    )

    assert leeg.status_code == 200
    assert "Kies minstens één buurt waar het plan over gaat." in field_error(leeg, "buurten")
    assert 'value="Zonder buurten"' in text(leeg)
    assert "Deze buurt hoort niet bij de gemeente." in field_error(vreemd, "buurten")
    assert not Wijkplan.objects.exists()


def test_invalid_date_gets_a_dutch_message(pl_client, projectleider, gemeente):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    response = pl_client.post(
        reverse("wijkplan-bewerken", args=[plan.pk]),
        {
            "versie": 1,
            "naam": plan.naam,
            "buurten": [plan.buurten.get().pk],
            "beoogde_raadsdatum": "31-02-2027",
        },
    )
    assert response.status_code == 200
    assert "Vul een geldige datum in" in field_error(response, "beoogde_raadsdatum")
    plan.refresh_from_db()
    assert plan.versie == 1


def test_user_with_several_gemeenten_chooses_one_first(client, gemeente, buurten):
    tweede = factories.GemeenteFactory(code="GM0200", naam="Apeldoorn")
    user = factories.projectleider(gemeente)
    assign_perm("wup.wijkplannen_gemeente", user, tweede)
    derde = factories.GemeenteFactory(code="GM0300", naam="Nergens")
    client.force_login(user)

    keuze = client.get(reverse("wijkplan-nieuw"))
    assert "In welke gemeente ligt het plan?" in text(keuze)
    assert "Apeldoorn" in text(keuze) and "Ermelo" in text(keuze)
    assert "Nergens" not in text(keuze)

    formulier = client.get(reverse("wijkplan-nieuw"), {"gemeente": "GM0233"})
    assert "Nieuw wijkplan in Ermelo" in text(formulier)
    assert "Oranjebuurt" in text(formulier)

    geweigerd = client.get(reverse("wijkplan-nieuw"), {"gemeente": derde.code})
    assert "U kunt in deze gemeente geen plan maken." in text(geweigerd)


# --- Who gets in ---------------------------------------------------------------------------


def test_another_projectleider_gets_403_everywhere(client, plan, gemeente):
    ander = factories.projectleider(gemeente, username="ander")
    client.force_login(ander)

    for url in (
        reverse("wijkplan-detail", args=[plan.pk]),
        reverse("wijkplan-bewerken", args=[plan.pk]),
        reverse("wijkplan-historie", args=[plan.pk]),
        overgang_url(plan, "start_verkenning"),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "U heeft geen toegang tot dit plan." in text(response)

    response = client.post(overgang_url(plan, "start_verkenning"), {"verwachte_fase": "wijktoets"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS
    assert plan.naam not in text(client.get(reverse("dashboard")))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/wijkplannen/nieuw",
        "/wijkplannen/{pk}",
        "/wijkplannen/{pk}/bewerken",
        "/wijkplannen/{pk}/historie",
        "/wijkplannen/{pk}/overgangen/start_verkenning",
        "/meldingen",
    ],
)
def test_anonymous_is_sent_to_the_login_page(client, plan, url):
    response = client.get(url.format(pk=plan.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


def test_griffier_sees_the_submitted_plan_and_records_the_decision_but_cannot_edit(
    client, griffier, gemeente
):
    plan = factories.WijkplanFactory(ter_besluitvorming=True, gemeente=gemeente)
    nog_bezig = factories.WijkplanFactory(uitwerking=True, gemeente=gemeente)
    client.force_login(griffier)

    dashboard = text(client.get(reverse("dashboard")))
    assert plan.naam in dashboard
    assert nog_bezig.naam not in dashboard
    assert "Nieuw wijkplan" not in dashboard
    assert client.get(reverse("wijkplan-detail", args=[nog_bezig.pk])).status_code == 403

    pagina = text(client.get(reverse("wijkplan-detail", args=[plan.pk])))
    assert f'href="{overgang_url(plan, "vaststellen")}"' in pagina
    assert f'href="{overgang_url(plan, "terugsturen")}"' in pagina
    assert "Gegevens bewerken" not in pagina
    assert f'href="{overgang_url(plan, "intrekken")}"' not in pagina  # the projectleider's
    assert client.get(reverse("wijkplan-bewerken", args=[plan.pk])).status_code == 403
    assert client.get(overgang_url(plan, "intrekken")).status_code == 403

    response = client.post(
        overgang_url(plan, "vaststellen"),
        {"verwachte_fase": "ter_besluitvorming", "motivatie": "Raadsbesluit 2027-041."},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.fase == Fase.VASTGESTELD


def test_griffier_picks_the_phase_the_council_sends_the_plan_back_to(client, griffier, gemeente):
    plan = factories.WijkplanFactory(ter_besluitvorming=True, gemeente=gemeente)
    client.force_login(griffier)

    pagina = client.get(overgang_url(plan, "terugsturen"))
    assert 'type="radio" name="naar" value="keuze"' in text(pagina)
    zonder_keuze = client.post(
        overgang_url(plan, "terugsturen"),
        {"verwachte_fase": "ter_besluitvorming", "motivatie": "Bezwaren over de kosten."},
    )
    assert "Kies de fase waarnaar het plan teruggaat." in field_error(zonder_keuze, "naar")

    client.post(
        overgang_url(plan, "terugsturen"),
        {"verwachte_fase": "ter_besluitvorming", "motivatie": "Kosten.", "naar": "keuze"},
    )
    plan.refresh_from_db()
    assert plan.fase == Fase.KEUZE


def test_adopted_plan_cannot_be_edited(pl_client, projectleider, gemeente):
    plan = factories.WijkplanFactory(
        vastgesteld=True, gemeente=gemeente, projectleider=projectleider
    )
    pagina = text(pl_client.get(reverse("wijkplan-detail", args=[plan.pk])))
    assert reverse("wijkplan-bewerken", args=[plan.pk]) not in pagina

    response = pl_client.post(
        reverse("wijkplan-bewerken", args=[plan.pk]),
        {"versie": 1, "naam": "Toch anders", "buurten": [plan.buurten.get().pk]},
    )
    assert "kan niet meer worden gewijzigd" in text(response)
    plan.refresh_from_db()
    assert plan.naam != "Toch anders"


def test_unknown_transition_is_404(pl_client, plan):
    assert pl_client.get(overgang_url(plan, "opblazen")).status_code == 404


def test_transition_from_another_phase_is_explained_not_offered(pl_client, plan):
    response = pl_client.get(overgang_url(plan, "start_uitwerking"))
    assert "is niet mogelijk in de fase ‘Wijktoets’" in text(response)
    assert 'name="verwachte_fase"' not in text(response)

    response = pl_client.post(overgang_url(plan, "start_uitwerking"), {})
    assert "is niet mogelijk in de fase ‘Wijktoets’" in text(response)
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS


# --- Dashboard -----------------------------------------------------------------------------


def test_dashboard_shows_phase_progress_per_track_and_blockers(pl_client, projectleider, gemeente):
    factories.WijkplanFactory(
        naam="Geblokkeerd",
        zonder_opdrachtgever=True,
        gemeente=gemeente,
        projectleider=projectleider,
    )
    factories.WijkplanFactory(naam="Klaar", gemeente=gemeente, projectleider=projectleider)

    pagina = text(pl_client.get(reverse("dashboard")))

    rij = pagina[pagina.index(">Geblokkeerd<") :]
    rij = rij[: rij.index("</tr>")]
    assert "Wijktoets" in rij
    assert "2 van 3" in rij
    assert "Organisatorisch: de bestuurlijk opdrachtgever (wethouder)" in rij
    klaar = pagina[pagina.index(">Klaar<") :]
    klaar = klaar[: klaar.index("</tr>")]
    assert "3 van 3" in klaar and "klaar" in klaar
    assert "Klaar voor: Wijktoets afronden en de verkenning starten." in klaar


def _plannen(user, gemeente, n):
    traits = ["verkenning", "keuze", "uitwerking", "uitvoeringsplan", "zonder_opdrachtgever", None]
    for i in range(n):
        trait = traits[i % len(traits)]
        factories.WijkplanFactory(
            gemeente=gemeente, projectleider=user, **({trait: True} if trait else {})
        )


def test_dashboard_query_count_does_not_grow_with_the_number_of_plans(
    pl_client, projectleider, gemeente
):
    _plannen(projectleider, gemeente, 6)
    pl_client.get(reverse("dashboard"))  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as zes:
        assert pl_client.get(reverse("dashboard")).status_code == 200

    _plannen(projectleider, gemeente, 12)
    with CaptureQueriesContext(connection) as achttien:
        response = pl_client.get(reverse("dashboard"))

    assert text(response).count('href="/wijkplannen/') >= 18
    assert len(achttien) == len(zes)


# --- Notifications -------------------------------------------------------------------------


def test_notifications_are_listed_counted_and_marked_read(client, griffier, gemeente):
    leider = factories.projectleider(gemeente)
    plan = factories.WijkplanFactory(uitvoeringsplan=True, gemeente=gemeente, projectleider=leider)
    services.wijkplan_update(
        wijkplan=plan, user=leider, versie=1, beoogde_raadsdatum=datetime.date(2027, 6, 30)
    )
    rij = services.wijkplan_transition(
        wijkplan=plan, overgang="aanbieden_aan_raad", user=leider, verwachte_fase="uitvoeringsplan"
    )
    services.meldingen_maken(faseovergang_id=rij.pk)
    client.force_login(griffier)

    pagina = text(client.get(reverse("meldingen")))
    assert f"{plan.naam}: van ‘Opstellen uitvoeringsplan’ naar ‘Ter besluitvorming" in pagina
    assert "Nieuw" in pagina
    assert re.search(r'class="utrecht-number-badge wup-teller">.*?1', pagina)
    assert "Alles gelezen" in pagina

    response = client.post(reverse("meldingen"))
    assert response.status_code == 302
    pagina = text(client.get(reverse("meldingen")))
    assert "Alle meldingen zijn gelezen." in pagina
    assert "wup-teller" not in pagina
    assert "Alles gelezen" not in pagina


# --- Login, logout and error pages ---------------------------------------------------------


def test_login_with_a_wrong_password_says_so_in_dutch(client, projectleider):
    response = client.post(reverse("login"), {"username": "projectleider", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in." in text(response)
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post(pl_client):
    assert pl_client.get(reverse("logout")).status_code == 405
    response = pl_client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in pl_client.session


def test_unknown_page_is_a_dutch_404(pl_client):
    response = pl_client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in text(response)
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("path", ["/api/onbekend", "/api/v2/wijkplannen", "/api/v1/bestaat/niet"])
def test_unknown_api_path_is_problem_json(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404
    assert body["title"]
    assert body["detail"]


def test_server_error_pages_are_dutch_html_or_problem_json(db):
    factory = RequestFactory()
    html = views.handler500(factory.get("/wijkplannen/1"))
    api = views.handler500(factory.get("/api/v1/wijkplannen"))
    assert html.status_code == 500
    assert "Er ging iets mis" in html.content.decode()
    assert api.status_code == 500
    assert api["Content-Type"] == "application/problem+json"


def test_forbidden_api_path_is_problem_json(db):
    from django.core.exceptions import PermissionDenied

    request = RequestFactory().get("/api/v1/wijkplannen/1")
    response = views.handler403(request, PermissionDenied("U heeft geen toegang tot dit plan."))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["detail"] == "U heeft geen toegang tot dit plan."


def test_dashboard_shows_many_plans_fifty_to_a_page(pl_client, projectleider, gemeente):
    """A beheerder sees every plan: the dashboard pages them, in a fixed order."""
    for i in range(views.PLANNEN_PER_PAGINA + 5):
        factories.WijkplanFactory(
            gemeente=gemeente, projectleider=projectleider, naam=f"Plan {i:03d}"
        )
    eerste = text(pl_client.get(reverse("dashboard")))
    assert len(re.findall(r'href="/wijkplannen/\d+"', eerste)) == views.PLANNEN_PER_PAGINA
    assert "55 wijkplannen, pagina 1 van 2" in eerste
    assert "Plan 000" in eerste and "Plan 054" not in eerste
    assert 'rel="next" href="?pagina=2"' in eerste

    tweede = text(pl_client.get(reverse("dashboard"), {"pagina": 2}))
    assert len(re.findall(r'href="/wijkplannen/\d+"', tweede)) == 5
    assert "Plan 054" in tweede and "Plan 000" not in tweede
    assert 'aria-current="page" href="?pagina=2"' in tweede

    # A page that does not exist shows the nearest one, never an error.
    assert "Plan 054" in text(pl_client.get(reverse("dashboard"), {"pagina": 99}))
    assert "Plan 000" in text(pl_client.get(reverse("dashboard"), {"pagina": "x"}))
