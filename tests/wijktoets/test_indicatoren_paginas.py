"""The indicator panel of a plan, its CSV/Excel export and the annex of the plan document.

The figures are stored as the CBS import stores them (``KerncijferRegio``); they are made up
to be easy to check by hand, not CBS figures.
"""

import io

import pandas as pd
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.factories import inloggen
from tests.wup.test_templates_csp import inline_code
from wijktoets.models import KerncijferRegio
from wijktoets.selectors.indicatoren import indicatoren_voor_plan
from wup import document, selectors

BUURT_A = {
    "aantal_inwoners": 1000,
    "huishoudens_totaal": 400,
    "woningvoorraad": 400,
    "koopwoningen_pct": 80,
    "huurwoningen_pct": 20,
    "corporatiewoningen_pct": 15,
    "overige_verhuurders_pct": 5,
    "eengezinswoning_pct": 90,
    "meergezinswoning_pct": 10,
    "aardgas_totaal_m3": 1400,
    "elektriciteit_totaal_kwh": 3000,
    "inkomen_per_inwoner": 30.0,
    "huishoudens_laag_inkomen_pct": 12.0,
}
BUURT_B = {
    "aantal_inwoners": 3000,
    "huishoudens_totaal": 1400,
    "woningvoorraad": 1600,
    "koopwoningen_pct": 30,
    "huurwoningen_pct": 70,
    "corporatiewoningen_pct": 60,
    "overige_verhuurders_pct": 10,
    "eengezinswoning_pct": 40,
    "meergezinswoning_pct": 60,
    "aardgas_totaal_m3": 1100,
    "elektriciteit_totaal_kwh": 2400,
    "inkomen_per_inwoner": 22.0,
    "huishoudens_laag_inkomen_pct": None,  # secret in the source
}
GEMEENTE = {
    "aantal_inwoners": 27000,
    "huishoudens_totaal": 11000,
    "woningvoorraad": 12000,
    "koopwoningen_pct": 60,
    "huurwoningen_pct": 38,
    "corporatiewoningen_pct": 25,
    "overige_verhuurders_pct": 13,
    "eengezinswoning_pct": 75,
    "meergezinswoning_pct": 25,
    "aardgas_totaal_m3": 1200,
    "elektriciteit_totaal_kwh": 2700,
    "inkomen_per_inwoner": 28.0,
    "huishoudens_laag_inkomen_pct": 8.0,
}
NEDERLAND = {"aantal_inwoners": 17_900_000, "koopwoningen_pct": 57, "aardgas_totaal_m3": 1050}


def regio(code, jaar, soort, naam, waarden):
    return KerncijferRegio.objects.create(
        code=code,
        jaar=jaar,
        soort=soort,
        naam=naam,
        gemeentecode="" if code == "NL00" else "GM0233",
        gemeentenaam="" if code == "NL00" else "Ermelo",
        waarden=waarden,
        vingerafdruk=f"{code}{jaar}",
        bijgewerkt_op=timezone.now(),
    )


@pytest.fixture
def buurten(gemeente):
    wijk = factories.WijkFactory(gemeente=gemeente, code="WK023300", naam="Ermelo")
    return [
        factories.BuurtFactory(wijk=wijk, code="BU02330001", naam="Horst <b>"),
        factories.BuurtFactory(wijk=wijk, code="BU02330002", naam="Oosterbos"),
    ]


@pytest.fixture
def cijferplan(gemeente, projectleider, buurten):
    """A plan of two buurten with figures for 2023 and 2024."""
    for jaar, extra in ((2023, 0), (2024, 100)):
        regio("BU02330001", jaar, "buurt", "Horst", {**BUURT_A, "aantal_inwoners": 900 + extra})
        regio("BU02330002", jaar, "buurt", "Oosterbos", BUURT_B)
        regio("GM0233", jaar, "gemeente", "Ermelo", GEMEENTE)
        regio("NL00", jaar, "land", "Nederland", NEDERLAND)
    return factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, buurten=buurten, naam="=Oost <script>"
    )


def pagina(client, user, plan, **params):
    inloggen(client, user)
    return client.get(reverse("wijktoets-indicatoren", args=[plan.pk]), params)


# --- The page --------------------------------------------------------------------------------


