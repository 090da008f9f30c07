"""Document versions: numbering, the task (idempotent, retries, failures), append-only, access."""

import hashlib
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, OperationalError, transaction

from besluitvorming import services, tasks
from besluitvorming.models import Documentversie, VersieOnveranderlijk
from besluitvorming.pdf import RenderFout
from tests.besluitvorming.conftest import pdf_tekst
from tests.factories import WijkplanFactory, projectleider


@pytest.fixture
def snel(monkeypatch):
    """A stand-in for the renderer where the test is about the version, not the PDF."""
    aanroepen = []

    def renderen(plan, **kwargs):
        aanroepen.append((plan.pk, kwargs))
        return b"%PDF-1.7 versie " + str(kwargs["nummer"]).encode()

    monkeypatch.setattr(services, "pdf_renderen", renderen)
    return aanroepen


def test_numbers_go_up_per_plan(plan, projectleider, gemeente):
    ander = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    a1 = services.documentversie_aanvragen(plan=plan, user=projectleider)
    a2 = services.documentversie_aanvragen(plan=plan, user=projectleider)
    b1 = services.documentversie_aanvragen(plan=ander, user=projectleider)
    a3 = services.documentversie_aanvragen(plan=plan, user=projectleider)

    assert [a1.nummer, a2.nummer, a3.nummer, b1.nummer] == [1, 2, 3, 1]
    assert a1.status == Documentversie.Status.WACHTRIJ
    assert a1.fase == plan.fase and a1.definitief is False


def test_the_same_request_key_gives_the_same_version(plan, projectleider):
    sleutel = uuid.uuid4()
    eerste = services.documentversie_aanvragen(plan=plan, user=projectleider, sleutel=sleutel)
    tweede = services.documentversie_aanvragen(plan=plan, user=projectleider, sleutel=sleutel)
    assert eerste.pk == tweede.pk
    assert Documentversie.objects.count() == 1


