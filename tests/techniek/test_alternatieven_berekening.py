"""Calculating an alternative: queued as a task after the commit, computed with the current
parameter set, reused for the same input, marked outdated by a newer set, and a clear message
when the parameter set is incomplete."""

from __future__ import annotations

import pytest

from techniek.models import Berekening
from techniek.selectors.alternatieven import alternatieven_van
from techniek.services import alternatieven as services
from techniek.tasks import bereken_alternatief
from tests.techniek.alternatieven_hulp import (
    WONINGEN_CSV,
    pbl_set,
    set_met_ander_kental,
    volledige_set,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def voorraad(plan, projectleider):
    from io import BytesIO

    return services.gebouwvoorraad_uit_bestand(
        wijkplan=plan,
        user=projectleider,
        bestand=BytesIO(WONINGEN_CSV.encode()),
        bestandsnaam="voorraad.csv",
    )


@pytest.fixture
def alt(plan, projectleider, voorraad):
    return services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon="S1a_B_LuchtWP"
    )


def _start(alt, user, capture):
    with capture(execute=True):
        b = services.berekening_starten(alternatief=alt, user=user)
    b.refresh_from_db()
    return b


def test_an_incomplete_parameter_set_gives_a_clear_message_not_an_error(
    alt, projectleider, django_capture_on_commit_callbacks
):
    pbl_set()
    b = _start(alt, projectleider, django_capture_on_commit_callbacks)
    assert b.status == Berekening.Status.FOUT
    assert "kan niet worden doorgerekend met parameterset" in b.melding
    assert "beheerder" in b.melding
    assert any(p["plaats"] == "parameter T_stookgrens" for p in b.problemen)
    assert all(p["melding"] for p in b.problemen)


def test_a_complete_set_gives_indicators_and_chart_series(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    huidig = volledige_set(beheerder)
    b = _start(alt, projectleider, django_capture_on_commit_callbacks)
    assert b.status == Berekening.Status.KLAAR, b.problemen[:5]
    assert b.voortgang == 100 and b.parameterset_id == huidig.pk
    s = b.samenvatting
    assert s["nationale_kosten"]["basis"]["H16_Nat_meerkost"] is not None
    assert s["warmte"]["piek_warmtevraag_mw"] > 0
    assert s["energie_gj"]["elektriciteit_gj"] > 0
    assert {k["groep"] for k in s["kosten"]}
    assert 90 <= len(b.reeksen["belastingduurkromme"]["mw"]) <= 100
    kromme = b.reeksen["belastingduurkromme"]["mw"]
    assert kromme == sorted(kromme, reverse=True)
    assert len(b.reeksen["winterweek"]["vraag"]) == 168
    assert b.voorraad["bron"] == "tabel" and len(b.voorraad["woningen"]) == 2
    assert isinstance(b.aannames, list)


def test_the_same_input_reuses_the_calculation(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    volledige_set(beheerder)
    eerste = _start(alt, projectleider, django_capture_on_commit_callbacks)
    tweede = _start(alt, projectleider, django_capture_on_commit_callbacks)
    assert tweede.pk == eerste.pk and tweede.klaar_op == eerste.klaar_op
    assert Berekening.objects.count() == 1


def test_a_changed_stock_gives_a_new_calculation(
    plan, alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    import pandas as pd

    volledige_set(beheerder)
    eerste = _start(alt, projectleider, django_capture_on_commit_callbacks)
    services.gebouwvoorraad_uit_tabel(
        wijkplan=plan,
        user=projectleider,
        woningen=pd.DataFrame(
            [
                {
                    "type": "vrijstaand",
                    "bouwperiode": "1950",
                    "label": "G",
                    "aantal": 10,
                    "oppervlakte": 150,
                }
            ]
        ),
    )
    tweede = _start(alt, projectleider, django_capture_on_commit_callbacks)
    assert tweede.pk != eerste.pk and tweede.invoer_hash != eerste.invoer_hash


def test_a_new_parameter_set_marks_the_result_outdated(
    plan, alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    v2 = volledige_set(beheerder)
    eerste = _start(alt, projectleider, django_capture_on_commit_callbacks)
    (stand,) = alternatieven_van(plan)
    assert stand.doorgerekend and not stand.verouderd
    set_met_ander_kental(beheerder, bron=v2)
    (stand,) = alternatieven_van(plan)
    assert stand.verouderd and not stand.doorgerekend
    opnieuw = _start(alt, projectleider, django_capture_on_commit_callbacks)
    assert opnieuw.pk != eerste.pk and opnieuw.status == Berekening.Status.KLAAR
    (stand,) = alternatieven_van(plan)
    assert stand.doorgerekend


def test_the_task_is_idempotent(alt, projectleider, beheerder, django_capture_on_commit_callbacks):
    volledige_set(beheerder)
    b = _start(alt, projectleider, django_capture_on_commit_callbacks)
    assert bereken_alternatief.apply(args=[b.pk]).get() == "klaar"
    b2 = Berekening.objects.get(pk=b.pk)
    assert b2.klaar_op == b.klaar_op
    assert bereken_alternatief.apply(args=[987654]).get() is None


def test_nothing_is_queued_before_the_commit(
    alt, projectleider, django_capture_on_commit_callbacks
):
    pbl_set()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        b = services.berekening_starten(alternatief=alt, user=projectleider)
    assert len(callbacks) == 1
    b.refresh_from_db()
    assert b.status == Berekening.Status.WACHTRIJ


def test_a_calculation_needs_a_stock_first(plan, projectleider):
    from django.core.exceptions import ValidationError

    alt = services.alternatief_toevoegen(
        wijkplan=plan, user=projectleider, sjabloon="S2a_B_Restwarmte"
    )
    with pytest.raises(ValidationError, match="gebouwvoorraad"):
        services.berekening_starten(alternatief=alt, user=projectleider)


def test_the_discount_rate_in_percent_is_applied_as_a_fraction(
    alt, projectleider, beheerder, django_capture_on_commit_callbacks
):
    """The PBL set holds 2.25 (% per year); capital charges follow the annuity at 2.25 %."""
    from techniek.engine.kosten import annuiteitsfactor

    volledige_set(beheerder)
    b = _start(alt, projectleider, django_capture_on_commit_callbacks)
    schil = next(k for k in b.samenvatting["kosten"] if k["groep"] == "K08_Gebouw_schil")
    verwacht = schil["investering_eur"] * annuiteitsfactor(0.0225, schil["looptijd_jaar"])
    assert schil["kapitaallasten_eur_jaar"] == pytest.approx(verwacht, rel=1e-6)
    # a lasting investment costs a few percent of itself per year, never more than itself
    assert schil["kapitaallasten_eur_jaar"] < 0.1 * schil["investering_eur"]
