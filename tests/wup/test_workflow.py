"""The wijkplan state machine: every allowed and every forbidden transition, through the service."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import WijkplanFactory, projectleider
from wup.constants import Fase
from wup.exceptions import TransitionConflict
from wup.models import Faseovergang, Wijkplan
from wup.services import wijkplan_transition
from wup.workflow import OVERGANGEN

F = Fase
TRAIT = {
    F.WIJKTOETS: {},
    F.VERKENNING: {"verkenning": True},
    F.KEUZE: {"keuze": True},
    F.UITWERKING: {"uitwerking": True},
    F.UITVOERINGSPLAN: {"uitvoeringsplan": True},
    F.TER_BESLUITVORMING: {"ter_besluitvorming": True},
    F.VASTGESTELD: {"vastgesteld": True},
    F.GEPAUZEERD: {"gepauzeerd": True},
    F.GESTOPT: {"gestopt": True},
}

# (source, transition, argument for `naar`, expected target)
ALLOWED = [
    (F.WIJKTOETS, "start_verkenning", None, F.VERKENNING),
    (F.VERKENNING, "start_keuze", None, F.KEUZE),
    (F.KEUZE, "start_uitwerking", None, F.UITWERKING),
    (F.UITWERKING, "start_uitvoeringsplan", None, F.UITVOERINGSPLAN),
    (F.UITVOERINGSPLAN, "aanbieden_aan_raad", None, F.TER_BESLUITVORMING),
    (F.TER_BESLUITVORMING, "vaststellen", None, F.VASTGESTELD),
    (F.TER_BESLUITVORMING, "intrekken", None, F.UITVOERINGSPLAN),
    (F.TER_BESLUITVORMING, "terugsturen", F.VERKENNING, F.VERKENNING),
    (F.TER_BESLUITVORMING, "terugsturen", F.KEUZE, F.KEUZE),
    (F.TER_BESLUITVORMING, "terugsturen", F.UITWERKING, F.UITWERKING),
    (F.TER_BESLUITVORMING, "terugsturen", F.UITVOERINGSPLAN, F.UITVOERINGSPLAN),
    (F.VERKENNING, "terugzetten", None, F.WIJKTOETS),
    (F.KEUZE, "terugzetten", None, F.VERKENNING),
    (F.UITWERKING, "terugzetten", None, F.KEUZE),
    (F.UITVOERINGSPLAN, "terugzetten", None, F.UITWERKING),
    *[
        (f, "pauzeren", None, F.GEPAUZEERD)
        for f in (F.WIJKTOETS, F.VERKENNING, F.KEUZE, F.UITWERKING, F.UITVOERINGSPLAN)
    ],
    (F.GEPAUZEERD, "hervatten", None, F.VERKENNING),  # the trait pauses in verkenning
    *[
        (f, "stoppen", None, F.GESTOPT)
        for f in (F.WIJKTOETS, F.VERKENNING, F.KEUZE, F.UITWERKING, F.UITVOERINGSPLAN, F.GEPAUZEERD)
    ],
]
ALLOWED_PAIRS = {(s, t) for s, t, _, _ in ALLOWED}
FORBIDDEN = [(s, t) for s in F for t in OVERGANGEN if (s, t) not in ALLOWED_PAIRS]


def _actor(plan, overgang, pl, griffier):
    return griffier if OVERGANGEN[overgang].rol == "Griffier" else pl


@pytest.fixture
def make_plan(gemeente, projectleider):
    def make(fase, **extra):
        return WijkplanFactory(
            gemeente=gemeente,
            projectleider=projectleider,
            beoogde_raadsdatum=datetime.date(2027, 3, 11),
            **{**TRAIT[fase], **extra},
        )

    return make


@pytest.mark.parametrize(("bron", "overgang", "naar", "doel"), ALLOWED)
def test_allowed_transition_moves_the_plan_and_writes_history(
    make_plan, projectleider, griffier, bron, overgang, naar, doel
):
    plan = make_plan(bron)
    actor = _actor(plan, overgang, projectleider, griffier)

    rij = wijkplan_transition(
        wijkplan=plan,
        overgang=overgang,
        user=actor,
        motivatie="Besproken in de stuurgroep.",
        naar=naar,
        verwachte_fase=bron,
    )

    plan.refresh_from_db()
    assert plan.fase == doel
    assert (rij.van_fase, rij.naar_fase, rij.overgang, rij.door) == (bron, doel, overgang, actor)
    assert rij.motivatie == "Besproken in de stuurgroep."
    assert Faseovergang.objects.filter(wijkplan=plan).count() == 1


@pytest.mark.parametrize(("bron", "overgang"), FORBIDDEN)
def test_forbidden_transition_is_refused_with_a_clear_message(
    make_plan, projectleider, griffier, bron, overgang
):
    actor = _actor(None, overgang, projectleider, griffier)
    # A plan the council has seen before, so the griffier may look at it in any phase.
    plan = make_plan(bron, aangeboden_aan_raad_op=timezone.now())
    naar = F.UITVOERINGSPLAN if OVERGANGEN[overgang].kies_doel else None

    with pytest.raises(TransitionConflict) as exc:
        wijkplan_transition(
            wijkplan=plan, overgang=overgang, user=actor, motivatie="Poging.", naar=naar
        )

    assert exc.value.message == (
        f"‘{OVERGANGEN[overgang].label}’ is niet mogelijk in de fase ‘{F(bron).label}’."
    )
    assert Wijkplan.objects.get(pk=plan.pk).fase == bron
    assert not Faseovergang.objects.filter(wijkplan=plan).exists()


def test_pause_remembers_the_phase_and_resume_returns_to_it(make_plan, projectleider):
    plan = make_plan(F.KEUZE)
    wijkplan_transition(
        wijkplan=plan,
        overgang="pauzeren",
        user=projectleider,
        motivatie="Wijktoets: (nog) niet geschikt; eerst de renovatie.",
    )
    plan.refresh_from_db()
    assert (plan.fase, plan.fase_voor_pauze) == (F.GEPAUZEERD, F.KEUZE)

    wijkplan_transition(
        wijkplan=plan, overgang="hervatten", user=projectleider, motivatie="Renovatie afgerond."
    )
    plan.refresh_from_db()
    assert (plan.fase, plan.fase_voor_pauze) == (F.KEUZE, "")


def test_submission_records_when_the_plan_first_reached_the_council(make_plan, projectleider):
    plan = make_plan(F.UITVOERINGSPLAN)
    assert not plan.bij_de_raad_geweest
    wijkplan_transition(wijkplan=plan, overgang="aanbieden_aan_raad", user=projectleider)
    plan.refresh_from_db()
    assert plan.bij_de_raad_geweest
    assert plan.fase == F.TER_BESLUITVORMING


@pytest.mark.parametrize("overgang", [n for n, o in OVERGANGEN.items() if o.motivatie_verplicht])
def test_missing_motivation_is_refused_before_anything_changes(
    make_plan, projectleider, griffier, overgang
):
    bron = next(s for s, t, _, _ in ALLOWED if t == overgang)
    plan = make_plan(bron)
    with pytest.raises(ValidationError) as exc:
        wijkplan_transition(
            wijkplan=plan,
            overgang=overgang,
            user=_actor(plan, overgang, projectleider, griffier),
            motivatie="   ",
            naar=F.KEUZE,
        )
    assert "motivatie" in exc.value.message_dict
    assert Wijkplan.objects.get(pk=plan.pk).fase == bron


def test_council_send_back_needs_a_valid_target_phase(make_plan, griffier):
    plan = make_plan(F.TER_BESLUITVORMING)
    with pytest.raises(ValidationError) as exc:
        wijkplan_transition(
            wijkplan=plan,
            overgang="terugsturen",
            user=griffier,
            motivatie="Onvoldoende draagvlak.",
            naar=F.VASTGESTELD,
        )
    assert "Kies de fase" in exc.value.message_dict["naar"][0]


def test_only_the_griffier_records_the_council_decision(make_plan, projectleider):
    plan = make_plan(F.TER_BESLUITVORMING)
    with pytest.raises(PermissionDenied, match="Alleen de griffier"):
        wijkplan_transition(
            wijkplan=plan,
            overgang="vaststellen",
            user=projectleider,
            motivatie="Raadsbesluit 2027-14.",
        )
    assert Wijkplan.objects.get(pk=plan.pk).fase == F.TER_BESLUITVORMING


def test_griffier_cannot_move_a_plan_forward(make_plan, griffier):
    plan = make_plan(F.UITVOERINGSPLAN)
    with pytest.raises(PermissionDenied):
        wijkplan_transition(wijkplan=plan, overgang="aanbieden_aan_raad", user=griffier)


def test_projectleider_of_another_plan_has_no_access(make_plan, gemeente):
    plan = make_plan(F.WIJKTOETS)
    ander = projectleider(gemeente, username="ander")
    with pytest.raises(PermissionDenied, match="geen toegang"):
        wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=ander)


def test_stale_expected_phase_is_a_conflict_and_changes_nothing(make_plan, projectleider):
    plan = make_plan(F.VERKENNING)
    with pytest.raises(TransitionConflict, match="intussen in de fase ‘Verkenning"):
        wijkplan_transition(
            wijkplan=plan, overgang="start_keuze", user=projectleider, verwachte_fase=F.WIJKTOETS
        )
    assert Wijkplan.objects.get(pk=plan.pk).fase == F.VERKENNING


def test_the_phase_field_cannot_be_set_directly(make_plan):
    plan = make_plan(F.WIJKTOETS)
    with pytest.raises(AttributeError):
        plan.fase = F.VASTGESTELD
