"""The plan's decisions log: recorded through one service, never changed, corrected by a new row
that supersedes the old one; a page and an API for whoever may see the plan."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import WijkplanFactory
from tests.factories import projectleider as maak_projectleider
from wup import selectors
from wup.exceptions import PlanFrozen
from wup.models import Besluit, HistoryIsImmutable
from wup.services import besluit_vastleggen

GISTEREN = timezone.localdate() - datetime.timedelta(days=1)


def vastleggen(plan, user, **velden):
    return besluit_vastleggen(
        wijkplan=plan,
        user=user,
        **{
            "datum": GISTEREN,
            "orgaan": Besluit.Orgaan.STUURGROEP,
            "besluit": "De stuurgroep kiest voor een warmtenet.",
            **velden,
        },
    )


# --- The service ------------------------------------------------------------------------------


def test_a_decision_is_recorded_with_who_and_when(plan, projectleider):
    besluit = vastleggen(plan, projectleider, kenmerk="  Z-2026-0042 ", besluit="  Warmtenet. ")

    besluit.refresh_from_db()
    assert besluit.wijkplan == plan
    assert besluit.besluit == "Warmtenet."
    assert besluit.kenmerk == "Z-2026-0042"
    assert besluit.bron == ""
    assert besluit.vastgelegd_door == projectleider
    assert besluit.vastgelegd_op is not None
    assert besluit.get_orgaan_display() == "Stuurgroep"


def test_a_step_names_itself_as_the_source(plan, projectleider):
    assert vastleggen(plan, projectleider, bron="keuze").bron == "keuze"


def test_every_bad_field_is_named_and_nothing_is_saved(plan, projectleider):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, datum=morgen, orgaan="wethouder", besluit="   ")

    fouten = exc.value.message_dict
    assert fouten["datum"] == ["De datum van het besluit kan niet in de toekomst liggen."]
    assert fouten["orgaan"] == ["Kies wie het besluit heeft genomen."]
    assert fouten["besluit"] == ["Schrijf op wat er is besloten."]
    assert not Besluit.objects.exists()


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"datum": None}, "datum"),
        ({"datum": "gisteren"}, "datum"),
        ({"kenmerk": "x" * 101}, "kenmerk"),
        ({"besluit": "x" * 5001}, "besluit"),
        ({"bron": "keuze; drop"}, "bron"),
    ],
)
def test_bad_values_are_refused_on_their_field(plan, projectleider, velden, veld):
    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, **velden)
    assert list(exc.value.message_dict) == [veld]


def test_today_is_not_in_the_future(plan, projectleider):
    assert vastleggen(plan, projectleider, datum=timezone.localdate()).pk


def test_a_correction_supersedes_the_row_which_stays_as_it_was(plan, projectleider):
    oud = vastleggen(plan, projectleider, besluit="Warmtenet in fase 1.")

    nieuw = vastleggen(plan, projectleider, besluit="Warmtenet in fase 2.", vervangt=oud)

    oud.refresh_from_db()
    assert oud.besluit == "Warmtenet in fase 1."
    assert nieuw.vervangt == oud
    assert oud.opvolger == nieuw
    assert list(selectors.huidige_besluiten_van(plan)) == [nieuw]
    assert set(selectors.besluiten_van(plan)) == {oud, nieuw}


def test_a_row_is_superseded_once_only(plan, projectleider):
    oud = vastleggen(plan, projectleider)
    vastleggen(plan, projectleider, vervangt=oud.pk)

    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, vervangt=oud.pk)

    assert "al vervangen" in exc.value.message_dict["vervangt"][0]
    assert Besluit.objects.count() == 2


def test_a_row_of_another_plan_cannot_be_superseded(plan, projectleider, gemeente):
    ander_plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    vreemd = vastleggen(ander_plan, projectleider)

    with pytest.raises(ValidationError) as exc:
        vastleggen(plan, projectleider, vervangt=vreemd)

    assert exc.value.message_dict["vervangt"] == [
        "Het besluit dat u wilt corrigeren hoort niet bij dit plan."
    ]


def test_only_the_projectleider_of_the_plan_records(plan, gemeente, griffier):
    anders = maak_projectleider(gemeente, username="anders")
    for user in (anders, griffier):
        with pytest.raises(PermissionDenied):
            vastleggen(plan, user)
    assert not Besluit.objects.exists()


@pytest.mark.parametrize("trait", ["vastgesteld", "gestopt"])
def test_a_frozen_plan_takes_no_decisions(gemeente, projectleider, trait):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, **{trait: True})
    with pytest.raises(PlanFrozen):
        vastleggen(plan, projectleider)


# --- Append-only --------------------------------------------------------------------------------


def test_a_recorded_decision_cannot_be_saved_again_or_deleted(plan, projectleider):
    besluit = vastleggen(plan, projectleider)

    besluit.besluit = "Toch iets anders."
    with pytest.raises(HistoryIsImmutable):
        besluit.save()
    with pytest.raises(HistoryIsImmutable):
        besluit.delete()
    with pytest.raises(HistoryIsImmutable):
        Besluit.objects.filter(pk=besluit.pk).update(besluit="Anders")
    with pytest.raises(HistoryIsImmutable):
        Besluit.objects.filter(pk=besluit.pk).delete()
    besluit.refresh_from_db()
    assert besluit.besluit == "De stuurgroep kiest voor een warmtenet."


@pytest.mark.services
def test_the_database_itself_refuses_to_change_a_decision(plan, projectleider):
    from django.db import DatabaseError, transaction

    besluit = vastleggen(plan, projectleider)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE wup_besluit SET besluit = 'x' WHERE id = %s", [besluit.pk])


def test_the_selector_reads_the_log_in_one_query(plan, projectleider):
    vorige = None
    for i in range(4):
        vorige = vastleggen(plan, projectleider, besluit=f"Besluit {i}", vervangt=vorige)

    with CaptureQueriesContext(connection) as queries:
        rijen = list(selectors.besluiten_van(plan))
        _ = [(r.vastgelegd_door, r.opvolger, r.vervangt) for r in rijen]

    assert len(queries) == 1
    assert [r.is_vervangen for r in rijen].count(False) == 1