def test_the_task_is_queued_after_commit_and_makes_the_pdf(
    plan, projectleider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    assert len(callbacks) == 1

    v.refresh_from_db()
    assert v.status == Documentversie.Status.KLAAR and v.gereed_op is not None
    data = v.bestand.read()
    assert v.sha256 == hashlib.sha256(data).hexdigest()
    assert v.grootte == len(data)
    assert v.bestand.name == f"prive/plandocumenten/{plan.pk}/plandocument-{plan.pk}-versie-1.pdf"
    tekst = pdf_tekst(data)
    assert plan.naam in tekst and "CONCEPT" in tekst


def test_an_adopted_plan_gets_a_final_version(gemeente, projectleider, snel):
    plan = WijkplanFactory(gemeente=gemeente, projectleider=projectleider, vastgesteld=True)
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    tasks.documentversie_maken.apply(args=[v.pk])
    v.refresh_from_db()
    assert v.definitief is True and v.fase == "vastgesteld"
    assert snel[0][1]["definitief"] is True


def test_a_second_delivery_does_nothing(plan, projectleider, snel, settings):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    assert tasks.documentversie_maken.apply(args=[v.pk]).get() == "klaar"
    v.refresh_from_db()
    eerst = (v.bestand.name, v.sha256, v.gereed_op)

    assert tasks.documentversie_maken.apply(args=[v.pk]).get() == "klaar"

    v.refresh_from_db()
    assert (v.bestand.name, v.sha256, v.gereed_op) == eerst
    assert len(snel) == 1 and v.pogingen == 1
    assert Documentversie.objects.count() == 1
    map_ = settings.MEDIA_ROOT / "prive" / "plandocumenten" / str(plan.pk)
    assert [p.name for p in map_.iterdir()] == [v.bestandsnaam]


def test_a_file_left_by_a_died_attempt_is_replaced_not_duplicated(
    plan, projectleider, snel, settings
):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    map_ = settings.MEDIA_ROOT / "prive" / "plandocumenten" / str(plan.pk)
    map_.mkdir(parents=True)
    (map_ / v.bestandsnaam).write_bytes(b"half")
    Documentversie.objects.filter(pk=v.pk).update(status="bezig")  # the worker died here

    tasks.documentversie_maken.apply(args=[v.pk])

    v.refresh_from_db()
    assert v.status == "klaar" and v.bestand.read() == b"%PDF-1.7 versie 1"
    assert [p.name for p in map_.iterdir()] == [v.bestandsnaam]


def test_a_render_error_marks_the_version_failed_with_a_message(plan, projectleider, monkeypatch):
    def kapot(plan, **kwargs):
        raise RenderFout("De PDF wordt groter dan 50 MB en is daarom niet gemaakt.")

    monkeypatch.setattr(services, "pdf_renderen", kapot)
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    assert tasks.documentversie_maken.apply(args=[v.pk]).get() == "mislukt"
    v.refresh_from_db()
    assert v.status == "mislukt" and "groter dan 50 MB" in v.melding and not v.bestand


def test_an_unexpected_error_fails_with_a_plain_message(plan, projectleider, monkeypatch):
    monkeypatch.setattr(services, "pdf_renderen", lambda plan, **kw: 1 / 0)
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    v.refresh_from_db()
    assert v.status == "mislukt" and "fout in het programma" in v.melding


def test_a_transient_error_is_retried_with_backoff(plan, projectleider, monkeypatch):
    def weg(plan, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "pdf_renderen", weg)
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    with pytest.raises(OperationalError):
        services.documentversie_maken(versie_id=v.pk)
    v.refresh_from_db()
    assert v.status == "bezig"  # not failed: the next delivery renders it
    taak = tasks.documentversie_maken
    assert OperationalError in taak.autoretry_for and taak.retry_backoff and taak.acks_late


def test_a_finished_version_is_never_changed(plan, projectleider, snel):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    v.refresh_from_db()

    v.sha256 = "0" * 64
    with pytest.raises(VersieOnveranderlijk):
        v.save()
    with pytest.raises(VersieOnveranderlijk):
        v.delete()


@pytest.mark.services
def test_postgresql_refuses_to_change_a_finished_version(plan, projectleider, snel):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    for poging in (
        lambda: Documentversie.objects.filter(pk=v.pk).update(sha256="0" * 64),
        lambda: Documentversie.objects.filter(pk=v.pk).delete(),
    ):
        with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"), transaction.atomic():
            poging()
    # a version still in the queue may be updated by the worker
    w = services.documentversie_aanvragen(plan=plan, user=projectleider)
    Documentversie.objects.filter(pk=w.pk).update(status="bezig")


def test_only_the_projectleider_or_a_beheerder_requests(plan, gemeente, griffier, beheerder):
    andere = projectleider(gemeente, username="andere")
    with pytest.raises(PermissionDenied):
        services.documentversie_aanvragen(plan=plan, user=andere)
    raadsplan = WijkplanFactory(gemeente=gemeente, ter_besluitvorming=True)
    with pytest.raises(PermissionDenied):
        services.documentversie_aanvragen(plan=raadsplan, user=griffier)  # he reads, not asks
    assert services.documentversie_aanvragen(plan=plan, user=beheerder).nummer == 1
    assert Documentversie.objects.count() == 1


def test_a_request_key_of_another_plan_is_refused(plan, projectleider, gemeente):
    ander = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    sleutel = uuid.uuid4()
    services.documentversie_aanvragen(plan=ander, user=projectleider, sleutel=sleutel)
    with pytest.raises(PermissionDenied):
        services.documentversie_aanvragen(plan=plan, user=projectleider, sleutel=sleutel)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_get_the_next_two_numbers(plan, projectleider, monkeypatch):
    import threading

    from django.db import connection

    # Only the numbering: eager tasks in two threads would race on Celery's global state.
    monkeypatch.setattr(services.transaction, "on_commit", lambda f: None)

    start = threading.Barrier(2)
    nummers, fouten = [], []

    def aanvragen():
        try:
            start.wait()
            nummers.append(services.documentversie_aanvragen(plan=plan, user=projectleider).nummer)
        except Exception as e:  # pragma: no cover - reported below
            fouten.append(e)
        finally:
            connection.close()

    draden = [threading.Thread(target=aanvragen) for _ in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()

    assert fouten == []
    assert sorted(nummers) == [1, 2]
    assert Documentversie.objects.filter(wijkplan=plan).count() == 2
