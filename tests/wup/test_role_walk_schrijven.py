"""Walk every route with every write method, for every role that may not write there, and
assert that it is refused before anything is read from the request, and that nothing changed.

An empty body is enough: a view that checked the body before the user would answer 400 or
show the form with its errors (200) instead of refusing. After each role's walk the whole
database is compared with a snapshot taken before it.

Who may write comes from ``VERWACHT`` and ``SCHRIJVEN`` (tests/wup/test_role_walk.py).
"""

import hashlib

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import inloggen
from tests.wup.test_role_walk import (
    LOGIN,
    NIET_INGELOGD,
    NIET_TOEGESTAAN,
    PLANOBJECTEN,
    ROLLEN,
    SCHRIJVEN,
    VERWACHT,
    _productroutes,
    _url,
)
from tests.wup.test_role_walk import wereld as _wereld

wereld = _wereld  # the walk's world, built once for this module too

pytestmark = pytest.mark.django_db

API_METHODEN = ("post", "put", "patch", "delete")
#: Tables a refused request may change: the session of the logged-in test user.
NIET_VERGELEKEN = {"sessions"}
GEWEIGERD = {403, 404, NIET_TOEGESTAAN}


def _is_planroute(pattern: str) -> bool:
    return pattern.startswith(("wijkplannen/<int:pk>", "api/v1/wijkplannen/<int:id>"))


def _per_plan(naam):
    verwacht = VERWACHT[naam]
    return verwacht.items() if "plan" in verwacht else [("plan", verwacht)]


def _mag_lezen(status) -> bool:
    return status not in (LOGIN, NIET_INGELOGD, 403, 404)


def _schrijvers(naam, pattern, planrol, per_rol) -> set[str]:
    """The roles that may write to this route of this plan."""
    if naam in SCHRIJVEN:
        s = SCHRIJVEN[naam]
        return set(s[planrol] if isinstance(s, dict) else s)
    if _is_planroute(pattern):
        return {"projectleider"}
    lezers = {rol for rol, status in per_rol.items() if _mag_lezen(status)}
    if pattern.startswith("participatie/<slug:slug>"):
        return lezers  # a public page: whoever sees it may send its form
    assert len(lezers - {"anoniem"}) <= 1, (
        f"{naam}: wie mag hier schrijven? Zet het in SCHRIJVEN (tests/wup/test_role_walk.py)."
    )
    return lezers


def test_every_route_that_several_roles_may_read_says_who_may_write():
    for naam, pattern in _productroutes():
        for planrol, per_rol in _per_plan(naam):
            _schrijvers(naam, pattern, planrol, per_rol)  # fails on a route with no decision
    assert set(SCHRIJVEN) <= set(VERWACHT)


def _momentopname() -> dict[str, str]:
    """A digest of every row of every table, per model (on PostgreSQL computed by the server,
    in one query)."""
    modellen = [
        m
        for m in apps.get_models()
        if m._meta.app_label not in NIET_VERGELEKEN and m._meta.managed and not m._meta.proxy
    ]
    if connection.vendor == "postgresql":
        q = connection.ops.quote_name
        # only the quoted names of the product's own tables and columns go into the query
        delen = [
            f"SELECT {i}, md5(coalesce(string_agg(t::text, '|' ORDER BY t.{q(m._meta.pk.column)}),"  # noqa: S608
            f" '')) FROM {q(m._meta.db_table)} t"
            for i, m in enumerate(modellen)
        ]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(delen))
            return {modellen[i]._meta.label: d for i, d in cursor.fetchall()}
    return {
        m._meta.label: hashlib.sha256(
            repr(list(m._base_manager.order_by("pk").values_list())).encode()
        ).hexdigest()
        for m in modellen
    }


def _verschil(voor, na) -> list[str]:
    return sorted(label for label in voor if voor[label] != na.get(label))


def test_the_snapshot_sees_a_changed_row(wereld):
    from besluitvorming.models import Randvoorwaarde

    voor = _momentopname()
    plan = wereld["plannen"]["plan"][0]
    Randvoorwaarde.objects.filter(wijkplan=plan).update(tekst="Anders")
    assert _verschil(voor, _momentopname()) == ["besluitvorming.Randvoorwaarde"]


