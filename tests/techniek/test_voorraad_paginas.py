"""The building-stock pages of a plan: everyone who sees the plan reads the stock and where it
came from; only its projectleider sets it (CBS estimate, upload, own rows), never in a frozen
plan, and a refusal says what and where while the old stock stays."""

from __future__ import annotations

import io
import re
from html import unescape

import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from techniek.models import Alternatief, Berekening, Gebouwvoorraad
from techniek.services import alternatieven as services
from tests import factories
from tests.factories import inloggen
from tests.techniek.alternatieven_hulp import WONINGEN_CSV, cbs_cijfers
from tests.wup.test_templates_csp import inline_code

pytestmark = pytest.mark.django_db


def _url(naam: str, plan) -> str:
    return reverse(f"techniek-{naam}", args=[plan.pk])


def _tekst(response) -> str:
    """What the user reads: the page without tags, entities resolved, spaces collapsed; the
    page has no inline code (it must work under the strict Content-Security-Policy)."""
    html = response.content.decode()
    assert inline_code(html) == []
    zonder = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", unescape(zonder))


@pytest.fixture
def als_pl(client, projectleider):
    client.force_login(projectleider)
    return client


@pytest.fixture
def andere(gemeente):
    return factories.projectleider(gemeente, username="andere")


def _stock(plan, user, csv: str = WONINGEN_CSV) -> Gebouwvoorraad:
    return services.gebouwvoorraad_uit_bestand(
        wijkplan=plan,
        user=user,
        bestand=io.BytesIO(csv.encode()),
        bestandsnaam="voorraad.csv",
    )


def _upload(client, plan, data: bytes, naam: str = "voorraad.csv"):
    bestand = SimpleUploadedFile(naam, data, content_type="text/csv")
    return client.post(_url("gebouwvoorraad-upload", plan), {"bestand": bestand})


def _totaal(plan) -> float:
    return sum(r["aantal"] for r in Gebouwvoorraad.objects.get(wijkplan=plan).woningen)


# --- The stock page ----------------------------------------------------------------------------


def test_without_a_stock_the_page_explains_the_three_ways(als_pl, plan):
    response = als_pl.get(_url("gebouwvoorraad", plan))
    assert response.status_code == 200
    tekst = _tekst(response)
    assert "Nog geen gebouwvoorraad" in tekst
    for manier in ("Schatten uit CBS-cijfers.", "Een tabel uploaden.", "Zelf invullen."):
        assert manier in tekst
    assert f"Mijn plannen {plan.naam} Gebouwvoorraad" in tekst  # the breadcrumb
    html = response.content.decode()
    for actie in ("gebouwvoorraad-cbs", "gebouwvoorraad-upload", "gebouwvoorraad-wijzigen"):
        assert _url(actie, plan) in html


def test_the_stock_shows_source_assumptions_rows_and_totals(als_pl, plan, projectleider):
    _stock(plan, projectleider)
    tekst = _tekst(als_pl.get(_url("gebouwvoorraad", plan)))
    assert "Geüploade tabel" in tekst and "voorraad.csv" in tekst
    assert projectleider.get_full_name() in tekst
    assert "Voorraad uit een tabel." in tekst  # the engine's assumptions
    assert "rijwoning tussen 1965 - 1974 E 120 98,5" in tekst
    # an empty label is PBL's standard label
    assert "meergezins: laag en midden 1930 - 1945 standaardlabel PBL 40 70" in tekst
    # 160 dwellings, weighted average (120 x 98.5 + 40 x 70) / 160 = 91.375 m2
    assert "Totaal 160 91,4" in tekst
    assert "De voorraad bevat geen utiliteit" in tekst
    assert "dan worden berekeningen die al klaar zijn verouderd" in tekst


def test_another_user_sees_the_stock_without_actions(client, plan, projectleider, beheerder):
    _stock(plan, projectleider)
    inloggen(client, beheerder)  # may see every plan, is not its projectleider
    response = client.get(_url("gebouwvoorraad", plan))
    assert response.status_code == 200
    assert "rijwoning tussen" in _tekst(response)
    html = response.content.decode()
    assert _url("gebouwvoorraad-upload", plan) not in html
    assert _url("gebouwvoorraad-wijzigen", plan) not in html


def test_a_user_who_may_not_see_the_plan_gets_nothing(client, plan, andere):
    client.force_login(andere)
    assert client.get(_url("gebouwvoorraad", plan)).status_code == 403
    assert client.get(_url("gebouwvoorraad-voorbeeld", plan)).status_code == 403


