"""The audit trail: what is recorded, by whom, that it never changes, and who may read it."""

from __future__ import annotations

import datetime
import json

import pytest
from auditlog.context import set_actor
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories
from tests.factories import inloggen
from wup.audit import audit
from wup.celery import app as celery_app
from wup.constants import Rol
from wup.models import HistoryIsImmutable, Wijkplan, Wijziging

pytestmark = pytest.mark.django_db

EIGEN_APPS = {"wup", "wijktoets", "techniek", "participatie", "keuze", "uitwerking"}
EIGEN_APPS |= {"besluitvorming"}


def _pad_naar_plan(model, diepte: int = 4, gezien=None) -> bool:
    """Whether a chain of foreign keys leads from ``model`` to Wijkplan."""
    if model is Wijkplan:
        return True
    if diepte == 0:
        return False
    gezien = gezien or set()
    for veld in model._meta.concrete_fields:
        doel = veld.related_model if veld.is_relation else None
        if doel is None or doel in gezien or doel is get_user_model():
            continue
        if _pad_naar_plan(doel, diepte - 1, gezien | {model}):
            return True
    return False


def test_every_model_that_belongs_to_a_plan_is_recorded_or_exempt_with_a_reason():
    vergeten = [
        m._meta.label
        for m in apps.get_models()
        if m._meta.app_label in EIGEN_APPS and _pad_naar_plan(m) and not audit.is_opgegeven(m)
    ]
    assert vergeten == [], (
        "Geef deze modellen op in de registratie_audit van hun app: audit.register(...) "
        f"of audit.exempt(..., reden): {vergeten}"
    )
    for model in audit.modellen():
        assert audit.vrijstelling(model) is None


def test_residents_personal_data_models_are_exempt_and_named_fields_masked():
    from participatie.models import Aanmelding, Antwoord, EmailDeelname, Respons, Responscode

    for model in (Aanmelding, Antwoord, EmailDeelname, Respons, Responscode):
        assert "persoonsgegevens" in audit.vrijstelling(model)


def _wijzigingen(plan=None, **filters):
    qs = Wijziging.objects.all()
    if plan is not None:
        qs = qs.filter(wijkplan_id=plan.pk)
    return qs.filter(**filters)


