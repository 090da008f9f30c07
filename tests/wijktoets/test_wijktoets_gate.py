"""The gate on leaving the wijktoets phase, and the pause/stop path after "niet geschikt"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.wijktoets.test_wijktoets_services import (
    MOTIVATIE,
    afgeronde_wijktoets,
    vul_wijktoets,
)
from wijktoets.constants import Oordeel, Thema
from wijktoets.registratie_wijktoets import demo_wijktoets
from wijktoets.selectors import wijktoets as selectors
from wijktoets.services import wijktoets as services
from wup.constants import Fase, Spoor
from wup.exceptions import GatesNotMet
from wup.models import Faseovergang
from wup.services import wijkplan_transition
from wup.workflow import gates


def uitkomst(plan, sleutel):
    return next(r for r in gates.evaluate(plan, "start_verkenning") if r.condition.key == sleutel)


def test_the_conditions_are_registered_on_their_tracks():
    per_sleutel = {c.key: c for c in gates.conditions("start_verkenning")}
    assert per_sleutel["wijktoets.afgerond"].spoor == Spoor.ORGANISATORISCH
    assert per_sleutel["wijktoets.participatieniveau"].spoor == Spoor.PARTICIPATIE


def test_not_started(plan):
    r = uitkomst(plan, "wijktoets.afgerond")
    assert not r.met
    assert r.reason == "de wijktoets is nog niet begonnen (0 van 7 thema's ingevuld)."
    assert r.message.startswith("Organisatorisch: de wijktoets is nog niet begonnen")


def test_incomplete_counts_the_themes(plan, projectleider):
    vul_wijktoets(plan, projectleider, themas=(Thema.ARMOEDE, Thema.GEZONDHEID, Thema.VEILIGHEID))
    r = uitkomst(plan, "wijktoets.afgerond")
    assert not r.met
    assert r.reason == "de wijktoets is nog niet afgerond (3 van 7 thema's ingevuld)."


def test_reopened_says_which_version_is_open(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    toets = selectors.wijktoets_voor(plan)
    services.wijktoets_opslaan(wijkplan=plan, user=projectleider, versie=toets.versie, bronnen="x")
    r = uitkomst(plan, "wijktoets.afgerond")
    assert not r.met
    assert "heropend" in r.reason and "versie 2" in r.reason and "7 van 7" in r.reason


def test_niet_geschikt_blocks_and_says_to_pause_or_stop(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.NIET_GESCHIKT)
    r = uitkomst(plan, "wijktoets.afgerond")
    assert not r.met
    assert "(nog) niet geschikt" in r.reason
    assert "Pauzeer of stop het plan" in r.reason
    with pytest.raises(GatesNotMet):
        wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=projectleider)
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS


@pytest.mark.parametrize(
    ("oordeel", "tekst"),
    [
        (Oordeel.GESCHIKT, "geschikt voor een wijkgerichte aanpak"),
        (Oordeel.ONDER_VOORWAARDEN, "geschikt onder voorwaarden"),
    ],
)
def test_a_completed_wijktoets_lets_the_plan_move_on(plan, projectleider, oordeel, tekst):
    afgeronde_wijktoets(plan, projectleider, oordeel=oordeel)
    r = uitkomst(plan, "wijktoets.afgerond")
    assert r.met
    assert r.reason == f"de wijktoets is afgerond (versie 1): {tekst}."
    rij = wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=projectleider)
    assert rij.naar_fase == Fase.VERKENNING
    # The conditions as they were are kept in the history row.
    assert {"sleutel": "wijktoets.afgerond", "voldaan": True}.items() <= next(
        v for v in rij.voorwaarden if v["sleutel"] == "wijktoets.afgerond"
    ).items()


def test_the_participation_track_waits_for_the_participation_level(plan, projectleider):
    r = uitkomst(plan, "wijktoets.participatieniveau")
    assert not r.met
    assert "participatieniveau" in r.reason
    services.wijktoets_opslaan(
        wijkplan=plan,
        user=projectleider,
        versie=1,
        participatieniveau="adviseren",
        doelgroepen=["ouderen"],
    )
    r = uitkomst(plan, "wijktoets.participatieniveau")
    assert r.met
    assert r.reason == "participatieniveau adviseren; 1 prioritaire doelgroep(en)."


def test_the_gate_uses_a_fixed_number_of_queries(gemeente, projectleider):
    def meet(aantal):
        plannen = [
            factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
            for _ in range(aantal)
        ]
        for i, plan in enumerate(plannen):
            if i % 3 == 1:
                vul_wijktoets(plan, projectleider, themas=(Thema.VEILIGHEID,))
            elif i % 3 == 2:
                afgeronde_wijktoets(plan, projectleider)
        condities = [
            c for c in gates.conditions("start_verkenning") if c.key.startswith("wijktoets.")
        ]
        with CaptureQueriesContext(connection) as ctx:
            for c in condities:
                uitkomsten = c.check(plannen)
        assert set(uitkomsten) == {p.pk for p in plannen}
        return len(ctx.captured_queries)

    assert meet(2) == meet(30) == 2


# --- Pause or stop after "niet geschikt" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("overgang", "fase"), [("pauzeren", Fase.GEPAUZEERD), ("stoppen", Fase.GESTOPT)]
)
def test_niet_geschikt_pauses_or_stops_the_plan_with_the_reason_in_the_history(
    plan, projectleider, overgang, fase
):
    afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.NIET_GESCHIKT)
    rij = services.wijktoets_plan_pauzeren_of_stoppen(
        wijkplan=plan, user=projectleider, overgang=overgang
    )
    plan.refresh_from_db()
    assert plan.fase == fase
    laatste = Faseovergang.objects.filter(wijkplan=plan).first()
    assert laatste == rij
    assert laatste.motivatie == f"Wijktoets: (nog) niet geschikt — {MOTIVATIE}"
    assert laatste.door == projectleider


def test_the_pause_path_is_only_for_a_completed_niet_geschikt(plan, projectleider):
    with pytest.raises(services.WijktoetsNietBewerkbaar):
        services.wijktoets_plan_pauzeren_of_stoppen(
            wijkplan=plan, user=projectleider, overgang="pauzeren"
        )
    afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.GESCHIKT)
    with pytest.raises(services.WijktoetsNietBewerkbaar):
        services.wijktoets_plan_pauzeren_of_stoppen(
            wijkplan=plan, user=projectleider, overgang="stoppen"
        )
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS


def test_a_paused_plan_resumes_in_the_wijktoets_and_can_revise_it(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.NIET_GESCHIKT)
    services.wijktoets_plan_pauzeren_of_stoppen(
        wijkplan=plan, user=projectleider, overgang="pauzeren"
    )
    wijkplan_transition(
        wijkplan=plan, overgang="hervatten", user=projectleider, motivatie="Nieuwe kansen."
    )
    plan.refresh_from_db()
    assert plan.fase == Fase.WIJKTOETS
    tweede = afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.GESCHIKT, bronnen="Nieuw")
    assert tweede.nummer == 2
    assert uitkomst(plan, "wijktoets.afgerond").met


def test_the_demo_wijktoets_lets_a_demo_plan_move_on_and_is_idempotent(plan, projectleider):
    demo_wijktoets(plan=plan, user=projectleider)
    demo_wijktoets(plan=plan, user=projectleider)
    assert [v.nummer for v in selectors.versies_van(plan)] == [1]
    rij = wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=projectleider)
    assert rij.naar_fase == Fase.VERKENNING
