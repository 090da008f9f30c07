"""The pages of the organisation as the projectleider and his colleagues use them: the RACI
matrix as a table of selects, the agreement, governance, the risk register with its matrix and
export, the planning with its timeline; read only for others and for a frozen plan."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.factories import inloggen
from tests.uitwerking.organisatie.hulp import (
    GISTEREN,
    akkoord,
    compleet,
    fase,
    risico,
    rollen_verdelen,
    uitwerkingplan,
)
from tests.wup.test_templates_csp import inline_code
from uitwerking.models import GovernanceKeuze, Partij, Realisatiefase, Risico, Rol
from uitwerking.selectors import organisatie as selectors
from uitwerking.services import organisatie as services
from wup.models import Besluit, Wijkplan

pytestmark = pytest.mark.django_db

PAGINAS = (
    "uitwerking-organisatie",
    "uitwerking-raci",
    "uitwerking-governance",
    "uitwerking-risicos",
    "uitwerking-planning",
)


@pytest.fixture
def plan(gemeente, projectleider):
    return uitwerkingplan(gemeente, projectleider)


@pytest.fixture
def pl(client, projectleider):
    client.force_login(projectleider)
    return client


def _url(naam, plan, *args):
    return reverse(naam, args=[plan.pk, *args])


def _html(response) -> str:
    return response.content.decode()


def test_every_page_renders_without_inline_code_empty_and_full(pl, plan, projectleider):
    for naam in PAGINAS:
        response = pl.get(_url(naam, plan))
        assert response.status_code == 200, naam
        assert not inline_code(_html(response)), naam
    compleet(plan, projectleider)
    for naam in PAGINAS:
        response = pl.get(_url(naam, plan))
        assert response.status_code == 200, naam
        assert not inline_code(_html(response)), naam
    html = _html(pl.get(_url("uitwerking-organisatie", plan)))
    assert html.count("utrecht-status-badge--success") == 3


def test_the_pages_are_in_the_plan_navigation(pl, plan):
    html = _html(pl.get(reverse("wijkplan-detail", args=[plan.pk])))
    for naam in PAGINAS:
        assert _url(naam, plan) in html


def test_the_projectleider_starts_from_the_standard_lists_and_fills_the_matrix(pl, plan):
    html = _html(pl.get(_url("uitwerking-raci", plan)))
    assert "Standaardpartijen toevoegen" in html and "Standaardactiviteiten toevoegen" in html
    assert "Dit plan heeft nog geen partijen" in html
    pl.post(_url("uitwerking-standaardpartijen", plan))
    response = pl.post(_url("uitwerking-standaardactiviteiten", plan), follow=True)
    html = _html(response)
    assert "8 standaardactiviteiten zijn toegevoegd" in html
    raci = selectors.raci_van(plan)
    a, p = raci.activiteiten[0], raci.partijen[0]
    veld = f"rol_{a.pk}_{p.pk}"
    # a labelled select per cell
    assert f'<label class="wup-visueel-verborgen" for="id_{veld}">' in html
    assert f"Rol van {p.naam} bij {a.naam}" in html
    assert f'<select name="{veld}"' in html

    # an incomplete matrix: nothing saved, the error next to each activity
    response = pl.post(_url("uitwerking-raci", plan), {veld: "A"})
    assert response.status_code == 400
    html = _html(response)
    assert f'id="fout-activiteit-{a.pk}"' in html
    assert "Bij ‘Ontwerp warmtesysteem’ geen enkele partij voert het uit (R)." in html
    assert "Bij ‘Financiering’ er is geen partij eindverantwoordelijk (A)" in html
    assert not Rol.objects.exists()

    data = {}
    for act in raci.activiteiten:
        data[f"rol_{act.pk}_{raci.partijen[0].pk}"] = "A"
        data[f"rol_{act.pk}_{raci.partijen[1].pk}"] = "R"
        data[f"rol_{act.pk}_{raci.partijen[4].pk}"] = "I"
    response = pl.post(_url("uitwerking-raci", plan), data, follow=True)
    assert "De rollen zijn opgeslagen." in _html(response)
    assert Rol.objects.count() == 24
    assert _url("uitwerking-rollen-akkoord", plan) in _html(response)


def test_the_agreement_is_recorded_and_shown_as_lapsed_after_a_change(pl, plan, projectleider):
    partijen = rollen_verdelen(plan, projectleider)
    response = pl.post(_url("uitwerking-rollen-akkoord", plan), {"datum": "", "orgaan": "x"})
    assert response.status_code == 400
    html = _html(response)
    assert "Vul de datum in waarop de rollen zijn afgesproken." in html
    assert "Kies waar de rollen zijn afgesproken." in html
    response = pl.post(
        _url("uitwerking-rollen-akkoord", plan),
        {"datum": GISTEREN.isoformat(), "orgaan": "stuurgroep", "kenmerk": "SG-7"},
        follow=True,
    )
    html = _html(response)
    assert "staat in de besluitenlijst" in html and "afgesproken" in html
    assert Besluit.objects.filter(wijkplan=plan, bron="uitwerking_rollen", kenmerk="SG-7").exists()
    raci = selectors.raci_van(plan)
    data = {f"rol_{a}_{p}": r for (a, p), r in raci.cellen.items()}
    a = raci.activiteiten[0]
    data[f"rol_{a.pk}_{partijen['Netbeheerder']}"] = "C"
    html = _html(pl.post(_url("uitwerking-raci", plan), data, follow=True))
    assert "niet meer actueel, opnieuw afspreken" in html


def test_the_governance_choice_with_explanations_and_errors(pl, plan):
    html = _html(pl.get(_url("uitwerking-governance", plan)))
    for label in GovernanceKeuze.Model.labels:
        assert str(label) in html
    assert "Er is nog geen model van eigendom en governance gekozen." in html
    response = pl.post(
        _url("uitwerking-governance", plan), {"model": "publiek", "motivatie": "kort"}
    )
    assert response.status_code == 400
    html = _html(response)
    assert "gebruik minstens 20 tekens" not in html  # the form stops first: date and body
    assert "Vul de datum van het besluit in." in html
    response = pl.post(
        _url("uitwerking-governance", plan),
        {
            "model": "concessie",
            "motivatie": "Het warmtebedrijf heeft de kennis en het kapitaal voor de aanleg.",
            "datum": GISTEREN.isoformat(),
            "orgaan": "college",
        },
        follow=True,
    )
    html = _html(response)
    assert (
        "Privaat warmtebedrijf met concessie" in html
        and "besloten door College van B&amp;W" in html
    )
    assert Besluit.objects.filter(wijkplan=plan, bron="uitwerking_governance").count() == 1


def test_risks_are_added_with_errors_next_to_the_field_changed_and_removed(pl, plan, projectleider):
    partijen = rollen_verdelen(plan, projectleider)
    response = pl.post(
        _url("uitwerking-risico-nieuw", plan),
        {"titel": "", "categorie": "techniek", "kans": "7", "impact": "3", "status": "open"},
    )
    assert response.status_code == 400
    html = _html(response)
    assert 'id="id_titel_error"' in html and "Geef het risico een korte titel." in html
    assert "Kies een getal van 1 (heel klein) tot en met 5 (heel groot)." in html
    response = pl.post(
        _url("uitwerking-risico-nieuw", plan),
        {
            "titel": "Bron valt weg",
            "categorie": "techniek",
            "kans": "4",
            "impact": "5",
            "eigenaar": str(partijen["Warmtebedrijf"]),
            "status": "open",
        },
        follow=True,
    )
    html = _html(response)
    assert "Het risico is toegevoegd." in html
    assert "ontbreekt: nodig bij een hoog risico" in html
    assert "wup-grafiek--risicomatrix" in html and "Cijfers bij de grafiek" in html
    r = Risico.objects.get()
    assert r.score == 20 and r.eigenaar.naam == "Warmtebedrijf"
    html = _html(pl.get(_url("uitwerking-risico-wijzigen", plan, r.pk)))
    assert 'value="Bron valt weg"' in html
    response = pl.post(
        _url("uitwerking-risico-wijzigen", plan, r.pk),
        {
            "titel": "Bron valt weg",
            "categorie": "techniek",
            "kans": "4",
            "impact": "5",
            "eigenaar": "",
            "beheersmaatregel": "Hulpketel",
            "status": "in_behandeling",
        },
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.eigenaar is None and r.status == "in_behandeling"
    assert pl.get(_url("uitwerking-risico-verwijderen", plan, r.pk)).status_code == 200
    pl.post(_url("uitwerking-risico-verwijderen", plan, r.pk))
    assert not Risico.objects.exists()


def test_the_register_exports_as_csv_and_excel(pl, plan, projectleider):
    risico(plan, projectleider, titel="=SOM(A1)", kans=5, impact=3, beheersmaatregel="")
    response = pl.get(_url("uitwerking-risicos-export", plan) + "?formaat=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    tekst = response.content.decode("utf-8-sig")
    kop, rij = tekst.splitlines()[:2]
    assert kop.startswith("Titel;Omschrijving;Categorie;Kans (1-5);Impact (1-5);Score;Hoog")
    assert rij.startswith("'=SOM(A1);;Participatie;5;3;15;ja")
    response = pl.get(_url("uitwerking-risicos-export", plan) + "?formaat=xlsx")
    blad = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert blad["A1"].value == "Titel" and blad["A2"].value == "'=SOM(A1)"
    assert blad["F2"].value == 15
    assert pl.get(_url("uitwerking-risicos-export", plan) + "?formaat=pdf").status_code == 400


def test_phases_with_end_before_start_are_refused_and_the_timeline_shows(pl, plan):
    response = pl.post(
        _url("uitwerking-fase-nieuw", plan),
        {"naam": "Aanleg", "begindatum": "2028-01-01", "einddatum": "2027-01-01"},
    )
    assert response.status_code == 400
    assert "De einddatum kan niet voor de begindatum liggen." in _html(response)
    assert 'id="id_einddatum_error"' in _html(response)
    response = pl.post(
        _url("uitwerking-fase-nieuw", plan),
        {"naam": "Aanleg", "begindatum": "01-01-2027", "einddatum": "2027-12-31"},
        follow=True,
    )
    html = _html(response)
    assert "De fase is toegevoegd." in html and "wup-grafiek--tijdlijn" in html
    f = Realisatiefase.objects.get()
    assert (
        pl.post(
            _url("uitwerking-fase-wijzigen", plan, f.pk),
            {"naam": "Aanleg net", "begindatum": "2027-01-01", "einddatum": "2027-06-30"},
        ).status_code
        == 302
    )
    f.refresh_from_db()
    assert f.naam == "Aanleg net"
    pl.post(_url("uitwerking-fase-verwijderen", plan, f.pk))
    assert not Realisatiefase.objects.exists()


def test_others_read_only_and_the_anonymous_log_in(
    client, plan, projectleider, gemeente, beheerder
):
    compleet(plan, projectleider)
    inloggen(client, beheerder)
    html = _html(client.get(_url("uitwerking-raci", plan)))
    assert "<select" not in html and "Standaardpartijen toevoegen" not in html
    assert "Gemeente" in html and "Rollen per activiteit en partij" in html
    html = _html(client.get(_url("uitwerking-risicos", plan)))
    assert _url("uitwerking-risico-nieuw", plan) not in html and "Te weinig aansluitingen" in html
    assert client.post(_url("uitwerking-raci", plan), {}).status_code == 403

    client.force_login(factories.projectleider(gemeente, username="collega"))
    for naam in PAGINAS:
        assert client.get(_url(naam, plan)).status_code == 403, naam
    assert client.post(_url("uitwerking-standaardpartijen", plan)).status_code == 403
    r = Risico.objects.get()
    assert client.post(_url("uitwerking-risico-verwijderen", plan, r.pk)).status_code == 403
    assert Risico.objects.exists()
    andere = uitwerkingplan(gemeente, projectleider)
    client.force_login(projectleider)
    assert client.get(_url("uitwerking-risico-wijzigen", andere, r.pk)).status_code == 404
    assert client.get(_url("uitwerking-fase-wijzigen", plan, 2**63)).status_code == 404

    client.logout()
    response = client.get(_url("uitwerking-raci", plan))
    assert response.status_code == 302 and "/inloggen" in response["Location"]


def test_a_frozen_plan_is_read_only(pl, plan, projectleider):
    compleet(plan, projectleider)
    Wijkplan.objects.filter(pk=plan.pk).update(fase="vastgesteld")
    html = _html(pl.get(_url("uitwerking-raci", plan)))
    assert "De organisatie kan niet meer veranderen." in html and "<select" not in html
    html = _html(pl.get(_url("uitwerking-risicos", plan)))
    assert _url("uitwerking-risico-nieuw", plan) not in html
    r = Risico.objects.get()
    response = pl.post(_url("uitwerking-risico-verwijderen", plan, r.pk))
    assert response.status_code == 409 and Risico.objects.exists()
    assert pl.post(_url("uitwerking-standaardpartijen", plan)).status_code == 409
    response = pl.post(_url("uitwerking-partij-nieuw", plan), {"naam": "X", "soort": "anders"})
    assert response.status_code == 409 and not Partij.objects.filter(naam="X").exists()
    assert pl.get(_url("uitwerking-governance", plan)).status_code == 200


@pytest.mark.parametrize("naam", PAGINAS)
def test_queries_per_page_do_not_grow_with_the_rows(pl, plan, projectleider, naam):
    compleet(plan, projectleider)

    def tel():
        with CaptureQueriesContext(connection) as q:
            assert pl.get(_url(naam, plan)).status_code == 200
        return len(q)

    weinig = tel()
    partijen = selectors.partijen_van(plan)
    for i in range(6):
        risico(plan, projectleider, titel=f"Risico {i}", eigenaar=partijen[i % 5].pk)
        fase(plan, projectleider, naam=f"Fase {i}", verantwoordelijke=partijen[i % 5].pk)
    for i in range(3):
        services.partij_toevoegen(
            wijkplan=plan, user=projectleider, naam=f"Partij {i}", soort="anders"
        )
        services.activiteit_toevoegen(wijkplan=plan, user=projectleider, naam=f"Activiteit {i}")
    raci = selectors.raci_van(plan)
    rollen = dict(raci.cellen)
    for a in raci.activiteiten[-3:]:
        rollen[(a.pk, raci.partijen[0].pk)] = "A"
        rollen[(a.pk, raci.partijen[-1].pk)] = "R"
    services.raci_opslaan(wijkplan=plan, user=projectleider, rollen=rollen)
    akkoord(plan, projectleider)
    assert selectors.raci_van(plan).geldig
    assert tel() == weinig


def test_html_in_names_is_shown_as_text(pl, plan, projectleider):
    rollen_verdelen(plan, projectleider)
    risico(plan, projectleider, titel="<script>alert(1)</script>")
    akkoord(plan, projectleider)
    for naam in PAGINAS:
        html = _html(pl.get(_url(naam, plan)))
        assert "<script>alert(1)" not in html