def test_only_the_projectleider_opens_the_edit_pages(client, plan, andere, beheerder):
    cbs_cijfers(plan.buurten.first().code)
    for wie, reden in (
        (andere, "U heeft geen toegang tot dit plan."),  # does not even see the plan
        (beheerder, "Alleen de projectleider van dit plan kan de gebouwvoorraad wijzigen."),
    ):
        inloggen(client, wie)
        for naam in ("gebouwvoorraad-cbs", "gebouwvoorraad-upload", "gebouwvoorraad-wijzigen"):
            response = client.get(_url(naam, plan))
            assert response.status_code == 403, naam
            assert reden in _tekst(response)
        cbs = client.post(_url("gebouwvoorraad-cbs", plan), {"gemiddelde_oppervlakte": "100"})
        assert cbs.status_code == 403
        assert _upload(client, plan, WONINGEN_CSV.encode()).status_code == 403
        assert client.post(_url("gebouwvoorraad-wijzigen", plan), {}).status_code == 403
    assert not Gebouwvoorraad.objects.exists()


def test_a_calculation_with_an_earlier_stock_is_named(als_pl, plan, projectleider):
    oud = _stock(plan, projectleider)
    alt = Alternatief.objects.create(
        wijkplan=plan, sjabloon="S1a_B_LuchtWP", naam="Luchtwarmtepomp"
    )
    Berekening.objects.create(
        alternatief=alt,
        invoer_hash="0" * 64,
        status=Berekening.Status.KLAAR,
        voorraad={"bron": oud.bron, "woningen": oud.woningen, "utiliteit": oud.utiliteit},
    )
    assert "Berekend met een andere voorraad" not in _tekst(
        als_pl.get(_url("gebouwvoorraad", plan))
    )
    _stock(plan, projectleider, WONINGEN_CSV.replace(";120;", ";121;"))
    tekst = _tekst(als_pl.get(_url("gebouwvoorraad", plan)))
    assert "Berekend met een andere voorraad" in tekst and "Luchtwarmtepomp" in tekst


def test_the_page_needs_the_same_queries_for_many_rows(als_pl, plan, projectleider):
    _stock(plan, projectleider)
    with CaptureQueriesContext(connection) as weinig:
        als_pl.get(_url("gebouwvoorraad", plan))
    rijen = ["type;bouwperiode;label;aantal;oppervlakte"] + [
        f"{t};{p};{lb};3;90"
        for t in ("vrijstaand", "rijwoning hoek", "rijwoning tussen")
        for p in (1920, 1950, 1970, 1980, 2001)
        for lb in "ABCDEFG"
    ]
    _stock(plan, projectleider, "\n".join(rijen))
    with CaptureQueriesContext(connection) as veel:
        response = als_pl.get(_url("gebouwvoorraad", plan))
    assert "Totaal 315" in _tekst(response)
    assert len(veel) == len(weinig)


# --- CBS estimate ------------------------------------------------------------------------------


def test_the_cbs_estimate_is_saved_and_shown(als_pl, plan):
    cbs_cijfers(plan.buurten.first().code, woningen=400)
    pagina = _tekst(als_pl.get(_url("gebouwvoorraad-cbs", plan)))
    assert "CBS publiceert dit niet per buurt" in pagina
    assert "Een komma of een punt mag allebei" in pagina
    response = als_pl.post(_url("gebouwvoorraad-cbs", plan), {"gemiddelde_oppervlakte": "102,5"})
    assert response.status_code == 302
    assert response["Location"] == _url("gebouwvoorraad", plan)
    voorraad = Gebouwvoorraad.objects.get(wijkplan=plan)
    assert voorraad.bron == Gebouwvoorraad.Bron.CBS
    assert {r["oppervlakte"] for r in voorraad.woningen} == {102.5}
    tekst = _tekst(als_pl.get(response["Location"]))
    assert "De gebouwvoorraad is opgeslagen: 400 woningen en 0 utiliteitspanden." in tekst
    assert "Schatting uit CBS-cijfers" in tekst and "standaardlabel van PBL" in tekst
    assert "Totaal 400 102,5" in tekst


def test_without_cbs_figures_the_estimate_says_so_and_saves_nothing(als_pl, plan):
    response = als_pl.post(_url("gebouwvoorraad-cbs", plan), {"gemiddelde_oppervlakte": "100"})
    assert response.status_code == 400
    tekst = _tekst(response)
    assert "Controleer uw invoer" in tekst
    assert (
        f"Er zijn geen CBS-cijfers over het aantal woningen van buurt {plan.buurten.first().code}"
        in tekst
    )
    assert not Gebouwvoorraad.objects.exists()


