"""The shared SVG charts: well-formed, accessible, Dutch, honest about missing values."""

import itertools
import xml.etree.ElementTree as ET

import pytest

from tests.wup.test_templates_csp import inline_code
from wup import charts
from wup.charts import LijnReeks, Reeks

NS = {"svg": charts.SVG_NS}
VIJANDIG = '<script>alert("x")</script> & \'Buurt\' \x00\x07 "Oost"'


def parse(grafiek: charts.Grafiek) -> ET.Element:
    return ET.fromstring(grafiek.svg)  # noqa: S314 -- our own output, parsed to check it


def teksten(root: ET.Element) -> list[str]:
    """Every text of the drawing; a label wrapped over lines is joined with spaces."""
    return [" ".join(t.itertext()) for t in root.iter(f"{{{charts.SVG_NS}}}text")]


def balken(root: ET.Element) -> list[ET.Element]:
    return [
        r
        for r in root.iter(f"{{{charts.SVG_NS}}}rect")
        if "wup-grafiek__balk" in r.get("class", "")
    ]


def alle_grafieken() -> dict[str, charts.Grafiek]:
    return {
        "staaf": charts.staafdiagram(
            "Aardgasverbruik", ["Plangebied", "Gemeente"], [1234.4, None], eenheid="m³"
        ),
        "groep": charts.gegroepeerd_staafdiagram(
            "Eigendom",
            ["Koop", "Huur"],
            [Reeks("Plangebied", [45.0, 55.0]), Reeks("Gemeente", [60.0, None])],
            eenheid="%",
        ),
        "stapel": charts.gestapeld_staafdiagram(
            "Eigendom",
            ["Plangebied", "Nederland"],
            [Reeks("Koop", [45.0, None]), Reeks("Huur", [55.0, None])],
        ),
        "lijn": charts.lijndiagram(
            "Inwoners",
            [LijnReeks("Plangebied", [(2022, 1200.0), (2023, None), (2024, 1250.0)])],
            x_titel="Jaar",
            x_is_jaar=True,
        ),
    }


# --- Numbers the Dutch way ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "decimalen", "verwacht"),
    [
        (1234567.891, 2, "1.234.567,89"),
        (1234.5, 0, "1.235"),  # half away from zero, not to even
        (2.5, 0, "3"),
        (0.125, 2, "0,13"),
        (-1234.5, 1, "-1.234,5"),
        (-0.4, 0, "0"),  # no "-0"
        (0, 1, "0,0"),
        (None, 0, "onbekend"),
        (float("nan"), 1, "onbekend"),
        (float("inf"), 0, "onbekend"),
    ],
)
def test_numbers_are_written_the_dutch_way(waarde, decimalen, verwacht):
    assert charts.getal(waarde, decimalen) == verwacht


def test_units_and_years():
    assert charts.met_eenheid(45, "%") == "45%"
    assert charts.met_eenheid(1234, "m³") == "1.234\u00a0m³"
    assert charts.met_eenheid(1234, "aantal") == "1.234"
    assert charts.met_eenheid(None, "m³") == "onbekend"
    assert charts.jaartal(2024) == "2024"


# --- Well-formed and accessible -------------------------------------------------------------------


@pytest.mark.parametrize("soort", ["staaf", "groep", "stapel", "lijn"])
def test_every_chart_is_well_formed_accessible_svg(soort):
    grafiek = alle_grafieken()[soort]
    root = parse(grafiek)
    assert root.tag == f"{{{charts.SVG_NS}}}svg"
    assert root.get("role") == "img"
    # Scales with its container: a viewBox, no fixed size.
    assert root.get("viewBox").startswith("0 0 640 ")
    assert root.get("width") is None and root.get("height") is None
    titel = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert titel.text == grafiek.titel
    assert desc.text == grafiek.beschrijving and len(desc.text) > 20
    assert root.get("aria-labelledby").split() == [titel.get("id"), desc.get("id")]
    # A strict CSP: no style attributes or elements, no scripts, no event handlers.
    for el in root.iter():
        assert "style" not in el.attrib, el.tag
        assert not any(a.startswith("on") for a in el.attrib), el.tag
        assert el.tag.split("}")[1] not in ("style", "script", "foreignObject")
    # The font comes from the page: no font-family anywhere.
    assert "font-family" not in grafiek.svg


def test_the_text_alternative_summarises_the_data_in_dutch():
    grafiek = charts.gegroepeerd_staafdiagram(
        "Aardgasverbruik",
        ["Gemiddeld"],
        [Reeks("Plangebied", [1234.0]), Reeks("Gemeente", [1100.0]), Reeks("Nederland", [None])],
        eenheid="m³",
    )
    assert grafiek.beschrijving == (
        "Staafdiagram per groep. Gemiddeld: Plangebied 1.234\u00a0m³, Gemeente 1.100\u00a0m³, "
        "Nederland onbekend."
    )


def test_every_label_is_escaped_and_cleaned():
    grafiek = charts.gegroepeerd_staafdiagram(
        VIJANDIG, [VIJANDIG], [Reeks(VIJANDIG, [1.0])], eenheid="%"
    )
    root = parse(grafiek)  # would fail on raw markup or a NUL character
    assert "<script" not in grafiek.svg
    schoon = '<script>alert("x")</script> & \'Buurt\'  "Oost"'
    assert root.find("svg:title", NS).text == schoon
    # The label as text, not as markup (wrapped over lines, so compare word by word).
    assert " ".join(schoon.split()) in [" ".join(t.split()) for t in teksten(root)]
    assert grafiek.tabel.rijen[0][0] == schoon


