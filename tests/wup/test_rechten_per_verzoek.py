"""A request remembers the user's rights on a plan: the same answers, loaded once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from guardian.shortcuts import assign_perm

from tests import factories
from wup import permissions

pytestmark = pytest.mark.django_db


def _vragen(user, plannen) -> list[tuple[bool, bool, bool]]:
    return [
        (
            permissions.may_view(p, user),
            permissions.is_projectleider(p, user),
            permissions.is_griffier(p, user),
        )
        for p in plannen
    ]


@pytest.fixture
def situatie():
    gemeente = factories.GemeenteFactory()
    leider = factories.projectleider(gemeente)
    eigen = factories.WijkplanFactory(gemeente=gemeente, projectleider=leider)
    ander = factories.WijkplanFactory(gemeente=gemeente)
    bij_de_raad = factories.WijkplanFactory(gemeente=gemeente, ter_besluitvorming=True)
    griffier = factories.griffier(gemeente)
    meelezer = factories.UserFactory()
    assign_perm("wup.view_wijkplan", meelezer, ander)
    inactief = factories.projectleider(gemeente)
    assign_perm("wup.change_wijkplan", inactief, eigen)
    inactief.is_active = False
    inactief.save()
    return [eigen, ander, bij_de_raad], [leider, griffier, meelezer, inactief]


def test_remembered_rights_answer_as_the_database_does(situatie):
    plannen, gebruikers = situatie
    for user in gebruikers:
        zonder = _vragen(user, plannen)
        permissions.per_verzoek(user)
        assert _vragen(user, plannen) == zonder, user.username
    leider, griffier, meelezer, inactief = gebruikers
    eigen, ander, bij_de_raad = plannen
    assert _vragen(leider, [eigen]) == [(True, True, False)]
    assert _vragen(leider, [ander]) == [(False, False, False)]
    assert _vragen(griffier, [bij_de_raad]) == [(True, False, True)]
    assert _vragen(griffier, [ander]) == [(False, False, True)]
    assert _vragen(meelezer, [ander]) == [(True, False, False)]
    assert _vragen(inactief, [eigen]) == [(False, False, False)]


def test_remembered_rights_are_asked_once_per_plan(situatie):
    (eigen, _ander, _raad), (leider, *_rest) = situatie
    permissions.per_verzoek(leider)
    with CaptureQueriesContext(connection) as q:
        for _ in range(5):
            assert permissions.is_projectleider(eigen, leider)
            assert permissions.may_view(eigen, leider)
    objectrechten = [x for x in q.captured_queries if "objectpermission" in x["sql"]]
    # One query for the user's own rights on the plan, one for those of their groups.
    assert len(objectrechten) == 2


def test_without_the_memo_a_granted_right_counts_at_once(situatie):
    """Outside a request (services, tasks) every question goes to the database."""
    (_eigen, ander, _raad), (leider, *_rest) = situatie
    assert not permissions.is_projectleider(ander, leider)
    assign_perm("wup.change_wijkplan", leider, ander)
    assert permissions.is_projectleider(ander, leider)


def test_the_plan_page_asks_for_the_rights_on_the_plan_once(client, situatie):
    (eigen, _ander, _raad), (leider, *_rest) = situatie
    client.force_login(leider)
    url = reverse("wijkplan-detail", args=[eigen.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as q:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    # may view, leads the plan, may each transition: all from one pair of queries.
    groepsrechten = [x for x in q.captured_queries if "guardian_groupobjectpermission" in x["sql"]]
    assert len(groepsrechten) == 1
