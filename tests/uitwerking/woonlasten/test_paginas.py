"""The pages of the housing costs: the table per household type with the chart and the
verdicts, a type's detail, the input form with Dutch errors next to the fields, the history and
the export; read-only for colleagues and for frozen plans; queries that do not grow with the
number of household types."""

from __future__ import annotations

import io
from html import unescape

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from techniek.models import Gebouwvoorraad
from tests.uitwerking.woonlasten import hulp
from uitwerking.models import Woonlastenberekening
from uitwerking.services import woonlasten as services
from wup.constants import Fase
from wup.models import Wijkplan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return hulp.woonlastenplan(gemeente, projectleider)


@pytest.fixture
def berekend(plan, projectleider):
    hulp.energiearmoede(plan)
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    return plan


@pytest.fixture
def pl(client, projectleider):
    client.force_login(projectleider)
    return client


def _url(naam, plan, *args):
    return reverse(naam, args=[plan.pk, *args])


def _html(response) -> str:
    return unescape(response.content.decode())


def test_the_overview_before_a_calculation_invites_the_projectleider(pl, plan):
    html = _html(pl.get(_url("uitwerking-woonlasten", plan)))
    assert "nog niet berekend" in html
    assert _url("uitwerking-woonlasten-invoer", plan) in html


def test_the_overview_shows_table_chart_verdicts_risks_and_sources(pl, berekend):
    r = pl.get(_url("uitwerking-woonlasten", berekend))
    assert r.status_code == 200
    html = _html(r)
    assert "rijwoning tussen, eigenaar-bewoner" in html
    assert "niet woonlastenneutraal" in html
    assert "risico: signaal energiearmoede" in html
    assert reverse("wijktoets-indicatoren", args=[berekend.pk]) + "#energiearmoede" in html
    # the chart: SVG with its text alternative and the data table
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "Cijfers bij de grafiek: Maandlasten nu en na de overstap" in html
    # parameters with their sources
    assert "Warmtefonds_rente" in html and "4,35%" in html and "warmtefonds.nl" in html
    assert _url("uitwerking-woonlasten-export", berekend) + "?formaat=xlsx" in html
    assert "style=" not in html and "<script" not in html


def test_a_colleague_reads_without_the_forms(client, gemeente, berekend):
    from guardian.shortcuts import assign_perm

    from tests import factories

    collega = factories.projectleider(gemeente, username="collega")
    assign_perm("wup.view_wijkplan", collega, berekend)
    client.force_login(collega)
    html = _html(client.get(_url("uitwerking-woonlasten", berekend)))
    assert "rijwoning tussen" in html
    assert _url("uitwerking-woonlasten-invoer", berekend) not in html
    assert client.get(_url("uitwerking-woonlasten-invoer", berekend)).status_code == 403
    assert client.post(_url("uitwerking-woonlasten-herberekenen", berekend)).status_code == 403


def test_a_stranger_and_an_anonymous_visitor_see_nothing(client, berekend, gemeente):
    from tests import factories

    r = client.get(_url("uitwerking-woonlasten", berekend))
    assert r.status_code == 302  # to the login
    ander = factories.projectleider(factories.GemeenteFactory(code="GM0999"), username="ander")
    client.force_login(ander)
    assert client.get(_url("uitwerking-woonlasten", berekend)).status_code == 403


def test_the_detail_of_a_type_lists_every_line(pl, berekend):
    r = pl.get(_url("uitwerking-woonlasten-type", berekend, 1))
    html = _html(r)
    assert r.status_code == 200
    assert "Energierekening" in html and "Vaste kosten (vastrecht)" in html
    assert "Lening (per maand)" in html and "Totaal per maand" in html
    assert pl.get(_url("uitwerking-woonlasten-type", berekend, 99)).status_code == 404
    assert pl.get(_url("uitwerking-woonlasten-type", berekend, 0)).status_code == 404


