"""Every page of the web UI works under a strict Content-Security-Policy.

No inline script, no inline style (element or attribute) and no inline event handlers: with
``script-src 'self'; style-src 'self'`` the browser would block them.
"""

from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.urls import reverse

from tests import factories
from wup import services, views


class InlineCodeFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            if "src" not in names:
                self.problems.append("<script> without src")
            self._in_script = True
        if "style" in names:
            self.problems.append(f"style attribute on <{tag}>")
        self.problems += [f"{n} attribute on <{tag}>" for n in names if n.startswith("on")]
        if tag == "a" and any(
            (v or "").strip().lower().startswith("javascript:") for _, v in attrs
        ):
            self.problems.append("javascript: link")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append("inline script content")


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.problems


def test_the_finder_catches_inline_code():
    html = (
        '<style>p{}</style><p style="color:red" onclick="x()">a</p><script>x()</script>'
        '<script src="/static/a.js"></script>'
    )
    assert inline_code(html) == [
        "<style> element",
        "style attribute on <p>",
        "onclick attribute on <p>",
        "<script> without src",
        "inline script content",
    ]


@pytest.fixture
def wereld(gemeente, projectleider, griffier):
    """Plans in the phases that render differently, with history and a notification."""
    wijk = factories.WijkFactory(gemeente=gemeente)
    buurten = [factories.BuurtFactory(wijk=wijk) for _ in range(2)]
    plannen = {
        "wijktoets": factories.WijkplanFactory(
            gemeente=gemeente,
            projectleider=projectleider,
            zonder_opdrachtgever=True,
            buurten=buurten,
        ),
        "keuze": factories.WijkplanFactory(
            keuze=True, gemeente=gemeente, projectleider=projectleider
        ),
        "gepauzeerd": factories.WijkplanFactory(
            gepauzeerd=True, gemeente=gemeente, projectleider=projectleider
        ),
        "vastgesteld": factories.WijkplanFactory(
            vastgesteld=True, gemeente=gemeente, projectleider=projectleider
        ),
        "ter_besluitvorming": factories.WijkplanFactory(
            ter_besluitvorming=True, gemeente=gemeente, projectleider=projectleider
        ),
        "vastgesteld door de griffier": factories.WijkplanFactory(
            ter_besluitvorming=True, gemeente=gemeente, projectleider=projectleider
        ),
    }
    rij = services.wijkplan_transition(
        wijkplan=plannen["vastgesteld door de griffier"],
        overgang="vaststellen",
        user=griffier,
        motivatie="Raadsbesluit.",
    )
    services.meldingen_maken(faseovergang_id=rij.pk)
    return plannen


def _pagina_urls(plannen):
    for naam, plan in plannen.items():
        yield f"detail {naam}", "get", reverse("wijkplan-detail", args=[plan.pk]), {}
        yield f"historie {naam}", "get", reverse("wijkplan-historie", args=[plan.pk]), {}
        yield f"plandocument {naam}", "get", reverse("wijkplan-document", args=[plan.pk]), {}
    keuze, wijktoets = plannen["keuze"], plannen["wijktoets"]
    yield "dashboard", "get", reverse("dashboard"), {}
    yield "nieuw", "get", reverse("wijkplan-nieuw"), {}
    yield "nieuw met fouten", "post", reverse("wijkplan-nieuw"), {"naam": ""}
    yield "bewerken", "get", reverse("wijkplan-bewerken", args=[keuze.pk]), {}
    yield (
        "bewerken verouderd",
        "post",
        reverse("wijkplan-bewerken", args=[keuze.pk]),
        {"versie": 99, "naam": "x", "buurten": [keuze.buurten.get().pk]},
    )
    yield (
        "bewerken vastgesteld",
        "get",
        reverse("wijkplan-bewerken", args=[plannen["vastgesteld"].pk]),
        {},
    )
    overgang = reverse("wijkplan-overgang", args=[keuze.pk, "pauzeren"])
    yield "overgang", "get", overgang, {}
    yield "overgang zonder motivatie", "post", overgang, {"verwachte_fase": "keuze"}
    yield "overgang verouderd", "post", overgang, {"verwachte_fase": "wijktoets", "motivatie": "x"}
    blokkade = reverse("wijkplan-overgang", args=[wijktoets.pk, "start_verkenning"])
    yield "overgang met open voorwaarden", "post", blokkade, {"verwachte_fase": "wijktoets"}
    yield (
        "overgang niet in deze fase",
        "get",
        reverse("wijkplan-overgang", args=[keuze.pk, "hervatten"]),
        {},
    )
    yield "meldingen", "get", reverse("meldingen"), {}
    yield "404", "get", "/bestaat-niet", {}


def test_no_page_has_inline_scripts_or_styles(client, wereld, projectleider, griffier):
    pagina_s = {"inloggen": client.get(reverse("login"))}
    pagina_s["inloggen met fout"] = client.post(
        reverse("login"), {"username": "projectleider", "password": "fout"}
    )
    client.force_login(projectleider)
    for naam, methode, url, data in _pagina_urls(wereld):
        pagina_s[naam] = getattr(client, methode)(url, data)
    pagina_s["403"] = client.get(
        reverse("wijkplan-overgang", args=[wereld["ter_besluitvorming"].pk, "vaststellen"])
    )
    pagina_s["uitgelogd"] = client.post(reverse("logout"), follow=True)
    client.force_login(projectleider)
    client.force_login(griffier)
    pagina_s["griffier: overgang terugsturen"] = client.get(
        reverse("wijkplan-overgang", args=[wereld["ter_besluitvorming"].pk, "terugsturen"])
    )
    pagina_s["griffier: geen toegang"] = client.get(
        reverse("wijkplan-detail", args=[wereld["wijktoets"].pk])
    )
    pagina_s["griffier: meldingen"] = client.get(reverse("meldingen"))
    pagina_s["500"] = views.handler500(RequestFactory().get("/"))

    for naam, response in pagina_s.items():
        html = response.content.decode()
        assert response["Content-Type"].startswith("text/html"), naam
        assert "<main" in html, naam  # a real page, not an empty response
        assert inline_code(html) == [], naam
    assert {r.status_code for r in pagina_s.values()} >= {200, 400, 403, 404, 409, 500}