def _geweigerd(response, rol, api: bool) -> bool:
    kreeg = response.status_code
    if kreeg in GEWEIGERD:
        return True
    if rol == "anoniem":
        if api:
            return kreeg == NIET_INGELOGD
        return kreeg == 302 and "/inloggen" in response["Location"]
    return False


def _schrijf(client, methode, url):
    if url.startswith("/api/"):
        return getattr(client, methode)(url, data="{}", content_type="application/json")
    return client.post(url, data={})


def _schrijfwalk(client, wereld, rol, gevallen):
    """``gevallen``: (route name, pattern, plan of the URL, plan of the objects)."""
    user = wereld["gebruikers"][rol]
    if user is not None:
        inloggen(client, user)
    voor = _momentopname()
    afwijkingen, aantal = [], 0
    for naam, pattern, planrol, objecten_van in gevallen:
        url = _url(naam, pattern, wereld, planrol, objecten_van=objecten_van)
        api = url.startswith("/api/")
        for methode in API_METHODEN if api else ("post",):
            response = _schrijf(client, methode, url)
            aantal += 1
            if not _geweigerd(response, rol, api):
                afwijkingen.append(f"{methode.upper()} {url}: kreeg {response.status_code}")
            if api and response.status_code >= 400:
                assert response["Content-Type"].startswith("application/problem+json"), url
    veranderd = _verschil(voor, _momentopname())
    return afwijkingen, veranderd, aantal


@pytest.mark.parametrize("rol", ROLLEN)
def test_a_role_that_may_not_write_is_refused_every_write_and_nothing_changes(client, wereld, rol):
    gevallen = []
    for naam, pattern in _productroutes():
        if naam in ("logout", "login"):
            continue  # they change who is logged in, not the data; everyone may
        for planrol, per_rol in _per_plan(naam):
            if rol not in _schrijvers(naam, pattern, planrol, per_rol):
                gevallen.append((naam, pattern, planrol, planrol))
    afwijkingen, veranderd, aantal = _schrijfwalk(client, wereld, rol, gevallen)
    assert aantal > 30
    assert not afwijkingen, f"{rol}:\n" + "\n".join(afwijkingen)
    assert not veranderd, f"{rol}: geweigerde verzoeken veranderden {veranderd}"


#: (who, a plan he may write to, the plan whose objects fill the URL)
GEMENGD = [
    ("projectleider", "plan", "vreemd"),
    ("projectleider", "raadsplan", "vreemd"),
    ("andere_projectleider", "vreemd", "plan"),
    ("griffier", "raadsplan", "plan"),
    ("beheerder", "plan", "raadsplan"),
]


@pytest.mark.parametrize(("rol", "planrol", "objecten_van"), GEMENGD)
def test_a_write_to_an_object_of_another_plan_is_refused_and_changes_nothing(
    client, wereld, rol, planrol, objecten_van
):
    gevallen = [
        (naam, pattern, planrol, objecten_van)
        for naam, pattern in _productroutes()
        if _is_planroute(pattern) and any(o in pattern for o in PLANOBJECTEN)
    ]
    afwijkingen, veranderd, aantal = _schrijfwalk(client, wereld, rol, gevallen)
    assert aantal > 100
    assert not afwijkingen, f"{rol} op {planrol} met objecten van {objecten_van}:\n" + "\n".join(
        afwijkingen
    )
    assert not veranderd, f"{rol}: geweigerde verzoeken veranderden {veranderd}"


#: (who, a plan he may see but not change, or may not see at all): every write to every route
#: of that plan is refused
GRIFFIE = [
    ("griffier", "teruggestuurd"),  # sent back by the council: he still reads it, only reads
    ("andere_griffier", "raadsplan"),  # before the council of another gemeente
]


@pytest.mark.parametrize(("rol", "planrol"), GRIFFIE)
def test_a_griffier_changes_nothing_in_a_plan_sent_back_nor_in_another_gemeentes(
    client, wereld, rol, planrol
):
    gevallen = [
        (naam, pattern, planrol, planrol)
        for naam, pattern in _productroutes()
        if _is_planroute(pattern)
    ]
    afwijkingen, veranderd, aantal = _schrijfwalk(client, wereld, rol, gevallen)
    assert aantal > 200
    assert not afwijkingen, f"{rol} op {planrol}:\n" + "\n".join(afwijkingen)
    assert not veranderd, f"{rol}: geweigerde verzoeken veranderden {veranderd}"
