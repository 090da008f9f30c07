"""Endpoints for machines rather than people: security.txt and the health check."""

from __future__ import annotations

import datetime
import logging
import tomllib
import uuid
from functools import cache
from importlib import metadata

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

#: RFC 9116 recommends an Expires less than a year ahead; the file is made on each request, so
#: it never expires while the site runs.
GELDIG_DAGEN = 364


@require_safe
@cache_control(public=True, max_age=3600)
def security_txt(request: HttpRequest) -> HttpResponse:
    """/.well-known/security.txt (RFC 9116): how to report a vulnerability."""
    if not settings.WUP_SECURITY_CONTACT:
        raise Http404
    vandaag = timezone.now().astimezone(datetime.UTC).date()
    verloopt = vandaag + datetime.timedelta(days=GELDIG_DAGEN)
    regels = [f"Contact: {contact}" for contact in settings.WUP_SECURITY_CONTACT]
    regels.append(f"Expires: {verloopt.isoformat()}T00:00:00Z")
    regels.append("Preferred-Languages: nl, en")
    regels.append(f"Canonical: {request.build_absolute_uri(request.path)}")
    if settings.WUP_SECURITY_POLICY_URL:
        regels.append(f"Policy: {settings.WUP_SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")


# --- Health ---------------------------------------------------------------------------------

OK, FOUT, NIET_GECONFIGUREERD = "ok", "fout", "niet geconfigureerd"


@cache
def app_versie() -> str:
    """The product's version, from pyproject.toml beside the code (or the installed metadata)."""
    pyproject = settings.BASE_DIR / "pyproject.toml"
    try:
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        try:
            return metadata.version("wup-platform")
        except metadata.PackageNotFoundError:
            return "onbekend"


def database_controleren() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 gaf geen 1")


def cache_controleren() -> None:
    sleutel = f"gezondheid:{uuid.uuid4().hex}"
    django_cache.set(sleutel, "1", timeout=10)
    try:
        if django_cache.get(sleutel) != "1":
            raise RuntimeError("de cache gaf de waarde niet terug")
    finally:
        django_cache.delete(sleutel)


def broker_controleren() -> str:
    """Connect to the task broker, if one is configured (without one tasks run in-process)."""
    if not settings.WUP_BROKER_CONFIGURED:
        return NIET_GECONFIGUREERD
    from wup.celery import app

    with app.connection_for_write() as verbinding:
        verbinding.ensure_connection(max_retries=0, timeout=2)
    return OK


def _controle(naam: str, functie) -> str:
    try:
        return functie() or OK
    except Exception as e:  # any failure of a dependency is a 503, never a 500
        # The cause goes to the log (for the operator), never into the public answer.
        logger.error("Gezondheidscontrole %s mislukt: %s: %s", naam, type(e).__name__, e)
        return FOUT


@require_safe
@never_cache
def gezondheid(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 when the database, the cache and the broker answer, else
    503 with the part that failed. Public, no session, no cookie."""
    controles = {
        "database": _controle("database", database_controleren),
        "cache": _controle("cache", cache_controleren),
        "broker": _controle("broker", broker_controleren),
    }
    gezond = FOUT not in controles.values()
    return JsonResponse(
        {"status": OK if gezond else FOUT, "versie": app_versie(), "controles": controles},
        status=200 if gezond else 503,
    )