def test_the_panel_compares_the_plan_area_with_the_municipality_and_the_netherlands(
    client, projectleider, cijferplan
):
    response = pagina(client, projectleider, cijferplan)
    html = response.content.decode()
    assert response.status_code == 200
    for groep in ("Bevolking", "Wonen", "Energie", "Inkomen"):
        assert f">{groep}</h2>" in html
    # Ownership weighted by dwellings: (400 × 80 + 1600 × 30) / 2000 = 40.
    assert '<td class="utrecht-table__cell wup-getal">40</td>' in html
    assert "lager dan de gemeente, lager dan Nederland" in html
    assert "4.000" in html  # inhabitants summed, Dutch thousands
    # Low income is secret for one buurt: the plan's figure says it is incomplete.
    assert "onvolledig</span> gewogen naar het aantal huishoudens; 1 van 2 buurten" in html
    assert "onbekend voor Oosterbos" in html
    assert html.count("<svg") >= 4 and html.count("<figcaption") == html.count("<svg")
    assert "Signaal energiearmoede" in html and "drempel: 8,0%" in html
    assert "CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)" in html
    assert 'name="jaar"' in html and '<option value="2023">' in html
    assert "Horst &lt;b&gt;" in html and "Horst <b>" not in html
    assert inline_code(html) == []


def test_another_year_can_be_chosen(client, projectleider, cijferplan):
    html = pagina(client, projectleider, cijferplan, jaar="2023").content.decode()
    assert "CBS, Kerncijfers wijken en buurten 2023" in html
    assert '<option value="2023" selected>' in html


@pytest.mark.parametrize(
    ("jaar", "melding"),
    [("twintig", "‘twintig’ is geen jaar"), ("2019", "Voor 2019 zijn geen kerncijfers")],
)
def test_a_bad_year_gets_a_clear_message_and_the_newest_figures(
    client, projectleider, cijferplan, jaar, melding
):
    response = pagina(client, projectleider, cijferplan, jaar=jaar)
    html = response.content.decode()
    assert response.status_code == 400
    assert melding in html
    assert "U ziet nu de cijfers van 2024." in html


def test_groups_without_any_figure_are_named_instead_of_shown(
    client, projectleider, gemeente, buurten
):
    regio("BU02330001", 2024, "buurt", "Horst", {"aardgas_totaal_m3": 1400})
    regio("GM0233", 2024, "gemeente", "Ermelo", {"aardgas_totaal_m3": 1200})
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, buurten=buurten[:1]
    )
    html = pagina(client, projectleider, plan).content.decode()
    assert "geen cijfers over: Bevolking, Wonen, Inkomen." in html
    assert ">Energie</h2>" in html and ">Wonen</h2>" not in html
    assert "1.400" in html


def test_the_beheerder_is_led_to_the_import(client, beheerder, plan):
    html = pagina(client, beheerder, plan).content.decode()
    assert f'href="{reverse("wijktoets-kerncijfer-import-nieuw")}"' in html


def test_without_figures_the_page_says_what_to_import(client, projectleider, plan):
    response = pagina(client, projectleider, plan)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nog geen kerncijfers voor deze buurten" in html
    assert plan.buurten.get().code in html
    assert "Kerncijfers wijken en buurten" in html and "GM0233" in html
    assert "<svg" not in html and "Download" not in html
    assert "Vraag uw beheerder" in html  # a projectleider cannot import
    assert inline_code(html) == []


def test_only_who_may_see_the_plan_sees_its_figures(client, cijferplan, gemeente, beheerder):
    andere = factories.projectleider(gemeente, username="andere")
    assert pagina(client, andere, cijferplan).status_code == 403
    assert pagina(client, beheerder, cijferplan).status_code == 200
    client.logout()
    response = client.get(reverse("wijktoets-indicatoren", args=[cijferplan.pk]))
    assert response.status_code == 302 and "/inloggen" in response["Location"]
    assert pagina(client, beheerder, cijferplan).status_code == 200
    assert client.get(reverse("wijktoets-indicatoren", args=[999999])).status_code == 404


def test_the_number_of_queries_does_not_grow_with_buurten_or_years(
    gemeente, projectleider, cijferplan, buurten
):
    def tel(plan):
        plan = selectors.wijkplan_by_pk(plan.pk)
        with CaptureQueriesContext(connection) as queries:
            indicatoren_voor_plan(plan)
        return len(queries)

    klein = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, buurten=buurten[:1]
    )
    regio("GM0233", 2022, "gemeente", "Ermelo", GEMEENTE)  # one more year
    assert tel(klein) == tel(cijferplan) == 1


# --- Export ------------------------------------------------------------------------------------


def export(client, user, plan, **params):
    inloggen(client, user)
    return client.get(reverse("wijktoets-indicatoren-export", args=[plan.pk]), params)


