"""The housing costs use the heat company's own tariffs from the business case (never above the
ACM maximum), and become outdated when the business case is calculated again."""

from __future__ import annotations

import pytest

from tests.uitwerking.woonlasten import hulp
from uitwerking import parameters
from uitwerking.selectors import woonlasten as selectors
from uitwerking.services import businesscase as businesscase_services
from uitwerking.services import woonlasten as services

pytestmark = pytest.mark.django_db

TUSSEN_CORPORATIE = "rijwoning tussen|huurder corporatie"


@pytest.fixture
def plan(gemeente, projectleider):
    return hulp.woonlastenplan(gemeente, projectleider)


def _businesscase(plan, user, **tarieven):
    return businesscase_services.businesscase_berekenen(wijkplan=plan, user=user, invoer=tarieven)


def _huurder(plan):
    (u,) = [u for u in selectors.stand_van(plan).uitkomsten if u.sleutel == TUSSEN_CORPORATIE]
    return u.resultaat


def test_the_heat_companys_tariffs_replace_the_acm_maximum(plan, projectleider):
    bc = _businesscase(
        plan, projectleider, variabel_per_gj=30, vastrecht_per_jaar=480, aansluitbijdrage=2000
    )
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    stand = selectors.stand_van(plan)
    assert stand.berekening.businesscase_id == bc.pk and not stand.verouderd
    regels = {r.post: r for r in _huurder(plan).regels}
    assert regels["vastrecht"].na == pytest.approx(480 / 12)
    eigenaar = next(
        u.resultaat for u in stand.uitkomsten if u.resultaat.eigendom == "eigenaar-bewoner"
    )
    assert "aansluitbijdrage" in {r.post for r in eigenaar.regels} or eigenaar.eenmalig_bruto > 0
    assert any("businesscase" in a for a in stand.berekening.aannames)
    # cheaper heat than the ACM maximum lowers the month for the same household
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider, warmtetarief="45")
    duurder = _huurder(plan).totaal_na
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert _huurder(plan).totaal_na < duurder


def test_tariffs_above_the_acm_maximum_are_capped(plan, projectleider):
    _businesscase(
        plan, projectleider, variabel_per_gj=99, vastrecht_per_jaar=5000, aansluitbijdrage=9000
    )
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    b = selectors.stand_van(plan).berekening
    fp = parameters.financiele_parameters()
    plafond = fp.plafonds[max(j for j in fp.plafonds if j <= b.invoer["jaar"])]
    regels = {r.post: r for r in _huurder(plan).regels}
    assert regels["vastrecht"].na == pytest.approx(plafond.vastrecht_per_jaar / 12)


def test_a_new_business_case_makes_the_housing_costs_outdated(plan, projectleider):
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert not selectors.stand_van(plan).verouderd  # the ACM maximum, no business case yet
    _businesscase(plan, projectleider, variabel_per_gj=30)
    stand = selectors.stand_van(plan)
    assert stand.verouderd
    assert any("businesscase" in r for r in stand.redenen)
    services.woonlasten_berekenen(wijkplan=plan, user=projectleider)
    assert not selectors.stand_van(plan).verouderd
