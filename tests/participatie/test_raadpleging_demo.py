"""The demo data give one plan a closed consultation with responses, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from participatie.models import Raadpleging, Respons
from participatie.registratie_raadplegingen import TITEL

pytestmark = pytest.mark.all_gates


def test_the_demo_has_one_closed_consultation_with_responses(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo_data", stdout=StringIO())
        call_command("demo_data", stdout=StringIO())
    r = Raadpleging.objects.get(titel=TITEL)
    assert r.stand() == Raadpleging.Stand.GESLOTEN
    assert r.codes.count() == 30
    assert Respons.objects.filter(raadpleging=r).count() == 20
    assert set(r.vragen.values_list("soort", flat=True)) == {"voorkeur", "likert"}
