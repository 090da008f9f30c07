"""Step 4's writes and its analysis read: the framework, expert scores, the analysis of the
matrix with step 2's figures, and the immutable choice that supersedes and lands in the
decisions log."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from keuze import selectors, services
from keuze.models import Criterium, Keuze, Score
from tests import factories
from tests.keuze.hulp import kader, keuze_velden, keuzeplan
from wup.models import Besluit
from wup.models.historie import HistoryIsImmutable

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(gemeente, projectleider):
    return keuzeplan(gemeente, projectleider)


def _alt(plan, naam):
    return plan.alternatieven.get(naam=naam)


def test_the_standard_framework_holds_the_seven_criteria_once(plan, projectleider):
    criteria = services.standaardkader_toevoegen(wijkplan=plan, user=projectleider)
    assert [c.naam for c in criteria][:2] == ["Nationale kosten", "Kosten voor bewoners"]
    assert len(criteria) == 7 and sum(c.gewicht for c in criteria) == 100
    assert all(c.toelichting for c in criteria)
    with pytest.raises(ValidationError, match="al criteria"):
        services.standaardkader_toevoegen(wijkplan=plan, user=projectleider)
    assert Criterium.objects.filter(wijkplan=plan).count() == 7


def test_bad_criterion_input_names_every_field_and_saves_nothing(plan, projectleider):
    with pytest.raises(ValidationError) as fout:
        services.criterium_toevoegen(
            wijkplan=plan,
            user=projectleider,
            naam=" ",
            toelichting="",
            gewicht="-3",
            richting="omhoog",
            eenheid="",
            bron="nergens",
            zekerheid="zeker",
        )
    velden = fout.value.message_dict
    assert set(velden) == {
        "naam",
        "toelichting",
        "gewicht",
        "richting",
        "eenheid",
        "bron",
        "zekerheid",
    }
    assert "gewicht" in velden["gewicht"][0]
    assert not Criterium.objects.exists()


def test_only_the_projectleider_writes(plan, gemeente):
    ander = factories.projectleider(gemeente)
    with pytest.raises(PermissionDenied):
        services.standaardkader_toevoegen(wijkplan=plan, user=ander)


def test_expert_scores_need_an_explanation_and_stay_on_their_scale(plan, projectleider):
    (c,) = [x for x in kader(plan, projectleider) if x.handmatig]
    a, b, _c = plan.alternatieven.order_by("pk")
    with pytest.raises(ValidationError) as fout:
        services.scores_opslaan(
            criterium=c, user=projectleider, scores={a.pk: ("6", "te hoog"), b.pk: ("3", "")}
        )
    assert "van 1 tot en met 5" in fout.value.message_dict[f"score_{a.pk}"][0]
    assert "Leg uit" in fout.value.message_dict[f"toelichting_{b.pk}"][0]
    # nothing changed: the scores of the fixture are still there
    assert Score.objects.get(criterium=c, alternatief=a).waarde == 2
    services.scores_opslaan(criterium=c, user=projectleider, scores={a.pk: ("", "")})
    assert not Score.objects.filter(criterium=c, alternatief=a).exists()


def test_the_analysis_ranks_on_step_2s_figures_and_the_expert_scores(plan, projectleider):
    kader(plan, projectleider)
    analyse = selectors.analyse_van(plan)
    assert analyse.fout is None
    # costs 40 % (lower better), CO2 30 %, feasibility 30 %: by hand
    # Warmtenet 0 + 30 + 30*(2-2)/3 = 30; Luchtwarmtepomp 40*0.6 + 30*0.6 + 30*2/3 = 62;
    # Hybride 40 + 0 + 30 = 70
    totalen = {analyse.naam(p.alternatief): round(p.totaal, 6) for p in analyse.uitkomst.rangorde}
    assert totalen == {"Hybride warmtepomp": 70.0, "Luchtwarmtepomp": 62.0, "Warmtenet": 30.0}
    assert analyse.volledig_beoordeeld[0] == _alt(plan, "Hybride warmtepomp").pk
    assert not analyse.heeft_steun
    cel = analyse.beoordeling.cel(
        Criterium.objects.get(naam="Nationale kosten").pk, _alt(plan, "Warmtenet").pk
    )
    assert cel.waarde == 400_000 and cel.url.endswith(f"/alternatieven/{cel_id(plan)}")


def cel_id(plan):
    return _alt(plan, "Warmtenet").pk


def test_a_choice_is_recorded_with_its_analysis_and_in_the_decisions_log(plan, projectleider):
    kader(plan, projectleider)
    hybride = _alt(plan, "Hybride warmtepomp")
    with pytest.raises(ValidationError) as fout:
        services.keuze_vastleggen(
            wijkplan=plan, user=projectleider, alternatief_id=hybride.pk, **keuze_velden()
        )
    assert "reden_zonder_participatie" in fout.value.message_dict  # no support scores
    assert not Keuze.objects.exists() and not Besluit.objects.exists()

    keuze = services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=hybride.pk,
        **keuze_velden(reden_zonder_participatie="De raadpleging loopt nog; avonden gehouden."),
    )
    assert keuze.alternatief_naam == "Hybride warmtepomp"
    opname = selectors.momentopname(keuze)
    assert opname.aantal_beoordeeld == 3 and opname.uitkomst.top == str(hybride.pk)
    besluit = Besluit.objects.get(wijkplan=plan)
    assert besluit.bron == "keuze" and "Hybride warmtepomp" in besluit.besluit
    assert besluit.kenmerk == "SG-2026-14"

    # immutable: no edit, no delete
    keuze.motivatie = "anders"
    with pytest.raises(HistoryIsImmutable):
        keuze.save()
    with pytest.raises(HistoryIsImmutable):
        keuze.delete()


def test_a_new_choice_supersedes_and_a_double_submit_is_refused(plan, projectleider):
    kader(plan, projectleider)
    velden = keuze_velden(reden_zonder_participatie="Geen raadpleging: zie het participatieplan.")
    eerste = services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=_alt(plan, "Hybride warmtepomp").pk,
        **velden,
    )
    with pytest.raises(ValidationError, match="Intussen"):
        services.keuze_vastleggen(
            wijkplan=plan,
            user=projectleider,
            alternatief_id=_alt(plan, "Hybride warmtepomp").pk,
            **velden,
        )
    tweede = services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=_alt(plan, "Luchtwarmtepomp").pk,
        vorige_keuze_id=eerste.pk,
        **velden,
    )
    assert selectors.huidige_keuze(plan) == tweede and tweede.vervangt == eerste
    assert Keuze.objects.count() == 2 and Besluit.objects.filter(wijkplan=plan).count() == 2


def test_a_choice_needs_two_assessed_alternatives_and_a_past_date(plan, projectleider):
    kader(plan, projectleider)
    haalbaar = Criterium.objects.get(naam="Haalbaarheid")
    Score.objects.filter(criterium=haalbaar).exclude(alternatief=_alt(plan, "Warmtenet")).delete()
    velden = keuze_velden(reden_zonder_participatie="Nog geen raadpleging gehouden, zie plan.")
    with pytest.raises(ValidationError, match="minstens twee"):
        services.keuze_vastleggen(
            wijkplan=plan, user=projectleider, alternatief_id=_alt(plan, "Warmtenet").pk, **velden
        )
    morgen = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        services.keuze_vastleggen(
            wijkplan=plan,
            user=projectleider,
            alternatief_id=_alt(plan, "Warmtenet").pk,
            **{**velden, "besluitdatum": morgen, "motivatie": "kort"},
        )
    assert {"besluitdatum", "motivatie"} <= set(fout.value.message_dict)
    assert not Keuze.objects.exists()


def test_outdated_results_need_confirmation(plan, projectleider, beheerder):
    from tests.techniek.alternatieven_hulp import volledige_set

    kader(plan, projectleider)
    volledige_set(beheerder)  # a current parameter set newer than the calculations
    velden = keuze_velden(reden_zonder_participatie="Nog geen raadpleging gehouden, zie plan.")
    alt = _alt(plan, "Luchtwarmtepomp")
    with pytest.raises(ValidationError) as fout:
        services.keuze_vastleggen(
            wijkplan=plan, user=projectleider, alternatief_id=alt.pk, **velden
        )
    assert "verouderd" in fout.value.message_dict["verouderd_bevestigd"][0]
    keuze = services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=alt.pk,
        verouderd_bevestigd=True,
        **velden,
    )
    assert keuze.verouderd_bevestigd
