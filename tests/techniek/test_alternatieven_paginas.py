"""The pages of a plan's alternatives as a projectleider and his colleagues use them: add
alternatives, calculate, read the results with charts, compare, export, and the plan chapter."""

from __future__ import annotations

import csv
import io
from io import BytesIO

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from techniek.models import Alternatief, Berekening
from techniek.services import alternatieven as services
from tests.factories import WijkplanFactory
from tests.factories import projectleider as maak_projectleider
from tests.techniek.alternatieven_hulp import WONINGEN_CSV, set_met_ander_kental, volledige_set
from wup.constants import Fase

pytestmark = pytest.mark.django_db


@pytest.fixture
def voorraad(plan, projectleider):
    return services.gebouwvoorraad_uit_bestand(
        wijkplan=plan,
        user=projectleider,
        bestand=BytesIO(WONINGEN_CSV.encode()),
        bestandsnaam="voorraad.csv",
    )


@pytest.fixture
def pl(client, projectleider):
    client.force_login(projectleider)
    return client


@pytest.fixture
def set_(beheerder):
    return volledige_set(beheerder)


def _doorgerekend(plan, projectleider, sjabloon, schets="Een schets."):
    alt = services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon=sjabloon, schets=schets
    )
    b = services.berekening_starten(alternatief=alt, user=projectleider)
    services.berekening_uitvoeren(berekening_id=b.pk)
    return alt


def _tekst(response) -> str:
    return response.content.decode()


# --- Overview and adding ------------------------------------------------------------------------


def test_the_overview_lists_each_alternative_with_its_state_and_key_figures(
    pl, plan, projectleider, voorraad, set_
):
    _doorgerekend(plan, projectleider, "S1a_B_LuchtWP")
    services.alternatief_toevoegen(wijkplan=plan, user=projectleider, sjabloon="S2a_B_Restwarmte")
    pagina = pl.get(reverse("techniek-alternatieven", args=[plan.pk]))
    assert pagina.status_code == 200
    html = _tekst(pagina)
    assert "S1a_B_LuchtWP" in html and "S2a_B_Restwarmte" in html
    assert "Doorgerekend" in html and "Nog niet doorgerekend" in html
    assert "nog geen schets" in html  # the second has no sketch
    assert "euro per jaar" in html  # the key figures of the calculated one
    assert "2 alternatieven, waarvan 1 doorgerekend" in html


def test_a_colleague_without_access_is_refused(client, plan, gemeente, voorraad):
    client.force_login(maak_projectleider(gemeente, username="collega"))
    assert client.get(reverse("techniek-alternatieven", args=[plan.pk])).status_code == 403
    antwoord = client.post(reverse("techniek-alternatieven-standaard", args=[plan.pk]))
    assert antwoord.status_code == 403
    assert not Alternatief.objects.filter(wijkplan=plan).exists()


def test_adding_the_standard_alternatives_twice_adds_them_once(pl, plan):
    url = reverse("techniek-alternatieven-standaard", args=[plan.pk])
    eerst = pl.post(url, follow=True)
    assert "8 standaardalternatieven toegevoegd" in _tekst(eerst)
    tweede = pl.post(url, follow=True)
    assert "alle standaardalternatieven al" in _tekst(tweede)
    assert Alternatief.objects.filter(wijkplan=plan).count() == 8


def test_a_variant_needs_a_name_and_known_parameters_and_nothing_is_saved_until_it_is_right(
    pl, plan
):
    url = reverse("techniek-alternatief-nieuw", args=[plan.pk])
    assert pl.get(url).status_code == 200
    zonder_naam = pl.post(
        url, {"sjabloon": "S2a_B_Restwarmte", "parameters": "L_transport_standaard = 2500"}
    )
    assert zonder_naam.status_code == 400
    assert "Geef de variant een naam." in _tekst(zonder_naam)
    onzin = pl.post(url, {"sjabloon": "S2a_B_Restwarmte", "naam": "Lang", "parameters": "zomaar"})
    assert onzin.status_code == 400 and "Regel 1: schrijf naam = waarde" in _tekst(onzin)
    onbekend = pl.post(
        url, {"sjabloon": "S2a_B_Restwarmte", "naam": "Lang", "parameters": "Bestaat_niet = 1"}
    )
    assert onbekend.status_code == 400 and "onbekende parameter" in _tekst(onbekend)
    assert "Lang" in _tekst(onbekend)  # the user's input is still in the form
    assert not Alternatief.objects.filter(wijkplan=plan).exists()

    goed = pl.post(
        url,
        {
            "sjabloon": "S2a_B_Restwarmte",
            "naam": "Restwarmte, lange leiding",
            "parameters": "L_transport_standaard = 2500,5",
            "schets": "Restwarmte van de fabriek aan de overkant.",
        },
    )
    alt = Alternatief.objects.get(wijkplan=plan)
    assert goed.status_code == 302
    assert goed["Location"] == reverse("techniek-alternatief", args=[plan.pk, alt.pk])
    assert alt.parameters == {"L_transport_standaard": 2500.5}
    detail = _tekst(pl.get(goed["Location"]))
    assert "L_transport_standaard" in detail and "Restwarmte van de fabriek" in detail


