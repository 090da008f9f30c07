"""The residents' side: enter the code or ask for an e-mail link, answer, change, one response."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from participatie.models import Antwoord, Respons, Responscode
from participatie.services import raadplegingen as services
from tests.participatie.raadpleging_opbouw import UUR, open_raadpleging, plan_met_alternatieven

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet(gemeente, projectleider):
    plan = plan_met_alternatieven(gemeente, projectleider)
    r = open_raadpleging(plan, projectleider)
    vragen = {v.soort: v for v in r.vragen.all()}
    return plan, r, vragen


def _urls(plan, r):
    args = [plan.slug, r.pk]
    return (
        reverse("participatie-raadplegen", args=args),
        reverse("participatie-raadplegen-formulier", args=args),
    )


def _antwoorden(vragen, **anders):
    ranking = vragen["rangorde"]
    data = {
        f"vraag-{vragen['voorkeur'].pk}": vragen["voorkeur"].opties[1]["sleutel"],
        f"vraag-{ranking.pk}-{ranking.opties[0]['sleutel']}": "2",
        f"vraag-{ranking.pk}-{ranking.opties[1]['sleutel']}": "1",
        f"vraag-{vragen['likert'].pk}": "4",
        f"vraag-{vragen['meerkeuze'].pk}": ["optie-1", "optie-3"],
        f"vraag-{vragen['open'].pk}": "Graag snel duidelijkheid.",
        "groep": "eigenaar_bewoner",
        "website": "",
    }
    data.update(anders)
    return data


def test_a_household_answers_with_its_code_and_changes_its_answers(client, opzet):
    plan, r, vragen = opzet
    code = Responscode.objects.filter(raadpleging=r).first()
    start, formulier = _urls(plan, r)
    pagina = client.get(start)
    assert pagina.status_code == 200 and "Uw code uit de brief" in pagina.content.decode()
    # typed in lower case without the dash: still the code
    response = client.post(start, {"code": code.code.lower().replace("-", " "), "website": ""})
    assert response.status_code == 302 and response["Location"] == formulier
    assert code.code not in response["Location"]
    html = client.get(formulier).content.decode()
    assert "Plaats voor Luchtwarmtepomp" in html and "Weet ik niet" in html
    response = client.post(formulier, _antwoorden(vragen))
    assert response.status_code == 302
    bedankt = client.get(response["Location"]).content.decode()
    assert "dezelfde code uit de brief" in bedankt

    respons = Respons.objects.get()
    assert respons.buurt == code.buurt and respons.groep == "eigenaar_bewoner"
    waarden = {a.vraag.soort: a.waarde for a in respons.antwoorden.select_related("vraag")}
    alt = vragen["rangorde"].opties
    assert waarden["rangorde"] == [alt[1]["sleutel"], alt[0]["sleutel"]]
    assert waarden["likert"] == 4 and waarden["meerkeuze"] == ["optie-1", "optie-3"]

    # the form shows the earlier answers; a change replaces them, still one response
    html = client.get(formulier).content.decode()
    assert "Graag snel duidelijkheid." in html and "U heeft al gereageerd" in html
    ander = _antwoorden(vragen, **{f"vraag-{vragen['likert'].pk}": "weetniet"})
    del ander[f"vraag-{vragen['open'].pk}"]
    assert client.post(formulier, ander).status_code == 302
    assert client.post(formulier, ander).status_code == 302  # double submit
    respons = Respons.objects.get()
    assert respons.aantal_wijzigingen == 2
    likert = Antwoord.objects.get(respons=respons, vraag=vragen["likert"])
    assert likert.waarde is None  # "weet ik niet"
    assert not Antwoord.objects.filter(respons=respons, vraag=vragen["open"]).exists()

    # a new visit with the same code edits the same response
    client.logout()
    client.post(start, {"code": code.code, "website": ""})
    assert "U heeft al gereageerd" in client.get(formulier).content.decode()


def test_without_a_code_the_form_sends_you_to_the_start(client, opzet):
    plan, r, _vragen = opzet
    start, formulier = _urls(plan, r)
    assert client.get(formulier)["Location"] == start


@pytest.mark.parametrize(
    ("geval", "melding"),
    [
        ("onbekend", "Deze code kennen we niet"),
        ("ingetrokken", "Deze code is ingetrokken"),
        ("andere", "hoort bij een andere raadpleging"),
    ],
)
def test_a_bad_code_is_refused_with_a_reason(client, opzet, projectleider, geval, melding):
    plan, r, _vragen = opzet
    code = Responscode.objects.filter(raadpleging=r).first()
    if geval == "onbekend":
        invoer = "AAAAA-BBBBB"
    elif geval == "ingetrokken":
        services.code_intrekken(code=code, user=projectleider)
        invoer = code.code
    else:
        ander = open_raadpleging(plan, projectleider)
        invoer = ander.codes.first().code
    start, formulier = _urls(plan, r)
    response = client.post(start, {"code": invoer, "website": ""})
    assert response.status_code == 400
    assert melding in response.content.decode()
    assert client.get(formulier).status_code == 302


def test_a_revoked_code_stops_working_but_its_response_stays(client, opzet, projectleider):
    plan, r, vragen = opzet
    code = Responscode.objects.filter(raadpleging=r).first()
    start, formulier = _urls(plan, r)
    client.post(start, {"code": code.code, "website": ""})
    client.post(formulier, _antwoorden(vragen))
    services.code_intrekken(code=code, user=projectleider)
    assert client.post(formulier, _antwoorden(vragen)).status_code == 302  # back to the start
    assert Respons.objects.get().aantal_wijzigingen == 0


def test_a_closed_or_not_yet_open_consultation_takes_no_answers(client, opzet):
    plan, r, vragen = opzet
    code = Responscode.objects.filter(raadpleging=r).first()
    start, formulier = _urls(plan, r)
    client.post(start, {"code": code.code, "website": ""})
    type(r).objects.filter(pk=r.pk).update(
        opent_op=timezone.now() - 48 * UUR, sluit_op=timezone.now() - UUR
    )
    response = client.post(formulier, _antwoorden(vragen))
    assert response.status_code == 400
    assert "De raadpleging is gesloten op" in response.content.decode()
    response = client.post(start, {"code": code.code, "website": ""})
    assert "De raadpleging is gesloten op" in response.content.decode()
    type(r).objects.filter(pk=r.pk).update(
        opent_op=timezone.now() + UUR, sluit_op=timezone.now() + 48 * UUR
    )
    response = client.post(start, {"code": code.code, "website": ""})
    assert response.status_code == 400 and "nog niet open" in response.content.decode()
    assert not Respons.objects.exists()


def test_bad_answers_are_shown_next_to_the_field_and_nothing_is_saved(client, opzet):
    plan, r, vragen = opzet
    code = Responscode.objects.filter(raadpleging=r).first()
    start, formulier = _urls(plan, r)
    client.post(start, {"code": code.code, "website": ""})
    ranking = vragen["rangorde"]
    data = _antwoorden(
        vragen,
        **{
            f"vraag-{vragen['voorkeur'].pk}": "",  # required
            f"vraag-{ranking.pk}-{ranking.opties[0]['sleutel']}": "1",  # 1 twice
            f"vraag-{ranking.pk}-{ranking.opties[1]['sleutel']}": "1",
            f"vraag-{vragen['meerkeuze'].pk}": ["optie-1", "optie-99"],  # tampered
            f"vraag-{vragen['open'].pk}": "x" * 2001,
        },
    )
    response = client.post(formulier, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Deze vraag is verplicht" in html
    assert "elke plaats van 1 tot 2" in html
    assert "Kies een van de antwoorden uit de lijst" in html
    assert "Gebruik hoogstens 2000 tekens" in html
    assert f'id="vraag-{vragen["voorkeur"].pk}_error"' in html
    assert 'value="4" id="id_vraag-' in html and "checked" in html  # the Likert answer kept
    assert not Respons.objects.exists()


def test_a_tampered_preference_key_is_refused(client, opzet):
    plan, r, vragen = opzet
    start, formulier = _urls(plan, r)
    client.post(start, {"code": r.codes.first().code, "website": ""})
    response = client.post(
        formulier, _antwoorden(vragen, **{f"vraag-{vragen['voorkeur'].pk}": "alt-999999"})
    )
    assert response.status_code == 400 and not Respons.objects.exists()


def test_a_huge_body_is_refused_before_it_is_read(client, opzet):
    plan, r, _vragen = opzet
    start, formulier = _urls(plan, r)
    client.post(start, {"code": r.codes.first().code, "website": ""})
    response = client.post(formulier, {"groep": "anders", "x": "y" * (10 * 1024 * 1024)})
    assert response.status_code == 413
    assert not Respons.objects.exists()


def test_every_input_has_a_label_and_groups_have_a_legend(client, opzet):
    plan, r, _vragen = opzet
    start, formulier = _urls(plan, r)
    client.post(start, {"code": r.codes.first().code, "website": ""})
    html = client.get(formulier).content.decode()
    ids = re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html)
    assert ids
    for i in ids:
        assert f'for="{i}"' in html, i
    assert html.count("<fieldset") == html.count("<legend") >= 5  # four questions + group
    assert "<script" not in html


def test_the_email_route_sends_a_link_and_a_new_one_replaces_it(
    client, gemeente, projectleider, mailoutbox, django_capture_on_commit_callbacks
):
    plan = plan_met_alternatieven(gemeente, projectleider)
    r = open_raadpleging(plan, projectleider, deelname="email")
    vragen = {v.soort: v for v in r.vragen.all()}
    start, formulier = _urls(plan, r)
    assert client.post(start, {"email": "geen-adres", "website": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start, {"email": "Bewoner@Example.nl", "website": ""})
    assert response.status_code == 200 and "Kijk in uw mail" in response.content.decode()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["bewoner@example.nl"]
    eerste = re.search(r"http://\S+", mailoutbox[0].body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(start, {"email": "bewoner@example.nl", "website": ""})
    tweede = re.search(r"http://\S+", mailoutbox[1].body).group(0)
    assert eerste != tweede
    from participatie.models import EmailDeelname

    deelname = EmailDeelname.objects.get()
    assert deelname.sleutel_hash not in (eerste, tweede)  # only the hash is stored
    assert tweede.rsplit("/", 1)[1] not in deelname.sleutel_hash

    verlopen = client.get(eerste)
    assert verlopen.status_code == 400 and "Deze link werkt niet meer" in verlopen.content.decode()
    assert client.get(tweede)["Location"] == formulier
    html = client.get(formulier).content.decode()
    assert "In welke buurt woont of werkt u?" in html
    data = _antwoorden(vragen)
    assert client.post(formulier, data).status_code == 400  # buurt missing
    buurt = plan.buurten.get(code="BU99990002")
    assert client.post(formulier, {**data, "buurt": str(buurt.pk)}).status_code == 302
    # asking again gives a new link to the same participation: never a second response
    with django_capture_on_commit_callbacks(execute=True):
        client.post(start, {"email": "bewoner@example.nl", "website": ""})
    derde = re.search(r"http://\S+", mailoutbox[2].body).group(0)
    client.get(derde)
    assert client.post(formulier, {**data, "buurt": "onbekend"}).status_code == 302
    respons = Respons.objects.get()
    assert respons.buurt is None and respons.aantal_wijzigingen == 1
