"""The beheerder's admin: areas and roles can be managed; plans and their history only read."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from guardian.shortcuts import get_group_perms

from tests import factories
from tests.factories import inloggen
from wup import permissions, services
from wup.constants import Rol
from wup.models import Faseovergang, Wijkplan


@pytest.fixture
def admin_client(client, beheerder):
    inloggen(client, beheerder)
    return client


def _submit(client, url, data):
    """Post a form as the browser does: with the CSRF token it received with the form."""
    client.get(url)
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


@pytest.fixture
def historie(plan, projectleider):
    return services.wijkplan_transition(
        wijkplan=plan, overgang="start_verkenning", user=projectleider, motivatie="Klaar."
    )


@pytest.mark.parametrize("model", ["gemeente", "wijk", "buurt", "wijkplan", "faseovergang"])
def test_beheerder_opens_the_admin_lists(admin_client, plan, historie, model):
    response = admin_client.get(reverse(f"admin:wup_{model}_changelist"))
    assert response.status_code == 200


def test_beheerder_searches_buurten_by_code(admin_client, plan):
    buurt = plan.buurten.get()
    response = admin_client.get(reverse("admin:wup_buurt_changelist"), {"q": buurt.code})
    assert buurt.naam in response.text


def test_other_roles_cannot_enter_the_admin(client, projectleider, griffier):
    for user in (projectleider, griffier):
        client.force_login(user)
        response = client.get(reverse("admin:index"))
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]


def test_beheerder_makes_someone_griffier_of_a_gemeente(admin_client, gemeente, plan):
    page = admin_client.get(reverse("admin:wup_gemeente_permissions", args=[gemeente.pk]))
    assert page.status_code == 200

    clerk = factories.UserFactory(rol=Rol.GRIFFIER)
    url = reverse("admin:wup_gemeente_permissions_manage_user", args=[gemeente.pk, clerk.pk])
    form = admin_client.get(url)
    assert "Griffier van deze gemeente" in form.text
    assert "delete_gemeente" not in form.text  # only the permissions that mean a role
    response = _submit(admin_client, url, {"permissions": ["griffie_gemeente"]})
    assert response.status_code == 302
    assert permissions.is_griffier(plan, clerk)
    assert not permissions.may_create_in(gemeente, clerk)


def test_beheerder_assigns_a_second_projectleider_to_a_plan(admin_client, plan):
    page = admin_client.get(reverse("admin:wup_wijkplan_permissions", args=[plan.pk]))
    assert page.status_code == 200
    assert "projectleider" in page.text  # the current projectleider is listed

    collega = factories.projectleider()
    url = reverse("admin:wup_wijkplan_permissions_manage_user", args=[plan.pk, collega.pk])
    response = _submit(admin_client, url, {"permissions": ["change_wijkplan"]})
    assert response.status_code == 302
    collega = type(collega).objects.get(pk=collega.pk)  # fresh permission cache
    assert permissions.is_projectleider(plan, collega)
    assert permissions.may_view(plan, collega)  # leading a plan implies seeing it

    _submit(admin_client, url, {"permissions": ["view_wijkplan"]})
    collega = type(collega).objects.get(pk=collega.pk)
    assert not permissions.is_projectleider(plan, collega)
    assert permissions.may_view(plan, collega)

    _submit(admin_client, url, {"permissions": []})
    collega = type(collega).objects.get(pk=collega.pk)
    assert not permissions.may_view(plan, collega)


def test_roles_go_to_people_not_groups(admin_client, plan):
    groep = Group.objects.get(name=Rol.PROJECTLEIDER)
    url = reverse("admin:wup_wijkplan_permissions_manage_group", args=[plan.pk, groep.pk])
    response = admin_client.post(url, {"permissions": ["change_wijkplan"]}, follow=True)
    assert "niet aan groepen" in response.text
    assert not get_group_perms(groep, plan).exists()


def test_beheerder_reads_a_plan_with_its_history_but_cannot_change_it(admin_client, plan, historie):
    url = reverse("admin:wup_wijkplan_change", args=[plan.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert plan.naam in page.text
    assert 'name="naam"' not in page.text  # shown, not editable
    assert "Klaar." in page.text  # the history inline
    assert reverse("admin:wup_wijkplan_permissions", args=[plan.pk]) in page.text

    response = admin_client.post(url, {"naam": "Gewijzigd via de admin"})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.naam != "Gewijzigd via de admin"
    assert admin_client.get(reverse("admin:wup_wijkplan_add")).status_code == 403
    delete = reverse("admin:wup_wijkplan_delete", args=[plan.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Wijkplan.objects.filter(pk=plan.pk).exists()


def test_no_history_row_can_be_added_changed_or_deleted(admin_client, historie):
    change = reverse("admin:wup_faseovergang_change", args=[historie.pk])
    assert admin_client.get(change).status_code == 200  # readable
    assert admin_client.post(change, {"motivatie": "Herschreven."}).status_code == 403
    delete = reverse("admin:wup_faseovergang_delete", args=[historie.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client.get(reverse("admin:wup_faseovergang_add")).status_code == 403
    historie.refresh_from_db()
    assert historie.motivatie == "Klaar."
    assert Faseovergang.objects.filter(pk=historie.pk).exists()


def test_beheerder_cannot_make_anyone_superuser_or_widen_a_role(admin_client, beheerder):
    page = admin_client.get(reverse("admin:auth_user_change", args=[beheerder.pk]))
    assert page.status_code == 200
    assert 'name="groups"' in page.text  # roles are assigned here
    assert 'name="is_superuser"' not in page.text
    assert 'name="user_permissions"' not in page.text
    groep = Group.objects.get(name=Rol.BEHEERDER)
    page = admin_client.get(reverse("admin:auth_group_change", args=[groep.pk]))
    assert 'name="permissions"' not in page.text
