"""The council flow: submission with its PDF, the griffier's decision, freezing, sending back."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from besluitvorming import selectors_raad, services_raad
from besluitvorming.models import Aanbieding, Documentversie, Raadsbesluit
from tests.besluitvorming.raad.conftest import klare_versie
from tests.factories import WijkplanFactory
from wup.constants import Fase
from wup.exceptions import GatesNotMet
from wup.models import Besluit
from wup.models.historie import HistoryIsImmutable
from wup.services import wijkplan_transition
from wup.workflow import gates

VANDAAG = datetime.date.today()


def _vaststellen(plan, user, **kw):
    return services_raad.raadsbesluit_vastleggen(
        plan=plan,
        user=user,
        uitkomst="vastgesteld",
        besluitdatum=kw.pop("besluitdatum", VANDAAG),
        besluitnummer=kw.pop("besluitnummer", "2026-041"),
        amendementen=kw.pop("amendementen", "Amendement 1: meer aandacht voor huurders."),
        **kw,
    )


def test_without_a_pdf_the_plan_cannot_go_to_the_council(uitvoeringsplan, projectleider):
    uitkomst = gates.evaluate(uitvoeringsplan, "aanbieden_aan_raad")
    pdf = next(r for r in uitkomst if r.condition.key == "besluitvorming.pdf")
    assert not pdf.met
    assert "Maak eerst een PDF van het plan" in pdf.reason
    assert pdf.condition.url_name == "besluitvorming-versies"
    with pytest.raises(GatesNotMet, match="Maak eerst een PDF"):
        services_raad.aanbieden(plan=uitvoeringsplan, user=projectleider)
    assert not Aanbieding.objects.exists()
    uitvoeringsplan.refresh_from_db()
    assert uitvoeringsplan.fase == Fase.UITVOERINGSPLAN


def test_a_pdf_of_an_earlier_phase_does_not_count(gemeente, projectleider, snel):
    plan = WijkplanFactory(
        gemeente=gemeente,
        projectleider=projectleider,
        uitwerking=True,
        beoogde_raadsdatum=datetime.date(2027, 2, 1),
    )
    klare_versie(plan, projectleider)
    wijkplan_transition(wijkplan=plan, overgang="start_uitvoeringsplan", user=projectleider)
    pdf = [r for r in gates.evaluate(plan, "aanbieden_aan_raad") if r.condition.key.endswith("pdf")]
    assert not pdf[0].met
    klare_versie(plan, projectleider)
    pdf = [r for r in gates.evaluate(plan, "aanbieden_aan_raad") if r.condition.key.endswith("pdf")]
    assert pdf[0].met


def test_submitting_records_the_version_and_moves_the_plan(uitvoeringsplan, projectleider, snel):
    versie = klare_versie(uitvoeringsplan, projectleider)
    rij = services_raad.aanbieden(plan=uitvoeringsplan, user=projectleider)
    uitvoeringsplan.refresh_from_db()
    assert uitvoeringsplan.fase == Fase.TER_BESLUITVORMING
    assert rij.documentversie == versie and rij.aangeboden_door == projectleider
    assert uitvoeringsplan.historie.first().overgang == "aanbieden_aan_raad"
    with pytest.raises(HistoryIsImmutable):
        rij.save()
    with pytest.raises(HistoryIsImmutable):
        Aanbieding.objects.all().delete()


def test_only_the_projectleider_submits(uitvoeringsplan, griffier, beheerder, snel, projectleider):
    klare_versie(uitvoeringsplan, projectleider)
    for user in (griffier, beheerder):
        with pytest.raises(PermissionDenied):
            services_raad.aanbieden(plan=uitvoeringsplan, user=user)


def test_the_gate_of_adoption_needs_the_griffiers_decision(bij_de_raad, griffier):
    uitkomst = gates.evaluate(bij_de_raad, "vaststellen")
    assert [r.met for r in uitkomst if r.condition.key == "besluitvorming.raadsbesluit"] == [False]
    with pytest.raises(GatesNotMet, match="raadsbesluit is nog niet vastgelegd"):
        wijkplan_transition(
            wijkplan=bij_de_raad, overgang="vaststellen", user=griffier, motivatie="Vastgesteld."
        )


def test_adoption_freezes_the_plan_logs_the_decision_and_queues_the_final_pdf(
    bij_de_raad, griffier, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rb = _vaststellen(bij_de_raad, griffier)
    bij_de_raad.refresh_from_db()
    assert bij_de_raad.fase == Fase.VASTGESTELD and bij_de_raad.bevroren
    assert rb.griffier == griffier and rb.vastgestelde_versie.nummer == 1
    assert rb.aanbieding == Aanbieding.objects.get()
    besluit = Besluit.objects.get(wijkplan=bij_de_raad)
    assert besluit.orgaan == Besluit.Orgaan.GEMEENTERAAD and besluit.kenmerk == "2026-041"
    assert "vastgesteld" in besluit.besluit and "huurders" in besluit.besluit
    assert besluit.vastgelegd_door == griffier and besluit.bron == "besluitvorming"
    overgang = bij_de_raad.historie.first()
    assert overgang.overgang == "vaststellen" and "vastgesteld" in overgang.motivatie
    definitief = selectors_raad.definitieve_versie(bij_de_raad)
    assert definitief is not None and definitief.definitief and definitief.nummer == 2
    assert b"CONCEPT" not in definitief.bestand.open("rb").read()
    # queuing the final version again gives the same one
    again = services_raad.definitieve_versie_aanvragen(plan=bij_de_raad, user=griffier)
    assert again == definitief
    assert Documentversie.objects.filter(wijkplan=bij_de_raad, definitief=True).count() == 1
    # in the name of the plan's projectleider: the plan document is his
    assert definitief.aangevraagd_door != griffier
    with pytest.raises(HistoryIsImmutable):
        rb.save()


def test_another_finished_version_can_be_the_adopted_one(bij_de_raad, griffier, projectleider):
    eerste = Documentversie.objects.get(wijkplan=bij_de_raad, nummer=1)
    tweede = klare_versie(bij_de_raad, projectleider)
    rb = _vaststellen(bij_de_raad, griffier, versie_id=tweede.pk)
    assert rb.vastgestelde_versie == tweede != eerste


def test_a_version_of_another_plan_is_refused(bij_de_raad, griffier, gemeente, projectleider):
    ander = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    vreemd = klare_versie(ander, projectleider)
    with pytest.raises(ValidationError) as e:
        _vaststellen(bij_de_raad, griffier, versie_id=vreemd.pk)
    assert "versie" in e.value.message_dict
    assert not Raadsbesluit.objects.exists()


def test_only_the_griffier_records_the_decision(bij_de_raad, projectleider, beheerder, gemeente):
    from tests.factories import GemeenteFactory, griffier

    andere_griffier = griffier(GemeenteFactory(code="GM0200", naam="Apeldoorn"), username="apd")
    for user in (projectleider, beheerder, andere_griffier):
        with pytest.raises(PermissionDenied):
            _vaststellen(bij_de_raad, user)
    assert not Raadsbesluit.objects.exists()
    bij_de_raad.refresh_from_db()
    assert bij_de_raad.fase == Fase.TER_BESLUITVORMING


def test_checks_of_the_decision_name_the_field(bij_de_raad, griffier):
    with pytest.raises(ValidationError) as e:
        _vaststellen(bij_de_raad, griffier, besluitdatum=VANDAAG + datetime.timedelta(days=3))
    assert "toekomst" in e.value.message_dict["besluitdatum"][0]
    with pytest.raises(ValidationError) as e:
        services_raad.raadsbesluit_vastleggen(
            plan=bij_de_raad, user=griffier, uitkomst="teruggestuurd", besluitdatum=VANDAAG
        )
    assert set(e.value.message_dict) == {"redenen", "naar"}
    assert not Raadsbesluit.objects.exists() and not Besluit.objects.exists()


def test_sent_back_goes_to_the_chosen_phase_with_history_and_the_reasons(bij_de_raad, griffier):
    rb = services_raad.raadsbesluit_vastleggen(
        plan=bij_de_raad,
        user=griffier,
        uitkomst="teruggestuurd",
        besluitdatum=VANDAAG,
        besluitnummer="2026-050",
        redenen="De businesscase rekent met te lage tarieven.",
        naar=Fase.UITWERKING,
    )
    bij_de_raad.refresh_from_db()
    assert bij_de_raad.fase == Fase.UITWERKING and not bij_de_raad.bevroren
    assert rb.naar_fase == Fase.UITWERKING
    overgang = bij_de_raad.historie.first()
    assert (overgang.overgang, overgang.van_fase, overgang.naar_fase) == (
        "terugsturen",
        Fase.TER_BESLUITVORMING,
        Fase.UITWERKING,
    )
    assert "te lage tarieven" in overgang.motivatie
    besluit = Besluit.objects.get(wijkplan=bij_de_raad)
    assert besluit.orgaan == "gemeenteraad" and "te lage tarieven" in besluit.besluit
    # no final PDF of a plan that was sent back
    assert not Documentversie.objects.filter(wijkplan=bij_de_raad, definitief=True).exists()


def test_a_decision_of_an_earlier_stay_does_not_count_again(bij_de_raad, griffier, projectleider):
    services_raad.raadsbesluit_vastleggen(
        plan=bij_de_raad,
        user=griffier,
        uitkomst="teruggestuurd",
        besluitdatum=VANDAAG,
        redenen="Meer participatie nodig.",
        naar=Fase.UITVOERINGSPLAN,
    )
    klare_versie(bij_de_raad, projectleider)
    services_raad.aanbieden(plan=bij_de_raad, user=projectleider)
    bij_de_raad.refresh_from_db()
    assert not all(r.met for r in gates.evaluate(bij_de_raad, "terugsturen"))
    assert not all(r.met for r in gates.evaluate(bij_de_raad, "vaststellen"))


def test_the_griffier_may_add_a_council_decision_only_before_the_council(bij_de_raad, griffier):
    from wup.exceptions import TransitionConflict
    from wup.services import besluit_vastleggen

    _vaststellen(bij_de_raad, griffier)
    with pytest.raises((TransitionConflict, PermissionDenied)):
        besluit_vastleggen(
            wijkplan=bij_de_raad,
            user=griffier,
            datum=VANDAAG,
            orgaan="gemeenteraad",
            besluit="Nog een besluit.",
        )
    with pytest.raises(PermissionDenied):
        besluit_vastleggen(
            wijkplan=bij_de_raad, user=griffier, datum=VANDAAG, orgaan="college", besluit="x"
        )


def test_the_generic_transition_cannot_skip_the_submission(uitvoeringsplan, projectleider, snel):
    klare_versie(uitvoeringsplan, projectleider)
    with pytest.raises(GatesNotMet) as e:
        wijkplan_transition(
            wijkplan=uitvoeringsplan, overgang="aanbieden_aan_raad", user=projectleider
        )
    assert [r.condition.key for r in e.value.unmet] == ["besluitvorming.aanbieding"]
    assert "Aanbieden aan de raad" in e.value.message


def test_the_transition_page_of_adoption_points_to_the_decision_page(client, bij_de_raad, griffier):
    from django.urls import reverse

    client.force_login(griffier)
    html = client.get(reverse("wijkplan-overgang", args=[bij_de_raad.pk, "vaststellen"])).content
    assert "raadsbesluit is nog niet vastgelegd" in html.decode()
