"""The parameter pages: everyone logged in reads the published versions and their sources; only
the beheerder makes, edits, publishes or throws away a version."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import include, path, reverse

from techniek.models import Parameterset
from techniek.registratie import rechten_toekennen
from techniek.selectors import parameters as selectors
from techniek.services import parameters as services
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from tests.factories import inloggen
from tests.wup.test_templates_csp import InlineCodeFinder
from wup.roles import ensure_roles

#: The step's URLconfs beside the project's, for as long as the step does not name them itself.
#: The other test modules of this app use this module as their URLconf too.
urlpatterns = [
    path("", include("techniek.urls")),
    path("api/v1/", include("techniek.api.urls")),
    path("", include("wup.urls")),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

SLEUTEL = "Netbeheer.Ki_verv_LD_min"


@pytest.fixture(autouse=True)
def _rechten(db):
    rechten_toekennen()
    ensure_roles()


@pytest.fixture
def v1():
    return pbl_kentallen_laden()[0]


@pytest.fixture
def concept(v1, beheerder):
    return services.parameterset_concept_maken(bron=v1, user=beheerder)


def _html(response) -> str:
    html = response.content.decode()
    finder = InlineCodeFinder()
    finder.feed(html)
    assert finder.problems == []
    return html


@pytest.mark.parametrize("wie", ["projectleider", "griffier", "beheerder"])
def test_everyone_logged_in_reads_the_current_set_with_its_sources(client, v1, wie, request):
    inloggen(client, request.getfixturevalue(wie))
    html = _html(client.get(reverse("techniek-parameterset-huidig")))
    assert "PBL Startanalyse 2025" in html
    assert "Inventarisatie netbeheerders 2024" in html  # a source
    assert "niet opgegeven in code" in html
    assert "geen bron in het PBL-bestand" in html  # an empty source says so
    assert "343,8" in html
    assert "Wijzigen" not in html  # a published version has no edit links
    assert _html(client.get(reverse("techniek-parametersets"))).count("PBL Startanalyse") >= 1


def test_the_anonymous_public_is_sent_to_the_login(client, v1):
    for url in (
        reverse("techniek-parametersets"),
        reverse("techniek-parameterset", args=[v1.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen" in response["Location"]


def test_search_and_group_filter_the_figures(client, v1, projectleider):
    client.force_login(projectleider)
    url = reverse("techniek-parameterset", args=[v1.pk])
    html = _html(client.get(url, {"zoek": "gasnet", "groep": "Netbeheer"}))
    assert "Ki_verv_LD_min" in html
    assert "Ki_MSR_min" not in html
    assert "Vastrecht_g" not in html
    leeg = _html(client.get(url, {"zoek": "bestaat-niet-xyz"}))
    assert "Geen parameters gevonden" in leeg
    # an unknown group is not an error page
    assert client.get(url, {"groep": "<script>"}).status_code == 200


def test_a_table_page_shows_unit_and_source_per_column(client, v1, griffier):
    client.force_login(griffier)
    html = _html(client.get(reverse("techniek-parametertabel", args=[v1.pk, "woningen_bag"])))
    assert "GJ/jr per aansluiting" in html
    assert "vrijstaand" in html
    assert (
        client.get(reverse("techniek-parametertabel", args=[v1.pk, "bestaat-niet"])).status_code
        == 404
    )


def test_others_do_not_see_a_concept_nor_change_anything(client, v1, concept, projectleider):
    client.force_login(projectleider)
    assert client.get(reverse("techniek-parameterset", args=[concept.pk])).status_code == 403
    assert (
        client.get(reverse("techniek-parameter-wijzigen", args=[concept.pk, SLEUTEL])).status_code
        == 403
    )
    for naam in ("techniek-parameterset-concept", "techniek-parameterset-verwijderen"):
        assert client.post(reverse(naam, args=[concept.pk])).status_code == 403
    assert (
        client.post(reverse("techniek-parameterset-vaststellen", args=[concept.pk])).status_code
        == 403
    )
    assert client.post(reverse("techniek-parameters-pbl-laden")).status_code == 403
    assert Parameterset.objects.get(pk=concept.pk).is_concept


def test_the_beheerder_makes_edits_and_publishes_a_new_version(client, v1, beheerder):
    inloggen(client, beheerder)
    response = client.post(
        reverse("techniek-parameterset-concept", args=[v1.pk]), {"omschrijving": "Nieuwe offertes"}
    )
    concept = Parameterset.objects.get(status=Parameterset.Status.CONCEPT)
    assert response.status_code == 302
    assert response["Location"] == reverse("techniek-parameterset", args=[concept.pk])
    detail = _html(client.get(response["Location"]))
    assert "Wijzigen" in detail and "Vaststellen" in detail

    url = reverse("techniek-parameter-wijzigen", args=[concept.pk, SLEUTEL])
    formulier = _html(client.get(url))
    assert 'value="343,8"' in formulier
    # a new value with the old source is refused, with the reason beside the field
    fout = client.post(
        url,
        {"waarde": "350,5", "eenheid": "Eur_m", "bron": "Inventarisatie netbeheerders 2024"},
    )
    assert fout.status_code == 400
    assert "De huidige bron hoort bij de oude waarde" in _html(fout)
    goed = client.post(
        url, {"waarde": "350,5", "eenheid": "Eur_m", "bron": "Offerte netbeheerder 2025"}
    )
    assert goed.status_code == 302
    assert concept.parameters.get(sleutel=SLEUTEL).waarde == Decimal("350.5")

    bevestigen = _html(client.get(reverse("techniek-parameterset-vaststellen", args=[concept.pk])))
    assert "Offerte netbeheerder 2025" in bevestigen  # the differences to check before publishing
    assert "350,5" in bevestigen
    response = client.post(reverse("techniek-parameterset-vaststellen", args=[concept.pk]))
    assert response.status_code == 302
    assert selectors.huidige_parameterset().pk == concept.pk
    assert selectors.is_verouderd(v1.pk)


def test_a_published_version_sends_the_editor_back_with_an_explanation(client, v1, beheerder):
    inloggen(client, beheerder)
    for url in (
        reverse("techniek-parameter-wijzigen", args=[v1.pk, SLEUTEL]),
        reverse("techniek-parametertabel-wijzigen", args=[v1.pk, "woningen_bag"]),
        reverse("techniek-parameterset-vaststellen", args=[v1.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("techniek-parameterset", args=[v1.pk])
    html = _html(client.get(reverse("techniek-parameterset", args=[v1.pk])))
    assert "is vastgesteld en verandert niet meer" in html
    response = client.post(
        reverse("techniek-parameter-wijzigen", args=[v1.pk, SLEUTEL]),
        {"waarde": "1", "bron": "x"},
    )
    assert response.status_code == 302
    assert v1.parameters.get(sleutel=SLEUTEL).waarde == Decimal("343.8")


def test_a_second_concept_is_refused_with_a_message(client, v1, concept, beheerder):
    inloggen(client, beheerder)
    response = client.post(reverse("techniek-parameterset-concept", args=[v1.pk]), follow=True)
    assert "Er is al een concept: versie 2" in _html(response)
    assert Parameterset.objects.count() == 2


def test_the_beheerder_changes_a_table_cell_and_throws_the_concept_away(client, concept, beheerder):
    inloggen(client, beheerder)
    url = reverse("techniek-parametertabel-wijzigen", args=[concept.pk, "emissiefactoren"])
    assert "elektriciteit (kg_kWh)" in _html(client.get(url))
    zonder_bron = client.post(url, {"rij": "0", "kolom": "elektriciteit", "waarde": "0,4"})
    assert zonder_bron.status_code == 400
    response = client.post(
        url, {"rij": "0", "kolom": "elektriciteit", "waarde": "0,4", "bron": "Eigen bron"}
    )
    assert response.status_code == 302
    html = _html(client.get(response["Location"]))
    assert "Eigen bron" in html
    response = client.post(reverse("techniek-parameterset-verwijderen", args=[concept.pk]))
    assert response.status_code == 302
    assert not Parameterset.objects.filter(pk=concept.pk).exists()


def test_comparing_two_versions(client, v1, concept, beheerder, projectleider):
    services.parameter_wijzigen(
        parameterset=concept, sleutel=SLEUTEL, user=beheerder, waarde="350", bron="Offerte"
    )
    services.parameterset_vaststellen(parameterset=concept, user=beheerder)
    client.force_login(projectleider)
    url = reverse("techniek-parametersets-vergelijken")
    assert client.get(url).status_code == 200
    html = _html(client.get(url, {"van": v1.pk, "naar": concept.pk}))
    assert SLEUTEL in html and "343,8" in html and "350" in html and "Offerte" in html
    assert client.get(url, {"van": "x", "naar": concept.pk}).status_code == 400


def test_without_parameters_the_beheerder_can_load_pbls(client, beheerder, projectleider):
    client.force_login(projectleider)
    assert "Vraag de beheerder" in _html(client.get(reverse("techniek-parameterset-huidig")))
    inloggen(client, beheerder)
    assert "Kentallen van PBL" in _html(client.get(reverse("techniek-parametersets")))
    response = client.post(reverse("techniek-parameters-pbl-laden"))
    assert response.status_code == 302
    assert selectors.huidige_parameterset().versie == 1


def test_an_unknown_version_is_a_404(client, projectleider):
    client.force_login(projectleider)
    assert client.get(reverse("techniek-parameterset", args=[999999])).status_code == 404
    assert client.get(reverse("techniek-parameterset", args=[2**63])).status_code == 404
