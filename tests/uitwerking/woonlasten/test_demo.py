"""The demo data: the plan that went past the elaboration did so with the housing costs
computed through the services, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from uitwerking.models import Woonlastenberekening
from uitwerking.selectors import woonlasten as selectors
from wup.constants import Fase
from wup.models import Wijkplan

pytestmark = pytest.mark.all_gates


def test_the_demo_plan_past_the_elaboration_has_its_housing_costs(db):
    call_command("demo_data", stdout=StringIO())
    raad = Wijkplan.objects.get(fase=Fase.TER_BESLUITVORMING)
    stand = selectors.stand_van(raad)
    assert stand is not None and stand.uitkomsten
    assert stand.berekening.parameterset_id is not None
    assert all(u.resultaat.uitleg for u in stand.uitkomsten)
    in_keuze = Wijkplan.objects.get(fase=Fase.KEUZE)
    assert selectors.stand_van(in_keuze) is None

    call_command("demo_data", stdout=StringIO())  # idempotent
    assert Woonlastenberekening.objects.filter(wijkplan=raad).count() == 1
