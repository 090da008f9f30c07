"""The security headers are on every kind of response the product gives, and security.txt.

Each page type is fetched the way its user fetches it (logged in, anonymous, by API token…),
and every response must carry the same strict policy. The production-only headers (HSTS, the
HTTPS redirect) are checked in a fresh process with the production settings.
"""

import datetime
import json
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import path, reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from besluitvorming.models import Documentversie
from participatie.models import Publicatie
from tests import factories
from wup import urls as wup_urls

pytestmark = pytest.mark.django_db


def boem(request):
    raise RuntimeError("een fout in een view")


# A URLconf with one view that fails, to see the 500 page as the middleware hands it out.
urlpatterns = [path("test-boem", boem), *wup_urls.urlpatterns]
handler403 = wup_urls.handler403
handler404 = wup_urls.handler404
handler500 = wup_urls.handler500

VERPLICHT = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}


def csp(header: str) -> dict[str, set[str]]:
    richtlijnen = {}
    for deel in header.split(";"):
        naam, *waarden = deel.split()
        richtlijnen[naam] = set(waarden)
    return richtlijnen


def assert_veilige_headers(response, naam):
    h = response.headers
    assert "Content-Security-Policy" in h, naam
    beleid = csp(h["Content-Security-Policy"])
    for richtlijn, waarden in VERPLICHT.items():
        assert beleid.get(richtlijn) == waarden, (naam, richtlijn, beleid.get(richtlijn))
    alles = " ".join(h["Content-Security-Policy"].split())
    assert "unsafe-inline" not in alles and "unsafe-eval" not in alles, naam
    assert "*" not in alles, naam
    assert h["X-Frame-Options"] == "DENY", naam
    assert h["X-Content-Type-Options"] == "nosniff", naam
    assert h["Referrer-Policy"] == "same-origin", naam
    assert h["Cross-Origin-Opener-Policy"] == "same-origin", naam
    rechten = dict(
        re.fullmatch(r"([a-z-]+)=\((.*)\)", d.strip()).groups()
        for d in h["Permissions-Policy"].split(",")
    )
    for functie in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert rechten.get(functie) == "", (naam, functie)
    assert re.fullmatch(r"[A-Za-z0-9._-]{8,128}", h["X-Request-ID"]), naam


