"""The demo plan that goes to the council gets there: a PDF is made before it is submitted."""

from io import StringIO

import pytest
from django.core.management import call_command

from besluitvorming.models import Documentversie
from wup.constants import Fase
from wup.models import Wijkplan

pytestmark = pytest.mark.all_gates


def test_the_demo_plan_reaches_the_council_with_its_pdf(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo_data", stdout=StringIO())
    raad = Wijkplan.objects.get(fase=Fase.TER_BESLUITVORMING)
    versie = Documentversie.objects.get(wijkplan=raad)
    assert versie.klaar and not versie.definitief and versie.fase == Fase.UITVOERINGSPLAN
    overgang = raad.historie.filter(overgang="aanbieden_aan_raad").get()
    assert {"sleutel": "besluitvorming.pdf", "voldaan": True}.items() <= next(
        v for v in overgang.voorwaarden if v["sleutel"] == "besluitvorming.pdf"
    ).items()
