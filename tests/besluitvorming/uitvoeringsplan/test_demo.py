"""The demo data: the plan offered to the council passed the gates of the implementation plan,
filled in through the services, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from besluitvorming import gates_uitvoeringsplan as gates
from besluitvorming.models import Randvoorwaarde, Waarborg
from wup.constants import Fase
from wup.models import Wijkplan

pytestmark = pytest.mark.all_gates


def test_the_demo_plan_at_the_council_has_its_implementation_plan(db):
    call_command("demo_data", stdout=StringIO())
    raad = Wijkplan.objects.get(fase=Fase.TER_BESLUITVORMING)
    assert gates.samenstelling_compleet([raad])[raad.pk].met
    assert gates.waarborgen_beantwoord([raad])[raad.pk].met
    aantal = Randvoorwaarde.objects.filter(wijkplan=raad).count()
    assert Waarborg.objects.filter(wijkplan=raad).count() == 7

    call_command("demo_data", stdout=StringIO())  # idempotent
    assert Randvoorwaarde.objects.filter(wijkplan=raad).count() == aantal
