"""The risk matrix and the timeline: well-formed SVG with a title and a text alternative, the
high zone marked by more than colour, and the same figures as a table."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from uitwerking.grafieken_organisatie import Balk, risicomatrix, tijdlijn

NS = "{http://www.w3.org/2000/svg}"


def _svg(grafiek):
    return ET.fromstring(str(grafiek.svg))  # noqa: S314 -- our own output, parsed to check it


def test_the_risk_matrix_counts_risks_per_cell_and_marks_the_high_zone():
    g = risicomatrix([(4, 5), (4, 5), (1, 1), (3, 3)])
    root = _svg(g)
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Risicomatrix: aantal risico's per kans en impact"
    desc = root.find(f"{NS}desc").text
    assert "In totaal 4 risico's, waarvan 2 hoog." in desc
    assert "kans 4, impact 5 (hoog): 2 risico's" in desc and "kans 1, impact 1: 1 risico" in desc
    vakken = root.findall(f".//{NS}rect[@class]")
    hoog = [v for v in vakken if "wup-grafiek__vak--hoog" in v.get("class")]
    # score >= 15: (3,5) (4,4) (4,5) (5,3) (5,4) (5,5)
    assert len(hoog) == 6
    assert all(v.get("fill").startswith("url(#") and v.get("stroke-width") == "3" for v in hoog)
    assert "2" in [t.text for t in root.iter(f"{NS}text")]
    rijen = dict(g.tabel.rijen)
    assert rijen["Kans 4"] == ("0", "0", "0", "0 (hoog)", "2 (hoog)")
    assert rijen["Kans 1"][0] == "1"
    assert g.tabel.kolommen[1:] == tuple(f"Impact {i}" for i in range(1, 6))


def test_an_empty_matrix_still_has_its_text_alternative():
    g = risicomatrix([])
    assert "In totaal 0 risico's, waarvan 0 hoog." in g.beschrijving
    _svg(g)


def test_the_timeline_has_a_bar_per_phase_and_a_table():
    assert tijdlijn([]) is None
    g = tijdlijn(
        [
            Balk(
                "Ontwerp <en> vergunningen", datetime.date(2027, 1, 1), datetime.date(2027, 6, 30)
            ),
            Balk(
                "Aanleg",
                datetime.date(2027, 7, 1),
                datetime.date(2029, 3, 31),
                "Warmtebedrijf",
                "Net klaar",
            ),
        ]
    )
    root = _svg(g)
    assert root.find(f"{NS}title").text == "Realisatieplanning: de fasen in de tijd"
    assert "Aanleg: 01-07-2027 tot en met 31-03-2029" in root.find(f"{NS}desc").text
    balken = [r for r in root.iter(f"{NS}rect") if "wup-grafiek__balk" in (r.get("class") or "")]
    assert len(balken) == 2
    assert float(balken[1].get("width")) > float(balken[0].get("width"))
    jaren = [t.text for t in root.iter(f"{NS}text") if t.get("class") == "wup-grafiek__streepje"]
    assert jaren == ["2027", "2028", "2029"]
    assert g.tabel.rijen[1] == (
        "Aanleg",
        ("01-07-2027", "31-03-2029", "Warmtebedrijf", "Net klaar"),
    )
    assert "<en>" not in str(g.svg) and "&lt;en&gt;" in str(g.svg)
