"""Object-level access: every route that names an object of a plan, asked for by a user who
may see one plan with the object of another plan in its place, and a plan before the council
of another gemeente for its griffier (another projectleider's plan and a draft for the griffier
are walked in tests/wup/test_role_walk.py).

The answer is a 403 or 404, never the object (nor its file: PDF versions, exports). The
expectations for a user's own objects are in ``VERWACHT`` (tests/wup/test_role_walk.py); the
writes to other plans' objects are in tests/wup/test_role_walk_schrijven.py.
"""

import pytest

from tests.factories import inloggen
from tests.wup.test_role_walk import (
    NIET_INGELOGD,
    NIET_TOEGESTAAN,
    PLANOBJECTEN,
    VERWACHT,
    _productroutes,
    _url,
)
from tests.wup.test_role_walk import wereld as _wereld

wereld = _wereld  # the walk's world, built once for this module too

pytestmark = pytest.mark.django_db

GEWEIGERD = {403, 404}
#: The parameters that name the plan itself.
PLANPARAMETERS = ("<int:pk>", "<int:id>", "<slug:slug>")


def _planroutes():
    """Routes of one plan: under /wijkplannen/<plan>, /api/v1/wijkplannen/<plan>, or the
    public pages of a plan (/participatie/<slug>)."""
    return [
        (naam, pattern)
        for naam, pattern in _productroutes()
        if pattern.startswith(("wijkplannen/<int:pk>", "api/v1/wijkplannen/<int:id>"))
        or pattern.startswith("participatie/<slug:slug>")
    ]


def _objectroutes():
    return [(n, p) for n, p in _planroutes() if any(o in p for o in PLANOBJECTEN)]


def _verwacht(naam, planrol, rol):
    verwacht = VERWACHT[naam]
    return (verwacht.get(planrol) or verwacht["plan"])[rol] if "plan" in verwacht else verwacht[rol]


def _geweigerd(response, naam, rol) -> bool:
    """Refused: 403/404; a login for the public on an internal route; or 405 where the route
    has no GET at all (it is walked for its writes)."""
    kreeg = response.status_code
    if kreeg in GEWEIGERD:
        return True
    if kreeg == NIET_TOEGESTAAN and _verwacht(naam, "plan", "projectleider") == NIET_TOEGESTAAN:
        return True
    if rol == "anoniem":
        return kreeg == NIET_INGELOGD or (kreeg == 302 and "/inloggen" in response["Location"])
    return False


def _walk(client, wereld, rol, routes, planrol, objecten_van):
    user = wereld["gebruikers"][rol]
    if user is not None:
        inloggen(client, user)
    afwijkingen = []
    for naam, pattern in routes:
        url = _url(naam, pattern, wereld, planrol, objecten_van=objecten_van)
        response = client.get(url)
        if not _geweigerd(response, naam, rol):
            afwijkingen.append(f"{url}: kreeg {response.status_code}")
        if url.startswith("/api/") and response.status_code >= 400:
            assert response["Content-Type"].startswith("application/problem+json"), url
    return afwijkingen


def test_the_walk_covers_every_object_of_a_plan(wereld):
    gevonden = {o for _, p in _objectroutes() for o in PLANOBJECTEN if o in p}
    assert gevonden == set(PLANOBJECTEN)
    assert len(_objectroutes()) >= 70


#: (who, the plan in the URL that he may see, the plan whose object ids fill the URL)
GEMENGD = [
    ("projectleider", "plan", "vreemd"),  # his plan A, objects of B (another projectleider's)
    ("andere_projectleider", "vreemd", "plan"),
    ("projectleider", "raadsplan", "vreemd"),
    ("griffier", "raadsplan", "plan"),  # before the council, objects of a draft
    ("griffier", "teruggestuurd", "plan"),
    ("beheerder", "plan", "raadsplan"),  # sees every plan, yet an object belongs to one plan
    ("anoniem", "plan", "vreemd"),  # the public pages and links
]


@pytest.mark.parametrize(("rol", "planrol", "objecten_van"), GEMENGD)
def test_an_object_of_another_plan_is_never_served_under_a_plan_the_user_may_see(
    client, wereld, rol, planrol, objecten_van
):
    afwijkingen = _walk(client, wereld, rol, _objectroutes(), planrol, objecten_van)
    assert not afwijkingen, f"{rol} op {planrol} met objecten van {objecten_van}:\n" + "\n".join(
        afwijkingen
    )


#: (who, a plan he may not see at all, with its own objects). Another projectleider's plan
#: and a draft for the griffier are in the walk itself (andere_projectleider and griffier on
#: "plan", tests/wup/test_role_walk.py); here the griffier of another gemeente.
VREEMDE_PLANNEN = [
    ("andere_griffier", "raadsplan"),  # before the council, but of another gemeente
    ("andere_griffier", "teruggestuurd"),
]


@pytest.mark.parametrize(("rol", "planrol"), VREEMDE_PLANNEN)
def test_a_plan_the_user_may_not_see_is_refused_on_every_page_file_and_api_object(
    client, wereld, rol, planrol
):
    routes = [(n, p) for n, p in _planroutes() if not p.startswith("participatie/<slug:slug>")]
    assert len(routes) > 150
    afwijkingen = _walk(client, wereld, rol, routes, planrol, planrol)
    assert not afwijkingen, f"{rol} op {planrol}:\n" + "\n".join(afwijkingen)


def test_the_public_pages_of_an_unpublished_plan_are_not_found_for_the_public(client, wereld):
    """Anyone without a role on the plan: the public, another gemeente's griffier."""
    publiek = [
        (n, p)
        for n, p in _planroutes()
        if p.startswith("participatie/<slug:slug>")
        and n not in ("participatie-raadplegen", "participatie-raadplegen-bedankt")
        and "raadplegen" not in n
    ]
    assert len(publiek) >= 6
    for rol in ("anoniem", "andere_griffier"):
        user = wereld["gebruikers"][rol]
        if user is not None:
            inloggen(client, user)
        for planrol in ("plan", "vreemd"):
            for naam, pattern in publiek:
                url = _url(naam, pattern, wereld, planrol)
                assert client.get(url).status_code == 404, f"{rol}: {url}"


def test_a_griffier_keeps_seeing_a_plan_the_council_sent_back_but_changes_nothing_in_it(
    client, wereld
):
    """The council has seen it: the griffier still reads the plan and its document (as the
    product does for any plan that went to the council, ``may_view``), and only reads."""
    client.force_login(wereld["gebruikers"]["griffier"])
    for naam in ("wijkplan-detail", "wijkplan-historie", "besluitvorming-versies"):
        pattern = dict(_productroutes())[naam]
        assert client.get(_url(naam, pattern, wereld, "teruggestuurd")).status_code == 200
    routes = dict(_productroutes())
    url = _url("wijkplan-bewerken", routes["wijkplan-bewerken"], wereld, "teruggestuurd")
    assert client.get(url).status_code == 403
