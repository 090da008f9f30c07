"""A load test from one address sets one rate limit for every public form; without the setting
each form keeps its own."""

import pytest
from django.urls import reverse

from participatie.models import Inbreng, Publicatie

pytestmark = pytest.mark.django_db


def _vragen_sturen(client, plan, keer: int) -> list[int]:
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    url = reverse("participatie-inbreng", args=[plan.slug])
    return [
        client.post(url, {"soort": "vraag", "tekst": f"Vraag {i}"}).status_code for i in range(keer)
    ]


def test_the_setting_raises_the_limit_of_every_public_form(client, plan, settings):
    settings.WUP_PUBLIEK_RATE = "1000/h"
    assert set(_vragen_sturen(client, plan, 15)) == {302}
    assert Inbreng.objects.count() == 15


def test_without_the_setting_the_form_keeps_its_own_limit(client, plan, settings):
    settings.WUP_PUBLIEK_RATE = ""
    assert _vragen_sturen(client, plan, 11)[-1] == 429