def test_ids_are_safe_and_stable():
    grafiek = charts.staafdiagram("x", ["a"], [1], id='1 "bad" id')
    assert grafiek.id == "g-1--bad--id"
    assert parse(grafiek).find("svg:title", NS).get("id") == "g-1--bad--id-titel"


@pytest.mark.parametrize("soort", ["staaf", "groep", "stapel", "lijn"])
def test_output_is_deterministic(soort):
    assert alle_grafieken()[soort].svg == alle_grafieken()[soort].svg


def test_different_data_give_different_ids_for_one_page():
    a = charts.staafdiagram("Gas", ["a"], [1])
    b = charts.staafdiagram("Gas", ["a"], [2])
    assert a.id != b.id


def test_series_differ_by_pattern_not_only_by_colour():
    grafiek = alle_grafieken()["groep"]
    root = parse(grafiek)
    fills = [b.get("fill") for b in balken(root)]
    assert fills[0].startswith("#")  # first series solid
    assert fills[1].startswith("url(#")  # second hatched
    assert len(root.findall("svg:defs/svg:pattern", NS)) == 1


# --- Missing values -------------------------------------------------------------------------------


def test_a_missing_bar_is_written_as_onbekend_and_not_drawn():
    root = parse(
        charts.staafdiagram("Gas", ["Plangebied", "Gemeente"], [None, 1000.0], eenheid="m³")
    )
    assert len(balken(root)) == 1  # only the known value has a bar
    assert "onbekend" in teksten(root)
    assert "0\u00a0m³" not in teksten(root)


def test_zero_is_not_the_same_as_unknown():
    root = parse(charts.staafdiagram("Gas", ["a", "b"], [0.0, 10.0]))
    assert len(balken(root)) == 2
    assert "0" in teksten(root) and "onbekend" not in teksten(root)


def test_a_stacked_bar_with_unknown_parts_shows_onbekend():
    grafiek = alle_grafieken()["stapel"]
    root = parse(grafiek)
    assert len(balken(root)) == 2  # Plangebied's two parts, nothing for Nederland
    assert "onbekend" in teksten(root)
    assert "Nederland: onbekend" in grafiek.beschrijving
    assert grafiek.tabel.rijen[1] == ("Nederland", ("onbekend", "onbekend"))


def test_a_missing_point_breaks_the_line():
    grafiek = alle_grafieken()["lijn"]
    root = parse(grafiek)
    # Two known points with a gap between them: no line segment joins them.
    assert root.findall(".//svg:polyline", NS) == []
    assert "onbekend bij 2023" in grafiek.beschrijving
    assert grafiek.tabel.rijen[1] == ("2023", ("onbekend",))
    assert "2.024" not in grafiek.svg  # years are not thousands


def test_a_line_over_known_points_is_drawn():
    root = parse(
        charts.lijndiagram(
            "Cashflow",
            [LijnReeks("Variant A", [(0, -100.0), (1, 20.0), (2, 50.0)])],
            x_titel="Jaar na start",
            y_eenheid="euro",
        )
    )
    lijnen = root.findall(".//svg:polyline", NS)
    assert len(lijnen) == 1 and len(lijnen[0].get("points").split()) == 3


def test_negative_bars_go_left_of_zero():
    root = parse(charts.staafdiagram("Saldo", ["a", "b"], [-50.0, 100.0]))
    negatief, positief = balken(root)
    assert float(negatief.get("x")) + float(negatief.get("width")) == pytest.approx(
        float(positief.get("x")), abs=0.2
    )


def test_axis_labels_do_not_crowd_each_other():
    root = parse(charts.staafdiagram("Saldo", ["a", "b"], [-1_250_000.0, 320_000.0]))
    streepjes = [
        t
        for t in root.iter(f"{{{charts.SVG_NS}}}text")
        if t.get("class") == "wup-grafiek__streepje"
    ]
    assert len(streepjes) >= 2
    for links, rechts in itertools.pairwise(streepjes):
        ruimte = float(rechts.get("x")) - float(links.get("x"))
        assert ruimte > charts._breedte(links.text) / 2 + charts._breedte(rechts.text) / 2


def test_a_long_line_gets_a_marker_on_every_few_points():
    punten = [(float(uur), 100.0 - uur / 100) for uur in range(0, 8760, 200)]
    root = parse(charts.lijndiagram("Duurkromme", [LijnReeks("Vraag", punten)], x_titel="Uur"))
    data = root.find("svg:g[@class='wup-grafiek__data']", NS)
    assert 8 <= len(data.findall(".//svg:circle", NS)) <= 14 < len(punten)
    assert len(data.find(".//svg:polyline", NS).get("points").split()) == len(punten)


def test_series_must_fit_the_categories():
    with pytest.raises(ValueError, match="één waarde per categorie"):
        charts.gegroepeerd_staafdiagram("x", ["a", "b"], [Reeks("r", [1.0])])


# --- With the page --------------------------------------------------------------------------------


def test_the_include_shows_the_chart_with_caption_source_and_table():
    grafiek = charts.gegroepeerd_staafdiagram(
        "Eigendom",
        ["Koop <b>"],
        [Reeks("Plangebied", [45.0]), Reeks("Gemeente", [None])],
        eenheid="%",
        bron="CBS",
    )
    html = charts.render_figuur(grafiek)
    assert "<figure" in html and "<figcaption" in html
    assert grafiek.svg in html  # the SVG itself, not escaped
    assert "Bron: CBS" in html
    assert '<th scope="row" class="utrecht-table__header-cell">Koop &lt;b&gt;</th>' in html
    assert ">45%</td>" in html and ">onbekend</td>" in html
    assert "<details" in html
    assert inline_code(html) == []
    assert "<details" not in charts.render_figuur(grafiek, tabel_open=True)
