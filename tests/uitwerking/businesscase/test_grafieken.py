"""The business case's charts: well-formed SVG with a title and a text alternative, and every
year's figure in the data table."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from uitwerking.financien import (
    BusinesscaseInvoer,
    Investering,
    Tariefplafond,
    Tarieven,
    bereken_businesscase,
)
from uitwerking.views.businesscase import grafiek_contant, grafiek_kasstroom

SVG = "{http://www.w3.org/2000/svg}"
RESULTAAT = bereken_businesscase(
    BusinesscaseInvoer(
        investeringen=(Investering("Net", "netwerk", 1_000_000.0),),
        aantal_aansluitingen_max=100,
        aansluitgraad=0.9,
        aansluitfasering=(0.5, 0.5),
        warmtevraag_gj_per_aansluiting=35,
        tarieven=Tarieven(600, 40, 1000),
        plafonds={2026: Tariefplafond(800, 45, 4500)},
        inkoopkosten_per_gj=(15.0,),
        looptijd_jaren=10,
        startjaar=2026,
    )
)


def test_both_charts_have_title_description_and_a_table_per_year():
    for grafiek in (grafiek_kasstroom(RESULTAAT), grafiek_contant(RESULTAAT)):
        root = ET.fromstring(str(grafiek.svg))  # noqa: S314 -- our own output
        assert root.get("role") == "img" and root.get("aria-labelledby")
        assert root.find(f"{SVG}title").text == grafiek.titel
        assert root.find(f"{SVG}desc").text == grafiek.beschrijving
        assert len(grafiek.tabel.rijen) == 10
        assert grafiek.tabel.rijen[0][0] == "2026"
    assert "2026" in grafiek_kasstroom(RESULTAAT).beschrijving
    # negative years are drawn, not hidden: the first year is the investment
    assert RESULTAAT.kasstromen["kasstroom"][0] < 0


def test_the_same_result_gives_the_same_chart():
    assert str(grafiek_kasstroom(RESULTAAT).svg) == str(grafiek_kasstroom(RESULTAAT).svg)