def test_editing_a_plan_on_its_page_lands_in_the_trail_and_on_the_page(client, plan, projectleider):
    oude_naam = plan.naam
    client.force_login(projectleider)
    response = client.post(
        reverse("wijkplan-bewerken", args=[plan.pk]),
        {
            "naam": "Warmteplan Oost",
            "omschrijving": plan.omschrijving,
            "buurten": [b.pk for b in plan.buurten.all()],
            "bestuurlijk_opdrachtgever": plan.bestuurlijk_opdrachtgever,
            "ambtelijk_opdrachtgever": "",
            "beoogde_raadsdatum": "",
            "versie": plan.versie,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    w = _wijzigingen(plan, action=Wijziging.Action.UPDATE, changes__has_key="naam").get()
    assert w.actor == projectleider and w.bron == "web" and w.onderdeel == "wup"
    assert w.changes["naam"] == [oude_naam, "Warmteplan Oost"]
    page = client.get(reverse("wijkplan-wijzigingen", args=[plan.pk])).content.decode()
    assert f"{oude_naam} → Warmteplan Oost" in page
    assert projectleider.get_full_name() in page


# --- Append-only ----------------------------------------------------------------------------


def test_a_row_cannot_be_changed_or_deleted_through_the_orm(plan):
    w = _wijzigingen(plan).first()
    assert w is not None
    w.object_repr = "anders"
    with pytest.raises(HistoryIsImmutable):
        w.save()
    with pytest.raises(HistoryIsImmutable):
        w.delete()
    with pytest.raises(HistoryIsImmutable):
        Wijziging.objects.filter(pk=w.pk).update(object_repr="anders")
    with pytest.raises(HistoryIsImmutable):
        Wijziging.objects.filter(pk=w.pk).delete()


@pytest.mark.services
def test_postgresql_refuses_a_raw_update_or_delete(plan):
    assert connection.vendor == "postgresql"
    pk = _wijzigingen(plan).values_list("pk", flat=True).first()
    for sql in (
        "UPDATE wup_wijziging SET object_repr = 'vervalst' WHERE id = %s",
        "DELETE FROM wup_wijziging WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="wijzigingenlogboek"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [pk])
    assert Wijziging.objects.filter(pk=pk).exclude(object_repr="vervalst").exists()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@gemeente.example", "x" * 16)


def test_the_admin_is_read_only_even_for_a_superuser(client, superuser, plan):
    inloggen(client, superuser)
    w = _wijzigingen(plan).first()
    lijst = client.get(reverse("admin:wup_wijziging_changelist"))
    assert lijst.status_code == 200
    detail = client.get(reverse("admin:wup_wijziging_change", args=[w.pk]))
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    assert client.get(reverse("admin:wup_wijziging_add")).status_code == 403
    assert client.get(reverse("admin:wup_wijziging_delete", args=[w.pk])).status_code == 403
    response = client.post(
        reverse("admin:wup_wijziging_change", args=[w.pk]), {"object_repr": "anders"}
    )
    assert response.status_code == 403
    bulk = client.post(
        reverse("admin:wup_wijziging_changelist"),
        {"action": "delete_selected", "_selected_action": [w.pk]},
    )
    assert bulk.status_code in (200, 302)
    assert Wijziging.objects.filter(pk=w.pk, object_repr=w.object_repr).exists()


# --- Roles ----------------------------------------------------------------------------------


def _submit(client, url, data):
    client.get(url)
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_a_role_granted_and_taken_in_the_admin_appears_on_the_plans_page(
    client, beheerder, plan, projectleider
):
    collega = factories.projectleider(plan.gemeente, username="collega")
    inloggen(client, beheerder)
    url = reverse("admin:wup_wijkplan_permissions_manage_user", args=[plan.pk, collega.pk])
    _submit(client, url, {"permissions": ["change_wijkplan"]})
    gekregen = _wijzigingen(
        plan, onderdeel="rollen", action=Wijziging.Action.CREATE, actor=beheerder
    )
    assert any("collega" in w.object_repr for w in gekregen)
    _submit(client, url, {"permissions": []})
    kwijt = _wijzigingen(plan, onderdeel="rollen", action=Wijziging.Action.DELETE, actor=beheerder)
    assert kwijt.exists()

    client.force_login(projectleider)
    page = client.get(
        reverse("wijkplan-wijzigingen", args=[plan.pk]), {"onderdeel": "rollen"}
    ).content.decode()
    assert "collega" in page and "Rollen en rechten" in page
    assert "verwijderd" in page and "aangemaakt" in page
    assert beheerder.get_full_name() in page


def test_a_gemeente_role_and_group_membership_are_recorded_for_the_beheerder(
    client, beheerder, gemeente
):
    clerk = factories.UserFactory(username="clerk")
    inloggen(client, beheerder)
    url = reverse("admin:wup_gemeente_permissions_manage_user", args=[gemeente.pk, clerk.pk])
    _submit(client, url, {"permissions": ["griffie_gemeente"]})
    rol = Wijziging.objects.get(
        onderdeel="rollen", actor=beheerder, content_type__model="userobjectpermission"
    )
    assert rol.wijkplan_id is None and "clerk" in rol.object_repr
    assert "Griffier" in rol.object_repr or "griffie" in rol.object_repr.lower()

    clerk.groups.add(Group.objects.get_or_create(name=Rol.GRIFFIER.value)[0])
    lid = Wijziging.objects.get(
        content_type__model="user", object_pk=str(clerk.pk), changes__has_key="groups"
    )
    assert lid.changes["groups"]["operation"] == "add"
    assert lid.changes["groups"]["objects"] == [Rol.GRIFFIER.value]
    lijst = client.get(reverse("admin:wup_wijziging_changelist"), {"onderdeel": "rollen"})
    assert "clerk" in lijst.content.decode()


def test_account_changes_are_recorded_but_never_the_password(beheerder):
    user = factories.UserFactory(username="nieuw")
    user.set_password("een-heel-geheim-wachtwoord")
    user.is_staff = True
    user.save()
    rijen = Wijziging.objects.filter(content_type__model="user", object_pk=str(user.pk))
    assert rijen.filter(action=Wijziging.Action.UPDATE).get().changes == {"is_staff": [False, True]}
    alles = json.dumps(list(rijen.values("changes", "object_repr")), default=str)
    assert "password" not in alles and user.password not in alles


# --- Who acted: API tokens and tasks ----------------------------------------------------------


def test_a_token_authenticated_api_change_is_recorded_with_the_tokens_user(plan, projectleider):
    token = Token.objects.create(user=projectleider)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.patch(
        f"/api/v1/wijkplannen/{plan.pk}",
        {"versie": plan.versie, "omschrijving": "Samen met de rioolvervanging."},
        format="json",
    )
    assert response.status_code == 200, response.content
    w = _wijzigingen(plan, action=Wijziging.Action.UPDATE, changes__has_key="omschrijving").get()
    assert w.actor == projectleider
    assert w.actor_email == projectleider.email
    assert w.bron == "api"
    assert w.changes["omschrijving"][1] == "Samen met de rioolvervanging."


@celery_app.task(name="tests.audit.plan_hernoemen")
def _plan_hernoemen(pk: int) -> None:
    plan = Wijkplan.objects.get(pk=pk)
    plan.naam = "Door een taak hernoemd"
    plan.save()


def test_a_task_outside_a_request_acts_as_the_system_and_says_which_task(plan):
    _plan_hernoemen.apply(args=[plan.pk])
    w = _wijzigingen(plan, action=Wijziging.Action.UPDATE, changes__has_key="naam").get()
    assert w.actor is None
    assert w.bron == "taak tests.audit.plan_hernoemen"


def test_a_plain_command_acts_as_the_system(plan):
    plan.naam = "Hernoemd in de shell"
    plan.save()
    w = _wijzigingen(plan, action=Wijziging.Action.UPDATE, changes__has_key="naam").get()
    assert w.actor is None and w.bron == "systeem"


# --- The page -------------------------------------------------------------------------------


def _hernoemen(plan, n: int, door=None) -> None:
    with set_actor(door):
        for i in range(n):
            plan.naam = f"Naam {i}"
            plan.save()


def _pagina(client, plan, **params):
    return client.get(reverse("wijkplan-wijzigingen", args=[plan.pk]), params)


def test_queries_per_page_do_not_grow_with_the_rows_shown(client, plan, projectleider):
    client.force_login(projectleider)
    _hernoemen(plan, 5, projectleider)
    _pagina(client, plan, door=projectleider.pk)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as weinig:
        assert _pagina(client, plan, door=projectleider.pk).status_code == 200
    _hernoemen(plan, 45, projectleider)
    with CaptureQueriesContext(connection) as veel:
        page = _pagina(client, plan, door=projectleider.pk)
    assert page.content.decode().count("Naam 4") >= 1
    assert len(veel.captured_queries) == len(weinig.captured_queries), (
        "\n".join(q["sql"][:150] for q in veel.captured_queries)
        + "\n----\n"
        + "\n".join(q["sql"][:150] for q in weinig.captured_queries)
    )


def test_the_page_filters_by_part_person_and_period_and_pages(client, plan, projectleider):
    client.force_login(projectleider)
    andere = factories.projectleider(plan.gemeente, username="andere")
    _hernoemen(plan, 60, projectleider)
    _hernoemen(plan, 1, andere)
    page = _pagina(client, plan).content.decode()
    assert "Pagina 1 van 2" in page
    assert "Oudere wijzigingen" in page
    door = _pagina(client, plan, door=andere.pk).content.decode()
    assert "1 wijziging<" in door or "1 wijziging\n" in door or ">1 wijziging" in door
    morgen = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    leeg = _pagina(client, plan, van=morgen).content.decode()
    assert "geen wijzigingen gevonden" in leeg
    stap = _pagina(client, plan, onderdeel="rollen").content.decode()
    assert "Naam 3" not in stap


def test_a_bad_date_gets_a_dutch_message_and_the_page_still_works(client, plan, projectleider):
    client.force_login(projectleider)
    response = _pagina(client, plan, van="31-31-2026", tot="2020-01-01")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vul een datum in, bijvoorbeeld 2026-03-31." in page


def test_long_text_is_shortened_with_the_full_value_available(client, plan, projectleider):
    client.force_login(projectleider)
    lang = "Aardgasvrij " * 30
    plan.omschrijving = lang
    plan.save()
    page = _pagina(client, plan).content.decode()
    assert "<details>" in page and lang.strip() in page and "…" in page


def test_the_csv_export_has_one_line_per_changed_field(client, plan, projectleider):
    client.force_login(projectleider)
    with set_actor(projectleider):
        plan.naam = "=HYPERLINK(x)"
        plan.save()
    response = client.get(reverse("wijkplan-wijzigingen-export", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    tekst = response.content.decode("utf-8-sig")
    kop = tekst.splitlines()[0]
    assert kop == "Tijdstip;Onderdeel;Soort object;Object;Objectnummer;Actie;Door;Bron;Veld;Voor;Na"
    regel = next(r for r in tekst.splitlines() if ";Naam;" in r and "HYPERLINK" in r)
    assert "'=HYPERLINK(x)" in regel  # never run as a formula
    assert projectleider.get_full_name() in regel


# --- The API ----------------------------------------------------------------------------------


def test_the_api_lists_the_plans_changes_paged_with_before_and_after(plan, projectleider):
    oud = plan.naam
    with set_actor(projectleider):
        plan.naam = "Via de API te lezen"
        plan.save()
    api = APIClient()
    api.force_login(projectleider)
    response = api.get(f"/api/v1/wijkplannen/{plan.pk}/wijzigingen", {"onderdeel": "wup"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 1
    nieuwste = body["results"][0]
    assert nieuwste["actie"] == "gewijzigd"
    assert nieuwste["door"] == projectleider.get_full_name()
    assert nieuwste["onderdeelLabel"] == "Plan"
    assert {"veld": "Naam", "voor": oud, "na": "Via de API te lezen"} in nieuwste["velden"]


def test_the_api_refuses_another_projectleider_with_a_problem(plan, gemeente):
    andere = factories.projectleider(gemeente, username="andere")
    api = APIClient()
    api.force_login(andere)
    response = api.get(f"/api/v1/wijkplannen/{plan.pk}/wijzigingen")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")


def test_after_an_in_process_task_the_surrounding_actor_still_counts(plan, projectleider):
    with set_actor(projectleider):
        _plan_hernoemen.apply(args=[plan.pk])
        plan.refresh_from_db()
        plan.naam = "Daarna door de projectleider"
        plan.save()
    w = _wijzigingen(plan, action=Wijziging.Action.UPDATE, changes__has_key="naam").first()
    assert w.changes["naam"][1] == "Daarna door de projectleider"
    assert w.actor == projectleider