def test_no_template_chosen_is_said_next_to_the_field(pl, plan):
    antwoord = pl.post(reverse("techniek-alternatief-nieuw", args=[plan.pk]), {"naam": "x"})
    assert antwoord.status_code == 400
    assert "Kies een soort alternatief." in _tekst(antwoord)


# --- One alternative --------------------------------------------------------------------------


def test_calculating_from_the_page_shows_progress_then_results_with_charts_and_tables(
    pl, plan, projectleider, voorraad, set_, django_capture_on_commit_callbacks
):
    alt = services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon="S1a_B_LuchtWP"
    )
    url = reverse("techniek-alternatief", args=[plan.pk, alt.pk])
    with django_capture_on_commit_callbacks(execute=False) as taken:
        gestart = pl.post(reverse("techniek-alternatief-berekenen", args=[plan.pk, alt.pk]))
    assert gestart.status_code == 302 and len(taken) == 1
    wachtend = pl.get(url)
    assert wachtend["Refresh"] == "2"
    assert "<progress" in _tekst(wachtend)

    taken[0]()  # the worker runs the queued task
    klaar = pl.get(url)
    html = _tekst(klaar)
    assert "Refresh" not in klaar
    assert Berekening.objects.get(alternatief=alt).status == Berekening.Status.KLAAR
    assert "Belastingduurkromme van de warmtevraag" in html
    assert "Een winterweek, uur voor uur" in html
    assert html.count('role="img"') >= 4  # every chart is an image with a text alternative
    assert "Bekijk de cijfers als tabel" in html
    assert "Extra nationale kosten tegenover de gasketel" in html
    assert "Isolatie van de schil" in html  # the cost items
    assert "rijwoning tussen" in html  # the stock the calculation used


def test_the_price_path_can_be_chosen_and_a_wrong_one_falls_back_to_basis(
    pl, plan, projectleider, voorraad, set_
):
    alt = _doorgerekend(plan, projectleider, "S1a_B_LuchtWP")
    url = reverse("techniek-alternatief", args=[plan.pk, alt.pk])
    hoog = _tekst(pl.get(url, {"scenario": "hoog"}))
    assert '<option value="hoog" selected>' in hoog
    onzin = pl.get(url, {"scenario": "<script>"})
    assert onzin.status_code == 200
    assert '<option value="basis" selected>' in _tekst(onzin)


def test_a_failed_calculation_says_why(pl, plan, projectleider, voorraad):
    from tests.techniek.alternatieven_hulp import pbl_set

    pbl_set()  # lacks figures the engine needs
    alt = _doorgerekend(plan, projectleider, "S1a_B_LuchtWP")
    html = _tekst(pl.get(reverse("techniek-alternatief", args=[plan.pk, alt.pk])))
    assert "De laatste berekening is niet gelukt." in html
    assert "parameter T_stookgrens" in html


def test_calculating_without_a_stock_gives_a_message_not_an_error(pl, plan, projectleider):
    alt = services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon="S1a_B_LuchtWP"
    )
    antwoord = pl.post(
        reverse("techniek-alternatief-berekenen", args=[plan.pk, alt.pk]), follow=True
    )
    assert "Leg eerst de gebouwvoorraad van het plan vast" in _tekst(antwoord)
    assert not Berekening.objects.exists()