def test_the_form_computes_and_shows_errors_next_to_the_fields(pl, plan):
    r = pl.get(_url("uitwerking-woonlasten-invoer", plan))
    html = _html(r)
    assert r.status_code == 200
    assert "Volgens het CBS: 60%" in html  # the share of owner-occupiers
    assert "Aantal huishoudens: rijwoning tussen, eigenaar-bewoner" in html
    assert "Corporaties beloven vaak" in html
    fout = pl.post(
        _url("uitwerking-woonlasten-invoer", plan),
        {
            "huurverhoging_corporatie": "veel",
            "aandeel_eigenaar": "50",
            "aandeel_corporatie": "10",
            "aandeel_particulier": "10",
            "aantal_0": "2,5",
        },
    )
    assert fout.status_code == 400
    html = _html(fout)
    assert 'id="id_huurverhoging_corporatie_error"' in html
    assert "tellen op tot 70%" in html
    assert 'id="id_aantal_0_error"' in html and "heel aantal" in html
    assert not Woonlastenberekening.objects.exists()
    goed = pl.post(
        _url("uitwerking-woonlasten-invoer", plan),
        {
            "huurverhoging_corporatie": "10",
            "warmtetarief": "35,5",
            "aantal_0": "40",
            "laag_0": "on",
        },
    )
    assert goed.status_code == 302
    b = Woonlastenberekening.objects.get()
    assert b.invoer["huurverhoging"]["huurder corporatie"] == 10
    assert b.invoer["warmtetarief"] == 35.5
    assert b.invoer["aantallen"] == {"rijwoning tussen|eigenaar-bewoner": 40}
    assert b.invoer["laag_inkomen"] == ["rijwoning tussen|eigenaar-bewoner"]
    # the form is prefilled with the inputs of the newest calculation
    html = _html(pl.get(_url("uitwerking-woonlasten-invoer", plan)))
    assert 'value="35,5"' in html


def test_an_outdated_result_is_recalculated_with_the_same_inputs(pl, berekend, beheerder):
    from techniek.models import Parameterset
    from techniek.services.parameters import parameterset_concept_maken, parameterset_vaststellen

    invoer = Woonlastenberekening.objects.get().invoer
    concept = parameterset_concept_maken(
        bron=Parameterset.objects.get(pk=Woonlastenberekening.objects.get().parameterset_id),
        user=beheerder,
        omschrijving="Nieuwe prijzen",
    )
    parameterset_vaststellen(parameterset=concept, user=beheerder)
    html = _html(pl.get(_url("uitwerking-woonlasten", berekend)))
    assert "verouderd" in html and "nieuwere versie van de financiële parameters" in html
    assert "Opnieuw berekenen met dezelfde invoer" in html
    r = pl.post(_url("uitwerking-woonlasten-herberekenen", berekend))
    assert r.status_code == 302
    assert Woonlastenberekening.objects.count() == 2
    nieuw = Woonlastenberekening.objects.first()
    assert nieuw.invoer == invoer and nieuw.parameterset_id == concept.pk
    assert "verouderd" not in _html(pl.get(_url("uitwerking-woonlasten", berekend)))


def test_after_a_stock_change_step_2_must_compute_first(pl, berekend):
    voorraad = Gebouwvoorraad.objects.get(wijkplan=berekend)
    voorraad.woningen = voorraad.woningen[:1]
    voorraad.invoer_hash = Gebouwvoorraad.hash_van(voorraad.woningen, [])
    voorraad.save()
    html = _html(pl.get(_url("uitwerking-woonlasten", berekend)))
    assert "de gebouwvoorraad is gewijzigd" in html
    r = pl.post(_url("uitwerking-woonlasten-herberekenen", berekend), follow=True)
    assert "Reken het alternatief eerst opnieuw door in stap 2" in _html(r)
    assert Woonlastenberekening.objects.count() == 1