@pytest.fixture
def pdf_versie(plan, projectleider):
    versie = Documentversie.objects.create(
        wijkplan=plan, nummer=1, fase=plan.fase, aangevraagd_door=projectleider
    )
    versie.bestand.save(versie.bestandsnaam, ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    versie.status, versie.sha256, versie.grootte = "klaar", "0" * 64, 15
    versie.save()
    return versie


@override_settings(ROOT_URLCONF=__name__)
def test_every_kind_of_response_carries_the_security_headers(
    client, plan, projectleider, beheerder, pdf_versie
):
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True, waarom="Van het gas af.")
    client.raise_request_exception = False
    antwoorden = {}
    # --- anonymous: the login page, a resident's public page, the machines' endpoints
    antwoorden["inloggen"] = client.get(reverse("login"))
    antwoorden["inloggen met fout"] = client.post(
        reverse("login"), {"username": "projectleider", "password": "fout"}
    )
    antwoorden["publieke pagina"] = client.get(reverse("participatie-publiek", args=[plan.slug]))
    antwoorden["security.txt"] = client.get("/.well-known/security.txt")
    antwoorden["gezondheid"] = client.get("/gezondheid")
    antwoorden["404"] = client.get("/bestaat-niet")
    antwoorden["500"] = client.get("/test-boem")
    antwoorden["api 401"] = client.get("/api/v1/wijkplannen")
    antwoorden["openapi"] = client.get("/api/v1/openapi.json")
    antwoorden["api-documentatie"] = client.get("/api/v1/docs")
    antwoorden["api-documentatie script"] = client.get("/api/v1/docs?script")
    # --- the API by token
    token = Token.objects.create(user=projectleider)
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    antwoorden["api json"] = client.get("/api/v1/wijkplannen", **auth)
    antwoorden["api 404"] = client.get("/api/v1/bestaat-niet", **auth)
    antwoorden["api 400"] = client.post(
        "/api/v1/wijkplannen", {"naam": ""}, content_type="application/json", **auth
    )
    # --- logged in: pages and files
    client.force_login(projectleider)
    antwoorden["dashboard"] = client.get(reverse("dashboard"))
    antwoorden["plan"] = client.get(reverse("wijkplan-detail", args=[plan.pk]))
    antwoorden["pdf"] = client.get(
        reverse("besluitvorming-versie-download", args=[plan.pk, pdf_versie.pk])
    )
    for formaat in ("csv", "xlsx"):
        antwoorden[formaat] = client.get(
            reverse("techniek-alternatieven-export", args=[plan.pk]), {"formaat": formaat}
        )
    # a transition that is the griffier's, not the projectleider's
    raadsplan = factories.WijkplanFactory(
        ter_besluitvorming=True, gemeente=plan.gemeente, projectleider=projectleider
    )
    antwoorden["403"] = client.get(reverse("wijkplan-overgang", args=[raadsplan.pk, "vaststellen"]))
    # --- the admin
    factories.inloggen(client, beheerder)
    antwoorden["admin"] = client.get("/admin/")
    antwoorden["admin wijkplan"] = client.get(f"/admin/wup/wijkplan/{plan.pk}/change/")

    soorten = {naam: (r.status_code, r["Content-Type"]) for naam, r in antwoorden.items()}
    # the responses are what they say they are, not an error page in their place
    assert soorten["pdf"] == (200, "application/pdf")
    assert soorten["csv"][0] == 200 and soorten["csv"][1].startswith("text/csv")
    assert soorten["xlsx"][0] == 200 and "spreadsheetml" in soorten["xlsx"][1]
    assert soorten["api json"][0] == 200 and soorten["api json"][1].startswith("application/json")
    for fout in ("api 401", "api 404", "api 400"):
        assert soorten[fout][1].startswith("application/problem+json"), fout
    assert {s for s, _ in soorten.values()} >= {200, 400, 401, 403, 404, 500}
    assert soorten["security.txt"] == (200, "text/plain; charset=utf-8")
    assert soorten["admin"][0] == 200 and soorten["admin wijkplan"][0] == 200
    for naam, response in antwoorden.items():
        assert_veilige_headers(response, naam)


