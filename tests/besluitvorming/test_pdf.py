"""The council PDF: its content, its accessibility and archive metadata, and the watermark."""

import re

import pytest

from besluitvorming.pdf import VeiligeFetcher, pdf_renderen
from tests.besluitvorming.conftest import pdf_lezen, pdf_tekst
from tests.factories import WijkplanFactory
from wup import document
from wup.registry import Chapter, chapters


@pytest.fixture
def grafiekhoofdstuk(settings, tmp_path):
    """An extra chapter with a chart of wup.charts, as a step app would register it."""
    (tmp_path / "grafiek.html").write_text(
        "{% load i18n %}<p>Warmtevraag per jaar.</p>{{ figuur }}"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]

    def context(request, plan):
        from wup.charts import render_figuur, staafdiagram

        g = staafdiagram("Warmtevraag per buurt", ["Noord", "Zuid"], [120.0, 80.0], eenheid="GJ")
        return {"figuur": render_figuur(g, tabel_open=True)}

    c = chapters.register(Chapter(85, "testgrafiek", "Grafieken", "grafiek.html", context))
    yield c
    chapters.unregister("testgrafiek:85")


def _tekst_zonder_spaties(data: bytes) -> str:
    return re.sub(r"\s+", " ", pdf_tekst(data))


def test_the_pdf_has_the_plan_name_and_every_registered_chapter(plan, grafiekhoofdstuk):
    pdf = pdf_renderen(plan, nummer=1)

    assert pdf.startswith(b"%PDF-1.7")
    tekst = _tekst_zonder_spaties(pdf)
    assert plan.naam in tekst
    assert "Gemeente Ermelo" in tekst
    for h in document.samenstellen(plan, None):
        kop = f"{'Bijlage ' if h.bijlage else ''}{h.nummer} {h.titel}"
        assert kop in tekst, kop
    assert "Samenvatting" in tekst and "Inhoud" in tekst
    # page numbers in the footer
    pagina_s = len(pdf_lezen(pdf).pages)
    assert f"Pagina 1 van {pagina_s}" in tekst and f"Pagina {pagina_s} van {pagina_s}" in tekst


def test_the_table_of_contents_gives_each_chapter_its_page(plan):
    pdf = pdf_renderen(plan, nummer=1)
    reader = pdf_lezen(pdf)
    inhoud = next(p.extract_text() for p in reader.pages if "Inhoud" in p.extract_text())
    for h in document.samenstellen(plan, None):
        regel = next(r for r in inhoud.splitlines() if h.titel in r)
        pagina = int(regel.rstrip(". ").split()[-1].strip("."))
        assert h.titel in reader.pages[pagina - 1].extract_text(), (h.titel, pagina)


def test_the_pdf_is_tagged_pdf_ua_1_in_dutch_with_metadata(plan):
    reader = pdf_lezen(pdf_renderen(plan, nummer=3))

    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    info = reader.metadata
    assert info["/Title"] == f"Wijkuitvoeringsplan {plan.naam}"
    assert info["/Author"] == "Gemeente Ermelo"
    assert plan.naam in info["/Subject"]
    assert "warmtetransitie" in info["/Keywords"]
    assert info["/CreationDate"].startswith("D:20")


def test_a_concept_has_concept_on_every_page_and_a_final_version_not(gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    concept = pdf_lezen(pdf_renderen(plan, nummer=1, definitief=False))
    assert all("CONCEPT" in p.extract_text() for p in concept.pages)

    definitief = pdf_lezen(pdf_renderen(plan, nummer=2, definitief=True))
    assert not any("CONCEPT" in p.extract_text() for p in definitief.pages)


def _afbeeldingen(reader) -> list:
    gevonden = []
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        for obj in xobjects.values():
            if obj.get_object().get("/Subtype") == "/Image":
                gevonden.append(obj)
    return gevonden


def test_charts_and_the_logo_stay_vector(plan, grafiekhoofdstuk):
    fetcher = VeiligeFetcher()
    pdf = pdf_renderen(plan, nummer=1, fetcher=fetcher)
    reader = pdf_lezen(pdf)

    assert "Warmtevraag per buurt" in pdf_tekst(pdf)
    assert _afbeeldingen(reader) == []  # no raster image anywhere: SVG became vector paths
    assert any(u.endswith("/static/img/gemeente-logo.svg") for u in fetcher.gevraagd)
    assert fetcher.geweigerd == []


def test_the_logo_comes_from_the_settings(plan, settings):
    settings.WUP_GEMEENTE_LOGO = "img/logo-bestaat-niet.svg"
    fetcher = VeiligeFetcher()
    pdf = pdf_renderen(plan, nummer=1, fetcher=fetcher)
    # a logo that is no static file of the project is left out; the PDF is still made
    assert fetcher.geweigerd == ["https://wup-pdf.invalid/static/img/logo-bestaat-niet.svg"]
    assert plan.naam in pdf_tekst(pdf)