def test_a_frozen_plan_shows_no_form_and_refuses_a_post(pl, berekend):
    Wijkplan.objects.filter(pk=berekend.pk).update(fase=Fase.VASTGESTELD)
    html = _html(pl.get(_url("uitwerking-woonlasten", berekend)))
    assert "kunnen niet meer veranderen" in html
    assert _url("uitwerking-woonlasten-invoer", berekend) not in html
    r = pl.get(_url("uitwerking-woonlasten-invoer", berekend))
    assert (
        "<form" not in _html(r).split("</header>")[-1].split("<footer")[0] or r.status_code == 200
    )
    assert pl.post(_url("uitwerking-woonlasten-invoer", berekend), {}).status_code == 409
    assert pl.post(_url("uitwerking-woonlasten-herberekenen", berekend)).status_code == 409
    assert Woonlastenberekening.objects.count() == 1


def test_the_history_lists_every_calculation(pl, berekend, projectleider):
    services.woonlasten_berekenen(wijkplan=berekend, user=projectleider, warmtetarief=30)
    html = _html(pl.get(_url("uitwerking-woonlasten-historie", berekend)))
    assert html.count("telt") >= 1 and html.count("Warmtenet") == 2


def test_export_as_csv_and_excel(pl, berekend):
    csv = pl.get(_url("uitwerking-woonlasten-export", berekend) + "?formaat=csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    tekst = csv.content.decode("utf-8-sig")
    assert tekst.splitlines()[0].startswith("Type huishouden;Woningtype;Eigendom")
    assert "rijwoning tussen, eigenaar-bewoner" in tekst and len(tekst.splitlines()) == 7
    xlsx = pl.get(_url("uitwerking-woonlasten-export", berekend) + "?formaat=xlsx")
    boek = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert boek.sheetnames == ["Woonlasten", "Posten per maand", "Parameters", "Aannames"]
    assert boek["Parameters"]["D2"].value  # a source
    slecht = pl.get(_url("uitwerking-woonlasten-export", berekend) + "?formaat=pdf")
    assert slecht.status_code == 302


def test_export_without_a_calculation_is_not_found(pl, plan):
    assert pl.get(_url("uitwerking-woonlasten-export", plan)).status_code == 404


def test_queries_do_not_grow_with_the_household_types(pl, gemeente, projectleider):
    klein = hulp.woonlastenplan(gemeente, projectleider)
    services.woonlasten_berekenen(wijkplan=klein, user=projectleider)

    def tel(plan, naam, *args):
        with CaptureQueriesContext(connection) as q:
            assert pl.get(_url(naam, plan, *args)).status_code == 200
        return len(q)

    basis = {n: tel(klein, n) for n in ("uitwerking-woonlasten", "uitwerking-woonlasten-historie")}
    groot = hulp.woonlastenplan(gemeente, projectleider, laden=False)
    voorraad = Gebouwvoorraad.objects.get(wijkplan=groot)
    voorraad.woningen = [
        *hulp.WONINGEN,
        {"type": "vrijstaand", "bouwperiode": "1992 - 1995", "label": "C", "aantal": 20},
        {"type": "2 onder 1 kap", "bouwperiode": "1975 - 1991", "label": "D", "aantal": 30},
    ]
    voorraad.invoer_hash = Gebouwvoorraad.hash_van(voorraad.woningen, [])
    voorraad.save()
    from techniek.models import Berekening

    Berekening.objects.filter(alternatief__wijkplan=groot).update(
        voorraad={"bron": "tabel", "woningen": voorraad.woningen, "utiliteit": []}
    )
    for _ in range(2):
        services.woonlasten_berekenen(
            wijkplan=groot,
            user=projectleider,
            verbruik={
                t: {"gas_m3": 1500, "elektriciteit_kwh": 3000}
                for t in ("vrijstaand", "2 onder 1 kap")
            },
        )
    assert len(Woonlastenberekening.objects.filter(wijkplan=groot).first().resultaten) == 12
    assert {n: tel(groot, n) for n in basis} == basis
