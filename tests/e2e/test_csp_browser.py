"""The strict Content-Security-Policy breaks nothing: Chromium, enforcing the real header,
reports no violation on the residents' pages, the staff pages, the admin and the API
documentation (Swagger UI from drf-spectacular-sidecar), and Swagger UI does render."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.e2e.wereld import wereld

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Collects every violation the page reports, from before its first script runs.
LUISTERAAR = """
window.__cspFouten = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const waar = `${e.sourceFile}:${e.lineNumber}`;
  window.__cspFouten.push(`${e.effectiveDirective} ${e.blockedURI} ${waar}`);
});
"""


def _inloggen(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}]
    )


def _bezoek(page, url: str, meldingen: list[str]) -> list[str]:
    response = page.goto(url)
    assert response is not None and response.ok, url
    assert "default-src 'self'" in response.headers["content-security-policy"], url
    page.wait_for_load_state("networkidle")
    return [f"{url}: {f}" for f in page.evaluate("window.__cspFouten")] + meldingen


def test_no_page_violates_the_policy(live_server, page, gemeente, projectleider, beheerder):
    w = wereld(gemeente, projectleider)
    meldingen: list[str] = []
    page.add_init_script(LUISTERAAR)
    page.on(
        "console",
        lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None,
    )
    fouten: list[str] = []
    slug = w.plan.slug
    publiek = [
        reverse("participatie-publiek", args=[slug]),
        reverse("participatie-publiek-resultaten", args=[slug, w.gesloten.pk]),
        reverse("participatie-bijeenkomst-aanmelden", args=[slug, w.bijeenkomst.pk]),
        reverse("login"),
    ]
    for pad in publiek:
        fouten += _bezoek(page, live_server.url + pad, [])

    _inloggen(page, live_server, projectleider)
    for pad in [
        reverse("dashboard"),
        reverse("wijkplan-detail", args=[w.plan.pk]),
        reverse("wijkplan-historie", args=[w.plan.pk]),
        reverse("wijkplan-document", args=[w.plan.pk]),
    ]:
        fouten += _bezoek(page, live_server.url + pad, [])

    # Swagger UI: its scripts run and render the document, under the same policy
    fouten += _bezoek(page, live_server.url + "/api/v1/docs", [])
    page.locator(".swagger-ui .info .title").wait_for()
    assert "WUP-platform API" in page.locator(".swagger-ui .info .title").inner_text()
    page.locator(".opblock-summary").first.click()  # expanding an operation works
    page.locator(".opblock-body").first.wait_for()
    fouten += [f"/api/v1/docs: {f}" for f in page.evaluate("window.__cspFouten")]

    _inloggen(page, live_server, beheerder)
    for pad in ["/admin/", f"/admin/wup/wijkplan/{w.plan.pk}/change/", "/admin/auth/user/"]:
        fouten += _bezoek(page, live_server.url + pad, [])

    assert not fouten + meldingen, "\n".join(fouten + meldingen)
