"""A plan in the uitwerking phase with its organisation worked out, for the tests of step 5's
part 'organisatie'."""

from __future__ import annotations

import datetime

from django.utils import timezone

from tests import factories
from uitwerking.selectors import organisatie as selectors
from uitwerking.services import organisatie as services

GISTEREN = timezone.localdate() - datetime.timedelta(days=1)


def uitwerkingplan(gemeente, projectleider, **kwargs):
    return factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, uitwerking=True, **kwargs
    )


def rollen_verdelen(plan, user) -> dict[str, int]:
    """The standard parties and activities; per activity the gemeente A, the warmtebedrijf R
    and the bewoners I. Returns the parties' ids by name."""
    services.standaardpartijen_toevoegen(wijkplan=plan, user=user)
    services.standaardactiviteiten_toevoegen(wijkplan=plan, user=user)
    partijen = {p.naam: p.pk for p in selectors.partijen_van(plan)}
    rollen = {}
    for a in selectors.activiteiten_van(plan):
        rollen[(a.pk, partijen["Gemeente"])] = "A"
        rollen[(a.pk, partijen["Warmtebedrijf"])] = "R"
        rollen[(a.pk, partijen["Bewoners en VvE's"])] = "I"
    services.raci_opslaan(wijkplan=plan, user=user, rollen=rollen)
    return partijen


def akkoord(plan, user, **anders):
    return services.rollen_akkoord_vastleggen(
        wijkplan=plan,
        user=user,
        **{"datum": GISTEREN, "orgaan": "stuurgroep", "kenmerk": "SG-1", **anders},
    )


def risico(plan, user, **anders):
    velden = {
        "titel": "Te weinig aansluitingen",
        "omschrijving": "",
        "categorie": "participatie",
        "kans": 3,
        "impact": 4,
        "eigenaar": None,
        "beheersmaatregel": "Een warmteaanbod met vaste prijs.",
        "status": "open",
        **anders,
    }
    return services.risico_toevoegen(wijkplan=plan, user=user, **velden)


def fase(plan, user, **anders):
    velden = {
        "naam": "Aanleg hoofdnet",
        "begindatum": datetime.date(2027, 3, 1),
        "einddatum": datetime.date(2028, 2, 28),
        "mijlpaal": "Hoofdnet klaar",
        "verantwoordelijke": None,
        **anders,
    }
    return services.fase_toevoegen(wijkplan=plan, user=user, **velden)


def compleet(plan, user):
    """Everything the gates of ``start_uitvoeringsplan`` ask of this part."""
    partijen = rollen_verdelen(plan, user)
    akkoord(plan, user)
    risico(plan, user, eigenaar=partijen["Gemeente"])
    fase(plan, user, verantwoordelijke=partijen["Warmtebedrijf"])
    return partijen
