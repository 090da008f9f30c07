"""The password policy and the page where a logged-in user changes their password."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories
from tests.wup.test_templates_csp import inline_code

OUD = "geheim-wachtwoord-123"


@pytest.fixture
def pl(gemeente):
    return factories.projectleider(gemeente, username="pl")


def _wijzigen(client, nieuw, herhaling=None, oud=OUD):
    return client.post(
        reverse("account-wachtwoord"),
        {"old_password": oud, "new_password1": nieuw, "new_password2": herhaling or nieuw},
    )


@pytest.mark.parametrize(
    ("wachtwoord", "melding"),
    [
        ("kort-wacht", "te kort"),
        ("123456789012345", "alleen cijfers"),
        ("password12345", "te algemeen"),
        ("x" * 129, "te lang"),
    ],
)
def test_a_weak_password_is_refused_with_a_dutch_message_next_to_the_field(
    client, pl, wachtwoord, melding
):
    client.force_login(pl)
    response = _wijzigen(client, wachtwoord)
    assert response.status_code == 400
    fout = response.text.split('id="id_new_password2_error"')[1].split("</div>")[0]
    assert melding in fout
    assert inline_code(response.text) == []
    pl.refresh_from_db()
    assert pl.check_password(OUD)


def test_long_passphrases_and_any_characters_are_welcome():
    validate_password("één lange zin van woorden, met 😀 erin " * 3)  # 117 characters
    with pytest.raises(ValidationError):
        validate_password("a" * 129)


def test_the_current_password_is_needed(client, pl):
    client.force_login(pl)
    response = _wijzigen(client, "een-goede-lange-zin-2030", oud="fout")
    assert response.status_code == 400
    assert "oude wachtwoord" in response.text.lower()


def test_a_good_password_is_changed_and_the_user_stays_logged_in(client, pl):
    ander = type(client)()
    ander.force_login(pl)
    client.force_login(pl)
    assert client.get(reverse("account-wachtwoord")).status_code == 200
    response = _wijzigen(client, "een-goede-lange-zin-2030")
    assert response.status_code == 302 and response["Location"] == reverse("account")
    assert "Uw wachtwoord is gewijzigd" in client.get(reverse("account")).text
    pl.refresh_from_db()
    assert pl.check_password("een-goede-lange-zin-2030")
    # other sessions of the same user end with the old password
    assert ander.get("/").status_code == 302