@pytest.mark.parametrize("waarde", ["", "veel", "0", "-5"])
def test_a_wrong_floor_area_is_named_next_to_the_field(als_pl, plan, waarde):
    cbs_cijfers(plan.buurten.first().code)
    response = als_pl.post(_url("gebouwvoorraad-cbs", plan), {"gemiddelde_oppervlakte": waarde})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_gemiddelde_oppervlakte_error"' in html
    assert 'aria-invalid="true"' in html
    assert not Gebouwvoorraad.objects.exists()


# --- Upload ------------------------------------------------------------------------------------


def test_the_upload_page_explains_the_columns_and_values(als_pl, plan):
    tekst = _tekst(als_pl.get(_url("gebouwvoorraad-upload", plan)))
    for kolom in ("type", "bouwperiode", "label", "aantal", "oppervlakte"):
        assert kolom in tekst
    assert "rijwoning tussen 1965 - 1974 E 120 98,5" in tekst  # the example table
    assert "meergezins: hoog" in tekst and "2015 - 2020" in tekst  # allowed values
    assert "Gezondheidszorg" in tekst and "1995<=2019" in tekst
    assert "Download een voorbeeldbestand (CSV)" in tekst


def test_a_good_csv_replaces_the_stock(als_pl, plan):
    response = _upload(als_pl, plan, WONINGEN_CSV.encode("cp1252"))
    assert response.status_code == 302
    tekst = _tekst(als_pl.get(response["Location"]))
    assert "De gebouwvoorraad is opgeslagen: 160 woningen" in tekst
    assert "Geüploade tabel" in tekst and "voorraad.csv" in tekst
    assert _totaal(plan) == 160


def test_a_bad_csv_names_the_rows_and_keeps_the_old_stock(als_pl, plan, projectleider):
    _stock(plan, projectleider)
    slecht = WONINGEN_CSV.replace(";E;120;", ";Q;-3;")
    response = _upload(als_pl, plan, slecht.encode(), naam="nieuw.csv")
    assert response.status_code == 400
    tekst = _tekst(response)
    assert "woningen, rij 2: onbekend energielabel 'Q'" in tekst
    assert "woningen, rij 2: aantal mag niet negatief zijn (nu -3)" in tekst
    assert 'id="id_bestand_error"' in response.content.decode()
    voorraad = Gebouwvoorraad.objects.get(wijkplan=plan)
    assert voorraad.bestandsnaam == "voorraad.csv" and _totaal(plan) == 160


def test_a_file_that_is_no_table_is_refused(als_pl, plan):
    response = _upload(als_pl, plan, b"%PDF-1.4", naam="voorraad.pdf")
    assert response.status_code == 400
    assert "Upload een CSV- of Excel-bestand" in _tekst(response)
    assert not Gebouwvoorraad.objects.exists()


def test_a_too_large_upload_is_refused_before_it_is_read(als_pl, plan, monkeypatch):
    monkeypatch.setattr(services, "MAX_BESTAND", 1000)
    response = _upload(als_pl, plan, b"x" * 200_000)
    assert response.status_code == 413
    assert "groter dan 5 MB" in _tekst(response)
    assert not Gebouwvoorraad.objects.exists()


def test_the_upload_keeps_its_csrf_check(client, plan, projectleider):
    client.handler.enforce_csrf_checks = True
    client.force_login(projectleider)
    assert _upload(client, plan, WONINGEN_CSV.encode()).status_code == 403
    assert not Gebouwvoorraad.objects.exists()


def test_the_example_csv_round_trips(als_pl, plan):
    leeg = als_pl.get(_url("gebouwvoorraad-voorbeeld", plan))
    assert leeg.status_code == 200 and leeg["Content-Type"].startswith("text/csv")
    assert "voorbeeld-gebouwvoorraad.csv" in leeg["Content-Disposition"]
    assert leeg.content.decode("utf-8-sig").splitlines()[0] == (
        "type;bouwperiode;label;aantal;oppervlakte"
    )
    assert _upload(als_pl, plan, leeg.content).status_code == 302
    eerste = Gebouwvoorraad.objects.get(wijkplan=plan)
    assert _totaal(plan) == 200
    huidig = als_pl.get(_url("gebouwvoorraad-voorbeeld", plan))
    assert f"gebouwvoorraad-{plan.slug}.csv" in huidig["Content-Disposition"]
    assert _upload(als_pl, plan, huidig.content, naam="terug.csv").status_code == 302
    terug = Gebouwvoorraad.objects.get(wijkplan=plan)
    assert terug.bestandsnaam == "terug.csv"
    assert terug.invoer_hash == eerste.invoer_hash  # the same stock


