"""The extensions of the finance module this part needs: a loan with a maximum, and a stored
result read back."""

from __future__ import annotations

import pytest

from uitwerking.financien import (
    FinancienFout,
    HuishoudenInvoer,
    Lening,
    Maandlasten,
    WoonlastenResultaat,
    bereken_woonlasten,
)


def _invoer(lening: Lening) -> HuishoudenInvoer:
    return HuishoudenInvoer(
        naam="rijwoning tussen, eigenaar-bewoner",
        eigendom="eigenaar-bewoner",
        eenmalig={"isolatie": 12_000, "installatie": 3_000},
        subsidies={"ISDE": 3_000},
        financiering=lening,
        voor=Maandlasten(energie=150, vastrecht=30, onderhoud=10),
        na=Maandlasten(energie=100, vastrecht=40),
    )


def test_a_loan_is_capped_at_its_maximum_and_the_rest_is_paid_at_once():
    zonder = bereken_woonlasten(_invoer(Lening(0.0, 10)))
    met = bereken_woonlasten(_invoer(Lening(0.0, 10, maximum=6_000)))
    assert zonder.financiering_per_maand == pytest.approx(100.0)  # 12,000 / 120
    assert met.financiering_per_maand == pytest.approx(50.0)  # 6,000 / 120
    assert any("ten hoogste € 6.000,00" in n and "€ 6.000,00" in n for n in met.notities)
    assert met.eenmalig_netto == 12_000


def test_a_negative_maximum_is_refused():
    with pytest.raises(FinancienFout) as e:
        bereken_woonlasten(_invoer(Lening(0.0, 10, maximum=-1)))
    assert "maximale leenbedrag" in str(e.value)


def test_a_result_survives_its_dict_form():
    res = bereken_woonlasten(_invoer(Lening(0.03, 15, maximum=6_000)))
    terug = WoonlastenResultaat.from_dict(res.as_dict())
    assert terug == res
    assert terug.verschil == pytest.approx(res.verschil)
