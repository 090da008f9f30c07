"""The council PDF of the plan document, rendered with WeasyPrint.

The document is the same composition as the HTML preview (:func:`wup.document.samenstellen`)
with a title page, a summary, a table of contents with page numbers and the chapters and
annexes, in the print template ``besluitvorming/pdf/document.html`` and the print stylesheet
``static/css/plan-pdf.css``. Charts stay vector SVG (inline ``<svg>``).

Output is PDF/UA-1 (``pdf_variant="pdf/ua-1"``): tagged, with ``/Lang (nl)``, a title and the
PDF/UA identification in its XMP metadata. See ``docs/plan-pdf.md`` for why not PDF/A.

Safe rendering:

* user text reaches the template only through Django's autoescaping (no user HTML is rendered);
* :class:`VeiligeFetcher` is the only way WeasyPrint loads anything: it serves the project's own
  static files and (non-private) media files from disk and ``data:`` URIs, each at most
  ``WUP_PDF_MAX_BRON_BYTES``; everything else (``file://``, ``http(s)://`` to any other host,
  path traversal, private media) is refused and logged, never fetched. It never opens a network
  connection, so there are no redirects to follow;
* a render stops after ``WUP_PDF_TIJDLIMIET`` seconds (a timer signal in the main thread; the
  Celery task has the same soft time limit) and a PDF larger than ``WUP_PDF_MAX_BYTES`` is
  refused.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import mimetypes
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

from besluitvorming.fouten import RenderFout
from wup import document, selectors
from wup.registry import steps

if TYPE_CHECKING:
    from wup.models import Wijkplan

logger = logging.getLogger(__name__)

__all__ = ["BASIS_URL", "BronGeweigerd", "RenderFout", "VeiligeFetcher", "pdf_renderen"]

#: The base URL of the print document. The ``.invalid`` domain never resolves (RFC 2606) and the
#: fetcher never goes to the network: it only maps ``/static/`` and ``/media/`` on it to disk.
BASIS_URL = "https://wup-pdf.invalid/"
PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "besluitvorming/pdf/document.html"
_PRIVE_MEDIA = "prive/"

mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("font/woff", ".woff")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("text/css", ".css")


class BronGeweigerd(ValueError):
    """A resource the PDF may not load. WeasyPrint logs it and renders without it."""


def _static_wortels() -> list[Path]:
    wortels = [Path(settings.STATIC_ROOT), *(Path(str(d)) for d in settings.STATICFILES_DIRS)]
    wortels += [Path(a.path) / "static" for a in apps.get_app_configs()]
    return [w.resolve() for w in wortels if w.is_dir()]


def _binnen(pad: Path, wortels: list[Path]) -> bool:
    echt = pad.resolve()
    return echt.is_file() and any(echt.is_relative_to(w) for w in wortels)


class VeiligeFetcher(URLFetcher):
    """WeasyPrint's URL fetcher, reduced to the project's own files and ``data:`` URIs.

    ``gevraagd`` lists every URL WeasyPrint asked for, ``geweigerd`` the refused ones.
    """

    def __init__(self, max_bytes: int | None = None) -> None:
        super().__init__(allowed_protocols=("https", "data"), allow_redirects=False)
        self.max_bytes = max_bytes or settings.WUP_PDF_MAX_BRON_BYTES
        self.gevraagd: list[str] = []
        self.geweigerd: list[str] = []
        self._static = _static_wortels()
        self._media = Path(settings.MEDIA_ROOT).resolve()

    def fetch(self, url, headers=None):
        self.gevraagd.append(url)
        try:
            return self._bron(url)
        except BronGeweigerd as e:
            self.geweigerd.append(url)
            logger.warning("PDF: bron geweigerd: %s (%s)", url[:200], e)
            raise

    def _bron(self, url: str) -> URLFetcherResponse:
        if url[:5].lower() == "data:":
            return self._data(url)
        delen = urlsplit(url)
        eigen = urlsplit(BASIS_URL)
        if (delen.scheme, delen.netloc) != (eigen.scheme, eigen.netloc):
            raise BronGeweigerd("alleen eigen statische bestanden en data:-URI's")
        pad = unquote(delen.path)
        if delen.query or "\\" in pad or "\x00" in pad:
            raise BronGeweigerd("ongeldig pad")
        if any(deel in ("..", ".") for deel in pad.split("/")):
            raise BronGeweigerd("pad buiten de toegestane mappen")
        if pad.startswith(settings.STATIC_URL):
            bestand = self._static_bestand(pad.removeprefix(settings.STATIC_URL))
        elif pad.startswith(settings.MEDIA_URL):
            bestand = self._media_bestand(pad.removeprefix(settings.MEDIA_URL))
        else:
            raise BronGeweigerd("alleen /static/ en /media/")
        if bestand.stat().st_size > self.max_bytes:
            raise BronGeweigerd("bestand te groot")
        soort = mimetypes.guess_type(bestand.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, bestand.read_bytes(), {"Content-Type": soort})

    def _static_bestand(self, relatief: str) -> Path:
        gevonden = None
        with contextlib.suppress(Exception):  # SuspiciousFileOperation on traversal
            gevonden = finders.find(relatief)
        kandidaten = [Path(gevonden)] if gevonden else []
        kandidaten.append(Path(settings.STATIC_ROOT) / relatief)
        for kandidaat in kandidaten:
            if _binnen(kandidaat, self._static):
                return kandidaat
        raise BronGeweigerd("geen statisch bestand van het project")

    def _media_bestand(self, relatief: str) -> Path:
        if relatief.startswith(_PRIVE_MEDIA) or relatief.startswith("/"):
            raise BronGeweigerd("besloten bestand")
        kandidaat = self._media / relatief
        if not _binnen(kandidaat, [self._media]):
            raise BronGeweigerd("geen mediabestand van het project")
        if kandidaat.resolve().is_relative_to(self._media / _PRIVE_MEDIA):  # via a symlink
            raise BronGeweigerd("besloten bestand")
        return kandidaat

    def _data(self, url: str) -> URLFetcherResponse:
        # base64 takes 4 characters per 3 bytes: refuse before decoding anything large
        if len(url) > self.max_bytes * 4 // 3 + 256:
            raise BronGeweigerd("data:-URI te groot")
        kop, komma, inhoud = url[5:].partition(",")
        if not komma:
            raise BronGeweigerd("ongeldige data:-URI")
        delen = kop.split(";")
        soort = delen[0] or "text/plain"
        try:
            data = (
                base64.b64decode(unquote(inhoud), validate=False)
                if "base64" in delen[1:]
                else unquote(inhoud).encode()
            )
        except (binascii.Error, ValueError) as e:
            raise BronGeweigerd("ongeldige data:-URI") from e
        if len(data) > self.max_bytes:
            raise BronGeweigerd("data:-URI te groot")
        return URLFetcherResponse(url, data, {"Content-Type": soort})


class _Tijdslimiet(Exception):
    pass


@contextlib.contextmanager
def tijdslimiet(seconden: float):
    """Stop the block after ``seconden`` (a timer signal; only in the main thread, where the
    Celery prefork worker runs its tasks; elsewhere the task's soft time limit applies)."""
    if seconden <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise _Tijdslimiet()

    vorige = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconden)
    try:
        yield
    except _Tijdslimiet as e:
        raise RenderFout(
            _(
                "Het maken van de PDF duurde langer dan %(s)d seconden en is gestopt. Probeer "
                "het later opnieuw of meld het bij de beheerder."
            )
            % {"s": seconden}
        ) from e
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, vorige)


