"""The plan document is composed from the chapters the step apps registered."""

import pytest

from tests.factories import WijkplanFactory
from wup import document
from wup.registry import Chapter, chapters


@pytest.fixture
def hoofdstukken(settings, tmp_path):
    """Two chapters and an annex, as step apps would register them."""
    (tmp_path / "h.html").write_text(
        "<p>{{ plan.omschrijving }}</p><p>Hoofdstuk {{ hoofdstuknummer }}: {{ extra }}</p>"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    # Only these chapters: the step apps' own chapters are tested in their apps.
    saved = dict(chapters._items)
    chapters._items.clear()
    registered = [
        Chapter(30, "test_b", "Keuze", "h.html", lambda request, plan: {"extra": "gekozen"}),
        Chapter(10, "test_a", "Wijktoets", "h.html"),
        Chapter(11, "test_a", "Kerncijfers", "h.html", annex=True),
    ]
    for c in registered:
        chapters.register(c)
    yield
    chapters._items.clear()
    chapters._items.update(saved)


def test_chapters_come_in_order_numbered_with_annexes_lettered_after_them(db, hoofdstukken):
    plan = WijkplanFactory(omschrijving="Aardgasvrij <b>vóór</b> 2030")

    delen = document.samenstellen(plan)

    assert [(d.nummer, d.titel, d.bijlage) for d in delen] == [
        ("1", "Wijktoets", False),
        ("2", "Keuze", False),
        ("A", "Kerncijfers", True),
    ]
    assert "Hoofdstuk 2: gekozen" in delen[1].html
    # user text is escaped, never rendered as markup
    assert "Aardgasvrij &lt;b&gt;vóór&lt;/b&gt; 2030" in delen[0].html


def test_the_document_page_shows_contents_and_chapters(client, hoofdstukken, plan, projectleider):
    client.force_login(projectleider)
    response = client.get(f"/wijkplannen/{plan.pk}/document")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#hoofdstuk-1"' in html and 'id="bijlage-a"' in html
    assert "Concept" in html
    assert html.index("1 Wijktoets") < html.index("2 Keuze") < html.index("Bijlage A Kerncijfers")
