"""The pages of the business case: the result with its charts, scenarios and parameters, the
input form with the origin of every value and Dutch errors next to the fields, recalculating
when outdated, the exports; read-only for colleagues and frozen plans."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.factories import inloggen
from tests.uitwerking.businesscase.hulp import bc_plan
from tests.uitwerking.businesscase.test_services import nieuwe_versie
from uitwerking.forms.businesscase import BusinesscaseForm
from uitwerking.models import Businesscase
from uitwerking.selectors import businesscase as selectors
from uitwerking.services import businesscase as services
from wup.constants import Fase
from wup.models import Wijkplan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return bc_plan(gemeente, projectleider)


@pytest.fixture
def pl(client, projectleider):
    client.force_login(projectleider)
    return client


def _html(response) -> str:
    return response.content.decode()


def _url(naam, plan, *args):
    return reverse(naam, args=[plan.pk, *args])


def _formulier(plan) -> dict:
    """The form as a browser sends it back, prefilled."""
    start = selectors.startpunt(plan)
    form = BusinesscaseForm(waarden=start.waarden, herkomst=start.herkomst)
    return {naam: form[naam].value() or "" for naam in form.fields}


def test_before_a_calculation_the_page_invites_the_projectleider(pl, plan):
    html = _html(pl.get(_url("uitwerking-businesscase", plan)))
    assert "Er is nog geen businesscase berekend" in html
    assert _url("uitwerking-businesscase-invoer", plan) in html
    assert "Warmtenet restwarmte" in html


def test_the_form_is_prefilled_and_says_where_each_value_came_from(pl, plan):
    r = pl.get(_url("uitwerking-businesscase-invoer", plan))
    html = _html(r)
    assert r.status_code == 200
    assert 'value="6000000"' in html  # the network from step 2
    assert "Wijkleidingen" in html and "Bron:" in html
    assert 'value="90"' in html  # the connection rate as a percentage
    assert "Discontovoet_warmtebedrijf" in html


def test_calculating_shows_key_figures_chart_scenarios_and_parameters(pl, plan, projectleider):
    data = _formulier(plan)
    data["variabel_per_gj"] = "99"  # above the ACM maximum
    data["subsidies__0__omschrijving"] = "WIS"
    data["subsidies__0__jaar"] = data["startjaar"]
    data["subsidies__0__bedrag"] = "250.000"
    r = pl.post(_url("uitwerking-businesscase-invoer", plan), data)
    assert r.status_code == 302, _html(r)
    bc = Businesscase.objects.get()
    assert bc.invoer["waarden"]["subsidies"][0]["bedrag"] == 250_000
    assert bc.invoer["waarden"]["aansluitgraad"] == pytest.approx(0.9)
    html = _html(pl.get(_url("uitwerking-businesscase", plan)))
    for tekst in (
        "Netto contante waarde",
        "Interne rentevoet",
        "Terugverdientijd",
        "Onrendabele top",
        "begrensd op het ACM-maximum",
        "Uitkomst per prijsscenario",
        "Hoog",
        "Financiële parameters met hun bron",
        "Discontovoet_warmtebedrijf",
        "parameterset versie",
        "Download als CSV",
    ):
        assert tekst in html, tekst
    # the charts carry a text alternative and their figures as a table
    assert html.count('role="img"') >= 2
    assert "<title" in html and "<desc" in html
    assert "Cijfers bij de grafiek: Netto kasstroom per jaar" in html
    assert "Cijfers bij de grafiek: Cumulatieve contante kasstroom" in html
    assert "Verouderd" not in html
    assert projectleider.username not in html.split("<main", 1)[-1]


def test_the_form_sent_back_unchanged_marks_nothing_as_changed(pl, plan):
    r = pl.post(_url("uitwerking-businesscase-invoer", plan), _formulier(plan))
    assert r.status_code == 302
    bc = Businesscase.objects.get()
    assert bc.invoer["aangepast"] == []
    assert bc.invoer["herkomst"] == selectors.startpunt(plan).herkomst


def test_bad_input_comes_back_with_dutch_errors_next_to_the_fields(pl, plan):
    data = _formulier(plan)
    data["investeringen__netwerk__levensduur_jaren"] = "-3"
    data["discontovoet"] = "-100"
    data["vastrecht_per_jaar"] = ""
    data["aansluitfasering"] = "0,5; 0,3"
    data["subsidies__1__bedrag"] = "1000"
    r = pl.post(_url("uitwerking-businesscase-invoer", plan), data)
    html = _html(r)
    assert r.status_code == 400
    assert 'id="id_investeringen__netwerk__levensduur_jaren_error"' in html
    assert "De levensduur moet meer dan 0 jaar zijn." in html
    assert 'id="id_discontovoet_error"' in html and "-100 %" in html
    assert 'id="id_vastrecht_per_jaar_error"' in html
    assert 'id="id_aansluitfasering_error"' in html and "samen moet dat 1 zijn" in html
    # the second subsidy row (the only filled one) is named in its own row
    assert 'id="id_subsidies__1__omschrijving_error"' in html
    assert "Controleer uw invoer" in html
    assert not Businesscase.objects.exists()


def test_without_a_finished_calculation_the_form_says_what_to_do(pl, gemeente, projectleider):
    from tests.uitwerking.businesscase.hulp import alternatief, kies

    plan = bc_plan(gemeente, projectleider, laden=False)
    kies(plan, alternatief(plan, "Nog niet doorgerekend"))
    html = _html(pl.get(_url("uitwerking-businesscase-invoer", plan)))
    assert "nog niet doorgerekend" in html, html
    assert 'action="' + _url("uitwerking-businesscase-invoer", plan) not in html
    assert reverse("techniek-alternatieven", args=[plan.pk]) in html
    r = pl.post(_url("uitwerking-businesscase-invoer", plan), {})
    assert r.status_code == 400 and not Businesscase.objects.exists()


def test_outdated_shows_why_and_recalculates(pl, plan, projectleider, beheerder):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    nieuwe_versie(beheerder)
    html = _html(pl.get(_url("uitwerking-businesscase", plan)))
    assert "Verouderd" in html and "financiële parameters zijn sinds" in html
    assert _url("uitwerking-businesscase-herberekenen", plan) in html
    r = pl.post(_url("uitwerking-businesscase-herberekenen", plan))
    assert r.status_code == 302
    assert Businesscase.objects.count() == 2
    html = _html(pl.get(_url("uitwerking-businesscase", plan)))
    assert "Eerdere berekeningen" in html and "Verouderd" not in html.split("Eerdere")[0]


def test_colleagues_read_only_and_strangers_are_refused(client, plan, projectleider, gemeente):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    ander = factories.projectleider(gemeente, username="andere")
    client.force_login(ander)
    for naam in ("uitwerking-businesscase", "uitwerking-businesscase-invoer"):
        assert client.get(_url(naam, plan)).status_code == 403
    assert client.post(_url("uitwerking-businesscase-herberekenen", plan)).status_code == 403
    assert client.get(_url("uitwerking-businesscase-export", plan)).status_code == 403
    beheerder = factories.beheerder(username="kijker")
    inloggen(client, beheerder)
    html = _html(client.get(_url("uitwerking-businesscase", plan)))
    assert "Netto contante waarde" in html
    assert _url("uitwerking-businesscase-invoer", plan) not in html
    assert client.get(_url("uitwerking-businesscase-invoer", plan)).status_code == 403


def test_anonymous_goes_to_the_login(client, plan):
    for naam in ("uitwerking-businesscase", "uitwerking-businesscase-invoer"):
        r = client.get(_url(naam, plan))
        assert r.status_code == 302 and "inloggen" in r["Location"]


def test_a_frozen_plan_is_read_only(pl, plan, projectleider):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    Wijkplan.objects.filter(pk=plan.pk).update(fase=Fase.VASTGESTELD)
    html = _html(pl.get(_url("uitwerking-businesscase", plan)))
    assert "kan niet meer veranderen" in html
    assert _url("uitwerking-businesscase-invoer", plan) not in html
    r = pl.get(_url("uitwerking-businesscase-invoer", plan))
    assert r.status_code == 200
    assert 'action="' + _url("uitwerking-businesscase-invoer", plan) not in _html(r)
    assert pl.post(_url("uitwerking-businesscase-invoer", plan), {}).status_code == 409
    assert pl.post(_url("uitwerking-businesscase-herberekenen", plan)).status_code == 409
    assert Businesscase.objects.count() == 1


def test_csv_and_excel_hold_the_cash_flows_and_the_scenarios(pl, plan, projectleider):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    r = pl.get(_url("uitwerking-businesscase-export", plan) + "?formaat=csv")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    assert "attachment" in r["Content-Disposition"]
    tekst = r.content.decode("utf-8-sig")
    regels = tekst.split("\r\n")
    assert regels[0].startswith("Jaar;Investeringen;Vervanging")
    assert "Netto kasstroom" in regels[0] and "Contante waarde" in regels[0]
    assert any(r.startswith("Prijsscenario;Aansluitgraad") for r in regels)
    assert any(r.startswith("Hoog;") for r in regels)
    assert tekst.count("\ufeff") == 0
    r = pl.get(_url("uitwerking-businesscase-export", plan) + "?formaat=xlsx")
    boek = openpyxl.load_workbook(io.BytesIO(r.content))
    assert boek.sheetnames == ["Kasstromen", "Scenario's", "Kerncijfers"]
    kasstromen = boek["Kasstromen"]
    assert kasstromen["A1"].value == "Jaar"
    assert kasstromen.max_row == 31  # header + 30 years
    assert boek["Scenario's"].max_row == 10
    r = pl.get(_url("uitwerking-businesscase-export", plan) + "?formaat=pdf")
    assert r.status_code == 302


def test_before_a_calculation_the_export_holds_the_column_titles(pl, plan):
    r = pl.get(_url("uitwerking-businesscase-export", plan))
    assert r.status_code == 200
    assert r.content.decode("utf-8-sig").startswith("Jaar;Investeringen")


def test_an_earlier_calculation_can_be_read_as_it_was(pl, plan, projectleider):
    eerste = services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    services.businesscase_berekenen(
        wijkplan=plan, user=projectleider, invoer={"aansluitgraad": 0.7}
    )
    basis = _url("uitwerking-businesscase", plan)
    html = _html(pl.get(f"{basis}?berekening={eerste.pk}"))
    assert "Dit is een eerdere berekening" in html
    assert f"?berekening={eerste.pk}" in _html(pl.get(basis))
    for fout in ("99999", "x", "-1", str(2**64)):
        assert pl.get(f"{basis}?berekening={fout}").status_code == 404


def test_the_pages_take_as_many_queries_with_a_long_history(pl, plan, projectleider):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)

    def tel(naam):
        with CaptureQueriesContext(connection) as q:
            assert pl.get(_url(naam, plan)).status_code == 200
        return len(q)

    klein = {n: tel(n) for n in ("uitwerking-businesscase", "uitwerking-businesscase-invoer")}
    for g in (0.7, 0.8, 1.0):
        services.businesscase_berekenen(
            wijkplan=plan, user=projectleider, invoer={"aansluitgraad": g}
        )
    groot = {n: tel(n) for n in klein}
    assert groot == klein


def test_an_irr_that_does_not_exist_is_shown_with_its_reason(pl, plan, projectleider):
    services.businesscase_berekenen(
        wijkplan=plan,
        user=projectleider,
        invoer={"investeringen": {post: {"bedrag": 0} for post in selectors.POST_NAMEN}},
    )
    html = _html(pl.get(_url("uitwerking-businesscase", plan)))
    assert "bestaat niet" in html
    assert "Er is geen interne rentevoet" in html


def test_the_plan_document_has_the_chapter(pl, plan, projectleider):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)
    html = _html(pl.get(reverse("wijkplan-document", args=[plan.pk])))
    assert "Businesscase warmtebedrijf" in html and "Onrendabele top" in html


def test_an_alternative_without_a_heat_network_is_pointed_out(pl, gemeente, projectleider):
    from tests.uitwerking.businesscase.hulp import alternatief, berekening, kies

    plan = bc_plan(gemeente, projectleider)
    alt = alternatief(plan, "Luchtwarmtepomp")
    berekening(
        alt,
        kosten=[
            {
                "post": "Warmtepompen",
                "groep": "K09_Gebouw_installatie",
                "investering_eur": 4e6,
                "looptijd_jaar": 15.0,
                "onderhoud_eur_jaar": 1e4,
            }
        ],
    )
    kies(plan, alt)
    html = _html(pl.get(_url("uitwerking-businesscase-invoer", plan)))
    assert "geen investeringen in een warmtenet" in html