@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31_536_000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)
def test_https_only_with_hsts_but_the_health_probe_may_come_over_http(client):
    response = client.get("/inloggen")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    assert client.get("/gezondheid").status_code == 200  # the load balancer, inside
    response = client.get("/inloggen", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


PRODUCTIE_VERZOEKEN = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
c = Client(HTTP_HOST="wup.example.nl")
uit = {"settings": {
    "hsts": settings.SECURE_HSTS_SECONDS,
    "subdomains": settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "preload": settings.SECURE_HSTS_PRELOAD,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
}}
for naam, pad, veilig in [
    ("security.txt", "/.well-known/security.txt", True),
    ("api 404", "/api/v1/bestaat-niet", True),
    ("gezondheid over http", "/gezondheid", False),
    ("inloggen over http", "/inloggen", False),
]:
    r = c.get(pad, secure=veilig)
    uit[naam] = {"status": r.status_code, "headers": dict(r.headers), "body": r.content.decode()}
print(json.dumps(uit))
"""


def _productie(**env: str) -> subprocess.CompletedProcess:
    schoon = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "wup.settings",
        "WUP_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "wup.example.nl",
        # A database that does not answer: the health endpoint must say so, not crash.
        "DATABASE_URL": "postgres://niemand@127.0.0.1:1/geen",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", PRODUCTIE_VERZOEKEN],
        cwd=settings.BASE_DIR,
        env=schoon,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_send_hsts_and_the_same_policy():
    result = _productie(
        WUP_SECURITY_CONTACT="mailto:security@wup.example.nl",
        WUP_SECURITY_POLICY_URL="https://www.example.nl/kwetsbaarheid-melden",
    )
    assert result.returncode == 0, result.stderr
    uit = json.loads(result.stdout.splitlines()[-1])
    s = uit["settings"]
    assert s["hsts"] >= 31_536_000 and s["subdomains"] and s["preload"]
    assert s["ssl_redirect"] and s["session_cookie_secure"] and s["csrf_cookie_secure"]
    for naam in ("security.txt", "api 404"):
        h = uit[naam]["headers"]
        assert h["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        beleid = csp(h["Content-Security-Policy"])
        for richtlijn, waarden in VERPLICHT.items():
            assert beleid[richtlijn] == waarden, (naam, richtlijn)
        assert h["X-Frame-Options"] == "DENY" and h["Cross-Origin-Opener-Policy"] == "same-origin"
    assert uit["api 404"]["status"] == 404
    assert (
        "Canonical: https://wup.example.nl/.well-known/security.txt"
        in (uit["security.txt"]["body"])
    )
    assert "Policy: https://www.example.nl/kwetsbaarheid-melden" in uit["security.txt"]["body"]
    # over plain HTTP everything is sent to HTTPS, except the load balancer's probe
    assert uit["inloggen over http"]["status"] == 301
    assert uit["inloggen over http"]["headers"]["Location"].startswith("https://")
    gezondheid = uit["gezondheid over http"]
    assert gezondheid["status"] == 503  # the database of this process does not answer
    assert json.loads(gezondheid["body"])["controles"]["database"] == "fout"


def test_report_only_mode_reports_without_enforcing():
    result = _productie(
        WUP_SECURITY_CONTACT="mailto:security@wup.example.nl",
        CSP_REPORT_ONLY="1",
        CSP_REPORT_URI="https://csp.example.nl/rapport",
    )
    assert result.returncode == 0, result.stderr
    h = json.loads(result.stdout.splitlines()[-1])["security.txt"]["headers"]
    assert "Content-Security-Policy" not in h
    beleid = csp(h["Content-Security-Policy-Report-Only"])
    assert beleid["default-src"] == {"'self'"} and beleid["frame-ancestors"] == {"'none'"}
    assert beleid["report-uri"] == {"https://csp.example.nl/rapport"}


# --- security.txt ---------------------------------------------------------------------------


@override_settings(
    WUP_SECURITY_CONTACT=["mailto:security@ermelo.nl", "https://www.ermelo.nl/melden"],
    WUP_SECURITY_POLICY_URL="https://www.ermelo.nl/responsible-disclosure",
)
def test_security_txt_follows_rfc_9116(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Cookie" not in response.get("Vary", "") and not response.cookies
    velden = [regel.split(": ", 1) for regel in response.content.decode().splitlines()]
    assert velden == [
        ["Contact", "mailto:security@ermelo.nl"],
        ["Contact", "https://www.ermelo.nl/melden"],
        ["Expires", velden[2][1]],
        ["Preferred-Languages", "nl, en"],
        ["Canonical", "http://testserver/.well-known/security.txt"],
        ["Policy", "https://www.ermelo.nl/responsible-disclosure"],
    ]
    verloopt = datetime.datetime.fromisoformat(velden[2][1])
    nu = timezone.now()
    # never expired, and less than a year ahead as the RFC recommends
    assert nu + datetime.timedelta(days=300) < verloopt < nu + datetime.timedelta(days=365)


@override_settings(WUP_SECURITY_CONTACT=[])
def test_without_a_contact_there_is_no_security_txt(client):
    assert client.get("/.well-known/security.txt").status_code == 404


def test_the_deploy_check_asks_for_a_security_contact():
    from django.core.checks import run_checks

    with override_settings(WUP_SECURITY_CONTACT=[]):
        ids = {m.id for m in run_checks(include_deployment_checks=True)}
    assert "wup.W001" in ids
    with override_settings(WUP_SECURITY_CONTACT=["security@ermelo.nl"]):
        ids = {m.id for m in run_checks(include_deployment_checks=True)}
    assert "wup.W002" in ids and "wup.W001" not in ids
    with override_settings(WUP_SECURITY_CONTACT=["mailto:security@ermelo.nl"]):
        ids = {m.id for m in run_checks(include_deployment_checks=True)}
    assert not {"wup.W001", "wup.W002"} & ids
