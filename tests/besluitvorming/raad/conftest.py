import datetime

import pytest

from besluitvorming import services
from tests.factories import WijkplanFactory

#: This part's conditions; the other conditions of step 6 are tested with their own part.
RAAD_GATES = {
    "besluitvorming.pdf",
    "besluitvorming.aanbieding",
    "besluitvorming.raadsbesluit",
    "besluitvorming.raadsbesluit.terugsturen",
}


@pytest.fixture(autouse=True)
def _alleen_de_voorwaarden_van_de_raad():
    from wup.workflow import gates

    saved = dict(gates._conditions)
    for key in list(gates._conditions):
        if key.startswith("besluitvorming.") and key not in RAAD_GATES:
            gates.unregister(key)
    yield
    gates._conditions.clear()
    gates._conditions.update(saved)


@pytest.fixture
def snel(monkeypatch):
    """A stand-in for the renderer where the test is about the flow, not the PDF."""

    def renderen(plan, **kwargs):
        soort = b"definitief" if kwargs["definitief"] else b"CONCEPT"
        return b"%PDF-1.7 versie " + str(kwargs["nummer"]).encode() + b" " + soort

    monkeypatch.setattr(services, "pdf_renderen", renderen)


def klare_versie(plan, user):
    """A finished PDF version of the plan, made the way the worker makes it."""
    v = services.documentversie_aanvragen(plan=plan, user=user)
    return services.documentversie_maken(versie_id=v.pk)


@pytest.fixture
def uitvoeringsplan(gemeente, projectleider):
    return WijkplanFactory(
        gemeente=gemeente,
        projectleider=projectleider,
        uitvoeringsplan=True,
        beoogde_raadsdatum=datetime.date(2027, 2, 1),
    )


@pytest.fixture
def bij_de_raad(uitvoeringsplan, projectleider, snel):
    """A plan submitted to the council with version 1 of its PDF."""
    from besluitvorming import services_raad

    klare_versie(uitvoeringsplan, projectleider)
    services_raad.aanbieden(plan=uitvoeringsplan, user=projectleider)
    uitvoeringsplan.refresh_from_db()
    return uitvoeringsplan
