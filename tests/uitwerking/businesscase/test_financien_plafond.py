"""The finance module's option to charge the ACM maximum of every year."""

from dataclasses import replace

import pytest

from uitwerking.financien import (
    BusinesscaseInvoer,
    Investering,
    Tariefplafond,
    Tarieven,
    bereken_businesscase,
)

INVOER = BusinesscaseInvoer(
    investeringen=(Investering("net", "netwerk", 1000.0),),
    aantal_aansluitingen_max=10,
    aansluitgraad=1.0,
    aansluitfasering=(1.0,),
    warmtevraag_gj_per_aansluiting=30,
    tarieven=Tarieven(500, 50, 1000),
    plafonds={2026: Tariefplafond(400, 40, 800), 2027: Tariefplafond(450, 45, 800)},
    inkoopkosten_per_gj=(10.0,),
    looptijd_jaren=3,
    startjaar=2026,
)


def test_own_tariffs_are_capped_and_listed():
    r = bereken_businesscase(INVOER)
    assert list(r.kasstromen["variabel"]) == pytest.approx([300 * 40, 300 * 45, 300 * 45])
    assert r.begrensd


def test_following_the_maximum_charges_it_every_year_without_notes():
    r = bereken_businesscase(
        replace(INVOER, tarieven=Tarieven(0, 0, 0), tarieven_volgen_plafond=True)
    )
    assert list(r.kasstromen["variabel"]) == pytest.approx([300 * 40, 300 * 45, 300 * 45])
    assert list(r.kasstromen["vastrecht"]) == pytest.approx([4000, 4500, 4500])
    assert r.kasstromen["aansluitbijdragen"][0] == pytest.approx(8000)
    assert not r.begrensd
