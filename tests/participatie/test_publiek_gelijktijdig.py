import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from participatie.models import Aanmelding, Bijeenkomst
from participatie.services.publiek import aanmelding_maken

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_two_people_taking_the_last_places_at_once_never_overfill_the_event(plan):
    b = Bijeenkomst.objects.create(
        wijkplan=plan,
        titel="Avond",
        locatie="Dorpshuis",
        begint_op=timezone.now() + datetime.timedelta(days=3),
        capaciteit=3,
    )
    start = threading.Barrier(4)
    uitkomsten = []

    def meld_aan(i):
        start.wait()
        try:
            aanmelding_maken(
                bijeenkomst=b,
                naam=f"Bewoner {i}",
                email=f"b{i}@example.nl",
                aantal_personen=2,
                basis_url="http://testserver",
            )
            uitkomsten.append("ja")
        except Exception as exc:
            uitkomsten.append(type(exc).__name__)
        finally:
            connection.close()

    draden = [threading.Thread(target=meld_aan, args=(i,)) for i in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert uitkomsten.count("ja") == 1
    assert uitkomsten.count("ValidationError") == 3
    assert sum(Aanmelding.objects.values_list("aantal_personen", flat=True)) == 2