def test_the_csv_opens_and_holds_the_figures_with_units_and_source(
    client, projectleider, cijferplan
):
    response = export(client, projectleider, cijferplan, formaat="csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="indicatoren-' in response["Content-Disposition"]
    frame = pd.read_csv(
        io.BytesIO(response.content), sep=";", decimal=",", encoding="utf-8-sig"
    ).set_index("Sleutel")
    assert frame.loc["koopwoningen_pct", "Plangebied"] == 40
    assert frame.loc["koopwoningen_pct", "Eenheid"] == "%"
    assert frame.loc["koopwoningen_pct", "Vergelijking met de gemeente"] == "lager"
    assert frame.loc["aantal_inwoners", "Plangebied"] == 4000
    assert frame.loc["inkomen_per_inwoner", "Plangebied"] == 24_000
    assert frame.loc["inkomen_per_inwoner", "Eenheid"] == "euro"
    # Unknown stays empty, never 0.
    assert pd.isna(frame.loc["aardgas_huurwoning_m3", "Plangebied"])
    assert set(frame["Bron"]) == {"CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)"}
    assert set(frame["Jaar"]) == {2024}


def test_the_excel_file_opens_with_indicators_energy_poverty_trends_and_source(
    client, projectleider, cijferplan
):
    response = export(client, projectleider, cijferplan, formaat="xlsx", jaar="2023")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-2023.xlsx"')
    bladen = pd.read_excel(io.BytesIO(response.content), sheet_name=None)
    assert list(bladen) == ["Indicatoren", "Energiearmoede", "Ontwikkeling", "Toelichting"]
    indicatoren = bladen["Indicatoren"].set_index("Sleutel")
    assert indicatoren.loc["aantal_inwoners", "Plangebied"] == 3900
    assert indicatoren.loc["woningvoorraad", "Gemeente"] == 12000
    energie = bladen["Energiearmoede"].set_index("Buurtcode")
    assert energie.loc["BU02330001", "Signaal"] == "aandachtspunt"
    toelichting = dict(bladen["Toelichting"].itertuples(index=False))
    assert "CC BY 4.0" in toelichting["Licentie"]
    assert "onbekend" in toelichting["Lege vakjes"]
    # A plan name that looks like a formula stays text.
    assert toelichting["Wijkplan"] == "'=Oost <script>"
    ontwikkeling = bladen["Ontwikkeling"]
    inwoners = ontwikkeling[ontwikkeling["Indicator"] == "Inwoners"]
    assert list(inwoners["Plangebied"]) == [3900, 4000]


@pytest.mark.parametrize(
    ("params", "melding"),
    [
        ({"formaat": "pdf"}, "Kies als formaat csv of xlsx"),
        ({"formaat": "csv", "jaar": "x"}, "‘x’ is geen jaar"),
        ({"formaat": "xlsx", "jaar": "2019"}, "Voor 2019 zijn geen kerncijfers"),
    ],
)
def test_a_bad_export_request_gets_a_clear_message(
    client, projectleider, cijferplan, params, melding
):
    response = export(client, projectleider, cijferplan, **params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert melding in response.content.decode()


def test_an_export_without_figures_is_an_empty_table(client, projectleider, plan):
    response = export(client, projectleider, plan)
    frame = pd.read_csv(io.BytesIO(response.content), sep=";", encoding="utf-8-sig")
    assert response.status_code == 200 and frame.empty and "Plangebied" in frame.columns


def test_the_export_has_the_same_access_as_the_plan(client, cijferplan, gemeente):
    andere = factories.projectleider(gemeente, username="andere")
    assert export(client, andere, cijferplan).status_code == 403


# --- Annex of the plan document -----------------------------------------------------------------


def test_the_annex_renders_the_tables_and_charts_of_the_plan_area(cijferplan):
    bijlage = next(h for h in document.samenstellen(cijferplan) if h.titel.startswith("Kerncij"))
    assert bijlage.bijlage
    assert bijlage.titel == "Kerncijfers van het plangebied"
    html = bijlage.html
    assert ">Bevolking</h3>" in html and ">Energie</h3>" in html
    assert "<svg" in html
    assert "<details" not in html  # printed: every chart's figures written out
    assert "CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0)" in html
    assert "Horst &lt;b&gt;" in html
    assert inline_code(html) == []


def test_the_annex_without_figures_says_so(plan):
    bijlage = next(h for h in document.samenstellen(plan) if h.titel.startswith("Kerncij"))
    assert "geen kerncijfers van het CBS ingelezen" in bijlage.html


def test_the_plan_document_page_shows_the_annex(client, projectleider, cijferplan):
    client.force_login(projectleider)
    response = client.get(reverse("wijkplan-document", args=[cijferplan.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kerncijfers van het plangebied" in html and "<svg" in html
    assert inline_code(html) == []
