"""The demo data: the plan that went past the choice did so with a recorded choice, resting on
the standard framework and expert scores, through the services."""

from io import StringIO

import pytest
from django.core.management import call_command

from keuze import selectors
from wup.constants import Fase
from wup.models import Besluit, Wijkplan

pytestmark = pytest.mark.all_gates


def test_the_demo_plan_past_the_choice_has_a_motivated_choice(db):
    out = StringIO()
    call_command("demo_data", stdout=out)

    raad = Wijkplan.objects.get(fase=Fase.TER_BESLUITVORMING)
    keuze = selectors.huidige_keuze(raad)
    assert keuze is not None and keuze.motivatie
    opname = selectors.momentopname(keuze)
    assert opname.aantal_beoordeeld >= 2
    assert len(opname.criteria) == 7  # the standard framework
    assert keuze.reden_zonder_participatie  # the demo consultation comes after the choice
    assert Besluit.objects.filter(wijkplan=raad, bron="keuze").count() == 1
    # the plan still in the choice phase has none yet
    in_keuze = Wijkplan.objects.get(fase=Fase.KEUZE)
    assert selectors.huidige_keuze(in_keuze) is None

    call_command("demo_data", stdout=StringIO())  # idempotent
    assert len(selectors.keuzes_van(raad)) == 1
