"""The wijktoets services: drafts, completion with versions, rights, frozen plans, stale edits.

The helpers at the top (``vul_wijktoets``, ``afgeronde_wijktoets``) build a wijktoets through the
services; the other wijktoets test modules import them.
"""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from tests import factories
from wijktoets.constants import Beoordeling, Oordeel, Thema, WijktoetsStatus
from wijktoets.models import WijktoetsVersie
from wijktoets.selectors import wijktoets as selectors
from wijktoets.services import wijktoets as services
from wijktoets.services.wijktoets import BevindingInvoer, PartijInvoer
from wup.constants import Fase
from wup.exceptions import GatesNotMet, PlanFrozen, StaleVersion
from wup.models import HistoryIsImmutable, Wijkplan
from wup.services import wijkplan_transition

MOTIVATIE = "Veel actieve bewoners en de corporatie wil renoveren; dat biedt kansen."


def huidige_versie(plan) -> int:
    toets = selectors.wijktoets_voor(plan)
    return toets.versie if toets else 1


def vul_wijktoets(plan, user, *, oordeel=Oordeel.GESCHIKT, themas=tuple(Thema.values), **extra):
    """Fill in everything completion needs (for ``themas``), through the service."""
    velden = {
        "economische_randvoorwaarden": "Veel huishoudens hebben weinig ruimte om te investeren.",
        "oordeel": oordeel,
        "motivatie": MOTIVATIE,
        "participatieniveau": "coproduceren",
        "doelgroepen": ["laag_inkomen", "huurders_corporatie"],
        "timing": "meekoppelen",
        "timing_toelichting": "Starten in de straten waar het riool wordt vervangen.",
    }
    if oordeel == Oordeel.ONDER_VOORWAARDEN:
        velden["voorwaarden"] = "De corporatie doet mee met haar hele bezit."
    velden.update(extra)
    return services.wijktoets_opslaan(
        wijkplan=plan,
        user=user,
        versie=huidige_versie(plan),
        bevindingen={
            thema: BevindingInvoer(
                tekst=f"Bevinding over {thema}.",
                indicatoren=["huishoudens_laag_inkomen_pct"],
                beoordeling=Beoordeling.KANS,
            )
            for thema in themas
        },
        partijen=[PartijInvoer("woningcorporatie", "Woningcorporatie De Veluwe", "Groot bezit.")],
        **velden,
    )


def afgeronde_wijktoets(plan, user, **kwargs) -> WijktoetsVersie:
    toets = vul_wijktoets(plan, user, **kwargs)
    return services.wijktoets_afronden(wijkplan=plan, user=user, versie=toets.versie)


# --- Drafts -------------------------------------------------------------------------------------


def test_first_save_creates_the_draft_and_raises_the_version(plan, projectleider):
    toets = services.wijktoets_opslaan(
        wijkplan=plan, user=projectleider, versie=1, samenvatting="  Een rustige wijk.  "
    )
    assert toets.samenvatting == "Een rustige wijk."
    assert toets.status == WijktoetsStatus.CONCEPT
    assert toets.versienummer == 1
    assert toets.versie == 2
    assert toets.gewijzigd_door == projectleider


def test_a_finding_is_saved_per_theme_with_its_indicators(plan, projectleider):
    bevinding = services.bevinding_opslaan(
        wijkplan=plan,
        user=projectleider,
        versie=1,
        thema=Thema.ARMOEDE,
        tekst="Veel huishoudens rond het sociaal minimum.",
        indicatoren=[
            "huishoudens_rond_sociaal_minimum_pct",
            "huishoudens_rond_sociaal_minimum_pct",
        ],
        beoordeling=Beoordeling.UITDAGING,
    )
    assert bevinding.ingevuld
    assert bevinding.indicatoren == ["huishoudens_rond_sociaal_minimum_pct"]  # once
    assert selectors.wijktoets_voor(plan).themas_ingevuld() == 1


