"""The pages of the implementation plan: they render, forms put Dutch errors next to the field,
only the plan's projectleider writes, a frozen plan is read-only, and the number of queries
does not grow with the rows."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from besluitvorming import selectors_uitvoeringsplan as selectors
from besluitvorming import services_uitvoeringsplan as services
from besluitvorming.models import Randvoorwaarde, Waarborg
from participatie.models import Inbreng
from tests import factories
from tests.besluitvorming.uitvoeringsplan.hulp import compleet, uvpplan
from uitwerking.models import Realisatiefase
from wup.models import Wijkplan

pytestmark = pytest.mark.django_db

PAGINAS = ("besluitvorming-uitvoeringsplan", "besluitvorming-wensen", "besluitvorming-wgiw")


@pytest.fixture
def plan(gemeente, projectleider):
    return uvpplan(gemeente, projectleider)


@pytest.mark.parametrize("naam", PAGINAS)
def test_the_pages_render_for_the_projectleider_with_their_forms(client, plan, projectleider, naam):
    client.force_login(projectleider)
    r = client.get(reverse(naam, args=[plan.pk]))
    assert r.status_code == 200
    assert b"<script" not in r.content.split(b"<main")[1].split(b"</main>")[0]
    assert b' style="' not in r.content


def test_the_overview_shows_the_forms_step_5s_phases_and_the_decisions_log(
    client, plan, projectleider
):
    Realisatiefase.objects.create(
        wijkplan=plan,
        naam="Aanleg hoofdnet",
        begindatum=datetime.date(2030, 1, 1),
        einddatum=datetime.date(2031, 1, 1),
    )
    client.force_login(projectleider)
    html = client.get(reverse("besluitvorming-uitvoeringsplan", args=[plan.pk])).content.decode()
    assert "Aanleg hoofdnet" in html
    assert "Randvoorwaarde toevoegen" in html and 'name="einddatum_gaslevering"' in html
    assert "Besluiten die al in de besluitenlijst staan" in html or "besluitenlijst" in html


def test_the_composition_form_shows_errors_next_to_the_field(client, plan, projectleider):
    client.force_login(projectleider)
    url = reverse("besluitvorming-uitvoeringsplan", args=[plan.pk])
    r = client.post(url, {"aankondigingstermijn_jaren": "veel"})
    assert r.status_code == 400
    assert "Vul een heel aantal jaren in" in r.content.decode()
    r = client.post(url, {"aankondigingstermijn_jaren": "8", "armoede": "nvt"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Schrijf er ook bij waarom dit thema niet van toepassing is" in html
    assert 'id="id_armoede_error"' in html


def test_a_short_notice_period_is_saved_with_a_warning(client, plan, projectleider):
    client.force_login(projectleider)
    url = reverse("besluitvorming-uitvoeringsplan", args=[plan.pk])
    r = client.post(
        url, {"einddatum_gaslevering": "2040-01-01", "aankondigingstermijn_jaren": "4"}, follow=True
    )
    assert r.status_code == 200
    assert "korter dan de norm van 8 jaar" in r.content.decode()
    assert selectors.samenstelling_van(plan).aankondigingstermijn_jaren == 4


def test_an_item_is_added_with_errors_next_to_the_field_then_changed_and_removed(
    client, plan, projectleider
):
    client.force_login(projectleider)
    nieuw = reverse("besluitvorming-randvoorwaarde-nieuw", args=[plan.pk])
    r = client.post(nieuw, {"rv-tekst": ""})
    assert r.status_code == 400 and "Beschrijf de randvoorwaarde." in r.content.decode()
    r = client.post(nieuw, {"rv-tekst": "Netcapaciteit."})
    assert r.status_code == 302
    rv = Randvoorwaarde.objects.get(wijkplan=plan)
    r = client.post(
        reverse("besluitvorming-randvoorwaarde-wijzigen", args=[plan.pk, rv.pk]),
        {"tekst": "Genoeg netcapaciteit."},
    )
    assert r.status_code == 302
    rv.refresh_from_db()
    assert rv.tekst == "Genoeg netcapaciteit."
    r = client.post(reverse("besluitvorming-randvoorwaarde-verwijderen", args=[plan.pk, rv.pk]))
    assert r.status_code == 302 and not Randvoorwaarde.objects.exists()
    r = client.post(
        reverse("besluitvorming-processtap-nieuw", args=[plan.pk]),
        {"ps-naam": "Aanleg", "ps-verantwoordelijke": ""},
    )
    assert "Vul in welke partij verantwoordelijk is" in r.content.decode()


def test_a_wish_and_a_safeguard_are_saved_from_their_pages(client, plan, projectleider):
    vraag = Inbreng.objects.create(
        wijkplan=plan,
        soort="vraag",
        tekst="Wat kost het?",
        antwoord="Niets.",
        status="gepubliceerd",
    )
    client.force_login(projectleider)
    url = reverse("besluitvorming-wens", args=[plan.pk, vraag.pk])
    r = client.post(url, {f"w{vraag.pk}-opgenomen": "on", f"w{vraag.pk}-notitie": ""})
    assert r.status_code == 400
    assert "Schrijf kort op hoe deze wens in het plan is opgenomen." in r.content.decode()
    r = client.post(url, {f"w{vraag.pk}-opgenomen": "on", f"w{vraag.pk}-notitie": "Vaste prijs."})
    assert r.status_code == 302
    assert selectors.wensen_van(plan)[0].opgenomen
    verborgen = Inbreng.objects.create(wijkplan=plan, soort="vraag", tekst="?", status="nieuw")
    assert (
        client.post(reverse("besluitvorming-wens", args=[plan.pk, verborgen.pk])).status_code == 404
    )

    url = reverse("besluitvorming-waarborg", args=[plan.pk, "betaalbaarheid"])
    r = client.post(url, {"betaalbaarheid-antwoord": ""})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Beschrijf hoe het plan aan deze waarborg voldoet." in html
    assert "Kies of aan de waarborg is voldaan." in html
    r = client.post(
        url, {"betaalbaarheid-antwoord": "Woonlastenneutraal.", "betaalbaarheid-status": "voldaan"}
    )
    assert r.status_code == 302
    w = Waarborg.objects.get(wijkplan=plan, punt="betaalbaarheid")
    assert "nog geen woonlasten" in w.bewijs
    html = client.get(reverse("besluitvorming-wgiw", args=[plan.pk])).content.decode()
    assert reverse("uitwerking-woonlasten", args=[plan.pk]) in html


def test_another_plans_projectleider_gets_403_and_anonymous_goes_to_login(client, gemeente, plan):
    for naam in PAGINAS:
        url = reverse(naam, args=[plan.pk])
        r = client.get(url)
        assert r.status_code == 302 and "/inloggen" in r["Location"]
    client.force_login(factories.projectleider(gemeente))
    for naam in PAGINAS:
        assert client.get(reverse(naam, args=[plan.pk])).status_code == 403
    r = client.post(
        reverse("besluitvorming-randvoorwaarde-nieuw", args=[plan.pk]), {"rv-tekst": "x"}
    )
    assert r.status_code == 403 and not Randvoorwaarde.objects.exists()
    r = client.post(reverse("besluitvorming-uitvoeringsplan", args=[plan.pk]), {})
    assert r.status_code == 403


def test_the_griffier_reads_a_plan_at_the_council_without_forms(client, gemeente, griffier):
    pl = factories.projectleider(gemeente)
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=pl, ter_besluitvorming=True)
    compleet(plan, pl)
    client.force_login(griffier)
    for naam in PAGINAS:
        r = client.get(reverse(naam, args=[plan.pk]))
        assert r.status_code == 200
        assert b'<form method="post" action="/wijkplannen' not in r.content
    assert (
        "Genoeg netcapaciteit."
        in client.get(reverse("besluitvorming-uitvoeringsplan", args=[plan.pk])).content.decode()
    )


def test_a_frozen_plan_is_read_only(client, gemeente, projectleider):
    plan = uvpplan(gemeente, projectleider)
    compleet(plan, projectleider)
    rv = Randvoorwaarde.objects.get(wijkplan=plan)
    Wijkplan.objects.filter(pk=plan.pk).update(fase="vastgesteld")
    client.force_login(projectleider)
    r = client.get(reverse("besluitvorming-uitvoeringsplan", args=[plan.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "kan niet meer veranderen" in html and 'name="einddatum_gaslevering"' not in html
    assert (
        client.post(reverse("besluitvorming-uitvoeringsplan", args=[plan.pk]), {}).status_code
        == 409
    )
    r = client.post(reverse("besluitvorming-randvoorwaarde-verwijderen", args=[plan.pk, rv.pk]))
    assert r.status_code == 409 and Randvoorwaarde.objects.filter(pk=rv.pk).exists()
    r = client.post(
        reverse("besluitvorming-waarborg", args=[plan.pk, "participatie"]),
        {"participatie-antwoord": "x", "participatie-status": "voldaan"},
    )
    assert r.status_code == 409


@pytest.mark.parametrize("naam", PAGINAS)
def test_the_queries_per_page_do_not_grow_with_the_rows(client, plan, projectleider, naam):
    client.force_login(projectleider)
    url = reverse(naam, args=[plan.pk])

    def tel():
        with CaptureQueriesContext(connection) as q:
            assert client.get(url).status_code == 200
        return len(q)

    def rijen(n):
        for i in range(n):
            services.randvoorwaarde_toevoegen(wijkplan=plan, user=projectleider, tekst=f"R{i}")
            services.processtap_toevoegen(
                wijkplan=plan, user=projectleider, naam=f"S{i}", verantwoordelijke="Gemeente"
            )
            services.benodigd_besluit_toevoegen(
                wijkplan=plan, user=projectleider, orgaan="college", onderwerp=f"B{i}"
            )
            Inbreng.objects.create(
                wijkplan=plan, soort="vraag", tekst=f"V{i}", antwoord="A", status="gepubliceerd"
            )
            Realisatiefase.objects.create(
                wijkplan=plan,
                naam=f"F{i}",
                begindatum=datetime.date(2030, 1, 1),
                einddatum=datetime.date(2031, 1, 1),
            )

    rijen(1)
    weinig = tel()
    rijen(4)
    assert tel() == weinig
