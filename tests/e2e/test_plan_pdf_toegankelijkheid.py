"""The pages of step 6's council PDF meet WCAG 2.1 A and AA (axe-core in Chromium), and the
progress page shows the download by itself once the PDF is ready."""

from __future__ import annotations

import pytest
from django.urls import reverse

from besluitvorming import services
from besluitvorming.models import Documentversie
from tests.e2e.navigatie import klik_en_laad

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _url(live_server, naam: str, *args) -> str:
    return live_server.url + reverse(naam, args=args)


def test_the_pdf_pages_have_no_wcag_violations_and_the_progress_page_follows_the_task(
    live_server, page, toegankelijkheid, client, plan, projectleider, monkeypatch
):
    client.force_login(projectleider)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    a11y = toegankelijkheid
    # the version waits in the queue: the task is not started when it is asked for
    monkeypatch.setattr(services.transaction, "on_commit", lambda f: None)

    page.goto(_url(live_server, "besluitvorming-versies", plan.pk))
    a11y.controleer("versies, nog geen")
    klik_en_laad(page, page.get_by_role("button", name="PDF maken"))
    page.wait_for_url("**/document/versies/*")
    assert page.get_by_text("De PDF staat in de wachtrij.").count()
    a11y.controleer("voortgang: in de wachtrij")

    # the worker finishes it; the page notices by itself and shows the download
    monkeypatch.setattr(services, "pdf_renderen", lambda plan, **kw: b"%PDF-1.7 klein")
    services.documentversie_maken(versie_id=Documentversie.objects.get().pk)
    page.get_by_text("De PDF is klaar.").wait_for(timeout=15_000)
    assert page.get_by_role("link", name="Download versie 1 (PDF)").count()
    a11y.controleer("voortgang: klaar")

    page.goto(_url(live_server, "besluitvorming-versies", plan.pk))
    a11y.controleer("versies, met een versie")

    a11y.geen_schendingen()