def test_unknown_indicators_are_refused_by_name(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        services.bevinding_opslaan(
            wijkplan=plan,
            user=projectleider,
            versie=1,
            thema=Thema.LEEFBAARHEID,
            indicatoren=["aantal_inwoners", "geluk_per_inwoner"],
        )
    assert "geluk_per_inwoner" in exc.value.message_dict["indicatoren"][0]
    assert selectors.wijktoets_voor(plan) is None  # nothing half-saved


def test_a_verdict_needs_a_motivation_and_conditions_when_conditional(plan, projectleider):
    with pytest.raises(ValidationError) as exc:
        services.wijktoets_opslaan(
            wijkplan=plan, user=projectleider, versie=1, oordeel=Oordeel.ONDER_VOORWAARDEN
        )
    assert set(exc.value.message_dict) == {"motivatie", "voorwaarden"}


def test_stakeholders_replace_the_list_and_name_the_bad_row(plan, projectleider):
    services.partijen_opslaan(
        wijkplan=plan,
        user=projectleider,
        versie=1,
        partijen=[PartijInvoer("school", "Basisschool De Horst"), PartijInvoer("vve", "VvE Ds")],
    )
    toets = services.partijen_opslaan(
        wijkplan=plan,
        user=projectleider,
        versie=2,
        partijen=[PartijInvoer("vve", "VvE Dorpsstraat", "Drie flats.")],
    )
    assert [(p.categorie, p.naam) for p in toets.partijlijst()] == [("vve", "VvE Dorpsstraat")]
    with pytest.raises(ValidationError) as exc:
        services.partijen_opslaan(
            wijkplan=plan,
            user=projectleider,
            versie=3,
            partijen=[PartijInvoer("vve", "VvE A"), PartijInvoer("kerk", "")],
        )
    assert {"partijen.1.categorie", "partijen.1.naam"} <= set(exc.value.message_dict)


# --- Completing and versions ----------------------------------------------------------------------


def test_completing_records_who_and_keeps_an_immutable_snapshot(plan, projectleider):
    versie = afgeronde_wijktoets(plan, projectleider, oordeel=Oordeel.ONDER_VOORWAARDEN)
    assert versie.nummer == 1
    assert versie.afgerond_door == projectleider
    assert versie.oordeel == Oordeel.ONDER_VOORWAARDEN
    assert versie.inhoud["voorwaarden"] == "De corporatie doet mee met haar hele bezit."
    assert len(versie.inhoud["bevindingen"]) == len(Thema)
    toets = selectors.wijktoets_voor(plan)
    assert toets.status == WijktoetsStatus.AFGEROND

    with pytest.raises(HistoryIsImmutable):
        versie.save()
    with pytest.raises(HistoryIsImmutable):
        versie.delete()
    with pytest.raises(HistoryIsImmutable):
        WijktoetsVersie.objects.filter(pk=versie.pk).update(oordeel=Oordeel.GESCHIKT)


def test_completing_an_incomplete_wijktoets_says_what_is_missing(plan, projectleider):
    toets = vul_wijktoets(
        plan, projectleider, themas=(Thema.LEEFBAARHEID, Thema.VEILIGHEID), participatieniveau=""
    )
    with pytest.raises(services.WijktoetsOnvolledig) as exc:
        services.wijktoets_afronden(wijkplan=plan, user=projectleider, versie=toets.versie)
    tekst = " ".join(exc.value.ontbreekt)
    assert "5 van 7 thema's" in tekst
    assert "armoede en energiearmoede" in tekst
    assert "participatieniveau" in tekst
    assert not WijktoetsVersie.objects.exists()


def test_niet_geschikt_needs_no_consequences_for_the_approach(plan, projectleider):
    versie = afgeronde_wijktoets(
        plan, projectleider, oordeel=Oordeel.NIET_GESCHIKT, participatieniveau="", timing=""
    )
    assert versie.oordeel == Oordeel.NIET_GESCHIKT


def test_editing_after_completion_starts_the_next_version(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    toets = selectors.wijktoets_voor(plan)
    toets = services.wijktoets_opslaan(
        wijkplan=plan, user=projectleider, versie=toets.versie, bronnen="Wijkschouw maart."
    )
    assert (toets.status, toets.versienummer) == (WijktoetsStatus.CONCEPT, 2)
    tweede = services.wijktoets_afronden(wijkplan=plan, user=projectleider, versie=toets.versie)
    assert tweede.nummer == 2
    assert [v.nummer for v in selectors.versies_van(plan)] == [2, 1]
    assert selectors.laatste_versie(plan).inhoud["bronnen"] == "Wijkschouw maart."
    assert WijktoetsVersie.objects.get(nummer=1).inhoud["bronnen"] == ""


def test_saving_without_a_change_keeps_a_completed_wijktoets_completed(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    toets = selectors.wijktoets_voor(plan)
    na = services.wijktoets_opslaan(
        wijkplan=plan, user=projectleider, versie=toets.versie, samenvatting=toets.samenvatting
    )
    assert (na.status, na.versienummer, na.versie) == (
        WijktoetsStatus.AFGEROND,
        1,
        toets.versie,
    )


def test_completing_twice_is_refused(plan, projectleider):
    afgeronde_wijktoets(plan, projectleider)
    toets = selectors.wijktoets_voor(plan)
    with pytest.raises(services.WijktoetsNietBewerkbaar, match="al afgerond"):
        services.wijktoets_afronden(wijkplan=plan, user=projectleider, versie=toets.versie)


def test_consequences_for_the_approach_come_from_the_completed_version(plan, projectleider):
    assert selectors.gevolgen_voor_aanpak(plan) is None
    afgeronde_wijktoets(plan, projectleider)
    toets = selectors.wijktoets_voor(plan)
    services.wijktoets_opslaan(
        wijkplan=plan, user=projectleider, versie=toets.versie, participatieniveau="informeren"
    )
    gevolgen = selectors.gevolgen_voor_aanpak(plan)
    assert gevolgen.participatieniveau == "coproduceren"  # the agreed one, not the draft
    assert gevolgen.participatieniveau_label == "Coproduceren"
    assert gevolgen.doelgroepen == ("laag_inkomen", "huurders_corporatie")
    assert gevolgen.timing == "meekoppelen"
    assert gevolgen.geschikt
    assert gevolgen.herziening_open


# --- Who, when, and stale edits -----------------------------------------------------------------


def test_only_the_projectleider_of_the_plan_edits(plan, gemeente, griffier, beheerder):
    ander = factories.projectleider(gemeente, username="ander")
    for user in (ander, griffier, beheerder):
        with pytest.raises(PermissionDenied):
            services.wijktoets_opslaan(wijkplan=plan, user=user, versie=1, samenvatting="x")
        with pytest.raises(PermissionDenied):
            services.wijktoets_afronden(wijkplan=plan, user=user, versie=1)
    assert selectors.wijktoets_voor(plan) is None


@pytest.mark.parametrize("trait", ["vastgesteld", "gestopt"])
def test_a_frozen_plan_keeps_its_wijktoets(gemeente, projectleider, trait):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, **{trait: True}
    )
    with pytest.raises(PlanFrozen):
        services.wijktoets_opslaan(wijkplan=plan, user=projectleider, versie=1, samenvatting="x")


def test_after_the_wijktoets_phase_the_wijktoets_is_fixed(gemeente, projectleider):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider, keuze=True)
    with pytest.raises(services.WijktoetsNietBewerkbaar, match="Keuze warmteoplossing"):
        services.wijktoets_opslaan(wijkplan=plan, user=projectleider, versie=1, samenvatting="x")


def test_a_plan_paused_in_the_wijktoets_phase_can_revise_it(gemeente, projectleider):
    plan = factories.WijkplanFactory(
        gemeente=gemeente,
        projectleider=projectleider,
        gepauzeerd=True,
        fase_voor_pauze=Fase.WIJKTOETS,
    )
    toets = services.wijktoets_opslaan(
        wijkplan=plan, user=projectleider, versie=1, samenvatting="Situatie veranderd."
    )
    assert toets.samenvatting == "Situatie veranderd."


def test_a_stale_edit_is_refused_and_changes_nothing(plan, projectleider):
    services.wijktoets_opslaan(wijkplan=plan, user=projectleider, versie=1, samenvatting="Eerst")
    with pytest.raises(StaleVersion):
        services.wijktoets_opslaan(
            wijkplan=plan,
            user=projectleider,
            versie=1,
            samenvatting="Later",
            bevindingen={Thema.VEILIGHEID: BevindingInvoer(tekst="x", beoordeling="kans")},
        )
    toets = selectors.wijktoets_voor(plan)
    assert toets.samenvatting == "Eerst"
    assert toets.themas_ingevuld() == 0
    with pytest.raises(StaleVersion):
        services.wijktoets_afronden(wijkplan=plan, user=projectleider, versie=1)


# --- At the same moment (PostgreSQL) -----------------------------------------------------------


def _tegelijk(*acties):
    """Run the actions in threads that start together; each result or exception, in order."""
    start = threading.Barrier(len(acties))
    uitkomsten: list[object] = [None] * len(acties)

    def run(i, actie):
        try:
            start.wait(timeout=10)
            uitkomsten[i] = actie()
        except Exception as exc:
            uitkomsten[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(acties)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return uitkomsten


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_edits_at_once_one_wins_the_other_is_stale(plan, projectleider):
    assert connection.vendor == "postgresql"
    uitkomsten = _tegelijk(
        lambda: services.wijktoets_opslaan(
            wijkplan=Wijkplan.objects.get(pk=plan.pk), user=projectleider, versie=1, bronnen="A"
        ),
        lambda: services.wijktoets_opslaan(
            wijkplan=Wijkplan.objects.get(pk=plan.pk), user=projectleider, versie=1, bronnen="B"
        ),
    )
    assert sorted(type(u).__name__ for u in uitkomsten) == ["StaleVersion", "Wijktoets"]
    winnaar = next(u for u in uitkomsten if not isinstance(u, Exception))
    assert selectors.wijktoets_voor(plan).bronnen == winnaar.bronnen


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_reopening_and_moving_on_at_once_never_both_happen(plan, projectleider):
    """The plan cannot reach the verkenning with a re-opened (concept) wijktoets."""
    assert connection.vendor == "postgresql"
    afgeronde_wijktoets(plan, projectleider)
    versie = huidige_versie(plan)
    uitkomsten = _tegelijk(
        lambda: wijkplan_transition(
            wijkplan=Wijkplan.objects.get(pk=plan.pk),
            overgang="start_verkenning",
            user=projectleider,
        ),
        lambda: services.wijktoets_opslaan(
            wijkplan=Wijkplan.objects.get(pk=plan.pk),
            user=projectleider,
            versie=versie,
            bronnen="Herzien",
        ),
    )
    overgang, bewerking = uitkomsten
    plan.refresh_from_db()
    toets = selectors.wijktoets_voor(plan)
    if isinstance(overgang, Exception):
        assert isinstance(overgang, GatesNotMet)
        assert (plan.fase, toets.afgerond) == (Fase.WIJKTOETS, False)
    else:
        assert isinstance(bewerking, services.WijktoetsNietBewerkbaar)
        assert (plan.fase, toets.afgerond) == (Fase.VERKENNING, True)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_postgresql_itself_refuses_to_change_a_completed_version(gemeente, projectleider):
    from django.db import DatabaseError, transaction

    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    versie = afgeronde_wijktoets(plan, projectleider)
    with (
        pytest.raises(DatabaseError, match="kan niet worden gewijzigd"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM wijktoets_wijktoetsversie WHERE id = %s", [versie.pk])
