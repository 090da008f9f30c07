"""The beheerder's button "Aanvullen met de standaardwaarden van de rekenkern" on the page of the
current parameter set: shown only to a beheerder and only when the set lacks figures the engine
needs; a POST publishes the completed version; a refusal is shown and saves nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from techniek.models import Parameter, Parameterset
from techniek.selectors import parameters as selectors
from techniek.services import parameters as services
from tests.factories import inloggen
from tests.techniek.alternatieven_hulp import pbl_set, volledige_set
from tests.techniek.test_parameters_paginas import _html

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.techniek.test_parameters_paginas")]

KNOP = "Aanvullen met de standaardwaarden van de rekenkern"


@pytest.fixture
def pbl():
    return pbl_set()


def _pagina(client, parameterset) -> str:
    return _html(client.get(reverse("techniek-parameterset", args=[parameterset.pk])))


def _aanvullen(client, parameterset, **kwargs):
    return client.post(reverse("techniek-parameterset-aanvullen", args=[parameterset.pk]), **kwargs)


def test_the_beheerder_sees_the_button_on_an_incomplete_current_set(client, pbl, beheerder):
    inloggen(client, beheerder)

    html = _pagina(client, pbl)

    assert KNOP in html
    assert reverse("techniek-parameterset-aanvullen", args=[pbl.pk]) in html
    n = len(selectors.ontbrekend_voor_rekenkern(pbl))
    assert n > 0 and f"In deze versie ontbreken {n} cijfers die de rekenkern nodig heeft" in html
    assert 'name="csrfmiddlewaretoken"' in html


@pytest.mark.parametrize("wie", ["projectleider", "griffier"])
def test_other_users_do_not_see_the_button(client, pbl, wie, request):
    inloggen(client, request.getfixturevalue(wie))
    assert KNOP not in _pagina(client, pbl)


def test_no_button_when_the_set_is_complete_or_not_current_or_a_concept_is_open(
    client, pbl, beheerder
):
    inloggen(client, beheerder)
    volledig = volledige_set(beheerder, bron=pbl)

    assert selectors.ontbrekend_voor_rekenkern(volledig) == []
    assert KNOP not in _pagina(client, volledig)
    assert KNOP not in _pagina(client, pbl)  # an older version, no longer used

    services.parameterset_concept_maken(bron=volledig, user=beheerder)
    assert KNOP not in _pagina(client, volledig)


def test_completing_publishes_a_new_version_and_opens_it(client, pbl, beheerder):
    inloggen(client, beheerder)
    n = len(selectors.ontbrekend_voor_rekenkern(pbl))

    response = _aanvullen(client, pbl)

    nieuw = selectors.huidige_parameterset()
    assert nieuw.pk != pbl.pk and nieuw.gebaseerd_op_id == pbl.pk and nieuw.is_vastgesteld
    assert response.status_code == 302
    assert response["Location"] == reverse("techniek-parameterset", args=[nieuw.pk])
    html = _html(client.get(response["Location"]))
    assert (
        f"Versie {nieuw.versie} is vastgesteld. Dit is versie {pbl.versie}, aangevuld met {n} "
        "standaardwaarden van de rekenkern" in html
    )
    assert selectors.ontbrekend_voor_rekenkern(nieuw) == []
    assert KNOP not in html
    # every added figure names its source and status
    toegevoegd = Parameter.objects.filter(parameterset=nieuw, groep="Rekenkern")
    assert toegevoegd.exists() and all(p.bron.endswith(")") for p in toegevoegd)


def test_a_complete_set_is_left_as_it_is(client, pbl, beheerder):
    inloggen(client, beheerder)
    volledig = volledige_set(beheerder, bron=pbl)
    aantal = Parameterset.objects.count()

    response = _aanvullen(client, volledig, follow=True)

    assert Parameterset.objects.count() == aantal
    assert "heeft al alle cijfers die de rekenkern nodig heeft" in _html(response)


def test_a_refusal_of_the_service_is_shown_and_nothing_is_saved(
    client, pbl, beheerder, monkeypatch
):
    inloggen(client, beheerder)
    aantal, parameters = Parameterset.objects.count(), Parameter.objects.count()

    def weigeren(**kwargs):
        raise ValidationError("Deze versie kan nu niet worden vastgesteld.")

    # the refusal comes after the concept and its figures were written: all of it is undone
    monkeypatch.setattr(services, "parameterset_vaststellen", weigeren)
    response = _aanvullen(client, pbl)

    assert response.status_code == 302
    assert response["Location"] == reverse("techniek-parameterset", args=[pbl.pk])
    assert Parameterset.objects.count() == aantal and Parameter.objects.count() == parameters
    assert selectors.concept() is None
    assert "Deze versie kan nu niet worden vastgesteld." in _pagina(client, pbl)


def test_an_open_concept_is_a_clear_refusal_not_an_error(client, pbl, beheerder):
    inloggen(client, beheerder)
    concept = services.parameterset_concept_maken(bron=pbl, user=beheerder)
    aantal = Parameterset.objects.count()

    response = _aanvullen(client, pbl, follow=True)

    assert response.status_code == 200
    assert Parameterset.objects.count() == aantal
    assert f"Er is al een concept: versie {concept.versie}" in _html(response)


def test_only_a_post_by_the_beheerder_completes(client, pbl, beheerder, projectleider):
    url = reverse("techniek-parameterset-aanvullen", args=[pbl.pk])
    aantal = Parameterset.objects.count()

    anoniem = client.post(url)
    assert anoniem.status_code == 302 and "/inloggen" in anoniem["Location"]
    client.force_login(projectleider)
    assert client.post(url).status_code == 403
    inloggen(client, beheerder)
    assert client.get(url).status_code == 405
    assert _aanvullen(client, Parameterset(pk=987654)).status_code == 404

    assert Parameterset.objects.count() == aantal
