"""Creating and editing plans; history that cannot be rewritten; concurrent transitions."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction

from tests.factories import BuurtFactory, GemeenteFactory, WijkFactory, WijkplanFactory
from tests.factories import projectleider as make_projectleider
from wup.constants import Fase
from wup.exceptions import PlanFrozen, StaleVersion, TransitionConflict
from wup.models import Buurt, Faseovergang, HistoryIsImmutable, Wijk, Wijkplan
from wup.permissions import is_projectleider
from wup.services import wijkplan_create, wijkplan_transition, wijkplan_update


@pytest.fixture
def buurten(gemeente):
    wijk = WijkFactory(gemeente=gemeente, code="WK023300", naam="Ermelo")
    return [
        BuurtFactory(wijk=wijk, code="BU02330001", naam="Ermelo-Oost"),
        BuurtFactory(wijk=wijk, code="BU02330002", naam="Ermelo-West"),
    ]


def test_create_makes_the_creator_projectleider_and_starts_the_history(
    gemeente, projectleider, buurten
):
    plan = wijkplan_create(
        user=projectleider,
        gemeente=gemeente,
        naam="Warmteplan Ermelo-Oost en -West",
        buurten=buurten,
    )

    assert plan.fase == Fase.WIJKTOETS
    assert plan.slug == "warmteplan-ermelo-oost-en-west"
    assert set(plan.buurten.values_list("code", flat=True)) == {"BU02330001", "BU02330002"}
    assert is_projectleider(plan, projectleider)
    assert list(plan.historie.values_list("overgang", "door")) == [("aanmaken", projectleider.pk)]


def test_create_refuses_buurten_of_another_gemeente_and_saves_nothing(
    gemeente, projectleider, buurten
):
    elders = BuurtFactory(
        wijk=WijkFactory(gemeente=GemeenteFactory(code="GM0200", naam="Apeldoorn"))
    )
    with pytest.raises(ValidationError) as exc:
        wijkplan_create(
            user=projectleider, gemeente=gemeente, naam="Plan", buurten=[buurten[0], elders]
        )
    assert "liggen niet in Ermelo" in exc.value.message_dict["buurten"][0]
    assert not Wijkplan.objects.exists()


def test_create_needs_at_least_one_buurt(gemeente, projectleider):
    with pytest.raises(ValidationError, match="minstens één buurt"):
        wijkplan_create(user=projectleider, gemeente=gemeente, naam="Plan", buurten=[])


def test_create_requires_the_right_to_start_plans_in_the_gemeente(db, buurten, gemeente):
    zonder_recht = make_projectleider(None, username="elders")
    with pytest.raises(PermissionDenied, match="geen wijkplannen aanmaken in Ermelo"):
        wijkplan_create(user=zonder_recht, gemeente=gemeente, naam="Plan", buurten=buurten)


def test_two_plans_with_the_same_name_get_distinct_web_addresses(gemeente, projectleider, buurten):
    a = wijkplan_create(user=projectleider, gemeente=gemeente, naam="Ermelo", buurten=buurten)
    b = wijkplan_create(user=projectleider, gemeente=gemeente, naam="Ermelo", buurten=buurten)
    assert (a.slug, b.slug) == ("ermelo", "ermelo-2")


def test_update_with_an_old_version_is_refused_and_saves_nothing(plan, projectleider):
    wijkplan_update(wijkplan=plan, user=projectleider, versie=1, naam="Nieuwe naam")
    with pytest.raises(StaleVersion):
        wijkplan_update(wijkplan=plan, user=projectleider, versie=1, naam="Andere naam")
    plan.refresh_from_db()
    assert (plan.naam, plan.versie) == ("Nieuwe naam", 2)


def test_adopted_plan_cannot_be_edited(gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, vastgesteld=True)
    with pytest.raises(PlanFrozen, match="vastgesteld door de raad"):
        wijkplan_update(wijkplan=plan, user=projectleider, versie=plan.versie, naam="Anders")


def test_invalid_field_in_update_rolls_back_everything(plan, projectleider):
    with pytest.raises(ValidationError):
        wijkplan_update(
            wijkplan=plan,
            user=projectleider,
            versie=1,
            naam="x" * 300,
            omschrijving="Mag niet blijven staan",
        )
    plan.refresh_from_db()
    assert plan.omschrijving != "Mag niet blijven staan"
    assert plan.versie == 1


@pytest.mark.parametrize(
    ("model", "kwargs", "field", "message"),
    [
        (Wijk, {"code": "WK02330", "naam": "x"}, "code", "WK, de 4 cijfers van de gemeente"),
        (Buurt, {"code": "BU023A0001", "naam": "x"}, "code", "BU, de 4 cijfers van de gemeente"),
    ],
)
def test_cbs_code_formats_are_validated(gemeente, model, kwargs, field, message):
    parent = {"gemeente": gemeente} if model is Wijk else {"wijk": WijkFactory(gemeente=gemeente)}
    obj = model(**kwargs, **parent)
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    assert message in exc.value.message_dict[field][0]


def test_gemeente_code_is_normalised_and_validated(db):
    from wup.models import Gemeente

    with pytest.raises(ValidationError, match="GM gevolgd door 4 cijfers"):
        Gemeente(code="0233", naam="Ermelo").full_clean()
    ok = Gemeente(code=" gm0233 ", naam="Ermelo")
    ok.full_clean()
    assert ok.code == "GM0233"


def test_cbs_codes_with_letters_are_valid(db):
    """Amsterdam numbers its wijken and buurten with letters."""
    wijk = WijkFactory(gemeente=GemeenteFactory(code="GM0363"), code="WK0363AF")
    Buurt(code="BU0363AF01", naam="Burgwallen-Oost", wijk=wijk).full_clean()


def test_buurt_code_must_fall_under_its_wijk(gemeente):
    wijk = WijkFactory(gemeente=gemeente, code="WK023300")
    with pytest.raises(ValidationError, match="hoort niet bij wijk WK023300"):
        Buurt(code="BU02330101", naam="x", wijk=wijk).full_clean()


def test_history_cannot_be_changed_or_deleted_through_the_orm(plan, projectleider):
    rij = wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=projectleider)
    rij.motivatie = "Achteraf aangepast"
    with pytest.raises(HistoryIsImmutable):
        rij.save()
    with pytest.raises(HistoryIsImmutable):
        rij.delete()
    with pytest.raises(HistoryIsImmutable):
        Faseovergang.objects.filter(pk=rij.pk).update(motivatie="x")
    with pytest.raises(HistoryIsImmutable):
        Faseovergang.objects.filter(pk=rij.pk).delete()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_postgresql_itself_refuses_to_rewrite_history(gemeente, projectleider):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    rij = wijkplan_transition(wijkplan=plan, overgang="start_verkenning", user=projectleider)
    with (
        pytest.raises(DatabaseError, match="historie van een wijkplan"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE wup_faseovergang SET motivatie = 'x' WHERE id = %s", [rij.pk])


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_users_moving_the_same_plan_at_once_one_wins_one_gets_a_conflict(gemeente):
    """Two projectleiders press a button at the same moment on PostgreSQL."""
    assert connection.vendor == "postgresql"
    eerste = make_projectleider(gemeente, username="eerste")
    tweede = make_projectleider(gemeente, username="tweede")
    plan = WijkplanFactory(gemeente=gemeente, projectleider=eerste, verkenning=True)
    from guardian.shortcuts import assign_perm

    assign_perm("wup.change_wijkplan", tweede, plan)
    assign_perm("wup.view_wijkplan", tweede, plan)

    start = threading.Barrier(2)
    uitkomsten: dict[str, object] = {}

    def druk(user, overgang, motivatie):
        try:
            start.wait(timeout=10)
            uitkomsten[user.username] = wijkplan_transition(
                wijkplan=Wijkplan.objects.get(pk=plan.pk),
                overgang=overgang,
                user=user,
                motivatie=motivatie,
                verwachte_fase=Fase.VERKENNING,
            )
        except Exception as exc:
            uitkomsten[user.username] = exc
        finally:
            connection.close()

    threads = [
        threading.Thread(target=druk, args=(eerste, "start_keuze", "")),
        threading.Thread(target=druk, args=(tweede, "pauzeren", "Wachten op de netbeheerder.")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    soorten = sorted(type(u).__name__ for u in uitkomsten.values())
    assert soorten == ["Faseovergang", "TransitionConflict"]
    conflict = next(u for u in uitkomsten.values() if isinstance(u, TransitionConflict))
    assert "Er is niets gewijzigd" in conflict.message
    plan.refresh_from_db()
    assert Faseovergang.objects.filter(wijkplan=plan).count() == 1
    winnaar = Faseovergang.objects.get(wijkplan=plan)
    assert plan.fase == winnaar.naar_fase


def test_area_update_creates_and_renames_by_code_and_places_each_under_its_parent(db):
    from wup.models import Gemeente
    from wup.services import GebiedRegel, gebieden_bijwerken

    gebieden_bijwerken(regels=[GebiedRegel("GM0233", "Ermelo"), GebiedRegel("BU02330001 ", "Oost")])
    aantallen = gebieden_bijwerken(
        regels=[GebiedRegel("WK023300", "Wijk 00 Ermelo"), GebiedRegel("BU02330001", "Ermelo-Oost")]
    )

    assert aantallen == {"GM": 1, "WK": 1, "BU": 1}
    buurt = Buurt.objects.select_related("wijk__gemeente").get(code="BU02330001")
    assert (buurt.naam, buurt.wijk.naam, buurt.wijk.gemeente.naam) == (
        "Ermelo-Oost",
        "Wijk 00 Ermelo",
        "Ermelo",
    )
    assert Gemeente.objects.count() == 1


def test_area_update_with_a_bad_code_saves_nothing_and_names_every_bad_code(db):
    from wup.services import GebiedRegel, gebieden_bijwerken

    with pytest.raises(ValidationError) as exc:
        gebieden_bijwerken(
            regels=[
                GebiedRegel("GM0233", "Ermelo"),
                GebiedRegel("BU0233", "x"),
                GebiedRegel("XX1", "y"),
            ]
        )
    assert [m.split(":")[0] for m in exc.value.messages] == ["BU0233", "XX1"]
    assert not Buurt.objects.exists()
