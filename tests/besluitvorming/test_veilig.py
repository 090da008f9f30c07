"""Safe rendering: hostile text in a plan fetches nothing, and the fetcher serves only the
project's own static and media files and small data: URIs."""

import base64
import socket
import urllib.request

import pytest
from weasyprint import HTML

from besluitvorming import pdf as pdfmodule
from besluitvorming.pdf import BASIS_URL, BronGeweigerd, RenderFout, VeiligeFetcher, pdf_renderen
from tests.besluitvorming.conftest import keuze_met_motivatie, pdf_lezen

#: Larger than the limit the tests set (``_kleine_limiet``): 300 kB.
GROOT_PLAATJE = "data:image/png;base64," + base64.b64encode(b"\x89PNG" + b"0" * 300_000).decode()
VIJANDIG = (
    '<img src="file:///etc/passwd">'
    '<img src="http://169.254.169.254/latest/meta-data/">'
    '<link rel=stylesheet href="http://aanvaller.example/x.css">'
    "<style>@import url(http://aanvaller.example/y.css);</style>"
    f'<img src="{GROOT_PLAATJE}">'
)


@pytest.fixture(autouse=True)
def _kleine_limiet(settings):
    settings.WUP_PDF_MAX_BRON_BYTES = 200_000


@pytest.fixture
def geen_netwerk(monkeypatch):
    """Any attempt to open a URL or a socket fails the test."""
    pogingen = []

    def weigeren(*args, **kwargs):
        pogingen.append(args)
        raise AssertionError(f"netwerk of bestand geopend: {args!r}")

    monkeypatch.setattr(urllib.request, "urlopen", weigeren)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", weigeren)
    monkeypatch.setattr(socket, "create_connection", weigeren)
    return pogingen


def test_hostile_text_in_the_plan_is_printed_as_text_and_fetches_nothing(
    plan, geen_netwerk, caplog
):
    plan.omschrijving = "Inleiding " + VIJANDIG.replace(GROOT_PLAATJE, "data:,x")
    plan.bestuurlijk_opdrachtgever = '<img src="file:///etc/shadow">'
    plan.save()
    keuze_met_motivatie(plan, "Motivatie " + VIJANDIG)
    fetcher = VeiligeFetcher()

    html = pdfmodule.html_van(plan, nummer=1, definitief=False, aangemaakt_op=plan.gewijzigd_op)
    pdf = pdf_renderen(plan, nummer=1, fetcher=fetcher)

    assert '<img src="file://' not in html and "&lt;img src=&quot;file:///etc/passwd" in html
    assert "<style>@import" not in html
    assert "&lt;style&gt;@import url(http://aanvaller.example/y.css);&lt;/style&gt;" in html
    # only the project's own stylesheet, fonts and logo were asked for; nothing was refused
    # because nothing hostile ever reached the renderer as markup
    assert fetcher.gevraagd and all(u.startswith(BASIS_URL + "static/") for u in fetcher.gevraagd)
    assert fetcher.geweigerd == []
    assert geen_netwerk == []
    # the text itself is in the document (the summary page shows the description)
    assert "file:///etc/passwd" in pdf_lezen(pdf).pages[1].extract_text()


def test_hostile_markup_that_reaches_the_renderer_is_refused_by_the_fetcher(geen_netwerk, caplog):
    """Defence in depth: even raw hostile HTML gets nothing from outside the project."""
    fetcher = VeiligeFetcher()
    html = f"<html lang='nl'><head><title>t</title></head><body><p>x</p>{VIJANDIG}</body></html>"

    HTML(string=html, base_url=BASIS_URL, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")

    assert set(fetcher.geweigerd) == {
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "http://aanvaller.example/x.css",
        "http://aanvaller.example/y.css",
        GROOT_PLAATJE,
    }
    assert set(fetcher.gevraagd) == set(fetcher.geweigerd)
    assert geen_netwerk == []
    assert "PDF: bron geweigerd: file:///etc/passwd" in caplog.text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://169.254.169.254/",
        "https://wup-pdf.invalid.aanvaller.example/static/css/plan-pdf.css",
        "https://aanvaller.example/static/css/plan-pdf.css",
        "ftp://wup-pdf.invalid/static/css/plan-pdf.css",
        BASIS_URL + "static/../../../../etc/passwd",
        BASIS_URL + "static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        BASIS_URL + "static/css/..%2f..%2f..%2fsettings.py",
        BASIS_URL + "static/css%5c..%5cwup.css",
        BASIS_URL + "static/css/plan-pdf.css?x=1",
        BASIS_URL + "media/prive/plandocumenten/1/plandocument-1-versie-1.pdf",
        BASIS_URL + "media/../../../etc/passwd",
        BASIS_URL + "static//etc/passwd",
        BASIS_URL + "media//etc/passwd",
        BASIS_URL + "static/%2Fetc%2Fpasswd",
        BASIS_URL + "wijkplannen/1",
        BASIS_URL + "static/bestaat-niet.css",
        "data:text/css,not-base64-is-fine-but-" + "x" * 400_000,
    ],
)
def test_the_fetcher_refuses(url, geen_netwerk):
    fetcher = VeiligeFetcher()
    with pytest.raises(BronGeweigerd):
        fetcher.fetch(url)
    assert fetcher.geweigerd == [url]


def test_a_symlink_out_of_the_allowed_folders_is_refused(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    (settings.MEDIA_ROOT / "prive").mkdir()
    (settings.MEDIA_ROOT / "prive" / "geheim.pdf").write_bytes(b"%PDF")
    (settings.MEDIA_ROOT / "wachtwoorden").symlink_to("/etc/passwd")
    (settings.MEDIA_ROOT / "kopie.pdf").symlink_to(settings.MEDIA_ROOT / "prive" / "geheim.pdf")
    fetcher = VeiligeFetcher()
    for naam in ("wachtwoorden", "kopie.pdf"):
        with pytest.raises(BronGeweigerd):
            fetcher.fetch(BASIS_URL + "media/" + naam)
    assert len(fetcher.geweigerd) == 2


def test_the_fetcher_serves_own_static_and_media_files_and_small_data_uris(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "kaart.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "prive").mkdir()
    fetcher = VeiligeFetcher()

    css = fetcher.fetch(BASIS_URL + "static/css/plan-pdf.css")
    assert css.content_type == "text/css" and b"@page" in css.read()
    assert fetcher.fetch(BASIS_URL + "media/kaart.svg").content_type == "image/svg+xml"
    klein = fetcher.fetch("data:image/png;base64," + base64.b64encode(b"\x89PNG").decode())
    assert klein.read() == b"\x89PNG"
    assert fetcher.geweigerd == []


def test_a_render_that_takes_too_long_is_stopped(plan, settings, monkeypatch):
    settings.WUP_PDF_TIJDLIMIET = 1

    def traag(*args, **kwargs):
        import time

        time.sleep(5)

    monkeypatch.setattr(pdfmodule.HTML, "write_pdf", traag)
    with pytest.raises(RenderFout, match="langer dan 1 seconden"):
        pdf_renderen(plan, nummer=1)


def test_a_pdf_that_is_too_large_is_refused(plan, settings):
    settings.WUP_PDF_MAX_BYTES = 1000
    with pytest.raises(RenderFout, match="groter dan"):
        pdf_renderen(plan, nummer=1)