def test_the_sketch_is_edited_and_an_empty_name_refused(pl, plan, projectleider):
    alt = services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon="S1a_B_LuchtWP"
    )
    url = reverse("techniek-alternatief-wijzigen", args=[plan.pk, alt.pk])
    leeg = pl.post(url, {"naam": "", "schets": "Iets"})
    assert leeg.status_code == 400 and "Geef het alternatief een naam." in _tekst(leeg)
    alt.refresh_from_db()
    assert alt.schets == ""
    goed = pl.post(url, {"naam": "Luchtwarmtepompen", "schets": "Warmtepomp per woning."})
    assert goed.status_code == 302
    alt.refresh_from_db()
    assert (alt.naam, alt.schets) == ("Luchtwarmtepompen", "Warmtepomp per woning.")


def test_an_alternative_of_another_plan_is_not_found(pl, plan, gemeente, projectleider):
    ander = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    alt = services.alternatief_toevoegen(
        wijkplan=ander, user=projectleider, sjabloon="S1a_B_LuchtWP"
    )
    assert pl.get(reverse("techniek-alternatief", args=[plan.pk, alt.pk])).status_code == 404


def test_a_frozen_plan_shows_why_and_refuses_changes(pl, gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, fase=Fase.GESTOPT)
    Alternatief.objects.create(wijkplan=plan, sjabloon="S1a_B_LuchtWP", naam="Lucht")
    overzicht = _tekst(pl.get(reverse("techniek-alternatieven", args=[plan.pk])))
    assert "kunnen niet meer veranderen" in overzicht
    assert "Alternatief toevoegen</a>" not in overzicht
    formulier = pl.get(reverse("techniek-alternatief-nieuw", args=[plan.pk]))
    assert "kunnen niet meer veranderen" in _tekst(formulier)
    poging = pl.post(
        reverse("techniek-alternatief-nieuw", args=[plan.pk]), {"sjabloon": "S1b_B_BodemWP"}
    )
    assert poging.status_code == 409
    standaard = pl.post(reverse("techniek-alternatieven-standaard", args=[plan.pk]), follow=True)
    assert "kan niet meer worden gewijzigd" in _tekst(standaard)
    assert Alternatief.objects.filter(wijkplan=plan).count() == 1


# --- Comparison, export, chapter --------------------------------------------------------------


@pytest.fixture
def twee(plan, projectleider, voorraad, set_):
    return [
        _doorgerekend(plan, projectleider, "S1a_B_LuchtWP"),
        _doorgerekend(plan, projectleider, "S2a_B_Restwarmte"),
    ]


def test_the_comparison_sets_the_alternatives_side_by_side_with_charts(pl, plan, twee):
    html = _tekst(pl.get(reverse("techniek-alternatieven-vergelijking", args=[plan.pk])))
    assert "De alternatieven naast elkaar (prijspad basis)" in html
    assert "Jaarlijkse kosten per alternatief" in html
    assert "CO2-uitstoot per jaar" in html and "Nu: gasketels (referentie)" in html
    assert "Pieken in warmte en elektriciteit" in html
    for alt in twee:
        assert alt.naam in html


def test_a_newer_parameter_set_marks_results_outdated(pl, plan, twee, beheerder, set_):
    set_met_ander_kental(beheerder, bron=set_)
    overzicht = _tekst(pl.get(reverse("techniek-alternatieven", args=[plan.pk])))
    assert overzicht.count("Verouderd: opnieuw doorrekenen") == 2
    vergelijking = _tekst(pl.get(reverse("techniek-alternatieven-vergelijking", args=[plan.pk])))
    assert "Berekend met een oudere parameterset of een eerdere gebouwvoorraad" in vergelijking
    pl.post(reverse("techniek-alternatieven-berekenen", args=[plan.pk]))
    # queued again with the new set: no longer outdated once done
    for b in Berekening.objects.filter(status=Berekening.Status.WACHTRIJ):
        services.berekening_uitvoeren(berekening_id=b.pk)
    overzicht = _tekst(pl.get(reverse("techniek-alternatieven", args=[plan.pk])))
    assert "Verouderd" not in overzicht