def test_the_excel_file_round_trips_with_the_non_residential_buildings(als_pl, plan):
    voorbeeld = als_pl.get(_url("gebouwvoorraad-voorbeeld-excel", plan))
    assert voorbeeld.status_code == 200
    bladen = pd.read_excel(io.BytesIO(voorbeeld.content), sheet_name=None)
    assert set(bladen) == {"woningen", "utiliteit"}
    assert _upload(als_pl, plan, voorbeeld.content, naam="v.xlsx").status_code == 302
    eerste = Gebouwvoorraad.objects.get(wijkplan=plan)
    assert [r["functie"] for r in eerste.utiliteit] == ["Winkel"]
    huidig = als_pl.get(_url("gebouwvoorraad-voorbeeld-excel", plan))
    assert _upload(als_pl, plan, huidig.content, naam="terug.xlsx").status_code == 302
    assert Gebouwvoorraad.objects.get(wijkplan=plan).invoer_hash == eerste.invoer_hash


# --- Own rows ----------------------------------------------------------------------------------


def _formdata(response) -> dict:
    """The edit form as the browser would send it back unchanged."""
    html = response.content.decode()
    data: dict[str, str] = {}
    for naam, waarde in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[naam] = unescape(waarde)
    for naam, opties in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        gekozen = re.search(r'<option value="([^"]*)"[^>]*selected', opties)
        data[naam] = unescape(gekozen.group(1)) if gekozen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_the_rows_are_labelled_cells_with_the_engines_choices(als_pl, plan, projectleider):
    _stock(plan, projectleider)
    response = als_pl.get(_url("gebouwvoorraad-wijzigen", plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="wup-visueel-verborgen" for="id_woningen-0-aantal">' in html
    assert "Aantal, Woningen rij 1" in _tekst(response)
    assert '<option value="meergezins: hoog">' in html
    assert '<option value="2015 - 2020">' in html
    assert '<option value="Gezondheidszorg">' in html
    data = _formdata(response)
    assert data["woningen-TOTAL_FORMS"] == "5"  # two rows and three empty ones
    assert data["woningen-0-aantal"] == "120" and data["woningen-0-oppervlakte"] == "98,5"
    assert data["woningen-1-label"] == ""  # no label: PBL's standard label


def test_changing_a_count_and_deleting_a_row(als_pl, plan, projectleider):
    _stock(plan, projectleider)
    data = _formdata(als_pl.get(_url("gebouwvoorraad-wijzigen", plan)))
    data["woningen-0-aantal"] = "125,5"
    data["woningen-1-DELETE"] = "on"
    data.update(
        {
            "utiliteit-0-functie": "Kantoor",
            "utiliteit-0-bouwperiode": "1975<=1990",
            "utiliteit-0-aantal": "2",
            "utiliteit-0-oppervlakte": "800",
        }
    )
    response = als_pl.post(_url("gebouwvoorraad-wijzigen", plan), data)
    assert response.status_code == 302
    voorraad = Gebouwvoorraad.objects.get(wijkplan=plan)
    assert voorraad.bron == Gebouwvoorraad.Bron.HANDMATIG
    assert [(r["type"], r["aantal"]) for r in voorraad.woningen] == [("rijwoning tussen", 125.5)]
    assert [(r["functie"], r["aantal"]) for r in voorraad.utiliteit] == [("Kantoor", 2.0)]
    tekst = _tekst(als_pl.get(response["Location"]))
    assert "De gebouwvoorraad is opgeslagen: 125,5 woningen en 2 utiliteitspanden." in tekst
    assert "Handmatig aangepast" in tekst and "Kantoor 1975<=1990" in tekst


def test_wrong_rows_are_named_per_row_and_field_and_nothing_is_saved(als_pl, plan, projectleider):
    _stock(plan, projectleider)
    data = _formdata(als_pl.get(_url("gebouwvoorraad-wijzigen", plan)))
    data["woningen-0-aantal"] = "-4"
    data["woningen-2-type"] = "vrijstaand"  # a new row without period and floor area
    data["woningen-2-aantal"] = "3"
    response = als_pl.post(_url("gebouwvoorraad-wijzigen", plan), data)
    assert response.status_code == 400
    tekst = _tekst(response)
    assert "Woningen, rij 1, aantal: Vul 0 of meer in" in tekst
    assert "Woningen, rij 3, bouwperiode: Kies een bouwperiode." in tekst
    assert "Woningen, rij 3, gemiddeld oppervlak (m²): Vul het gemiddelde oppervlak" in tekst
    html = response.content.decode()
    assert 'href="#id_woningen-0-aantal"' in html and 'id="id_woningen-0-aantal_error"' in html
    assert _totaal(plan) == 160


def test_the_services_refusal_names_the_row(als_pl, plan, projectleider):
    _stock(plan, projectleider)
    data = _formdata(als_pl.get(_url("gebouwvoorraad-wijzigen", plan)))
    for i in (0, 1):
        data[f"woningen-{i}-aantal"] = "0"  # no dwellings left: the engine refuses
    response = als_pl.post(_url("gebouwvoorraad-wijzigen", plan), data)
    assert response.status_code == 400
    assert "de voorraad bevat geen woningen" in _tekst(response)
    assert _totaal(plan) == 160


def test_a_form_sent_incompletely_says_to_try_again(als_pl, plan):
    response = als_pl.post(_url("gebouwvoorraad-wijzigen", plan), {})
    assert response.status_code == 400
    assert "Het formulier is niet volledig verstuurd" in _tekst(response)
    assert not Gebouwvoorraad.objects.exists()


def test_a_message_of_the_service_lands_on_its_row():
    from techniek.forms_voorraad import VoorraadFormulier

    rij = {"type": "vrijstaand", "bouwperiode": "voor 1930", "label": "G", "aantal": 1.0}
    data = {
        "woningen-TOTAL_FORMS": "2",
        "woningen-INITIAL_FORMS": "2",
        "utiliteit-TOTAL_FORMS": "1",
        "utiliteit-INITIAL_FORMS": "0",
    }
    for i in (0, 1):
        data.update({f"woningen-{i}-{k}": str(v) for k, v in rij.items()})
        data[f"woningen-{i}-oppervlakte"] = "90"
    formulier = VoorraadFormulier(data, woningen=[rij, rij], utiliteit=[])
    assert formulier.is_valid()
    formulier.service_fout(
        "De gebouwvoorraad klopt niet: woningen, rij 2: onbekende bouwperiode 'x'; geef een "
        "bouwjaar of kies uit 'voor 1930'; utiliteit, rij 1: aantal 'y' is geen getal"
    )
    assert formulier.woningen.forms[1].non_field_errors() == [
        "onbekende bouwperiode 'x'; geef een bouwjaar of kies uit 'voor 1930'"
    ]
    assert formulier.utiliteit.forms[0].non_field_errors() == ["aantal 'y' is geen getal"]
    assert formulier.errors


def test_rows_can_be_filled_in_from_scratch(als_pl, plan):
    data = _formdata(als_pl.get(_url("gebouwvoorraad-wijzigen", plan)))
    assert data["woningen-TOTAL_FORMS"] == "3"
    data.update(
        {
            "woningen-0-type": "2 onder 1 kap",
            "woningen-0-bouwperiode": "1975 - 1991",
            "woningen-0-label": "C",
            "woningen-0-aantal": "30",
            "woningen-0-oppervlakte": "125",
        }
    )
    assert als_pl.post(_url("gebouwvoorraad-wijzigen", plan), data).status_code == 302
    assert _totaal(plan) == 30


# --- A frozen plan -----------------------------------------------------------------------------


def test_a_frozen_plan_shows_the_reason_and_refuses_every_change(client, gemeente, projectleider):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    _stock(plan, projectleider)
    type(plan).objects.filter(pk=plan.pk).update(fase="vastgesteld")
    client.force_login(projectleider)
    stock = _tekst(client.get(_url("gebouwvoorraad", plan)))
    assert (
        "Dit plan is vastgesteld door de raad. De gebouwvoorraad kan niet meer veranderen." in stock
    )
    assert (
        _url("gebouwvoorraad-upload", plan)
        not in client.get(_url("gebouwvoorraad", plan)).content.decode()
    )
    for naam in ("gebouwvoorraad-cbs", "gebouwvoorraad-upload", "gebouwvoorraad-wijzigen"):
        response = client.get(_url(naam, plan))
        assert response.status_code == 200
        assert "De gebouwvoorraad kan niet meer veranderen" in _tekst(response)
        assert '<form method="post" class="utrecht-form' not in response.content.decode()
    cbs_cijfers(plan.buurten.first().code)
    antwoorden = [
        client.post(_url("gebouwvoorraad-cbs", plan), {"gemiddelde_oppervlakte": "100"}),
        _upload(client, plan, WONINGEN_CSV.replace(";120;", ";1;").encode()),
        client.post(_url("gebouwvoorraad-wijzigen", plan), {}),
    ]
    for response in antwoorden:
        assert response.status_code == 409
        tekst = _tekst(response)
        assert "Niet opgeslagen" in tekst and "Dit plan is vastgesteld door de raad" in tekst
    assert _totaal(plan) == 160