@dataclass
class Samenvatting:
    fase: str
    buurten: list[str]
    volgende_stap: str
    sporen: list[dict]
    stappen: list[dict] = field(default_factory=list)


def samenvatting(plan: Wijkplan) -> Samenvatting:
    """A short overview for the council: phase, buurten and the state of the next gate."""
    v = selectors.voortgang(plan)
    sporen = [
        {
            "spoor": s.spoor.label,
            "voldaan": s.voldaan,
            "totaal": s.totaal,
            "klaar": s.klaar,
            "open": [r.reason for r in s.open],
        }
        for s in v.sporen
    ]
    stappen = [
        {
            "nummer": s.number,
            "titel": str(s.title),
            "huidig": plan.fase in s.fasen,
        }
        for s in steps.all()
    ]
    return Samenvatting(
        fase=plan.get_fase_display(),
        buurten=[f"{b.naam} ({b.code})" for b in plan.buurten.order_by("naam")],
        volgende_stap=str(v.overgang.label) if v.overgang else "",
        sporen=sporen if v.overgang else [],
        stappen=stappen,
    )


def gemeentenaam(plan: Wijkplan) -> str:
    return _("Gemeente %(naam)s") % {"naam": plan.gemeente.naam}


def html_van(
    plan: Wijkplan, *, nummer: int | None, definitief: bool, aangemaakt_op: datetime
) -> str:
    """The print HTML of the plan document (escaped by the templates)."""
    titel = _("Wijkuitvoeringsplan %(naam)s") % {"naam": plan.naam}
    return render_to_string(
        TEMPLATE,
        {
            "plan": plan,
            "titel": titel,
            "gemeente_naam": gemeentenaam(plan),
            "logo_url": static(settings.WUP_GEMEENTE_LOGO),
            "nummer": nummer,
            "concept": not definitief,
            "aangemaakt_op": timezone.localtime(aangemaakt_op),
            "samenvatting": samenvatting(plan),
            "hoofdstukken": document.samenstellen(plan, None),
        },
    )


def pdf_renderen(
    plan: Wijkplan,
    *,
    nummer: int | None = None,
    definitief: bool = False,
    aangemaakt_op: datetime | None = None,
    fetcher: VeiligeFetcher | None = None,
) -> bytes:
    """The plan document as PDF/UA-1 bytes. Raises :class:`RenderFout` with a Dutch message."""
    aangemaakt_op = aangemaakt_op or timezone.now()
    html = html_van(plan, nummer=nummer, definitief=definitief, aangemaakt_op=aangemaakt_op)
    fetcher = fetcher or VeiligeFetcher()
    with tijdslimiet(settings.WUP_PDF_TIJDLIMIET):
        pdf = HTML(string=html, base_url=BASIS_URL, url_fetcher=fetcher).write_pdf(
            pdf_variant=PDF_VARIANT, pdf_identifier=f"wup-{plan.pk}-{nummer}".encode()
        )
    if pdf is None or len(pdf) > settings.WUP_PDF_MAX_BYTES:
        raise RenderFout(
            _(
                "De PDF wordt groter dan %(mb)d MB en is daarom niet gemaakt. Meld dit bij de "
                "beheerder."
            )
            % {"mb": settings.WUP_PDF_MAX_BYTES // (1024 * 1024)}
        )
    return pdf