def test_the_csv_export_has_every_indicator_of_every_calculated_alternative(pl, plan, twee):
    antwoord = pl.get(reverse("techniek-alternatieven-export", args=[plan.pk]), {"formaat": "csv"})
    assert antwoord["Content-Type"].startswith("text/csv")
    rijen = list(csv.DictReader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    namen = {r["Alternatief"] for r in rijen}
    assert namen == {a.naam for a in twee}
    h16 = [r for r in rijen if r["Sleutel"] == "nk.H16_Nat_meerkost" and r["Prijspad"] == "basis"]
    assert len(h16) == 2 and all("," in r["Waarde"] or r["Waarde"].isdigit() for r in h16)
    b = Berekening.objects.get(alternatief=twee[0])
    verwacht = b.samenvatting["nationale_kosten"]["basis"]["H16_Nat_meerkost"]
    eigen = next(r for r in h16 if r["Alternatief"] == twee[0].naam)
    assert float(eigen["Waarde"].replace(",", ".")) == pytest.approx(verwacht)


def test_the_excel_export_holds_costs_series_and_assumptions(pl, plan, twee):
    antwoord = pl.get(reverse("techniek-alternatieven-export", args=[plan.pk]), {"formaat": "xlsx"})
    boek = openpyxl.load_workbook(io.BytesIO(antwoord.content))
    assert {"Indicatoren", "Kostenposten", "Belastingduurkromme", "Winterweek"} <= set(
        boek.sheetnames
    )
    winterweek = list(boek["Winterweek"].iter_rows(values_only=True))
    assert len(winterweek) == 1 + 2 * 168


def test_an_unknown_export_format_is_explained(pl, plan, twee):
    antwoord = pl.get(
        reverse("techniek-alternatieven-export", args=[plan.pk]), {"formaat": "pdf"}, follow=True
    )
    assert "Kies als formaat csv of xlsx" in _tekst(antwoord)


def test_the_plan_document_has_the_step_2_chapter(pl, plan, twee):
    twee[0].schets = "Warmtepompen in elke woning."
    twee[0].save()
    html = _tekst(pl.get(reverse("wijkplan-document", args=[plan.pk])))
    assert "Technisch-economische mogelijkheden" in html
    assert "Warmtepompen in elke woning." in html
    assert "De alternatieven naast elkaar" in html
    assert "Cijfers bij de grafiek" in html  # tables written out in the document


def test_queries_per_page_do_not_grow_with_the_number_of_alternatives(
    pl, plan, projectleider, voorraad, set_
):
    def tel(url):
        with CaptureQueriesContext(connection) as q:
            assert pl.get(url).status_code == 200
        return len(q)

    urls = [
        reverse("techniek-alternatieven", args=[plan.pk]),
        reverse("techniek-alternatieven-vergelijking", args=[plan.pk]),
    ]
    _doorgerekend(plan, projectleider, "S1a_B_LuchtWP")
    weinig = [tel(u) for u in urls]
    for code in ("S1b_B_BodemWP", "S2a_B_Restwarmte", "S4a_KG_B_hWP"):
        _doorgerekend(plan, projectleider, code)
    assert [tel(u) for u in urls] == weinig


def test_a_changed_stock_makes_results_outdated_until_recalculated(pl, plan, projectleider, twee):
    from techniek.registratie import alternatieven_doorgerekend
    from tests.techniek.alternatieven_hulp import WONINGEN_CSV as CSV

    assert alternatieven_doorgerekend([plan])[plan.pk].met
    anders = CSV.replace("rijwoning tussen;1965;E;120", "rijwoning tussen;1965;E;150")
    services.gebouwvoorraad_uit_bestand(
        wijkplan=plan, user=projectleider, bestand=BytesIO(anders.encode()), bestandsnaam="b.csv"
    )
    uitkomst = alternatieven_doorgerekend([plan])[plan.pk]
    assert not uitkomst.met and "gewijzigde gebouwvoorraad" in uitkomst.reason
    detail = _tekst(pl.get(reverse("techniek-alternatief", args=[plan.pk, twee[0].pk])))
    assert "De gebouwvoorraad van het plan is gewijzigd" in detail

    for alt in twee:
        b = services.berekening_starten(alternatief=alt, user=projectleider)
        services.berekening_uitvoeren(berekening_id=b.pk)
    assert alternatieven_doorgerekend([plan])[plan.pk].met

    # Back to the first stock: the earlier result is reused as the newest, without computing.
    services.gebouwvoorraad_uit_bestand(
        wijkplan=plan, user=projectleider, bestand=BytesIO(CSV.encode()), bestandsnaam="a.csv"
    )
    assert not alternatieven_doorgerekend([plan])[plan.pk].met
    for alt in twee:
        b = services.berekening_starten(alternatief=alt, user=projectleider)
        assert b.status == Berekening.Status.KLAAR
    assert alternatieven_doorgerekend([plan])[plan.pk].met
