"""`manage.py demo_data`, as `make run` loads it: real areas, a login per role, four plans."""

import re
from base64 import b32decode
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import TOTP

from wup import permissions, selectors
from wup.constants import Fase
from wup.models import Buurt, Faseovergang, Gemeente, Melding, Wijk, Wijkplan

# make run builds the demo with every step's conditions, so the test does too
pytestmark = pytest.mark.all_gates


def _demo_data() -> str:
    out = StringIO()
    call_command("demo_data", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Gemeente, Wijk, Buurt, Wijkplan, Faseovergang, Melding, get_user_model())
    }


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return _demo_data()


def test_ermelo_with_its_cbs_wijken_and_buurten(demo):
    ermelo = Gemeente.objects.get(code="GM0233")
    assert ermelo.naam == "Ermelo"
    assert sorted(ermelo.wijken.values_list("code", flat=True)) == ["WK023300", "WK023301"]
    buurten = Buurt.objects.filter(wijk__gemeente=ermelo)
    assert buurten.count() == 16
    assert buurten.get(code="BU02330002").naam == "Ermelo-West"
    assert buurten.get(code="BU02330100").wijk.code == "WK023301"
    assert not Buurt.objects.filter(code="BU02339997").exists()  # the nameless water buurt


def test_running_it_twice_creates_no_duplicates(demo):
    before = _counts()
    _demo_data()
    assert _counts() == before
    assert before["Wijkplan"] == 4


def test_four_plans_in_four_phases_with_real_history(demo):
    plannen = {p.naam: p for p in Wijkplan.objects.all()}
    assert {p.fase for p in plannen.values()} == {
        Fase.WIJKTOETS,
        Fase.VERKENNING,
        Fase.KEUZE,
        Fase.TER_BESLUITVORMING,
    }
    raad = next(p for p in plannen.values() if p.fase == Fase.TER_BESLUITVORMING)
    assert raad.beoogde_raadsdatum is not None
    assert raad.aangeboden_aan_raad_op is not None
    historie = list(selectors.wijkplan_historie(raad).order_by("op", "pk"))
    assert [h.overgang for h in historie] == [
        "aanmaken",
        "start_verkenning",
        "start_keuze",
        "start_uitwerking",
        "start_uitvoeringsplan",
        "aanbieden_aan_raad",
    ]
    assert all(h.motivatie and h.door.username == "projectleider" for h in historie)
    # The griffier heard of the plan reaching the council.
    assert Melding.objects.filter(ontvanger__username="griffier", faseovergang=historie[-1])


def test_ermelo_west_shows_what_blocks_its_next_step(demo):
    plan = Wijkplan.objects.get(naam="Warmteplan Ermelo-West")
    assert plan.fase == Fase.WIJKTOETS
    open_ = {r.condition.key: r for r in selectors.voortgang(plan).open}
    # no alderman yet, and the wijktoets has not been done: both say so
    assert set(open_) == {"wup.opdrachtgever", "wijktoets.afgerond", "wijktoets.participatieniveau"}
    assert "bestuurlijk opdrachtgever" in open_["wup.opdrachtgever"].message


def test_the_printed_logins_work_and_carry_their_role(demo, client):
    logins = re.findall(r"gebruikersnaam: (\S+)\s+wachtwoord: (\S+)", demo)
    assert {u for u, _ in logins} == {"projectleider", "griffier", "beheerder"}
    sleutel = re.search(r"sleutel ([A-Z2-7]+) \(TOTP", demo).group(1)
    reservecode = re.search(r"reservecode: (\w+)", demo).group(1)
    for username, password in logins:
        # through the login form, as a person trying the demo does (lockout and all)
        response = client.post(reverse("login"), {"username": username, "password": password})
        assert response.status_code == 302, username
        if username == "beheerder":
            # the second step, with a code from an app holding the printed secret ...
            assert response["Location"].startswith(reverse("tweestap-controle"))
            code = TOTP(b32decode(sleutel)).token()
            response = client.post(reverse("tweestap-controle"), {"code": f"{code:06d}"})
            assert response.status_code == 302
            client.post(reverse("logout"))
            # ... or with a printed backup code
            client.post(reverse("login"), {"username": username, "password": password})
            response = client.post(reverse("tweestap-controle"), {"code": reservecode})
            assert response.status_code == 302
        assert client.get(reverse("dashboard")).status_code == 200, username
        client.post(reverse("logout"))

    User = get_user_model()
    ermelo = Gemeente.objects.get(code="GM0233")
    raad = Wijkplan.objects.get(fase=Fase.TER_BESLUITVORMING)
    assert permissions.may_create_in(ermelo, User.objects.get(username="projectleider"))
    assert permissions.is_griffier(raad, User.objects.get(username="griffier"))
    assert list(selectors.wijkplannen_for_user(User.objects.get(username="griffier"))) == [raad]
    assert User.objects.get(username="beheerder").is_staff
    assert not User.objects.get(username="projectleider").is_staff


def test_refuses_to_run_in_production_without_force(db, settings):
    settings.WUP_ENV = "production"
    with pytest.raises(CommandError, match="niet in productie"):
        call_command("demo_data", stdout=StringIO())
    assert not Wijkplan.objects.exists()
