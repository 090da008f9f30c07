"""After the retention period the residents' names and addresses go; their answers stay."""

import datetime

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from participatie import tasks
from participatie.models import (
    Aanmelding,
    Antwoord,
    EmailDeelname,
    Inbreng,
    Respons,
    Responscode,
    Verwerking,
)
from participatie.selectors.privacy import maanden_later
from participatie.services.privacy import anonimiseren
from tests.participatie.privacy_opbouw import EMAIL, besluiten, plan_met_persoonsgegevens
from wup.constants import Fase

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)


def _persoonsgegevens(plan) -> dict:
    return {
        "aanmeldingen": list(
            Aanmelding.objects.filter(bijeenkomst__wijkplan=plan).values_list("naam", "email")
        ),
        "inbreng": list(Inbreng.objects.filter(wijkplan=plan).values_list("naam", "email")),
        "adressen": list(
            Responscode.objects.filter(raadpleging__wijkplan=plan)
            .exclude(adres="")
            .values_list("adres", flat=True)
        ),
        "deelnames": list(
            EmailDeelname.objects.filter(raadpleging__wijkplan=plan).values_list("email", flat=True)
        ),
        "gekoppeld": Respons.objects.filter(raadpleging__wijkplan=plan)
        .exclude(responscode=None, email_deelname=None)
        .count(),
    }


def _antwoorden(plan) -> list:
    return sorted(
        Antwoord.objects.filter(respons__raadpleging__wijkplan=plan).values_list(
            "respons__groep", "vraag__tekst", "waarde"
        ),
        key=repr,
    )


def test_before_the_term_nothing_changes(gemeente, projectleider):
    opzet = plan_met_persoonsgegevens(gemeente, projectleider)
    besluit = besluiten(opzet.plan)
    voor = _persoonsgegevens(opzet.plan)
    assert voor["aanmeldingen"] == [("Jan de Vries", EMAIL)] and voor["gekoppeld"] == 2

    assert anonimiseren(nu=maanden_later(besluit.op, 12) - DAG) == []

    assert _persoonsgegevens(opzet.plan) == voor
    assert not Verwerking.objects.exists()


def test_after_the_term_personal_data_is_gone_and_answers_remain(gemeente, projectleider):
    opzet = plan_met_persoonsgegevens(gemeente, projectleider)
    besluit = besluiten(opzet.plan)
    antwoorden = _antwoorden(opzet.plan)
    assert len(antwoorden) == 6
    responsen = Respons.objects.filter(raadpleging__wijkplan=opzet.plan).count()

    anoniem = Inbreng.objects.create(wijkplan=opzet.plan, soort="reactie", tekst="Zonder naam")

    [verwerking] = anonimiseren(nu=maanden_later(besluit.op, 12) + DAG)

    assert _persoonsgegevens(opzet.plan) == {
        "aanmeldingen": [("", "")],
        "inbreng": [("", ""), ("", "")],
        "adressen": [],
        "deelnames": [""],
        "gekoppeld": 0,
    }
    assert _antwoorden(opzet.plan) == antwoorden
    assert Respons.objects.filter(raadpleging__wijkplan=opzet.plan).count() == responsen
    # the sign-up still holds its place at the event, and the question its text
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.aantal_personen == 2 and aanmelding.geanonimiseerd_op is not None
    assert Inbreng.objects.exclude(pk=anoniem.pk).get().tekst == "Wanneer begint het?"
    # the e-mail link no longer opens the (now anonymous) response
    assert EmailDeelname.objects.get().geanonimiseerd_op is not None

    assert verwerking.soort == Verwerking.Soort.ANONIMISEREN
    assert verwerking.wijkplan == opzet.plan
    # a sign-up, a question, an address with its code, an e-mail participation (the reaction
    # without name or address held nothing to remove)
    assert verwerking.aantal == 4
    anoniem.refresh_from_db()
    assert anoniem.geanonimiseerd_op is None
    assert verwerking.kenmerk == "" and EMAIL not in verwerking.omschrijving


def test_a_second_run_changes_nothing_and_logs_nothing(gemeente, projectleider):
    opzet = plan_met_persoonsgegevens(gemeente, projectleider)
    besluit = besluiten(opzet.plan)
    later = maanden_later(besluit.op, 12) + DAG
    assert len(anonimiseren(nu=later)) == 1
    na = _persoonsgegevens(opzet.plan)

    assert anonimiseren(nu=later + 30 * DAG) == []

    assert _persoonsgegevens(opzet.plan) == na
    assert Verwerking.objects.count() == 1


def test_the_page_sets_the_term_and_a_stopped_plan_counts_too(gemeente, projectleider):
    opzet = plan_met_persoonsgegevens(gemeente, projectleider, bewaartermijn=3)
    besluit = besluiten(opzet.plan, Fase.GESTOPT)

    assert anonimiseren(nu=maanden_later(besluit.op, 3) - DAG) == []
    assert len(anonimiseren(nu=maanden_later(besluit.op, 3) + DAG)) == 1


@override_settings(WUP_BEWAARTERMIJN_MAANDEN=2)
def test_a_plan_without_a_page_keeps_the_platforms_term(gemeente, projectleider):
    opzet = plan_met_persoonsgegevens(gemeente, projectleider, bewaartermijn=None)
    besluit = besluiten(opzet.plan)

    assert anonimiseren(nu=maanden_later(besluit.op, 2) - DAG) == []
    assert len(anonimiseren(nu=maanden_later(besluit.op, 2) + DAG)) == 1


def test_a_plan_still_being_worked_on_keeps_its_data(gemeente, projectleider):
    opzet = plan_met_persoonsgegevens(gemeente, projectleider)
    voor = _persoonsgegevens(opzet.plan)

    assert anonimiseren(nu=timezone.now() + 10 * 365 * DAG) == []
    assert _persoonsgegevens(opzet.plan) == voor


def test_the_term_counts_from_the_latest_decision(gemeente, projectleider):
    """Adopted long ago, sent back and adopted again this week: the new decision counts."""
    opzet = plan_met_persoonsgegevens(gemeente, projectleider)
    nu = timezone.now()
    besluiten(opzet.plan, op=nu - 500 * DAG)
    besluiten(opzet.plan, Fase.UITVOERINGSPLAN, op=nu - 400 * DAG)
    besluiten(opzet.plan, op=nu - 5 * DAG)

    assert anonimiseren(nu=nu) == []
    assert _persoonsgegevens(opzet.plan)["gekoppeld"] == 2


def test_the_daily_task_anonymises_and_is_scheduled(gemeente, projectleider):
    opzet = plan_met_persoonsgegevens(gemeente, projectleider, bewaartermijn=1)
    besluiten(opzet.plan, op=timezone.now() - 62 * DAG)

    assert tasks.persoonsgegevens_anonimiseren.delay().get() == 1
    assert _persoonsgegevens(opzet.plan)["gekoppeld"] == 0
    planning = settings.CELERY_BEAT_SCHEDULE["persoonsgegevens-anonimiseren"]
    assert planning["task"] == "participatie.tasks.persoonsgegevens_anonimiseren"


def test_months_are_calendar_months():
    moment = datetime.datetime(2027, 1, 31, 12, tzinfo=datetime.UTC)
    assert maanden_later(moment, 1) == datetime.datetime(2027, 2, 28, 12, tzinfo=datetime.UTC)
    assert maanden_later(moment, 12) == datetime.datetime(2028, 1, 31, 12, tzinfo=datetime.UTC)
    assert maanden_later(moment, 13) == datetime.datetime(2028, 2, 29, 12, tzinfo=datetime.UTC)
