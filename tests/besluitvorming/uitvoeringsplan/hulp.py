"""A plan in the uitvoeringsplan phase with its composition filled in, for the tests of step 6's
part 'uitvoeringsplan'."""

from __future__ import annotations

import datetime

from besluitvorming import services_uitvoeringsplan as services
from besluitvorming.registratie_uitvoeringsplan import DEMO_AGENDA, DEMO_WAARBORGEN
from tests import factories


def uvpplan(gemeente, projectleider, **kwargs):
    return factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, uitvoeringsplan=True, **kwargs
    )


def samenstelling(plan, user, **anders):
    return services.samenstelling_opslaan(
        wijkplan=plan,
        user=user,
        **{
            "einddatum_gaslevering": datetime.date(2040, 1, 1),
            "aankondigingstermijn_jaren": 8,
            **DEMO_AGENDA,
            **anders,
        },
    )


def compleet(plan, user) -> None:
    """Everything the two gates ask."""
    services.randvoorwaarde_toevoegen(wijkplan=plan, user=user, tekst="Genoeg netcapaciteit.")
    services.processtap_toevoegen(
        wijkplan=plan, user=user, naam="Aanleg", omschrijving="", verantwoordelijke="Gemeente"
    )
    samenstelling(plan, user)
    for punt, (status, antwoord) in DEMO_WAARBORGEN.items():
        services.waarborg_opslaan(
            wijkplan=plan, user=user, punt=punt, antwoord=antwoord, status=status
        )
