"""The demo data: the plan that went past the uitwerking did so with its organisation worked
out through the services, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from uitwerking.models import Realisatiefase, Risico
from uitwerking.selectors import organisatie as selectors
from wup.constants import Fase
from wup.models import Besluit, Wijkplan

pytestmark = pytest.mark.all_gates


def test_the_demo_plan_past_the_uitwerking_has_its_organisation(db):
    call_command("demo_data", stdout=StringIO())
    raad = Wijkplan.objects.get(fase=Fase.TER_BESLUITVORMING)
    raci = selectors.raci_van(raad)
    assert raci.geldig and len(raci.activiteiten) == 8 and len(raci.partijen) == 5
    stand = selectors.akkoord_stand(raci, selectors.akkoorden_van(raad)[0])
    assert stand.actueel
    assert selectors.huidige_governance(raad).model == "publiek_privaat"
    risicos = Risico.objects.filter(wijkplan=raad)
    assert 3 <= risicos.count() <= 4
    assert any(r.hoog and r.beheersmaatregel for r in risicos)
    assert 3 <= Realisatiefase.objects.filter(wijkplan=raad).count() <= 4
    assert Besluit.objects.filter(wijkplan=raad, bron="uitwerking_rollen").count() == 1
    assert Besluit.objects.filter(wijkplan=raad, bron="uitwerking_governance").count() == 1
    in_uitwerking = Wijkplan.objects.filter(fase=Fase.UITWERKING).first()
    if in_uitwerking is not None:
        assert not selectors.akkoorden_van(in_uitwerking)

    call_command("demo_data", stdout=StringIO())  # idempotent
    assert Besluit.objects.filter(wijkplan=raad, bron="uitwerking_rollen").count() == 1
    assert Risico.objects.filter(wijkplan=raad).count() == risicos.count()
